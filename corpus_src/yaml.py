"""Labelled intent cases for YAML (corpus part A). The cursor is marked with █."""

LANG = "yaml"


def _case(cid, filename, text, intent, gtype=None, instruction=None, note=None):
    case = {
        "id": f"yaml/{cid}",
        "language": LANG,
        "filename": filename,
        "text": text,
        "intent": intent,
        "generation_type": gtype,
        "user_instruction": instruction,
    }
    if note:
        case["note"] = note
    return case


def gen(cid, filename, text, instruction, note=None):
    return _case(cid, filename, text, "generation", "comment", instruction, note)


def efn(cid, filename, text, note=None):
    return _case(cid, filename, text, "generation", "empty_function", None, note)


def small(cid, filename, text, note=None):
    return _case(cid, filename, text, "generation", "small_file", None, note)


def comp(cid, filename, text, note=None):
    return _case(cid, filename, text, "completion", None, None, note)


def crlf(text):
    return text.replace("\n", "\r\n")



COMPOSE = """\
services:
  web:
    build: .
    ports:
      - "8000:8000"
    depends_on:
      - db
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: example
"""

WORKFLOW = """\
name: CI
on:
  push:
    branches: [main]
  pull_request:

jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    gen(
        "comment/compose-service",
        "docker-compose.yml",
        COMPOSE + "  # add a redis service on port 6379 with a named volume for its data\n  █\n",
        "add a redis service on port 6379 with a named volume for its data",
    ),
    gen(
        "comment/workflow-step",
        ".github/workflows/ci.yml",
        WORKFLOW + "      # install the dependencies with pip and run pytest with coverage\n      █\n",
        "install the dependencies with pip and run pytest with coverage",
    ),
    gen(
        "comment/kubernetes-top-level",
        "k8s/deployment.yaml",
        """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: api

# a Service of type ClusterIP exposing port 80 to the api pods on 8080
█
""",
        "a Service of type ClusterIP exposing port 80 to the api pods on 8080",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    gen(
        "multiline-comment/two-lines",
        ".gitlab-ci.yml",
        """\
stages:
  - build
  - test

build:
  stage: build
  script:
    - make build

# A test job in the test stage that runs make test,
# caches the .cache directory and keeps junit reports as artifacts.
█
""",
        "A test job in the test stage that runs make test,\ncaches the .cache directory and keeps junit reports as artifacts.",
    ),
    # --- non-english ------------------------------------------------------------------------
    gen(
        "non-english/chinese",
        "config/app.yaml",
        """\
server:
  host: 0.0.0.0
  port: 8080
database:
  url: postgres://app@db/app
  pool: 10

# 添加日志配置：级别为 info，输出到文件并按天切割
█
""",
        "添加日志配置：级别为 info，输出到文件并按天切割",
    ),
    gen(
        "non-english/spanish",
        "ansible/site.yml",
        """\
- hosts: web
  become: true
  tasks:
    - name: Instalar nginx
      apt:
        name: nginx
        state: present
    # copiar la configuración de nginx y reiniciar el servicio si cambia
    █
""",
        "copiar la configuración de nginx y reiniciar el servicio si cambia",
    ),
    # --- on-comment -------------------------------------------------------------------------
    comp(
        "on-comment/end-of-comment",
        "docker-compose.yml",
        COMPOSE + "  # add a redis service█\n",
    ),
    comp(
        "on-comment/trailing-comment",
        "config/limits.yaml",
        """\
limits:
  upload_mb: 25
  requests_per_minute: █600  # per user
  max_projects: 50
  max_members: 200
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    comp(
        "commented-out-code/commented-keys",
        "docker-compose.yml",
        COMPOSE + "    # volumes:\n    #   - db-data:/var/lib/postgresql/data\n    █\n",
        note="commented-out YAML mappings parse as code, so they are not an instruction",
    ),
    # --- directive --------------------------------------------------------------------------
    comp(
        "directive/yaml-language-server",
        "openapi.yaml",
        """\
# yaml-language-server: $schema=https://spec.openapis.org/oas/3.1/schema/2022-10-07
█
openapi: 3.1.0
info:
  title: Orders API
  version: 1.0.0
paths: {}
""",
    ),
    comp(
        "directive/yamllint-disable",
        "values.yaml",
        """\
image:
  repository: registry.example.com/api
  tag: "1.4.2"
resources:
  limits:
    cpu: 500m
# yamllint disable rule:line-length
█
""",
    ),
    # --- header -----------------------------------------------------------------------------
    comp(
        "header/license",
        "charts/api/Chart.yaml",
        """\
# Copyright 2024 Acme Inc.
# SPDX-License-Identifier: Apache-2.0
█
apiVersion: v2
name: api
description: The Acme API
type: application
version: 0.3.0
appVersion: "1.4.2"
""",
    ),
    # --- separator --------------------------------------------------------------------------
    comp(
        "separator/hashes",
        "mkdocs.yml",
        """\
site_name: Acme Docs
theme:
  name: material
nav:
  - Home: index.md
  - API: api.md

###############################################################################
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    comp(
        "short-comment/todo-number",
        "pubspec.yaml",
        """\
name: acme_app
version: 1.2.0
environment:
  sdk: ">=3.0.0 <4.0.0"
dependencies:
  http: ^1.1.0
# v2
█
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    comp(
        "empty-block/empty-mapping-value",
        "k8s/configmap.yaml",
        """\
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
  namespace: prod
data:
  █
""",
    ),
    # --- small-file -------------------------------------------------------------------------
    small(
        "small-file/tiny-config",
        ".prettierrc.yaml",
        """\
# Shared formatting rules.
semi: false
singleQuote: true
█
""",
    ),
    small(
        "small-file/document-marker",
        "codecov.yml",
        """\
---
coverage:
  precision: 2
█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    comp(
        "completion/value-after-key",
        ".github/workflows/ci.yml",
        WORKFLOW.replace('python-version: "3.11"', "python-version: █"),
    ),
    comp(
        "completion/list-item",
        "docker-compose.yml",
        COMPOSE.replace('      - "8000:8000"', '      - "8000:8000"\n      - "9000:█"'),
    ),
    # --- scope ------------------------------------------------------------------------------
    comp(
        "scope/comment-then-keys",
        "config/app.yaml",
        """\
# database settings
database:
  host: db
  port: 5432
  name: app
  user: app
█
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    comp(
        "unicode/emoji-value",
        "i18n/ja.yaml",
        """\
ja:
  greeting: "こんにちは 👋"
  farewell: "さようなら"
  thanks: "ありがとう 🙏"
  welcome: "ようこそ、█"
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    gen(
        "crlf/comment",
        "azure-pipelines.yml",
        crlf("""\
trigger:
  - main
pool:
  vmImage: windows-latest
steps:
  - script: dotnet build --configuration Release
  # run the unit tests and publish the test results
  █
"""),
        "run the unit tests and publish the test results",
    ),
]
