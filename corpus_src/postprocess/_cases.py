"""Case builders for the post-processing replay corpus (not built itself: `_` name).

A source binds one `Cases` to its LSP languageId and a default file name, then writes each
case by hand: the document with the cursor marked by `█`, the model's raw answer, and what a
careful human wants to see between the text before and the text after the cursor once the
suggestion is accepted:

    from _cases import Cases

    case = Cases("python", "billing.py")

    CASES = [
        case.fix("overlap_close", "call-paren", "print(total(█))\\n", raw="items))", want="items"),
        case.keep("overlap_close", "closes-own-call", "print(len(█)\\n", raw="items)"),
    ]

`fix` is a suggestion the pipeline must change (`want` differs from `raw`); `keep` is a good
suggestion it must leave untouched (the accepted document is prefix + raw + suffix).
`scripts/build_postprocess_corpus.py` positions the cursor and writes the expected document.
"""

from __future__ import annotations

from typing import Any

Case = dict[str, Any]


class Cases:
    def __init__(self, language: str, filename: str) -> None:
        self.language = language
        self.filename = filename

    def fix(
        self,
        category: str,
        slug: str,
        text: str,
        *,
        raw: str,
        want: str,
        note: str | None = None,
        filename: str | None = None,
    ) -> Case:
        return self._case(category, slug, text, raw, want, False, note, filename)

    def keep(
        self,
        category: str,
        slug: str,
        text: str,
        *,
        raw: str,
        note: str | None = None,
        filename: str | None = None,
    ) -> Case:
        return self._case(category, slug, text, raw, raw, True, note, filename)

    def _case(
        self,
        category: str,
        slug: str,
        text: str,
        raw: str,
        want: str,
        leave_alone: bool,
        note: str | None,
        filename: str | None,
    ) -> Case:
        return {
            "id": f"{self.language}/{category}/{slug}",
            "language": self.language,
            "filename": filename or self.filename,
            "category": category,
            "leave_alone": leave_alone,
            "text": text,
            "raw": raw,
            "want": want,
            "note": note,
        }
