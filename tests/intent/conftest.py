"""Make `import intent` mean the library in these tests.

The root conftest puts `tests/` on sys.path and this directory is called `intent`, so under
a bare `pytest` (unlike `python -m pytest`, which puts the project root first) `import
intent` could resolve to this directory as a namespace package.
"""

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)
_loaded = sys.modules.get("intent")
if _loaded is not None and getattr(_loaded, "__file__", None) is None:
    del sys.modules["intent"]

import intent  # noqa: E402,F401
