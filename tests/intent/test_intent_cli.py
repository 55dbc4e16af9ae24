"""`gitlab-lsp intent eval|classify` through the real argument parser."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from intent import cli


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="gitlab-lsp")
    cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.func(args))


CASES = [
    {
        "id": "ok/comment",
        "language": "python",
        "filename": "a.py",
        "text": "# sort the users\n\n",
        "line": 1,
        "character": 0,
        "intent": "generation",
        "generation_type": "comment",
        "user_instruction": "sort the users",
    },
    {
        "id": "ok/official-null",
        "language": "python",
        "filename": "a.py",
        "text": "a = 1\nb = 2\nc = 3\nd = 4\ne = 5\n",
        "line": 2,
        "character": 0,
        "intent": None,
        "generation_type": None,
        "anchor_user_instruction": None,
    },
    {
        "id": "bad/label",
        "language": "go",
        "filename": "a.go",
        "text": "package a\n",
        "line": 0,
        "character": 0,
        "intent": "completion",
        "generation_type": None,
    },
]


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in CASES), encoding="utf-8")
    return path


def test_eval_json(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["intent", "eval", str(dataset), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["total"], report["correct"]) == (3, 2)
    assert report["accuracy"] == pytest.approx(2 / 3, abs=1e-6)
    assert [f["id"] for f in report["failures"]] == ["bad/label"]
    assert report["failures"][0]["got"] == "generation/small_file"
    assert report["user_instruction"] == {"matched": 1, "total": 1, "rate": 1.0}
    assert report["confusion"]["completion"] == {"completion": 1, "generation/small_file": 1}
    assert set(report["latency_ms"]) == {"p50", "p99"}


def test_eval_min_accuracy_exit_code(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["intent", "eval", str(dataset), "--min-accuracy", "0.5"]) == 0
    assert run(["intent", "eval", str(dataset), "--min-accuracy", "0.9"]) == 1
    assert "below --min-accuracy" in capsys.readouterr().err


def test_eval_table_lists_failures_and_tables(
    dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["intent", "eval", str(dataset)])
    out = capsys.readouterr().out
    for needle in (
        "language",
        "generation_type",
        "confusion",
        "bad/label [cases.jsonl 0:0]",
        "user_instruction exact match: 1/1",
        "p99",
        "accuracy: 2/3",
    ):
        assert needle in out


def test_eval_junit(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["intent", "eval", str(dataset), "--format", "junit"])
    out = capsys.readouterr().out
    assert '<testsuite name="intent-eval" tests="3" failures="1"' in out


def test_eval_malformed_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    assert run(["intent", "eval", str(bad)]) == 2
    assert "bad.jsonl:1: malformed case" in capsys.readouterr().err
    assert run(["intent", "eval", str(tmp_path / "missing.jsonl")]) == 2


def test_classify_file_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "users.py"
    source.write_text("import json\n\n# sort the users by age\n\n", encoding="utf-8")
    assert run(["intent", "classify", str(source), "--line", "3", "--character", "0"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("generation (comment)")
    assert "instruction: sort the users by age" in out
    assert "reason: rule 2" in out
    run(["intent", "classify", str(source), "--line", "2", "--character", "3", "--json"])
    assert json.loads(capsys.readouterr().out)["intent"] == "completion"


def test_classify_stdin_needs_a_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = "let a = 1;\nlet b = 2;\nlet c = 3;\nlet d = 4;\nlet e = 5;\nfunction f() {}\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(source))
    run(
        [
            "intent",
            "classify",
            "-",
            "--line",
            "5",
            "--character",
            "14",
            "--language",
            "javascript",
            "--json",
        ]
    )
    assert json.loads(capsys.readouterr().out)["generation_type"] == "empty_function"
    monkeypatch.setattr("sys.stdin", io.StringIO(source))
    run(["intent", "classify", "-", "--line", "5", "--character", "14", "--json"])
    assert "unknown language" in json.loads(capsys.readouterr().out)["reason"]


def test_classify_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(["intent", "classify", str(tmp_path / "nope.py"), "--line", "0", "--character", "0"])
        == 2
    )


def test_register_is_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, argparse; import intent.cli as c; "
        "c.register(argparse.ArgumentParser().add_subparsers()); "
        "print('tree_sitter' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.strip() == "False"
