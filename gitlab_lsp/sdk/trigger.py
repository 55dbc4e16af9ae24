"""When to send an automatic suggestion request: as soon as the user has most likely paused.

A fixed debounce (250 ms) is a guess at one typist: too long for a fast one (most of the
wait after they stop is the debounce), too short for a slow one (a request on every slow
keystroke, superseded a moment later). `AdaptiveTrigger` learns this user's gaps between
keystrokes per cursor position class and picks, per class, the wait that gets suggestions
on screen soonest for the upstream requests it may spend:

- position classes: the start of a line, right after an opener (`(`, `[`, `{`, `=`, `:`,
  `,`), after another word boundary (a space after an opener is one: the pause, if there
  was one, came before it), inside a word. People pause more at boundaries, so those
  classes can afford short waits; mid-word waits longer;
- a request is *useful* when the gap it was sent in outlasts the wait, the route latency
  (a moving average of the measured SDK calls) and `dwell` (long enough for the answer to
  be seen); it is *wasted* when the next keystroke supersedes it before that. A slow route
  turns more requests into waste, so it is accounted for in every choice;
- the waits minimise the time to a useful suggestion plus a price per wasted request, the
  price being the lowest for which the requests stay within the budget: no more requests
  than the fixed 250 ms debounce would send on the same gaps (nor than `waste` above one
  per pause, when that is more). Estimates err, so the budget is also scaled by what the
  waits really let through against what 250 ms would have on the same gaps;
- a class's gaps are shrunk toward its group's (after a word character, or after anything
  else: the two rhythms of typing) by `prior` pseudo-gaps, so a class seen a few times is
  judged mostly by its group and one seen often by its own; each class counts as often as
  it comes up (not as often as its window holds); until `min_samples` gaps are learned in
  all, the classic 250 ms.

Pure and synchronous (the caller sleeps): the clock is injected, so tests replay typing
without waiting.
"""

from __future__ import annotations

import bisect
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Position = Literal["line_start", "opener", "boundary", "word"]
POSITIONS: tuple[Position, ...] = ("line_start", "opener", "boundary", "word")

#: The wait before anything is learned: the fixed debounce this replaces.
DEFAULT_DELAY = 0.250
_OPENER = re.compile(r"[(\[{=:,]\Z")
_LINE_START = re.compile(r"(?:\A|\n)[ \t]*\Z")
_WORD = re.compile(r"\w\Z")


def position_of(text_before_cursor: str) -> Position:
    """The class of a cursor position, from the text just before it."""
    tail = text_before_cursor[-200:]
    if _LINE_START.search(tail):
        return "line_start"
    if _OPENER.search(tail):
        return "opener"
    if _WORD.search(tail):
        return "word"
    return "boundary"


@dataclass
class TriggerTuning:
    """The knobs, in seconds; defaults chosen on the benchmark's typing model."""

    min_delay: float = 0.030
    max_delay: float = 0.400
    step: float = 0.010
    #: Wasted requests allowed per useful one (when the fixed debounce would waste fewer).
    waste: float = 0.1
    #: Gaps remembered per class; gaps longer than `idle` are recorded as `idle`.
    window: int = 300
    idle: float = 5.0
    #: Gaps before anything is learned (the classic debounce until then), and the weight, in
    #: gaps, of the user's pooled rhythm in each class's estimate.
    min_samples: int = 30
    prior: float = 20.0
    #: Requests of slack in the correction of the budget by what was really spent.
    slack: float = 20.0
    #: The waits are chosen again after this many new gaps (a choice costs a few ms).
    recompute_every: int = 10
    #: How long an answer must stay on screen before the next keystroke to count as seen:
    #: shorter, the user was typing through it and the request was spent in vain.
    dwell: float = 0.300
    #: Route latency assumed until one is measured, and the weight of each new measure.
    latency: float = 0.100
    latency_weight: float = 0.1


@dataclass
class _Gaps:
    order: deque[float] = field(default_factory=deque)
    ordered: list[float] = field(default_factory=list)
    #: Gaps ever learned here: how often this class comes up (the window caps `order`).
    seen: int = 0

    def add(self, gap: float, window: int) -> None:
        self.seen += 1
        self.order.append(gap)
        bisect.insort(self.ordered, gap)
        if len(self.order) > window:
            old = self.order.popleft()
            del self.ordered[bisect.bisect_left(self.ordered, old)]

    def share_longer(self, seconds: float) -> float:
        """The share of these gaps longer than `seconds`."""
        if not self.ordered:
            return 0.0
        return 1 - bisect.bisect_right(self.ordered, seconds) / len(self.ordered)


@dataclass
class _Estimate:
    """A class's gaps, shrunk toward its group's (after a word character or not) by `prior`
    pseudo-gaps: a class seen a few times is judged mostly by the user's other gaps of its
    kind, one seen often by its own."""

    own: _Gaps
    group: _Gaps
    prior: float

    def share_longer(self, seconds: float) -> float:
        n = len(self.own.order)
        if n + self.prior <= 0:
            return 0.0
        mixed = n * self.own.share_longer(seconds) + self.prior * self.group.share_longer(seconds)
        return mixed / (n + self.prior)


@dataclass
class _Last:
    at: float
    position: Position
    delay: float


