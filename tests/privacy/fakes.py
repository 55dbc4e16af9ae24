"""Realistic fake credentials, assembled at run time.

The repository must not hold a literal that a secret scanner would flag, so every fake is a
public prefix joined to characters drawn from a seeded generator: deterministic, but never
written down whole.
"""

from __future__ import annotations

import random
import string

ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
B64URL = ALNUM + "-_"
B64 = ALNUM + "+/"
UPPER32 = string.ascii_uppercase + "234567"


def chars(alphabet: str, n: int, seed: int = 0) -> str:
    rng = random.Random(f"{alphabet}:{n}:{seed}")
    return "".join(rng.choice(alphabet) for _ in range(n))


def pem_block(kind: str = "RSA ", lines: int = 6) -> str:
    body = "\n".join(chars(B64, 64, seed=i) for i in range(lines))
    dashes = "-" * 5
    return f"{dashes}BEGIN {kind}PRIVATE KEY{dashes}\n{body}\n{dashes}END {kind}PRIVATE KEY{dashes}"


def jwt() -> str:
    header = "eyJ" + "hbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
    payload = "eyJ" + chars(B64URL, 80, seed=1)
    return f"{header}.{payload}.{chars(B64URL, 86, seed=2)}"
