"""Labelled intent cases for Rust (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("rust")


STACK = """\
use std::fmt;

#[derive(Debug, Default)]
pub struct Stack<T> {
    items: Vec<T>,
}

impl<T> Stack<T> {
    pub fn new() -> Self {
        Self { items: Vec::new() }
    }

"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/in-impl-block",
        "src/stack.rs",
        STACK + "    // pop the top item, returning None when the stack is empty\n    █\n}\n",
        "pop the top item, returning None when the stack is empty",
    ),
    case.comment(
        "comment/inside-function",
        "src/main.rs",
        """\
use std::collections::HashMap;
use std::fs;

fn main() -> std::io::Result<()> {
    let text = fs::read_to_string("input.txt")?;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    // count each word in text and print the counts sorted by frequency
    █
    Ok(())
}
""",
        "count each word in text and print the counts sorted by frequency",
    ),
    case.comment(
        "comment/inside-empty-function",
        "src/temperature.rs",
        """\
pub const ABSOLUTE_ZERO_C: f64 = -273.15;

pub fn c_to_f(c: f64) -> f64 {
    c * 9.0 / 5.0 + 32.0
}

pub fn f_to_c(f: f64) -> f64 {
    // inverse of c_to_f
    █
}
""",
        "inverse of c_to_f",
        note="rule 2 before rule 5",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "src/config.rs",
        """\
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
pub struct Config {
    pub port: u16,
    pub database_url: String,
}

// Load the config from a TOML file at path.
// Environment variables APP_PORT and DATABASE_URL override the file values.
█
""",
        "Load the config from a TOML file at path.\nEnvironment variables APP_PORT and DATABASE_URL override the file values.",
    ),
    case.comment(
        "multiline-comment/block-comment",
        "src/bits.rs",
        """\
pub fn is_power_of_two(n: u64) -> bool {
    n != 0 && n & (n - 1) == 0
}

pub fn low_bit(n: u64) -> u64 {
    n & n.wrapping_neg()
}

/*
   Round n up to the next power of two,
   returning None on overflow.
*/
█
""",
        "Round n up to the next power of two,\nreturning None on overflow.",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/chinese",
        "src/utils.rs",
        """\
use std::time::{SystemTime, UNIX_EPOCH};

pub fn now_secs() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs()
}

/// 判断给定的年份是否为闰年
█
""",
        "判断给定的年份是否为闰年",
    ),
    case.comment(
        "non-english/russian-in-fn",
        "src/bank.rs",
        """\
pub struct Account {
    pub balance: i64,
}

impl Account {
    pub fn transfer(&mut self, to: &mut Account, amount: i64) -> Result<(), String> {
        let before = self.balance;
        // Проверить баланс и перевести сумму на другой счёт
        █
    }
}
""",
        "Проверить баланс и перевести сумму на другой счёт",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "src/stack.rs",
        STACK + "    // pop the top item█\n}\n",
    ),
    case.completion(
        "on-comment/doc-comment-middle",
        "src/stack.rs",
        STACK
        + "    /// Returns the number of █items.\n    pub fn len(&self) -> usize {\n        self.items.len()\n    }\n}\n",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "src/limits.rs",
        """\
pub const MAX_CONNECTIONS: usize = 1024;
pub const READ_TIMEOUT_MS: u64 = █5_000; // milliseconds
pub const WRITE_TIMEOUT_MS: u64 = 5_000;
pub const MAX_FRAME: usize = 16 * 1024;
pub const BACKLOG: i32 = 128;
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/println",
        "src/parse.rs",
        """\
pub fn parse_pairs(input: &str) -> Vec<(String, String)> {
    let pairs: Vec<(String, String)> = input
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    // println!("{:?}", pairs);
    █
    pairs
}
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/allow-attribute",
        "src/ffi.rs",
        """\
use std::os::raw::c_int;

extern "C" {
    fn abs(x: c_int) -> c_int;
}

pub fn safe_abs(x: i32) -> i32 {
    unsafe { abs(x) }
}

#[allow(dead_code)]
█
""",
        note="an attribute is not a comment; there is no comment block above the cursor",
    ),
    case.completion(
        "directive/rustfmt-skip",
        "src/tables.rs",
        """\
pub const IDENTITY: [[f32; 3]; 3] = [
    [1.0, 0.0, 0.0],
    [0.0, 1.0, 0.0],
    [0.0, 0.0, 1.0],
];

#[rustfmt::skip]
█
""",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/license",
        "src/lib.rs",
        """\
// Copyright 2024 The Ferris Project Developers.
// Licensed under the Apache License, Version 2.0 or the MIT license,
// at your option.
█

pub mod error;
pub mod lexer;
pub mod parser;

pub use parser::parse;
pub use lexer::Token;
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/dashes",
        "src/shapes.rs",
        """\
pub trait Shape {
    fn area(&self) -> f64;
}

pub struct Square(pub f64);

impl Shape for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}

// ----------------------------------------------------------------------------
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "src/flag.rs",
        """\
pub struct Flag(bool);

impl Flag {
    pub fn toggle(&mut self) {
        self.0 = !self.0;
        // ok
        █
    }
}
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/method",
        "src/stack.rs",
        STACK + "    pub fn peek(&self) -> Option<&T> {\n        █\n    }\n}\n",
    ),
    case.empty_function(
        "empty-function/closure-block",
        "src/server.rs",
        """\
