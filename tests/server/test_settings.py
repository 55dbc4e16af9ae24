"""Settings: official keys parsed into typed values; a bad update is rejected as a whole."""

from __future__ import annotations

import pytest

from gitlab_lsp.server.settings import (
    InvalidSettings,
    Settings,
    SettingsStore,
    parse_settings,
    unwrap,
)


def test_official_keys_are_parsed() -> None:
    raw = {
        "baseUrl": "https://gitlab.example.com/",
        "token": "glpat-abcdefghijklmnopqrst",
        "projectPath": "group/project",
        "codeCompletion": {
            "enabled": False,
            "enableSecretRedaction": False,
            "additionalLanguages": ["vue"],
            "disabledSupportedLanguages": ["python"],
        },
        "telemetry": {"enabled": False, "trackingUrl": "https://snowplow.example.com"},
        "featureFlags": {"streamCodeGenerations": True},
        "logLevel": "debug",
        "ignoreCertificateErrors": True,
        "suggestionsCache": {"enabled": False, "maxSize": 5, "ttl": 10_000},
    }
    s = parse_settings(raw, Settings())
    assert s.base_url == "https://gitlab.example.com"
    assert s.token == "glpat-abcdefghijklmnopqrst"
    assert s.project_path == "group/project"
    assert not s.code_completion.enabled
    assert not s.code_completion.enable_secret_redaction
    assert s.code_completion.additional_languages == ("vue",)
    assert s.code_completion.disabled_supported_languages == ("python",)
    assert not s.telemetry.enabled
    assert s.stream_code_generations
    assert s.log_level == "debug"
    assert s.ignore_certificate_errors
    assert (s.suggestions_cache.enabled, s.suggestions_cache.max_size) == (False, 5)
    assert s.suggestions_cache.ttl == 10.0


def test_update_keeps_keys_it_does_not_mention() -> None:
    base = parse_settings({"token": "glpat-abcdefghijklmnopqrst", "logLevel": "debug"}, Settings())
    s = parse_settings({"codeCompletion": {"debounceMs": 0}}, base)
    assert s.token == base.token and s.log_level == "debug"
    assert s.code_completion.debounce_ms == 0
    assert s.code_completion.enabled  # untouched key of a touched section


def test_debounce_is_adaptive_unless_set() -> None:
    assert Settings().code_completion.debounce_ms is None
    fixed = parse_settings({"codeCompletion": {"debounceMs": 250}}, Settings())
    assert fixed.code_completion.debounce_ms == 250
    back = parse_settings({"codeCompletion": {"debounceMs": None}}, fixed)
    assert back.code_completion.debounce_ms is None
    with pytest.raises(InvalidSettings):
        parse_settings({"codeCompletion": {"debounceMs": "soon"}}, Settings())


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ({"baseUrl": "gitlab.com"}, "baseUrl"),
        ({"baseUrl": 3}, "baseUrl"),
        ({"token": "two words"}, "token"),
        ({"logLevel": "loud"}, "logLevel"),
        ({"codeCompletion": {"enabled": "yes"}}, "codeCompletion.enabled"),
        ({"codeCompletion": []}, "codeCompletion"),
        ({"codeCompletion": {"additionalLanguages": "vue"}}, "codeCompletion.additionalLanguages"),
        ({"suggestionsCache": {"maxSize": 0}}, "suggestionsCache.maxSize"),
        ({"suggestionsCache": {"maxSize": 2.5}}, "suggestionsCache.maxSize"),
        ({"suggestionsCache": {"ttl": -1}}, "suggestionsCache.ttl"),
        ({"httpAgentOptions": {"ca": "/nonexistent/ca.pem"}}, "httpAgentOptions.ca"),
        ({"featureFlags": {"streamCodeGenerations": 1}}, "featureFlags.streamCodeGenerations"),
    ],
)
def test_bad_values_name_their_key(raw: dict[str, object], key: str) -> None:
    with pytest.raises(InvalidSettings) as info:
        parse_settings(raw, Settings())
    assert [p.key for p in info.value.problems] == [key]


def test_bad_update_changes_nothing_and_reports_every_problem() -> None:
    store = SettingsStore(Settings(token="glpat-abcdefghijklmnopqrst"))
    seen: list[Settings] = []
    store.subscribe(lambda _old, new: seen.append(new))
    with pytest.raises(InvalidSettings) as info:
        store.update({"baseUrl": "https://ok.example.com", "logLevel": 5, "token": 7})
    assert {p.key for p in info.value.problems} == {"logLevel", "token"}
    assert store.current == Settings(token="glpat-abcdefghijklmnopqrst")
    assert seen == []


def test_listeners_hear_only_real_changes() -> None:
    store = SettingsStore(Settings())
    seen: list[tuple[str, str]] = []
    store.subscribe(lambda old, new: seen.append((old.log_level, new.log_level)))
    store.update({"logLevel": "info"})
    store.update({"logLevel": "debug"})
    assert seen == [("info", "debug")]


def test_token_is_not_in_repr() -> None:
    assert "glpat" not in repr(Settings(token="glpat-abcdefghijklmnopqrst"))


def test_settings_are_found_under_a_gitlab_section() -> None:
    assert unwrap({"gitlab": {"baseUrl": "https://x.example"}}) == {"baseUrl": "https://x.example"}
    assert unwrap({"baseUrl": "https://x.example"}) == {"baseUrl": "https://x.example"}
    assert unwrap(None) is None
    assert unwrap([1]) is None


def test_unknown_keys_are_ignored() -> None:
    assert parse_settings({"somethingElse": 1}, Settings()) == Settings()


def test_empty_url_and_token_mean_the_starting_defaults() -> None:
    store = SettingsStore(
        Settings(base_url="http://127.0.0.1:9999", token="glpat-mockmockmockmock")
    )
    store.update({"baseUrl": "https://gitlab.example.com", "token": "glpat-otherotherother"})
    assert store.current.base_url == "https://gitlab.example.com"
    store.update({"baseUrl": "", "token": ""})
    assert store.current.base_url == "http://127.0.0.1:9999"
    assert store.current.token == "glpat-mockmockmockmock"


def test_official_cache_defaults_are_accepted() -> None:
    """The official server's defaults: ttl in milliseconds, a large maxSize."""
    s = parse_settings({"suggestionsCache": {"maxSize": 1024 * 1024, "ttl": 60_000}}, Settings())
    assert s.suggestions_cache.ttl == 60.0
    assert s.suggestions_cache.max_size == 10_000
