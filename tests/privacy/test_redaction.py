"""What redaction guarantees beyond finding each family: positions, look-alikes, odd input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gitlab_lsp.privacy import find_secrets, redact, redact_around_cursor

from .fakes import ALNUM, B64URL, chars, jwt, pem_block


def _pat() -> str:
    return "glpat-" + chars(B64URL, 20)


def test_text_without_secrets_comes_back_identical() -> None:
    text = "def add(a, b):\n    return a + b\n"
    assert redact(text) is text


def test_lines_and_columns_survive_a_multiline_key() -> None:
    text = f"a = 1\nKEY = '''\n{pem_block()}\n'''\nb = 2  # é\n"
    redacted = redact(text)
    assert len(redacted) == len(text)
    assert [len(line) for line in redacted.splitlines()] == [len(x) for x in text.splitlines()]
    assert redacted.endswith("b = 2  # é\n")
    assert "PRIVATE KEY" not in redacted


def test_utf16_offsets_after_astral_characters_are_unchanged() -> None:
    # The editor counts UTF-16 units; masking ASCII secrets keeps code-point and UTF-16 offsets.
    text = f"s = '😀😀'; token = '{_pat()}'; cursor_here"
    redacted = redact(text)
    assert redacted.encode("utf-16-le").index("cursor_here".encode("utf-16-le")) == text.encode(
        "utf-16-le"
    ).index("cursor_here".encode("utf-16-le"))


def test_lowercasing_that_changes_length_does_not_shift_case_insensitive_rules() -> None:
    # 'İ'.lower() is two code points: the folded rules must fall back to the original text.
    secret = chars(ALNUM, 30)
    text = f"# İİİ\nAuthorization: Basic {secret}\n"
    start = text.index(secret)
    assert redact(text) == text[:start] + "*" * len(secret) + text[start + len(secret) :]


def test_adjacent_and_overlapping_secrets_are_masked_once() -> None:
    token = jwt()
    text = f"Authorization: Bearer {token}"
    redacted = redact(text)
    assert redacted == "Authorization: Bearer " + "*" * len(token)
    assert len(find_secrets(text)) == 1


def test_a_secret_the_cursor_sits_inside_is_masked_on_both_sides() -> None:
    pat = _pat()
    above, below = f'TOKEN = "{pat[:12]}', f'{pat[12:]}"\nprint(TOKEN)\n'
    assert redact(above) == above  # alone, neither half is a token
    masked_above, masked_below = redact_around_cursor(above, below)
    assert masked_above == 'TOKEN = "' + "*" * 12
    assert masked_below == "*" * (len(pat) - 12) + '"\nprint(TOKEN)\n'


def test_a_match_never_shows_the_secret() -> None:
    pat = _pat()
    (match,) = find_secrets(f"x = '{pat}'")
    assert pat not in repr(match) and pat not in str(match)


LOOK_ALIKES = [
    'password = "${DB_PASSWORD}"',
    "password = os.environ['DB_PASSWORD']",
    'api_key = "your-api-key-here"',
    'token = f"Bearer {token}"',
    "headers = {'Authorization': f'Bearer {self._token}'}",
    'token_type = "bearer_token_v2"',
    "max_tokens = 4096",
    'secret_name = "prod/db/credentials-2024"',
    'PASSWORD_FIELD = "password_confirmation"',
    "postgres://user:password@localhost/db",
    "https://user:${PASS}@example.com",
    'tokenizer = "bert-base-uncased-v2"',
    "AWS_ACCESS_KEY_ID=" + "AKIA" + "IOSFODNN7" + "EXAMPLE",
    "SECRET_KEY = settings.SECRET_KEY_FALLBACK2",
    "authorization = self.headers.get('authorization')",
    "The file starts with -----BEGIN RSA PRIVATE KEY----- and ends with -----END RSA PRIVATE KEY-----.",
    'style = {Token.Prompt: "#ansibrightgreen"}',
    'if token == "abcdef123456":',
    "https://gitlab.com/oauth/authorize?client_id=abc&redirect_uri=https%3A%2F%2Fx&state=s",
    "GET /api/v4/projects?private_token=$GITLAB_TOKEN&per_page=100",
]


def test_look_alikes_in_ordinary_code_are_left_alone() -> None:
    flagged = {text: find_secrets(text) for text in LOOK_ALIKES}
    assert {text: m for text, m in flagged.items() if m} == {}


@given(
    before=st.text(max_size=200),
    after=st.text(max_size=200),
    secret=st.sampled_from([_pat(), jwt(), pem_block(), "ghp_" + chars(ALNUM, 36)]),
)
def test_redaction_only_ever_replaces_characters_with_the_mask(
    before: str, after: str, secret: str
) -> None:
    text = f"{before} {secret} {after}"
    redacted = redact(text)
    assert len(redacted) == len(text)
    assert secret not in redacted
    for original, masked in zip(text, redacted, strict=True):
        assert masked == original or (masked == "*" and original not in "\r\n")
