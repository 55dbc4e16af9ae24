"""The issue's reproduction over stdio: a secret in a generation's instruction stays local."""

from __future__ import annotations

import json

from lsprotocol import types

from .session import INSTANCE_COMPLETIONS, LOG_FILE, Session

SECRET = "glpat-Rq7mT2xV9kLp4sW8nZ3c"
TEXT = f"import os\n\n\n# call the gitlab api with token {SECRET} to list the projects\n"
URI = "file:///work/project/tool.py"


async def test_a_token_in_the_instruction_reaches_no_party(session: Session) -> None:
    await session.start()
    session.open(uri=URI, text=TEXT)
    session.mock.control.clear_requests()
    result = await session.inline(types.Position(line=4, character=0), uri=URI)
    assert result is not None and result.items
    sent = [e for e in session.mock.control.requests() if e["path"] == INSTANCE_COMPLETIONS]
    assert len(sent) == 1
    assert sent[0]["json"]["intent"] == "generation"
    instruction = sent[0]["json"]["user_instruction"]
    assert "call the gitlab api with token " in instruction and "*" * len(SECRET) in instruction
    assert SECRET not in json.dumps(session.mock.control.requests())
    if LOG_FILE.exists():
        assert SECRET not in LOG_FILE.read_text(encoding="utf-8", errors="replace")
