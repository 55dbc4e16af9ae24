"""The foreground mode behind `gitlab-lsp mock-gateway`: start, announce, wait for Ctrl-C."""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
from types import FrameType
from typing import Any

from gitlab_lsp.mock.errors import MockStartupError
from gitlab_lsp.mock.stack import MockStack


def banner(info: dict[str, Any]) -> str:
    """Human-readable facts about a running stack, with a settings block to paste."""
    tokens = info["tokens"]
    settings = json.dumps({"baseUrl": info["instance_url"], "token": tokens["duo"]}, indent=2)
    lines = [
        f"GitLab mock ({info['realm']}) is running. Ctrl-C stops it.",
        "",
        f"  instance (Rails)   {info['instance_url']}",
        f"  Cloud Connector    {info['cloud_url']}   (/ai/* -> AI gateway, /auth/* -> token authority)",
        f"  CustomersDot       {info['customersdot_url']}",
        f"  model              {info['model_url']}",
        f"  control surface    {info['control_url']}/   (see docs/mock.md)",
        f"  instance id        {info['instance_id']}",
        "",
        "  personal access tokens:",
        *(f"    {role:<9} {token}" for role, token in tokens.items()),
        "",
        "  editor settings (workspace/didChangeConfiguration):",
        *("    " + line for line in settings.splitlines()),
        "",
        "  try:",
        f"    curl -s -X POST -H 'Authorization: Bearer {tokens['duo']}' "
        f"{info['instance_url']}/api/v4/code_suggestions/direct_access",
    ]
    return "\n".join(lines)


def serve_forever(*, host: str, port: int, realm: str, as_json: bool) -> int:
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    stack = MockStack(realm=realm, host=host, port=port)
    try:
        stack.start()
    except MockStartupError as exc:
        print(f"gitlab-lsp mock-gateway: {exc}", file=sys.stderr)
        return 1
    try:
        if as_json:
            print(json.dumps(stack.info), flush=True)
        else:
            print(banner(stack.info), flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        stack.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if not as_json:
        print("mock stopped", file=sys.stderr)
    return 0
