"""`intent eval`: run labelled cases through `detect` and measure agreement.

Reads the project corpus (intent/corpus/*.jsonl) and, in the same format, the official
client's own test cases (CI passes their file): there a null `intent` means the official
client sent none, which routes like a completion, so it counts as one.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intent.model import DatasetError, Intent

_INTENTS = ("completion", "generation")
_TYPES = ("comment", "empty_function", "small_file")


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    source: str
    language: str
    filename: str | None
    text: str
    line: int
    character: int
    intent: str
    generation_type: str | None
    user_instruction: str | None

    @property
    def label(self) -> str:
        return label_of(self.intent, self.generation_type)


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    got: Intent
    seconds: float

    @property
    def correct(self) -> bool:
        return self.got.intent == self.case.intent and (
            self.got.generation_type == self.case.generation_type
        )

    @property
    def label(self) -> str:
        return label_of(self.got.intent, self.got.generation_type)


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def correct(self) -> int:
        return sum(o.correct for o in self.outcomes)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct]

    def by(self, key: str) -> dict[str, tuple[int, int]]:
        """(correct, total) grouped by `language` or expected `generation_type`."""
        totals: Counter[str] = Counter()
        rights: Counter[str] = Counter()
        for o in self.outcomes:
            group = o.case.language if key == "language" else (o.case.generation_type or "-")
            totals[group] += 1
            rights[group] += o.correct
        return {g: (rights[g], totals[g]) for g in sorted(totals)}

    def confusion(self) -> dict[str, dict[str, int]]:
        matrix: dict[str, dict[str, int]] = {}
        for o in self.outcomes:
            row = matrix.setdefault(o.case.label, {})
            row[o.label] = row.get(o.label, 0) + 1
        return matrix

    def instruction_match(self) -> tuple[int, int]:
        carrying = [o for o in self.outcomes if o.case.user_instruction is not None]
        matched = sum(o.got.user_instruction == o.case.user_instruction for o in carrying)
        return matched, len(carrying)

    def latency_ms(self, quantile: float) -> float:
        if not self.outcomes:
            return 0.0
        times = sorted(o.seconds for o in self.outcomes)
        index = min(len(times) - 1, max(0, round(quantile * (len(times) - 1))))
        return times[index] * 1000.0

    def summary(self) -> dict[str, Any]:
        matched, carrying = self.instruction_match()
        return {
            "accuracy": round(self.accuracy, 6),
            "total": self.total,
            "correct": self.correct,
            "by_language": {
                k: {"correct": c, "total": t} for k, (c, t) in self.by("language").items()
            },
            "by_generation_type": {
                k: {"correct": c, "total": t} for k, (c, t) in self.by("generation_type").items()
            },
            "confusion": self.confusion(),
            "user_instruction": {
                "matched": matched,
                "total": carrying,
                "rate": round(matched / carrying, 6) if carrying else None,
            },
            "latency_ms": {
                "p50": round(self.latency_ms(0.5), 3),
                "p99": round(self.latency_ms(0.99), 3),
            },
            "failures": [
                {
                    "id": o.case.id,
                    "source": o.case.source,
                    "language": o.case.language,
                    "line": o.case.line,
                    "character": o.case.character,
                    "expected": o.case.label,
                    "got": o.label,
                    "reason": o.got.reason,
                }
                for o in self.failures
            ],
        }


def label_of(intent: str, generation_type: str | None) -> str:
    return intent if intent != "generation" else f"generation/{generation_type}"


def load_cases(path: Path) -> list[Case]:
    """Cases of one JSONL file (corpus or official-suite format)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{path}: cannot read: {exc}") from exc
    cases: list[Case] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            cases.append(_case(json.loads(raw), path))
        except (ValueError, KeyError, TypeError) as exc:
            raise DatasetError(f"{path}:{number}: malformed case: {exc}") from exc
    return cases


def _case(obj: dict[str, Any], path: Path) -> Case:
    intent = obj.get("intent") or "completion"
    gtype = obj.get("generation_type")
    if intent not in _INTENTS or (gtype is not None and gtype not in _TYPES):
        raise ValueError(f"bad label {intent!r}/{gtype!r}")
    if intent == "completion":
        gtype = None
    line, character = obj["line"], obj["character"]
    if not isinstance(line, int) or not isinstance(character, int):
        raise ValueError("line and character must be integers")
    text = obj["text"]
    if not isinstance(text, str):
        raise ValueError("text must be a string")
    return Case(
        id=str(obj["id"]),
        source=path.name,
        language=str(obj.get("language") or ""),
        filename=obj.get("filename"),
        text=text,
        line=line,
        character=character,
        intent=intent,
        generation_type=gtype,
        user_instruction=obj.get("user_instruction"),
    )


def evaluate(cases: list[Case]) -> Report:
    from intent import detect

    report = Report()
    for case in cases:
        began = time.perf_counter()
        got = detect(
            case.text,
            case.line,
            case.character,
            language_id=case.language or None,
            filename=case.filename,
        )
        report.outcomes.append(Outcome(case, got, time.perf_counter() - began))
    return report
