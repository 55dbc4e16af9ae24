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
import textwrap
from typing import Any

BASE_URL_ENV = "GITLAB_BASE_URL"
DEFAULT_BASE_URL = "https://gitlab.com"

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_TOKEN = 3


#: Told by `suggest --help` and `auth --help`: where the token comes from, in order.
TOKEN_HELP = """\
where the token comes from, first found wins:
  1. the GITLAB_TOKEN environment variable;
  2. the system keyring, one entry per instance URL, stored by `gitlab-lsp auth login`.
A personal access token needs the `api` or `ai_features` scope. There is no --token option:
a command line is visible to every user of the machine.
"""

SUGGEST_EXAMPLES = """\
examples:
  # the token from the environment, for this command only
  GITLAB_TOKEN="$(cat ~/.gitlab-token)" gitlab-lsp suggest src/app.py:12:5 \\
      --base-url https://gitlab.example.com

  # the token from the keyring, stored once beforehand
  gitlab-lsp auth login --base-url https://gitlab.example.com
  gitlab-lsp suggest src/app.py:40:1 --intent generation --stream \\
      --base-url https://gitlab.example.com --ca-bundle /etc/ssl/corp-ca.pem
"""

AUTH_EXAMPLES = """\
examples:
  # store a token in the keyring (hidden prompt), then check it
  gitlab-lsp auth login --base-url https://gitlab.example.com
  gitlab-lsp auth status --base-url https://gitlab.example.com

  # non-interactive: the token on standard input, through a corporate proxy and CA
  gitlab-lsp auth login --base-url https://gitlab.example.com \\
      --proxy http://proxy.corp:3128 --ca-bundle /etc/ssl/corp-ca.pem < token.txt

  # see which token GITLAB_TOKEN would give (it takes precedence over the keyring)
  GITLAB_TOKEN="$(cat ~/.gitlab-token)" gitlab-lsp auth status --json
"""


def _add_command(
    subparsers: Any, name: str, summary: str, description: str, epilog: str | None = None
) -> argparse.ArgumentParser:
    """A sub-command whose epilog (token sources, examples) keeps its line breaks.

    The raw formatter that keeps them wraps nothing, so the description is wrapped here.
    """
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help=summary,
        description=textwrap.fill(description, width=88),
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def _add_base_url(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--base-url",
        default=None,
        help=f"GitLab instance URL (default: ${BASE_URL_ENV} or {DEFAULT_BASE_URL})",
    )


def add_connection_options(parser: argparse.ArgumentParser) -> None:
    """The proxy and TLS options every command that talks to the instance takes.

    They map one to one onto the `ClientOptions` the language server's settings fill, so a
    command run on the same machine reaches the instance the same way the editor does.
    """
    group = parser.add_argument_group("connection")
    group.add_argument(
        "--proxy", metavar="URL", help="proxy URL (default: HTTPS_PROXY, HTTP_PROXY, NO_PROXY)"
    )
    group.add_argument(
        "--ca-bundle", metavar="PEM", help="certificate authorities to trust (PEM file)"
    )
    group.add_argument(
        "--client-cert", metavar="PEM", help="client certificate for mutual TLS (PEM file)"
    )
    group.add_argument(
        "--client-key",
        metavar="PEM",
        help="key of the client certificate, when it is not in the --client-cert file",
    )
    group.add_argument(
        "--insecure",
        action="store_true",
        help="do not verify TLS certificates (anyone on the network path can read the traffic)",
    )


def connection_options(args: argparse.Namespace) -> dict[str, Any]:
    """`ClientOptions` fields from the options of `add_connection_options`."""
    return {
        "proxy": args.proxy,
        "ca_bundle": args.ca_bundle,
        "client_cert": args.client_cert,
        "client_key": args.client_key,
        "ignore_certificate_errors": args.insecure,
    }


def register(subparsers: Any) -> None:
    suggest = _add_command(
        subparsers,
        "suggest",
        "ask GitLab Duo for a suggestion at a position in a file",
        "Print a code suggestion for FILE at LINE:COL. LINE and COL are 1-based (like editors "
        "and compilers print them); COL counts characters.",
        TOKEN_HELP + "\n" + SUGGEST_EXAMPLES,
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
    suggest.add_argument("--project-path", help="the project's path, e.g. group/project")
    add_connection_options(suggest)
    suggest.set_defaults(func=run_suggest)

    auth = _add_command(
        subparsers,
        "auth",
        "store, check or remove the GitLab token in the system keyring",
        "Manage the token used for an instance, kept in the system keyring (one entry per "
        "instance URL). `login` and `status` talk to the instance and take the connection "
        "options (--proxy, --ca-bundle, --client-cert, --client-key, --insecure).",
        TOKEN_HELP + "\n" + AUTH_EXAMPLES,
    )
    actions = auth.add_subparsers(dest="auth_action", metavar="ACTION", required=True)
    login = _add_command(
        actions,
        "login",
        "validate a token and store it in the keyring",
        "Read a personal access token (scope api or ai_features) or OAuth token from standard "
        "input when it is not a terminal, else from a hidden prompt; validate it with the "
        "instance; store it in the system keyring.",
        AUTH_EXAMPLES,
    )
    _add_base_url(login)
    add_connection_options(login)
    login.set_defaults(func=run_login)
    status = _add_command(
        actions,
        "status",
        "say where the token comes from and if it works",
        "Find the token (GITLAB_TOKEN, then the keyring) and ask the instance whether it can "
        "be used for code suggestions.",
        TOKEN_HELP,
    )
    _add_base_url(status)
    status.add_argument("--json", action="store_true", help="print the status as JSON")
    add_connection_options(status)
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
        **connection_options(args),
        "direct_connection": not args.no_direct,
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


def _check(url: str, token: str, args: argparse.Namespace) -> Any:
    import asyncio

    from gitlab_lsp.sdk.client import CodeSuggestions
    from gitlab_lsp.sdk.options import ClientOptions

    options = ClientOptions(**connection_options(args), ide_name="gitlab-lsp-cli")

    async def check() -> Any:
        async with CodeSuggestions(url, token, options=options) as cs:
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
        info = _check(url, token, args)
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
        info = _check(url, token, args)
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
