"""Exception types of the mock: one class per way the mock itself can fail for its caller."""

from __future__ import annotations


class MockError(Exception):
    """Base class of every error the mock raises to Python callers."""


class MockStartupError(MockError):
    """The stack could not bind its ports or a party failed to come up."""


class ControlError(MockError):
    """The control surface refused a request (bad arguments, or the stack is gone)."""

    def __init__(self, status: int, detail: object) -> None:
        super().__init__(f"mock control surface answered {status}: {detail}")
        self.status = status
        self.detail = detail


class UpstreamError(MockError):
    """A party could not get a usable answer from another party over HTTP."""
