"""The would-be document's syntax errors, from the open document's incremental tree."""

from __future__ import annotations

from gitlab_lsp.sdk.postprocess.model import Draft, Site


def _utf8_len(text: str) -> int:
    return len(text.encode("utf-8", errors="surrogatepass"))


def errors_with(site: Site, draft: Draft) -> int | None:
    """Syntax errors in `above + draft.text + below[draft.replace_chars:]`; None when the
    language has no tree here (the checks then leave the suggestion alone).

    Uses `site.document` when given (its text must be `above + below`); otherwise one
    throw-away document is parsed per site and kept for the other variants.
    """
    scratch = site._scratch
    key = ("errors", draft.text, draft.replace_chars)
    if key in scratch:  # steps often compare against the same variant
        return scratch[key]  # type: ignore[return-value]
    found = _errors_with(site, draft)
    scratch[key] = found  # type: ignore[index]
    return found


def _errors_with(site: Site, draft: Draft) -> int | None:
    scratch = site._scratch
    document = site.document
    if document is None:
        cached = scratch.get("document")
        if cached is None:
            import intent

            if not intent.supports(site.language_id, site.filename):
                return None
            cached = intent.Document(
                site.above + site.below, language_id=site.language_id, filename=site.filename
            )
            scratch["document"] = cached
        document = cached  # type: ignore[assignment]
    start = scratch.get("start")
    if not isinstance(start, int):
        start = _utf8_len(site.above)
        scratch["start"] = start
    end = start + _utf8_len(site.below[: draft.replace_chars])
    assert document is not None
    return document.errors_if_replaced(start, end, draft.text)


def no_worse(site: Site, before: Draft, after: Draft) -> bool:
    """Whether `after` leaves the would-be document with no more syntax errors than
    `before` (unknown: True, the lexical reasoning that proposed `after` stands)."""
    base = errors_with(site, before)
    if base is None:
        return True
    changed = errors_with(site, after)
    return changed is None or changed <= base
