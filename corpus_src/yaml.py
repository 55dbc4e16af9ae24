"""Labelled intent cases for YAML (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("yaml")


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
    case.comment(
        "comment/compose-service",
        "docker-compose.yml",
        COMPOSE + "  # add a redis service on port 6379 with a named volume for its data\n  █\n",
        "add a redis service on port 6379 with a named volume for its data",
    ),
    case.comment(
        "comment/workflow-step",
        ".github/workflows/ci.yml",
        WORKFLOW
        + "      # install the dependencies with pip and run pytest with coverage\n      █\n",
        "install the dependencies with pip and run pytest with coverage",
    ),
    case.comment(
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
    case.comment(
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
    case.comment(
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
    case.comment(
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
    case.completion(
        "on-comment/end-of-comment",
        "docker-compose.yml",
        COMPOSE + "  # add a redis service█\n",
    ),
    case.completion(
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
    case.completion(
        "commented-out-code/commented-keys",
        "docker-compose.yml",
        COMPOSE + "    # volumes:\n    #   - db-data:/var/lib/postgresql/data\n    █\n",
        note="commented-out YAML mappings parse as code, so they are not an instruction",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.small_file(
        "small-file/tiny-config",
        ".prettierrc.yaml",
        """\
# Shared formatting rules.
semi: false
singleQuote: true
█
""",
    ),
    case.small_file(
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
    case.completion(
        "completion/value-after-key",
        ".github/workflows/ci.yml",
        WORKFLOW.replace('python-version: "3.11"', "python-version: █"),
    ),
    case.completion(
        "completion/list-item",
        "docker-compose.yml",
        COMPOSE.replace('      - "8000:8000"', '      - "8000:8000"\n      - "9000:█"'),
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
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
    case.completion(
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
    case.comment(
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
