"""`python -m gitlab_lsp` runs the same command line as the `gitlab-lsp` script."""

from gitlab_lsp.cli import main

raise SystemExit(main())
