"""Keeping tokens out of logs, error messages and telemetry.

Log lines are read by people and pasted into issues, so unlike `redact` (which must keep
offsets) `scrub` replaces each secret with a label naming its kind, `[REDACTED:gitlab-pat]`:
the reader learns which credential was involved, and not even its length leaks.
"""

from __future__ import annotations

import logging

from gitlab_lsp.privacy.redaction import replace_secrets

_TRACEBACK_FORMATTER = logging.Formatter()


def scrub(text: str) -> str:
    """`text` with every secret (tokens, JWTs, header values...) replaced by a label."""
    return replace_secrets(text, lambda _secret, match: f"[REDACTED:{match.rule_id}]")


class RedactingFilter(logging.Filter):
    """Scrubs a record's message (after `%` formatting of its args), traceback and stack.

    The record is rewritten in place, so every handler and formatter downstream sees only the
    scrubbed text. It never drops a record.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: logging reports it itself, unformatted
            message = str(record.msg)
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = _TRACEBACK_FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


def install_log_redaction(target: logging.Logger | logging.Handler) -> RedactingFilter:
    """Attach the redacting filter to a handler or logger (once) and return it.

    Prefer handlers: a filter on a logger sees only records logged through that very logger,
    not those propagating up from its children, while a handler's filter sees everything it
    writes.
    """
    for existing in target.filters:
        if isinstance(existing, RedactingFilter):
            return existing
    new = RedactingFilter()
    target.addFilter(new)
    return new
