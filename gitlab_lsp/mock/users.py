"""The instance's seeded users and personal access tokens, one token per role tests need."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import time
from dataclasses import dataclass, field

#: Scopes that let a PAT use Code Suggestions.
CODE_SUGGESTIONS_SCOPES = ("api", "ai_features")
#: Lifetime of GitLab's OAuth access tokens (seconds).
OAUTH_LIFETIME = 7200


@dataclass(frozen=True)
class User:
    id: int
    username: str
    name: str
    global_user_id: str
    has_duo_seat: bool

    def as_api(self, instance_url: str) -> dict[str, object]:
        return {
            "id": self.id,
            "username": self.username,
            "name": self.name,
            "state": "active",
            "locked": False,
            "avatar_url": None,
            "web_url": f"{instance_url}/{self.username}",
        }


@dataclass(frozen=True)
class PersonalAccessToken:
    id: int
    name: str
    token: str
    user: User
    scopes: tuple[str, ...]
    created_at: dt.date
    expires_at: dt.date | None

    @property
    def expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= dt.datetime.now(dt.UTC).date()

    def as_api(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "revoked": False,
            "created_at": f"{self.created_at.isoformat()}T00:00:00.000Z",
            "scopes": list(self.scopes),
            "user_id": self.user.id,
            "last_used_at": None,
            "active": not self.expired,
            "expires_at": self.expires_at.isoformat() if self.expires_at else None,
        }


@dataclass
class OAuthToken:
    """An OAuth access token, as GitLab's editor plugins obtain by signing in.

    Its expiry moves (the control surface sets it), so it is not frozen like a PAT.
    """

    id: int
    token: str
    user: User
    scopes: tuple[str, ...]
    created_at: float = field(default_factory=time.time)
    expires_at: float = 0.0

    def __post_init__(self) -> None:
        if not self.expires_at:
            self.expires_at = self.created_at + OAUTH_LIFETIME

    @property
    def expired(self) -> bool:
        return time.time() >= self.expires_at

    def expires_in(self) -> int:
        return max(0, int(self.expires_at - time.time()))

    def as_token_info(self) -> dict[str, object]:
        """`GET /oauth/token/info`, as GitLab (Doorkeeper) answers it."""
        left = self.expires_in()
        return {
            "resource_owner_id": self.user.id,
            "scope": list(self.scopes),
            "scopes": list(self.scopes),
            "expires_in": left,
            "expires_in_seconds": left,
            "application": {"uid": "mock-editor-extension"},
            "created_at": int(self.created_at),
        }


#: What authenticates a request to the instance.
Credential = PersonalAccessToken | OAuthToken


def _new_pat() -> str:
    return "glpat-" + secrets.token_urlsafe(15)[:20]


class Directory:
    """Users and tokens; tokens are fresh for every stack so that none is worth stealing."""

    def __init__(self, instance_id: str) -> None:
        def global_id(user_id: int) -> str:
            return hashlib.sha256(f"{instance_id}:{user_id}".encode()).hexdigest()[:32]

        self.duo_user = User(1, "duo-developer", "Duo Developer", global_id(1), True)
        self.seatless_user = User(2, "no-seat-developer", "No Seat Developer", global_id(2), False)
        today = dt.datetime.now(dt.UTC).date()
        in_a_year = today + dt.timedelta(days=365)
        self._tokens: dict[str, PersonalAccessToken] = {}
        self.by_role: dict[str, PersonalAccessToken] = {}
        specs = [
            ("duo", self.duo_user, ("api",), in_a_year),
            ("no_seat", self.seatless_user, ("api",), in_a_year),
            ("expired", self.duo_user, ("api",), today - dt.timedelta(days=1)),
            ("no_scope", self.duo_user, ("read_user",), in_a_year),
        ]
        for index, (role, user, scopes, expires) in enumerate(specs, start=1):
            pat = PersonalAccessToken(
                id=index,
                name=f"mock-{role}",
                token=_new_pat(),
                user=user,
                scopes=scopes,
                created_at=today - dt.timedelta(days=30),
                expires_at=expires,
            )
            self._tokens[pat.token] = pat
            self.by_role[role] = pat

        self.oauth = OAuthToken(
            id=1, token=secrets.token_hex(32), user=self.duo_user, scopes=("api",)
        )

    def find(self, token: str) -> Credential | None:
        if token == self.oauth.token:
            return self.oauth
        return self._tokens.get(token)

    def reset(self) -> None:
        """Back to a fresh OAuth token lifetime (the PATs never change)."""
        self.oauth.created_at = time.time()
        self.oauth.expires_at = self.oauth.created_at + OAUTH_LIFETIME

    def tokens(self) -> dict[str, str]:
        return {
            **{role: pat.token for role, pat in self.by_role.items()},
            "oauth": self.oauth.token,
        }
