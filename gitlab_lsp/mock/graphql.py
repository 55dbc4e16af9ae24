"""`POST /api/graphql`: the part of GitLab's GraphQL API that editor plugins query.

GitLab's own language server and plugins ask, at start and after a settings change:
`currentUser { duoCodeSuggestionsAvailable duoChatAvailable id username name }`,
`project(fullPath:) { duoFeaturesEnabled id fullPath name }` (the query they name `GetProject`),
`featureFlagEnabled(name:)` for `advanced_context_resolver`, `code_suggestions_context` and
`duo_additional_context`, `user(username:)` / `user(id:)`, and `metadata { version }`.
Queries are parsed for real (operations, variables, aliases, fragments-free selections), so
any client's text works; what the schema here does not have is answered as GitLab does, with
HTTP 200 and `{"errors": [{"message": ...}]}`, never a 404. Variables may come as an object
or as a JSON string (GitLab's Neovim plugin sends a string), as GitLab accepts both.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from gitlab_lsp.mock.state import MockState
from gitlab_lsp.mock.users import Credential, Directory, User

_TOKEN = re.compile(
    r"\s*(?:(?P<comment>#[^\n]*)|(?P<punct>\.\.\.|[{}()\[\]:!$=@,])|(?P<name>[_A-Za-z][_0-9A-Za-z]*)"
    r'|(?P<string>"(?:[^"\\]|\\.)*")|(?P<number>-?\d+(?:\.\d+)?))'
)


class GraphQLError(Exception):
    """A request GitLab would answer with `{"errors": [...]}`."""


@dataclass
class Field:
    name: str
    alias: str
    arguments: dict[str, Any] = field(default_factory=dict)
    selections: list[Field] | None = None


class _Parser:
    """Just enough of GraphQL's grammar for operations with arguments and nested selections."""

    def __init__(self, text: str, variables: Mapping[str, Any]) -> None:
        self.tokens: list[str] = []
        position = 0
        while position < len(text):
            if text[position:].strip(" \t\r\n,") == "":
                break
            match = _TOKEN.match(text, position)
            if match is None or match.end() == position:
                raise GraphQLError(f"Parse error on {text[position : position + 10].strip()!r}")
            position = match.end()
            if match.group("comment") is None:
                self.tokens.append(match.group().strip())
        self.tokens = [t for t in self.tokens if t != ","]
        self.at = 0
        self.variables = variables

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise GraphQLError(f"Parse error on {token or 'end of query'!r}")
        self.at += 1
        return token

    def document(self) -> list[Field]:
        if self.peek() == "{":
            return self.selection_set()
        kind = self.take()
        if kind != "query":
            raise GraphQLError(f"Only queries are supported here, not {kind!r}")
        if self.peek() not in ("{", "(", None):
            self.take()  # the operation's name
        if self.peek() == "(":
            while self.take() != ")":
                pass  # variable definitions: the values come from `variables`
        fields = self.selection_set()
        if self.peek() is not None:
            raise GraphQLError("Only one operation per request is supported here")
        return fields

    def selection_set(self) -> list[Field]:
        self.take("{")
        fields: list[Field] = []
        while self.peek() != "}":
            fields.append(self.field())
        self.take("}")
        return fields

    def field(self) -> Field:
        name = self.take()
        alias = name
        if self.peek() == ":":
            self.take(":")
            name = self.take()
        result = Field(name=name, alias=alias)
        if self.peek() == "(":
            self.take("(")
            while self.peek() != ")":
                key = self.take()
                self.take(":")
                result.arguments[key] = self.value()
            self.take(")")
        if self.peek() == "{":
            result.selections = self.selection_set()
        return result

    def value(self) -> Any:
        token = self.take()
        if token == "$":
            name = self.take()
            return self.variables.get(name)
        if token.startswith('"'):
            return json.loads(token)
        if token in ("true", "false"):
            return token == "true"
        if token == "null":
            return None
        if re.fullmatch(r"-?\d+", token):
            return int(token)
        return token  # an enum value


@dataclass(frozen=True)
class Viewer:
    """Who asks (None: anonymous) and the instance they ask."""

    credential: Credential | None
    directory: Directory
    state: MockState
    instance_url: str


Resolver = Callable[[Viewer, Field], Any]


