"""Project-wide fixtures: the bundled mock of GitLab, started once per session."""

import importlib.util


def _mock_plugin_available() -> bool:
    # TEMPORARY until gitlab_lsp.mock lands; then this becomes a plain pytest_plugins line.
    try:
        return importlib.util.find_spec("gitlab_lsp.mock.testing") is not None
    except ModuleNotFoundError:
        return False


pytest_plugins = ["gitlab_lsp.mock.testing"] if _mock_plugin_available() else []
