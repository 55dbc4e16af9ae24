"""Usage telemetry: the lifecycle, the bounded queue, the git branch, and what the mock's
instance, gateway and Snowplow collector receive (and never: file content)."""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk import ClientOptions, CodeSuggestions
from gitlab_lsp.sdk.telemetry import SuggestionEvent, SuggestionFacts, UsageTelemetry
from gitlab_lsp.sdk.telemetry.delivery import DeliveryFailed, DeliveryPolicy, DeliveryQueue
from gitlab_lsp.sdk.telemetry.gateway_counters import GatewayCounters
from gitlab_lsp.sdk.telemetry.git_branch import BranchReader
from gitlab_lsp.sdk.telemetry.lifecycle import SuggestionLifecycle

from .helpers import COMPLETION, direct_completions, requests_to

FAST = DeliveryPolicy(linger=0.01, backoff=0.01, max_backoff=0.05, attempt_timeout=2.0)
SECRET_LINE = "    result = 0\n    for item in items:"


async def until(condition: Callable[[], bool], what: str) -> None:
    """Wait for `condition` (a safety net of 30 s turns a hang into a failure)."""
    for _ in range(3000):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"never happened: {what}")


# --- the lifecycle --------------------------------------------------------------------------


def test_lifecycle_counts_each_step_once_and_never_rejects_the_unshown() -> None:
    events: list[SuggestionEvent] = []
    life = SuggestionLifecycle(events.append)
    facts = SuggestionFacts(language="python", option_sizes=(1, 3), suggestion_size=1)
    assert not life.record("suggestion_rejected", "never-shown")
    assert life.record("suggestion_requested", "a")
    assert life.record("suggestion_shown", "a", facts)
    assert not life.record("suggestion_shown", "a", facts)
    assert life.record("suggestion_accepted", "a", option=1)
    assert not life.record("suggestion_accepted", "a")
    assert not life.record("suggestion_rejected", "a")
    assert [e.action for e in events] == [
        "suggestion_requested",
        "suggestion_shown",
        "suggestion_accepted",
    ]
    assert events[-1].facts.suggestion_size == 3  # the accepted option's lines


def test_showing_a_new_suggestion_rejects_the_open_ones() -> None:
    events: list[SuggestionEvent] = []
    life = SuggestionLifecycle(events.append)
    life.record("suggestion_shown", "a")
    life.record("suggestion_shown", "b")
    life.record("suggestion_error", "c")
    assert [(e.action, e.tracking_id) for e in events] == [
        ("suggestion_shown", "a"),
        ("suggestion_rejected", "a"),
        ("suggestion_shown", "b"),
        ("suggestion_error", "c"),
    ]
    assert life.open_suggestions() == ["b"]


# --- the queue ------------------------------------------------------------------------------


async def test_queue_keeps_failed_batches_and_delivers_them_on_recovery(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="gitlab_lsp.sdk.telemetry")
    delivered: list[int] = []
    failures = 3

    async def send(batch: list[int]) -> None:
        nonlocal failures
        if failures:
            failures -= 1
            raise DeliveryFailed("503")
        delivered.extend(batch)

    queue: DeliveryQueue[int] = DeliveryQueue("test", send, FAST)
    for i in range(120):
        queue.put(i)
    await until(lambda: len(delivered) == 120, "delivery after recovery")
    assert delivered == list(range(120))  # in order, none twice
    assert queue.failed_attempts == 3 and queue.dropped == 0
    # A failure streak is one warning and its end one line, however many attempts failed.
    levels = [r.levelno for r in caplog.records if r.levelno >= logging.INFO]
    assert levels == [logging.WARNING, logging.INFO]
    await queue.aclose(1.0)


async def test_a_full_queue_drops_the_oldest_and_counts_them() -> None:
    gate = asyncio.Event()
    delivered: list[int] = []

    async def send(batch: list[int]) -> None:
        await gate.wait()
        delivered.extend(batch)

    policy = DeliveryPolicy(capacity=100, batch_size=10, linger=0.01, attempt_timeout=60)
    queue: DeliveryQueue[int] = DeliveryQueue("test", send, policy)
    for i in range(1000):
        queue.put(i)
    assert queue.pending <= 100
    gate.set()
    await until(lambda: queue.pending == 0, "the queue drained")
    assert queue.dropped + len(delivered) == 1000
    assert delivered[-1] == 999 and len(delivered) <= 110
    await queue.aclose(1.0)


async def test_a_refused_batch_is_dropped_not_retried() -> None:
    calls = 0

    async def send(batch: list[int]) -> None:
        nonlocal calls
        calls += 1
        raise DeliveryFailed("400", retry=False)

    queue: DeliveryQueue[int] = DeliveryQueue("test", send, FAST)
    queue.put(1)
    await until(lambda: queue.rejected == 1, "the refusal")
    assert calls == 1 and queue.pending == 0
    await queue.aclose(1.0)


