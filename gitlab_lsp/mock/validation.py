"""What both validators share: the wire protocol's limits, the error type, strict JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

#: Limits from the wire protocol.
FILE_NAME_MAX = 255
INSTANCE_CONTENT_MAX = 400_000
GATEWAY_CONTENT_MAX = 100_000
CONTEXT_MAX_ITEMS = 100
TELEMETRY_MAX_ITEMS = 10
CONTEXT_NAME_MAX = 1024
CONTEXT_CONTENT_MAX = 500_000
CHOICES_MAX = 4  # not in docs/protocol.md: the official client asks for 1 or 4
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
