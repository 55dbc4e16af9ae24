"""The instance's seeded users and personal access tokens, one token per role tests need."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

#: Scopes that let a PAT use Code Suggestions.
CODE_SUGGESTIONS_SCOPES = ("api", "ai_features")


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

    def find(self, token: str) -> PersonalAccessToken | None:
        return self._tokens.get(token)

    def tokens(self) -> dict[str, str]:
        return {role: pat.token for role, pat in self.by_role.items()}
