"""Make the typing trace `benchmarks/lsp.py` replays: a modelled programmer writing Python.

    .venv/bin/python benchmarks/typing_trace.py   # rewrites benchmarks/data/typing_trace.jsonl

The trace is committed; this script documents how it was made and re-makes it identically
(fixed seed). Four sessions, each typing the start of one of the project's own Python files
(code, comments, strings; the module docstring skipped) at the end of the document, as one
writes new code. The model, per keystroke:

- gaps between keys are log-normal: inside a word median 120 ms (sigma 0.35), after a word
  boundary (space, punctuation) median 170 ms (sigma 0.40): a fluent typist, the range
  large keystroke studies report for fast typists (mean 100-170 ms between keys);
- after some keys the typist stops to think: a pause of log-normal length (median 1.3 s,
  sigma 0.4, between 0.6 and 2.5 s), more likely at a syntactic boundary: after a line
  break 45 %, after `(` `[` `{` `=` `:` `,` 25 %, after another boundary 5 %, inside a word
  1 %. (Pauses cluster at such boundaries in studies of programmers' typing; the numbers
  are this model's, not measured.)
- typos: before 4 % of words, 1 or 2 wrong letters, a gap to notice them (median 300 ms),
  then as many backspaces (median 110 ms apart);
- the editor indents: a line break arrives with the new line's indentation in one change.

Lines: {"session": n, "t": seconds since the session started, "op": "type"|"delete",
"text": what was typed ("" for a delete)}. A *pause* is a gap of at least `PAUSE_S` after a
key (the replay counts them from the gaps, not from labels).
"""

from __future__ import annotations

import itertools
import json
import math
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRACE = Path(__file__).resolve().parent / "data" / "typing_trace.jsonl"
SEED = 20251202
SOURCES = (
    "gitlab_lsp/server/cache.py",
    "intent/textual.py",
    "gitlab_lsp/server/documents.py",
    "intent/rules.py",
)
KEYS_PER_SESSION = 520
#: A gap at least this long after a key is a pause (the user waits for a suggestion).
PAUSE_S = 0.6
_OPENERS = set("([{=:,")


def lognormal(rng: random.Random, median: float, sigma: float) -> float:
    return median * math.exp(rng.gauss(0.0, sigma))


def code_of(path: Path) -> str:
    """The file without its module docstring, its blank lines, or indentation (the editor's)."""
    text = path.read_text()
    text = re.sub(r'\A(?:#.*\n)*\s*"""[\s\S]*?"""\n', "", text, count=1)
    return "\n".join(line for line in text.splitlines() if line.strip()) + "\n"


def pause_probability(typed: str) -> float:
    last = typed[-1]
    if last == "\n":
        return 0.45
    if last in _OPENERS:
        return 0.25
    if not (last.isalnum() or last == "_"):
        return 0.05
    return 0.01


def session(rng: random.Random, n: int, source: str) -> list[dict[str, object]]:
    events: list[dict[str, object]] = []
    t = 0.0
    lines = source.split("\n")
    typed = ""
    keys = 0

    def key(op: str, text: str, gap: float) -> None:
        nonlocal t, keys
        t += gap
        keys += 1
        events.append({"session": n, "t": round(t, 4), "op": op, "text": text})

    for index, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if index > 0:
            # The line break: Enter, with the editor's indentation of the new line.
            key("type", "\n" + " " * indent, lognormal(rng, 0.170, 0.40))
            typed += "\n"
            if rng.random() < pause_probability(typed):
                t += min(2.5, max(0.6, lognormal(rng, 1.3, 0.4)))
        for i, char in enumerate(body):
            word_start = i == 0 or not (body[i - 1].isalnum() or body[i - 1] == "_")
            if word_start and char.isalpha() and rng.random() < 0.04:
                wrong = "".join(rng.choice("asdfghjkl") for _ in range(rng.randint(1, 2)))
                for w in wrong:
                    key("type", w, lognormal(rng, 0.120, 0.35))
                t += lognormal(rng, 0.300, 0.30)
                for _ in wrong:
                    key("delete", "", lognormal(rng, 0.110, 0.30))
            boundary = bool(typed) and not (typed[-1].isalnum() or typed[-1] == "_")
            key(
                "type",
                char,
                lognormal(rng, 0.170 if boundary else 0.120, 0.40 if boundary else 0.35),
            )
            typed += char
            if rng.random() < pause_probability(typed):
                t += min(2.5, max(0.6, lognormal(rng, 1.3, 0.4)))
            if keys >= KEYS_PER_SESSION:
                return events
    return events


def hindsight_best(
    events_by_session: dict[int, list[dict[str, object]]],
    latency: float,
    requests_per_pause: float,
    grid: tuple[float, ...] = tuple(0.03 + 0.03 * i for i in range(16)),
) -> tuple[float, dict[str, float]] | None:
    """The lowest p50 from a pause's last key to a suggestion that any trigger choosing its
    wait by the cursor's position class could reach on these keystrokes, knowing every gap
    in advance, while sending at most `requests_per_pause` requests per pause (a request is
    sent when the gap outlasts the wait; the suggestion shows `latency` later). A bound,
    not a trigger: it tells whether a target is reachable on this trace at all."""
    from gitlab_lsp.sdk.trigger import POSITIONS, position_of

    gaps: dict[str, list[float]] = {p: [] for p in POSITIONS}
    for events in events_by_session.values():
        text = ""
        for i, event in enumerate(events):
            text = text[:-1] if event["op"] == "delete" else text + str(event["text"])
            after = float(events[i + 1]["t"]) - float(event["t"]) if i + 1 < len(events) else 10.0  # type: ignore[arg-type]
            gaps[position_of(text)].append(after)
    pauses = sum(g >= PAUSE_S for values in gaps.values() for g in values)
    budget = requests_per_pause * pauses
    # Per class and wait: (requests sent, pauses shown with that wait).
    table = {
        p: [
            (sum(g > d for g in values), sum(g >= PAUSE_S and g > d + latency for g in values))
            for d in grid
        ]
        for p, values in gaps.items()
    }
    best: tuple[float, dict[str, float]] | None = None
    for choice in itertools.product(range(len(grid)), repeat=len(POSITIONS)):
        sent = sum(table[p][i][0] for p, i in zip(POSITIONS, choice, strict=True))
        if sent > budget:
            continue
        shown = sorted(
            (grid[i] + latency, table[p][i][1]) for p, i in zip(POSITIONS, choice, strict=True)
        )
        if sum(n for _, n in shown) < pauses:
            continue  # a pause without a suggestion: not comparable
        middle, p50 = (pauses - 1) // 2, 0.0
        for wait, n in shown:
            if middle < n:
                p50 = wait
                break
            middle -= n
        if best is None or p50 < best[0]:
            best = (p50, {p: grid[i] for p, i in zip(POSITIONS, choice, strict=True)})
    return best


def main() -> None:
    rng = random.Random(SEED)
    TRACE.parent.mkdir(parents=True, exist_ok=True)
    with TRACE.open("w") as out:
        for n, name in enumerate(SOURCES):
            for event in session(rng, n, code_of(ROOT / name)):
                out.write(json.dumps(event) + "\n")
    print(f"wrote {TRACE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
