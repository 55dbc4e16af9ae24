"""The instance's completions schema, answered like Rails/Grape: 400 with messages such as
`current_file[file_name] is missing`. Parameters the endpoint does not declare are ignored,
as Grape does."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gitlab_lsp.mock.validation import (
    CONTEXT_CONTENT_MAX,
    CONTEXT_MAX_ITEMS,
    CONTEXT_NAME_MAX,
    CONTEXT_TYPES,
    FILE_NAME_MAX,
    GENERATION_TYPES,
    INSTANCE_CONTENT_MAX,
    INTENTS,
    ContextItem,
    ValidationFailed,
)


@dataclass(frozen=True)
class InstanceCodeRequest:
    """A validated body of POST /api/v4/code_suggestions/completions."""

    file_name: str
    content_above_cursor: str
    content_below_cursor: str
    intent: str | None
    stream: bool
    project_path: str | None
    generation_type: str | None
    user_instruction: str | None
    context: list[ContextItem]


def validate_instance_request(body: Any) -> InstanceCodeRequest:
    """Raises ValidationFailed whose errors are Grape messages (`current_file[file_name] is missing`)."""
    messages: list[str] = []

    def fail(message: str) -> None:
        messages.append(message)

    if not isinstance(body, dict):
        raise ValidationFailed([{"message": "current_file is missing"}])

    def text(
        obj: dict[str, Any], key: str, label: str, *, required: bool, max_len: int | None = None
    ) -> str | None:
        if obj.get(key) is None:
            if required:
                fail(f"{label} is missing")
            return None
        value = obj[key]
        if not isinstance(value, str):
            fail(f"{label} is invalid")
            return None
        if max_len is not None and len(value) > max_len:
            fail(f"{label} is too long (maximum is {max_len} characters)")
            return None
        return value

    def choice(key: str, allowed: tuple[str, ...]) -> str | None:
        value = text(body, key, key, required=False)
        if value is not None and value not in allowed:
            fail(f"{key} does not have a valid value")
            return None
        return value

    current = body.get("current_file")
    file_name = above = below = None
    if current is None:
        fail("current_file is missing")
    elif not isinstance(current, dict):
        fail("current_file is invalid")
    else:
        file_name = text(
            current, "file_name", "current_file[file_name]", required=True, max_len=FILE_NAME_MAX
        )
        above = text(
            current,
            "content_above_cursor",
            "current_file[content_above_cursor]",
            required=True,
            max_len=INSTANCE_CONTENT_MAX,
        )
        below = text(
            current, "content_below_cursor", "current_file[content_below_cursor]", required=False
        )
    intent = choice("intent", INTENTS)
    generation_type = choice("generation_type", GENERATION_TYPES)
    stream = body.get("stream", False)
    if not isinstance(stream, bool):
        fail("stream is invalid")
        stream = False
    project_path = text(body, "project_path", "project_path", required=False)
    instruction = text(body, "user_instruction", "user_instruction", required=False)
    context: list[ContextItem] = []
    raw_context = body.get("context")
    if raw_context is not None:
        if not isinstance(raw_context, list):
            fail("context is invalid")
        elif len(raw_context) > CONTEXT_MAX_ITEMS:
            fail(f"context must have at most {CONTEXT_MAX_ITEMS} items")
        else:
            for index, item in enumerate(raw_context):
                label = f"context[{index}]"
                if not isinstance(item, dict):
                    fail(f"{label} is invalid")
                    continue
                kind = text(item, "type", f"{label}[type]", required=True)
                if kind is not None and kind not in CONTEXT_TYPES:
                    fail(f"{label}[type] does not have a valid value")
                name = text(item, "name", f"{label}[name]", required=True, max_len=CONTEXT_NAME_MAX)
                content = text(
                    item,
                    "content",
                    f"{label}[content]",
                    required=True,
                    max_len=CONTEXT_CONTENT_MAX,
                )
                if kind in CONTEXT_TYPES and name is not None and content is not None:
                    context.append(ContextItem(kind, name, content))
    if messages:
        raise ValidationFailed([{"message": m} for m in messages])
    assert file_name is not None and above is not None
    return InstanceCodeRequest(
        file_name=file_name,
        content_above_cursor=above,
        content_below_cursor=below or "",
        intent=intent,
        stream=stream,
        project_path=project_path,
        generation_type=generation_type,
        user_instruction=instruction,
        context=context,
    )
