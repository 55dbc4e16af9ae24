"""Which language a file is in, and which family of syntax the model writes for it."""

from __future__ import annotations

from pathlib import PurePosixPath

FAMILY_BY_LANGUAGE = {
    "python": "python",
    "javascript": "javascript",
    "javascriptreact": "javascript",
    "typescript": "javascript",
    "typescriptreact": "javascript",
    "php": "javascript",
    "kotlin": "javascript",
    "scala": "javascript",
    "swift": "javascript",
    "dart": "javascript",
    "go": "go",
    "ruby": "ruby",
    "rust": "rust",
    "java": "java",
    "c": "java",
    "cpp": "java",
    "csharp": "java",
}
LANGUAGE_BY_SUFFIX = {
    ".py": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascriptreact",
    ".ts": "typescript",
    ".tsx": "typescriptreact",
    ".go": "go",
    ".rb": "ruby",
    ".rs": "rust",
    ".java": "java",
    ".c": "c",
    ".h": "c",
    ".cc": "cpp",
    ".cpp": "cpp",
    ".hpp": "cpp",
    ".cs": "csharp",
    ".php": "php",
    ".kt": "kotlin",
    ".scala": "scala",
    ".swift": "swift",
    ".dart": "dart",
}


def language_of(language_identifier: str | None, file_name: str) -> str:
    """The file's language: the client's identifier when given, else from the file name."""
    if language_identifier:
        return language_identifier.lower()
    return LANGUAGE_BY_SUFFIX.get(PurePosixPath(file_name).suffix.lower(), "plaintext")


def family_of(language: str) -> str:
    """The syntax family; languages the model has no snippets for borrow JavaScript's."""
    return FAMILY_BY_LANGUAGE.get(language, "javascript")
