"""Labelled intent cases for JavaScript (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("javascript")


CART = """\
import { formatPrice } from "./format.js";

const TAX_RATE = 0.2;

export class Cart {
  constructor() {
    this.items = [];
  }

  add(item) {
    this.items.push(item);
  }
}
"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/top-level-after-class",
        "cart.js",
        CART + "\n// return the cart total including tax, rounded to two decimals\n█\n",
        "return the cart total including tax, rounded to two decimals",
    ),
    case.comment(
        "comment/inside-method",
        "cart.js",
        """\
import { formatPrice } from "./format.js";

export class Cart {
  constructor(items) {
    this.items = items;
  }

  summary() {
    const count = this.items.length;
    // build a one-line summary like "3 items, 42.00 EUR" using formatPrice
    █
  }
}
""",
        'build a one-line summary like "3 items, 42.00 EUR" using formatPrice',
    ),
    case.comment(
        "comment/inside-express-handler",
        "server.js",
        """\
const express = require("express");
const db = require("./db");

const app = express();
app.use(express.json());

app.post("/api/users", async (req, res) => {
  const { email, name } = req.body;
  // validate the email, insert the user and respond with 201 and the new id
  █
});

app.listen(3000);
""",
        "validate the email, insert the user and respond with 201 and the new id",
    ),
    case.comment(
        "comment/inside-empty-arrow",
        "debounce.js",
        """\
const DEFAULT_WAIT = 250;
const timers = new Map();

export function cancelAll() {
  timers.forEach((id) => clearTimeout(id));
  timers.clear();
}

export const debounce = (fn, wait = DEFAULT_WAIT) => {
  // return a function that delays calling fn until wait ms have passed without a call
  █
};
""",
        "return a function that delays calling fn until wait ms have passed without a call",
        note="rule 2 comes before rule 5",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "retry.js",
        """\
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 200;

// Call fetch with the given url and options.
// Retry on network errors and 5xx responses with exponential backoff,
// giving up after MAX_ATTEMPTS attempts.
█
""",
        "Call fetch with the given url and options.\nRetry on network errors and 5xx responses with exponential backoff,\ngiving up after MAX_ATTEMPTS attempts.",
    ),
    case.comment(
        "multiline-comment/block-comment",
        "dom.js",
        """\
const list = document.querySelector("#todo-list");
const input = document.querySelector("#todo-input");
const button = document.querySelector("#todo-add");
const todos = [];

/*
  Render every todo as an <li> with a checkbox,
  and strike through the ones that are done.
*/
█
""",
        "Render every todo as an <li> with a checkbox,\nand strike through the ones that are done.",
    ),
    case.comment(
        "multiline-comment/eslint-line-dropped",
        "logger.js",
        """\
const LEVELS = ["debug", "info", "warn", "error"];
let current = "info";

export function setLevel(level) {
  current = level;
}

// eslint-disable-next-line no-console
// print the message with an ISO timestamp when its level is at least the current level
█
""",
        "print the message with an ISO timestamp when its level is at least the current level",
        note="the directive is part of the run but rule 3 drops it",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/chinese",
        "dates.js",
        """\
const MS_PER_DAY = 24 * 60 * 60 * 1000;

export function startOfDay(date) {
  const d = new Date(date);
  d.setHours(0, 0, 0, 0);
  return d;
}

// 计算两个日期之间相差的工作日天数（不包括周末）
█
""",
        "计算两个日期之间相差的工作日天数（不包括周末）",
    ),
    case.comment(
        "non-english/french-in-function",
        "panier.js",
        """\
export function totalPanier(articles, codePromo) {
  let total = 0;
  for (const article of articles) {
    total += article.prix * article.quantite;
  }
  // appliquer la réduction du code promo s'il est valide et arrondir au centime
  █
}
""",
        "appliquer la réduction du code promo s'il est valide et arrondir au centime",
    ),
    case.comment(
        "non-english/korean-block-comment",
        "upload.js",
        """\
const MAX_SIZE = 10 * 1024 * 1024;
const ALLOWED = ["image/png", "image/jpeg", "image/webp"];
const form = document.querySelector("#upload");
const preview = document.querySelector("#preview");

/* 파일 크기와 형식을 확인하고 미리보기 이미지를 표시한다 */
█
""",
        "파일 크기와 형식을 확인하고 미리보기 이미지를 표시한다",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-line-comment",
        "cart.js",
        CART + "\n// return the cart total including tax█\n",
    ),
    case.completion(
        "on-comment/start-of-comment-line",
        "cart.js",
        CART + "\n█// return the cart total including tax\n\n",
    ),
    case.completion(
        "on-comment/inside-block-comment",
        "dom.js",
        """\
const list = document.querySelector("#todo-list");
const input = document.querySelector("#todo-input");
const button = document.querySelector("#todo-add");
const todos = [];

/*
  Render every todo as an <li> with a █checkbox,
*/
""",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "config.js",
        """\
module.exports = {
  port: Number(process.env.PORT) || 8080,
  host: "0.0.0.0",
  timeout: █30000, // milliseconds
  retries: 3,
};
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/console-log",
        "checkout.js",
        """\
import { api } from "./api.js";

export async function checkout(cart) {
  const order = await api.post("/orders", cart);
  await api.post(`/orders/${order.id}/pay`);
  // console.log(order);
  █
  return order;
}
""",
    ),
    case.completion(
        "commented-out-code/block-of-calls",
        "main.js",
        """\
import { loadUsers } from "./users.js";
import { render } from "./render.js";

const root = document.getElementById("app");
const state = { users: [] };
const POLL_MS = 30000;

/* loadUsers().then((users) => render(root, users)); */
█
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/eslint-disable-next-line",
        "analytics.js",
        """\
const queue = [];
const ENDPOINT = "/collect";

export function track(event, props) {
  queue.push({ event, props, at: Date.now() });
}

// eslint-disable-next-line no-unused-vars
█
""",
    ),
    case.completion(
        "directive/prettier-ignore",
        "matrix.js",
        """\
export const ROTATE_90 = [0, -1, 1, 0];
export const FLIP_X = [-1, 0, 0, 1];
export const IDENTITY = [1, 0, 0, 1];
export const SCALE_2 = [2, 0, 0, 2];
export const SHEAR = [1, 1, 0, 1];

// prettier-ignore
█
""",
    ),
    case.completion(
        "directive/ts-check-and-eslint-block",
        "build.js",
        """\
// @ts-check
/* eslint-disable no-console */
█
const path = require("path");
const esbuild = require("esbuild");

esbuild.build({
  entryPoints: [path.join(__dirname, "src/index.js")],
  bundle: true,
  outfile: "dist/app.js",
});
""",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/shebang",
        "bin/cli.js",
        """\
#!/usr/bin/env node
█
const { program } = require("commander");
const pkg = require("../package.json");

program.version(pkg.version);
program.option("-v, --verbose", "verbose output");
program.parse(process.argv);
""",
    ),
    case.completion(
        "header/license-block",
        "vendor/clamp.js",
        """\
/*!
 * clamp.js v1.2.0
 * Copyright (c) 2021 Ada Smith
 * Released under the MIT License.
 */
█

export function clamp(value, min, max) {
  if (value < min) return min;
  if (value > max) return max;
  return value;
}
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/equals",
        "store.js",
        """\
import { createStore } from "redux";

const initial = { todos: [], filter: "all" };

function reducer(state = initial, action) {
  return state;
}

export const store = createStore(reducer);

// ==========================================================================
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/x",
        "grid.js",
        """\
export function cellAt(grid, row, col) {
  const width = grid.width;
  const index = row * width + col;
  return grid.cells[index];
}

// x
█
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/function-declaration",
        "validators.js",
        """\
const EMAIL = /^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/;

export function isEmail(value) {
  return EMAIL.test(value);
}

export function isStrongPassword(value) {
  █
}
""",
    ),
    case.empty_function(
        "empty-function/arrow-in-callback",
        "events.js",
        """\
const button = document.querySelector("#save");
const status = document.querySelector("#status");
const form = document.querySelector("form");

form.addEventListener("submit", (event) => event.preventDefault());
button.addEventListener("click", async (event) => {█});
""",
    ),
    case.empty_function(
        "empty-function/class-method",
        "queue.js",
        """\
export class JobQueue {
  constructor(concurrency = 2) {
    this.concurrency = concurrency;
    this.jobs = [];
  }

  enqueue(job) {
    this.jobs.push(job);
  }

  drain() {
    █
  }
}
""",
    ),
    case.empty_function(
        "empty-function/object-method-shorthand",
        "vue-like-options.js",
        """\
export default {
  name: "UserList",
  data() {
    return { users: [], loading: false };
  },
  methods: {
    async refresh() {
      █
    },
  },
};
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.completion(
        "empty-block/if-body",
        "auth.js",
        """\
export function requireUser(req, res, next) {
  const token = req.headers.authorization;
  if (!token) {
    █
  }
  next();
}
""",
    ),
    case.empty_function(
        "empty-block/empty-class",
        "errors.js",
        """\
export class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export class NotFoundError extends HttpError {█}
""",
        note="team precision 1 (rule 5): an empty class body is an empty definition; the user wants its members generated",
    ),
    case.completion(
        "empty-block/object-literal",
        "defaults.js",
        """\
export const API_URL = "https://api.example.com";
export const TIMEOUT = 5000;
export const RETRIES = 2;
export const HEADERS = { Accept: "application/json" };

export const featureFlags = {
  █
};
""",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/imports-only",
        "index.js",
        """\
import React from "react";
import { createRoot } from "react-dom/client";

█
""",
    ),
    case.small_file(
        "small-file/module-exports",
        "babel.config.js",
        """\
// Babel configuration for the test environment.
// Jest picks this file up automatically.
module.exports = {
  presets: [["@babel/preset-env", { targets: { node: "current" } }]],
};█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/after-dot",
        "users.js",
        """\
export async function activeUsers(api) {
  const response = await fetch(`${api}/users`);
  const users = await response.json();
  return users
    .filter((u) => u.active)
    .█
}
""",
    ),
    case.completion(
        "completion/inside-arguments",
        "server.js",
        """\
const http = require("http");

const PORT = 8080;
const server = http.createServer((req, res) => {
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.end("ok");
});
server.listen(PORT, █);
""",
    ),
    case.completion(
        "completion/end-of-statement",
        "math.js",
        """\
export function average(values) {
  if (values.length === 0) return 0;
  const sum = values.reduce((a, b) => a + b, 0);
  return sum / values.length█
}

export const median = (values) => values.slice().sort((a, b) => a - b)[values.length >> 1];
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/jsdoc-above-blank-line",
        "strings.js",
        """\
export const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);

export function words(s) {
  return s.trim().split(/\\s+/);
}

/**
 * Truncate a string to at most max characters,
 * adding an ellipsis when it was cut.
 */
█
""",
        "Truncate a string to at most max characters,\nadding an ellipsis when it was cut.",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-inside-closed-function",
        "router.js",
        """\
const routes = new Map();
const middlewares = [];

export function use(fn) {
  middlewares.push(fn);
}

export function register(path, handler) {
  routes.set(path, handler);
  // TODO reject duplicate paths
}
█
""",
    ),
    case.completion(
        "scope/comment-separated-by-code",
        "env.js",
        """\
// read the configuration from the environment
const NODE_ENV = process.env.NODE_ENV || "development";
const PORT = Number(process.env.PORT || 3000);
const DB_URL = process.env.DATABASE_URL;
const LOG_LEVEL = process.env.LOG_LEVEL || "info";
const SECRET = process.env.SECRET;

█
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-template-literal",
        "notify.js",
        """\
export function notify(user, count) {
  const title = `🔔 ${user.name}`;
  const body = `📬 你有 ${count} 条新消息 — ${█}`;
  return new Notification(title, { body });
}

export const clear = () => document.title.replace(/^\\(\\d+\\) /, "");
""",
    ),
    case.completion(
        "unicode/on-comment-with-emoji",
        "labels.js",
        """\
export const LABELS = {
  ok: "✅ Done",
  fail: "❌ Failed",
  wait: "⏳ Waiting",
};
export const icon = (state) => LABELS[state]; // 👍 returns the label█
""",
    ),
    # --- more hard cases ------------------------------------------------------------------
    case.comment(
        "comment/inside-object-literal",
        "webpack.config.js",
        """\
const path = require("path");

module.exports = {
  entry: "./src/index.js",
  output: {
    path: path.resolve(__dirname, "dist"),
    filename: "[name].[contenthash].js",
  },
  // add a rule that loads .css files with style-loader and css-loader
  █
};
""",
        "add a rule that loads .css files with style-loader and css-loader",
        note="rule 2 does not care which kind of block the comment is in, as long as it is the cursor's block",
    ),
    case.completion(
        "scope/trailing-comment-on-line-above",
        "constants.js",
        """\
export const PAGE_SIZE = 25;
export const MAX_PAGES = 40;
export const CACHE_TTL = 60_000;
export const RETRY_DELAY = 500; // wait half a second between retries
█
export const USER_AGENT = "acme-client/1.0";
""",
        note="a trailing comment on a code line does not form a comment block",
    ),
    case.comment(
        "multiline-comment/commented-code-line-dropped",
        "search.js",
        """\
export function normalize(q) {
  return q.trim().toLowerCase();
}

export const MIN_LENGTH = 2;

// search the products by name and return the first 20 matches
// return products.slice(0, 20);
█
""",
        "search the products by name and return the first 20 matches",
        note="the commented-out return statement is dropped from the block",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "windows/paths.js",
        crlf("""\
const path = require("path");
const fs = require("fs");

const ROOT = "C:\\\\Projects";
const IGNORED = ["node_modules", ".git"];

// walk ROOT recursively and return the paths of all .js files, skipping IGNORED folders
█
"""),
        "walk ROOT recursively and return the paths of all .js files, skipping IGNORED folders",
    ),
    case.empty_function(
        "crlf/empty-function",
        "windows/service.js",
        crlf("""\
const { EventEmitter } = require("events");

class Service extends EventEmitter {
  start() {
    this.emit("start");
  }

  stop() {
    █
  }
}

module.exports = Service;
"""),
    ),
]
