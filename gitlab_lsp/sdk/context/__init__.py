"""Context from the workspace for a suggestion: what the code near the cursor uses.

`ContextBuilder(workspace, options).build(current, offset, open_documents, recent_edits)`
returns `ContextItem`s, best first, within the byte budget; `CodeSuggestions.suggest(...,
context=items)` redacts them like the current file and sends them on either route. Scripts
may pass their own items (or mappings with `type`, `name`, `content`).
"""

from gitlab_lsp.sdk.context.budget import DEFAULT_BUDGET, fill
from gitlab_lsp.sdk.context.builder import (
    ContextBuilder,
    ContextOptions,
    EditRegion,
    SourceDocument,
)
from gitlab_lsp.sdk.context.items import ContextItem, coerce_items
from gitlab_lsp.sdk.context.workspace import Workspace

__all__ = [
    "DEFAULT_BUDGET",
    "ContextBuilder",
    "ContextItem",
    "ContextOptions",
    "EditRegion",
    "SourceDocument",
    "Workspace",
    "coerce_items",
    "fill",
]