async def test_close_gives_up_on_a_hanging_endpoint_at_its_deadline() -> None:
    never = asyncio.Event()

    async def send(batch: list[int]) -> None:
        await never.wait()

    queue: DeliveryQueue[int] = DeliveryQueue("test", send, FAST)
    queue.put(1)
    await asyncio.wait_for(queue.aclose(0.05), 30)  # 30 s: a safety net, not the figure
    assert queue.pending == 1  # kept, not lost silently: logged as undelivered


# --- gateway counters and the git branch ----------------------------------------------------


def test_gateway_counters_send_at_most_10_items_and_take_back_undelivered() -> None:
    counters = GatewayCounters()
    for i in range(12):
        counters.add(("e", "m", f"lang{i}"), "requests", i + 1)
    items = counters.take()
    assert len(items) == 10 and items[0]["requests"] == 12
    assert counters.totals()["requests"] == 1 + 2
    counters.give_back(items)
    assert counters.totals()["requests"] == sum(range(1, 13))


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_branch_from_head_worktree_and_detached(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "src").mkdir(parents=True)
    _git("init", "-q", "-b", "feature/x", cwd=repo)
    _git(
        "-c",
        "user.email=a@b",
        "-c",
        "user.name=a",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "i",
        cwd=repo,
    )
    reader = BranchReader()
    assert reader.branch_of(str(repo / "src" / "a.py")) == "feature/x"
    _git("worktree", "add", "-q", "-b", "other", str(tmp_path / "wt"), cwd=repo)
    assert (tmp_path / "wt" / ".git").is_file()
    assert reader.branch_of(str(tmp_path / "wt" / "b.py")) == "other"
    _git("checkout", "-q", "--detach", cwd=repo)
    assert reader.branch_of(str(repo / "src" / "a.py")) is None
    assert reader.branch_of(str(tmp_path / "elsewhere" / "c.py")) is None
    assert reader.branch_of(None) is None


# --- against the mock -----------------------------------------------------------------------


def _usage(stack: MockStack, **options: Any) -> UsageTelemetry:
    token = stack.tokens["duo"]

    async def resolve() -> str:
        return token

    return UsageTelemetry(stack.instance_url, ClientOptions(**options), resolve, policy=FAST)


def _session(usage: UsageTelemetry, n: int, accepted: set[int], path: str | None) -> None:
    """n suggestions shown one after the other, some accepted: the rest are rejected when the
    next is shown (the last stays open unless accepted)."""
    for i in range(n):
        language = "python" if i % 3 else "go"
        facts = SuggestionFacts(
            language=language,
            suggestion_size=2,
            option_sizes=(2,),
            options_count=1,
            document_path=path,
        )
        usage.record("suggestion_requested", f"t{i}")
        usage.record("suggestion_shown", f"t{i}", facts)
        if i in accepted:
            usage.record("suggestion_accepted", f"t{i}", option=0)


