"""The answer type and the error types of the intent package."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

IntentKind = Literal["completion", "generation"]
GenerationType = Literal["comment", "empty_function", "small_file"]
CompletionScope = Literal["line", "block"]


@dataclass(frozen=True, slots=True)
class Intent:
    """What the client should ask for at one cursor position, and why.

    `user_instruction` is only set for `generation_type == "comment"`: it is the comment
    block without its delimiters, the text the instance receives as the instruction.
    `completion_scope` is only set for completions: whether the position calls for the rest
    of the line or for a block (see `intent.scope`).
    """

    intent: IntentKind
    generation_type: GenerationType | None = None
    user_instruction: str | None = None
    reason: str = ""
    completion_scope: CompletionScope | None = None

    @property
    def is_generation(self) -> bool:
        return self.intent == "generation"


class IntentError(Exception):
    """Base class of the errors this package raises (never for a detection itself)."""


class GrammarUnavailableError(IntentError):
    """A grammar wheel that the language table names cannot be imported."""


class DatasetError(IntentError):
    """A dataset file for `intent eval` is unreadable or a case in it is malformed."""
