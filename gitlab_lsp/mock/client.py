"""MockControl: a thin, typed, synchronous client of the `/-/mock/` control surface.

Synchronous on purpose: the servers run in their own thread, so calling it from an async
test blocks that test for a moment but never the mock.
"""

from __future__ import annotations

from typing import Any

import httpx

from gitlab_lsp.mock.errors import ControlError

Limit = tuple[int, float] | None


class _Unset:
    """Marks a rate-limit rule the caller left alone."""


UNSET = _Unset()


class MockControl:
    def __init__(self, instance_url: str, *, timeout: float = 10.0) -> None:
        self._client = httpx.Client(
            base_url=f"{instance_url}/-/mock", timeout=timeout, trust_env=False
        )

    def close(self) -> None:
        self._client.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise ControlError(0, f"the mock is not reachable: {type(exc).__name__}") from exc
        if response.status_code >= 400:
            try:
                detail: Any = response.json().get("detail")
            except ValueError:
                detail = response.text
            raise ControlError(response.status_code, detail)
        return response.json() if response.content else None

    def requests(self, party: str | None = None) -> list[dict[str, Any]]:
        """Every request a party received (all parties when None), newest last."""
        params = {"party": party} if party else None
        result: list[dict[str, Any]] = self._call("GET", "/requests", params=params)
        return result

    def clear_requests(self) -> None:
        self._call("DELETE", "/requests")

    def fault(
        self,
        party: str,
        path: str,
        *,
        method: str | None = None,
        status: int | None = None,
        body: Any = None,
        delay: float | None = None,
        timeout: bool = False,
        drop_mid_stream: bool = False,
        malformed: bool = False,
        clock_skew: float | None = None,
        times: int | None = None,
    ) -> dict[str, Any]:
        """Make matching requests misbehave; `times=None` keeps the fault until reset."""
        payload = {
            "party": party,
            "path": path,
            "method": method,
            "status": status,
            "body": body,
            "delay": delay,
            "timeout": timeout,
            "drop_mid_stream": drop_mid_stream,
            "malformed": malformed,
            "clock_skew": clock_skew,
            "times": times,
        }
        result: dict[str, Any] = self._call("POST", "/faults", json=payload)
        return result

    def faults(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self._call("GET", "/faults")
        return result

    def clear_faults(self) -> None:
        self._call("DELETE", "/faults")

    def latency(
        self,
        *,
        client_instance: float = 0.0,
        instance_gateway: float = 0.0,
        client_gateway: float = 0.0,
        model: float = 0.0,
        model_chunk: float = 0.0,
    ) -> None:
        """Set all hop delays and the model's pause between streamed pieces (seconds);
        those not given go back to zero."""
        self._call(
            "PUT",
            "/latency",
            json={
                "client_instance": client_instance,
                "instance_gateway": instance_gateway,
                "client_gateway": client_gateway,
                "model": model,
                "model_chunk": model_chunk,
            },
        )

    def token_lifetime(self, seconds: int | None) -> None:
        """Lifetime of user JWTs issued from now on (None: the real hour)."""
        self._call("PUT", "/token_lifetime", json={"seconds": seconds})

    def instance_token_lifetime(self, seconds: int | None) -> bool:
        """Lifetime of the IJWTs CustomersDot issues (None: the real 3 days; self-managed
        only). The instance syncs at once; returns whether that sync succeeded."""
        result: dict[str, Any] = self._call(
            "PUT", "/instance_token_lifetime", json={"seconds": seconds}
        )
        return bool(result["synced"])

    def rotate_keys(self, party: str = "gateway") -> str:
        """New signing key for `party`; tokens already issued keep verifying. Returns the kid."""
        result: dict[str, Any] = self._call("POST", "/rotate_keys", json={"party": party})
        return str(result["kid"])

    def direct_connections(self, enabled: bool) -> None:
        self._call("PUT", "/direct_connections", json={"enabled": enabled})

    def model_details(self, provider: str | None, name: str | None = None) -> None:
        """The model direct_access announces (and the instance forwards); None omits it."""
        if provider is None:
            self._call("DELETE", "/model_details")
            return
        if name is None:
            raise ValueError("a model needs a name as well as a provider")
        self._call("PUT", "/model_details", json={"model_provider": provider, "model_name": name})

    def rate_limits(
        self,
        *,
        direct_access: Limit | _Unset = UNSET,
        completions: Limit | _Unset = UNSET,
        gateway: Limit | _Unset = UNSET,
    ) -> dict[str, Any]:
        """Set rules as (requests, window seconds), or None for no limit; others stay."""
        changes = {
            name: list(value) if value is not None else None
            for name, value in (
                ("direct_access", direct_access),
                ("completions", completions),
                ("gateway", gateway),
            )
            if not isinstance(value, _Unset)
        }
        result: dict[str, Any] = self._call("PUT", "/rate_limits", json=changes)
        return result

    def gitlab_version(self, version: str) -> None:
        """What `/api/v4/version` reports ("17.1.0-ee": no direct_access; < 16.8: unsupported)."""
        self._call("PUT", "/version", json={"version": version})

    def oauth_token_expires_in(self, seconds: int) -> None:
        """Move the `oauth` token's expiry to `seconds` from now (0 or less: expired)."""
        self._call("PUT", "/oauth_token", json={"expires_in": seconds})

    def feature_flags(self, **flags: bool) -> dict[str, bool]:
        """Set GraphQL `featureFlagEnabled` answers; returns them all."""
        result: dict[str, bool] = self._call("PUT", "/feature_flags", json=flags)
        return result

    def state(self) -> dict[str, Any]:
        result: dict[str, Any] = self._call("GET", "/state")
        return result

    def events(self) -> dict[str, Any]:
        """What the instance, the gateway and the Snowplow collector learned about usage."""
        result: dict[str, Any] = self._call("GET", "/events")
        return result

    def reset(self) -> None:
        """Everything back to defaults: log, faults, latency, lifetimes, limits and counters."""
        self._call("POST", "/reset")
