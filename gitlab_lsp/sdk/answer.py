"""What a route hands back to the client: the choices and how long the request took."""

from __future__ import annotations

from dataclasses import dataclass, field

from gitlab_lsp.sdk.models import Route
from gitlab_lsp.sdk.transport import RequestTrace


@dataclass(frozen=True)
class Answer:
    choices: list[str]
    route: Route
    trace: RequestTrace
    #: The model that answered, as the response names it (`engine`, `name`, `lang`).
    model: dict[str, str] = field(default_factory=dict)
