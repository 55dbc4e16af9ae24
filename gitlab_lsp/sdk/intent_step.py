"""Deciding completion vs generation when the caller did not (the `intent` package)."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import get_args

from intent.model import GenerationType, IntentKind

log = logging.getLogger("gitlab_lsp.sdk.intent")

INTENTS: tuple[IntentKind, ...] = get_args(IntentKind)
GENERATION_TYPES: tuple[GenerationType, ...] = get_args(GenerationType)
#: Above this many characters the parse runs in a worker thread so the event loop stays free.
_THREAD_THRESHOLD = 50_000


@dataclass(frozen=True)
class IntentDecision:
    intent: IntentKind
    generation_type: GenerationType | None
    user_instruction: str | None
    ms: float


def _detect(above: str, below: str, language_id: str | None, file_name: str) -> IntentDecision:
    import intent
    from intent.positions import end_position

    if not intent.supports(language_id=language_id, filename=file_name):
        return IntentDecision("completion", None, None, 0.0)
    line, character = end_position(above)
    result = intent.detect(
        above + below, line, character, language_id=language_id, filename=file_name
    )
    return IntentDecision(result.intent, result.generation_type, result.user_instruction, 0.0)


async def decide(
    *,
    file_name: str,
    above: str,
    below: str,
    language_id: str | None,
    intent: IntentKind | None,
    generation_type: GenerationType | None,
    user_instruction: str | None,
) -> IntentDecision:
    """The caller's intent as given (`Request` checked it), else detection's."""
    if intent is not None:
        return IntentDecision(intent, generation_type, user_instruction, 0.0)
    started = time.perf_counter()
    try:
        if len(above) + len(below) > _THREAD_THRESHOLD:
            decision = await asyncio.to_thread(_detect, above, below, language_id, file_name)
        else:
            decision = _detect(above, below, language_id, file_name)
    except Exception:  # a parser bug must not cost the user the suggestion
        log.exception("intent detection failed; treating the request as a completion")
        decision = IntentDecision("completion", None, None, 0.0)
    ms = (time.perf_counter() - started) * 1000
    return IntentDecision(decision.intent, decision.generation_type, decision.user_instruction, ms)
