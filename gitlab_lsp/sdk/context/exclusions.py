"""Files that are never sent: the user's exclusion globs and what `.gitignore` ignores.

Globs match the path relative to the workspace folder (`**` spans directories, a pattern
without `/` matches a name at any depth). `.gitignore` files are read from the workspace
folder down to the file's directory, with git's rules for the common cases: `#` comments,
`!` negation, a trailing `/` for directories, a leading or inner `/` anchoring the pattern.
Each `.gitignore` is parsed once per modification time.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from gitlab_lsp.sdk.context.workspace import Workspace

#: Never sent, whatever the settings: version-control internals and dependency caches.
ALWAYS_EXCLUDED = ("**/.git/**", "**/.hg/**", "**/.svn/**")


@lru_cache(maxsize=1024)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """A regex for a glob over `/`-separated relative paths."""
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/")
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = pattern.find("]", i + 1)
            if end < 0:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append(f"[{body}]")
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    prefix = "" if anchored else "(?:.*/)?"
    # A match on a directory covers everything below it.
    return re.compile(f"{prefix}{''.join(out)}(?:/.*)?", re.DOTALL)


@dataclass(frozen=True)
class _Rule:
    regex: re.Pattern[str]
    negated: bool
    directory_only: bool


def _parse_gitignore(text: str) -> tuple[_Rule, ...]:
    rules = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        if negated:
            line = line[1:]
        if line.startswith("\\"):
            line = line[1:]
        directory_only = line.endswith("/")
        rules.append(_Rule(glob_regex(line), negated, directory_only))
    return tuple(rules)


@lru_cache(maxsize=512)
def _gitignore_rules(path: str, mtime_ns: int) -> tuple[_Rule, ...]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return _parse_gitignore(handle.read(200_000))
    except OSError:
        return ()


def _rules_in(directory: str) -> tuple[_Rule, ...]:
    path = os.path.join(directory, ".gitignore")
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError:
        return ()
    return _gitignore_rules(path, mtime)


def _ignored_by(rules: tuple[_Rule, ...], relative: str, verdict: bool) -> bool:
    """Apply rules in order (the last match wins) to `relative` and its parent directories."""
    parts = relative.split("/")
    for rule in rules:
        for depth in range(1, len(parts) + 1):
            candidate = "/".join(parts[:depth])
            is_dir = depth < len(parts)
            if rule.directory_only and not is_dir:
                continue
            if rule.regex.fullmatch(candidate) and (is_dir or not rule.directory_only):
                verdict = not rule.negated
                break
    return verdict


class Exclusions:
    """`excluded(path)`: whether an absolute path must never be sent."""

    def __init__(self, workspace: Workspace, globs: Iterable[str] = (), *, gitignore: bool = True):
        self._workspace = workspace
        self._globs = tuple(glob_regex(g) for g in (*ALWAYS_EXCLUDED, *globs) if g.strip())
        self._gitignore = gitignore

    def excluded(self, path: str) -> bool:
        folder = self._workspace.folder_of(path)
        if folder is None:
            return False  # outside the workspace: the caller does not read it at all
        relative = self._workspace.relative_name(path)
        if any(g.fullmatch(relative) for g in self._globs):
            return True
        if not self._gitignore:
            return False
        verdict = False
        directory = folder
        remaining = relative
        parts = relative.split("/")
        for index in range(len(parts)):
            rules = _rules_in(directory)
            if rules:
                verdict = _ignored_by(rules, remaining, verdict)
            if index == len(parts) - 1:
                break
            directory = os.path.join(directory, parts[index])
            remaining = "/".join(parts[index + 1 :])
        return verdict

    def name_excluded(self, relative: str) -> bool:
        """For documents with no path on disk: only the globs apply."""
        return any(g.fullmatch(relative) for g in self._globs)
