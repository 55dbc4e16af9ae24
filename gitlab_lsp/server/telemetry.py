"""Suggestion lifecycle telemetry: what was shown, accepted, rejected or not provided.

Editors report through `$/gitlab/telemetry` (GitLab's plugins) or by running the item's
`gitlab.ls.codeSuggestionAccepted` command (any editor that runs an accepted item's command).
Events are kept as counters per action and logged at debug level with the tracking id only:
no content, no token. With `telemetry.enabled` false nothing is recorded and items carry no
command.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

# Imported at run time: pygls reads the command handler's annotations to bind its arguments.
from pygls.lsp.server import LanguageServer

log = logging.getLogger(__name__)

TELEMETRY_NOTIFICATION = "$/gitlab/telemetry"
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
    def __init__(self, enabled: Callable[[], bool]) -> None:
        self._enabled = enabled
        self.counts: Counter[str] = Counter()
        self._seen: dict[str, set[str]] = {}

    @property
    def enabled(self) -> bool:
        return self._enabled()

    def record(self, action: str, tracking_id: str, option_id: int | None = None) -> None:
        if not self._enabled():
            return
        if action not in ACTIONS:
            raise InvalidTelemetryEvent(f"unknown action {action!r}")
        done = self._seen.setdefault(tracking_id, set())
        # An accepted suggestion is reported by both the command and the plugin: count it once.
        if action in done and action in ("suggestion_accepted", "suggestion_rejected"):
            return
        done.add(action)
        if len(self._seen) > 1000:
            self._seen.pop(next(iter(self._seen)))
        self.counts[action] += 1
        log.debug("telemetry %s %s option=%s", action, tracking_id, option_id)

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
        option = context.get("optionId")
        self.record(action, tracking_id, option if isinstance(option, int) else None)


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

    @server.command(ACCEPTED_COMMAND)
    def on_accepted(ls: LanguageServer, *arguments: object) -> None:
        if arguments and isinstance(arguments[0], str):
            option = arguments[1] if len(arguments) > 1 else None
            telemetry.record(
                "suggestion_accepted", arguments[0], option if isinstance(option, int) else None
            )
