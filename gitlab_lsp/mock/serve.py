"""The foreground mode behind `gitlab-lsp mock-gateway`: start, announce, wait for Ctrl-C."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import sys
import threading
from types import FrameType
from typing import Any

from gitlab_lsp.mock.errors import MockStartupError
from gitlab_lsp.mock.stack import MockStack, listens_everywhere


def _reach(info: dict[str, Any]) -> list[str]:
    """Where a wildcard listen address can be reached from: the URLs name the loopback
    address, which only works on this machine."""
    host = str(info["listen_host"])
    if not listens_everywhere(host):
        return []
    return [
        f"Listening on all interfaces ({host or '*'}): the URLs below name this machine's "
        f"loopback; other machines use {socket.gethostname()} with the same ports.",
        "Tokens and direct_access's base_url still name the loopback address: to serve "
        "other machines fully, start with --host <this machine's address>.",
    ]


def banner(info: dict[str, Any]) -> str:
    """Human-readable facts about a running stack, with a settings block to paste."""
    tokens = info["tokens"]
    settings = json.dumps({"baseUrl": info["instance_url"], "token": tokens["duo"]}, indent=2)
    lines = [f"GitLab mock ({info['realm']}) is running. Ctrl-C stops it.", *_reach(info), ""]
    lines += [
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


def _announce(text: str) -> None:
    """Print the start-up facts; a reader that went away (`| head -1`) must not stop the mock."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush is quiet too
        os.close(devnull)


def serve_forever(
    *, host: str, port: int, realm: str, as_json: bool, remote_control: bool = False
) -> int:
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    stack = MockStack(realm=realm, host=host, port=port, remote_control=remote_control)
    try:
        stack.start()
    except MockStartupError as exc:
        print(f"gitlab-lsp mock-gateway: {exc}", file=sys.stderr)
        return 1
    try:
        _announce(json.dumps(stack.info) if as_json else banner(stack.info))
        while not stop.wait(0.5):
            pass
    finally:
        stack.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if not as_json:
        print("mock stopped", file=sys.stderr)
    return 0
