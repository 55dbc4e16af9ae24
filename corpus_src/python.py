"""Labelled intent cases for Python (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("python")


USERS = """\
import json
from dataclasses import dataclass


@dataclass
class User:
    name: str
    age: int


def load_users(path):
    with open(path) as fh:
        return [User(**row) for row in json.load(fh)]
"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/sort-users-by-age",
        "users.py",
        USERS + "\n\n# return the users sorted by age, oldest first\n█\n",
        "return the users sorted by age, oldest first",
    ),
    case.comment(
        "comment/inside-method",
        "billing/service.py",
        """\
class InvoiceService:
    def __init__(self, repo, mailer):
        self.repo = repo
        self.mailer = mailer

    def send_overdue(self, today):
        invoices = self.repo.unpaid()
        # keep invoices whose due date is before today and email each customer
        █
""",
        "keep invoices whose due date is before today and email each customer",
    ),
    case.comment(
        "comment/two-blank-lines-between",
        "geometry.py",
        """\
import math


def distance(a, b):
    return math.hypot(a[0] - b[0], a[1] - b[1])


def midpoint(a, b):
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


# compute the area of a polygon given as a list of (x, y) vertices


█
""",
        "compute the area of a polygon given as a list of (x, y) vertices",
    ),
    case.comment(
        "comment/inside-loop",
        "ingest.py",
        """\
import csv
import logging

log = logging.getLogger(__name__)


def ingest(path, db):
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            # skip rows without an email address and log a warning for each
            █
""",
        "skip rows without an email address and log a warning for each",
    ),
    case.comment(
        "comment/inside-empty-function",
        "slugify.py",
        """\
import re
import unicodedata

_DASHES = re.compile(r"[-\\s]+")
_STRIP = re.compile(r"[^\\w\\s-]")


def slugify(title):
    # lowercase the title, drop accents and replace spaces with dashes
    █
""",
        "lowercase the title, drop accents and replace spaces with dashes",
        note="rule 2 comes before rule 5: the comment wins over the empty function",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/three-line-block",
        "billing_import.py",
        """\
import csv
from decimal import Decimal
from pathlib import Path

EXPORT_DIR = Path("/var/exports")
VOID = "void"

# Parse the CSV export from the billing system.
# Skip rows whose status is "void" and convert amounts
# from cents to Decimal.
█
""",
        'Parse the CSV export from the billing system.\nSkip rows whose status is "void" and convert amounts\nfrom cents to Decimal.',
    ),
    case.comment(
        "multiline-comment/blank-line-ends-run",
        "reports/keys.py",
        """\
import datetime as dt

BUCKET = "acme-reports"
PREFIX = "reports"
REGION = "eu-west-1"
TTL_DAYS = 30

# Helpers for the nightly export job.

# build the S3 key for a report: reports/<year>/<month>/<id>.csv
█
""",
        "build the S3 key for a report: reports/<year>/<month>/<id>.csv",
        note="the blank line ends the run: only the last comment is the block",
    ),
    case.comment(
        "multiline-comment/directive-line-dropped",
        "cohorts.py",
        """\
import pandas as pd


def load_events(path):
    frame = pd.read_parquet(path)
    frame["week"] = frame["ts"].dt.to_period("W")
    return frame


# pylint: disable=too-many-locals
# compute the weekly retention cohort table from the events frame
█
""",
        "compute the weekly retention cohort table from the events frame",
        note="the directive line belongs to the run but rule 3 drops it",
    ),
    case.comment(
        "multiline-comment/commented-code-line-dropped",
        "contacts/phone.py",
        """\
import phonenumbers


class Contact:
    def __init__(self, name, phone):
        self.name = name
        self.phone = phone

    def save(self, db):
        # normalise the phone number to E.164 before saving
        # phone = self.phone.strip()
        █
""",
        "normalise the phone number to E.164 before saving",
        note="the commented-out assignment is dropped from the block",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/chinese-read-config",
        "config_loader.py",
        """\
import os
import tomllib
from pathlib import Path

DEFAULT_PATH = Path.home() / ".config" / "app.toml"
ENV_VAR = "APP_CONFIG"

# 读取配置文件并返回一个字典，如果文件不存在就使用默认值
█
""",
        "读取配置文件并返回一个字典，如果文件不存在就使用默认值",
    ),
    case.comment(
        "non-english/japanese-in-method",
        "cache.py",
        """\
import time


class UserCache:
    def __init__(self, ttl=300):
        self.ttl = ttl
        self.items = {}

    def get(self, user_id):
        now = time.monotonic()
        # ユーザーIDでキャッシュを検索し、期限切れなら削除してNoneを返す
        █
""",
        "ユーザーIDでキャッシュを検索し、期限切れなら削除してNoneを返す",
    ),
    case.comment(
        "non-english/russian-two-lines",
        "orders.py",
        """\
from collections import defaultdict
from datetime import datetime, timedelta


def recent_cutoff(days=30):
    return datetime.now() - timedelta(days=days)


# Загрузить все заказы за последние 30 дней
# и сгруппировать их по клиенту
█
""",
        "Загрузить все заказы за последние 30 дней\nи сгруппировать их по клиенту",
    ),
    case.comment(
        "non-english/german-vat",
        "rechnung.py",
        """\
from decimal import Decimal

MWST_SATZ = Decimal("0.19")


class Position:
    def __init__(self, preis, menge):
        self.preis = preis
        self.menge = menge


# Berechne die Mehrwertsteuer für alle Positionen der Rechnung
█
""",
        "Berechne die Mehrwertsteuer für alle Positionen der Rechnung",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "users.py",
        USERS + "\n\n# return the users sorted by age█\n",
    ),
    case.completion(
        "on-comment/start-of-line",
        "users.py",
        USERS + "\n\n█# return the users sorted by age, oldest first\n",
    ),
    case.completion(
        "on-comment/middle-of-comment",
        "users.py",
        USERS + "\n\n# return the users █sorted by age, oldest first\n\n",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "pricing.py",
        """\
TAX_RATE = 0.2


def line_total(price, qty, discount=0):
    subtotal = price * qty
    total = subtotal - █discount  # before tax
    return round(total * (1 + TAX_RATE), 2)
""",
        note="the cursor line ends with a comment, so rule 1 applies even with the cursor in code",
    ),
    case.completion(
        "on-comment/inside-docstring",
        "text_utils.py",
        '''\
import re
import string

WORD = re.compile(r"\\w+")
PUNCT = set(string.punctuation)


def count_words(text):
    """Count the words in text, ignoring █punctuation."""
''',
        note="rule 1: the cursor is inside the docstring",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/print-call",
        "api_client.py",
        """\
import requests

BASE_URL = "https://api.example.com/v2"


def fetch_account(session, account_id):
    response = session.get(f"{BASE_URL}/accounts/{account_id}", timeout=10)
    response.raise_for_status()
    return response.json()


# print(fetch_account(requests.Session(), 42))
█
""",
    ),
    case.completion(
        "commented-out-code/return-in-function",
        "pricing_cache.py",
        """\
_CACHE = {}


def price_for(sku, catalog):
    cached = _CACHE.get(sku)
    # return cached
    █
    price = catalog.lookup(sku)
    _CACHE[sku] = price
    return price
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/pylint-disable",
        "handlers.py",
        """\
import logging

log = logging.getLogger(__name__)


def safe_call(fn, *args):
    try:
        return fn(*args)
    except Exception:
        log.exception("call failed")
        return None


# pylint: disable=broad-except
█
""",
    ),
    case.completion(
        "directive/type-ignore-and-fmt-off",
        "matrix_fixtures.py",
        """\
# type: ignore
# fmt: off
█
IDENTITY = [
    1, 0, 0,
    0, 1, 0,
    0, 0, 1,
]
ZEROS = [0] * 9
""",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/shebang-and-coding",
        "backup.py",
        """\
#!/usr/bin/env python3
# -*- coding: utf-8 -*-
█
import argparse
import shutil
import sys


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    args = parser.parse_args(argv)
    shutil.make_archive(args.source, "gztar", args.source)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
""",
    ),
    case.completion(
        "header/apache-license",
        "telemetry/exporter.py",
        """\
# Copyright (c) 2024 Northwind Analytics Ltd.
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
█

import logging
import queue

log = logging.getLogger(__name__)


class Exporter:
    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.pending = queue.Queue()
""",
    ),
    case.completion(
        "header/spdx-identifier",
        "version.py",
        """\
import re
import subprocess

__all__ = ["current_version"]
_TAG = re.compile(r"^v(\\d+)\\.(\\d+)\\.(\\d+)$")
FALLBACK = "0.0.0"

# SPDX-License-Identifier: BSD-3-Clause
█
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/dashes",
        "models.py",
        """\
from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=120)
    email = models.EmailField(unique=True)
    bio = models.TextField(blank=True)


# ---------------------------------------------------------------------------
█
""",
    ),
    case.completion(
        "separator/hashes-and-equals",
        "settings.py",
        """\
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
TIME_ZONE = "UTC"
USE_TZ = True
LANGUAGE_CODE = "en-us"

###########################################################################
# =========================================================================
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "retry.py",
        """\
import time


def retry(fn, attempts=3, delay=0.5):
    for attempt in range(attempts):
        try:
            return fn()
        except OSError:
            time.sleep(delay * (attempt + 1))
    # ok
    █
""",
    ),
    case.completion(
        "short-comment/step-number",
        "pipeline.py",
        """\
def run(steps, context):
    results = []
    for step in steps:
        results.append(step(context))
    context["results"] = results
    # 2.
    █
    return context
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/method-with-pass",
        "validators.py",
        """\
class OrderValidator:
    def __init__(self, catalog):
        self.catalog = catalog

    def validate_items(self, items):
        return all(item.sku in self.catalog for item in items)

    def validate_address(self, address):
        pass█
""",
    ),
    case.empty_function(
        "empty-function/def-at-end-of-file",
        "temperature.py",
        """\
import statistics

READINGS = [21.5, 22.0, 19.8, 23.1]
UNIT = "C"


def to_fahrenheit(celsius):
    return celsius * 9 / 5 + 32


def median_reading(readings):
    █""",
        note="def at the end of the file with the cursor on the indented line below",
    ),
    case.empty_function(
        "empty-function/async-ellipsis",
        "fetcher.py",
        """\
import asyncio

import aiohttp

TIMEOUT = aiohttp.ClientTimeout(total=15)
RETRIES = 3


async def fetch_json(session, url):
    ...█


async def main(urls):
    async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
        return await asyncio.gather(*(fetch_json(session, u) for u in urls))
""",
    ),
    case.empty_function(
        "empty-function/nested-function",
        "decorators.py",
        """\
import functools
import time


def timed(fn):
    started = time.perf_counter()

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        pass█

    return wrapper
""",
        note="the outer function has statements; the cursor is inside the empty inner function",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.empty_function(
        "empty-block/exception-class-pass",
        "errors.py",
        """\
class AppError(Exception):
    code = "app_error"


class NotFound(AppError):
    code = "not_found"


class PermissionDenied(AppError):
    pass█
""",
        note="team precision 1 (rule 5): an empty class (only `pass`) body is an empty definition; the user wants its members generated",
    ),
    case.completion(
        "empty-block/if-pass-in-function",
        "session.py",
        """\
def current_user(request, store):
    token = request.cookies.get("session")
    user = store.lookup(token)
    if user is None:
        pass█
    return user
""",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/imports-only",
        "app/__init__.py",
        """\
import os
import sys
from pathlib import Path

█
""",
    ),
    case.small_file(
        "small-file/comment-heavy",
        "constants.py",
        '''\
"""Constants shared by the ingestion workers.

The values below are tuned for the production cluster; change them only
together with the dashboards that alert on them.
"""

# Maximum rows per batch sent to the warehouse.
BATCH_SIZE = 5000
# Seconds to wait before retrying a failed batch.
RETRY_DELAY = 30
# Whether to compress payloads.
COMPRESS = True█
''',
    ),
    case.small_file(
        "small-file/empty-function-in-small-file",
        "hooks.py",
        """\
import logging


def on_startup(app):
    █
""",
        note="rule 4 (small file) comes before rule 5 (empty function)",
    ),
    case.small_file(
        "small-file/commented-code-above-cursor",
        "scratch.py",
        """\
import requests

resp = requests.get("https://example.com/health")
# print(resp.status_code)
█
""",
        note="commented-out code is not an instruction, so rule 4 decides",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/after-dot",
        "weather.py",
        """\
import requests

API = "https://api.open-meteo.com/v1/forecast"


def current_temperature(lat, lon):
    params = {"latitude": lat, "longitude": lon, "current_weather": True}
    response = requests.get(API, params=params, timeout=10)
    data = response.█
""",
    ),
    case.completion(
        "completion/inside-arguments",
        "loader.py",
        """\
import logging

log = logging.getLogger(__name__)


def load(rows, table):
    inserted = table.insert_many(rows)
    log.info("loaded %d rows into %s", █)
    return inserted
""",
    ),
    case.completion(
        "completion/blank-line-between-functions",
        "strings.py",
        """\
def snake_to_camel(name):
    head, *tail = name.split("_")
    return head + "".join(part.title() for part in tail)

█

def camel_to_snake(name):
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/function-only-docstring",
        "stats.py",
        '''\
import math
from collections import Counter


def mean(values):
    return sum(values) / len(values)


def entropy(labels):
    """Return the Shannon entropy of the label distribution in bits."""
    █
''',
        "Return the Shannon entropy of the label distribution in bits.",
    ),
    case.comment(
        "docstring/spanish-multiline",
        "facturas.py",
        '''\
from datetime import date


class Factura:
    def __init__(self, cliente, importe, vencimiento):
        self.cliente = cliente
        self.importe = importe
        self.vencimiento = vencimiento

    def dias_de_retraso(self, hoy=None):
        """
        Calcula cuántos días lleva vencida la factura.
        Devuelve 0 si todavía no ha vencido.
        """
        █
''',
        "Calcula cuántos días lleva vencida la factura.\nDevuelve 0 si todavía no ha vencido.",
    ),
    case.completion(
        "docstring/module-docstring-not-instruction",
        "jobs/cleanup.py",
        '''\
"""Delete expired upload sessions from the database."""
█

import datetime as dt

from app.db import session_scope
from app.models import UploadSession


def cleanup(now=None):
    now = now or dt.datetime.utcnow()
    with session_scope() as s:
        s.query(UploadSession).filter(UploadSession.expires < now).delete()
''',
        note="a module docstring is not the only statement of a function, so rule 2 does not apply",
    ),
    case.empty_function(
        "docstring/class-docstring-not-instruction",
        "shapes.py",
        '''\
import math


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return math.pi * self.r**2


class Square:
    """A square with a side length and an area method."""
    █
''',
        note="a class docstring is not an instruction (rule 2), and a class body holding only its docstring is empty: team precision 1 (rule 5), an empty definition",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-function",
        "notifier.py",
        """\
import smtplib

SMTP_HOST = "mail.internal"
SENDER = "noreply@example.com"


def send(host, message):
    with smtplib.SMTP(host) as smtp:
        smtp.send_message(message)
    # TODO: retry on temporary SMTP failures

█
""",
        note="the cursor line is dedented below the comment's indentation: outside its block",
    ),
    case.completion(
        "scope/comment-separated-by-code",
        "paths.py",
        """\
import os

# resolve the data directory from the environment
DATA_DIR = os.environ.get("DATA_DIR", "/srv/data")
CACHE_DIR = os.path.join(DATA_DIR, "cache")
LOG_DIR = os.path.join(DATA_DIR, "logs")
TMP_DIR = os.path.join(DATA_DIR, "tmp")
█
""",
    ),
    case.completion(
        "scope/comment-above-code-line",
        "paths.py",
        """\
import os

DATA_DIR = os.environ.get("DATA_DIR", "/srv/data")
CACHE_DIR = os.path.join(DATA_DIR, "cache")
LOG_DIR = os.path.join(DATA_DIR, "logs")
# the directory for temporary files
TMP_DIR = os.path.join(DATA_DIR, █)
""",
        note="the cursor line is not blank, so rule 2 does not apply",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-in-fstring",
        "deploy.py",
        """\
import subprocess
import sys


def deploy(service, version):
    subprocess.run(["kubectl", "rollout", "restart", service], check=True)
    print(f"🚀 {service} → {version} ✅ {█")
    return 0
""",
    ),
    case.completion(
        "unicode/cjk-string-argument",
        "greet.py",
        """\
import datetime


def greeting(name):
    hour = datetime.datetime.now().hour
    if hour < 12:
        return "おはようございます、" + name
    return "こんにちは、" + █
""",
    ),
    case.completion(
        "unicode/on-cjk-comment",
        "greet_cn.py",
        """\
def greet(name):
    message = "你好, " + name
    print(message)
    return message


# 根据时间返回不同的问候语😀█
""",
        note="a small file too, but rule 1 (cursor on a comment) comes first",
    ),
    # --- more hard cases ------------------------------------------------------------------
    case.completion(
        "scope/trailing-comment-on-line-above",
        "limits.py",
        """\
import os

MAX_WORKERS = int(os.environ.get("MAX_WORKERS", 4))
QUEUE_SIZE = 1000
TIMEOUT = 30
RETRIES = 3  # retry failed jobs three times before giving up
█
""",
        note="a trailing comment on a code line is not a comment line, so there is no block above",
    ),
    case.comment(
        "comment/todo-prefix",
        "api/views.py",
        """\
from flask import Blueprint, jsonify, request

bp = Blueprint("orders", __name__)


@bp.post("/orders")
def create_order():
    payload = request.get_json()
    # TODO: validate the payload against the order schema and return 422 on errors
    █
""",
        "TODO: validate the payload against the order schema and return 422 on errors",
        note="a TODO with a description is natural language: the prefix stays in the instruction",
    ),
    case.comment(
        "docstring/single-quoted-docstring",
        "units.py",
        """\
KB = 1024
MB = KB * 1024
GB = MB * 1024
UNITS = ["B", "KB", "MB", "GB"]


def human_size(n):
    '''Format a byte count as a human readable string like 1.5 MB.'''
    █
""",
        "Format a byte count as a human readable string like 1.5 MB.",
    ),
    case.comment(
        "comment/end-of-file-without-newline",
        "tokens.py",
        """\
import hashlib
import hmac
import secrets

SECRET = secrets.token_bytes(32)
ALGO = hashlib.sha256

# sign the message with SECRET using HMAC and return the hex digest
█""",
        "sign the message with SECRET using HMAC and return the hex digest",
        note="the cursor is on a fresh last line with no trailing newline",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "win_paths.py",
        crlf("""\
import ntpath
import os

DRIVE = "C:"
ROOT = ntpath.join(DRIVE, "\\\\", "Data")
EXT = ".bak"

# list every .bak file under ROOT and delete the ones older than a week
█
"""),
        "list every .bak file under ROOT and delete the ones older than a week",
    ),
    case.completion(
        "crlf/completion",
        "win_paths.py",
        crlf("""\
import ntpath
import os

DRIVE = "C:"
ROOT = ntpath.join(DRIVE, "Data")
EXT = ".bak"
backups = [f for f in os.listdir(ROOT) if f.endswith(█)]
"""),
    ),
    case.empty_function(
        "crlf/empty-function",
        "win_service.py",
        crlf("""\
import win32serviceutil


class BackupService(win32serviceutil.ServiceFramework):
    _svc_name_ = "BackupService"
    _svc_display_name_ = "Nightly backup"

    def SvcStop(self):
        pass█
"""),
    ),
    # --- team precisions (docs/intent.md) ------------------------------------------------
    case.completion(
        "empty-last-comment/bare-hash",
        "report.py",
        """\
import csv
from pathlib import Path

ROOT = Path(__file__).parent
OUT = ROOT / "out"
HEADERS = ["id", "total"]

# write the totals to a csv file under OUT
#
█
""",
        note="team precision 2 (rule 2): the block ends in an empty `#`, so no instruction lies directly above the cursor",
    ),
    case.comment(
        "empty-last-comment/paragraph-gap-inside",
        "report.py",
        """\
import csv
from pathlib import Path

ROOT = Path(__file__).parent
OUT = ROOT / "out"
HEADERS = ["id", "total"]

# read every csv file under ROOT
#
# and sum the totals per id
█
""",
        "read every csv file under ROOT\nand sum the totals per id",
        note="team precision 2 only looks at the last line: an empty `#` inside the block is a paragraph gap, dropped",
    ),
    case.empty_function(
        "type-body/class-ellipsis",
        "plugins.py",
        """\
from typing import Protocol


class Named(Protocol):
    name: str


class Exporter:
    █
    ...
""",
        note="team precision 1 (rule 5): a class holding only `...` is an empty definition",
    ),
]
