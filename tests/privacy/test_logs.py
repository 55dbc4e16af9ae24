"""Tokens never reach a log line, whatever path they take into the record."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from gitlab_lsp.privacy import RedactingFilter, install_log_redaction, scrub

from .fakes import ALNUM, B64URL, chars, jwt

PAT = "glpat-" + chars(B64URL, 20)
OPAQUE = chars(ALNUM, 32)


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    install_log_redaction(handler)
    logger = logging.getLogger("test.privacy.logs")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    logger.addHandler(handler)
    yield logger, stream
    logger.removeHandler(handler)


def test_scrub_labels_each_secret_and_keeps_the_rest() -> None:
    text = f"401 for token {PAT} (jwt {jwt()})"
    assert scrub(text) == "401 for token [REDACTED:gitlab-pat] (jwt [REDACTED:jwt])"


def test_scrub_of_header_values() -> None:
    assert scrub(f"PRIVATE-TOKEN: {OPAQUE}") == "PRIVATE-TOKEN: [REDACTED:gitlab-token-header]"
    assert scrub(f"Authorization: Bearer {OPAQUE}") == (
        "Authorization: Bearer [REDACTED:authorization-header]"
    )
    assert scrub(f"sent Bearer {OPAQUE}") == "sent Bearer [REDACTED:bearer-token]"


def test_an_opaque_oauth_token_in_a_json_rpc_payload_is_scrubbed() -> None:
    # What a debug log of `workspace/didChangeConfiguration` carries: no prefix to go by.
    oauth = chars("0123456789abcdef", 64)
    payload = (
        '{"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": '
        f'{{"settings": {{"baseUrl": "https://gitlab.com", "token": "{oauth}"}}}}}}'
    )
    assert oauth not in scrub(payload)
    assert '"token": "[REDACTED:generic-secret-assignment]"' in scrub(payload)


def test_message_args_are_scrubbed(captured: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = captured
    logger.info("calling with %s", PAT)
    logger.debug("headers %r", {"Authorization": f"Bearer {OPAQUE}", "PRIVATE-TOKEN": PAT})
    logger.warning(f"token in the message itself: {jwt()}")
    out = stream.getvalue()
    assert PAT not in out and OPAQUE not in out and jwt() not in out
    assert out.count("[REDACTED:") == 4


def test_tracebacks_are_scrubbed(captured: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = captured
    try:
        raise RuntimeError(f"gateway rejected {jwt()}")
    except RuntimeError:
        logger.exception("request failed")
    out = stream.getvalue()
    assert "RuntimeError: gateway rejected [REDACTED:jwt]" in out
    assert jwt() not in out


def test_stack_info_is_scrubbed() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "m", None, None, sinfo=f"  t={PAT}")
    RedactingFilter().filter(record)
    assert record.stack_info == "  t=[REDACTED:gitlab-pat]"


def test_a_broken_format_string_is_still_logged_and_scrubbed(
    captured: tuple[logging.Logger, io.StringIO],
) -> None:
    logger, stream = captured
    logger.info(f"two placeholders %s %s but one arg, token {PAT}", 1)
    out = stream.getvalue()
    assert "two placeholders" in out and PAT not in out and "[REDACTED:gitlab-pat]" in out


def test_install_is_idempotent_and_works_on_loggers() -> None:
    logger = logging.getLogger("test.privacy.idempotent")
    first = install_log_redaction(logger)
    assert install_log_redaction(logger) is first
    assert [f for f in logger.filters if isinstance(f, RedactingFilter)] == [first]
    record = logger.makeRecord(logger.name, logging.INFO, __file__, 1, "t=%s", (PAT,), None)
    assert first.filter(record) and record.getMessage() == "t=[REDACTED:gitlab-pat]"
    logger.removeFilter(first)
