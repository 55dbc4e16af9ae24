"""Synthetic source files for the benchmarks: the same request handler repeated until a file
has the asked number of lines, in Python, TypeScript and Go (`SOURCES[language](lines)`).

Shared by `intent.py` and `postprocess_latency.py`, so both time the same kind of file.
"""

from __future__ import annotations

PY_FUNCTION = '''
def handler_{n}(request, store):
    """Handle request number {n}."""
    user = store.get(request.user_id)
    if user is None:
        return {{"status": 404}}
    # update the visit counter
    user.visits += 1
    store.put(user)
    return {{"status": 200, "visits": user.visits}}
'''

TS_FUNCTION = """
export function handler{n}(request: Req, store: Store): Res {{
  const user = store.get(request.userId);
  if (user === undefined) {{
    return {{ status: 404 }};
  }}
  // update the visit counter
  user.visits += 1;
  store.put(user);
  return {{ status: 200, visits: user.visits }};
}}
"""


GO_FUNCTION = """
func Handler{n}(request *Req, store Store) Res {{
	user, ok := store.Get(request.UserID)
	if !ok {{
		return Res{{Status: 404}}
	}}
	// update the visit counter
	user.Visits++
	store.Put(user)
	return Res{{Status: 200, Visits: user.Visits}}
}}
"""


def _source(header: str, function: str, lines: int) -> str:
    parts = [header]
    n = 0
    while sum(p.count("\n") for p in parts) < lines:
        parts.append(function.format(n=n))
        n += 1
    return "".join(parts)


def python_source(lines: int) -> str:
    header = "import json\nimport logging\n\nlog = logging.getLogger(__name__)\n"
    return _source(header, PY_FUNCTION, lines)


def typescript_source(lines: int) -> str:
    return _source('import { Req, Res, Store } from "./types";\n', TS_FUNCTION, lines)


def go_source(lines: int) -> str:
    return _source('package handlers\n\nimport "fmt"\n\nvar _ = fmt.Sprint\n', GO_FUNCTION, lines)


SOURCES = {"python": python_source, "typescript": typescript_source, "go": go_source}
