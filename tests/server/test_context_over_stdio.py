"""Context over stdio: what the mock receives from a real session in a workspace folder.

The request log is grepped for what must never be there: the workspace's absolute path (it
holds the user's home directory) and a secret from an open document.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from lsprotocol import types

from .session import INSTANCE_COMPLETIONS, SUGGESTION_PATHS, Session, inline_capabilities

SECRET = "glpat-Rq7mT2xV9kLp4sW8nZ3c"
HELPERS = (
    '"""Helpers."""\n\n\n'
    "def parse_header(value: str, strict: bool = False) -> dict[str, str]:\n"
    '    """Split a header into its parameters."""\n'
    + "".join(
        f"    step_{i} = value.strip()  # a long body the context need not carry\n"
        for i in range(40)
    )
    + "    return {}\n"
)
APP = (
    "from helpers import parse_header\n\n\n"
    + "".join(f"def route_{i}(request):\n    return request.path + '/{i}'\n\n\n" for i in range(12))
    + "def handle(raw):\n    fields = parse_header(\n    return fields\n\n\n"
    + "def tail():\n    return None\n"
)
APP_END = types.Position(line=APP.count("\n") - 6, character=len("    fields = parse_header("))
NOTES = f'TOKEN = "{SECRET}"\n\n\ndef notes():\n    return TOKEN\n'


async def _start(session: Session, folder: Path, **settings: Any) -> None:
    options = {"ide": {"name": "pytest", "version": "1.0"}, **session.settings(**settings)}
    await session.client.initialize_session(
        types.InitializeParams(
            capabilities=inline_capabilities(),
            initialization_options=options,
            workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="project")],
        )
    )


def _project(tmp_path: Path) -> Path:
    folder = tmp_path / "home" / "someone" / "project"
    (folder / "pkg").mkdir(parents=True)
    (folder / "helpers.py").write_text(HELPERS)
    (folder / "pkg" / "app.py").write_text(APP)
    (folder / "pkg" / "notes.py").write_text(NOTES)
    return folder


def _sent(session: Session) -> list[dict[str, Any]]:
    return [
        e["json"]
        for e in session.mock.control.requests()
        if e["path"] in SUGGESTION_PATHS or e["path"] == INSTANCE_COMPLETIONS
    ]


async def _complete_in_app(session: Session, folder: Path) -> types.InlineCompletionList | None:
    session.open(uri=(folder / "pkg" / "notes.py").as_uri(), text=NOTES)
    app = (folder / "pkg" / "app.py").as_uri()
    session.open(uri=app, text=APP)
    # As GitLab's plugins do when the editor shows a file: the server indexes what it
    # imports then, off the request path.
    session.client.protocol.notify("$/gitlab/didChangeDocumentInActiveEditor", [app])
    session.mock.control.clear_requests()
    return await session.inline(APP_END, uri=app)


async def test_context_is_relative_redacted_and_used(session: Session, tmp_path: Path) -> None:
    folder = _project(tmp_path)
    await _start(session, folder)
    result = await _complete_in_app(session, folder)
    bodies = _sent(session)
    assert len(bodies) == 1
    body = bodies[0]
    assert body["current_file"]["file_name"] == "pkg/app.py"
    by_name = {item["name"]: item for item in body["context"]}
    imported = by_name["helpers.py"]
    assert imported["resolution_strategy"] == "imports"
    assert "def parse_header(value: str, strict: bool = False)" in imported["content"]
    assert "step_39" not in imported["content"]  # the signature, not the whole body
    assert by_name["pkg/notes.py"]["resolution_strategy"] == "open_tabs"
    assert "*" * len(SECRET) in by_name["pkg/notes.py"]["content"]
    log = json.dumps(session.mock.control.requests())
    assert str(tmp_path) not in log and "/home/someone" not in log
    assert SECRET not in log
    # The mock's model completes the call with the parameters the context defines.
    assert result is not None and result.items
    assert result.items[0].insert_text == "value, strict)"


async def test_every_source_off_sends_no_context(session: Session, tmp_path: Path) -> None:
    folder = _project(tmp_path)
    off = {"contextImports": False, "contextRecentEdits": False}
    await _start(session, folder, openTabsContext=False, codeCompletion=off)
    await _complete_in_app(session, folder)
    bodies = _sent(session)
    assert len(bodies) == 1 and "context" not in bodies[0]
    assert bodies[0]["current_file"]["file_name"] == "pkg/app.py"


async def test_excluded_files_are_never_sent(session: Session, tmp_path: Path) -> None:
    folder = _project(tmp_path)
    (folder / ".gitignore").write_text("helpers.py\n")
    await _start(session, folder, codeCompletion={"contextExclusions": ["**/notes.py"]})
    await _complete_in_app(session, folder)
    bodies = _sent(session)
    assert len(bodies) == 1
    names = [item["name"] for item in bodies[0].get("context", [])]
    assert "helpers.py" not in names and "pkg/notes.py" not in names


async def test_without_focus_the_first_request_leaves_imports_to_a_warm_up(
    session: Session, tmp_path: Path
) -> None:
    """A client that never says which file is shown: the first request parses nothing from
    disk (no request pays for an import graph) and starts indexing the imports; a later
    request has them."""
    folder = _project(tmp_path)
    await _start(session, folder, suggestionsCache={"enabled": False})
    app = (folder / "pkg" / "app.py").as_uri()
    session.open(uri=app, text=APP)
    session.mock.control.clear_requests()
    await session.inline(APP_END, uri=app)
    first = _sent(session)[0]
    assert "helpers.py" not in {item["name"] for item in first.get("context", [])}

    async def imported() -> bool:
        session.mock.control.clear_requests()
        await session.inline(APP_END, uri=app)
        return "helpers.py" in {item["name"] for item in _sent(session)[0].get("context", [])}

    async def eventually_imported() -> None:
        while not await imported():
            pass

    await asyncio.wait_for(eventually_imported(), 10)
