"""Fault injection rules: which requests of which party misbehave, and how."""

from __future__ import annotations

import fnmatch
import itertools
import threading
from dataclasses import asdict, dataclass, field
from typing import Any

PARTIES = ("instance", "customersdot", "gateway", "model")


class InvalidFault(ValueError):
    """A fault description that cannot be applied."""


@dataclass
class Fault:
    """One rule. `path` is matched with shell wildcards against the path the party routes on
    (for the gateway, without the Cloud Connector `/ai` or `/auth` prefix)."""

    party: str
    path: str
    method: str | None = None
    status: int | None = None
    body: Any = None
    delay: float | None = None
    timeout: bool = False
    drop_mid_stream: bool = False
    malformed: bool = False
    clock_skew: float | None = None
    times: int | None = None
    id: int = field(default=0)

    def validate(self) -> None:
        if self.party not in PARTIES:
            raise InvalidFault(f"party must be one of {', '.join(PARTIES)}")
        if not self.path.startswith("/") and not self.path.startswith("*"):
            raise InvalidFault("path must start with '/'")
        if self.status is not None and not 100 <= self.status <= 599:
            raise InvalidFault("status must be an HTTP status code")
        if self.delay is not None and not 0 <= self.delay <= 600:
            raise InvalidFault("delay must be between 0 and 600 seconds")
        if self.times is not None and self.times < 1:
            raise InvalidFault("times must be at least 1 (or null: until reset)")
        if self.clock_skew is not None and abs(self.clock_skew) > 10 * 365 * 86400:
            raise InvalidFault("clock_skew is out of range")
        if not any(
            (
                self.status is not None,
                self.delay is not None,
                self.timeout,
                self.drop_mid_stream,
                self.malformed,
                self.clock_skew is not None,
            )
        ):
            raise InvalidFault("a fault needs at least one effect")

    def matches(self, party: str, method: str, path: str) -> bool:
        if party != self.party:
            return False
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return fnmatch.fnmatchcase(path, self.path)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class FaultTable:
    """The active rules; the first matching rule wins and uses up one of its `times`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._ids = itertools.count(1)

    def add(self, fault: Fault) -> Fault:
        fault.validate()
        with self._lock:
            fault.id = next(self._ids)
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def list(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def take(self, party: str, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.matches(party, method, path):
                    if fault.times is not None:
                        fault.times -= 1
                        if fault.times == 0:
                            self._faults.remove(fault)
                    return fault
        return None
