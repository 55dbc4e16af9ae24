"""A stand-in for the pygls server the context feed reads workspace folders from."""

from __future__ import annotations

from pathlib import Path


class FakeFolders:
    def __init__(self, root: Path) -> None:
        self.folders = {root.as_uri(): None}
        self.root_path = str(root)


class FakeServer:
    """Just `workspace`, with one folder at `root`."""

    def __init__(self, root: Path) -> None:
        self.workspace = FakeFolders(root)
