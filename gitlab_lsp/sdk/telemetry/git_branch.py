"""The git branch a document is on, read from files: no `git` process, ever.

The nearest `.git` above the document is either a directory or, in a linked worktree or a
submodule, a file saying `gitdir: <path>`; that directory's `HEAD` says `ref: refs/heads/<b>`
on a branch, or holds a bare commit id when the HEAD is detached (no branch: None). Results
are cached per directory and per HEAD file's modification time, so a checkout is noticed and
an unchanged repository costs one `stat`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger("gitlab_lsp.sdk.telemetry")

_BRANCH_PREFIX = "ref: refs/heads/"
#: HEAD files are tiny; anything larger is not one.
_MAX_HEAD_BYTES = 4096


class BranchReader:
    def __init__(self) -> None:
        self._git_dirs: dict[Path, Path | None] = {}
        self._heads: dict[Path, tuple[int, str | None]] = {}

    def branch_of(self, document_path: str | None) -> str | None:
        if not document_path:
            return None
        try:
            git_dir = self._git_dir(Path(document_path).parent)
            if git_dir is None:
                return None
            return self._branch(git_dir / "HEAD")
        except OSError as exc:
            log.debug("no git branch for a document: %s", type(exc).__name__)
            return None

    def _git_dir(self, directory: Path) -> Path | None:
        if directory in self._git_dirs:
            return self._git_dirs[directory]
        found: Path | None = None
        dot_git = directory / ".git"
        if dot_git.is_dir():
            found = dot_git
        elif dot_git.is_file():
            found = _linked_git_dir(dot_git)
        elif directory.parent != directory:
            found = self._git_dir(directory.parent)
        if len(self._git_dirs) > 4096:
            self._git_dirs.clear()
        self._git_dirs[directory] = found
        return found

    def _branch(self, head: Path) -> str | None:
        mtime = os.stat(head).st_mtime_ns
        cached = self._heads.get(head)
        if cached is not None and cached[0] == mtime:
            return cached[1]
        with open(head, "rb") as handle:
            text = handle.read(_MAX_HEAD_BYTES).decode("utf-8", "replace").strip()
        branch: str | None = None
        if text.startswith(_BRANCH_PREFIX):
            branch = text[len(_BRANCH_PREFIX) :].strip() or None
        self._heads[head] = (mtime, branch)
        return branch


def _linked_git_dir(dot_git_file: Path) -> Path | None:
    """The directory a `.git` file points to (`gitdir: ...`, relative to the file)."""
    with open(dot_git_file, "rb") as handle:
        text = handle.read(_MAX_HEAD_BYTES).decode("utf-8", "replace").strip()
    if not text.startswith("gitdir:"):
        return None
    target = Path(text[len("gitdir:") :].strip())
    if not target.is_absolute():
        target = dot_git_file.parent / target
    return target if target.is_dir() else None
