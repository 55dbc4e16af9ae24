"""`$/gitlab/featureStateChange` for the document in front of the user, end to end.

The active document comes from `$/gitlab/didChangeDocumentInActiveEditor`, whose params
differ by client: GitLab's plugins send the bare URI (on the wire from vscode-jsonrpc, a
one-element array), others `{uri}`.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from lsprotocol import types

from .session import PY_TEXT, PY_URI, Session, end_of, upstream_calls

pytestmark = pytest.mark.asyncio

ACTIVE_EDITOR = "$/gitlab/didChangeDocumentInActiveEditor"
STATE = "$/gitlab/featureStateChange"
UNSUPPORTED = "code-suggestions-document-unsupported-language"
DISABLED = "code-suggestions-document-disabled-language"
TXT_URI = "file:///work/project/notes.txt"
TXT_TEXT = "Shopping list for the team offsite:\n- coffee\n- "


def engaged(state: Any) -> list[str]:
    return [check["checkId"] for check in state[0][0]["engagedChecks"]]


async def state_with(session: Session, predicate: Any, timeout: float = 5.0) -> list[str]:
    """The first feature state (already sent or still to come) whose checks satisfy `predicate`."""

    async def wait() -> list[str]:
        while True:
            for state in session.notifications[STATE]:
                if predicate(engaged(state)):
                    return engaged(state)
            await asyncio.sleep(0.02)

    return await asyncio.wait_for(wait(), timeout)


def open_notes(session: Session) -> None:
    session.open(uri=TXT_URI, text=TXT_TEXT, language="plaintext")


@pytest.mark.parametrize(
    "params",
    [
        pytest.param([TXT_URI], id="one-element-array"),  # vscode-jsonrpc's bare string
        pytest.param(TXT_URI, id="string"),
        pytest.param({"uri": TXT_URI}, id="object"),
        pytest.param([{"uri": TXT_URI}], id="array-of-object"),
    ],
)
async def test_active_editor_in_every_shape_reports_the_language(
    session: Session, params: Any
) -> None:
    await session.start()
    open_notes(session)
    session.client.protocol.notify(ACTIVE_EDITOR, params)
    assert UNSUPPORTED in await state_with(session, lambda checks: UNSUPPORTED in checks)


async def test_active_editor_with_unusable_params_is_ignored(session: Session) -> None:
    await session.start()
    session.open()
    open_notes(session)
    for params in (
        None,
        42,
        [],
        [TXT_URI, PY_URI],
        [7],
        {"uri": 5},
        {"file": TXT_URI},
        [[TXT_URI]],
    ):
        session.client.protocol.notify(ACTIVE_EDITOR, params)
    # The server is still up and answering, and none of those selected the text document.
    result = await session.inline(end_of(PY_TEXT))
    assert result is not None and result.items
    await session.barrier()
    assert not any(UNSUPPORTED in engaged(s) for s in session.notifications[STATE])
    errors = [m.message for m in session.client.log_messages if m.type == types.MessageType.Error]
    assert errors == []


async def test_switching_to_a_document_the_server_does_not_hold_releases_the_check(
    session: Session,
) -> None:
    await session.start()
    open_notes(session)
    session.client.protocol.notify(ACTIVE_EDITOR, [TXT_URI])
    await state_with(session, lambda checks: UNSUPPORTED in checks)
    session.client.protocol.notify(ACTIVE_EDITOR, ["untitled:Untitled-1"])
    sent = len(session.notifications[STATE])
    await asyncio.wait_for(_more(session, sent), 5)
    assert UNSUPPORTED not in engaged(session.notifications[STATE][-1])


async def test_additional_languages_get_suggestions(session: Session) -> None:
    await session.start(codeCompletion={"additionalLanguages": ["plaintext"]})
    open_notes(session)
    session.client.protocol.notify(ACTIVE_EDITOR, [TXT_URI])
    session.mock.control.clear_requests()
    await session.inline(end_of(TXT_TEXT), uri=TXT_URI)
    assert upstream_calls(session.mock), "no request for a language named in additionalLanguages"
    await session.barrier()
    assert not any(UNSUPPORTED in engaged(s) for s in session.notifications[STATE])


async def test_language_settings_changed_at_run_time_update_the_state(session: Session) -> None:
    await session.start()
    open_notes(session)
    session.open()
    session.client.protocol.notify(ACTIVE_EDITOR, [TXT_URI])
    await state_with(session, lambda checks: UNSUPPORTED in checks)
    session.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(
            settings={"codeCompletion": {"additionalLanguages": ["plaintext"]}}
        )
    )
    await state_with(session, lambda checks: UNSUPPORTED not in checks and DISABLED not in checks)
    # Python is supported, until the user disables it; the state follows the active document.
    session.client.protocol.notify(ACTIVE_EDITOR, {"uri": PY_URI})
    session.client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(
            settings={"codeCompletion": {"disabledSupportedLanguages": ["python"]}}
        )
    )
    assert DISABLED in await state_with(session, lambda checks: DISABLED in checks)
    session.mock.control.clear_requests()
    result = await session.inline(end_of(PY_TEXT))
    assert result is None or not result.items
    assert upstream_calls(session.mock) == []


async def _more(session: Session, count: int) -> None:
    while len(session.notifications[STATE]) <= count:
        await asyncio.sleep(0.02)
