"""`textDocument/inlineCompletion` and `textDocument/completion`: LSP in, SDK call, LSP out.

Under typing, most requests should never reach the network:
- a request for a document whose text before the cursor extends a shown suggestion is served
  from the cache;
- automatic triggers wait for typing to pause first (`gitlab_lsp.sdk.trigger`: a wait learned
  from the user's rhythm and the cursor position, or a fixed `debounceMs`), and a newer
  request for the same document supersedes (cancels) an older one, whose HTTP call is aborted and which pygls
  answers with RequestCancelled at once; invoked requests skip the debounce and ask for 4
  choices;
- nothing is asked for content under 10 characters or a cursor inside a word (with
  post-processing off: anywhere mid-line but before closing characters);
- every choice goes through the SDK's post-processing pipeline (`server/postprocessing.py`)
  before it is shown or cached.
Whatever fails upstream, the answer is an empty result, never an error the editor shows on
every keystroke; the reason goes to the log and, if the user must act, to a notification.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lsprotocol import types

from gitlab_lsp.sdk.trigger import AdaptiveTrigger
from gitlab_lsp.server import items, postprocessing
from gitlab_lsp.server import messages as msg
from intent.positions import locate

if TYPE_CHECKING:
    from pygls.lsp.server import LanguageServer

    from gitlab_lsp.sdk.client import CodeSuggestions
    from gitlab_lsp.sdk.models import Suggestion
    from gitlab_lsp.sdk.request import Request
    from gitlab_lsp.server.cache import SuggestionCache
    from gitlab_lsp.server.context_feed import ContextFeed
    from gitlab_lsp.server.documents import DocumentStore, OpenDocument
    from gitlab_lsp.server.messages import Messages
    from gitlab_lsp.server.settings import Settings, SettingsStore
    from gitlab_lsp.server.streaming import StreamManager
    from gitlab_lsp.server.telemetry import Telemetry
    from gitlab_lsp.server.upstream import Upstream

log = logging.getLogger(__name__)

ACTIVE_EDITOR_CHANGED = "$/gitlab/didChangeDocumentInActiveEditor"
STATS_REQUEST = "gitlab-lsp/stats"
MIN_CONTENT = 10
INVOKED_CHOICES = 4
#: What may follow the cursor for it to count as "at or near the end of the line": closing
#: brackets and quotes, then at most one `:{;,` (the official client's rule).
_NEAR_END_OF_LINE = re.compile(r"\s*[)}\]\"'`]*\s*[:{;,]?\s*")
#: A cursor right before a word character is editing that word: no mid-line request.
_WORD_AFTER_CURSOR = re.compile(r"\w")


@dataclass(frozen=True)
class Context:
    """The document around the cursor at the moment of a request."""

    opened: OpenDocument
    version: int
    line: int
    character: int
    above: str
    below: str

    @classmethod
    def of(cls, opened: OpenDocument, line: int, character: int) -> Context:
        text = opened.text
        start = opened.doc.line_start_index(line)
        line, character, offset = locate(text, line, character, line_start=start)
        return cls(opened, opened.version, line, character, text[:offset], text[offset:])

    @property
    def position(self) -> types.Position:
        return types.Position(line=self.line, character=self.character)

    def eligible(self, *, mid_line: bool = False) -> bool:
        """Worth a request: enough content, and the cursor at (or near) the end of its line,
        or, with `mid_line` (post-processing settles the overlap with the rest of the line),
        anywhere but right before a word character (docs/postprocess.md says why)."""
        if len(self.above.strip()) + len(self.below.strip()) < MIN_CONTENT:
            return False
        end = self.below.find("\n")
        rest_of_line = self.below if end < 0 else self.below[:end]
        if _NEAR_END_OF_LINE.fullmatch(rest_of_line) is not None:
            return True
        return mid_line and _WORD_AFTER_CURSOR.match(rest_of_line) is None


@dataclass
class Stats:
    """What the server did with suggestion requests, answered to `gitlab-lsp/stats`.

    For diagnostics, the tests and the benchmark (which subtracts `upstream_ms`, the time
    spent in the SDK call, from each round trip to get the server's own overhead).
    """

    requests: int = 0
    upstream: int = 0
    cache_hits: int = 0
    cancelled: int = 0
    errors: int = 0
    upstream_ms: deque[float] = field(default_factory=lambda: deque(maxlen=10_000))

    def as_dict(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "upstream": self.upstream,
            "cacheHits": self.cache_hits,
            "cancelled": self.cancelled,
            "errors": self.errors,
            "upstreamMs": [round(ms, 3) for ms in self.upstream_ms],
        }


@dataclass(frozen=True)
class Outcome:
    """What to show: choices (possibly from the cache), or a stream that was started."""

    choices: tuple[str, ...]
    tracking_id: str
    stream_id: str | None = None
    #: Per choice: characters after the cursor (on its line) it replaces (post-processing).
    replace: tuple[int, ...] = ()

    def fitted(self, ctx: Context) -> list[items.Choice]:
        """The choices for the item builder, each with the range after the cursor that it
        replaces (from post-processing), if any."""
        out: list[items.Choice] = []
        for index, text in enumerate(self.choices):
            chars = self.replace[index] if index < len(self.replace) else 0
            end = postprocessing.replaced_end(ctx, chars)
            replace = types.Range(start=ctx.position, end=end) if chars else None
            out.append(items.Choice(text, replace))
        return out


class SuggestionService:
    def __init__(
        self,
        settings: SettingsStore,
        documents: DocumentStore,
        upstream: Upstream,
        messages: Messages,
        cache: SuggestionCache,
        streams: StreamManager,
        telemetry: Telemetry,
        context: ContextFeed | None = None,
    ) -> None:
        self._context = context
        self._settings = settings
        self._documents = documents
        self._upstream = upstream
        self._messages = messages
        self._cache = cache
        self._streams = streams
        self._telemetry = telemetry
        self._inflight: dict[str, asyncio.Task[Any]] = {}
        #: The document the editor shows, from `$/gitlab/didChangeDocumentInActiveEditor`.
        self._active_uri: str | None = None
        self.stats = Stats()
        self.trigger = AdaptiveTrigger()
        #: How the editor inserts completion items (from `initialize`).
        self.client_traits = items.ClientTraits()

    # --- LSP handlers --------------------------------------------------------------------

    async def inline_completion(
        self, params: types.InlineCompletionParams
    ) -> types.InlineCompletionList | None:
        # Trigger kinds arrive normalised (protocol.py): a missing context means automatic.
        invoked = params.context.trigger_kind == types.InlineCompletionTriggerKind.Invoked
        pos = params.position
        outcome, ctx = await self._run(
            params.text_document.uri, pos.line, pos.character, invoked, streaming=True
        )
        if outcome is None or ctx is None:
            return None
        where = items.Where(ctx.position, _line_before(ctx), ctx.opened.language_id)
        if outcome.stream_id is not None:
            return items.streaming_item(where, outcome.stream_id, outcome.tracking_id)
        return items.inline_items(
            outcome.fitted(ctx), where, outcome.tracking_id, telemetry=self._telemetry.enabled
        )

    async def completion(self, params: types.CompletionParams) -> types.CompletionList | None:
        context = params.context
        invoked = (
            context is not None and context.trigger_kind == types.CompletionTriggerKind.Invoked
        )
        pos = params.position
        outcome, ctx = await self._run(
            params.text_document.uri, pos.line, pos.character, invoked, streaming=False
        )
        if outcome is None or ctx is None:
            return None
        where = items.Where(ctx.position, _line_before(ctx), ctx.opened.language_id)
        return items.completion_items(
            outcome.fitted(ctx),
            where,
            outcome.tracking_id,
            telemetry=self._telemetry.enabled,
            client=self.client_traits,
        )

    def active_document_changed(self, params: Any) -> None:
        """`$/gitlab/didChangeDocumentInActiveEditor`: recompute the language check.

        The feature state describes the document in front of the user, so a document the
        server does not hold (not opened, or not a file) releases the previous one's check.
        """
        uri = active_document_uri(params)
        if uri is None:
            log.debug(
                "%s without a document URI (%s): ignored", ACTIVE_EDITOR_CHANGED, _shape(params)
            )
            return
        self._active_uri = uri
        if uri in self._documents:
            self._documents.recency.touch(uri)
        self.refresh_active_document()

    def refresh_active_document(self) -> None:
        """Recompute the active document's language check (after a switch or a settings change)."""
        if self._active_uri is None:
            return
        opened = self._documents.focus(self._active_uri)
        if opened is None:
            log.debug("the active document is not open here: %s", self._active_uri)
            self._messages.set_document_check(None)
            return
        settings = self._settings.current
        if self._language_allowed(opened, settings) and self._context is not None:
            # The user is looking at it: index what it imports before they type.
            self._context.warm_later(opened, settings)

    # --- the shared path -----------------------------------------------------------------

    async def _run(
        self, uri: str, line: int, character: int, invoked: bool, *, streaming: bool
    ) -> tuple[Outcome | None, Context | None]:
        opened = self._documents.use(uri)
        if opened is None:
            log.debug("suggestion asked for a document that is not open: %s", uri)
            return None, None
        settings = self._settings.current
        if not settings.code_completion.enabled or not self._language_allowed(opened, settings):
            return None, None
        pause = self._upstream.paused()
        if pause is not None:
            log.debug("no suggestion: %s", pause)
            return None, None
        self.stats.requests += 1
        self._streams.cancel_document(uri)  # the user moved on from a streaming generation
        task = asyncio.current_task()
        previous = self._inflight.get(uri)
        if previous is not None and previous is not task and not previous.done():
            previous.cancel()
        if task is not None:
            self._inflight[uri] = task
        try:
            return await self._suggest(opened, line, character, invoked, streaming, settings)
        except asyncio.CancelledError:
            self.stats.cancelled += 1
            raise
        finally:
            if self._inflight.get(uri) is task:
                del self._inflight[uri]

    async def _suggest(
        self,
        opened: OpenDocument,
        line: int,
        character: int,
        invoked: bool,
        streaming: bool,
        settings: Settings,
    ) -> tuple[Outcome | None, Context | None]:
        """One request's steps, in order: the cache, the pause (automatic requests), the
        eligibility rule, then either a started stream or one upstream call whose choices
        are fitted (post-processing), shown and cached."""
        ctx = Context.of(opened, line, character)
        wait = 0.0 if invoked else self._wait_before_asking(opened.uri, ctx, settings)
        if settings.suggestions_cache.enabled and (hit := self._cached(ctx, settings)):
            return (hit if hit.choices else None), ctx
        if wait > 0:
            ctx, settings = await self._after_pause(wait, ctx, line, character)
        if not ctx.eligible(mid_line=settings.code_completion.post_processing):
            return None, ctx
        tracking_id = uuid.uuid4().hex
        request = self._request(ctx, invoked, settings)
        client = self._upstream.client(settings)
        self.stats.upstream += 1
        self._record("suggestion_requested", tracking_id)
        if streaming and settings.stream_code_generations and request.intent == "generation":
            return self._start_stream(ctx, client, request, tracking_id, settings), ctx
        suggestion = await self._ask(client, request, tracking_id)
        if suggestion is None:
            return None, ctx
        return self._show(ctx, suggestion, tracking_id, invoked, settings), ctx

    def _cached(self, ctx: Context, settings: Settings) -> Outcome | None:
        """A shown suggestion the user is typing into, fitted to where the cursor is now
        (its choices may come out empty); None on a miss."""
        hit = self._cache.get(ctx.opened.uri, ctx.above, ctx.below)
        if hit is None:
            return None
        self.stats.cache_hits += 1
        fitted = self._fit(ctx, hit.choices, "block", settings)  # cut when first shown
        return Outcome(fitted.choices, hit.tracking_id, replace=fitted.replace)

    async def _after_pause(
        self, wait: float, ctx: Context, line: int, character: int
    ) -> tuple[Context, Settings]:
        """Wait for typing to pause, then read the document and the settings again: the
        request goes out with what is current, not with what was there at the keystroke."""
        await asyncio.sleep(wait)
        opened = ctx.opened
        if opened.version != ctx.version:
            ctx = Context.of(opened, line, character)
        return ctx, self._settings.current

    def _start_stream(
        self,
        ctx: Context,
        client: CodeSuggestions,
        request: Request,
        tracking_id: str,
        settings: Settings,
    ) -> Outcome:
        """A streamed generation runs as its own task; the answer only names the stream."""
        stream_id = uuid.uuid4().hex
        finish = (
            postprocessing.stream_finisher(ctx)
            if settings.code_completion.post_processing
            else None
        )
        self._streams.start(
            stream_id, ctx.opened.uri, lambda: client.stream_request(request), finish
        )
        return Outcome((), tracking_id, stream_id)

    async def _ask(
        self, client: CodeSuggestions, request: Request, tracking_id: str
    ) -> Suggestion | None:
        """One SDK call; a failure is reported (log, notification, pause) and gives None."""
        started = time.perf_counter()
        try:
            suggestion = await client.suggest_request(request)
        except asyncio.CancelledError:
            self._record("suggestion_cancelled", tracking_id)
            raise
        except Exception as exc:
            self.stats.errors += 1
            self._failed(exc, tracking_id)
            return None
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            # Cancelled while the SDK finished anyway: the editor was promised RequestCancelled.
            raise asyncio.CancelledError
        elapsed = (time.perf_counter() - started) * 1000
        self.stats.upstream_ms.append(elapsed)
        self.trigger.route_latency(elapsed / 1000)
        self._upstream.token_works()
        log.debug(
            "suggestion: %s via %s, %d choice(s), upstream %.2f ms",
            suggestion.intent,
            suggestion.route,
            len(suggestion.choices),
            elapsed,
        )
        return suggestion

    def _show(
        self,
        ctx: Context,
        suggestion: Suggestion,
        tracking_id: str,
        invoked: bool,
        settings: Settings,
    ) -> Outcome | None:
        """The answer's choices fitted to the document, recorded as shown and cached."""
        # A comment or empty-function generation wants its block; a completion, or a
        # generation only because the file is small, gets intent's scope at the cursor.
        wants_block = suggestion.intent == "generation" and suggestion.generation_type not in (
            None,
            "small_file",
        )
        scope = "block" if wants_block else None
        fitted = self._fit(ctx, _unique([*suggestion.choices, suggestion.text]), scope, settings)
        choices = fitted.choices
        if not choices:
            self._record("suggestion_not_provided", tracking_id)
            return None
        self._telemetry.shown(tracking_id, ctx.opened, choices, suggestion, invoked)
        if settings.suggestions_cache.enabled:
            self._cache.put(ctx.opened.uri, ctx.above, ctx.below, list(choices), tracking_id)
        return Outcome(choices, tracking_id, replace=fitted.replace)

    def _fit(
        self, ctx: Context, choices: tuple[str, ...], scope: Any, settings: Settings
    ) -> Outcome:
        """The choices after post-processing (as they came when it is turned off)."""
        if settings.code_completion.post_processing:
            done = postprocessing.fit(ctx, choices, scope=scope)
        else:
            done = postprocessing.raw(choices)
        return Outcome(
            tuple(d.text for d in done), "", replace=tuple(d.replace_chars for d in done)
        )

    def _wait_before_asking(self, uri: str, ctx: Context, settings: Settings) -> float:
        """Seconds an automatic request waits for typing to pause: `debounceMs` if set,
        else what the adaptive trigger learned of this user's rhythm at this position."""
        learned = self.trigger.keystroke(uri, ctx.above)
        fixed = settings.code_completion.debounce_ms
        return learned if fixed is None else fixed / 1000

    def _request(self, ctx: Context, invoked: bool, settings: Settings) -> Request:
        """The SDK request, with the intent read off the incremental document."""
        from gitlab_lsp.sdk.request import Request

        request = Request(
            file_name=ctx.opened.file_name,
            above=ctx.above,
            below=ctx.below,
            language_id=ctx.opened.language_id,
            choices=INVOKED_CHOICES if invoked else 1,
        )
        if self._context is not None:
            request = dataclasses.replace(request, **self._context_fields(ctx, settings))
        try:
            detected = ctx.opened.doc.detect(ctx.line, ctx.character)
        except Exception:
            log.warning("intent detection failed; the SDK decides", exc_info=True)
            return request
        return dataclasses.replace(
            request,
            intent=detected.intent,
            generation_type=detected.generation_type,
            user_instruction=detected.user_instruction,
        )

    def _context_fields(self, ctx: Context, settings: Settings) -> dict[str, Any]:
        """The file name relative to the workspace and the context items; a failure to build
        context costs the context, never the suggestion."""
        assert self._context is not None
        fields: dict[str, Any] = {"file_name": self._context.file_name(ctx.opened, settings)}
        try:
            fields["context"] = tuple(self._context.items(ctx.opened, len(ctx.above), settings))
        except Exception:
            log.warning("building context failed; the request goes without", exc_info=True)
        return fields

    def _failed(self, exc: Exception, tracking_id: str) -> None:
        from gitlab_lsp.errors import GitLabLspError, RateLimited, TokenError

        self._record("suggestion_error", tracking_id)
        if isinstance(exc, TokenError):
            self._upstream.report_token_error(exc)
        elif isinstance(exc, RateLimited):
            log.warning("no suggestion: %s; the SDK pauses requests meanwhile", exc.message)
            self._upstream.paused()
        elif isinstance(exc, GitLabLspError):
            log.warning("no suggestion: %s", exc.message)
        else:
            log.exception("no suggestion: unexpected error")

    def _language_allowed(self, opened: OpenDocument, settings: Settings) -> bool:
        import intent

        language = opened.language_id
        completion = settings.code_completion
        check: str | None = None
        if language in completion.disabled_supported_languages:
            check = msg.DISABLED_LANGUAGE
        elif language not in completion.additional_languages and not intent.supports(
            language_id=language, filename=opened.file_name
        ):
            check = msg.UNSUPPORTED_LANGUAGE
        self._messages.set_document_check(check, language if check else "")
        return check is None

    def _record(self, action: str, tracking_id: str) -> None:
        self._telemetry.record(action, tracking_id)


def _line_before(ctx: Context) -> str:
    tail = ctx.above[-400:]
    return tail[tail.rfind("\n") + 1 :]


def _unique(choices: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for choice in choices:
        if choice and choice.strip():
            seen.setdefault(choice, None)
    return tuple(seen)


def active_document_uri(params: object) -> str | None:
    """The URI in `$/gitlab/didChangeDocumentInActiveEditor`, in every shape clients send.

    GitLab's plugins send the bare URI, which vscode-jsonrpc puts on the wire as a
    one-element array (`params` must be structured); others send `{uri}`. pygls hands the
    server arrays as lists and objects as named tuples. Anything else is None.
    """
    if isinstance(params, list | tuple) and not hasattr(params, "_fields"):
        if len(params) != 1:
            return None
        params = params[0]
    if isinstance(params, str):
        return params or None
    uri = _field(params, "uri")
    return uri if isinstance(uri, str) and uri else None


def _shape(params: object) -> str:
    """What a message's params looked like, for the log, without their content."""
    if isinstance(params, list | tuple) and not hasattr(params, "_fields"):
        return f"array of {len(params)}"
    return type(params).__name__


def _field(params: object, name: str) -> object:
    if isinstance(params, dict):
        return params.get(name)
    return getattr(params, name, None)


def register(server: LanguageServer, service: SuggestionService) -> None:
    # pygls marks handlers with attributes, which bound methods cannot take: wrap them.
    @server.feature(types.TEXT_DOCUMENT_INLINE_COMPLETION, types.InlineCompletionOptions())
    async def inline_completion(
        params: types.InlineCompletionParams,
    ) -> types.InlineCompletionList | None:
        return await service.inline_completion(params)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions())
    async def completion(params: types.CompletionParams) -> types.CompletionList | None:
        service.client_traits = items.ClientTraits.of(
            getattr(server.protocol, "initialize_params", None)
        )
        return await service.completion(params)

    @server.feature(ACTIVE_EDITOR_CHANGED)
    def active_document_changed(params: Any) -> None:
        service.active_document_changed(params)

    @server.feature(STATS_REQUEST)
    def stats(_params: Any) -> dict[str, Any]:
        return service.stats.as_dict()
