"""Labelled intent cases for C (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("c")


RING = """\
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RING_CAP 64

typedef struct {
    uint8_t data[RING_CAP];
    size_t head;
    size_t tail;
} ring_t;
"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/top-level",
        "ring.c",
        RING + "\n// push a byte into the ring buffer, returning false when it is full\n█\n",
        "push a byte into the ring buffer, returning false when it is full",
    ),
    case.comment(
        "comment/inside-function",
        "main.c",
        """\
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE\\n", argv[0]);
        return 1;
    }
    FILE *fp = fopen(argv[1], "r");
    /* count the lines in fp and print the total */
    █
}
""",
        "count the lines in fp and print the total",
    ),
    case.comment(
        "comment/inside-empty-function",
        "str.c",
        """\
#include <ctype.h>
#include <string.h>

size_t str_len(const char *s) {
    return strlen(s);
}

char *str_trim(char *s) {
    // strip leading and trailing whitespace in place and return s
    █
}
""",
        "strip leading and trailing whitespace in place and return s",
        note="rule 2 before rule 5",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/block-comment",
        "crc32.c",
        """\
#include <stddef.h>
#include <stdint.h>

static uint32_t table[256];
static int table_ready = 0;

/*
 * Build the CRC-32 lookup table for the reflected polynomial 0xEDB88320
 * the first time it is needed.
 */
█
""",
        "Build the CRC-32 lookup table for the reflected polynomial 0xEDB88320\nthe first time it is needed.",
    ),
    case.comment(
        "multiline-comment/line-comments",
        "list.c",
        """\
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

// Reverse the singly linked list in place.
// Return the new head; an empty list stays NULL.
█
""",
        "Reverse the singly linked list in place.\nReturn the new head; an empty list stays NULL.",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/chinese",
        "sort.c",
        """\
#include <stddef.h>

static void swap(int *a, int *b) {
    int t = *a;
    *a = *b;
    *b = t;
}

/* 对整数数组进行快速排序，使用最后一个元素作为基准 */
█
""",
        "对整数数组进行快速排序，使用最后一个元素作为基准",
    ),
    case.comment(
        "non-english/russian",
        "matrix.c",
        """\
#include <stdlib.h>

typedef struct {
    int rows;
    int cols;
    double *data;
} matrix;

// Перемножить две матрицы и вернуть новую, или NULL при несовпадении размеров
█
""",
        "Перемножить две матрицы и вернуть новую, или NULL при несовпадении размеров",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "ring.c",
        RING + "\n// push a byte into the ring█\n",
    ),
    case.completion(
        "on-comment/inside-block-comment",
        "ring.c",
        RING + "\n/*\n * Pop a byte from the █ring.\n */\n",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "config.h",
        """\
#ifndef CONFIG_H
#define CONFIG_H

#define MAX_CLIENTS 128
#define BUF_SIZE █4096 /* bytes per client */
#define PORT 7070

#endif
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/printf",
        "parse.c",
        """\
#include <stdio.h>
#include <stdlib.h>

long parse_long(const char *s) {
    char *end = NULL;
    long v = strtol(s, &end, 10);
    // printf("parsed %ld\\n", v);
    █
    return v;
}
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/clang-format-off",
        "tables.c",
        """\
#include <stdint.h>

const uint8_t SBOX_ROW0[4] = {0x63, 0x7c, 0x77, 0x7b};
const uint8_t SBOX_ROW1[4] = {0xca, 0x82, 0xc9, 0x7d};
const uint8_t SBOX_ROW2[4] = {0xb7, 0xfd, 0x93, 0x26};
const uint8_t SBOX_ROW3[4] = {0x04, 0xc7, 0x23, 0xc3};

// clang-format off
█
""",
    ),
    case.completion(
        "directive/nolint",
        "alloc.c",
        """\
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n) {
    void *p = malloc(n);
    if (!p) abort();
    // NOLINTNEXTLINE(clang-analyzer-security.insecureAPI.DeprecatedOrUnsafeBufferHandling)
    █
    return p;
}
""",
    ),
    case.completion(
        "directive/pragma-once",
        "vec.h",
        """\
#pragma once
█
#include <stddef.h>

typedef struct {
    float x, y, z;
} vec3;

vec3 vec3_add(vec3 a, vec3 b);
""",
        note="#pragma once is a preprocessor directive, not a comment",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/gpl-license",
        "util.c",
        """\
/*
 * util.c - small helpers
 *
 * Copyright (C) 2019 Jane Doe <jane@example.org>
 *
 * This program is free software; you can redistribute it and/or modify
 * it under the terms of the GNU General Public License version 2.
 */
█

#include <string.h>

int starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/stars",
        "timer.c",
        """\
#include <time.h>

double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/*****************************************************************************/
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/xx",
        "bits.c",
        """\
#include <stdint.h>

int popcount(uint32_t x) {
    int n = 0;
    while (x) {
        x &= x - 1;
        n++;
    }
    /* xx */
    █
    return n;
}
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/function",
        "ring.c",
        RING + "\nbool ring_push(ring_t *r, uint8_t byte) {\n    █\n}\n",
    ),
    case.empty_function(
        "empty-function/static-void",
        "signals.c",
        """\
#include <signal.h>
#include <stdio.h>

static volatile sig_atomic_t stop = 0;

static void on_sigint(int sig) {█}

int main(void) {
    signal(SIGINT, on_sigint);
    while (!stop) {
    }
    return 0;
}
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.empty_function(
        "empty-block/struct-body",
        "types.h",
        """\
#ifndef TYPES_H
#define TYPES_H

#include <stdint.h>

struct packet_header {
    █
};

#endif
""",
        note="team precision 1 (rule 5): an empty struct body is an empty definition; the user wants its members generated",
    ),
    case.completion(
        "empty-block/while-body",
        "wait.c",
        """\
#include <stdatomic.h>

extern atomic_int ready;

void spin_until_ready(void) {
    int spins = 0;
    while (!atomic_load(&ready)) {
        █
    }
}
""",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/include-guard",
        "log.h",
        """\
#ifndef LOG_H
#define LOG_H
█
#endif
""",
    ),
    case.small_file(
        "small-file/includes-only",
        "main.c",
        """\
// Entry point of the tool.
#include <stdio.h>
#include <string.h>
█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/struct-member-access",
        "ring.c",
        RING + "\nsize_t ring_size(const ring_t *r) {\n    return (r->█\n}\n",
    ),
    case.completion(
        "completion/inside-call",
        "copy.c",
        """\
#include <stdio.h>
#include <string.h>

void copy_name(char *dst, size_t cap, const char *src) {
    snprintf(dst, cap, "%s", src);
    dst[cap - 1] = '\\0';
    memset(dst + strlen(dst), 0, █);
}
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/doxygen-block",
        "hash.c",
        """\
#include <stddef.h>
#include <stdint.h>

#define FNV_OFFSET 2166136261u
#define FNV_PRIME 16777619u

/**
 * Compute the 32-bit FNV-1a hash of len bytes at data.
 */
█
""",
        "Compute the 32-bit FNV-1a hash of len bytes at data.",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-function",
        "net.c",
        """\
#include <unistd.h>

int close_all(int *fds, int n) {
    for (int i = 0; i < n; i++) close(fds[i]);
    return 0;
    /* TODO report close errors */
}
█
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/utf8-string",
        "greet.c",
        """\
#include <stdio.h>

int main(void) {
    const char *name = "世界";
    printf("こんにちは、%s 🌏\\n", █);
    return 0;
}
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "win.c",
        crlf("""\
#include <windows.h>
#include <stdio.h>

int main(void) {
    HANDLE h = GetStdHandle(STD_OUTPUT_HANDLE);
    // set the console text color to bright green and print a greeting
    █
    return 0;
}
"""),
        "set the console text color to bright green and print a greeting",
    ),
]
