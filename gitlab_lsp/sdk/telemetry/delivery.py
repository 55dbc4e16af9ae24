"""A bounded background queue that delivers telemetry in batches, off the request path.

Telemetry must never cost a completion anything and never grow without limit, whatever the
endpoint does: `put` is a synchronous append that never waits; a full queue drops its oldest
item (counted in `dropped`); one background task sends batches and, when the endpoint fails
or hangs (each attempt has its own deadline), keeps the batch and tries again after an
exponential backoff. A failure streak is logged once, its end once; the user never hears of
it as a suggestion failure. `aclose` delivers what it can within a short deadline.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

log = logging.getLogger("gitlab_lsp.sdk.telemetry")

T = TypeVar("T")


class DeliveryFailed(Exception):
    """A batch was not delivered. `retry` False: the endpoint refused it for good (a 4xx
    that resending cannot fix), so it is dropped instead of retried."""

    def __init__(self, reason: str, *, retry: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry = retry


@dataclass(frozen=True)
class DeliveryPolicy:
    #: Items held at most; beyond it the oldest is dropped.
    capacity: int = 2000
    #: Items per request (the instance takes at most 50 per `track_events`).
    batch_size: int = 50
    #: Seconds a partial batch waits for more items before it is sent.
    linger: float = 1.0
    #: Seconds one delivery attempt may take in all (a hanging endpoint costs this, no more).
    attempt_timeout: float = 10.0
    #: First and longest pause after a failed attempt (doubling in between).
    backoff: float = 1.0
    max_backoff: float = 30.0


Sender = Callable[[list[T]], Awaitable[None]]


class DeliveryQueue(Generic[T]):
    """One destination's queue. `send` raises DeliveryFailed (or anything) when it fails;
    it may remove from the batch list what it delivered before failing."""

    def __init__(
        self,
        name: str,
        send: Sender[T],
        policy: DeliveryPolicy = DeliveryPolicy(),
    ) -> None:
        self.name = name
        self._send = send
        self.policy = policy
        self._items: deque[T] = deque()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._closed = False
        self._idle = False
        #: Waiting out a backoff: new items must not cut it short.
        self._backing_off = False
        self._failing = False
        self._refused_before = False
        #: Items dropped because the queue was full, or refused for good by the endpoint.
        self.dropped = 0
        self.rejected = 0
        self.delivered = 0
        self.failed_attempts = 0
        self.batches = 0

    @property
    def pending(self) -> int:
        return len(self._items)

    def put(self, item: T) -> None:
        """Queue one item; never blocks, never raises. Needs a running event loop."""
        if self._closed:
            return
        if len(self._items) >= self.policy.capacity:
            self._items.popleft()
            self.dropped += 1
        self._items.append(item)
        if self._task is None:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:  # no loop yet: the next put from a running loop starts it
                return
            self._task = loop.create_task(self._run(), name=f"gitlab-lsp telemetry {self.name}")
        if self._idle or (len(self._items) >= self.policy.batch_size and not self._backing_off):
            self._wake.set()

    async def _run(self) -> None:
        delay = 0.0
        while not self._closed:
            if delay:
                self._backing_off = True
                try:
                    await self._sleep(delay)
                finally:
                    self._backing_off = False
            elif len(self._items) < self.policy.batch_size:
                # A partial batch lingers so that a burst of events goes out as one request.
                await self._sleep(self.policy.linger)
            if not self._items:
                self._wake.clear()
                self._idle = True
                await self._wake.wait()
                self._idle = False
                continue
            if await self._attempt():
                delay = 0.0
            else:
                delay = min(max(delay * 2, self.policy.backoff), self.policy.max_backoff)

    async def _sleep(self, seconds: float) -> None:
        self._wake.clear()
        try:
            async with asyncio.timeout(seconds):
                await self._wake.wait()
        except TimeoutError:
            pass

    async def _attempt(self) -> bool:
        """Send the oldest batch; True when the queue may go on at once."""
        batch = [
            self._items.popleft() for _ in range(min(len(self._items), self.policy.batch_size))
        ]
        if not batch:
            return True
        self.batches += 1
        size = len(batch)
        try:
            async with asyncio.timeout(self.policy.attempt_timeout):
                await self._send(batch)
        except asyncio.CancelledError:
            self._requeue(batch)
            raise
        except Exception as exc:
            self.failed_attempts += 1
            reason = exc.reason if isinstance(exc, DeliveryFailed) else _describe(exc)
            self.delivered += size - len(batch)  # a sender may remove what it delivered
            if isinstance(exc, DeliveryFailed) and not exc.retry:
                self.rejected += len(batch)
                # Logged once: an endpoint that refuses one batch refuses the next ones too.
                level = logging.DEBUG if self._refused_before else logging.WARNING
                self._refused_before = True
                log.log(
                    level, "telemetry to %s refused %d event(s): %s", self.name, len(batch), reason
                )
                return True
            self._requeue(batch)
            if not self._failing:
                self._failing = True
                log.warning(
                    "telemetry to %s is failing (%s); events are kept and retried in the "
                    "background",
                    self.name,
                    reason,
                )
            else:
                log.debug("telemetry to %s still failing: %s", self.name, reason)
            return False
        self.delivered += size
        if self._failing:
            self._failing = False
            log.info("telemetry to %s works again", self.name)
        return True

    def _requeue(self, batch: list[T]) -> None:
        """Put a batch back in front; if newer items filled the queue meanwhile, the oldest
        (the batch's own) go first."""
        room = self.policy.capacity - len(self._items)
        keep = batch[-room:] if room > 0 else []
        self.dropped += len(batch) - len(keep)
        self._items.extendleft(reversed(keep))

    async def aclose(self, deadline: float) -> None:
        """Stop the worker and send what is queued, giving up after `deadline` seconds."""
        if self._closed:
            return
        self._closed = True
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        try:
            async with asyncio.timeout(deadline):
                while self._items:
                    batch_size = min(len(self._items), self.policy.batch_size)
                    batch = [self._items.popleft() for _ in range(batch_size)]
                    try:
                        await self._send(batch)
                    except BaseException:
                        self._items.extendleft(reversed(batch))
                        raise
                    self.delivered += batch_size
        except Exception as exc:  # a timeout included: shutting down must not wait longer
            log.info(
                "telemetry to %s: %d event(s) not delivered at shutdown (%s)",
                self.name,
                len(self._items),
                exc.reason if isinstance(exc, DeliveryFailed) else _describe(exc),
            )

    def stats(self) -> dict[str, int]:
        return {
            "pending": self.pending,
            "delivered": self.delivered,
            "dropped": self.dropped,
            "rejected": self.rejected,
            "failed_attempts": self.failed_attempts,
        }


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return "timed out"
    return type(exc).__name__
