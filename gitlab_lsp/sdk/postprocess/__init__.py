"""Post-processing: make a raw model answer insert cleanly at the cursor.

One call for the language server, scripts and benchmarks alike:

    from gitlab_lsp.sdk.postprocess import process
    out = process("1, 2)", above="f(", below=")\\n", language_id="python")
    out.text            # "1, 2"  (what to insert at the cursor)
    out.replace_chars   # 0       (characters after the cursor, on its line, the text replaces)
    out.apply("f(", ")\\n")  # "f(1, 2)\\n": the document after accepting

The steps and their order are in `pipeline.PIPELINE`; docs/postprocess.md describes them.
"""

from __future__ import annotations

from gitlab_lsp.sdk.postprocess.model import CompletionScope, Draft, Processed, Site
from gitlab_lsp.sdk.postprocess.pipeline import PIPELINE, process

__all__ = ["PIPELINE", "CompletionScope", "Draft", "Processed", "Site", "process"]
