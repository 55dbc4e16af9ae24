"""`gitlab-lsp suggest` and `gitlab-lsp auth login|status|logout`.

`register` only declares arguments; the SDK (httpx, keyring) is imported when a command runs.
There is deliberately no `--token` option: a command line is visible to every user of the
machine. The token comes from `GITLAB_TOKEN` or the keyring (`gitlab-lsp auth login`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

BASE_URL_ENV = "GITLAB_BASE_URL"
DEFAULT_BASE_URL = "https://gitlab.com"

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_TOKEN = 3


def _add_base_url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--base-url",
        default=None,
        help=f"GitLab instance URL (default: ${BASE_URL_ENV} or {DEFAULT_BASE_URL})",
    )


def register(subparsers: Any) -> None:
    suggest = subparsers.add_parser(
        "suggest",
        help="ask GitLab Duo for a suggestion at a position in a file",
        description=(
            "Print a code suggestion for FILE at LINE:COL. LINE and COL are 1-based (like "
            "editors and compilers print them); COL counts characters. The token comes from "
            "GITLAB_TOKEN or the system keyring (see `gitlab-lsp auth login`)."
        ),
    )
    suggest.add_argument(
        "position",
        metavar="FILE:LINE:COL",
        help="the file and the 1-based line and column of the cursor, e.g. app.py:12:5",
    )
    _add_base_url(suggest)
    suggest.add_argument(
        "--intent",
        choices=("completion", "generation"),
        help="skip intent detection and send this intent",
    )
    suggest.add_argument("--language", help="LSP language id (default: from the file name)")
    suggest.add_argument("--stream", action="store_true", help="print a generation as it arrives")
    suggest.add_argument(
        "--json",
        action="store_true",
        help="print the suggestion as JSON, with its route and timings (JSON lines with --stream)",
    )
    suggest.add_argument("--choices", type=int, default=1, help="options to ask for (1-10)")
    suggest.add_argument(
        "--no-direct",
        action="store_true",
        help="send completions through the instance instead of straight to the AI gateway",
    )
    suggest.add_argument("--timeout", type=float, help="seconds for a direct completion (5)")
    suggest.add_argument("--proxy", help="proxy URL (default: HTTPS_PROXY and friends)")
    suggest.add_argument("--ca-bundle", help="PEM file of the certificate authorities to trust")
    suggest.add_argument("--project-path", help="the project's path, e.g. group/project")
    suggest.set_defaults(func=run_suggest)

    auth = subparsers.add_parser(
        "auth",
        help="store, check or remove the GitLab token in the system keyring",
        description=(
            "Manage the token used for an instance, kept in the system keyring (one entry per "
            "instance URL). GITLAB_TOKEN, when set, takes precedence over the keyring."
        ),
    )
    actions = auth.add_subparsers(dest="auth_action", metavar="ACTION", required=True)
    login = actions.add_parser(
        "login",
        help="validate a token and store it in the keyring",
        description=(
            "Read a personal access token (scope api or ai_features) or OAuth token from "
            "standard input when it is not a terminal, else from a hidden prompt; validate it "
            "with the instance; store it in the system keyring."
        ),
    )
    _add_base_url(login)
    login.set_defaults(func=run_login)
    status = actions.add_parser("status", help="say where the token comes from and if it works")
    _add_base_url(status)
    status.add_argument("--json", action="store_true", help="print the status as JSON")
    status.set_defaults(func=run_status)
    logout = actions.add_parser("logout", help="remove the instance's token from the keyring")
    _add_base_url(logout)
    logout.set_defaults(func=run_logout)


# --- suggest ---------------------------------------------------------------------------


def split_position(text: str, line: int, column: int) -> tuple[str, str]:
    """Split `text` at a 1-based line and column (in characters)."""
    if line < 1 or column < 1:
        raise ValueError("LINE and COL are 1-based")
    lines = text.split("\n")
    if line > len(lines):
        raise ValueError(f"the file has {len(lines)} lines, not {line}")
    current = lines[line - 1].rstrip("\r")
    if column > len(current) + 1:
        raise ValueError(f"line {line} has {len(current)} characters; COL {column} is past its end")
    offset = sum(len(part) + 1 for part in lines[: line - 1]) + column - 1
    return text[:offset], text[offset:]


def parse_position(position: str) -> tuple[str, int, int]:
    path, sep1, rest = position.rpartition(":")
    path2, sep2, line = path.rpartition(":")
    if not (sep1 and sep2 and path2):
        raise ValueError(f"expected FILE:LINE:COL, got {position!r}")
    try:
        return path2, int(line), int(rest)
    except ValueError:
        raise ValueError(f"LINE and COL must be numbers in {position!r}") from None


def _base_url(args: argparse.Namespace) -> str:
    url: str = args.base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    return url


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"gitlab-lsp: {message}\n")
    return code


def run_suggest(args: argparse.Namespace) -> int:
    import asyncio

    from gitlab_lsp.errors import GitLabLspError, TokenError

    try:
        path, line, column = parse_position(args.position)
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        above, below = split_position(text, line, column)
    except (OSError, UnicodeDecodeError) as exc:
        return _fail(f"cannot read the file: {exc}", EXIT_USAGE)
    except ValueError as exc:
        return _fail(str(exc), EXIT_USAGE)
    try:
        return asyncio.run(_suggest(args, path, above, below))
    except TokenError as exc:
        return _fail(str(exc), EXIT_TOKEN)
    except GitLabLspError as exc:
        return _fail(str(exc), EXIT_ERROR)
    except ValueError as exc:
        return _fail(str(exc), EXIT_USAGE)


async def _suggest(args: argparse.Namespace, path: str, above: str, below: str) -> int:
    from gitlab_lsp.sdk.client import CodeSuggestions
    from gitlab_lsp.sdk.options import ClientOptions

    overrides: dict[str, Any] = {
        "direct_connection": not args.no_direct,
        "proxy": args.proxy,
        "ca_bundle": args.ca_bundle,
        "project_path": args.project_path,
        "ide_name": "gitlab-lsp-cli",
    }
    if args.timeout is not None:
        overrides["timeout"] = args.timeout
    request: dict[str, Any] = {
        "file_name": os.path.basename(path) if os.path.isabs(path) else path,
        "content_above_cursor": above,
        "content_below_cursor": below,
        "language_id": args.language,
        "intent": args.intent,
        "choices": args.choices,
    }
    out = sys.stdout
    async with CodeSuggestions(_base_url(args), options=ClientOptions(**overrides)) as cs:
        if args.stream:
            async with cs.stream(**request) as chunks:
                async for chunk in chunks:
                    out.write(json.dumps({"chunk": chunk}) + "\n" if args.json else chunk)
                    out.flush()
            out.write(json.dumps({"done": True}) + "\n" if args.json else "\n")
            return 0
        suggestion = await cs.suggest(**request)
    if args.json:
        out.write(json.dumps(suggestion.as_dict(), indent=2) + "\n")
    else:
        out.write(suggestion.text + ("\n" if not suggestion.text.endswith("\n") else ""))
    return 0


# --- auth ------------------------------------------------------------------------------


def _read_token(url: str) -> str:
    if sys.stdin is not None and not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    import getpass

    return getpass.getpass(f"GitLab token for {url} (input hidden): ").strip()


def _check(url: str, token: str) -> Any:
    import asyncio

    from gitlab_lsp.sdk.client import CodeSuggestions

    async def check() -> Any:
        async with CodeSuggestions(url, token) as cs:
            return await cs.check_token()

    return asyncio.run(check())


def _describe(info: Any) -> str:
    if info.kind == "oauth":
        who = f" for {info.username}" if info.username else ""
        return f"OAuth token{who}"
    scopes = ", ".join(info.scopes)
    expiry = f", expires {info.expires_at}" if info.expires_at else ""
    return f"personal access token {info.name!r} (scopes: {scopes}{expiry})"


def run_login(args: argparse.Namespace) -> int:
    from gitlab_lsp.errors import GitLabLspError, TokenError

    url = _base_url(args).rstrip("/")
    token = _read_token(url)
    if not token:
        return _fail("no token given", EXIT_USAGE)
    try:
        info = _check(url, token)
    except TokenError as exc:
        return _fail(f"not stored: {exc}", EXIT_TOKEN)
    except GitLabLspError as exc:
        return _fail(f"not stored: cannot validate the token: {exc}", EXIT_ERROR)
    try:
        from gitlab_lsp.credentials import set_token

        set_token(url, token)
    except GitLabLspError as exc:  # NoKeyringBackend names the alternatives
        return _fail(f"not stored: {exc}", EXIT_ERROR)
    sys.stdout.write(f"Stored the {_describe(info)} for {url} in the system keyring.\n")
    return 0


def run_status(args: argparse.Namespace) -> int:
    from gitlab_lsp.errors import GitLabLspError, TokenError
    from gitlab_lsp.sdk.token_source import resolve_sync

    url = _base_url(args).rstrip("/")
    report: dict[str, Any] = {"base_url": url}
    code = 0
    try:
        token, origin = resolve_sync(url, None)
        report["source"] = {"environment": "GITLAB_TOKEN", "keyring": "keyring"}.get(origin, origin)
        info = _check(url, token)
        report.update(valid=True, token=_describe(info))
    except TokenError as exc:
        report.update(valid=False, reason=str(exc))
        code = EXIT_TOKEN
    except GitLabLspError as exc:
        report.update(valid=None, reason=f"cannot validate: {exc}")
        code = EXIT_ERROR
    if args.json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
    elif report.get("valid"):
        sys.stdout.write(f"{url}: {report['token']}, from {report['source']}; usable.\n")
    else:
        source = f" (token from {report['source']})" if "source" in report else ""
        sys.stdout.write(f"{url}{source}: {report['reason']}\n")
    return code


def run_logout(args: argparse.Namespace) -> int:
    from gitlab_lsp.errors import NoKeyringBackend

    url = _base_url(args).rstrip("/")
    try:
        from gitlab_lsp.credentials import delete_token

        removed = delete_token(url)
    except NoKeyringBackend as exc:
        return _fail(str(exc), EXIT_ERROR)
    sys.stdout.write(
        f"Removed the token for {url} from the keyring.\n"
        if removed
        else f"The keyring held no token for {url}.\n"
    )
    if os.environ.get("GITLAB_TOKEN"):
        sys.stdout.write("Note: GITLAB_TOKEN is still set in this environment.\n")
    return 0
