"""`gitlab-lsp serve` (and the bare `gitlab-lsp --stdio` editors launch).

Only argument declarations happen at import: pygls, lsprotocol, the SDK and tree-sitter are
imported when the server actually starts, so `gitlab-lsp --help` stays instant.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, BinaryIO, cast


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="run the language server (what editors launch, as `gitlab-lsp --stdio`)",
        description=(
            "Run the GitLab Duo Code Suggestions language server. Editors start it with "
            "`gitlab-lsp --stdio`; `--mock` points it at a bundled mock of GitLab so that it "
            "works with no account and no settings."
        ),
    )
    transport = parser.add_mutually_exclusive_group()
    transport.add_argument(
        "--stdio", action="store_true", help="speak LSP over stdin/stdout (the default)"
    )
    transport.add_argument(
        "--tcp", type=int, metavar="PORT", help="listen on 127.0.0.1:PORT instead (debugging)"
    )
    parser.add_argument(
        "--mock",
        action="store_true",
        help="start the bundled mock of GitLab in-process and use it unless settings say otherwise",
    )
    parser.add_argument(
        "--realm",
        choices=("saas", "self-managed"),
        default="saas",
        help="which kind of instance the mock plays (with --mock; default: saas)",
    )
    parser.add_argument(
        "--log-level",
        choices=("debug", "info", "warning", "error"),
        default="info",
        help="initial log level; the `logLevel` setting overrides it (default: info)",
    )
    parser.add_argument(
        "--log-file",
        metavar="PATH",
        help="log file (default: gitlab-lsp.log in the platform's user log directory)",
    )
    parser.set_defaults(func=run)


def _protocol_stdout() -> BinaryIO:
    """Keep fd 1 for the protocol alone: anything else printing to stdout goes to stderr.

    The protocol gets a private duplicate of stdout; fd 1 and `sys.stdout` are pointed at
    stderr, so a stray print (ours, a library's, the in-process mock's) cannot corrupt a
    message.
    """
    sys.stdout.flush()
    protocol_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return cast(BinaryIO, os.fdopen(protocol_fd, "wb", buffering=0))


def run(args: argparse.Namespace) -> int:
    protocol_out = None if args.tcp else _protocol_stdout()
    first = None
    if protocol_out is not None:
        from gitlab_lsp.server import early_initialize

        if early_initialize.is_stream(sys.stdin.buffer):
            # The editor waits for this answer: give it before importing the server.
            first = early_initialize.answer_first(sys.stdin.buffer.fileno(), protocol_out)

    from gitlab_lsp.server import logs

    log_path = logs.configure(args.log_level, args.log_file)

    import asyncio
    import dataclasses

    from gitlab_lsp.server.settings import Settings

    defaults = Settings(log_level=args.log_level)
    # One event loop from here to the end: the early warm-up's requests run on it while the
    # server is imported, and the server then runs on it with the client they warmed.
    with asyncio.Runner() as runner:
        early = None
        if protocol_out is not None and not args.mock:
            from gitlab_lsp.server import early_start

            early = runner.run(early_start.start(first, defaults))
            if early is not None:
                runner.run(early_start.import_in_background())

        from gitlab_lsp.server.app import create_server

        stack = None
        if args.mock:
            from gitlab_lsp.mock import MockStack

            stack = MockStack(realm=args.realm, host="127.0.0.1")
            stack.start()
            defaults = dataclasses.replace(
                defaults, base_url=stack.instance_url, token=stack.tokens["duo"]
            )
        server = create_server(defaults, configured=args.mock)
        if early is not None:
            server.upstream.adopt(early)
        import logging

        logging.getLogger("gitlab_lsp.server").info(
            "gitlab-lsp starting (%s%s), log file: %s",
            f"tcp {args.tcp}" if args.tcp else "stdio",
            f", mock {stack.instance_url}" if stack is not None else "",
            log_path,
        )
        try:
            if args.tcp:
                server.lsp.start_tcp("127.0.0.1", args.tcp)
            else:
                from gitlab_lsp.server.transport import GitLabLanguageServer

                assert isinstance(server.lsp, GitLabLanguageServer)
                server.lsp.start_io(sys.stdin.buffer, protocol_out, first, runner)
        finally:
            if stack is not None:
                stack.stop()
    return 0
