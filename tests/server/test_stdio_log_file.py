"""The log file names the files being edited and the instance used: it is private to its owner,
and no record is lost to text that does not encode (a lone surrogate in a URI)."""

from __future__ import annotations

import stat
from pathlib import Path

from .raw_stdio import RawServer

SURROGATE_URI = "file:///work/caf\udce9.py"  # a Latin-1 file name decoded with surrogateescape


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def stop(server: RawServer) -> None:
    server.send({"jsonrpc": "2.0", "id": 99, "method": "shutdown"})
    server.answer(99)
    server.send({"jsonrpc": "2.0", "method": "exit"})
    assert server.wait() == 0


def test_the_default_log_file_is_0600_in_a_0700_directory(tmp_path: Path) -> None:
    state = tmp_path / "state"
    log_file = state / "gitlab-lsp" / "log" / "gitlab-lsp.log"
    log_file.parent.mkdir(parents=True, mode=0o755)
    log_file.parent.chmod(0o755)  # left by an older version, world-readable
    log_file.write_text("old\n")
    log_file.chmod(0o644)
    server = RawServer(tmp_path, log_file=log_file, env={"XDG_STATE_HOME": str(state)})
    try:
        server.initialize()
        stop(server)
    finally:
        server.kill()
    assert "gitlab-lsp starting" in log_file.read_text()
    assert (mode(log_file), mode(log_file.parent)) == (0o600, 0o700)


def test_a_chosen_log_file_is_0600_and_its_new_directories_0700(tmp_path: Path) -> None:
    log_file = tmp_path / "new" / "dir" / "server.log"
    server = RawServer(tmp_path, log_file=log_file)
    try:
        server.initialize()
        stop(server)
    finally:
        server.kill()
    assert mode(log_file) == 0o600
    assert (mode(log_file.parent), mode(log_file.parent.parent)) == (0o700, 0o700)


def test_a_lone_surrogate_in_a_uri_loses_no_log_record(tmp_path: Path) -> None:
    server = RawServer(tmp_path)
    try:
        server.initialize()
        server.send(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didChange",
                "params": {
                    "textDocument": {"uri": SURROGATE_URI, "version": 2},
                    "contentChanges": [{"text": "x = 1\n"}],
                },
            }
        )
        stop(server)
    finally:
        server.kill()
    written = server.log_file.read_text()
    assert "never opened: file:///work/caf\\udce9.py" in written
    problems = server.stderr_file.read_text() + written
    assert "UnicodeEncodeError" not in problems and "Logging error" not in problems
