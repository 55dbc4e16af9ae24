"""Labelled intent cases for C++ (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("cpp")


INVENTORY = """\
#include <map>
#include <stdexcept>
#include <string>

namespace shop {

class Inventory {
public:
    void add(const std::string& sku, int qty) { stock_[sku] += qty; }

"""

INVENTORY_END = """\
private:
    std::map<std::string, int> stock_;
};

}  // namespace shop
"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/in-class-body",
        "inventory.hpp",
        INVENTORY
        + "    // remove qty of sku, throwing std::out_of_range if there is not enough stock\n    █\n\n"
        + INVENTORY_END,
        "remove qty of sku, throwing std::out_of_range if there is not enough stock",
    ),
    case.comment(
        "comment/inside-function",
        "main.cpp",
        """\
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_map>

int main(int argc, char** argv) {
    std::ifstream in(argv[1]);
    std::unordered_map<std::string, int> counts;
    // count how often each word occurs and print the ten most frequent
    █
}
""",
        "count how often each word occurs and print the ten most frequent",
    ),
    case.comment(
        "comment/inside-empty-lambda",
        "worker.cpp",
        """\
#include <atomic>
#include <chrono>
#include <thread>

std::atomic<bool> running{true};

std::thread start_heartbeat() {
    return std::thread([] {
        // every second print a heartbeat line until running becomes false
        █
    });
}
""",
        "every second print a heartbeat line until running becomes false",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "lru.hpp",
        """\
#pragma once
#include <list>
#include <unordered_map>

template <typename K, typename V>
class LruCache {
public:
    explicit LruCache(size_t cap) : cap_(cap) {}

    // Insert or update key with value and move it to the front.
    // When the cache is over capacity, evict the least recently used entry.
    █

private:
    size_t cap_;
    std::list<std::pair<K, V>> items_;
};
""",
        "Insert or update key with value and move it to the front.\nWhen the cache is over capacity, evict the least recently used entry.",
    ),
    case.comment(
        "multiline-comment/block-comment",
        "json_escape.cpp",
        """\
#include <sstream>
#include <string>

namespace util {

std::string quote(const std::string& s) { return "\\"" + s + "\\""; }

/*
  Escape a string for JSON: quotes, backslashes and control characters,
  using \\u00XX for the control characters.
*/
█

}  // namespace util
""",
        "Escape a string for JSON: quotes, backslashes and control characters,\nusing \\u00XX for the control characters.",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/japanese",
        "stats.cpp",
        """\
#include <numeric>
#include <vector>

double mean(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / v.size();
}

// ベクトルの標準偏差を計算する（空の場合は0を返す）
█
""",
        "ベクトルの標準偏差を計算する（空の場合は0を返す）",
    ),
    case.comment(
        "non-english/german",
        "konto.cpp",
        """\
#include <stdexcept>

class Konto {
public:
    explicit Konto(double saldo) : saldo_(saldo) {}

    void abheben(double betrag) {
        // Betrag abziehen und eine Ausnahme werfen, wenn der Saldo negativ würde
        █
    }

private:
    double saldo_;
};
""",
        "Betrag abziehen und eine Ausnahme werfen, wenn der Saldo negativ würde",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "inventory.hpp",
        INVENTORY + "    // remove qty of sku█\n\n" + INVENTORY_END,
    ),
    case.completion(
        "on-comment/middle-of-doxygen",
        "inventory.hpp",
        INVENTORY
        + "    /// Return the stock █for sku.\n    int count(const std::string& sku) const;\n\n"
        + INVENTORY_END,
    ),
    case.completion(
        "on-comment/trailing-namespace-comment",
        "inventory.hpp",
        INVENTORY
        + "    int total() const;\n\n"
        + INVENTORY_END.replace("}  // namespace shop", "}█  // namespace shop"),
        note="the closing brace line carries a trailing comment",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/cout",
        "server.cpp",
        """\
#include <iostream>
#include <string>

void handle(const std::string& request) {
    auto size = request.size();
    // std::cout << "request: " << request << std::endl;
    █
    if (size == 0) return;
}
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/nolint",
        "legacy.cpp",
        """\
#include <cstring>

class Buffer {
public:
    char data[256];
    void clear() { std::memset(data, 0, sizeof data); }
};

// NOLINT(cppcoreguidelines-avoid-c-arrays)
█
""",
    ),
    case.completion(
        "directive/clang-format-on",
        "lookup.cpp",
        """\
#include <array>

// clang-format off
constexpr std::array<int, 8> kSquares = {
    0, 1, 4, 9,
    16, 25, 36, 49,
};
// clang-format on
█
""",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/mit-license",
        "geometry.hpp",
        """\
// Copyright (c) 2020 Geometry Contributors
// SPDX-License-Identifier: MIT
█

#pragma once
#include <cmath>

struct Vec2 {
    double x, y;
    double length() const { return std::hypot(x, y); }
};
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/equals",
        "app.cpp",
        """\
#include <iostream>

int run();

int main() {
    std::ios::sync_with_stdio(false);
    return run();
}

// ===========================================================================
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "swap.cpp",
        """\
#include <utility>
#include <vector>

void rotate_left(std::vector<int>& v) {
    for (size_t i = 1; i < v.size(); ++i) {
        std::swap(v[i - 1], v[i]);
    }
    // ok
    █
}
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/member-function",
        "inventory.hpp",
        INVENTORY
        + "    bool in_stock(const std::string& sku) const {\n        █\n    }\n\n"
        + INVENTORY_END,
    ),
    case.empty_function(
        "empty-function/lambda",
        "sort.cpp",
        """\
#include <algorithm>
#include <string>
#include <vector>

struct Person {
    std::string name;
    int age;
};

void sort_people(std::vector<Person>& people) {
    std::sort(people.begin(), people.end(), [](const Person& a, const Person& b) {█});
}
""",
    ),
    case.empty_function(
        "empty-function/free-function-in-namespace",
        "path.cpp",
        """\
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

namespace app {

std::string config_dir() {
    █
}

}  // namespace app
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.completion(
        "empty-block/namespace",
        "detail.hpp",
        """\
#pragma once
#include <cstdint>
#include <string>

namespace net::detail {
█
}
""",
    ),
    case.empty_function(
        "empty-block/struct",
        "events.hpp",
        """\
#pragma once
#include <string>

struct Event {
    std::string name;
};

struct Shutdown : Event {█};
""",
        note="team precision 1 (rule 5): an empty struct body is an empty definition; the user wants its members generated",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/includes-only",
        "pch.hpp",
        """\
#pragma once
#include <string>
#include <vector>
█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/scope-resolution",
        "clock.cpp",
        """\
#include <chrono>
#include <iostream>

int main() {
    auto start = std::chrono::steady_clock::now();
    auto end = std::chrono::steady_clock::now();
    std::cout << std::chrono::duration_cast<std::chrono::█>(end - start).count();
    return 0;
}
""",
    ),
    case.completion(
        "completion/member-call",
        "names.cpp",
        """\
#include <string>
#include <vector>

std::vector<std::string> names() {
    std::vector<std::string> out;
    out.reserve(3);
    out.█
    return out;
}
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/triple-slash",
        "matrix.hpp",
        """\
#pragma once
#include <array>

template <size_t N>
using Row = std::array<double, N>;

template <size_t N>
using Matrix = std::array<Row<N>, N>;

/// Transpose a square matrix in place.
/// Only the upper triangle is swapped with the lower one.
█
""",
        "Transpose a square matrix in place.\nOnly the upper triangle is swapped with the lower one.",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-then-code",
        "init.cpp",
        """\
#include <cstdlib>
#include <string>

std::string home() {
    // read HOME, falling back to the current directory
    const char* h = std::getenv("HOME");
    std::string dir = h ? h : ".";
    █
}
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/u8-literal",
        "banner.cpp",
        """\
#include <iostream>
#include <string>

int main() {
    std::string who = "мир";
    std::cout << u8"🚀 Привет, " << who << █;
    return 0;
}
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.empty_function(
        "crlf/empty-method",
        "window.cpp",
        crlf("""\
#include <windows.h>

class MainWindow {
public:
    explicit MainWindow(HINSTANCE inst) : inst_(inst) {}
    void show(int cmd) {
        █
    }
private:
    HINSTANCE inst_;
};
"""),
    ),
    # --- team precisions (docs/intent.md) ------------------------------------------------
    case.empty_function(
        "type-body/class-with-access-label",
        "widget.hpp",
        """\
#pragma once

#include <string>
#include <vector>

class Widget {
public:
    █
};
""",
        note="team precision 1 (rule 5): an access label is not a member, so this class body is empty",
    ),
]