#: Which rhythm a class's gaps follow: after a word character or after anything else.
_GROUP: dict[Position, Literal["word", "other"]] = {
    "line_start": "other",
    "opener": "other",
    "boundary": "other",
    "word": "word",
}


class AdaptiveTrigger:
    """Per-user typing rhythm -> the wait before an automatic request, by position."""

    def __init__(
        self, tuning: TriggerTuning | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.tuning = tuning or TriggerTuning()
        self._clock = clock
        self._gaps: dict[Position, _Gaps] = {p: _Gaps() for p in POSITIONS}
        self._groups: dict[str, _Gaps] = {"word": _Gaps(), "other": _Gaps()}
        self._learned = 0
        self._last: dict[str, _Last] = {}
        self._delays: dict[Position, float] = {}
        self.latency = self.tuning.latency
        #: Requests the waits let through so far, and those the fixed debounce would have.
        self.sent = 0
        self.fixed_sent = 0

    def keystroke(self, key: str, text_before_cursor: str) -> float:
        """A keystroke (an automatic request) in document `key`: the seconds to wait now.

        The gap since the previous keystroke in the same document is learned, in the class
        of the position that keystroke left the cursor at.
        """
        now = self._clock()
        last = self._last.get(key)
        if last is not None:
            gap = now - last.at
            self.sent += gap > last.delay
            self.fixed_sent += gap > DEFAULT_DELAY
            self.learn(last.position, gap)
        position = position_of(text_before_cursor)
        delay = self.delay(position)
        self._last[key] = _Last(now, position, delay)
        return delay

    def learn(self, position: Position, gap: float) -> None:
        gap = min(max(gap, 0.0), self.tuning.idle)
        self._gaps[position].add(gap, self.tuning.window)
        self._groups[_GROUP[position]].add(gap, self.tuning.window * 2)
        self._learned += 1
        if (
            self._learned % self.tuning.recompute_every == 0
            or self._learned <= self.tuning.min_samples
        ):
            self._delays.clear()

    def route_latency(self, seconds: float) -> None:
        """A measured upstream round trip."""
        weight = self.tuning.latency_weight
        self.latency = (1 - weight) * self.latency + weight * max(0.0, seconds)

    def forget(self, key: str) -> None:
        self._last.pop(key, None)

    def delay(self, position: Position) -> float:
        if not self._delays:
            self._delays = self._choose()
        return self._delays[position]

    def _choose(self) -> dict[Position, float]:
        t = self.tuning
        if self._learned < t.min_samples:
            return dict.fromkeys(POSITIONS, DEFAULT_DELAY)
        classes = [_Estimate(self._gaps[p], self._groups[_GROUP[p]], t.prior) for p in POSITIONS]
        # How often each class comes up, from every gap learned (not only those remembered).
        weights = [self._gaps[p].seen / self._learned for p in POSITIONS]
        grid = [
            t.min_delay + i * t.step for i in range(round((t.max_delay - t.min_delay) / t.step) + 1)
        ]
        seen = self.latency + t.dwell
        # The requests the fixed debounce sends on these gaps, per keystroke: the budget is
        # never above it (nor above `waste` more than one per pause, when that is more).
        fixed = sum(
            w * g.share_longer(DEFAULT_DELAY) for g, w in zip(classes, weights, strict=True)
        )
        pauses = sum(
            w * g.share_longer(t.min_delay + seen) for g, w in zip(classes, weights, strict=True)
        )
        budget = max(fixed, (1 + t.waste) * pauses)
        # Estimates err: what the waits really spent against what the fixed debounce would
        # have on the same gaps tightens (or loosens) the budget.
        budget *= (self.fixed_sent + t.slack) / (self.sent + t.slack)

        def spend(price: float) -> tuple[list[float], bool]:
            choice = [self._cheapest(g, grid, seen, price) for g in classes]
            fired = sum(
                w * g.share_longer(d) for g, w, d in zip(classes, weights, choice, strict=True)
            )
            return choice, fired <= budget

        # The cheapest price within the budget: a bisection (dearer never spends more).
        best, ok = spend(_CHEAPEST)
        if not ok:
            best, ok = spend(_DEAREST)
            low, high = _CHEAPEST, _DEAREST
            for _ in range(14):
                middle = (low * high) ** 0.5
                choice, ok = spend(middle)
                if ok:
                    best, high = choice, middle
                else:
                    low = middle
        return dict(zip(POSITIONS, best, strict=True))

    def _cheapest(self, gaps: _Estimate, grid: list[float], seen: float, price: float) -> float:
        """The wait with the least total cost over these gaps: the wait itself for each gap it
        turns into a seen suggestion, `MISSED` for each pause it lets go by, `price` for
        each request it wastes."""
        pauses = gaps.share_longer(grid[0] + seen)
        best, best_cost = grid[-1], float("inf")
        for d in grid:
            fired = gaps.share_longer(d)
            useful = gaps.share_longer(d + seen)
            cost = d * useful + MISSED * (pauses - useful) + price * (fired - useful)
            if cost < best_cost:
                best, best_cost = d, cost
        return best


#: Seconds of waiting a pause without a suggestion is worth (it is a suggestion never seen).
MISSED = 2.0
#: The prices of a wasted request, in seconds of waiting, the budget search tries: never
#: free (of two waits that are as quick, the one that spends fewer requests wins).
_CHEAPEST = 0.001
_DEAREST = 100.0
