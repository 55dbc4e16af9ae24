"""The time parties put into the tokens they issue, which a clock-skew fault can shift."""

from __future__ import annotations

import time
from contextvars import ContextVar

#: Seconds added to "now" for tokens issued while handling the current request.
issuer_skew: ContextVar[float] = ContextVar("mock_issuer_skew", default=0.0)


def issuer_now() -> int:
    """Unix seconds as the issuing party believes them (skewed by an injected fault)."""
    return int(time.time() + issuer_skew.get())
