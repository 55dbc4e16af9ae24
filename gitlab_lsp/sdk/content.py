"""What leaves the machine: redacted, trimmed content and the request bodies of both routes.

`Content` holds every piece of user text a request carries, each an `Outbound` (text that
went through redaction); the body builders take a `Content` and settings, never a plain
string from the user, so no field can leave in clear by oversight.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from gitlab_lsp.privacy import Outbound, outbound, outbound_around_cursor
from gitlab_lsp.sdk import model_text
from gitlab_lsp.sdk.context.budget import DEFAULT_BUDGET, fill, utf8_len
from gitlab_lsp.sdk.context.items import ContextItem

#: The AI gateway rejects either side above this many characters (docs/protocol.md).
MAX_SIDE_CHARS = 100_000
#: Rails rejects longer file names.
MAX_FILE_NAME = 255
#: Redaction runs on a little more than what is sent, so that a secret cut by the trim is
#: still recognised as a whole and masked.
_REDACTION_SLACK = 2_000


@dataclass(frozen=True)
class OutboundItem:
    """A context item cleared to leave the machine: its name and content are `Outbound`."""

    type: str
    name: Outbound
    content: Outbound
    resolution_strategy: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, Outbound) or not isinstance(self.content, Outbound):
            raise TypeError("OutboundItem takes Outbound text only: build it with prepare()")

    def as_json(self) -> dict[str, str]:
        data = {"type": self.type, "name": self.name, "content": self.content}
        if self.resolution_strategy:
            data["resolution_strategy"] = self.resolution_strategy
        return data


@dataclass(frozen=True)
class Content:
    """The user text of one request, cleared to leave the machine."""

    file_name: Outbound
    above: Outbound
    below: Outbound
    user_instruction: Outbound | None = None
    context: tuple[OutboundItem, ...] = ()

    def __post_init__(self) -> None:
        # mypy checks the types; this keeps a caller without type checking honest too.
        texts = (self.file_name, self.above, self.below, self.user_instruction)
        if not all(isinstance(t, Outbound) for t in texts if t is not None):
            raise TypeError("Content takes Outbound text only: build it with prepare()")
        if not all(isinstance(i, OutboundItem) for i in self.context):
            raise TypeError("Content takes OutboundItem context only: build it with prepare()")

    def context_json(self) -> list[dict[str, str]]:
        return [item.as_json() for item in self.context]


#: Open documents go out again and again unchanged, so their cleared text is remembered
#: (texts up to this size; a string that is sent again hashes once).
_REMEMBERED_MAX_CHARS = 200_000


@lru_cache(maxsize=128)
def _outbound_remembered(text: str) -> Outbound:
    return outbound(text)


def _outbound_item_text(text: str, redact_secrets: bool) -> Outbound:
    if redact_secrets and len(text) <= _REMEMBERED_MAX_CHARS:
        return _outbound_remembered(text)
    return outbound(text, redact_secrets=redact_secrets)


def prepare_context(
    items: Sequence[ContextItem], *, redact_secrets: bool, available: int
) -> tuple[OutboundItem, ...]:
    """Each item redacted exactly like the current file (each as a whole, before the budget
    cuts the last one), then kept best first while they fit in `available` bytes."""
    cleared = [_outbound_item_text(item.content, redact_secrets) for item in items]
    kept = fill(
        [item.with_content(text) for item, text in zip(items, cleared, strict=True)], available
    )
    return tuple(
        OutboundItem(
            item.type,
            _outbound_item_text(item.name, redact_secrets),
            text.trimmed(None, len(item.content)),  # `fill` only ever keeps a prefix
            item.resolution_strategy,
        )
        for item, text in zip(kept, cleared, strict=False)
    )


def prepare(
    file_name: str,
    above: str,
    below: str,
    *,
    redact_secrets: bool,
    user_instruction: str | None = None,
    context: Sequence[ContextItem] = (),
    budget: int = DEFAULT_BUDGET,
) -> Content:
    """Trim each side to the gateway's limit, keeping the text nearest the cursor, and mask
    secrets (same-length, so offsets are unchanged) in every field.

    Both sides are redacted as the one text they are, so that a secret the cursor sits inside
    (a token being pasted or edited) is still recognised and masked as a whole. The
    instruction is taken from the document but sent as a field of its own, so it is redacted
    on its own; so is the file name, which a user may have named after anything. Context
    items are cleared the same way and kept while the current file plus context fit in
    `budget` bytes (see `prepare_context`).
    """
    sent_above, sent_below = outbound_around_cursor(
        above[-(MAX_SIDE_CHARS + _REDACTION_SLACK) :],
        below[: MAX_SIDE_CHARS + _REDACTION_SLACK],
        redact_secrets=redact_secrets,
    )
    instruction = None
    if user_instruction is not None:
        instruction = outbound(user_instruction, redact_secrets=redact_secrets)
    sent_above = sent_above.trimmed(-MAX_SIDE_CHARS, None)
    sent_below = sent_below.trimmed(None, MAX_SIDE_CHARS)
    items: tuple[OutboundItem, ...] = ()
    if context:
        available = budget - utf8_len(sent_above) - utf8_len(sent_below)
        items = prepare_context(context, redact_secrets=redact_secrets, available=available)
    return Content(
        file_name=outbound(file_name, redact_secrets=redact_secrets).trimmed(-MAX_FILE_NAME, None),
        above=sent_above,
        below=sent_below,
        user_instruction=instruction,
        context=items,
    )


def direct_body(
    content: Content,
    *,
    language_id: str | None,
    choices: int,
    project_path: str | None,
    model_details: dict[str, str] | None,
    telemetry: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Body of `POST {gateway}/v2/completions`; `telemetry` is the counters since the
    previous direct request (see sdk/telemetry/gateway_counters.py)."""
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
    if content.context:
        body["context"] = content.context_json()
    if project_path:
        body["project_path"] = project_path
    if telemetry:
        body["telemetry"] = telemetry
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
) -> dict[str, Any]:
    """Body of `POST {instance}/api/v4/code_suggestions/completions`.

    The content's `user_instruction` goes along whether or not the answer is streamed (the official client
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
    if content.context:
        body["context"] = content.context_json()
    if project_path:
        body["project_path"] = project_path
    if intent == "generation":
        if generation_type:
            body["generation_type"] = generation_type
        if content.user_instruction:
            body["user_instruction"] = content.user_instruction
    return body


def parse_model(body: Any) -> dict[str, str]:
    """The `model` object of a v2 response (`engine`, `name`, `lang`), its strings only."""
    model = body.get("model") if isinstance(body, dict) else None
    if not isinstance(model, dict):
        return {}
    return {
        k: v for k, v in model.items() if k in ("engine", "name", "lang") and isinstance(v, str)
    }


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
