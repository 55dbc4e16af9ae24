"""Where the workspace is: the folders that bound what may be read and how files are named.

Every name that leaves the machine is relative to the workspace folder that holds the file
(the innermost one, for nested multi-root workspaces), or the bare file name when no folder
holds it: an absolute path would leak the user's home directory and name.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass


def _norm(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


@dataclass(frozen=True)
class Workspace:
    """The workspace folders (absolute paths), innermost first when they nest."""

    folders: tuple[str, ...] = ()

    @classmethod
    def of(cls, folders: Iterable[str]) -> Workspace:
        unique = {_norm(f) for f in folders if f}
        return cls(tuple(sorted(unique, key=len, reverse=True)))

    def folder_of(self, path: str) -> str | None:
        """The innermost folder that contains `path`, or None."""
        if not os.path.isabs(path):
            return None
        full = _norm(path)
        for folder in self.folders:
            if full == folder or full.startswith(folder.rstrip(os.sep) + os.sep):
                return folder
        return None

    def contains(self, path: str) -> bool:
        return self.folder_of(path) is not None

    def relative_name(self, path: str) -> str:
        """`path` relative to its workspace folder (with `/`), else its base name."""
        folder = self.folder_of(path)
        if folder is None:
            return os.path.basename(path.replace("\\", "/").rstrip("/")) or "untitled"
        relative = os.path.relpath(_norm(path), folder)
        return relative.replace(os.sep, "/")
