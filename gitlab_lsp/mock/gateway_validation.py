"""The gateway's v2 request schema, answered like FastAPI: 422 with pydantic-style details."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gitlab_lsp.mock.validation import (
    CHOICES_MAX,
    CONTEXT_CONTENT_MAX,
    CONTEXT_MAX_ITEMS,
    CONTEXT_NAME_MAX,
    CONTEXT_TYPES,
    FILE_NAME_MAX,
    GATEWAY_CONTENT_MAX,
    TELEMETRY_MAX_ITEMS,
    ContextItem,
    ValidationFailed,
)


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
    telemetry: list[dict[str, Any]] = field(default_factory=list)


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

    def bounded_list(self, obj: dict[str, Any], field: str, max_items: int) -> list[Any]:
        """An optional list field of at most `max_items` (FastAPI's errors otherwise; an
        invalid or absent list reads as empty)."""
        value = obj.get(field)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail([field], "list_type", "Input should be a valid list", value)
            return []
        if len(value) > max_items:
            self.fail(
                [field],
                "too_long",
                f"List should have at most {max_items} items after validation, not {len(value)}",
                "...",
                max_length=max_items,
            )
            return []
        return value

    def telemetry(self, obj: dict[str, Any]) -> list[dict[str, Any]]:
        """The `telemetry` counters: at most 10 items, each with integer `requests`,
        `accepts` and `errors` and optional model and language names."""
        value = self.bounded_list(obj, "telemetry", TELEMETRY_MAX_ITEMS)
        items: list[dict[str, Any]] = []
        for index, item in enumerate(value):
            loc: list[Any] = ["telemetry", index]
            if not isinstance(item, dict):
                self.fail(
                    loc,
                    "model_attributes_type",
                    "Input should be a valid dictionary or object to extract fields from",
                    item,
                )
                continue
            errors = len(self.errors)
            for key in ("model_engine", "model_name", "lang"):
                self.string(item, key, loc, required=False)
            for key in ("requests", "accepts", "errors"):
                count = item.get(key)
                if key not in item:
                    self.fail([*loc, key], "missing", "Field required", item)
                elif not isinstance(count, int) or isinstance(count, bool):
                    self.fail([*loc, key], "int_type", "Input should be a valid integer", count)
            if item.get("experiments") is not None and not isinstance(item["experiments"], list):
                self.fail([*loc, "experiments"], "list_type", "Input should be a valid list", item)
            if len(self.errors) == errors:
                items.append(item)
        return items

    def context(self, obj: dict[str, Any]) -> list[ContextItem]:
        value = self.bounded_list(obj, "context", CONTEXT_MAX_ITEMS)
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
            name = self.string(item, "name", loc, required=True, max_len=CONTEXT_NAME_MAX)
            content = self.string(item, "content", loc, required=True, max_len=CONTEXT_CONTENT_MAX)
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
    telemetry = check.telemetry(body)
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
        telemetry=telemetry,
    )
