"""Labelled intent cases for Zig (corpus part B).

Comment syntaxes: `//`, doc comments `///` and container doc comments `//!`. Zig has no block
comments. `// zig fmt: off`/`on` are formatter directives. Struct bodies are not functions.
"""

from _helpers import Cases, crlf

case = Cases("zig")


CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/in-function",
        "src/tokenizer.zig",
        r"""const std = @import("std");

pub const Token = struct {
    tag: Tag,
    start: usize,
    end: usize,

    pub const Tag = enum { number, plus, minus, eof };
};

pub fn next(source: []const u8, index: *usize) Token {
    while (index.* < source.len and source[index.*] == ' ') index.* += 1;
    // return an eof token at the end, otherwise scan one number or operator
    █
}
""",
        "return an eof token at the end, otherwise scan one number or operator",
    ),
    case.comment(
        "comment/top-level",
        "src/math.zig",
        r"""const std = @import("std");
const testing = std.testing;

pub fn clamp(x: i32, lo: i32, hi: i32) i32 {
    return @max(lo, @min(x, hi));
}

// greatest common divisor of two unsigned integers, Euclid's algorithm

█
""",
        "greatest common divisor of two unsigned integers, Euclid's algorithm",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "src/ring_buffer.zig",
        r"""const std = @import("std");

pub fn RingBuffer(comptime T: type, comptime capacity: usize) type {
    return struct {
        items: [capacity]T = undefined,
        head: usize = 0,
        len: usize = 0,

        const Self = @This();

        // Push an item at the tail.
        // When the buffer is full, overwrite the oldest item
        // and move the head forward by one.
        █
    };
}
""",
        "Push an item at the tail.\n"
        "When the buffer is full, overwrite the oldest item\n"
        "and move the head forward by one.",
    ),
    case.comment(
        "multiline-comment/only-last-run",
        "src/args.zig",
        r"""const std = @import("std");

// Command line parsing.

const Options = struct {
    verbose: bool = false,
    output: ?[]const u8 = null,
};

// walk the process arguments, set verbose for -v
// and take the value after -o as the output path
█
""",
        "walk the process arguments, set verbose for -v\nand take the value after -o as the output path",
    ),
    # --- non-english -------------------------------------------------------------------------
    case.comment(
        "non-english/russian",
        "src/checksum.zig",
        r"""const std = @import("std");

pub const Crc = std.hash.Crc32;

pub fn ofSlice(data: []const u8) u32 {
    return Crc.hash(data);
}

// прочитать файл блоками по 4096 байт и вернуть CRC32 всего содержимого
█
""",
        "прочитать файл блоками по 4096 байт и вернуть CRC32 всего содержимого",
    ),
    case.comment(
        "non-english/italian",
        "src/matrix.zig",
        r"""const std = @import("std");

pub const Mat2 = struct {
    a: f32,
    b: f32,
    c: f32,
    d: f32,

    // calcola il determinante e restituisci null se la matrice non è invertibile
    █
};
""",
        "calcola il determinante e restituisci null se la matrice non è invertibile",
    ),
    # --- on-comment ------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "src/config.zig",
        r"""const std = @import("std");

pub const Config = struct {
    port: u16 = 8080,
    workers: u8 = 4,
    log_level: std.log.Level = .info,
};

// parse the config from a JSON file and fall back to the█
""",
    ),
    case.completion(
        "on-comment/start-of-doc-comment",
        "src/config.zig",
        r"""const std = @import("std");

pub const Config = struct {
    port: u16 = 8080,
█    /// Number of worker threads; 0 means one per CPU.
    workers: u8 = 4,
    log_level: std.log.Level = .info,
};
""",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "src/limits.zig",
        r"""pub const max_connections = 1024;
pub const read_timeout_ms = 5_000;
pub const max_body = 1 << 20;█ // 1 MiB
pub const max_headers = 64;
pub const keep_alive = true;
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/debug-print",
        "src/server.zig",
        r"""const std = @import("std");

pub fn handle(conn: std.net.Server.Connection) !void {
    defer conn.stream.close();
    var buf: [4096]u8 = undefined;
    const n = try conn.stream.read(&buf);
    // std.debug.print("read {d} bytes\n", .{n});
    // const req = try parse(buf[0..n]);
    █
    _ = n;
}
""",
    ),
    # --- directive -------------------------------------------------------------------------
    case.completion(
        "directive/zig-fmt-off",
        "src/tables.zig",
        r"""const std = @import("std");

pub const hex_digits = "0123456789abcdef";

pub fn hexDigit(n: u4) u8 {
    return hex_digits[n];
}

pub const upper_hex_digits = "0123456789ABCDEF";

// zig fmt: off
█
""",
        note="zig fmt: off is a formatter directive (rule 3)",
    ),
    case.completion(
        "directive/zig-fmt-on-inside-function",
        "src/tables.zig",
        r"""const std = @import("std");

pub fn identity() [3][3]f32 {
    var m: [3][3]f32 = undefined;
    m[0] = .{ 1, 0, 0 };
    m[1] = .{ 0, 1, 0 };
    m[2] = .{ 0, 0, 1 };
    // zig fmt: on
    █
    return m;
}
""",
        note="zig fmt: on is a formatter directive (rule 3); the function body is not empty",
    ),
    # --- header ----------------------------------------------------------------------------
    case.completion(
        "header/spdx",
        "src/alloc.zig",
        r"""// SPDX-License-Identifier: MIT
// Copyright (c) 2024 Acme Systems

█
const std = @import("std");

pub fn arena(backing: std.mem.Allocator) std.heap.ArenaAllocator {
    return std.heap.ArenaAllocator.init(backing);
}

pub const page = std.heap.page_allocator;
pub const c = std.heap.c_allocator;
""",
    ),
    # --- separator -------------------------------------------------------------------------
    case.completion(
        "separator/equals",
        "src/vec.zig",
        r"""pub const Vec2 = struct {
    x: f32,
    y: f32,

    pub fn add(a: Vec2, b: Vec2) Vec2 {
        return .{ .x = a.x + b.x, .y = a.y + b.y };
    }

    // ======================================================================
    █
};
""",
    ),
    # --- short-comment ---------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "src/vec.zig",
        r"""pub const Vec2 = struct {
    x: f32,
    y: f32,

    pub fn scale(v: Vec2, k: f32) Vec2 {
        // ok
        █
        return .{ .x = v.x * k, .y = v.y * k };
    }
};
""",
    ),
    # --- empty-function --------------------------------------------------------------------
    case.empty_function(
        "empty-function/method-in-struct",
        "src/stack.zig",
        r"""const std = @import("std");

pub fn Stack(comptime T: type) type {
    return struct {
        items: std.ArrayList(T),

        const Self = @This();

        pub fn init(allocator: std.mem.Allocator) Self {
            return .{ .items = std.ArrayList(T).init(allocator) };
        }

        pub fn pop(self: *Self) ?T {
            █
        }
    };
}
""",
    ),
    case.empty_function(
        "empty-function/top-level",
        "src/main.zig",
        r"""const std = @import("std");
const server = @import("server.zig");
const Config = @import("config.zig").Config;

pub const std_options: std.Options = .{ .log_level = .info };

fn loadConfig(allocator: std.mem.Allocator, path: []const u8) !Config {
█
}

pub fn main() !void {
    const config = try loadConfig(std.heap.page_allocator, "config.json");
    try server.run(config);
}
""",
    ),
    case.empty_function(
        "empty-function/same-line",
        "src/hooks.zig",
        r"""const std = @import("std");

pub const Hooks = struct {
    on_start: *const fn () void,
    on_stop: *const fn () void,
};

fn noop() void {█}

pub const default_hooks = Hooks{ .on_start = noop, .on_stop = noop };
""",
    ),
    # --- empty-block -----------------------------------------------------------------------
    case.empty_function(
        "empty-block/struct",
        "src/geometry.zig",
        r"""const std = @import("std");

pub const Point = struct {
    x: i32,
    y: i32,
};

pub const Rect = struct {
    █
};
""",
        note="team precision 1 (rule 5): an empty struct body is an empty definition; the user wants its members generated",
    ),
    case.completion(
        "empty-block/if",
        "src/geometry.zig",
        r"""const std = @import("std");

pub fn area(w: i32, h: i32) !i32 {
    if (w < 0 or h < 0) {
        █
    }
    return w * h;
}
""",
    ),
    # --- small-file ------------------------------------------------------------------------
    case.small_file(
        "small-file/imports-only",
        "src/root.zig",
        r"""const std = @import("std");
const testing = std.testing;
█
""",
    ),
    case.small_file(
        "small-file/comment-heavy",
        "build.zig",
        r"""//! Build script for the shop server.
//! Run `zig build run` to start it and `zig build test` for the tests.
//! The server binary lands in zig-out/bin.

const std = @import("std");

pub fn build(b: *std.Build) void {
    █
}
""",
        note="three code lines: rule 4 comes before rule 5",
    ),
    # --- completion ------------------------------------------------------------------------
    case.completion(
        "completion/after-dot",
        "src/log.zig",
        r"""const std = @import("std");

pub fn logRequest(method: []const u8, path: []const u8, status: u16) void {
    const ts = std.time.milliTimestamp();
    std.log.info("{d} {s} {s} {d}", .{ ts, method, path, status });
    std.█
}
""",
    ),
    case.completion(
        "completion/argument-list",
        "src/files.zig",
        r"""const std = @import("std");

pub fn readAll(allocator: std.mem.Allocator, path: []const u8) ![]u8 {
    const file = try std.fs.cwd().openFile(path, .{});
    defer file.close();
    return file.readToEndAlloc(allocator, █);
}
""",
    ),
    # --- docstring -------------------------------------------------------------------------
    case.comment(
        "docstring/doc-comment",
        "src/strings.zig",
        r"""const std = @import("std");

pub fn isBlank(s: []const u8) bool {
    for (s) |c| {
        if (!std.ascii.isWhitespace(c)) return false;
    }
    return true;
}

/// Returns a copy of s with ASCII letters lowercased,
/// allocated with the given allocator; the caller frees it.
█
""",
        "Returns a copy of s with ASCII letters lowercased,\n"
        "allocated with the given allocator; the caller frees it.",
    ),
    case.comment(
        "docstring/top-level-doc",
        "src/base64url.zig",
        r"""//! URL-safe base64 encoding without padding, as used in JWTs.

█
""",
        "URL-safe base64 encoding without padding, as used in JWTs.",
        note="a `//!` container doc comment above a blank line; rule 2 comes before the small-file rule",
    ),
    # --- scope -----------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-fn",
        "src/timer.zig",
        r"""const std = @import("std");

pub fn elapsedMs(start: i64) i64 {
    return std.time.milliTimestamp() - start;
    // use a monotonic clock instead
}
█

pub fn now() i64 {
    return std.time.milliTimestamp();
}
""",
    ),
    case.completion(
        "scope/comment-then-code",
        "src/timer.zig",
        r"""const std = @import("std");

pub fn sleepMs(ms: u64) void {
    // nanoseconds per millisecond
    const factor = std.time.ns_per_ms;

    █
    std.time.sleep(ms * factor);
}

pub const tick_ms = 16;
""",
    ),
    # --- unicode ---------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-string",
        "src/banner.zig",
        r"""const std = @import("std");

pub fn printBanner(writer: anytype, name: []const u8) !void {
    try writer.print("⚡ Zig 服务器 🚀 {s}\n", .{name});
    try writer.print("listening on {d}\n", .{█});
}

pub const version = "0.3.1";
""",
    ),
    # --- crlf ------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "src/queue.zig",
        crlf(
            r"""const std = @import("std");

pub fn Queue(comptime T: type) type {
    return struct {
        list: std.ArrayList(T),

        // remove and return the first item, or null when empty
        █
    };
}
"""
        ),
        "remove and return the first item, or null when empty",
    ),
    # --- edge cases --------------------------------------------------------------------------
    case.comment(
        "directive/with-prose",
        "src/tables.zig",
        r"""const std = @import("std");

pub const hex_digits = "0123456789abcdef";

pub fn hexDigit(n: u4) u8 {
    return hex_digits[n];
}

// zig fmt: off
// a 16x16 lookup table of CRC8 values for the polynomial 0x07
█
""",
        "a 16x16 lookup table of CRC8 values for the polynomial 0x07",
        note="the formatter directive line is dropped from the block",
    ),
    case.completion(
        "separator/around-instruction",
        "src/http.zig",
        r"""const std = @import("std");

pub const Method = enum { GET, POST, PUT, DELETE };

pub const Request = struct {
    method: Method,
    path: []const u8,
};

// ----------------------------------------------------------------------------
// parse the request line "GET /path HTTP/1.1" into a Request
// ----------------------------------------------------------------------------
█
""",
        note="team precision 2 (rule 2): the block's last line is a separator (no letter or digit), an empty comment, so no instruction lies directly above the cursor",
    ),
    case.comment(
        "header/then-instruction",
        "src/sha.zig",
        r"""// SPDX-License-Identifier: MIT
// Copyright (c) 2024 Acme Systems

// hex-encode the SHA-256 digest of the input into a 64-byte array
█
""",
        "hex-encode the SHA-256 digest of the input into a 64-byte array",
    ),
    case.completion(
        "on-comment/small-file",
        "src/version.zig",
        r"""pub const version = "0.3.1"; // bump█ on release
""",
    ),
]
