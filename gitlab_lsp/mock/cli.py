"""`gitlab-lsp mock-gateway`: run the whole mock in the foreground until Ctrl-C."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "mock-gateway",
        help="run a local mock of GitLab, CustomersDot and the AI gateway",
        description=(
            "Run the bundled mock of GitLab (instance, CustomersDot, AI gateway behind Cloud "
            "Connector routing, and a deterministic model), each on its own port."
        ),
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1; 0.0.0.0 or :: for all interfaces)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=0,
        help="instance port; CustomersDot, cloud and model take the next three (0: free ports)",
    )
    parser.add_argument("--realm", choices=("saas", "self-managed"), default="saas")
    parser.add_argument(
        "--remote-control",
        action="store_true",
        help=(
            "let other machines use the control surface /-/mock/ (refused by default: its "
            "request log shows every header clients sent, credentials included)"
        ),
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object with the URLs and tokens"
    )
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from gitlab_lsp.mock.serve import serve_forever

    return serve_forever(
        host=args.host,
        port=args.port,
        realm=args.realm,
        as_json=args.json,
        remote_control=args.remote_control,
    )