def _object(type_name: str, values: Mapping[str, Any], selection: Field) -> dict[str, Any]:
    if selection.selections is None:
        raise GraphQLError(f"Field must have selections ({type_name} '{selection.name}')")
    out: dict[str, Any] = {}
    for sub in selection.selections:
        if sub.name == "__typename":
            out[sub.alias] = type_name
        elif sub.name in values:
            out[sub.alias] = values[sub.name]
        else:
            raise GraphQLError(f"Field '{sub.name}' doesn't exist on type '{type_name}'")
    return out


def _user_values(user: User, viewer: Viewer) -> dict[str, Any]:
    return {
        "id": f"gid://gitlab/User/{user.id}",
        "username": user.username,
        "name": user.name,
        "webUrl": f"{viewer.instance_url}/{user.username}",
        "state": "active",
    }


def _current_user(viewer: Viewer, selection: Field) -> Any:
    if viewer.credential is None:
        return None
    user = viewer.credential.user
    values = {
        **_user_values(user, viewer),
        "duoCodeSuggestionsAvailable": user.has_duo_seat,
        "duoChatAvailable": user.has_duo_seat,
    }
    return _object("CurrentUser", values, selection)


def _user(viewer: Viewer, selection: Field) -> Any:
    wanted_id = selection.arguments.get("id")
    wanted_name = selection.arguments.get("username")
    for user in (viewer.directory.duo_user, viewer.directory.seatless_user):
        if wanted_name == user.username or wanted_id == f"gid://gitlab/User/{user.id}":
            return _object("UserCore", _user_values(user, viewer), selection)
    return None


def _project(viewer: Viewer, selection: Field) -> Any:
    path = selection.arguments.get("fullPath")
    if not isinstance(path, str) or not path:
        raise GraphQLError("Variable $fullPath of type ID! was provided invalid value")
    values = {
        "id": f"gid://gitlab/Project/{zlib.crc32(path.encode()) % 100_000}",
        "fullPath": path,
        "name": path.rsplit("/", 1)[-1],
        "duoFeaturesEnabled": True,
    }
    return _object("Project", values, selection)


def _feature_flag(viewer: Viewer, selection: Field) -> Any:
    name = selection.arguments.get("name")
    if not isinstance(name, str):
        raise GraphQLError("Argument 'name' on Field 'featureFlagEnabled' has an invalid value")
    return bool(viewer.state.feature_flags.get(name, False))


def _metadata(viewer: Viewer, selection: Field) -> Any:
    values = {"version": viewer.state.gitlab_version, "revision": "mock", "enterprise": True}
    return _object("Metadata", values, selection)


ROOT_FIELDS: dict[str, Resolver] = {
    "currentUser": _current_user,
    "user": _user,
    "project": _project,
    "featureFlagEnabled": _feature_flag,
    "metadata": _metadata,
}


def execute(query: str, variables: Mapping[str, Any], viewer: Viewer) -> dict[str, Any]:
    """The response body for one query: `{"data": ...}` or `{"errors": [...]}`."""
    try:
        fields = _Parser(query, variables).document()
        data: dict[str, Any] = {}
        for selection in fields:
            resolver = ROOT_FIELDS.get(selection.name)
            if resolver is None:
                raise GraphQLError(f"Field '{selection.name}' doesn't exist on type 'Query'")
            data[selection.alias] = resolver(viewer, selection)
    except GraphQLError as exc:
        return {"errors": [{"message": str(exc)}]}
    return {"data": data}


async def respond(request: Request, viewer: Viewer) -> Response:
    """Answer one `POST /api/graphql` (bad JSON or no query: GraphQL's error shape too)."""
    try:
        body = json.loads(await request.body() or b"null")
    except (ValueError, UnicodeDecodeError):
        return JSONResponse({"errors": [{"message": "Invalid JSON in request body"}]})
    query = body.get("query") if isinstance(body, dict) else None
    if not isinstance(query, str) or not query.strip():
        return JSONResponse({"errors": [{"message": "No query string was present"}]})
    variables = body.get("variables")
    if isinstance(variables, str):
        try:
            variables = json.loads(variables) if variables.strip() else {}
        except ValueError:
            return JSONResponse({"errors": [{"message": "Variables are invalid JSON"}]})
    if variables is None:
        variables = {}
    if not isinstance(variables, dict):
        return JSONResponse({"errors": [{"message": "Variables must be an object"}]})
    return JSONResponse(execute(query, variables, viewer))
