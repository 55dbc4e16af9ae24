"""Secrets and credentials never leave the machine, and never reach logs or errors."""

from __future__ import annotations

import json
import logging

import pytest

from gitlab_lsp.errors import GitLabLspError
from gitlab_lsp.mock import MockStack
from gitlab_lsp.sdk.content import MAX_SIDE_CHARS

from .helpers import COMPLETION, GENERATION, ClientFactory, direct_completions

AWS_KEY = "AKIAZ7VRSQ5TEXAMPL3Q"
GITLAB_PAT = "glpat-Xy9vK2mN8pQ4rT6wZ1bC"
SECRET_ABOVE = (
    f'AWS_ACCESS_KEY_ID = "{AWS_KEY}"\nGITLAB = "{GITLAB_PAT}"\n\ndef connect():\n    return '
)
SECRET_BELOW = f'\n\nBACKUP_TOKEN = "{GITLAB_PAT}"\n'


async def test_secrets_reach_no_party_and_no_log(
    stack: MockStack, make_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    cs = make_client(stack)
    completion = {
        **COMPLETION,
        "content_above_cursor": SECRET_ABOVE,
        "content_below_cursor": SECRET_BELOW,
    }
    generation = {**GENERATION, "content_above_cursor": SECRET_ABOVE + "\n# connect to S3\n"}
    await cs.suggest(**completion)
    await cs.suggest(**generation)
    assert [c async for c in cs.stream(**generation)]
    await cs.suggest(**{**completion, "intent": None})

    received = json.dumps(stack.control.requests())
    assert AWS_KEY not in received
    assert GITLAB_PAT not in received
    # same-length masking keeps the cursor offset
    sent = direct_completions(stack)[0]["json"]["current_file"]
    assert len(sent["content_above_cursor"]) == len(SECRET_ABOVE)
    assert len(sent["content_below_cursor"]) == len(SECRET_BELOW)

    jwt_headers = [e["headers"].get("authorization", "") for e in direct_completions(stack)]
    jwts = {h.split(" ", 1)[1] for h in jwt_headers if " " in h}
    assert jwts
    logs = "\n".join(r.getMessage() for r in caplog.records)
    for secret in (AWS_KEY, GITLAB_PAT, stack.tokens["duo"], *jwts):
        assert secret not in logs


async def test_tokens_never_appear_in_errors(saas: MockStack, make_client: ClientFactory) -> None:
    saas.control.fault(
        party="instance",
        path="/api/v4/code_suggestions/completions",
        status=500,
        body={"message": f"boom for Bearer {saas.tokens['duo']}"},
    )
    cs = make_client(saas)
    with pytest.raises(GitLabLspError) as caught:
        await cs.suggest(**GENERATION)
    assert saas.tokens["duo"] not in str(caught.value)
    assert saas.tokens["duo"] not in repr(caught.value.args)


async def test_content_is_trimmed_to_the_gateway_limit_keeping_the_cursor_side(
    saas: MockStack, make_client: ClientFactory
) -> None:
    cs = make_client(saas)
    above = "x = 0\n" * 30_000 + "def near_cursor():\n    return "
    below = "\n# right below\n" + "y = 1\n" * 30_000
    suggestion = await cs.suggest(
        file_name="big.py",
        content_above_cursor=above,
        content_below_cursor=below,
        intent="completion",
    )
    assert suggestion.route == "direct"
    sent = direct_completions(saas)[0]["json"]["current_file"]
    assert len(sent["content_above_cursor"]) == MAX_SIDE_CHARS
    assert sent["content_above_cursor"].endswith("def near_cursor():\n    return ")
    assert len(sent["content_below_cursor"]) == MAX_SIDE_CHARS
    assert sent["content_below_cursor"].startswith("\n# right below\n")


INSTRUCTION_SECRETS = {
    "gitlab-pat": "glpat-Rq7mT2xV9kLp4sW8nZ3c",
    "aws-key": "AKIAZ7VRSQ5TEXAMPL3Q",
    "postgres-password": "Tr0ub4dor-x9Qz",
}
INSTRUCTIONS = {
    "gitlab-pat": "call the gitlab api with token {} to list the projects",
    "aws-key": "upload the report to s3 with the access key {}",
    "postgres-password": "connect to postgres://admin:{}@db.internal:5432/app and list users",
}


@pytest.mark.parametrize("streamed", [False, True], ids=["whole", "streamed"])
@pytest.mark.parametrize("kind", sorted(INSTRUCTION_SECRETS))
async def test_a_secret_in_the_instruction_never_leaves_the_machine(
    saas: MockStack, make_client: ClientFactory, kind: str, streamed: bool
) -> None:
    """The instruction is detected from the document and sent as a field of its own: it is
    redacted like the content around the cursor (it once went out in clear)."""
    secret = INSTRUCTION_SECRETS[kind]
    above = f"import os\n\n\n# {INSTRUCTIONS[kind].format(secret)}\n"
    cs = make_client(saas)
    request = {"file_name": "tool.py", "content_above_cursor": above, "language_id": "python"}
    if streamed:
        assert [chunk async for chunk in cs.stream(**request)]
    else:
        suggestion = await cs.suggest(**request)
        # detection did find the instruction, secret and all: only what is sent is masked
        assert suggestion.generation_type == "comment"
        assert suggestion.user_instruction is not None and secret in suggestion.user_instruction
    sent = [
        e for e in saas.control.requests() if e["path"].endswith("/code_suggestions/completions")
    ]
    assert sent, "the generation did not reach the instance"
    instruction = sent[-1]["json"]["user_instruction"]
    assert secret not in instruction and "*" * len(secret) in instruction
    assert secret not in json.dumps(saas.control.requests())
