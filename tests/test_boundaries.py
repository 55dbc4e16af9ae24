"""Boundaries that were once moved by hand without any test noticing.

Each test pins one threshold from both sides, so moving it by one breaks a test.
"""

from __future__ import annotations

import pytest

import intent
from gitlab_lsp.privacy import redact

# A file big enough that rule 4 (small file) never applies: only the comment rule decides.
BODY = "".join(f"def f{i}(x):\n    return x + {i}\n\n\n" for i in range(12))


@pytest.mark.parametrize(
    ("value", "masked"),
    [("Xk9mQ2zT", True), ("h7Rt2pLq", True), ("Xk9mQ2z", False), ("h7Rt2pL", False)],
)
def test_a_quoted_secret_is_masked_from_eight_characters(value: str, masked: bool) -> None:
    line = f'password = "{value}"'
    assert (value not in redact(line)) is masked


@pytest.mark.parametrize(
    ("last_line", "instruction"),
    [("#", False), ("# ab", False), ("# a1", False), ("# abc", True), ("# a12", True)],
)
def test_a_comment_line_with_two_or_fewer_letters_ends_the_instruction(
    last_line: str, instruction: bool
) -> None:
    """Rule 3: an empty comment (<= 2 letters or digits) right above the cursor means the
    block above is no instruction; three make it a line of the instruction."""
    text = f"{BODY}# sort the list of users by name\n{last_line}\n"
    result = intent.detect(text, text.count("\n"), 0, language_id="python")
    assert (result.generation_type == "comment") is instruction, result.reason
