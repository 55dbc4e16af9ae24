"""Counters the AI gateway reads from the `telemetry` field of direct completion bodies.

Per model and language: suggestions requested, accepted and failed since the previous
direct request. The gateway takes at most 10 items, so the busiest 10 go first and the rest
wait for the next request; a request that never reached the gateway gives its counts back.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

#: Items the gateway accepts in one body.
MAX_ITEMS = 10

Key = tuple[str | None, str | None, str | None]
_FIELDS = ("requests", "accepts", "errors")


class GatewayCounters:
    def __init__(self) -> None:
        self._counts: dict[Key, Counter[str]] = {}

    def add(self, key: Key, field: str, amount: int = 1) -> None:
        if field not in _FIELDS:
            raise ValueError(f"unknown counter {field!r}")
        self._counts.setdefault(key, Counter())[field] += amount

    def take(self) -> list[dict[str, Any]]:
        """The items for the next body (at most 10), removed from the counters."""
        busiest = sorted(self._counts, key=lambda k: -sum(self._counts[k].values()))[:MAX_ITEMS]
        items = []
        for key in busiest:
            counts = self._counts.pop(key)
            engine, name, lang = key
            item: dict[str, Any] = {field: counts[field] for field in _FIELDS}
            if engine:
                item["model_engine"] = engine
            if name:
                item["model_name"] = name
            if lang:
                item["lang"] = lang
            items.append(item)
        return items

    def give_back(self, items: list[dict[str, Any]]) -> None:
        """Counts taken for a request that did not reach the gateway."""
        for item in items:
            key = (item.get("model_engine"), item.get("model_name"), item.get("lang"))
            for field in _FIELDS:
                if item.get(field):
                    self.add(key, field, item[field])

    def totals(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for counts in self._counts.values():
            total.update(counts)
        return {field: total[field] for field in _FIELDS}
