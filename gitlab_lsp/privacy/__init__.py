"""Keeping secrets on the machine: same-length redaction of code, scrubbing of logs.

`outbound` (which runs `redact`) makes every piece of user text that leaves for GitLab or
the AI gateway: request bodies accept nothing else;
`scrub` and the log filter run on everything written to logs, errors and telemetry.
"""

from gitlab_lsp.privacy.logs import RedactingFilter, install_log_redaction, scrub
from gitlab_lsp.privacy.outbound import Outbound, outbound, outbound_around_cursor
from gitlab_lsp.privacy.redaction import SecretMatch, find_secrets, redact, redact_around_cursor
from gitlab_lsp.privacy.rules import RULE_IDS, RULES, Rule

__all__ = [
    "RULES",
    "RULE_IDS",
    "Outbound",
    "RedactingFilter",
    "Rule",
    "SecretMatch",
    "find_secrets",
    "install_log_redaction",
    "outbound",
    "outbound_around_cursor",
    "redact",
    "redact_around_cursor",
    "scrub",
]
