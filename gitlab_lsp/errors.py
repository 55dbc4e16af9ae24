"""Error types shared by the SDK, the language server and the command line.

Callers branch on the type, never on the message. Messages are written for a human and
never carry a credential: anything that reaches a message from a server response is passed
through `scrub` first, because servers sometimes echo the header they rejected.
"""

from __future__ import annotations


def scrub(text: str) -> str:
    """`text` with every token, JWT or credential-looking value replaced by a label.

    The rules live in `gitlab_lsp.privacy`, one set for redaction, logs and errors; the import
    is deferred because compiling them is only worth it once an error is actually raised.
    """
    from gitlab_lsp.privacy import scrub as privacy_scrub

    return privacy_scrub(text)


class GitLabLspError(Exception):
    """Base of every error this package raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(scrub(message))

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


# --- the user's token (PAT / OAuth) -------------------------------------------------------


class TokenError(GitLabLspError):
    """The user's GitLab token cannot be used; the message says why and what to do."""


class TokenMissing(TokenError):
    """No token was given, `GITLAB_TOKEN` is unset and the keyring holds none for the instance."""


class TokenInvalid(TokenError):
    """The instance rejected the token (401): revoked, mistyped or for another instance."""


class TokenExpired(TokenError):
    """The token is past its expiry date."""


class TokenScopeMissing(TokenError):
    """The token is valid but lacks the `api` or `ai_features` scope."""


class NoDuoSeat(TokenError):
    """The user has no GitLab Duo seat, so the instance refuses code suggestions (403)."""


# --- routes ------------------------------------------------------------------------------


class DirectAccessDisabled(GitLabLspError):
    """The instance administrator turned direct connections off (403 from direct_access)."""


class InsecureGateway(GitLabLspError):
    """An https instance named a plain-http AI gateway; the downgrade is refused."""


class RateLimited(GitLabLspError):
    """A server answered 429 or the client's own budget is spent; retry after `retry_after` s."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after

    def __reduce__(self) -> tuple[type[RateLimited], tuple[str, float | None]]:
        return (type(self), (self.message, self.retry_after))


class _HttpStatusError(GitLabLspError):
    def __init__(self, status: int, detail: str) -> None:
        self.status = status
        self.detail = scrub(detail)
        if status:
            message = f"{self._party} answered {status}: {self.detail}".rstrip(": ")
        else:  # no HTTP answer at all (connection refused, DNS, TLS...)
            message = f"{self._party}: {self.detail or 'no answer'}"
        super().__init__(message)

    _party = "server"

    def __reduce__(self) -> tuple[type[_HttpStatusError], tuple[int, str]]:
        return (type(self), (self.status, self.detail))


class GatewayError(_HttpStatusError):
    """The AI gateway answered with an error status, or could not be reached (status 0)."""

    _party = "AI gateway"


class InstanceError(_HttpStatusError):
    """The GitLab instance answered with an error status, or could not be reached (status 0)."""

    _party = "GitLab instance"


class SuggestionTimeout(GitLabLspError):
    """No route produced a suggestion within its time limit."""


# --- local configuration -----------------------------------------------------------------


class NoKeyringBackend(GitLabLspError):
    """No usable system keyring: tokens can only come from an argument or `GITLAB_TOKEN`."""


class ConfigurationError(GitLabLspError):
    """A setting is unusable (bad URL, unreadable CA bundle...)."""


__all__ = [
    "ConfigurationError",
    "DirectAccessDisabled",
    "GatewayError",
    "GitLabLspError",
    "InstanceError",
    "NoDuoSeat",
    "NoKeyringBackend",
    "RateLimited",
    "SuggestionTimeout",
    "TokenError",
    "TokenExpired",
    "TokenInvalid",
    "TokenMissing",
    "TokenScopeMissing",
    "scrub",
]
