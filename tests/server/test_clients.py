"""Real clients' message sequences, replayed byte for byte over stdio against the real server,
and what each client would then insert into the buffer.

The shapes come from each client's source: GitLab's Neovim plugin (gitlab.vim 1.1.0:
`lua/gitlab/ghost_text.lua`, `lua/gitlab/lsp/client.lua`, `commands/code_suggestions.lua`),
Neovim 0.11's `vim.lsp.completion`, vim-lsp, yegappan/lsp, Eglot, lsp-mode, and a client
built on vscode-languageserver 9 (LSP 3.17.5 inline completion). GitLab's plugin is not in any
package registry, so its messages are replayed here instead of running it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from . import client_models as insert
from .raw_client import RawClient

URI = "file:///work/project/maths.py"
#: A function header: the mock answers with its whole body (several lines).
MULTI_LINE = "import sys\n\n\ndef fibonacci(n):"
MULTI_LINE_SUGGESTION = (
    "\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n"
)
#: A keyword being typed: the mock completes "retu" with "rn ".
TYPED_WORD = (
    'import sys\n\n\ndef greet(name):\n    return f"Hello, {name}!"\n\n\n'
    "class Greeter:\n    def hello(self):\n        retu"
)
TYPED_WORD_SUGGESTION = "rn "


def _end(text: str) -> dict[str, int]:
    lines = text.split("\n")
    return {"line": len(lines) - 1, "character": len(lines[-1])}


def _neovim_capabilities(inline: bool) -> dict[str, Any]:
    caps: dict[str, Any] = {
        "general": {"positionEncodings": ["utf-8", "utf-16", "utf-32"]},
        "workspace": {"configuration": True, "didChangeConfiguration": {}},
        "textDocument": {
            "synchronization": {"didSave": True},
            "completion": {
                "completionItem": {"snippetSupport": True, "commitCharactersSupport": False},
                "contextSupport": True,
            },
        },
    }
    if inline:
        caps["textDocument"]["inlineCompletion"] = {"dynamicRegistration": True}
    return caps


def _completion_params(uri: str, position: dict[str, int], kind: int | None) -> dict[str, Any]:
    params: dict[str, Any] = {"textDocument": {"uri": uri}, "position": position}
    if kind is not None:
        params["context"] = {"triggerKind": kind}
    return params


@dataclass
class Client:
    """One client: how it starts the server, asks, and inserts."""

    name: str
    client_info: dict[str, str] | None
    capabilities: dict[str, Any]
    #: `workspace/didChangeConfiguration` params it pushes (settings -> params).
    pushes: Callable[[dict[str, Any]], list[dict[str, Any]]]
    method: str
    params: Callable[[str, dict[str, int]], dict[str, Any]]
    insert: Callable[[str, int, dict[str, Any]], str]
    init_options: dict[str, Any] = field(default_factory=dict)
    #: Notifications it sends once the user accepted (trackingId -> notifications).
    on_accept: Callable[[dict[str, Any]], list[tuple[str, Any]]] = lambda _item: []


def _gitlab_vim_pushes(settings: dict[str, Any]) -> list[dict[str, Any]]:
    # lsp/client.lua: the settings without the token first (Neovim sends the config's
    # settings), then on_init again with the token added.
    base = {
        "codeCompletion": {"enableSecretRedaction": True},
        "telemetry": {"enabled": True},
        "baseUrl": settings["baseUrl"],
    }
    return [{"settings": base}, {"settings": {**base, "token": settings["token"]}}]


def _gitlab_vim_telemetry(item: dict[str, Any]) -> list[tuple[str, Any]]:
    tracking = item["data"]["trackingId"]
    event = {"category": "code_suggestions", "action": "suggestion_accepted"}
    return [("$/gitlab/telemetry", {**event, "context": {"trackingId": tracking}})]


def _nested(settings: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"settings": {"gitlab": settings}}]


GITLAB_VIM_INIT = {
    "extension": {"name": "gitlab.vim", "version": "1.1.0"},
    "ide": {"name": "Neovim", "version": "0.11.4", "vendor": "Neovim"},
}

CLIENTS = [
    Client(
        "gitlab.vim ghost text",
        {"name": "gitlab.vim", "version": "1.1.0"},
        _neovim_capabilities(inline=False),
        _gitlab_vim_pushes,
        "textDocument/inlineCompletion",
        # vim.tbl_extend('force', {context = {}}, make_position_params()): Neovim's JSON
        # encoder writes the empty Lua table as [].
        lambda uri, pos: {"context": [], "textDocument": {"uri": uri}, "position": pos},
        insert.inline_at_cursor,
        init_options=GITLAB_VIM_INIT,
    ),
    Client(
        "gitlab.vim omnifunc (Neovim 0.12)",
        {"name": "gitlab.vim", "version": "1.1.0"},
        _neovim_capabilities(inline=True),
        _gitlab_vim_pushes,
        "textDocument/completion",
        lambda uri, pos: _completion_params(uri, pos, 1),
        insert.neovim_011,
        init_options=GITLAB_VIM_INIT,
        on_accept=_gitlab_vim_telemetry,
    ),
    Client(
        "Neovim 0.11 vim.lsp.completion",
        {"name": "Neovim", "version": "0.11.4"},
        _neovim_capabilities(inline=False),
        _nested,
        "textDocument/completion",
        lambda uri, pos: _completion_params(uri, pos, 1),
        insert.neovim_011,
        init_options={"ide": {"name": "Neovim", "version": "0.11.4", "vendor": "Neovim"}},
    ),
    Client(
        "vim-lsp",
        None,
        {"textDocument": {"completion": {"completionItem": {"snippetSupport": False}}}},
        _nested,
        "textDocument/completion",
        lambda uri, pos: _completion_params(uri, pos, 1),
        insert.vim_lsp,
    ),
    Client(
        "yegappan/lsp",
        {"name": "Vim", "version": "9.1"},
        {
            "textDocument": {
                "completion": {
                    "completionItem": {"snippetSupport": False, "insertReplaceSupport": True}
                }
            }
        },
        _nested,
        "textDocument/completion",
        lambda uri, pos: _completion_params(uri, pos, 1),
        lambda text, cursor, r: insert.yegappan(text, cursor, r, fix_nul=True),
    ),
    Client(
        "Eglot",
        {"name": "Eglot", "version": "1.17"},
        {"textDocument": {"completion": {"completionItem": {"snippetSupport": False}}}},
        _nested,
        "textDocument/completion",
        lambda uri, pos: _completion_params(uri, pos, 1),
        insert.emacs,
    ),
    Client(
        "lsp-mode",
        {"name": "emacs", "version": "GNU Emacs 29"},
        {
            "textDocument": {
                "completion": {
                    "completionItem": {"snippetSupport": False, "insertReplaceSupport": True},
                    "contextSupport": True,
                }
            }
        },
        _nested,
        "textDocument/completion",
        lambda uri, pos: _completion_params(uri, pos, 1),
        insert.emacs,
    ),
    Client(
        "vscode-languageserver 9 (3.17.5 inline, Invoked = 0)",
        {"name": "Visual Studio Code", "version": "1.95.0"},
        {
            "textDocument": {
                "inlineCompletion": {"dynamicRegistration": True},
                "completion": {"completionItem": {"insertReplaceSupport": True}},
            }
        },
        lambda settings: [{"settings": settings}],
        "textDocument/inlineCompletion",
        lambda uri, pos: {
            "textDocument": {"uri": uri},
            "position": pos,
            "context": {"triggerKind": 0, "selectedCompletionInfo": None},
        },
        insert.inline_over_range,
    ),
]


#: Replays run once per client; the tests below read what they recorded.
_RESULTS: dict[str, dict[str, Any]] = {}


async def replay(client: Client, mock: Any) -> dict[str, Any]:
    if client.name not in _RESULTS:
        _RESULTS[client.name] = await _replay(client, mock)
    return _RESULTS[client.name]


async def _replay(client: Client, mock: Any) -> dict[str, Any]:
    settings = {"baseUrl": mock.instance_url, "token": mock.tokens["duo"], "logLevel": "debug"}
    raw = RawClient(
        answer=lambda method, _p: [settings] if method == "workspace/configuration" else None
    )
    await raw.start()
    results: dict[str, Any] = {}
    try:
        init: dict[str, Any] = {
            "processId": None,
            "rootUri": "file:///work/project",
            "capabilities": client.capabilities,
            "initializationOptions": client.init_options,
        }
        if client.client_info is not None:
            init["clientInfo"] = client.client_info
        answer = await raw.request("initialize", init)
        results["initialized_s"] = time.perf_counter() - raw.started_at
        results["capabilities"] = answer["result"]["capabilities"]
        raw.notify("initialized", {})
        for push in client.pushes(settings):
            raw.notify("workspace/didChangeConfiguration", push)
        first: float | None = None
        for name, text in (("multi", MULTI_LINE), ("word", TYPED_WORD)):
            uri = URI.replace("maths", name)
            item = {"uri": uri, "languageId": "python", "version": 1, "text": text}
            raw.notify("textDocument/didOpen", {"textDocument": item})
            response = await raw.request(client.method, client.params(uri, _end(text)))
            if first is None and "result" in response and response["result"]:
                first = time.perf_counter() - raw.started_at
            results[name] = response
            if response.get("result"):
                items = insert._items(response)
                results[f"{name}_buffer"] = client.insert(text, len(text), response)
                for method, params in client.on_accept(items[0]):
                    raw.notify(method, params)
        results["first_suggestion_s"] = first
        stats = await raw.request("gitlab-lsp/stats", None)
        results["stats"] = stats["result"]
    finally:
        results["exit_code"] = await raw.stop()
    return results


@pytest.mark.parametrize("client", CLIENTS, ids=[c.name for c in CLIENTS])
async def test_each_client_inserts_the_whole_suggestion(client: Client, mock_gateway: Any) -> None:
    results = await replay(client, mock_gateway)
    caps = results["capabilities"]
    assert "inlineCompletionProvider" in caps and "completionProvider" in caps
    for name in ("multi", "word"):
        assert "error" not in results[name], results[name]
    assert results["multi_buffer"] == MULTI_LINE + MULTI_LINE_SUGGESTION
    assert results["word_buffer"] == TYPED_WORD + TYPED_WORD_SUGGESTION
    assert results["exit_code"] == 0


async def test_gitlab_vim_omnifunc_items_carry_what_its_hooks_read(mock_gateway: Any) -> None:
    """data.trackingId (its CompleteDone telemetry), the official accept command convention."""
    client = next(c for c in CLIENTS if c.name.startswith("gitlab.vim omnifunc"))
    results = await replay(client, mock_gateway)
    item = results["multi"]["result"]["items"][0]
    assert item["insertText"] == MULTI_LINE_SUGGESTION
    assert "textEdit" not in item  # Neovim would keep only its first word
    assert item["data"] == {"index": 0, "trackingId": item["data"]["trackingId"]}
    assert item["command"]["command"] == "gitlab.ls.codeSuggestionAccepted"
    assert item["command"]["arguments"] == [item["data"]["trackingId"]]


async def test_inline_items_carry_the_one_based_option_index(mock_gateway: Any) -> None:
    results = await replay(CLIENTS[-1], mock_gateway)
    items = results["multi"]["result"]["items"]
    assert len(items) >= 1
    for index, item in enumerate(items, start=1):
        assert item["command"]["arguments"][1] == index
    # Invoked (0 in the 3.17.5 numbering): no debounce, several choices asked for.
    assert results["stats"]["requests"] >= 2


def test_the_first_word_model_is_what_breaks_plain_edits() -> None:
    """The Neovim model above is not vacuous: a plain multi-line textEdit loses all but its
    first word there (the shape this server sent before)."""
    response = {
        "result": {
            "items": [
                {
                    "label": "return x",
                    "textEdit": {
                        "range": {
                            "start": {"line": 0, "character": 0},
                            "end": {"line": 0, "character": 4},
                        },
                        "newText": "return result",
                    },
                }
            ]
        }
    }
    assert insert.neovim_011("retu", 4, response) == "return"
