"""The configuration files of editors this machine cannot run (Helix, Zed, Sublime Text,
JetBrains/LSP4IJ) and the Emacs recipe: parsed, and their settings keys checked against the
server's `Settings`, so that a renamed key fails here instead of being silently ignored."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

from .conftest import EDITORS
from .server_settings import assert_known_settings, known_setting_paths, setting_paths


def _json_with_comments(path: Path) -> Any:
    """Sublime's settings allow `//` comment lines; each of ours is a whole line."""
    text = "\n".join(
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("//")
    )
    return json.loads(text)


def test_helix_languages_toml() -> None:
    data = tomllib.loads((EDITORS / "helix" / "languages.toml").read_text(encoding="utf-8"))
    server = data["language-server"]["gitlab-lsp"]
    assert server["command"] == "gitlab-lsp"
    assert server["args"] == ["--stdio"]
    assert_known_settings(server["config"]["gitlab"])
    languages = {lang["name"]: lang["language-servers"] for lang in data["language"]}
    assert "python" in languages
    for name, servers in languages.items():
        # Next to the language's own server, never instead of it.
        assert servers[-1] == "gitlab-lsp" and len(servers) >= 2, name


def test_zed_extension_and_settings() -> None:
    manifest = tomllib.loads((EDITORS / "zed" / "extension.toml").read_text(encoding="utf-8"))
    assert "gitlab-lsp" in manifest["language_servers"]
    assert "Python" in manifest["language_servers"]["gitlab-lsp"]["languages"]
    cargo = tomllib.loads((EDITORS / "zed" / "Cargo.toml").read_text(encoding="utf-8"))
    assert cargo["lib"]["crate-type"] == ["cdylib"]
    assert "zed_extension_api" in cargo["dependencies"]
    settings = json.loads((EDITORS / "zed" / "settings.json").read_text(encoding="utf-8"))
    server = settings["lsp"]["gitlab-lsp"]
    assert server["binary"]["arguments"] == ["--stdio"]
    assert_known_settings(server["settings"])
    for language in settings["languages"].values():
        assert language["language_servers"] == ["...", "gitlab-lsp"]
    # The extension's Rust source names the same server id as the manifest.
    source = (EDITORS / "zed" / "src" / "lib.rs").read_text(encoding="utf-8")
    assert 'const SERVER: &str = "gitlab-lsp";' in source


def test_sublime_lsp_settings() -> None:
    data = _json_with_comments(EDITORS / "sublime" / "LSP.sublime-settings")
    client = data["clients"]["gitlab-lsp"]
    assert client["command"] == ["gitlab-lsp", "--stdio"]
    assert "source.python" in client["selector"]
    assert_known_settings(client["settings"]["gitlab"])
    assert set(client["initializationOptions"]) == {"ide", "extension"}


def test_jetbrains_lsp4ij_template() -> None:
    folder = EDITORS / "jetbrains"
    template = json.loads((folder / "template.json").read_text(encoding="utf-8"))
    assert template["programArgs"]["default"] == "gitlab-lsp --stdio"
    language_ids = {m["languageId"] for m in template["fileTypeMappings"]}
    assert "python" in language_ids
    for mapping in template["fileTypeMappings"]:
        assert all(p.startswith("*.") for p in mapping["fileType"]["patterns"])
    settings = json.loads((folder / "settings.json").read_text(encoding="utf-8"))
    assert_known_settings(settings["gitlab"])
    options = json.loads((folder / "initializationOptions.json").read_text(encoding="utf-8"))
    assert set(options) == {"ide", "extension"}


def test_emacs_settings_keys() -> None:
    """The plist keys in the Eglot and lsp-mode recipes' default settings."""
    for name in ("gitlab-lsp.el",):
        source = (EDITORS / "emacs" / name).read_text(encoding="utf-8")
        block = source.split("(defcustom gitlab-lsp-settings", 1)[1].split('"', 1)[0]
        keys = set(re.findall(r":([A-Za-z]+)", block)) - {"json"}
        known_roots = {path.split(".")[0] for path in known_setting_paths()}
        known_leaves = {path.split(".")[-1] for path in known_setting_paths()}
        assert keys, name
        assert keys <= known_roots | known_leaves, keys - known_roots - known_leaves


def test_known_settings_cover_the_documented_surface() -> None:
    """The keys derived from the server's dataclasses include every documented one."""
    documented = {
        "baseUrl", "token", "projectPath", "logLevel", "ignoreCertificateErrors",
        "codeCompletion.enabled", "codeCompletion.enableSecretRedaction",
        "codeCompletion.additionalLanguages", "codeCompletion.disabledSupportedLanguages",
        "telemetry.enabled", "telemetry.trackingUrl", "featureFlags.streamCodeGenerations",
        "httpAgentOptions.ca", "httpAgentOptions.cert", "httpAgentOptions.certKey",
        "suggestionsCache.enabled", "suggestionsCache.maxSize", "suggestionsCache.ttl",
    }  # fmt: skip
    assert documented <= known_setting_paths()
    assert set(setting_paths({"a": {"b": 1, "c": {"d": 2}}, "e": 3})) == {"a.b", "a.c.d", "e"}


def _emacs_has(feature: str) -> bool:
    proc = subprocess.run(
        ["emacs", "--batch", "--eval", f"(progn (require '{feature}) (princ \"ok\"))"],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    return proc.stdout.strip() == "ok"


@pytest.mark.skipif(shutil.which("emacs") is None, reason="Emacs is not installed")
@pytest.mark.parametrize(
    ("name", "needs"),
    [("gitlab-lsp.el", None), ("gitlab-lsp-eglot.el", "eglot"), ("gitlab-lsp-mode.el", "lsp-mode")],
)
def test_emacs_recipes_byte_compile_cleanly(name: str, needs: str | None, tmp_path: Path) -> None:
    """Byte-compiling with warnings as errors catches typos, unknown functions, bad docstrings."""
    if needs is not None and not _emacs_has(needs):
        pytest.skip(f"{needs} is not available to Emacs")
    for file in (EDITORS / "emacs").glob("*.el"):
        shutil.copy(file, tmp_path / file.name)
    proc = subprocess.run(
        ["emacs", "--batch", "-L", str(tmp_path), "--eval", "(setq byte-compile-error-on-warn t)",
         "-f", "batch-byte-compile", str(tmp_path / name)],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