@pytest.mark.parametrize(
    ("hint", "endpoint"), [(None, "track_events"), ("17.2.0-ee", "track_event")]
)
async def test_instance_learns_the_session(
    saas: MockStack, tmp_path: Path, hint: str | None, endpoint: str
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git("init", "-q", "-b", "main", cwd=repo)
    usage = _usage(saas, instance_version=hint)
    _session(usage, 12, {1, 5, 11}, str(repo / "cart.py"))
    await usage.aclose()
    summary = saas.control.events()["instance"]
    assert summary["events"] == {
        "code_suggestion_shown_in_ide": 12,
        "code_suggestion_accepted_in_ide": 3,
        "code_suggestion_rejected_in_ide": 9,
    }
    assert summary["by_language"]["go"]["code_suggestion_shown_in_ide"] == 4
    assert summary["unique_tracking_ids"]["code_suggestion_shown_in_ide"] == 12
    assert set(summary["requests"]) == {endpoint}
    recent = saas.control.events()["recent"]
    props = [e["additional_properties"] for e in recent if e["to"] == "instance"]
    assert all(p["branch_name"] == "main" and p["suggestion_size"] == 2 for p in props)
    assert {p["unique_tracking_id"] for p in props} == {f"t{i}" for i in range(12)}


async def test_failing_instance_endpoint_loses_nothing_once_it_recovers(saas: MockStack) -> None:
    saas.control.fault("instance", "/api/v4/usage_data/*", status=500, times=4)
    usage = _usage(saas)
    _session(usage, 5, {0}, None)
    await until(
        lambda: (
            saas.control.events()["instance"]["events"].get("code_suggestion_shown_in_ide") == 5
        ),
        "the events after recovery",
    )
    stats = usage.stats()["instance"]
    assert stats["failed_attempts"] >= 1 and stats["dropped"] == 0
    await usage.aclose()


async def test_snowplow_gets_structured_events_with_the_official_context(saas: MockStack) -> None:
    usage = _usage(saas, tracking_url=saas.instance_url, ide_name="vim")
    _session(usage, 3, {2}, None)
    await usage.aclose()
    summary = saas.control.events()["snowplow"]
    assert summary["events"] == {
        "suggestion_requested": 3,
        "suggestion_shown": 3,
        "suggestion_rejected": 2,
        "suggestion_accepted": 1,
    }
    event = next(
        e
        for e in saas.control.events()["recent"]
        if e["to"] == "snowplow" and e["se_ac"] == "suggestion_shown"
    )
    assert event["se_ca"] == "code_suggestions" and event["se_la"] == "t0"
    contexts = json.loads(event["co"])["data"]
    schemas = {c["schema"]: c["data"] for c in contexts}
    context = schemas["iglu:com.gitlab/code_suggestions_context/jsonschema/3-8-0"]
    assert context["language"] == "go" and context["gitlab_realm"] == "self-managed"


def _everything_sent(stack: MockStack) -> str:
    return json.dumps([e.get("json") for e in stack.control.requests()])


async def test_a_client_session_reports_everywhere_and_never_the_code(
    saas: MockStack, make_client: Callable[..., CodeSuggestions]
) -> None:
    client = make_client(saas, tracking_url=saas.instance_url)
    first = await client.suggest(**COMPLETION)
    facts = SuggestionFacts(language="python", model_engine=first.model.get("engine"))
    client.telemetry.record("suggestion_shown", "x1", facts)
    client.telemetry.record("suggestion_accepted", "x1")
    await client.suggest(**COMPLETION)  # carries the counters to the gateway
    await client.aclose()
    bodies = [e["json"] for e in direct_completions(saas)]
    assert "telemetry" not in bodies[0]
    assert bodies[1]["telemetry"] == [
        {
            "requests": 1,
            "accepts": 1,
            "errors": 0,
            "model_engine": first.model["engine"],
            "lang": "python",
        }
    ]
    assert requests_to(saas, "instance", "/usage_data/track_events")
    sent = [
        e for e in saas.control.requests() if "usage_data" in e["path"] or "snowplow" in e["path"]
    ]
    assert sent and SECRET_LINE not in json.dumps([e["json"] for e in sent])
    assert "cart.py" not in json.dumps([e["json"] for e in sent])


async def test_disabled_sends_nothing_at_all(
    saas: MockStack, make_client: Callable[..., CodeSuggestions]
) -> None:
    client = make_client(saas, telemetry_enabled=False, tracking_url=saas.instance_url)
    await client.suggest(**COMPLETION)
    assert not client.telemetry.record("suggestion_shown", "x1", SuggestionFacts(language="go"))
    await client.suggest(**COMPLETION)
    await client.aclose()
    assert "telemetry" not in _everything_sent(saas)
    assert not [
        e for e in saas.control.requests() if "usage_data" in e["path"] or "snowplow" in e["path"]
    ]
    assert saas.control.events()["instance"]["events"] == {}


async def test_new_events_do_not_cut_a_backoff_short() -> None:
    attempts = 0

    async def send(batch: list[int]) -> None:
        nonlocal attempts
        attempts += 1
        raise DeliveryFailed("500")

    policy = DeliveryPolicy(batch_size=5, linger=0.0, backoff=30.0, max_backoff=30.0)
    queue: DeliveryQueue[int] = DeliveryQueue("test", send, policy)
    for i in range(5):
        queue.put(i)
    await until(lambda: attempts == 1, "the first attempt")
    for i in range(200):  # many full batches' worth while the queue waits out its backoff
        queue.put(i)
        await asyncio.sleep(0)
    assert attempts == 1
    await queue.aclose(0.01)


@pytest.mark.parametrize(
    ("version", "endpoint"), [("17.3.0-ee", "track_events"), ("17.2.5", "track_event")]
)
async def test_the_clients_instance_check_picks_the_endpoint(
    saas: MockStack, make_client: Callable[..., CodeSuggestions], version: str, endpoint: str
) -> None:
    saas.control.gitlab_version(version)
    client = make_client(saas)
    for i in range(3):
        client.telemetry.record("suggestion_shown", f"v{i}", SuggestionFacts(language="go"))
    await client.aclose()
    assert saas.control.events()["instance"]["requests"] == {
        endpoint: 1 if endpoint == "track_events" else 5
    }


@pytest.mark.parametrize(
    ("tracking_url", "imported"), [(None, False), ("http://127.0.0.1:9", True)]
)
def test_snowplow_tracker_is_imported_only_for_a_collector(
    tracking_url: str | None, imported: bool
) -> None:
    """snowplow-tracker brings `requests` and its dependencies (some 6 MiB resident): a
    session without a collector never imports it."""
    import sys

    code = (
        "import sys\n"
        "from gitlab_lsp.sdk import ClientOptions\n"
        "from gitlab_lsp.sdk.telemetry import UsageTelemetry\n"
        "async def token() -> str:\n"
        "    return 't'\n"
        f"usage = UsageTelemetry('http://127.0.0.1:9', ClientOptions(tracking_url={tracking_url!r}), token)\n"
        "print(usage.snowplow is not None, 'snowplow_tracker' in sys.modules, 'requests' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(imported)] * 3
