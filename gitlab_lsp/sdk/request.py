"""One suggestion request: the keyword arguments `suggest()` and `stream()` share.

Both methods take the same request and differ only in how the answer comes back, so the
arguments are declared once (a TypedDict, for type checkers and editors) and checked once
(`Request`, built from keywords by `Request.of`), before any network work starts. Callers
that hold the request as a value (the language server) build a `Request` themselves and
call `suggest_request` / `stream_request`: one typed contract, no keyword splatting.
"""

# No `from __future__ import annotations`: TypedDict must see `Required` to know the
# required keys at run time (Python 3.11).
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Required, Self, TypedDict

from gitlab_lsp.sdk.context.items import ContextItem, coerce_items
from gitlab_lsp.sdk.intent_step import GENERATION_TYPES, INTENTS, IntentDecision, decide
from intent.model import GenerationType, IntentKind

MAX_CHOICES = 10


class SuggestionRequest(TypedDict, total=False):
    """Keyword arguments of `CodeSuggestions.suggest` / `.stream` and their sync twins.

    `intent` is `completion` or `generation`; left out, it is detected from the content.
    `choices` (1 to 10) asks for several completion options. `context` is other text from
    the workspace (`ContextItem`s or `{type, name, content}` mappings, best first); it is
    redacted like the current file and cut to the byte budget.
    """

    file_name: Required[str]
    content_above_cursor: Required[str]
    content_below_cursor: str
    language_id: str | None
    intent: IntentKind | None
    generation_type: GenerationType | None
    user_instruction: str | None
    choices: int
    context: Sequence[ContextItem | Mapping[str, Any]]


_REQUIRED = frozenset(SuggestionRequest.__required_keys__)
_KNOWN = _REQUIRED | SuggestionRequest.__optional_keys__


@dataclass(frozen=True)
class Request:
    """A checked `SuggestionRequest` with its defaults filled in.

    `above` / `below` are the document's text before and after the cursor. `intent` left
    None is detected from the content; `choices` (1 to 10) asks for several completions.
    """

    file_name: str
    above: str
    below: str = ""
    language_id: str | None = None
    intent: IntentKind | None = None
    generation_type: GenerationType | None = None
    user_instruction: str | None = None
    choices: int = 1
    context: tuple[ContextItem, ...] = ()

    @classmethod
    def of(cls, fields: Mapping[str, Any]) -> Self:
        """Raises TypeError for unknown or missing arguments (as a signature would) and
        ValueError for bad values."""
        unknown = set(fields) - _KNOWN
        if unknown:
            raise TypeError(f"unexpected keyword argument(s): {', '.join(sorted(unknown))}")
        missing = _REQUIRED - set(fields)
        if missing:
            raise TypeError(f"missing keyword argument(s): {', '.join(sorted(missing))}")
        return cls(
            file_name=fields["file_name"],
            above=fields["content_above_cursor"],
            below=fields.get("content_below_cursor", ""),
            language_id=fields.get("language_id"),
            intent=fields.get("intent"),
            generation_type=fields.get("generation_type"),
            user_instruction=fields.get("user_instruction"),
            choices=fields.get("choices", 1),
            context=coerce_items(fields.get("context") or ()),
        )

    def __post_init__(self) -> None:
        if not isinstance(self.file_name, str) or not self.file_name:
            raise ValueError("file_name must be a non-empty string")
        if not isinstance(self.above, str) or not isinstance(self.below, str):
            raise ValueError("content_above_cursor and content_below_cursor must be strings")
        if not isinstance(self.choices, int) or not 1 <= self.choices <= MAX_CHOICES:
            raise ValueError(f"choices must be an integer from 1 to {MAX_CHOICES}")
        # Checked here too for requests built directly (the language server builds them).
        object.__setattr__(self, "context", coerce_items(self.context))
        if self.intent is not None and self.intent not in INTENTS:
            raise ValueError(f"intent must be one of {INTENTS}, not {self.intent!r}")
        if self.generation_type is not None and self.generation_type not in GENERATION_TYPES:
            raise ValueError(
                f"generation_type must be one of {GENERATION_TYPES}, not {self.generation_type!r}"
            )

    async def decide(self) -> IntentDecision:
        """Completion or generation: the caller's word, else detection on the content."""
        return await decide(
            file_name=self.file_name,
            above=self.above,
            below=self.below,
            language_id=self.language_id,
            intent=self.intent,
            generation_type=self.generation_type,
            user_instruction=self.user_instruction,
        )
