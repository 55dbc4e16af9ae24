"""Intent detection: should a code suggestion be a completion or a generation?

Pure and importable on its own (no network). See docs/intent.md for the rules.

    >>> import intent
    >>> intent.detect("# add two numbers\\n\\n", 1, 0, language_id="python").generation_type
    'comment'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from intent.languages import resolve, supported_languages
from intent.model import DatasetError, GrammarUnavailableError, Intent, IntentError

if TYPE_CHECKING:
    from intent.document import Document

__all__ = [
    "DatasetError",
    "Document",
    "GrammarUnavailableError",
    "Intent",
    "IntentError",
    "detect",
    "supported_languages",
    "supports",
]


def detect(
    text: str,
    line: int,
    character: int,
    *,
    language_id: str | None = None,
    filename: str | None = None,
) -> Intent:
    """The intent at an LSP position (0-based line, UTF-16 character) of a whole text."""
    from intent.document import Document

    return Document(text, language_id=language_id, filename=filename).detect(line, character)


def supports(language_id: str | None = None, filename: str | None = None) -> bool:
    """Whether intents are detected for this languageId (or, failing that, file name)."""
    return resolve(language_id, filename) is not None


def __getattr__(name: str) -> Any:
    # `Document` pulls in tree-sitter: loaded on first use, so that importing the package
    # (the CLI does, to register its sub-command) stays cheap.
    if name == "Document":
        from intent.document import Document

        return Document
    raise AttributeError(f"module 'intent' has no attribute {name!r}")


def __dir__() -> list[str]:
    """`Document` too, although it is resolved on first use."""
    return sorted({*globals(), *__all__})
