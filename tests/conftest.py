"""Project-wide fixtures: the bundled mock of GitLab, started once per session."""

pytest_plugins = ["gitlab_lsp.mock.testing"]
