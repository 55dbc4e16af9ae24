"""The values the SDK hands back to callers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from intent.model import GenerationType, IntentKind

Route = Literal["direct", "instance"]


@dataclass(frozen=True)
class Timings:
    """Where the time of one request went, in milliseconds.

    `connect` is 0 when a pooled connection was reused; `first_byte` counts from sending the
    request to the response headers of the route that answered.
    """

    token_wait: float
    intent: float
    connect: float
    first_byte: float
    total: float

    def as_dict(self) -> dict[str, float]:
        return {k: round(v, 3) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class Suggestion:
    text: str
    choices: list[str]
    intent: IntentKind
    generation_type: GenerationType | None
    user_instruction: str | None
    route: Route
    timings: Timings
    #: The model that answered, as the response names it (`engine`, `name`, `lang`).
    model: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["timings"] = self.timings.as_dict()
        return data


@dataclass(frozen=True)
class TokenInfo:
    """What the instance says about the user's token (never the token itself)."""

    kind: Literal["personal_access_token", "oauth"]
    name: str | None
    scopes: tuple[str, ...]
    expires_at: str | None
    user_id: int | None
    username: str | None = None
    #: Seconds the token has left when the instance says (OAuth access tokens), else None.
    expires_in: float | None = None
