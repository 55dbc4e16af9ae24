"""The pygls internals the server relies on are all still there (see server/pygls_compat.py).

If this fails after a pygls upgrade, the message names each moved internal: adapt
`pygls_compat` (the only module that touches them) before widening the pin in pyproject.toml.
"""

from __future__ import annotations

import pytest

from gitlab_lsp.server import pygls_compat


def test_every_pygls_internal_we_use_is_still_there() -> None:
    missing = pygls_compat.missing_internals()
    assert missing == [], f"pygls moved internals gitlab-lsp relies on: {missing}"


def test_a_moved_internal_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from pygls.protocol import JsonRPCProtocol

    monkeypatch.delattr(JsonRPCProtocol, "_send_response")
    assert pygls_compat.missing_internals() == ["JsonRPCProtocol._send_response"]


def test_no_other_module_touches_pygls_internals() -> None:
    """Private pygls names appear in pygls_compat alone, so the list above is complete."""
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[2]
    names = {attribute for _owner, attribute, _why in pygls_compat.INTERNALS if attribute[0] == "_"}
    names |= {"fm.features"}
    pattern = re.compile(r"\.(" + "|".join(re.escape(n) for n in sorted(names)) + r")\b")
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("gitlab_lsp", "tests", "benchmarks")
        for path in (root / folder).rglob("*.py")
        # the mock is no pygls server (its `_stop_event` is its own)
        if path.name not in {"pygls_compat.py", "test_pygls_compat.py"} and "mock" not in path.parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
