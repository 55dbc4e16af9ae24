"""editors/vim in a real Vim 9: the yegappan file's line-break hook, with the plugin stubbed.

Vim's `complete()` inserts a "\\n" of a completion word as a NUL byte; the hook must turn a
multi-line suggestion accepted from the menu back into lines. vim-lsp needs no hook (it applies
the item's text edit itself); the message sequences both plugins send are replayed in
tests/server/test_clients.py.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import EDITORS

VIM = shutil.which("vim")

pytestmark = [
    pytest.mark.editor,
    pytest.mark.skipif(VIM is None, reason="Vim is not installed (CI installs Debian's vim)"),
]

SCRIPT = """vim9script
set nocompatible
set completeopt=menuone
g:servers = []
def g:LspAddServer(servers: list<any>)
  g:servers = servers
enddef
source {config}
def g:Offer(): string
  complete(col('.'), ["fibonacci(n):\\n    return n\\n"])
  return ''
enddef
feedkeys("Adef \\<C-R>=g:Offer()\\<CR>\\<C-y>x\\<Esc>", 'tx')
writefile(getline(1, '$') + [string(g:servers[0].args)], '{out}')
qa!
"""


def test_yegappan_config_turns_nul_bytes_back_into_lines(tmp_path: Path) -> None:
    assert VIM is not None
    out = tmp_path / "out.txt"
    script = tmp_path / "test.vim"
    config = EDITORS / "vim" / "gitlab-lsp-yegappan.vim"
    script.write_text(SCRIPT.format(config=config, out=out), encoding="utf-8")
    subprocess.run(
        [VIM, "-N", "-u", str(script), "-i", "NONE", "-n", "--not-a-term"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    lines = out.read_text(encoding="utf-8").split("\n")
    # What was typed after accepting ("x") lands after the suggestion, on its last line.
    assert lines[:3] == ["def fibonacci(n):", "    return n", "x"], lines
    assert lines[3] == "['--stdio']"
