"""The life of one suggestion, as usage analytics count it: shown, then accepted or rejected.

Each tracking id moves forward only (requested -> shown -> accepted | rejected, or requested
-> not provided | error | cancelled), so an acceptance reported twice (by the item's command
and by the editor's `$/gitlab/telemetry`) counts once, and a suggestion that was never shown
is never reported as rejected. Showing a new suggestion rejects the ones still open: the
user typed on instead of accepting them (what GitLab's own server does for editors that do
not report rejections).

What an event carries is chosen here, once: the language, sizes in lines, the model and
route, and never any text of the file, the suggestion or an instruction.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

Action = Literal[
    "suggestion_requested",
    "suggestion_shown",
    "suggestion_accepted",
    "suggestion_rejected",
    "suggestion_not_provided",
    "suggestion_cancelled",
    "suggestion_error",
]
ACTIONS: frozenset[str] = frozenset(Action.__args__)  # type: ignore[attr-defined]
#: States no event can leave.
_FINAL = frozenset(
    {
        "suggestion_accepted",
        "suggestion_rejected",
        "suggestion_not_provided",
        "suggestion_cancelled",
        "suggestion_error",
    }
)
#: Tracking ids remembered; older ones are forgotten (their late events are ignored).
MAX_TRACKED = 1000


@dataclass(frozen=True)
class SuggestionFacts:
    """What may be reported about one suggestion. No text: sizes are counts of lines."""

    language: str | None = None
    #: Lines of the first option (shown) or of the accepted option (accepted).
    suggestion_size: int = 0
    option_sizes: tuple[int, ...] = ()
    options_count: int = 0
    is_invoked: bool | None = None
    is_streaming: bool = False
    route: str | None = None
    model_engine: str | None = None
    model_name: str | None = None
    #: Local path of the document, only to find its git branch; never sent.
    document_path: str | None = None


@dataclass(frozen=True)
class SuggestionEvent:
    action: Action
    tracking_id: str
    facts: SuggestionFacts
    #: Wall-clock milliseconds when it happened.
    timestamp_ms: int


def line_count(text: str) -> int:
    return text.count("\n") + 1 if text else 0


class SuggestionLifecycle:
    """Turns what the server saw into events, each reported at most once per suggestion."""

    def __init__(self, emit: Callable[[SuggestionEvent], None]) -> None:
        self._emit = emit
        self._states: OrderedDict[str, tuple[str, SuggestionFacts]] = OrderedDict()
        self._open: OrderedDict[str, None] = OrderedDict()

    def record(
        self,
        action: str,
        tracking_id: str,
        facts: SuggestionFacts | None = None,
        *,
        option: int | None = None,
    ) -> bool:
        """Apply one event; False when it does not apply (unknown id, wrong order, repeat)."""
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        known = self._states.get(tracking_id)
        state = known[0] if known else None
        if not _allowed(state, action):
            return False
        if action == "suggestion_shown":
            # The user moved on from the suggestions still open: they were rejected.
            for other in list(self._open):
                if other != tracking_id:
                    self.record("suggestion_rejected", other)
        current = facts or (known[1] if known else SuggestionFacts())
        if action == "suggestion_accepted" and option is not None:
            sizes = current.option_sizes
            if 0 <= option < len(sizes):
                current = replace(current, suggestion_size=sizes[option])
        self._states[tracking_id] = (action, current)
        self._states.move_to_end(tracking_id)
        if action == "suggestion_shown":
            self._open[tracking_id] = None
        else:
            self._open.pop(tracking_id, None)
        while len(self._states) > MAX_TRACKED:
            old, _ = self._states.popitem(last=False)
            self._open.pop(old, None)
        self._emit(SuggestionEvent(action, tracking_id, current, int(time.time() * 1000)))  # type: ignore[arg-type]
        return True

    def open_suggestions(self) -> list[str]:
        return list(self._open)


def _allowed(state: str | None, action: str) -> bool:
    if state in _FINAL:
        return False
    if action in ("suggestion_accepted", "suggestion_rejected"):
        return state == "suggestion_shown"
    if action == "suggestion_requested":
        return state is None
    if action == "suggestion_shown":
        return state in (None, "suggestion_requested")
    return state in (None, "suggestion_requested")
