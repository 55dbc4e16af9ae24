"""The token store against an in-memory stand-in for the operating system's keyring."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from gitlab_lsp import credentials
from gitlab_lsp.errors import ConfigurationError, NoKeyringBackend

TOKEN = "glpat-" + "".join(chr(ord("a") + i % 26) for i in range(20))


class MemoryKeyring(KeyringBackend):
    """The OS credential store, reduced to a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("the collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError(f"D-Bus refused to store {password}")


class PlaintextKeyring(MemoryKeyring):
    """Poses as keyrings.alt's file backend, which writes secrets unencrypted."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


class EmptyChain(chainer.ChainerBackend):
    backends: tuple[KeyringBackend, ...] = ()


@pytest.fixture
def use_keyring() -> Iterator[None]:
    """Whatever a test installs, the process's own keyring comes back afterwards."""
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def store(use_keyring: None) -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


def test_round_trip_uses_one_entry_per_normalised_instance(store: MemoryKeyring) -> None:
    credentials.set_token("https://GitLab.Example.com:443/", TOKEN)
    assert store.entries == {("gitlab-lsp", "https://gitlab.example.com"): TOKEN}
    assert credentials.get_token("https://gitlab.example.com") == TOKEN
    assert credentials.get_token("https://gitlab.example.com/sub") is None
    assert credentials.delete_token("https://gitlab.example.com/") is True
    assert credentials.get_token("https://gitlab.example.com") is None
    assert credentials.delete_token("https://gitlab.example.com") is False


def test_instances_do_not_share_tokens(store: MemoryKeyring) -> None:
    credentials.set_token("https://gitlab.com", TOKEN)
    credentials.set_token("http://localhost:8080/gitlab", TOKEN[::-1])
    assert credentials.get_token("https://gitlab.com") == TOKEN
    assert credentials.get_token("http://LOCALHOST:8080/gitlab/") == TOKEN[::-1]
    assert len(store.entries) == 2


@pytest.mark.parametrize(
    ("given", "normal"),
    [
        ("https://gitlab.com", "https://gitlab.com"),
        ("HTTPS://GITLAB.COM/", "https://gitlab.com"),
        ("  https://gitlab.com:443  ", "https://gitlab.com"),
        ("http://gitlab.local:80/", "http://gitlab.local"),
        ("https://gitlab.local:8443/a/b/", "https://gitlab.local:8443/a/b"),
        ("https://user:pw@gitlab.local/?q=1#f", "https://gitlab.local"),
        ("https://[::1]:3000", "https://[::1]:3000"),
    ],
)
def test_normalise_instance_url(given: str, normal: str) -> None:
    assert credentials.normalise_instance_url(given) == normal


@pytest.mark.parametrize("bad", ["gitlab.com", "ftp://gitlab.com", "https://", "https://h:99999"])
def test_bad_instance_urls_are_configuration_errors(bad: str, store: MemoryKeyring) -> None:
    with pytest.raises(ConfigurationError):
        credentials.get_token(bad)


@pytest.mark.parametrize("bad", ["", "   ", "two words"])
def test_blank_or_multiword_tokens_are_refused(bad: str, store: MemoryKeyring) -> None:
    with pytest.raises(ConfigurationError):
        credentials.set_token("https://gitlab.com", bad)
    assert store.entries == {}


@pytest.mark.parametrize(
    "backend", [fail.Keyring(), null.Keyring(), EmptyChain()], ids=["fail", "null", "empty-chain"]
)
def test_no_usable_backend_names_the_alternatives(
    backend: KeyringBackend, use_keyring: None
) -> None:
    keyring.set_keyring(backend)
    for call in (
        lambda: credentials.get_token("https://gitlab.com"),
        lambda: credentials.set_token("https://gitlab.com", TOKEN),
        lambda: credentials.delete_token("https://gitlab.com"),
    ):
        with pytest.raises(NoKeyringBackend) as caught:
            call()
        message = str(caught.value)
        for alternative in (
            "GITLAB_TOKEN",
            "`token` argument of",
            "`token` setting",
            "Secret Service",
            "KWallet",
        ):
            assert alternative in message
        assert "keyrings.alt" not in message


def test_a_plaintext_file_backend_is_never_written(use_keyring: None) -> None:
    backend = PlaintextKeyring()
    keyring.set_keyring(backend)
    with pytest.raises(NoKeyringBackend, match="unencrypted file"):
        credentials.set_token("https://gitlab.com", TOKEN)
    assert backend.entries == {}


def test_backend_failures_become_no_keyring_backend_without_the_token(
    use_keyring: None,
) -> None:
    keyring.set_keyring(LockedKeyring())
    with pytest.raises(NoKeyringBackend, match="KeyringLocked: the collection is locked"):
        credentials.get_token("https://gitlab.com")
    opaque = "x" * 8 + "Opaque0Token1Value"
    with pytest.raises(NoKeyringBackend) as caught:
        credentials.set_token("https://gitlab.com", opaque)
    assert opaque not in str(caught.value) and "PasswordSetError" in str(caught.value)


def test_backend_name(store: MemoryKeyring, use_keyring: None) -> None:
    assert credentials.keyring_backend_name() == f"{__name__}.MemoryKeyring"
    keyring.set_keyring(EmptyChain())
    assert credentials.keyring_backend_name() == "chainer()"
