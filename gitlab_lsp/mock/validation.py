"""Request-body validation, as strict as the wire protocol: the gateway answers 422 with
pydantic-style details, the instance answers 400 with Grape-style messages (what Rails does).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

#: Limits from the wire protocol.
FILE_NAME_MAX = 255
INSTANCE_CONTENT_MAX = 400_000
GATEWAY_CONTENT_MAX = 100_000
CONTEXT_MAX_ITEMS = 100
CHOICES_MAX = 4
CONTEXT_TYPES = ("file", "snippet")
INTENTS = ("completion", "generation")
GENERATION_TYPES = ("comment", "empty_function", "small_file")


class ValidationFailed(Exception):
    """The body does not match the schema; `errors` are ready to serialise."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(errors)} validation error(s)")
        self.errors = errors


@dataclass(frozen=True)
class ContextItem:
    type: str
    name: str
    content: str


@dataclass(frozen=True)
class CodeRequest:
    """A validated gateway v2 request."""

    file_name: str
    content_above_cursor: str
    content_below_cursor: str
    language_identifier: str | None = None
    stream: bool = False
    choices_count: int = 0
    context: list[ContextItem] = field(default_factory=list)
    prompt: str | list[Any] | None = None
    model_provider: str | None = None
    model_name: str | None = None
    project_path: str | None = None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def strict_json_loads(raw: bytes | str) -> Any:
    """json.loads without the NaN/Infinity extensions, which no JSON encoder may echo back."""
    return json.loads(raw, parse_constant=_reject_constant)


def parse_json(raw: bytes) -> Any:
    """The JSON document in `raw`; raises ValidationFailed shaped like FastAPI's json_invalid."""
    try:
        return strict_json_loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        position = getattr(exc, "pos", 0)
        raise ValidationFailed(
            [
                {
                    "type": "json_invalid",
                    "loc": ["body", position],
                    "msg": "JSON decode error",
                    "input": {},
                    "ctx": {"error": getattr(exc, "msg", str(exc))},
                }
            ]
        ) from exc


class _Gateway:
    """Collects every error in one pass, like pydantic does."""

    def __init__(self) -> None:
        self.errors: list[dict[str, Any]] = []

    def fail(self, loc: list[Any], type_: str, msg: str, value: Any, **ctx: Any) -> None:
        error: dict[str, Any] = {"type": type_, "loc": ["body", *loc], "msg": msg, "input": value}
        if ctx:
            error["ctx"] = ctx
        self.errors.append(error)

    def string(
        self,
        obj: dict[str, Any],
        key: str,
        loc: list[Any],
        *,
        required: bool,
        max_len: int | None = None,
    ) -> str | None:
        if key not in obj or (obj[key] is None and not required):
            if required:
                self.fail([*loc, key], "missing", "Field required", obj)
            return None
        value = obj[key]
        if not isinstance(value, str):
            self.fail([*loc, key], "string_type", "Input should be a valid string", value)
            return None
        if max_len is not None and len(value) > max_len:
            self.fail(
                [*loc, key],
                "string_too_long",
                f"String should have at most {max_len} characters",
                value[:64],
                max_length=max_len,
            )
            return None
        return value

    def boolean(self, obj: dict[str, Any], key: str) -> bool:
        value = obj.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail([key], "bool_type", "Input should be a valid boolean", value)
            return False
        return value

    def integer(self, obj: dict[str, Any], key: str, *, low: int, high: int) -> int:
        value = obj.get(key)
        if value is None:
            return 0
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail([key], "int_type", "Input should be a valid integer", value)
            return 0
        if not low <= value <= high:
            self.fail(
                [key],
                "less_than_equal" if value > high else "greater_than_equal",
                f"Input should be {'less' if value > high else 'greater'} than or equal to {high if value > high else low}",
                value,
            )
            return 0
        return value

    def context(self, obj: dict[str, Any]) -> list[ContextItem]:
        value = obj.get("context")
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(["context"], "list_type", "Input should be a valid list", value)
            return []
        if len(value) > CONTEXT_MAX_ITEMS:
            self.fail(
                ["context"],
                "too_long",
                f"List should have at most {CONTEXT_MAX_ITEMS} items after validation, not {len(value)}",
                "...",
                max_length=CONTEXT_MAX_ITEMS,
            )
            return []
        items: list[ContextItem] = []
        for index, item in enumerate(value):
            loc: list[Any] = ["context", index]
            if not isinstance(item, dict):
                self.fail(
                    loc,
                    "model_attributes_type",
                    "Input should be a valid dictionary or object to extract fields from",
                    item,
                )
                continue
            kind = self.string(item, "type", loc, required=True)
            if kind is not None and kind not in CONTEXT_TYPES:
                self.fail(
                    [*loc, "type"],
                    "literal_error",
                    "Input should be 'file' or 'snippet'",
                    kind,
                    expected="'file' or 'snippet'",
                )
            name = self.string(item, "name", loc, required=True)
            content = self.string(item, "content", loc, required=True)
            if kind in CONTEXT_TYPES and name is not None and content is not None:
                items.append(ContextItem(kind, name, content))
        return items


