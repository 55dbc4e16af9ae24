"""The SDK's pure parts: breaker, SSE parsing, trimming, error scrubbing, CLI positions."""

from __future__ import annotations

import json
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gitlab_lsp.errors import GatewayError, GitLabLspError, InstanceError, RateLimited, scrub
from gitlab_lsp.sdk import content
from gitlab_lsp.sdk.breaker import BreakerState, CircuitBreaker
from gitlab_lsp.sdk.cli import parse_position, split_position
from gitlab_lsp.sdk.streaming import SseParser

JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl"
PAT = "glpat-AbCdEfGhIjKlMnOpQrSt"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_breaker_opens_after_threshold_and_closes_after_probe_success() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(threshold=3, cooldown=10, max_cooldown=40, clock=clock)
    for _ in range(2):
        assert breaker.allow()
        breaker.record_failure()
    assert breaker.state is BreakerState.CLOSED
    breaker.record_failure()
    assert breaker.state is BreakerState.OPEN
    assert not breaker.allow()
    clock.now += 10
    assert breaker.allow()  # the probe
    assert not breaker.allow()  # only one probe at a time
    breaker.record_success()
    assert breaker.state is BreakerState.CLOSED
    assert breaker.allow() and breaker.allow()


def test_breaker_failed_probe_doubles_cooldown_up_to_the_maximum() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(threshold=1, cooldown=10, max_cooldown=25, clock=clock)
    breaker.record_failure()
    for cooldown in (10, 20, 25, 25):
        clock.now += cooldown - 0.1
        assert not breaker.allow()
        clock.now += 0.1
        assert breaker.allow()
        breaker.record_failure()


def test_breaker_released_probe_lets_the_next_request_probe() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(threshold=1, cooldown=5, clock=clock)
    breaker.record_failure()
    clock.now += 5
    assert breaker.allow()
    breaker.release_probe()
    assert breaker.allow()


def test_sse_parser_yields_content_chunks_across_arbitrary_splits() -> None:
    stream = (
        'event: stream_start\ndata: {"metadata": {"model": {"name": "m"}}}\n\n'
        ": ping\n\n"
        'event: content_chunk\ndata: {"choices": [{"delta": {"content": "def "}, "index": 0}]}\n\n'
        'event: content_chunk\r\ndata: {"choices": [{"delta": {"content": "f():"}, "index": 0}]}\r\n\r\n'
        "event: stream_end\ndata: null\n\n"
    )
    for size in (1, 7, len(stream)):
        parser = SseParser()
        out: list[str] = []
        for i in range(0, len(stream), size):
            out.extend(parser.feed(stream[i : i + size]))
        assert out == ["def ", "f():"]
        assert parser.ended


def test_sse_parser_skips_malformed_events() -> None:
    parser = SseParser()
    assert parser.feed("event: content_chunk\ndata: {not json\n\n") == []


def test_prepare_trims_each_side_keeping_text_nearest_the_cursor() -> None:
    above = "A" * 150_000 + "near-above"
    below = "near-below" + "B" * 150_000
    prepared = content.prepare("x" * 300 + ".py", above, below, redact_secrets=False)
    assert len(prepared.above) == content.MAX_SIDE_CHARS
    assert prepared.above.endswith("near-above")
    assert len(prepared.below) == content.MAX_SIDE_CHARS
    assert prepared.below.startswith("near-below")
    assert len(prepared.file_name) == 255 and prepared.file_name.endswith(".py")


def test_prepare_redacts_with_same_length() -> None:
    above = f'token = "{PAT}"\n'
    prepared = content.prepare("a.py", above, "", redact_secrets=True)
    assert PAT not in prepared.above
    assert len(prepared.above) == len(above)


def test_instance_body_keeps_the_instruction_without_streaming() -> None:
    prepared = content.prepare(
        "a.py", "# sort\n", "", redact_secrets=False, user_instruction="sort"
    )
    body = content.instance_body(
        prepared,
        intent="generation",
        stream=False,
        project_path=None,
        generation_type="comment",
    )
    assert body["user_instruction"] == "sort"
    assert body["generation_type"] == "comment"
    assert body["stream"] is False


def test_parse_choices_accepts_empty_and_rejects_garbage() -> None:
    assert content.parse_choices({"choices": []}) == []
    assert content.parse_choices({"choices": [{"text": "a"}, {"text": "b"}]}) == ["a", "b"]
    with pytest.raises(ValueError):
        content.parse_choices(["nope"])


@pytest.mark.parametrize(
    "error",
    [
        GatewayError(401, f"bad token {JWT}"),
        InstanceError(500, f"Authorization: Bearer {PAT}"),
        RateLimited(f"for {PAT}", retry_after=3),
        GitLabLspError(f"{JWT} and {PAT}"),
    ],
)
def test_errors_never_carry_tokens(error: GitLabLspError) -> None:
    assert JWT not in str(error) and PAT not in str(error)
    assert "[REDACTED" in str(error)


def test_scrub_leaves_ordinary_text_alone() -> None:
    assert scrub("Direct connections are disabled") == "Direct connections are disabled"


def test_position_is_one_based_and_validated() -> None:
    assert parse_position("C:/src/a.py:3:5") == ("C:/src/a.py", 3, 5)
    text = "ab\ncdef\n"
    assert split_position(text, 2, 3) == ("ab\ncd", "ef\n")
    assert split_position(text, 1, 1) == ("", text)
    with pytest.raises(ValueError):
        split_position(text, 2, 9)
    with pytest.raises(ValueError):
        parse_position("a.py:3")


@given(
    st.lists(st.text(alphabet="ab \n:é", max_size=8), max_size=6),
    st.integers(min_value=1, max_value=20),
)
def test_sse_parser_is_independent_of_chunk_boundaries(pieces: list[str], size: int) -> None:
    stream = "".join(
        f"event: content_chunk\ndata: {json.dumps({'choices': [{'delta': {'content': p}}]})}\n\n"
        for p in pieces
    )
    parser = SseParser()
    out: list[str] = []
    for i in range(0, len(stream), size):
        out.extend(parser.feed(stream[i : i + size]))
    assert out == [p for p in pieces if p]


@given(st.text(max_size=300), st.text(max_size=300), st.integers(min_value=1, max_value=120))
def test_trimming_keeps_the_text_nearest_the_cursor(above: str, below: str, limit: int) -> None:
    with patch.object(content, "MAX_SIDE_CHARS", limit):
        prepared = content.prepare("a.py", above, below, redact_secrets=False)
    assert prepared.above == above[-limit:]
    assert prepared.below == below[:limit]
