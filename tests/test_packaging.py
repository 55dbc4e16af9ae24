"""Packaging stays consistent: one version, a constraints file covering every dependency, and
package data that points at files."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

import gitlab_lsp

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text().splitlines()
    pairs = [line.split("==") for line in lines if line.strip() and not line.startswith("#")]
    return {normalized(name): version for name, version in pairs}


def test_the_installed_version_is_the_package_version() -> None:
    assert "version" in PYPROJECT["project"]["dynamic"]
    assert importlib.metadata.version("gitlab-lsp") == gitlab_lsp.__version__


def test_constraints_pin_every_dependency_within_its_range() -> None:
    pinned = pins()
    project = PYPROJECT["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    outside = []
    for text in wanted:
        requirement = Requirement(text)
        version = pinned.get(normalized(requirement.name))
        if version is None or version not in requirement.specifier:
            outside.append(f"{requirement} (constraints: {version})")
    assert outside == []
    assert "gitlab-lsp" not in pinned


def test_package_data_points_at_files() -> None:
    for package, patterns in PYPROJECT["tool"]["setuptools"]["package-data"].items():
        for pattern in patterns:
            assert list((ROOT / package).glob(pattern)), f"{package}/{pattern} matches nothing"
