"""Every rule family finds a realistic fake in the setting where it usually appears."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gitlab_lsp.privacy import RULE_IDS, find_secrets, redact

from .fakes import ALNUM, B64, B64URL, HEX, UPPER32, chars, jwt, pem_block

# (rule id, the secret, the text around it: `{}` marks where the secret goes)
Case = tuple[str, Callable[[], str], str]

CASES: list[Case] = [
    ("gitlab-pat", lambda: "glpat-" + chars(B64URL, 20), 'TOKEN = "{}"'),
    (
        "gitlab-pat",
        lambda: (
            "glpat-" + chars(B64URL, 27) + ".01." + chars("0123456789abcdefghijklmnopqrstuvwxyz", 9)
        ),
        "curl -H 'PRIVATE-TOKEN {}' https://gitlab.example.com",
    ),
    ("gitlab-deploy-token", lambda: "gldt-" + chars(B64URL, 20), "password: {}"),
    ("gitlab-runner-token", lambda: "glrt-" + chars(B64URL, 20), "token = {}"),
    (
        "gitlab-runner-registration-token",
        lambda: "GR1348941" + chars(B64URL, 20),
        "--registration-token {}",
    ),
    ("gitlab-pipeline-trigger-token", lambda: "glptt-" + chars(HEX, 40), "-F token={} -F ref=main"),
    ("gitlab-ci-job-token", lambda: "glcbt-64_" + chars(B64URL, 20), "job token {} in a log"),
    ("gitlab-oauth-app-secret", lambda: "gloas-" + chars(HEX, 64), 'secret: "{}"'),
    ("gitlab-scim-token", lambda: "glsoat-" + chars(B64URL, 20), "scim {}"),
    (
        "gitlab-feed-token",
        lambda: "glft-" + chars(B64URL, 20),
        "https://gitlab.com/dashboard/issues.atom?feed_token={}",
    ),
    ("gitlab-incoming-mail-token", lambda: "glimt-" + chars(ALNUM, 25), "incoming+{}@example.com"),
    ("gitlab-agent-token", lambda: "glagent-" + chars(B64URL, 50), "--set config.token={}"),
    ("gitlab-feature-flag-token", lambda: "glffct-" + chars(B64URL, 20), "instanceId: '{}'"),
    ("gitlab-token-header", lambda: chars(ALNUM, 26), "curl --header 'PRIVATE-TOKEN: {}'"),
    ("github-token", lambda: "ghp_" + chars(ALNUM, 36), "GITHUB_TOKEN={}"),
    ("github-token", lambda: "ghs_" + chars(ALNUM, 36), "auth {} here"),
    (
        "github-fine-grained-pat",
        lambda: "github_pat_" + chars(ALNUM, 22) + "_" + chars(ALNUM, 59),
        "gh auth login --with-token <<< {}",
    ),
    ("aws-access-key-id", lambda: "AKIA" + chars(UPPER32, 16), "aws_access_key_id = {}"),
    ("aws-secret-access-key", lambda: chars(B64, 40), "aws_secret_access_key = {}"),
    (
        "gcp-api-key",
        lambda: "AIza" + chars(B64URL, 35),
        "const firebaseConfig = {{ apiKey: '{}' }};",
    ),
    (
        "gcp-service-account-key-id",
        lambda: chars(HEX, 40),
        '{{"type": "service_account", "private_key_id": "{}"}}',
    ),
    ("gcp-oauth-token", lambda: "ya29." + chars(B64URL, 60), "access_token={}&x=1"),
    ("gcp-oauth-token", lambda: "GOCSPX-" + chars(B64URL, 28), "client secret {}"),
    (
        "azure-storage-key",
        lambda: chars(B64, 86) + "==",
        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={};EndpointSuffix=core.windows.net",
    ),
    (
        "azure-sas-token",
        lambda: chars(ALNUM, 43) + "%3D",
        "https://acct.blob.core.windows.net/c?sv=2022-11-02&se=2030-01-01&sp=r&sig={}",
    ),
    (
        "azure-client-secret",
        lambda: chars(ALNUM, 3) + "8Q~" + chars(ALNUM + "_~.-", 34),
        'AZURE_CLIENT_SECRET="{}"',
    ),
    ("digitalocean-token", lambda: "dop_v1_" + chars(HEX, 64), "export DIGITALOCEAN_TOKEN={}"),
    ("heroku-api-key", lambda: "HRKU-" + chars(B64URL, 60), "heroku auth {}"),
    (
        "heroku-api-key",
        lambda: "-".join(chars(HEX, n, seed=n) for n in (8, 4, 4, 4, 12)),
        "HEROKU_API_KEY={}",
    ),
    ("databricks-token", lambda: "dapi" + chars(HEX, 32), 'host, token = "x", "{}"'),
    ("vault-token", lambda: "hvs." + chars(B64URL, 90), "VAULT_TOKEN={}"),
    ("doppler-token", lambda: "dp.st." + chars(ALNUM, 43), "doppler run --token {}"),
    (
        "anthropic-api-key",
        lambda: "sk-ant-api03-" + chars(B64URL, 93) + "AA",
        "client = Anthropic(api_key={})",
    ),
    ("openai-api-key", lambda: "sk-proj-" + chars(B64URL, 156), "OPENAI_API_KEY={}"),
    (
        "openai-api-key",
        lambda: "sk-" + chars(ALNUM, 20) + "T3BlbkFJ" + chars(ALNUM, 20),
        "openai.api_key = {}",
    ),
    (
        "huggingface-token",
        lambda: "hf_" + chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 34),
        "login(token={})",
    ),
    (
        "slack-token",
        lambda: (
            "xoxb-"
            + chars("0123456789", 12)
            + "-"
            + chars("0123456789", 13)
            + "-"
            + chars(ALNUM, 24)
        ),
        "SLACK_BOT_TOKEN={}",
    ),
    (
        "slack-webhook",
        lambda: "T" + chars(UPPER32, 8) + "/B" + chars(UPPER32, 10) + "/" + chars(ALNUM, 24),
        "url = 'https://hooks.slack.com/services/{}'",
    ),
    (
        "discord-webhook",
        lambda: chars(B64URL, 68),
        "https://discord.com/api/webhooks/123456789012345678/{}",
    ),
    (  # the base64 user id before the first dot is public; the rest is masked
        "discord-bot-token",
        lambda: chars(B64URL, 6) + "." + chars(B64URL, 38),
        "client.run('MTA" + chars(ALNUM, 21, seed=3) + ".{}')",
    ),
    ("telegram-bot-token", lambda: "AA" + chars(B64URL, 33), "bot = Bot('123456789:{}')"),
    ("twilio-api-key", lambda: "SK" + chars(HEX, 32), "api_key_sid = {}"),
    (
        "sendgrid-api-key",
        lambda: "SG." + chars(B64URL, 22) + "." + chars(B64URL, 43),
        "sg = SendGridAPIClient({})",
    ),
    ("mailgun-key", lambda: "key-" + chars(HEX, 32), "auth=('api', {})"),
    (
        "mailgun-signing-key",
        lambda: "-".join(chars(HEX, n, seed=n) for n in (32, 8, 8)),
        "MAILGUN_SIGNING={}",
    ),
    ("stripe-key", lambda: "sk_live_" + chars(ALNUM, 99), "stripe.api_key = {}"),
    ("stripe-key", lambda: "rk_live_" + chars(ALNUM, 24), "restricted {}"),
    ("square-token", lambda: "EAAA" + chars(B64URL, 60), "SQUARE_ACCESS_TOKEN={}"),
    ("square-token", lambda: "sq0csp-" + chars(B64URL, 43), "application secret {}"),
    ("shopify-token", lambda: "shpat_" + chars(HEX, 32), "X-Shopify-Access-Token: {}"),
    ("npm-token", lambda: "npm_" + chars(ALNUM, 36), "//registry.npmjs.org/:_authToken={}"),
    ("pypi-token", lambda: "pypi-AgEIcHlwaS5vcmc" + chars(B64URL, 120), "password = {}"),
    ("private-key", lambda: pem_block("RSA "), "key = '''\n{}\n'''"),
    ("private-key", lambda: pem_block("OPENSSH "), "{}"),
    (
        "gcp-service-account-key",
        lambda: pem_block("").replace("\n", "\\n") + "\\n",
        '{{"type": "service_account", "private_key": "{}", "client_email": "a@b.iam"}}',
    ),
    ("jwt", jwt, "Authorization: Bearer {}"),
    ("jwt", jwt, "const t = `{}`;"),
    (
        "database-uri-password",
        lambda: chars(ALNUM, 18),
        'DATABASE_URL = "postgresql+psycopg://app:{}@db.internal:5432/app"',
    ),
    (
        "database-uri-password",
        lambda: chars(ALNUM, 18),
        "mongodb+srv://admin:{}@cluster0.example.net/test",
    ),
    ("database-uri-password", lambda: chars(ALNUM, 18), "mysql://root:{}@localhost/db"),
    (
        "url-basic-auth",
        lambda: chars(ALNUM, 14),
        "git clone https://oauth2:{}@gitlab.example.com/group/project.git",
    ),
    (
        "url-query-secret",
        lambda: chars(ALNUM, 32),
        'requests.get("https://api.acme.test/v1/items?access_token={}&page=2")',
    ),
    ("url-query-secret", lambda: chars(B64URL, 24), "wss://push.acme.test/socket?apikey={}"),
    ("authorization-header", lambda: chars(B64, 32) + "==", "Authorization: Basic {}"),
    ("bearer-token", lambda: chars(B64URL, 40), "headers['X'] = 'Bearer {}'"),
    ("generic-secret-assignment", lambda: chars(ALNUM, 24), 'api_key = "{}"'),
    ("generic-secret-assignment", lambda: chars(ALNUM + "!#%&", 16), '{{"password": "{}"}}'),
    ("generic-secret-assignment", lambda: chars(ALNUM, 20), "db_password := `{}`"),
    ("generic-secret-assignment", lambda: chars(ALNUM, 20), "config.client_secret = '{}';"),
    ("generic-secret-assignment", lambda: chars(ALNUM, 20), "  'secret' => '{}',"),
    ("generic-secret-assignment", lambda: chars(ALNUM, 20), 'auth_token: "{}"'),
    ("generic-secret-line", lambda: chars(ALNUM, 32), "export API_KEY={}"),
    ("generic-secret-line", lambda: chars(ALNUM, 32), "db:\n  password: {}\n"),
    ("generic-secret-line", lambda: chars(ALNUM, 32), "[auth]\nsecret_key = {}\n"),
]


def _mask(secret: str) -> str:
    return "".join(c if c in "\r\n" else "*" for c in secret)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_rule_finds_and_masks_exactly_its_secret(case: Case) -> None:
    rule_id, make, template = case
    secret = make()
    text = template.format(secret)
    start = text.index(secret)
    end = start + len(secret)

    found = find_secrets(text)
    assert any(m.rule_id == rule_id and m.start <= start and m.end >= end for m in found), found
    assert redact(text) == text[:start] + _mask(secret) + text[end:]


def test_every_rule_family_has_a_case() -> None:
    assert {c[0] for c in CASES} == RULE_IDS