def validate_gateway_request(body: Any, *, generation: bool) -> CodeRequest:
    """The v2 body for /v2/completions, /v2/code/completions and (generation) /v2/code/generations."""
    check = _Gateway()
    if not isinstance(body, dict):
        check.fail(
            [],
            "model_attributes_type",
            "Input should be a valid dictionary or object to extract fields from",
            body,
        )
        raise ValidationFailed(check.errors)
    if "prompt_version" not in body:
        check.fail(["prompt_version"], "missing", "Field required", body)
    elif body["prompt_version"] != 1 or isinstance(body["prompt_version"], bool):
        check.fail(
            ["prompt_version"],
            "literal_error",
            "Input should be 1",
            body["prompt_version"],
            expected="1",
        )
    current = body.get("current_file")
    file_name = above = below = language = None
    if "current_file" not in body:
        check.fail(["current_file"], "missing", "Field required", body)
    elif not isinstance(current, dict):
        check.fail(
            ["current_file"],
            "model_attributes_type",
            "Input should be a valid dictionary or object to extract fields from",
            current,
        )
    else:
        loc: list[Any] = ["current_file"]
        file_name = check.string(current, "file_name", loc, required=True, max_len=FILE_NAME_MAX)
        language = check.string(current, "language_identifier", loc, required=False)
        above = check.string(
            current, "content_above_cursor", loc, required=True, max_len=GATEWAY_CONTENT_MAX
        )
        below = check.string(
            current, "content_below_cursor", loc, required=True, max_len=GATEWAY_CONTENT_MAX
        )
    project_path = check.string(body, "project_path", [], required=False)
    if body.get("project_id") is not None and (
        not isinstance(body["project_id"], int) or isinstance(body["project_id"], bool)
    ):
        check.fail(
            ["project_id"], "int_type", "Input should be a valid integer", body["project_id"]
        )
    provider = check.string(body, "model_provider", [], required=False)
    model_name = check.string(body, "model_name", [], required=False)
    stream = check.boolean(body, "stream")
    choices = check.integer(body, "choices_count", low=0, high=CHOICES_MAX)
    context = check.context(body)
    if body.get("telemetry") is not None and not isinstance(body["telemetry"], list):
        check.fail(["telemetry"], "list_type", "Input should be a valid list", body["telemetry"])
    prompt: str | list[Any] | None = None
    if generation:
        if "prompt" not in body or body["prompt"] is None:
            check.fail(["prompt"], "missing", "Field required", body)
        elif not isinstance(body["prompt"], str | list):
            check.fail(["prompt"], "string_type", "Input should be a valid string", body["prompt"])
        else:
            prompt = body["prompt"]
    if check.errors:
        raise ValidationFailed(check.errors)
    assert file_name is not None and above is not None and below is not None
    return CodeRequest(
        file_name=file_name,
        content_above_cursor=above,
        content_below_cursor=below,
        language_identifier=language,
        stream=stream,
        choices_count=choices,
        context=context,
        prompt=prompt,
        model_provider=provider,
        model_name=model_name,
        project_path=project_path,
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
    choices_count: int | None


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
    choices = body.get("choices_count")
    if choices is not None and (
        not isinstance(choices, int) or isinstance(choices, bool) or not 0 <= choices <= CHOICES_MAX
    ):
        fail("choices_count is invalid")
        choices = None
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
                name = text(item, "name", f"{label}[name]", required=True)
                content = text(item, "content", f"{label}[content]", required=True)
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
        choices_count=choices,
    )
