"""When to send an automatic suggestion request: as soon as the user has most likely paused.

A fixed debounce (250 ms) is a guess at one typist: too long for a fast one (most of the
wait after they stop is the debounce), too short for a slow one (a request on every slow
keystroke, superseded a moment later). `AdaptiveTrigger` learns, per document position
class, how long this user's gaps between keystrokes are, and waits the shortest time after
which a gap is almost always a pause:

- position classes: the start of a line, after an opener (`(`, `[`, `{`, `=`, `:`, `,`,
  possibly followed by spaces), after another word boundary, and in the middle of a word.
  People pause at boundaries far more than mid-word, so those classes learn short waits and
  mid-word learns a long one;
- for each class, the last `window` gaps; the wait is the smallest `d` on a grid for which
  the requests it would send in vain (gaps longer than `d` but ended by a keystroke before
  the answer arrived and was seen, `d + route latency + dwell`) are at most `waste` of the
  useful ones (gaps long enough for the answer to be seen). The route latency is the measured one (moving
  average of the SDK calls), so a slow route, whose answers are more often overtaken by
  the next keystroke, waits longer before asking;
- until a class has `min_samples` gaps it uses the gaps of all classes; until there are
  that many in all, the classic 250 ms.

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
_OPENER = re.compile(r"[(\[{=:,]\s*\Z")
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
    #: Wasted requests allowed per useful one, in each class.
    waste: float = 0.04
    #: Gaps remembered per class; gaps longer than `idle` are recorded as `idle`.
    window: int = 300
    idle: float = 5.0
    min_samples: int = 30
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

    def add(self, gap: float, window: int) -> None:
        self.order.append(gap)
        bisect.insort(self.ordered, gap)
        if len(self.order) > window:
            old = self.order.popleft()
            del self.ordered[bisect.bisect_left(self.ordered, old)]

    def longer_than(self, seconds: float) -> int:
        return len(self.ordered) - bisect.bisect_right(self.ordered, seconds)


@dataclass
class _Last:
    at: float
    position: Position


class AdaptiveTrigger:
    """Per-user typing rhythm -> the wait before an automatic request, by position."""

    def __init__(
        self, tuning: TriggerTuning | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.tuning = tuning or TriggerTuning()
        self._clock = clock
        self._gaps: dict[Position, _Gaps] = {p: _Gaps() for p in POSITIONS}
        self._all = _Gaps()
        self._last: dict[str, _Last] = {}
        self._delays: dict[Position, float] = {}
        self.latency = self.tuning.latency

    def keystroke(self, key: str, text_before_cursor: str) -> float:
        """A keystroke (an automatic request) in document `key`: the seconds to wait now.

        The gap since the previous keystroke in the same document is learned, in the class
        of the position that keystroke left the cursor at.
        """
        now = self._clock()
        last = self._last.get(key)
        if last is not None:
            self.learn(last.position, now - last.at)
        position = position_of(text_before_cursor)
        self._last[key] = _Last(now, position)
        return self.delay(position)

    def learn(self, position: Position, gap: float) -> None:
        gap = min(max(gap, 0.0), self.tuning.idle)
        self._gaps[position].add(gap, self.tuning.window)
        self._all.add(gap, self.tuning.window * len(POSITIONS))
        self._delays.clear()

    def route_latency(self, seconds: float) -> None:
        """A measured upstream round trip."""
        weight = self.tuning.latency_weight
        self.latency = (1 - weight) * self.latency + weight * max(0.0, seconds)
        self._delays.clear()

    def forget(self, key: str) -> None:
        self._last.pop(key, None)

    def delay(self, position: Position) -> float:
        cached = self._delays.get(position)
        if cached is None:
            cached = self._delays[position] = self._choose(position)
        return cached

    def _choose(self, position: Position) -> float:
        t = self.tuning
        gaps = self._gaps[position]
        if len(gaps.order) < t.min_samples:
            gaps = self._all
        if len(gaps.order) < t.min_samples:
            return DEFAULT_DELAY
        steps = round((t.max_delay - t.min_delay) / t.step)
        for i in range(steps + 1):
            d = t.min_delay + i * t.step
            fired = gaps.longer_than(d)
            useful = gaps.longer_than(d + self.latency + t.dwell)
            if useful > 0 and fired - useful <= t.waste * useful:
                return d
        return t.max_delay
