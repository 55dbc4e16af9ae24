"""Suggestion lifecycle telemetry: the server's side is only to forward events to the SDK.

Editors report through `$/gitlab/telemetry` (GitLab's plugins, and gitlab.vim from its
CompleteDone hook) or by running the item's `gitlab.ls.codeSuggestionAccepted` command; the
suggestion service reports what it showed. Everything goes to the current client's
`UsageTelemetry` (gitlab_lsp/sdk/telemetry), which decides what counts and sends it off the
request path. With `telemetry.enabled` false nothing is recorded or sent and items carry no
command.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

# Imported at run time: pygls reads the command handler's annotations to bind its arguments.
from pygls.lsp.server import LanguageServer

if TYPE_CHECKING:
    from gitlab_lsp.sdk.models import Suggestion
    from gitlab_lsp.sdk.telemetry import UsageTelemetry
    from gitlab_lsp.server.documents import OpenDocument

log = logging.getLogger(__name__)

TELEMETRY_NOTIFICATION = "$/gitlab/telemetry"
#: Our request: what was counted and what the queues hold (for tests and the benchmark).
STATS_REQUEST = "gitlab-lsp/telemetryStats"
ACCEPTED_COMMAND = "gitlab.ls.codeSuggestionAccepted"
CATEGORY = "code_suggestions"
ACTIONS = frozenset(
    {
        "suggestion_requested",
        "suggestion_shown",
        "suggestion_accepted",
        "suggestion_rejected",
        "suggestion_not_provided",
        "suggestion_cancelled",
        "suggestion_error",
    }
)


class InvalidTelemetryEvent(ValueError):
    """A `$/gitlab/telemetry` payload that is not a code-suggestions event we know."""


class Telemetry:
    """`usage` gives the current client's UsageTelemetry (None: no client can be built)."""

    def __init__(
        self, enabled: Callable[[], bool], usage: Callable[[], UsageTelemetry | None]
    ) -> None:
        self._enabled = enabled
        self._usage = usage
        #: Events that counted, per action (for `gitlab-lsp/stats` and the tests).
        self.counts: Counter[str] = Counter()

    @property
    def enabled(self) -> bool:
        return self._enabled()

    def record(
        self,
        action: str,
        tracking_id: str,
        option_id: int | None = None,
        *,
        facts: Any = None,
    ) -> None:
        if not self._enabled():
            return
        if action not in ACTIONS:
            raise InvalidTelemetryEvent(f"unknown action {action!r}")
        usage = self._usage()
        if usage is None or not usage.enabled:
            return
        if usage.record(action, tracking_id, facts, option=option_id):
            self.counts[action] += 1
            log.debug("telemetry %s %s option=%s", action, tracking_id, option_id)

    def usage_stats(self) -> dict[str, Any] | None:
        usage = self._usage() if self._enabled() else None
        return usage.stats() if usage is not None else None

    def shown(
        self,
        tracking_id: str,
        opened: OpenDocument,
        choices: Sequence[str],
        suggestion: Suggestion,
        invoked: bool,
    ) -> None:
        """The editor was given `choices`: what is reported about them (no text)."""
        if not self._enabled():
            return
        from gitlab_lsp.sdk.telemetry import SuggestionFacts, line_count

        sizes = tuple(line_count(choice) for choice in choices)
        facts = SuggestionFacts(
            language=opened.language_id or None,
            suggestion_size=sizes[0] if sizes else 0,
            option_sizes=sizes,
            options_count=len(choices),
            is_invoked=invoked,
            route=suggestion.route,
            model_engine=suggestion.model.get("engine"),
            model_name=suggestion.model.get("name"),
            document_path=local_path(opened.uri),
        )
        self.record("suggestion_shown", tracking_id, facts=facts)

    def record_notification(self, params: object) -> None:
        """Validate and record a `$/gitlab/telemetry` notification."""
        data = _as_mapping(params)
        if data.get("category") != CATEGORY:
            raise InvalidTelemetryEvent(f"unknown category {data.get('category')!r}")
        action = data.get("action")
        context = _as_mapping(data.get("context") or {})
        tracking_id = context.get("trackingId")
        if not isinstance(action, str) or not isinstance(tracking_id, str):
            raise InvalidTelemetryEvent("expected an action and context.trackingId")
        if action not in ACTIONS:
            raise InvalidTelemetryEvent(f"unknown action {action!r}")
        option = context.get("optionId")
        self.record(action, tracking_id, option if isinstance(option, int) else None)


def local_path(uri: str) -> str | None:
    """The local file behind a `file:` URI (to find its git branch), else None."""
    parts = urlsplit(uri)
    if parts.scheme != "file":
        return None
    return unquote(parts.path) or None


def _as_mapping(value: object) -> Mapping[str, Any]:
    if isinstance(value, Mapping):
        return value
    # pygls hands the params of methods it does not know over as named tuples.
    as_dict = getattr(value, "_asdict", None)
    if callable(as_dict):
        result = as_dict()
        if isinstance(result, Mapping):
            return result
    raise InvalidTelemetryEvent("expected an object")


def register(server: LanguageServer, telemetry: Telemetry) -> None:
    @server.feature(TELEMETRY_NOTIFICATION)
    def on_telemetry(params: Any) -> None:
        try:
            telemetry.record_notification(params)
        except InvalidTelemetryEvent as exc:
            log.debug("ignored a telemetry event: %s", exc)

    @server.feature(STATS_REQUEST)
    def stats(_params: Any) -> dict[str, Any]:
        usage = telemetry.usage_stats()
        return {"counts": dict(telemetry.counts), "usage": usage}

    @server.command(ACCEPTED_COMMAND)
    def on_accepted(ls: LanguageServer, *arguments: object) -> None:
        if arguments and isinstance(arguments[0], str):
            option = arguments[1] if len(arguments) > 1 else None
            telemetry.record(
                "suggestion_accepted", arguments[0], option if isinstance(option, int) else None
            )
