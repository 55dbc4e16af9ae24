"""Logs: the file under the chosen path, the level from settings, tokens never written."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from gitlab_lsp.server import logs

TOKEN = "glpat-" + "x1y2z3" * 4


@pytest.fixture
def restored_logging() -> Iterator[None]:
    """`logs.configure` sets up process-wide logging: put it back for the other tests."""
    saved = {}
    for name in ("", *logs.OUR_LOGGERS, "pygls"):
        logger = logging.getLogger(name)
        saved[name] = (list(logger.handlers), logger.propagate, logger.level)
    yield
    for name, (handlers, propagate, level) in saved.items():
        logger = logging.getLogger(name)
        for handler in logger.handlers:
            if handler not in handlers:
                handler.close()
        logger.handlers[:] = handlers
        logger.propagate = propagate
        logger.setLevel(level)


def test_file_log_at_the_configured_level_without_tokens(
    tmp_path: Path, restored_logging: None
) -> None:
    path = logs.configure("info", str(tmp_path / "nested" / "server.log"))
    assert path == tmp_path / "nested" / "server.log"
    log = logging.getLogger("gitlab_lsp.server.test")
    log.debug("not at info level")
    log.info("token is %s", TOKEN)
    logs.set_level("debug")
    log.debug("now at debug level")
    logging.getLogger("pygls.protocol").error("could not read %s", {"token": TOKEN})
    logging.getLogger("pygls.protocol").warning("pygls chatter below ERROR")
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = path.read_text()
    assert "not at info level" not in written
    assert "now at debug level" in written
    assert "token is" in written and "could not read" in written
    assert "pygls chatter" not in written
    assert TOKEN not in written


def test_default_log_file_is_in_the_user_log_directory() -> None:
    import platformdirs

    assert logs.default_log_file().parent == Path(
        platformdirs.user_log_dir("gitlab-lsp", appauthor=False)
    )
