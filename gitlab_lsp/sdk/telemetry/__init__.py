"""Usage telemetry for suggestions: the instance's usage events, the gateway's counters and
Snowplow, from one lifecycle, delivered off the request path (see usage.py)."""

from gitlab_lsp.sdk.telemetry.lifecycle import SuggestionEvent, SuggestionFacts, line_count
from gitlab_lsp.sdk.telemetry.usage import UsageTelemetry

__all__ = ["SuggestionEvent", "SuggestionFacts", "UsageTelemetry", "line_count"]