use std::thread;

pub fn spawn_workers(n: usize) -> Vec<thread::JoinHandle<()>> {
    let mut handles = Vec::with_capacity(n);
    for id in 0..n {
        handles.push(thread::spawn(move || {█}));
    }
    handles
}
""",
    ),
    case.empty_function(
        "empty-function/trait-impl-method",
        "src/display.rs",
        """\
use std::fmt;

pub struct Point {
    pub x: i32,
    pub y: i32,
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        █
    }
}
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.empty_function(
        "empty-block/impl-block",
        "src/marker.rs",
        """\
#[derive(Clone, Copy, Debug)]
pub struct Meters(pub f64);

#[derive(Clone, Copy, Debug)]
pub struct Seconds(pub f64);

impl Meters {
    █
}
""",
        note="team precision 1 (rule 5): an empty impl body is an empty definition; the user wants its members generated",
    ),
    case.completion(
        "empty-block/match-arm-block",
        "src/cmd.rs",
        """\
pub enum Command {
    Start,
    Stop,
}

pub fn run(cmd: Command) -> &'static str {
    match cmd {
        Command::Start => {
            █
        }
        Command::Stop => "stopped",
    }
}
""",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/mod-declarations",
        "src/lib.rs",
        """\
//! Core types for the ledger crate.

pub mod account;
pub mod money;
█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/method-chain",
        "src/evens.rs",
        """\
pub fn sum_of_even_squares(values: &[i64]) -> i64 {
    values
        .iter()
        .filter(|v| *v % 2 == 0)
        .map(|v| v * v)
        .█
}
""",
    ),
    case.completion(
        "completion/path-segment",
        "src/client.rs",
        """\
use std::time::Duration;

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .expect(█)
}
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/doc-comment",
        "src/slug.rs",
        """\
pub const SEPARATOR: char = '-';

pub fn is_slug_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == SEPARATOR
}

/// Turn a title into a lowercase slug, collapsing runs of
/// non-alphanumeric characters into a single separator.
█
""",
        "Turn a title into a lowercase slug, collapsing runs of\nnon-alphanumeric characters into a single separator.",
    ),
    case.comment(
        "docstring/inner-doc-comment",
        "src/lib.rs",
        """\
//! A tiny INI parser: sections, keys and values,
//! with comments starting with ';' ignored.
█

pub mod error;
pub mod section;

pub use error::Error;
pub use section::Section;
pub type Result<T> = std::result::Result<T, Error>;
""",
        "A tiny INI parser: sections, keys and values,\nwith comments starting with ';' ignored.",
        note="an inner doc comment above a blank line is an instruction block like any other",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-fn",
        "src/cleanup.rs",
        """\
use std::fs;

pub fn clean(dir: &str) -> std::io::Result<()> {
    fs::remove_dir_all(dir)?;
    Ok(())
    // TODO keep the .gitkeep file
}
█
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/format-emoji",
        "src/report.rs",
        """\
pub fn status_line(name: &str, ok: bool) -> String {
    let icon = if ok { "✅" } else { "❌" };
    let label = "テスト結果";
    format!("{icon} {label}: {name} 🦀 {}", █)
}

pub const VERSION: &str = "1.0";
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.empty_function(
        "crlf/empty-function",
        "src/win.rs",
        crlf("""\
use std::path::PathBuf;

pub fn app_data() -> PathBuf {
    PathBuf::from(std::env::var("APPDATA").unwrap_or_default())
}

pub fn log_dir() -> PathBuf {
    █
}
"""),
    ),
    # --- team precisions (docs/intent.md) ------------------------------------------------
    case.empty_function(
        "type-body/empty-trait",
        "src/shape.rs",
        """\
use std::fmt;

pub struct Circle {
    pub r: f64,
}

pub trait Shape {
    █
}
""",
        note="team precision 1 (rule 5): an empty trait body is an empty definition",
    ),
    case.empty_function(
        "type-body/empty-macro-arm",
        "src/macros.rs",
        """\
use std::fmt;

pub struct Point {
    pub x: i32,
    pub y: i32,
}

macro_rules! point {
    () => {█};
}
""",
        note="team precision 1 (rule 5): a macro_rules! arm is the body of a definition, and this one is empty",
    ),
    case.completion(
        "type-body/macro-arm-with-tokens",
        "src/macros.rs",
        """\
use std::fmt;

pub struct Point {
    pub x: i32,
    pub y: i32,
}

macro_rules! point {
    ($x:expr, $y:expr) => {
        Point { x: $x, y: $y }
        █
    };
}
""",
        note="a macro_rules! arm with tokens is a non-empty definition",
    ),
    case.completion(
        "empty-last-comment/doc-comment",
        "src/lib.rs",
        """\
use std::collections::HashMap;

pub struct Cache {
    map: HashMap<String, String>,
    hits: u64,
}

/// Returns the cached value for a key, loading it on a miss.
///
█
""",
        note="team precision 2 (rule 2): the doc-comment run ends in an empty `///`",
    ),
]
