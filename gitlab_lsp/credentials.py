"""The token store: one system-keyring entry per GitLab instance.

The entry's service is `gitlab-lsp` and its username the normalised instance URL, so
`https://GitLab.example.com:443/` and `https://gitlab.example.com` share one token while two
instances never do. Tokens live only in the operating system's credential store: when none is
usable (a headless Linux box has no Secret Service), or the configured one writes plain files,
we refuse with `NoKeyringBackend` and name the other ways to pass a token, rather than fall
back to a file.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from gitlab_lsp.errors import ConfigurationError, NoKeyringBackend

SERVICE = "gitlab-lsp"

_DEFAULT_PORTS = {"http": 80, "https": 443}

# Backends that store secrets unencrypted in a file: (module, class name).
_PLAINTEXT_BACKENDS = frozenset({("keyrings.alt.file", "PlaintextKeyring")})

_ALTERNATIVES = (
    "Pass the token another way: the GITLAB_TOKEN environment variable, the `token` argument of "
    "CodeSuggestions in a script, "
    "or the editor's `token` setting. To store it, run a system keyring service: the Secret "
    "Service (GNOME Keyring, KeePassXC) or KWallet on Linux, Keychain on macOS, Credential "
    "Manager on Windows, or configure `keyring` with an encrypted backend."
)


def normalise_instance_url(instance_url: str) -> str:
    """`HTTPS://GitLab.example.com:443/gitlab/` -> `https://gitlab.example.com/gitlab`.

    Scheme and host are case-insensitive and default ports and trailing slashes carry no
    meaning, so they are dropped; a path is kept (GitLab can live under a relative URL).
    Credentials, queries and fragments are not part of an instance's identity.
    """
    parts = urlsplit(instance_url.strip())
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise ConfigurationError(
            f"not a GitLab instance URL: {instance_url!r} (expected http(s)://host[/path])"
        )
    try:
        port = parts.port
    except ValueError as exc:
        raise ConfigurationError(f"bad port in instance URL {instance_url!r}") from exc
    host = parts.hostname
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return f"{scheme}://{netloc}{parts.path.rstrip('/')}"


def _describe(backend: KeyringBackend) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def _chained(backend: KeyringBackend) -> list[KeyringBackend]:
    return list(backend.backends) if isinstance(backend, chainer.ChainerBackend) else [backend]


def keyring_backend_name() -> str:
    """The backend `keyring` would use, e.g. `keyring.backends.SecretService.Keyring`.

    A chain of backends is shown as `chainer(first, second)`; `fail.Keyring` or an empty chain
    means there is none.
    """
    backend = keyring.get_keyring()
    if isinstance(backend, chainer.ChainerBackend):
        return "chainer(" + ", ".join(_describe(b) for b in _chained(backend)) + ")"
    return _describe(backend)


def _usable_backend() -> KeyringBackend:
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring) or not _chained(backend):
        raise NoKeyringBackend(
            f"No usable system keyring ({keyring_backend_name()}), so the GitLab token cannot "
            f"be stored or read from one. {_ALTERNATIVES}"
        )
    return backend


def _failure(
    action: str, exc: keyring.errors.KeyringError, token: str | None = None
) -> NoKeyringBackend:
    # The backend's own words (locked, D-Bus down...) help; `NoKeyringBackend` scrubs known
    # token formats from them, and an opaque token we were given is cut out here.
    reason = str(exc).replace(token, "[REDACTED]") if token else str(exc)
    return NoKeyringBackend(
        f"The system keyring ({keyring_backend_name()}) could not {action}: "
        f"{type(exc).__name__}: {reason}. {_ALTERNATIVES}"
    )


def get_token(instance_url: str) -> str | None:
    """The token stored for the instance, or None when there is none."""
    username = normalise_instance_url(instance_url)
    backend = _usable_backend()
    try:
        return backend.get_password(SERVICE, username) or None
    except keyring.errors.KeyringError as exc:
        raise _failure("read the token", exc) from None


def set_token(instance_url: str, token: str) -> None:
    """Store (or replace) the instance's token in the system keyring."""
    username = normalise_instance_url(instance_url)
    token = token.strip()
    if not token or any(c.isspace() for c in token):
        raise ConfigurationError("a GitLab token is a single word; refusing to store this value")
    backend = _usable_backend()
    writer = _chained(backend)[0]
    if (type(writer).__module__, type(writer).__name__) in _PLAINTEXT_BACKENDS:
        raise NoKeyringBackend(
            f"The configured keyring ({_describe(writer)}) writes secrets to an unencrypted "
            f"file; gitlab-lsp will not store a token there. {_ALTERNATIVES}"
        )
    try:
        backend.set_password(SERVICE, username, token)
    except keyring.errors.KeyringError as exc:
        raise _failure("store the token", exc, token) from None


def delete_token(instance_url: str) -> bool:
    """Forget the instance's token; False when there was none to forget."""
    username = normalise_instance_url(instance_url)
    backend = _usable_backend()
    try:
        if backend.get_password(SERVICE, username) is None:
            return False
        backend.delete_password(SERVICE, username)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as exc:
        raise _failure("delete the token", exc) from None
    return True


__all__ = [
    "SERVICE",
    "delete_token",
    "get_token",
    "keyring_backend_name",
    "normalise_instance_url",
    "set_token",
]
