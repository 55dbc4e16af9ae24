"""Renderings of an evaluation report: a terminal table, one JSON object, or JUnit XML."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from intent.evaluate import Report


def as_json(report: Report) -> str:
    return json.dumps(report.summary(), ensure_ascii=False, indent=2)


def as_table(report: Report) -> str:
    out: list[str] = []
    add = out.append
    summary = report.summary()

    def rows(title: str, groups: dict[str, tuple[int, int]]) -> None:
        add(f"\n{title:<22} {'correct':>8} {'total':>6} {'accuracy':>9}")
        for name, (right, total) in groups.items():
            add(f"{name:<22} {right:>8} {total:>6} {right / total:>9.1%}")

    rows("language", report.by("language"))
    rows("generation_type", report.by("generation_type"))

    matrix = report.confusion()
    labels = sorted({*matrix, *(g for row in matrix.values() for g in row)})
    width = max(len(label) for label in labels) if labels else 10
    add("\nconfusion (rows: expected, columns: got)")
    add(" " * (width + 1) + " ".join(f"{label[:12]:>12}" for label in labels))
    for expected in labels:
        row = matrix.get(expected, {})
        add(f"{expected:<{width}} " + " ".join(f"{row.get(g, 0):>12}" for g in labels))

    failures = report.failures
    add(f"\nfailures ({len(failures)})")
    for o in failures:
        add(
            f"  {o.case.id} [{o.case.source} {o.case.line}:{o.case.character}] "
            f"expected {o.case.label}, got {o.label} ({o.got.reason})"
        )
    matched, carrying = report.instruction_match()
    add("")
    if carrying:
        add(f"user_instruction exact match: {matched}/{carrying} ({matched / carrying:.1%})")
    else:
        add("user_instruction exact match: n/a (no case carries user_instruction)")
    add(
        f"latency per detect (full parse): p50 {summary['latency_ms']['p50']:.3f} ms, "
        f"p99 {summary['latency_ms']['p99']:.3f} ms"
    )
    add(f"accuracy: {report.correct}/{report.total} = {report.accuracy:.2%}")
    return "\n".join(out)


def as_junit(report: Report) -> str:
    suite = ET.Element(
        "testsuite",
        name="intent-eval",
        tests=str(report.total),
        failures=str(len(report.failures)),
        time=f"{sum(o.seconds for o in report.outcomes):.3f}",
    )
    for o in report.outcomes:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"intent.{o.case.source}",
            name=o.case.id,
            time=f"{o.seconds:.6f}",
        )
        if not o.correct:
            failure = ET.SubElement(
                case, "failure", message=f"expected {o.case.label}, got {o.label}"
            )
            failure.text = f"{o.case.line}:{o.case.character} {o.got.reason}"
    return ET.tostring(suite, encoding="unicode", xml_declaration=True)
