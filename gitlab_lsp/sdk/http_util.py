"""Small helpers for reading server answers without trusting them."""

from __future__ import annotations

import email.utils
import json
import time
from typing import Any

import httpx

from gitlab_lsp.errors import scrub

_DETAIL_LIMIT = 300


def error_detail(response: httpx.Response) -> str:
    """A short, credential-free description of an error body (`message`, `error`, `detail`)."""
    try:
        body: Any = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError, httpx.ResponseNotRead):
        try:
            text = response.text
        except httpx.ResponseNotRead:
            text = ""
        return scrub(text.strip()[:_DETAIL_LIMIT])
    if isinstance(body, dict):
        for key in ("message", "error", "detail", "error_description"):
            if key in body:
                value = body[key]
                text = value if isinstance(value, str) else json.dumps(value)
                return scrub(text[:_DETAIL_LIMIT])
    return scrub(json.dumps(body)[:_DETAIL_LIMIT])


def retry_after(response: httpx.Response) -> float | None:
    """Seconds to wait according to `Retry-After` (delta-seconds or an HTTP date), unclamped;
    None when absent or unreadable (the availability policy clamps and defaults it)."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def server_clock_skew(response: httpx.Response) -> float:
    """Server time minus local time, from the `Date` header (0 when absent or unparsable).

    Only skews larger than the header's one-second resolution are trusted.
    """
    value = response.headers.get("Date")
    if not value:
        return 0.0
    try:
        server = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return 0.0
    skew = server - time.time()
    return skew if abs(skew) > 2.0 else 0.0
