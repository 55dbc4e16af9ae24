"""The public API is what `__all__` says, every name in it resolves, and nothing is missing.

As httpx does: a name added to or dropped from a package's public surface is a deliberate
change of this file. The SDK's names are resolved lazily from a table (`gitlab_lsp.sdk.EXPORTS`),
so a typo in that table would only surface when a user first touches the name: resolving
every entry here catches it at once.
"""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import gitlab_lsp.sdk

PUBLIC = {
    "gitlab_lsp.sdk": {
        "ApiError",
        "ApiEvent",
        "ApiRecovered",
        "ClientOptions",
        "CodeSuggestions",
        "Suggestion",
        "SuggestionStream",
        "SyncCodeSuggestions",
        "Timings",
        "TokenInfo",
    },
    "gitlab_lsp.privacy": {
        "Outbound",
        "RULES",
        "RULE_IDS",
        "RedactingFilter",
        "Rule",
        "SecretMatch",
        "find_secrets",
        "install_log_redaction",
        "outbound",
        "outbound_around_cursor",
        "redact",
        "redact_around_cursor",
        "scrub",
    },
    "intent": {
        "DatasetError",
        "Document",
        "GrammarUnavailableError",
        "Intent",
        "IntentError",
        "detect",
        "supported_languages",
        "supports",
    },
    "gitlab_lsp.mock": {
        "ControlError",
        "MockControl",
        "MockError",
        "MockStack",
        "MockStartupError",
    },
}


@pytest.mark.parametrize("module_name", sorted(PUBLIC))
def test_all_lists_exactly_the_public_names(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert set(module.__all__) == PUBLIC[module_name]
    assert len(module.__all__) == len(set(module.__all__)), "a name is listed twice"


@pytest.mark.parametrize("module_name", [*sorted(PUBLIC), "gitlab_lsp", "gitlab_lsp.errors"])
def test_every_exported_name_resolves_to_an_object_of_this_project(module_name: str) -> None:
    module = importlib.import_module(module_name)
    for name in module.__all__:
        value = getattr(module, name)
        defined_in = getattr(value, "__module__", None)
        if isinstance(value, type) or callable(value):
            assert defined_in.split(".")[0] in ("gitlab_lsp", "intent"), (name, defined_in)
        assert name in dir(module)


def test_the_top_level_package_exports_the_sdk_and_the_errors() -> None:
    import gitlab_lsp
    import gitlab_lsp.errors

    expected = {"__version__", *PUBLIC["gitlab_lsp.sdk"], *gitlab_lsp.errors.__all__}
    assert set(gitlab_lsp.__all__) == expected


@pytest.mark.parametrize("name", sorted(gitlab_lsp.sdk.EXPORTS))
def test_each_lazy_export_is_defined_where_the_table_says(name: str) -> None:
    module = importlib.import_module(gitlab_lsp.sdk.EXPORTS[name])
    assert name in vars(module), f"{name} is not defined in {module.__name__}"
    assert getattr(gitlab_lsp.sdk, name) is getattr(module, name)
    assert name in gitlab_lsp.sdk.__all__


def test_importing_the_package_stays_lazy() -> None:
    """`gitlab-lsp --stdio` imports `gitlab_lsp` first: httpx must wait for the first use."""
    code = "import sys, gitlab_lsp; print('httpx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
