"""Settings of a `CodeSuggestions` client, fixed for its lifetime.

The language server builds a new client whenever these change, so they are frozen: no part
of the SDK has to cope with a proxy or CA bundle that changes under an open connection.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClientOptions:
    #: Send completions straight to the AI gateway; False sends everything through the instance.
    direct_connection: bool = True
    #: Seconds a direct completion may take before it falls back to the instance.
    timeout: float = 5.0
    #: Seconds a generation (or a completion through the instance) may take.
    generation_timeout: float = 60.0
    ide_name: str | None = None
    ide_version: str | None = None
    ide_vendor: str | None = None
    extension_name: str | None = None
    extension_version: str | None = None
    #: Explicit proxy URL for both routes; None uses HTTPS_PROXY / HTTP_PROXY / NO_PROXY.
    proxy: str | None = None
    #: PEM bundle of the CAs to trust instead of the system store.
    ca_bundle: str | None = None
    #: PEM client certificate (and key, if not in the same file) for mutual TLS.
    client_cert: str | None = None
    client_key: str | None = None
    #: Skip TLS verification on both routes (a warning is logged once per client).
    ignore_certificate_errors: bool = False
    #: Mask secrets in the content before it leaves the machine.
    redact_secrets: bool = True
    project_path: str | None = None
    #: Bytes for the current file plus its context (the official client's 50,000).
    context_budget: int = 50_000
    #: Refresh the user JWT this many seconds before `expires_at` (capped at a third of its
    #: lifetime for short-lived tokens), in the background.
    refresh_margin: float = 300.0
    #: After `direct_access` answers 403 "disabled", ask again after this many seconds.
    direct_access_recheck: float = 300.0
    #: Consecutive direct failures that open the circuit breaker.
    breaker_threshold: int = 3
    #: Seconds the breaker stays open before one probe is let through (doubles per failed
    #: probe, up to `breaker_max_cooldown`).
    breaker_cooldown: float = 10.0
    breaker_max_cooldown: float = 120.0
    #: Report suggestion events (instance usage events, gateway counters, Snowplow); False
    #: sends none of them.
    telemetry_enabled: bool = True
    #: Base URL of a Snowplow collector for suggestion events; None sends none.
    tracking_url: str | None = None
    #: The instance's version if the caller knows it (`17.6.0-ee`); None asks the instance
    #: once, when usage events are first sent.
    instance_version: str | None = None
