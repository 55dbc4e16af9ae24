"""The secret-detection rules, gitleaks-style: token families and the patterns that find them.

A family may need more than one pattern (Stripe's `sk_` and `rk_` keys scan faster apart),
and one pattern may cover several families (GitLab's `gl<kind>-` prefixes share a scan and
report their family from the `kind` group). Each pattern is written from the provider's public description of its token format. Speed
comes from how the patterns start: Python's `re` scans for a literal prefix almost as fast
as `str.find`, but tries every position for a pattern that starts with a class, an
alternation or a look-behind. So token patterns start with their literal prefix and check
the word boundary with a look-behind *after* it; case-insensitive rules run on the lowercased
text (`fold_case`); keyword rules start at the assignment operator and look back for the key
(`context`); the few patterns without a literal start run only when a `keyword` is present.

When a pattern has a group named `secret`, only that group is masked (the password of a URI,
the value of an assignment); the rest of the match is context that stays readable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from gitlab_lsp.privacy.entropy import is_placeholder, plausible_secret, plausible_unquoted_secret

#: Decides whether a candidate is a secret: its text, and the match of the rule's context.
Check = Callable[[str, "re.Match[str] | None"], bool]

#: How far before a candidate (within its line) a rule's `context` pattern looks, by default:
#: enough for a key name and its operator, and short, because the search is unanchored.
CONTEXT_WINDOW = 96


@dataclass(frozen=True, slots=True)
class Rule:
    """One token family: how to find it and, optionally, how to reject look-alikes."""

    id: str
    description: str
    pattern: re.Pattern[str]
    #: The rule runs only if one of these (lowercase) occurs in the lowercased text.
    keywords: tuple[str, ...] = ()
    #: `pattern` is lowercase and runs on the lowercased text (see `folded_pattern`).
    fold_case: bool = False
    #: Searched, case-insensitively, in the text before the candidate on the same line.
    context: re.Pattern[str] | None = None
    check: Check | None = field(default=None, repr=False)
    #: Characters before the candidate, on its line, that `context` is searched in.
    context_window: int = CONTEXT_WINDOW
    #: Families that share one pattern (one scan): the `kind` group's text -> rule id.
    kinds: Mapping[str, str] = field(default_factory=dict)

    @property
    def ids(self) -> frozenset[str]:
        """Every rule id this pattern can report."""
        return frozenset(self.kinds.values()) if self.kinds else frozenset({self.id})

    def rule_id_for(self, match: re.Match[str]) -> str:
        """The family of a match: from its `kind` group when the pattern covers several."""
        return self.kinds[match.group("kind")] if self.kinds else self.id

    @property
    def folded_pattern(self) -> re.Pattern[str]:
        """For text whose lowercase form has another length (rare Unicode): slower, same result."""
        return re.compile(self.pattern.pattern, self.pattern.flags | re.IGNORECASE)

    def secret_span(self, match: re.Match[str]) -> tuple[int, int]:
        """The part of `match` to mask: the `secret` group when there is one."""
        if "secret" in self.pattern.groupindex and match.group("secret") is not None:
            return match.span("secret")
        return match.span()


def _rule(
    rule_id: str,
    description: str,
    pattern: str,
    keywords: tuple[str, ...] = (),
    *,
    fold_case: bool = False,
    context: str | None = None,
    check: Check | None = None,
    kinds: Mapping[str, str] | None = None,
    context_window: int = CONTEXT_WINDOW,
) -> Rule:
    return Rule(
        rule_id,
        description,
        re.compile(pattern),
        keywords,
        fold_case,
        re.compile(context, re.IGNORECASE | re.MULTILINE) if context else None,
        check,
        context_window,
        kinds or {},
    )


_END = r"(?![A-Za-z0-9_-])"


def _token(prefix: str, body: str, end: str = _END) -> str:
    """A token that starts with `prefix` (fixed width) not glued to a preceding word."""
    return f"{prefix}(?<![A-Za-z0-9_]{prefix}){body}{end}"


# GitLab's token prefixes (`gl<kind>-`), scanned as one pattern: the rule id for each kind.
_GITLAB_KINDS = {
    "pat": "gitlab-pat",  # personal, project and group access tokens
    "dt": "gitlab-deploy-token",
    "rt": "gitlab-runner-token",  # runner authentication token
    "ptt": "gitlab-pipeline-trigger-token",
    "cbt": "gitlab-ci-job-token",
    "oas": "gitlab-oauth-app-secret",
    "soat": "gitlab-scim-token",
    "ft": "gitlab-feed-token",
    "imt": "gitlab-incoming-mail-token",
    "agent": "gitlab-agent-token",  # Kubernetes agent
    "ffct": "gitlab-feature-flag-token",  # feature flags client
}


# Key names that say "secret", and endings that say the key is only *about* one.
_SECRET_KEY = (
    r"(?:api[_.-]?key|apikey|api[_.-]?secret|client[_.-]?secret|secret|passw(?:or)?d|pwd"
    r"|token|auth[_.-]?key|access[_.-]?key|private[_.-]?key|credentials?|passphrase)"
)
_NOT_A_SECRET_KEY = re.compile(
    r"(?:url|uri|endpoint|file|filename|path|dir|name|type|kind|len|length|count|size|limit"
    r"|max|min|prefix|suffix|header|field|env|var|label|hint|format|pattern|regex|re|key_?name"
    r"|ize|izer|ized|izing|ization|used|class|cls|mode|policy|method|ids?_?list)s?$"
)
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{40}")
# What may stand between a key and its value's operator: a closing quote or bracket, blanks,
# and the first half of `:=`, `?=`, `||=`.
_KEY_END = r"[\"'\]]?[ \t]*(?::|\?|\|\|)?\Z"
_KEY = r"(?P<key>" + _SECRET_KEY + r"[\w.-]{0,20})"
# A line that is only `KEY=` / `key:` (`export KEY=`, `- key:` in YAML lists) before the value.
_LINE_KEY = r"^[ \t]*(?:export[ \t]+|-[ \t]+)?[\w.-]{0,40}?" + _KEY + r"[ \t]*\Z"
_QUOTED_VALUE = r"(?:[rRbBuU]{1,2})?(?P<q>[\"'`])(?P<secret>[^\"'`\s\\]{8,256}+)(?P=q)"
_LINE_VALUE = r"(?P<secret>[A-Za-z0-9+/_~!@^*.-][A-Za-z0-9+/=_~!@^*.-]{11,255}+)[ \t]*\r?$"


def _key_is_secret(context: re.Match[str] | None) -> bool:
    return context is not None and not _NOT_A_SECRET_KEY.search(context.group("key").lower())


def _quoted_value_check(value: str, context: re.Match[str] | None) -> bool:
    return _key_is_secret(context) and plausible_secret(value, min_entropy=3.0)


def _unquoted_value_check(value: str, context: re.Match[str] | None) -> bool:
    return _key_is_secret(context) and plausible_unquoted_secret(value, min_entropy=3.3)


def _not_placeholder(value: str, _context: re.Match[str] | None) -> bool:
    # `user:password@host` in documentation, `${DB_PASSWORD}` in templates, `{token}`.
    return not is_placeholder(value)


def _random_looking(value: str, _context: re.Match[str] | None) -> bool:
    return plausible_secret(value, min_entropy=3.0)


def _pem_body(value: str, _context: re.Match[str] | None) -> bool:
    # Documentation names the markers ("the -----BEGIN ... -----END lines"); a key has a body.
    return _BASE64_RUN.search(value) is not None


def _discord_user_id(_value: str, context: re.Match[str] | None) -> bool:
    # The first part is a base64 user id: digits and capitals, unlike a dotted identifier.
    user_id = context.group("id") if context else ""
    return any(c.isdigit() for c in user_id) and any(c.isupper() for c in user_id[1:])


RULES: tuple[Rule, ...] = (
    # --- GitLab ---------------------------------------------------------------------------
    _rule(
        "gitlab-token",
        "GitLab tokens with a `gl<kind>-` prefix (see `_GITLAB_KINDS`); routable tokens "
        "(GitLab 17.x) end in `.<version>.<crc>`",
        r"gl(?<![A-Za-z0-9_]gl)(?P<kind>" + "|".join(_GITLAB_KINDS) + r")-[0-9A-Za-z_-]{20,}"
        r"(?:\.[0-9a-z]{2}\.[0-9a-z]{7,9})?" + _END,
        kinds=_GITLAB_KINDS,
    ),
    _rule(
        "gitlab-runner-registration-token",
        "GitLab runner registration token (`GR1348941`, deprecated)",
        _token("GR1348941", r"[0-9A-Za-z_-]{20}"),
    ),
    _rule(
        "gitlab-token-header",
        "Value of a `PRIVATE-TOKEN`, `JOB-TOKEN` or `DEPLOY-TOKEN` header or parameter",
        r"token[\"']?\s*[:=]\s*[\"']?(?P<secret>[a-z0-9._~+/=-]{8,}+)",
        fold_case=True,
        context=r"(?:private|job|deploy)[-_]\Z",
        check=_not_placeholder,
    ),
    # --- GitHub ---------------------------------------------------------------------------
    _rule(
        "github-token",
        "GitHub classic PAT, OAuth, user-to-server, server-to-server or refresh token",
        _token("gh[pousr]_", r"[0-9A-Za-z]{36,255}"),
    ),
    _rule(
        "github-fine-grained-pat",
        "GitHub fine-grained personal access token (`github_pat_`)",
        _token("github_pat_", r"[0-9A-Za-z]{22}_[0-9A-Za-z]{59}"),
    ),
    # --- cloud providers ------------------------------------------------------------------
    _rule(
        "aws-access-key-id",
        "AWS access key id (`AKIA`, `ASIA`, ...)",
        r"A(?:3T[A-Z0-9]|KIA|SIA|BIA|CCA|GPA|IDA|ROA|IPA|NPA|NVA|PKA)(?<![A-Z0-9]A[0-9A-Z]{3})"
        r"[A-Z2-7]{16}(?![A-Z0-9])",
        check=_not_placeholder,  # AWS documents `...EXAMPLE` keys
    ),
    _rule(
        "aws-secret-access-key",
        "AWS secret access key assigned to an `aws...secret...` key",
        r"aws[\w.-]{0,20}?(?:secret|sk)[\w.-]{0,20}[\"'\]]?[ \t]*(?::=|=>|=|:)[ \t]*[\"'`]?"
        r"(?P<secret>[a-z0-9/+]{40})(?![a-z0-9/+])",
        fold_case=True,
    ),
    _rule(
        "gcp-api-key",
        "Google Cloud / Firebase API key (`AIza`)",
        _token("AIza", r"[0-9A-Za-z_-]{35}"),
    ),
    _rule(
        "gcp-service-account-key",
        "Google service-account JSON: the PEM in its `private_key` value",
        r"\"private_key\"\s*:\s*\"(?P<secret>-----BEGIN[A-Z ]{0,30}PRIVATE KEY-----"
        r"(?:\\.|[^\"\\]){16,16384}?-----END[A-Z ]{0,30}PRIVATE KEY-----(?:\\n)?)\"",
    ),
    _rule(
        "gcp-service-account-key-id",
        "Google service-account JSON: the `private_key_id` value",
        r"\"private_key_id\"\s*:\s*\"(?P<secret>[0-9a-f]{40})\"",
    ),
    _rule(
        "gcp-oauth-token",
        "Google OAuth access token (`ya29.`)",
        _token(r"ya29\.", r"[0-9A-Za-z_-]{20,}"),
    ),
    _rule(
        "gcp-oauth-token",
        "Google OAuth client secret (`GOCSPX-`)",
        _token("GOCSPX-", r"[0-9A-Za-z_-]{28}"),
    ),
    _rule(
        "azure-storage-key",
        "Azure storage account / Service Bus key in a connection string (`AccountKey=`)",
        r"key=(?P<secret>[a-z0-9+/]{43,86}={0,2})",
        fold_case=True,
        context=r"(?:account|sharedaccess)\Z",
    ),
    _rule(
        "azure-storage-key",
        "Azure Service Bus / Relay shared secret (`SharedSecretValue=`)",
        r"sharedsecretvalue=(?P<secret>[a-z0-9+/]{43,86}={0,2})",
        fold_case=True,
    ),
    _rule(
        "azure-sas-token",
        "Azure shared access signature (`sig=` next to `sv=`/`se=`/`sp=` parameters)",
        r"sig=(?<=[?&;]sig=)(?P<secret>[A-Za-z0-9%+/]{40,120}(?:%3D|=){0,2})",
        context=r"(?:^|[?&;\"'])s[vep]=",
        context_window=256,  # the other parameters of a SAS URL come before `sig=`
    ),
    _rule(
        "azure-client-secret",
        "Microsoft Entra ID (Azure AD) application client secret (`...Q~...`)",
        r"(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])",
        ("q~",),
    ),
    _rule(
        "digitalocean-token",
        "DigitalOcean personal access, OAuth or refresh token",
        _token("do[por]_v1_", r"[a-f0-9]{64}"),
    ),
    _rule(
        "heroku-api-key",
        "Heroku API key (`HRKU-`)",
        _token("HRKU-", r"[0-9A-Za-z_-]{20,}"),
    ),
    _rule(
        "heroku-api-key",
        "Heroku API key (a UUID assigned to a `heroku...` key)",
        r"heroku[\w.-]{0,20}[\"'\]]?[ \t]*(?::=|=>|=|:)[ \t]*[\"'`]?"
        r"(?P<secret>[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12})",
        fold_case=True,
    ),
    _rule(
        "databricks-token",
        "Databricks personal access token (`dapi`)",
        _token("dapi", r"[a-f0-9]{32}(?:-\d)?"),
    ),
    # --- secret managers ------------------------------------------------------------------
    _rule(
        "vault-token",
        "HashiCorp Vault service, batch or recovery token (`hvs.`, `hvb.`, `hvr.`)",
        _token(r"hv[sbr]\.", r"[0-9A-Za-z_-]{24,}"),
    ),
    _rule(
        "doppler-token",
        "Doppler personal, service, service-account, CLI, SCIM or audit token",
        _token(r"dp\.", r"(?:pt|st|sa|ct|scim|audit)\.[0-9A-Za-z]{40,44}"),
    ),
    # --- AI providers ---------------------------------------------------------------------
    _rule(
        "anthropic-api-key",
        "Anthropic API or admin key (`sk-ant-`)",
        _token("sk-ant-", r"[a-z]+\d{2}-[0-9A-Za-z_-]{32,}"),
    ),
    _rule(
        "openai-api-key",
        "OpenAI API key (`sk-proj-`, `sk-svcacct-`, `sk-admin-`, or legacy `sk-...T3BlbkFJ...`)",
        _token(
            "sk-",
            r"(?:(?:proj|svcacct|admin|None)-[0-9A-Za-z_-]{40,}"
            r"|[0-9A-Za-z]{20}T3BlbkFJ[0-9A-Za-z]{20}|[0-9A-Za-z]{48})",
        ),
    ),
    _rule(
        "huggingface-token",
        "Hugging Face user access token (`hf_`)",
        _token("hf_", r"[A-Za-z]{34}", r"(?![A-Za-z0-9_])"),
    ),
    _rule(
        "huggingface-token",
        "Hugging Face organisation API token (`api_org_`)",
        _token("api_org_", r"[A-Za-z]{34}", r"(?![A-Za-z0-9_])"),
    ),
    # --- messaging ------------------------------------------------------------------------
    _rule(
        "slack-token",
        "Slack bot, user, app, refresh or configuration token (`xoxb-`, `xoxp-`, ...)",
        _token("xox[abeoprs]-", r"(?:\d+-)?[0-9A-Za-z-]{10,}"),
    ),
    _rule(
        "slack-webhook",
        "Slack incoming webhook or workflow trigger URL (the path after the host)",
        r"hooks\.slack\.com/(?:services|workflows|triggers)/(?P<secret>[A-Za-z0-9_/+-]{20,})",
    ),
    _rule(
        "discord-webhook",
        "Discord webhook URL (the token part)",
        r"/api/webhooks/\d{5,}/(?P<secret>[A-Za-z0-9_-]{60,80})",
        context=r"discord(?:app)?\.com\Z",
    ),
    _rule(
        "discord-bot-token",
        "Discord bot token: the timestamp and signature after the base64 user id",
        r"\.(?P<secret>[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})" + _END,
        context=r"(?:^|[^A-Za-z0-9_.-])(?P<id>[MNO][A-Za-z0-9_-]{23,25})\Z",
        check=_discord_user_id,
    ),
    _rule(
        "telegram-bot-token",
        "Telegram bot token (`<bot id>:AA...`; the id part stays readable)",
        r":(?P<secret>AA(?<=\d{8}:AA)[0-9A-Za-z_-]{33})" + _END,
    ),
    _rule(
        "twilio-api-key",
        "Twilio API key SID (`SK` + 32 hex)",
        _token("SK", r"[0-9a-fA-F]{32}"),
    ),
    _rule(
        "sendgrid-api-key",
        "SendGrid API key (`SG.`)",
        _token(r"SG\.", r"[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}"),
    ),
    _rule(
        "mailgun-key",
        "Mailgun private API key (`key-`) or public validation key (`pubkey-`)",
        r"key-[0-9a-f]{32}" + _END,
    ),
    _rule(
        "mailgun-signing-key",
        "Mailgun webhook signing key (32-8-8 hex groups, in text that mentions Mailgun)",
        r"(?<![0-9a-f])[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}(?![0-9a-f])",
        ("mailgun",),
    ),
    # --- payments and commerce ------------------------------------------------------------
    _rule(
        "stripe-key",
        "Stripe secret key (`sk_live_`, `sk_test_`)",
        _token("sk_", r"(?:live|test)_[0-9A-Za-z]{24,247}"),
    ),
    _rule(
        "stripe-key",
        "Stripe restricted key (`rk_live_`, `rk_test_`)",
        _token("rk_", r"(?:live|test)_[0-9A-Za-z]{24,247}"),
    ),
    _rule(
        "square-token",
        "Square access token (`EAAA`)",
        _token("EAAA", r"[0-9A-Za-z_-]{60}"),
    ),
    _rule(
        "square-token",
        "Square legacy access token (`sq0atp-`) or application secret (`sq0csp-`)",
        _token("sq0", r"(?:atp-[0-9A-Za-z_-]{22}|csp-[0-9A-Za-z_-]{43})"),
    ),
    _rule(
        "shopify-token",
        "Shopify access, custom-app, private-app token or shared secret (`shpat_`, ...)",
        _token("shp(?:at|ca|pa|ss)_", r"[a-fA-F0-9]{32}"),
    ),
    # --- package registries ---------------------------------------------------------------
    _rule(
        "npm-token",
        "npm access token (`npm_`)",
        _token("npm_", r"[0-9A-Za-z]{36}"),
    ),
    _rule(
        "pypi-token",
        "PyPI / TestPyPI upload token (a `pypi-` macaroon)",
        _token("pypi-", r"AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[0-9A-Za-z_-]{50,}"),
    ),
    # --- generic formats ------------------------------------------------------------------
    _rule(
        "private-key",
        "PEM private key block (RSA, EC, DSA, OpenSSH, PKCS#8, PGP), masked whole",
        # The body (base64, `Proc-Type:` headers, string quotes and `\\n` escapes of code) stops
        # at the next `-----`: an unterminated BEGIN costs one short scan, not 64 kB.
        r"-----BEGIN[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----"
        r"(?:[\w\s+/=\\\"'`,:;.()]|-(?!----)){16,65536}?"
        r"-----END[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----",
        check=_pem_body,
    ),
    _rule(
        "jwt",
        "JSON Web Token (three base64url segments, header `eyJ`)",
        _token("eyJ", r"[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]*"),
    ),
    _rule(
        "database-uri-password",
        "Password in a PostgreSQL, MySQL, MongoDB, Redis, AMQP or SQL Server URI",
        r"://[^\s:/@\"'`<>]+:(?P<secret>[^\s@/\"'`<>]{1,256})@",
        context=r"(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql"
        r"|sqlserver|cockroachdb|clickhouse)(?:\+\w+)?\Z",
        check=_not_placeholder,
    ),
    _rule(
        "url-basic-auth",
        "Password of `user:password@` credentials in any other URL",
        r"://[^\s:/@\"'`<>]+:(?P<secret>[^\s@/\"'`<>]{3,256})@[^\s@/]",
        context=r"\b[a-z][a-z0-9+.-]{1,20}\Z",
        check=_not_placeholder,
    ),
    _rule(
        "url-query-secret",
        "A random-looking value of a secret-named URL query parameter (`?access_token=...`)",
        r"=(?P<secret>[A-Za-z0-9._~+/%-]{12,256}+)(?=[&#\s\"'`)\]]|$)",
        context=r"[?&][\w.-]{0,30}?" + _KEY + r"\Z",
        check=_quoted_value_check,
    ),
    _rule(
        "authorization-header",
        "Credentials of an `Authorization:` header (Bearer, Basic, Token, ...)",
        r"authorization[\"']?\s*[:=]\s*[\"']?(?:(?:bearer|basic|token|digest|negotiate)\s+)?"
        r"(?P<secret>[a-z0-9._~+/=-]{8,}+)(?![\w(\[{])",
        fold_case=True,
        check=_random_looking,
    ),
    _rule(
        "bearer-token",
        "A token after the `Bearer` scheme anywhere",
        r"bearer\s+(?P<secret>[a-z0-9._~+/-]{16,}=*)",
        fold_case=True,
        check=_random_looking,
    ),
    _rule(
        "generic-secret-assignment",
        "A quoted value of enough entropy assigned (`=`, `:=`, `=>`, `?=`) to a secret-named key",
        r"=>?[ \t]*" + _QUOTED_VALUE,
        context=_KEY + _KEY_END,
        check=_quoted_value_check,
    ),
    _rule(
        "generic-secret-assignment",
        'A quoted value of enough entropy given (`key: "..."`) to a secret-named key',
        r":[ \t]*" + _QUOTED_VALUE,
        context=_KEY + r"[\"'\]]?[ \t]*\Z",
        check=_quoted_value_check,
    ),
    _rule(
        "generic-secret-line",
        "An unquoted `KEY=value` line (env, ini, properties) with a random-looking value",
        r"(?m)=[ \t]*" + _LINE_VALUE,
        context=_LINE_KEY,
        check=_unquoted_value_check,
    ),
    _rule(
        "generic-secret-line",
        "An unquoted `key: value` line (YAML) with a random-looking value",
        r"(?m):[ \t]*" + _LINE_VALUE,
        context=_LINE_KEY,
        check=_unquoted_value_check,
    ),
)

RULE_IDS: frozenset[str] = frozenset().union(*(rule.ids for rule in RULES))
