"""Case builders shared by every corpus source (not built itself: its name starts with `_`).

A source binds one `Cases` to its LSP languageId and writes each case as the label it carries:

    from _helpers import Cases, crlf

    case = Cases("python")

    CASES = [
        case.comment("comment/sort-users", "users.py", "# sort the users\\n█\\n", "sort the users"),
        case.completion("completion/after-dot", "app.py", "users.█\\n"),
    ]

Binding the language once is what keeps a case's id prefix and `language` field from drifting
away from the file it is written in. `scripts/build_corpus.py` validates and positions the
dicts these return; the builders only fill in the fields each label implies.
"""

from __future__ import annotations

from typing import Any

Case = dict[str, Any]


class Cases:
    """Builds the cases of one language, with ids of the form `<language>/<slug>`."""

    def __init__(self, language: str) -> None:
        self.language = language

    def completion(
        self,
        slug: str,
        filename: str,
        text: str,
        note: str | None = None,
        *,
        scope: str | None = None,
    ) -> Case:
        """A cursor where the user is still writing: no instruction or empty body to fill.

        `scope`, when given, is the expected `completion_scope` ("line" or "block")."""
        case = self._case(slug, filename, text, "completion", None, None, note)
        if scope is not None:
            case["completion_scope"] = scope
        return case

    def comment(
        self, slug: str, filename: str, text: str, instruction: str, note: str | None = None
    ) -> Case:
        """A generation asked for by the comment block above the cursor, as `instruction`."""
        return self._case(slug, filename, text, "generation", "comment", instruction, note)

    def empty_function(self, slug: str, filename: str, text: str, note: str | None = None) -> Case:
        """A generation that fills the body of a function declared but left empty."""
        return self._case(slug, filename, text, "generation", "empty_function", None, note)

    def small_file(self, slug: str, filename: str, text: str, note: str | None = None) -> Case:
        """A generation in a file with fewer than five lines of code."""
        return self._case(slug, filename, text, "generation", "small_file", None, note)

    def _case(
        self,
        slug: str,
        filename: str,
        text: str,
        intent: str,
        generation_type: str | None,
        instruction: str | None,
        note: str | None,
    ) -> Case:
        case: Case = {
            "id": f"{self.language}/{slug}",
            "language": self.language,
            "filename": filename,
            "text": text,
            "intent": intent,
            "generation_type": generation_type,
            "user_instruction": instruction,
        }
        if note:
            case["note"] = note
        return case


def crlf(text: str) -> str:
    """`text` with Windows line endings, for the cases that check CRLF positions."""
    return text.replace("\n", "\r\n")
