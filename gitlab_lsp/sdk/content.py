"""What leaves the machine: redacted, trimmed content and the request bodies of both routes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gitlab_lsp.privacy import redact_around_cursor
from gitlab_lsp.sdk import model_text

#: The AI gateway rejects either side above this many characters (wire-protocol.md).
MAX_SIDE_CHARS = 100_000
#: Rails rejects longer file names.
MAX_FILE_NAME = 255
#: Redaction runs on a little more than what is sent, so that a secret cut by the trim is
#: still recognised as a whole and masked.
_REDACTION_SLACK = 2_000


@dataclass(frozen=True)
class Content:
    file_name: str
    above: str
    below: str


def prepare(file_name: str, above: str, below: str, *, redact_secrets: bool) -> Content:
    """Trim each side to the gateway's limit, keeping the text nearest the cursor, and mask
    secrets (same-length, so offsets are unchanged).

    Both sides are redacted as the one text they are, so that a secret the cursor sits inside
    (a token being pasted or edited) is still recognised and masked as a whole.
    """
    above = above[-(MAX_SIDE_CHARS + _REDACTION_SLACK) :]
    below = below[: MAX_SIDE_CHARS + _REDACTION_SLACK]
    if redact_secrets:
        above, below = redact_around_cursor(above, below)
    return Content(
        file_name=file_name[-MAX_FILE_NAME:],
        above=above[-MAX_SIDE_CHARS:],
        below=below[:MAX_SIDE_CHARS],
    )


def direct_body(
    content: Content,
    *,
    language_id: str | None,
    choices: int,
    project_path: str | None,
    model_details: dict[str, str] | None,
) -> dict[str, Any]:
    """Body of `POST {gateway}/v2/completions`."""
    current_file: dict[str, Any] = {
        "file_name": content.file_name,
        "content_above_cursor": content.above,
        "content_below_cursor": content.below,
    }
    if language_id:
        current_file["language_identifier"] = language_id
    body: dict[str, Any] = {
        "prompt_version": 1,
        "project_id": -1,
        "current_file": current_file,
        "choices_count": choices,
        "stream": False,
    }
    if project_path:
        body["project_path"] = project_path
    if model_details:
        if "model_provider" in model_details:
            body["model_provider"] = model_details["model_provider"]
        if "model_name" in model_details:
            body["model_name"] = model_details["model_name"]
    return body


def instance_body(
    content: Content,
    *,
    intent: str,
    stream: bool,
    project_path: str | None,
    generation_type: str | None,
    user_instruction: str | None,
) -> dict[str, Any]:
    """Body of `POST {instance}/api/v4/code_suggestions/completions`.

    `user_instruction` goes along whether or not the answer is streamed (the official client
    drops it when not streaming).
    """
    body: dict[str, Any] = {
        "current_file": {
            "file_name": content.file_name,
            "content_above_cursor": content.above,
            "content_below_cursor": content.below,
        },
        "intent": intent,
        "stream": stream,
    }
    if project_path:
        body["project_path"] = project_path
    if intent == "generation":
        if generation_type:
            body["generation_type"] = generation_type
        if user_instruction:
            body["user_instruction"] = user_instruction
    return body


def parse_choices(body: Any) -> list[str]:
    """The texts of a v2 response's `choices` (which may legitimately be empty)."""
    if not isinstance(body, dict):
        raise ValueError("the answer is not a JSON object")
    choices = body.get("choices")
    if choices is None:
        return []
    if not isinstance(choices, list):
        raise ValueError("`choices` is not a list")
    texts: list[str] = []
    for choice in choices:
        if isinstance(choice, dict) and isinstance(choice.get("text"), str):
            texts.append(model_text.clean(choice["text"]))
    return texts
