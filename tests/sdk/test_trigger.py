"""The adaptive trigger, replayed on a fake clock: no sleeps."""

from __future__ import annotations

import random

import pytest

from gitlab_lsp.sdk.trigger import DEFAULT_DELAY, AdaptiveTrigger, TriggerTuning, position_of


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("before", "position"),
    [
        ("", "line_start"),
        ("x = 1\n", "line_start"),
        ("x = 1\n    ", "line_start"),
        ("print(", "opener"),
        ("x =", "opener"),
        ("x = ", "boundary"),  # the space was typed: the pause, if any, came after `=`
        ("def f(a,", "opener"),
        ("if x:", "opener"),
        ("return x + ", "boundary"),
        ("x.", "boundary"),
        ("retu", "word"),
        ("x = fo", "word"),
    ],
)
def test_positions(before: str, position: str) -> None:
    assert position_of(before) == position


def replay(
    trigger: AdaptiveTrigger, clock: Clock, typist: random.Random, lines: int, burst_gap: float
) -> None:
    """Lines of `word word(word, word)` typed with `burst_gap`-ish gaps, pausing ~1 s after
    each newline and opener, never mid-word."""
    text = ""
    for _ in range(lines):
        for char in "value = compute(alpha, beta)\n":
            text += char
            trigger.keystroke("doc", text)
            pause = position_of(text) in ("line_start", "opener") and typist.random() < 0.6
            clock.now += typist.uniform(0.8, 1.5) if pause else burst_gap * typist.uniform(0.7, 1.3)


def test_nothing_learned_means_the_classic_debounce() -> None:
    trigger = AdaptiveTrigger(clock=Clock())
    assert trigger.keystroke("doc", "x = compute(") == DEFAULT_DELAY
    assert trigger.delay("word") == DEFAULT_DELAY


def test_a_fast_typist_is_asked_for_sooner_where_they_pause() -> None:
    clock = Clock()
    trigger = AdaptiveTrigger(clock=clock)
    replay(trigger, clock, random.Random(1), lines=20, burst_gap=0.090)
    assert trigger.delay("opener") <= 0.150
    assert trigger.delay("line_start") <= 0.150
    # Mid-word this typist never paused: the wait there outlasts all their gaps (<= 117 ms),
    # so no request is sent in the middle of a word.
    assert trigger.delay("word") >= 0.117


def test_a_slow_typist_is_not_interrupted_by_requests_on_every_key() -> None:
    clock = Clock()
    trigger = AdaptiveTrigger(clock=clock)
    replay(trigger, clock, random.Random(2), lines=20, burst_gap=0.300)
    # Their gaps inside a word reach 390 ms: a fixed 250 ms would ask on most keystrokes.
    assert trigger.delay("word") >= 0.390


def test_a_slower_route_never_asks_later_where_pauses_are_common() -> None:
    fast_clock, slow_clock = Clock(), Clock()
    fast = AdaptiveTrigger(TriggerTuning(latency=0.05), clock=fast_clock)
    slow = AdaptiveTrigger(TriggerTuning(latency=0.05), clock=slow_clock)
    for _ in range(50):
        slow.route_latency(0.9)
    assert slow.latency > 0.5
    replay(fast, fast_clock, random.Random(3), lines=20, burst_gap=0.120)
    replay(slow, slow_clock, random.Random(3), lines=20, burst_gap=0.120)
    # Pauses last 0.8-1.5 s: a 0.9 s answer must be asked for early to land inside one.
    # (Sooner still would spend more requests than the fixed debounce: the budget binds.)
    assert slow.delay("line_start") <= fast.delay("line_start")
    # Mid-word, where this typist never pauses, no route makes a request worth sending.
    assert slow.delay("word") >= 0.156


def test_documents_do_not_share_a_gap() -> None:
    clock = Clock()
    trigger = AdaptiveTrigger(TriggerTuning(min_samples=1), clock=clock)
    trigger.keystroke("a", "x = 1")
    clock.now += 3.0
    trigger.keystroke("b", "y = 2")  # another document: no 3 s gap is learned
    clock.now += 0.1
    trigger.keystroke("a", "x = 12")
    assert list(trigger._gaps["opener"].order) == []
    assert list(trigger._gaps["word"].order) == pytest.approx([3.1])  # a's own gap, not 3.0 or 0.1


def test_a_class_seen_rarely_is_judged_by_its_group() -> None:
    """Two line starts, both pauses, cannot outweigh a hundred quick gaps after boundaries:
    with no more evidence the start of a line is not assumed to be always a pause."""
    clock = Clock()
    trigger = AdaptiveTrigger(clock=clock)
    for _ in range(100):
        trigger.learn("boundary", 0.150)
    for _ in range(2):
        trigger.learn("line_start", 1.5)
    seen_rarely = trigger.delay("line_start")
    for _ in range(200):
        trigger.learn("line_start", 1.5)
    assert seen_rarely > trigger.delay("line_start")


def test_requests_really_spent_above_the_fixed_debounce_lengthen_the_waits() -> None:
    """The budget is corrected by what the waits really let through against what 250 ms
    would have on the same gaps: an overspending trigger waits longer."""
    typed = []
    for trigger_clock in (Clock(), Clock()):
        trigger = AdaptiveTrigger(clock=trigger_clock)
        replay(trigger, trigger_clock, random.Random(4), lines=20, burst_gap=0.150)
        typed.append(trigger)
    balanced, overspent = typed
    overspent.sent, overspent.fixed_sent = 400, 100
    balanced.sent = balanced.fixed_sent = 100
    for trigger in typed:
        trigger._delays.clear()
    waits = [sum(t.delay(p) for p in ("line_start", "opener", "boundary", "word")) for t in typed]
    assert waits[1] > waits[0]
