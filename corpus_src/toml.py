"""Labelled intent cases for TOML (corpus part B).

Comment syntax: `#`. TOML has no functions, so empty tables, inline tables and arrays fall
through to completion; `#:schema` (Taplo) and editor mode lines are directives. There are no
empty-function or docstring cases: TOML has neither functions nor doc comments.
"""

from _helpers import Cases, crlf

case = Cases("toml")


CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/cargo-dependency",
        "Cargo.toml",
        r"""[package]
name = "shop-api"
version = "0.4.0"
edition = "2021"

[dependencies]
axum = "0.7"
tokio = { version = "1", features = ["full"] }
# serde with the derive feature and serde_json
█
""",
        "serde with the derive feature and serde_json",
    ),
    case.comment(
        "comment/pyproject-tool-section",
        "pyproject.toml",
        r"""[project]
name = "shop-reports"
version = "1.2.0"
requires-python = ">=3.11"
dependencies = ["httpx>=0.27", "jinja2>=3.1"]

[tool.ruff]
line-length = 100

# a pytest section that runs tests/ with -q and treats warnings as errors

█
""",
        "a pytest section that runs tests/ with -q and treats warnings as errors",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/hash-lines",
        "config/app.toml",
        r"""[server]
host = "0.0.0.0"
port = 8080
workers = 4

[database]
url = "postgres://shop@localhost/shop"
pool_size = 10

# A [cache] table for Redis:
# url pointing at localhost on the default port,
# a default ttl of 300 seconds and a key prefix "shop:".
█
""",
        "A [cache] table for Redis:\n"
        "url pointing at localhost on the default port,\n"
        'a default ttl of 300 seconds and a key prefix "shop:".',
    ),
    case.comment(
        "multiline-comment/only-last-run",
        "netlify.toml",
        r"""# Deploy settings for the marketing site.

[build]
command = "npm run build"
publish = "dist"

[build.environment]
NODE_VERSION = "20"

# redirect /blog/* to the new blog domain
# with a 301 and keep the rest of the path
█
""",
        "redirect /blog/* to the new blog domain\nwith a 301 and keep the rest of the path",
    ),
    # --- non-english -------------------------------------------------------------------------
    case.comment(
        "non-english/russian",
        "config/logging.toml",
        r"""[logging]
level = "info"
format = "json"

[logging.file]
path = "/var/log/shop/app.log"
max_size_mb = 50

# добавить ротацию логов: хранить 7 файлов и сжимать старые
█
""",
        "добавить ротацию логов: хранить 7 файлов и сжимать старые",
    ),
    case.comment(
        "non-english/portuguese",
        "config/payments.toml",
        r"""[payments]
provider = "stripe"
currency = "BRL"
capture = "automatic"

[payments.retry]
attempts = 3
backoff_seconds = 10

# configuração do Pix com chave aleatória e expiração de 30 minutos
█
""",
        "configuração do Pix com chave aleatória e expiração de 30 minutos",
    ),
    # --- on-comment ------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "Cargo.toml",
        r"""[package]
name = "shop-cli"
version = "0.2.0"
edition = "2021"

[dependencies]
clap = { version = "4", features = ["derive"] }
anyhow = "1"
# a progress bar crate for long█
""",
    ),
    case.completion(
        "on-comment/start-of-comment",
        "Cargo.toml",
        r"""[package]
name = "shop-cli"
version = "0.2.0"
edition = "2021"

[dependencies]
█# command line parsing
clap = { version = "4", features = ["derive"] }
anyhow = "1"
""",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "config/app.toml",
        r"""[server]
host = "0.0.0.0"
port = 8080█ # behind the load balancer
workers = 4
read_timeout = "30s"
write_timeout = "30s"
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/disabled-keys",
        "Cargo.toml",
        r"""[package]
name = "shop-core"
version = "1.0.0"
edition = "2021"

[dependencies]
serde = { version = "1", features = ["derive"] }
# tokio = { version = "1", features = ["full"] }
# rayon = "1.8"
█
""",
    ),
    # --- directive -------------------------------------------------------------------------
    case.completion(
        "directive/taplo-schema",
        "config/deploy.toml",
        r"""#:schema ./deploy.schema.json
█
[deploy]
region = "eu-central-1"
replicas = 3
image = "registry.acme.test/shop:1.4.0"

[deploy.health]
path = "/health"
""",
        note="`#:schema` is a Taplo directive",
    ),
    case.completion(
        "directive/vim-modeline",
        "config/feature_flags.toml",
        r"""[flags]
new_checkout = true
dark_mode = false
recommendations = true
gift_cards = false
loyalty_points = true

# vim: set ft=toml ts=2 sw=2:
█
""",
    ),
    # --- header ----------------------------------------------------------------------------
    case.completion(
        "header/license",
        "rustfmt.toml",
        r"""# Copyright (c) 2024 Acme Shop GmbH
# SPDX-License-Identifier: Apache-2.0

█
edition = "2021"
max_width = 100
imports_granularity = "Crate"
group_imports = "StdExternalCrate"
use_field_init_shorthand = true
reorder_imports = true
""",
    ),
    case.completion(
        "header/coding-line",
        "config/locales.toml",
        r"""# -*- coding: utf-8 -*-
█
[locales]
default = "de"
available = ["de", "en", "fr"]

[locales.names]
de = "Deutsch"
fr = "Français"
""",
    ),
    # --- separator -------------------------------------------------------------------------
    case.completion(
        "separator/dashes",
        "config/app.toml",
        r"""[server]
host = "0.0.0.0"
port = 8080

[metrics]
enabled = true
path = "/metrics"

# ---------------------------------------------------------------------------
█
""",
    ),
    # --- short-comment ---------------------------------------------------------------------
    case.completion(
        "short-comment/v1",
        "config/app.toml",
        r"""[server]
host = "0.0.0.0"
port = 8080

[metrics]
enabled = true
path = "/metrics"

# v1
█
""",
    ),
    # --- empty-block -----------------------------------------------------------------------
    case.completion(
        "empty-block/empty-table",
        "Cargo.toml",
        r"""[package]
name = "shop-web"
version = "0.1.0"
edition = "2021"

[dependencies]
█

[dev-dependencies]
insta = "1"
""",
        note="a table is not a function; TOML has no functions",
    ),
    case.completion(
        "empty-block/inline-table",
        "Cargo.toml",
        r"""[package]
name = "shop-web"
version = "0.1.0"
edition = "2021"

[dependencies]
tower = "0.4"
tower-http = { █ }
""",
    ),
    case.completion(
        "empty-block/array",
        "pyproject.toml",
        r"""[project]
name = "shop-reports"
version = "1.2.0"
requires-python = ">=3.11"
dependencies = [
  █
]
""",
    ),
    # --- small-file ------------------------------------------------------------------------
    case.small_file(
        "small-file/minimal-package",
        "crates/shop-macros/Cargo.toml",
        r"""[package]
name = "shop-macros"
version = "0.1.0"
█
""",
    ),
    case.small_file(
        "small-file/comment-heavy",
        ".cargo/config.toml",
        r"""# Local cargo settings for the shop workspace.
# Builds go to the shared target directory so the CLI and the API
# reuse each other's compiled dependencies.

[build]
target-dir = "../target"
█
""",
    ),
    # --- completion ------------------------------------------------------------------------
    case.completion(
        "completion/string-value",
        "pyproject.toml",
        r"""[project]
name = "shop-reports"
version = "1.2.0"
requires-python = ">=3.11"

[project.scripts]
shop-reports = "shop_reports.cli:█"
""",
    ),
    case.completion(
        "completion/array-item",
        "pyproject.toml",
        r"""[project]
name = "shop-reports"
version = "1.2.0"
requires-python = ">=3.11"
dependencies = ["httpx>=0.27", "jinja2>=3.1", █]

[tool.ruff]
line-length = 100
""",
    ),
    # --- scope -----------------------------------------------------------------------------
    case.completion(
        "scope/comment-then-keys",
        "config/app.toml",
        r"""# the HTTP listener
[server]
host = "0.0.0.0"
port = 8080

█
[database]
url = "postgres://shop@localhost/shop"
pool_size = 10
""",
    ),
    case.completion(
        "scope/comment-below-cursor",
        "config/app.toml",
        r"""[server]
host = "0.0.0.0"
port = 8080
█

# connection pool settings
[database]
url = "postgres://shop@localhost/shop"
pool_size = 10
""",
        note="a comment below the cursor is not an instruction",
    ),
    # --- unicode ---------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-value",
        "config/messages.toml",
        r"""[messages]
welcome = "👋 Willkommen!"
cart_empty = "🛒 カートは空です"
order_sent = "📦 已发货"
farewell = "Bis bald"
checkout_done = "✅ Danke, █"
""",
    ),
    # --- crlf ------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "config/app.toml",
        crlf(
            r"""[server]
host = "0.0.0.0"
port = 8080

[database]
url = "postgres://shop@localhost/shop"
pool_size = 10

# a [mail] table with the SMTP host, port 587 and STARTTLS enabled
█
"""
        ),
        "a [mail] table with the SMTP host, port 587 and STARTTLS enabled",
    ),
    case.completion(
        "crlf/completion",
        "config/app.toml",
        crlf(
            r"""[server]
host = "0.0.0.0"
port = 8080
workers = 4

[database]
url = "postgres://shop@localhost/shop"
pool_size = █
"""
        ),
    ),
    # --- edge cases --------------------------------------------------------------------------
    case.completion(
        "separator/around-instruction",
        "config/app.toml",
        r"""[server]
host = "0.0.0.0"
port = 8080

[database]
url = "postgres://shop@localhost/shop"
pool_size = 10

# ----------------------------------------------------------------------------
# a [jobs] table: run the cleanup job every night at 03:00 with 2 retries
# ----------------------------------------------------------------------------
█
""",
        note="team precision 2 (rule 2): the block's last line is a separator (no letter or digit), an empty comment, so no instruction lies directly above the cursor",
    ),
    case.comment(
        "directive/with-prose",
        "config/deploy.toml",
        r"""#:schema ./deploy.schema.json
# a [deploy] table for eu-central-1 with three replicas
█
""",
        "a [deploy] table for eu-central-1 with three replicas",
        note="the Taplo directive line is dropped from the block",
    ),
    case.comment(
        "commented-out-code/prose-kept",
        "Cargo.toml",
        r"""[package]
name = "shop-core"
version = "1.0.0"
edition = "2021"

[dependencies]
serde = { version = "1", features = ["derive"] }
# rayon = "1.8"
# add thiserror for the error types
█
""",
        "add thiserror for the error types",
        note="the commented-out key is dropped from the block",
    ),
    case.completion(
        "on-comment/small-file",
        "rust-toolchain.toml",
        r"""[toolchain]
channel = "1.79"  # pinned█ for CI
""",
    ),
    case.small_file(
        "small-file/empty-file",
        "config/local.toml",
        r"""█""",
        note="an empty file",
    ),
]
