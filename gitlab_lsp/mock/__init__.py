"""The bundled mock of GitLab: instance (Rails), CustomersDot, AI gateway with its token
authority behind Cloud Connector routing, and a deterministic model, each on its own port.

    from gitlab_lsp.mock import MockStack
    with MockStack(realm="saas") as stack:
        stack.instance_url, stack.tokens["duo"], stack.control.requests()
"""

from gitlab_lsp.mock.client import MockControl
from gitlab_lsp.mock.errors import ControlError, MockError, MockStartupError
from gitlab_lsp.mock.stack import MockStack

__all__ = ["ControlError", "MockControl", "MockError", "MockStack", "MockStartupError"]
