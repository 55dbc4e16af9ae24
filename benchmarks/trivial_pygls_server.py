"""The yardstick for start-up: a pygls server with no features at all.

`benchmarks/lsp.py` times spawn -> initialize answer for it and for gitlab-lsp in the same run.
"""

from pygls.lsp.server import LanguageServer

if __name__ == "__main__":
    LanguageServer("trivial", "0.1").start_io()
