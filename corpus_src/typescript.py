"""Labelled intent cases for TypeScript (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("typescript")


REPO = """\
import { Pool } from "pg";

export interface Product {
  id: string;
  name: string;
  priceCents: number;
}

export class ProductRepository {
  constructor(private readonly pool: Pool) {}

  async byId(id: string): Promise<Product | null> {
    const { rows } = await this.pool.query("SELECT * FROM products WHERE id = $1", [id]);
    return rows[0] ?? null;
  }
}
"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/top-level",
        "products.ts",
        REPO + "\n// fetch all products cheaper than a given price, sorted by name\n█\n",
        "fetch all products cheaper than a given price, sorted by name",
    ),
    case.comment(
        "comment/inside-async-method",
        "orders/service.ts",
        """\
import type { Order, OrderStore } from "./types";

export class OrderService {
  constructor(private store: OrderStore) {}

  async cancel(orderId: string, reason: string): Promise<Order> {
    const order = await this.store.get(orderId);
    // throw if the order has already shipped, otherwise mark it cancelled and save it
    █
  }
}
""",
        "throw if the order has already shipped, otherwise mark it cancelled and save it",
    ),
    case.comment(
        "comment/inside-empty-generic-function",
        "collections.ts",
        """\
export type Key = string | number;

export function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

export function groupBy<T, K extends Key>(items: T[], key: (item: T) => K): Record<K, T[]> {
  // group the items into arrays keyed by the result of key(item)
  █
}
""",
        "group the items into arrays keyed by the result of key(item)",
    ),
    case.comment(
        "comment/blank-lines-between",
        "money.ts",
        """\
export type Currency = "EUR" | "USD" | "GBP";

export interface Money {
  amount: number;
  currency: Currency;
}

// add two Money values and throw when the currencies differ


█
""",
        "add two Money values and throw when the currencies differ",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "rateLimiter.ts",
        """\
export interface RateLimiterOptions {
  capacity: number;
  refillPerSecond: number;
}

export class RateLimiter {
  private tokens: number;
  private last = Date.now();

  constructor(private opts: RateLimiterOptions) {
    this.tokens = opts.capacity;
  }

  // Token bucket: refill based on the time elapsed since the last call,
  // then take one token if available.
  // Return true when the call is allowed.
  █
}
""",
        "Token bucket: refill based on the time elapsed since the last call,\nthen take one token if available.\nReturn true when the call is allowed.",
    ),
    case.comment(
        "multiline-comment/block-with-stars",
        "parser.ts",
        """\
export type Token = { kind: "num" | "op" | "paren"; value: string };

const OPS = new Set(["+", "-", "*", "/"]);
const DIGIT = /[0-9.]/;

export function isOp(c: string): boolean {
  return OPS.has(c);
}

/*
 * Split an arithmetic expression into tokens.
 * Whitespace is ignored; throw a SyntaxError on unknown characters.
 */
█
""",
        "Split an arithmetic expression into tokens.\nWhitespace is ignored; throw a SyntaxError on unknown characters.",
    ),
    case.comment(
        "multiline-comment/ts-ignore-line-dropped",
        "legacy.ts",
        """\
import { legacyClient } from "./legacy-client";

export interface Invoice {
  id: number;
  total: number;
}

export const client = legacyClient();

// @ts-ignore
// map the legacy invoice payload to the Invoice interface
█
""",
        "map the legacy invoice payload to the Invoice interface",
        note="the @ts-ignore directive is dropped from the block",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/japanese",
        "format.ts",
        """\
export const YEN = new Intl.NumberFormat("ja-JP", { style: "currency", currency: "JPY" });

export function pad(n: number): string {
  return n.toString().padStart(2, "0");
}

// 日付を「YYYY年MM月DD日」の形式に変換する関数
█
""",
        "日付を「YYYY年MM月DD日」の形式に変換する関数",
    ),
    case.comment(
        "non-english/spanish-in-method",
        "inventario.ts",
        """\
export class Inventario {
  private stock = new Map<string, number>();

  agregar(sku: string, cantidad: number): void {
    const actual = this.stock.get(sku) ?? 0;
    this.stock.set(sku, actual + cantidad);
  }

  retirar(sku: string, cantidad: number): boolean {
    const actual = this.stock.get(sku) ?? 0;
    // si no hay suficiente stock devolver false, si no restar la cantidad y devolver true
    █
  }
}
""",
        "si no hay suficiente stock devolver false, si no restar la cantidad y devolver true",
    ),
    case.comment(
        "non-english/arabic",
        "validation.ts",
        """\
export interface FieldError {
  field: string;
  message: string;
}

export const required = (v: string): boolean => v.trim().length > 0;

// تحقق من أن رقم الهاتف يبدأ بـ +966 ويحتوي على تسعة أرقام بعده
█
""",
        "تحقق من أن رقم الهاتف يبدأ بـ +966 ويحتوي على تسعة أرقام بعده",
    ),
    case.comment(
        "non-english/russian-jsdoc",
        "cache.ts",
        """\
export class LruCache<K, V> {
  private map = new Map<K, V>();

  constructor(private capacity: number) {}

  has(key: K): boolean {
    return this.map.has(key);
  }

  /**
   * Вернуть значение по ключу и переместить его в конец очереди.
   */
  █
}
""",
        "Вернуть значение по ключу и переместить его в конец очереди.",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "products.ts",
        REPO + "\n// fetch all products cheaper than█\n",
    ),
    case.completion(
        "on-comment/start-of-line",
        "products.ts",
        REPO + "\n█// fetch all products cheaper than a given price\n",
    ),
    case.completion(
        "on-comment/middle-of-jsdoc",
        "strings.ts",
        """\
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

export const upper = (s: string): string => s.toUpperCase();

/**
 * Convert a kebab-case █string to camelCase.
 */
export function camel(s: string): string {
  return s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
""",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "limits.ts",
        """\
export const LIMITS = {
  maxUploadBytes: 10 * 1024 * 1024,
  maxFiles: █20, // per request
  maxNameLength: 255,
  maxDepth: 8,
} as const;
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/return-statement",
        "discount.ts",
        """\
export function discount(total: number, code?: string): number {
  if (!code) {
    return total;
  }
  const pct = code === "WELCOME10" ? 0.1 : 0;
  // return total * (1 - pct);
  █
}
""",
    ),
    case.completion(
        "commented-out-code/import-and-call",
        "main.ts",
        """\
import { bootstrap } from "./app";
import { loadConfig } from "./config";

const config = loadConfig();
const app = bootstrap(config);
app.listen(config.port);

// import { enableTracing } from "./tracing";
// enableTracing(app);
█
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/ts-expect-error",
        "window.ts",
        """\
declare global {
  interface Window {
    appVersion: string;
  }
}

export function version(): string {
  return window.appVersion;
}

// @ts-expect-error
█
""",
    ),
    case.completion(
        "directive/triple-slash-reference",
        "globals.ts",
        """\
/// <reference types="node" />
█
import { readFileSync } from "fs";

export const pkg = JSON.parse(readFileSync("package.json", "utf8"));
export const VERSION: string = pkg.version;
export const NAME: string = pkg.name;
export const DEBUG = process.env.DEBUG === "1";
""",
    ),
    case.completion(
        "directive/eslint-disable",
        "generated.ts",
        """\
/* eslint-disable @typescript-eslint/no-explicit-any */
█

export type Json = any;
export type Handler = (payload: any) => void;
export const handlers: Record<string, Handler> = {};
export const register = (name: string, h: Handler): void => {
  handlers[name] = h;
};
""",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/copyright",
        "src/index.ts",
        """\
// Copyright 2024 Contoso Ltd. All rights reserved.
// Use of this source code is governed by a BSD-style license.
█

import { createServer } from "./server";
import { loadConfig } from "./config";

const config = loadConfig(process.env);
const server = createServer(config);
server.listen(config.port);
""",
    ),
    case.completion(
        "header/shebang",
        "scripts/release.ts",
        """\
#!/usr/bin/env ts-node
█
import { execSync } from "child_process";

const version = process.argv[2];
execSync(`npm version ${version}`, { stdio: "inherit" });
execSync("git push --follow-tags", { stdio: "inherit" });
execSync("npm publish", { stdio: "inherit" });
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/dashes-block",
        "types.ts",
        """\
export type Id = string;
export type Timestamp = number;

export interface Entity {
  id: Id;
  createdAt: Timestamp;
}

/* ------------------------------------------------------------------------ */
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/ts-abbrev",
        "point.ts",
        """\
export interface Point {
  x: number;
  y: number;
}

export const origin: Point = { x: 0, y: 0 };

// 3d
█
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/typed-function",
        "guards.ts",
        """\
export interface User {
  id: string;
  email: string;
}

export function isUser(value: unknown): value is User {
  █
}
""",
    ),
    case.empty_function(
        "empty-function/arrow-const",
        "handlers.ts",
        """\
import type { Request, Response } from "express";

export const health = (_req: Request, res: Response): void => {
  res.json({ ok: true });
};

export const metrics = async (req: Request, res: Response): Promise<void> => {█};
""",
    ),
    case.empty_function(
        "empty-function/private-method",
        "scheduler.ts",
        """\
export class Scheduler {
  private timers: NodeJS.Timeout[] = [];

  every(ms: number, fn: () => void): void {
    this.timers.push(setInterval(fn, ms));
  }

  private clearAll(): void {
    █
  }
}
""",
    ),
    case.empty_function(
        "empty-function/constructor",
        "point3.ts",
        """\
export class Vector3 {
  x: number;
  y: number;
  z: number;

  constructor(x: number, y: number, z: number) {
    █
  }
}
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.empty_function(
        "empty-block/interface-body",
        "events.ts",
        """\
export interface BaseEvent {
  type: string;
  at: number;
}

export interface ClickEvent extends BaseEvent {
  █
}
""",
        note="team precision 1 (rule 5): an empty interface body is an empty definition; the user wants its members generated",
    ),
    case.completion(
        "empty-block/for-of-body",
        "totals.ts",
        """\
export function totals(lines: { qty: number; price: number }[]): number {
  let sum = 0;
  for (const line of lines) {
    █
  }
  return sum;
}
""",
    ),
    case.completion(
        "empty-block/enum-body",
        "status.ts",
        """\
export type Id = string;

export interface Job {
  id: Id;
  status: Status;
}

export enum Status {█}
""",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/type-reexports",
        "index.ts",
        """\
export * from "./client";
export * from "./errors";
export type { Options } from "./options";
█
""",
    ),
    case.small_file(
        "small-file/empty-function-in-small-file",
        "noop.ts",
        """\
export function noop(): void {
  █
}
""",
        note="rule 4 before rule 5",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/after-dot-on-generic",
        "registry.ts",
        """\
export class Registry<T> {
  private items = new Map<string, T>();

  register(name: string, item: T): void {
    this.items.█
  }
}
""",
    ),
    case.completion(
        "completion/type-annotation",
        "api.ts",
        """\
import axios from "axios";

export interface Page<T> {
  items: T[];
  next?: string;
}

export async function list<T>(url: string): Promise<Page<█>> {
  const { data } = await axios.get(url);
  return data;
}
""",
    ),
    case.completion(
        "completion/inside-object-argument",
        "http.ts",
        """\
import axios from "axios";

export const http = axios.create({
  baseURL: "https://api.example.com",
  timeout: 5000,
  headers: { █ },
});
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/jsdoc-with-tags",
        "retry.ts",
        """\
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface RetryOptions {
  attempts: number;
  delayMs: number;
}

/**
 * Run the async task and retry it when it throws,
 * waiting delayMs between attempts.
 */
█
""",
        "Run the async task and retry it when it throws,\nwaiting delayMs between attempts.",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-method",
        "timer.ts",
        """\
export class Stopwatch {
  private start = 0;

  begin(): void {
    this.start = performance.now();
    // TODO support lap times
  }
  █
}
""",
    ),
    case.completion(
        "scope/comment-then-code",
        "flags.ts",
        """\
// parse the feature flags from the query string
const params = new URLSearchParams(window.location.search);
export const flags = {
  beta: params.has("beta"),
  debug: params.get("debug") === "1",
};
█
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-in-string",
        "toast.ts",
        """\
export type Level = "info" | "warn" | "error";

export function toast(level: Level, text: string): string {
  const icon = level === "error" ? "🔥" : level === "warn" ? "⚠️" : "ℹ️";
  return `${icon} ${text} 🙂 ${█}`;
}
""",
    ),
    case.completion(
        "unicode/cjk-key",
        "i18n.ts",
        """\
export const messages: Record<string, string> = {
  greeting: "こんにちは",
  farewell: "さようなら",
  thanks: "ありがとう",
};
export const label = messages["greeting"] + "、" + █;
""",
    ),
    # --- more hard cases ------------------------------------------------------------------
    case.empty_function(
        "empty-function/nested-method-in-object-in-class",
        "plugin.ts",
        """\
export interface Plugin {
  name: string;
  setup(ctx: { log: (m: string) => void }): void;
}

export class PluginHost {
  private plugins: Plugin[] = [];

  builtin(): Plugin {
    return {
      name: "noop",
      setup(ctx) {
        █
      },
    };
  }
}
""",
        note="the method inside the returned object literal is empty even though builtin() is not",
    ),
    case.comment(
        "comment/end-of-file-without-newline",
        "hash.ts",
        """\
import { createHash } from "crypto";

export const ALGORITHM = "sha256";
export const ENCODING = "hex";
export type Digest = string;

// hash a file by streaming it through createHash and resolve with the hex digest
█""",
        "hash a file by streaming it through createHash and resolve with the hex digest",
    ),
    case.empty_function(
        "empty-block/abstract-class-body",
        "shape.ts",
        """\
export interface Shape {
  area(): number;
}

export const PI = Math.PI;

export abstract class BaseShape implements Shape {
  abstract area(): number;
}

export class Circle extends BaseShape {█}
""",
        note="team precision 1 (rule 5): an empty class body is an empty definition; the user wants its members generated",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.comment(
        "crlf/comment-in-method",
        "windows/registry.ts",
        crlf("""\
export class RegistryReader {
  constructor(private hive: string) {}

  read(key: string): string | undefined {
    const path = `${this.hive}\\\\${key}`;
    // run reg query for the path and return the value of the default entry
    █
  }
}
"""),
        "run reg query for the path and return the value of the default entry",
    ),
    case.completion(
        "crlf/completion",
        "windows/env.ts",
        crlf("""\
export const HOME = process.env.USERPROFILE ?? "";
export const APPDATA = process.env.APPDATA ?? "";
export const TEMP = process.env.TEMP ?? "";
export const SEP = "\\\\";
export const configDir = [APPDATA, "MyApp"].join(█);
"""),
    ),
    # --- team precisions (docs/intent.md) ------------------------------------------------
    case.completion(
        "empty-last-comment/trailing-space",
        "src/rows.ts",
        """\
import { Row } from "./types";

export const rows: Row[] = [];
export const byId = new Map<string, Row>();
export const pageSize = 50;
export let page = 0;

// sort the rows by date, newest first
// 
█
""",
        note="team precision 2 (rule 2): the block ends in an empty `// `, so no instruction lies directly above the cursor",
    ),
    case.completion(
        "type-body/namespace",
        "src/utils.ts",
        """\
import { Row } from "./types";

export const pageSize = 50;
export const maxPages = 20;
export const sep = ",";

export namespace Utils {
  █
}
""",
        note="a namespace is not a definition: team precision 1 leaves it completion",
    ),
    case.completion(
        "type-body/empty-if-in-method",
        "src/cart.ts",
        """\
import { Item } from "./types";

export class Cart {
  private items: Item[] = [];

  add(item: Item): void {
    if (item.quantity <= 0) {
      █
    }
    this.items.push(item);
  }
}
""",
        note="an empty `if` is not a definition and makes the method non-empty (team precision 1)",
    ),
]
