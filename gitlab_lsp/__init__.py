"""gitlab-lsp: SDK and language server for GitLab Duo Code Suggestions."""

__version__ = "0.1.0"
