"""Request bodies can only be built from text that went through redaction."""

from __future__ import annotations

import dataclasses
import json

import pytest

from gitlab_lsp.privacy import Outbound, outbound, outbound_around_cursor
from gitlab_lsp.sdk import content

PAT = "glpat-Rq7mT2xV9kLp4sW8nZ3c"
AWS = "AKIAZ7VRSQ5TEXAMPL3Q"


def test_outbound_cannot_be_made_without_redaction() -> None:
    with pytest.raises(TypeError, match="redact"):
        Outbound(PAT, object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Outbound(PAT)  # type: ignore[call-arg]


def test_outbound_masks_and_stays_a_string() -> None:
    text = f"# call the api with token {PAT}"
    cleared = outbound(text)
    assert PAT not in cleared and len(cleared) == len(text)
    assert json.loads(json.dumps({"x": cleared})) == {"x": str(cleared)}
    assert outbound(text, redact_secrets=False) == text


def test_slices_are_plain_strings_and_trimmed_stays_outbound() -> None:
    cleared = outbound("abc def")
    assert type(cleared[1:3]) is str
    assert type(cleared + "x") is str
    assert isinstance(cleared.trimmed(1, 3), Outbound) and cleared.trimmed(1, 3) == "bc"


def test_around_cursor_masks_a_secret_split_by_the_cursor() -> None:
    above, below = outbound_around_cursor(f'key = "{PAT[:10]}', f'{PAT[10:]}"\n')
    assert isinstance(above, Outbound) and isinstance(below, Outbound)
    assert PAT[:10] not in above and PAT[10:] not in below


def test_content_refuses_plain_strings() -> None:
    with pytest.raises(TypeError, match="Outbound"):
        content.Content(file_name="a.py", above="x", below="")  # type: ignore[arg-type]
    good = content.prepare("a.py", "x", "", redact_secrets=True)
    with pytest.raises(TypeError, match="Outbound"):
        dataclasses.replace(good, user_instruction=f"use {PAT}")  # type: ignore[arg-type]


def test_every_user_field_of_prepared_content_is_redacted() -> None:
    prepared = content.prepare(
        f"keys/{AWS}.py",
        f"# token {PAT}\n",
        f"# {AWS}\n",
        redact_secrets=True,
        user_instruction=f"call the gitlab api with token {PAT} to list the projects",
    )
    for body in (
        content.instance_body(
            prepared, intent="generation", stream=True, project_path=None, generation_type="comment"
        ),
        content.direct_body(
            prepared, language_id="python", choices=1, project_path=None, model_details=None
        ),
    ):
        sent = json.dumps(body)
        assert PAT not in sent and AWS not in sent
    assert prepared.user_instruction is not None and "gitlab api" in prepared.user_instruction
