"""Labelled intent cases for Go (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("go")


STORE = """\
package store

import (
	"context"
	"database/sql"
	"errors"
)

var ErrNotFound = errors.New("store: not found")

type Store struct {
	db *sql.DB
}
"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/top-level",
        "store/store.go",
        STORE
        + "\n// UserByEmail loads a user by email and returns ErrNotFound when there is none.\n█\n",
        "UserByEmail loads a user by email and returns ErrNotFound when there is none.",
    ),
    case.comment(
        "comment/inside-function",
        "cmd/server/main.go",
        """\
package main

import (
	"log"
	"net/http"
	"os"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	// read the port from the PORT env var, default to 8080, and start the server
	█
}
""",
        "read the port from the PORT env var, default to 8080, and start the server",
    ),
    case.comment(
        "comment/inside-empty-method",
        "cache/cache.go",
        """\
package cache

import (
	"sync"
	"time"
)

type entry struct {
	value   []byte
	expires time.Time
}

type Cache struct {
	mu    sync.Mutex
	items map[string]entry
}

func (c *Cache) Get(key string) ([]byte, bool) {
	// return the value if present and not expired, deleting expired entries
	█
}
""",
        "return the value if present and not expired, deleting expired entries",
        note="rule 2 before rule 5",
    ),
    case.comment(
        "comment/inside-for-loop",
        "worker/pool.go",
        """\
package worker

type Job func() error

func Run(jobs <-chan Job, results chan<- error, n int) {
	for i := 0; i < n; i++ {
		go func() {
			for job := range jobs {
				// run the job and send its error on results, recovering from panics
				█
			}
		}()
	}
}
""",
        "run the job and send its error on results, recovering from panics",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "retry/retry.go",
        """\
package retry

import (
	"context"
	"time"
)

const maxAttempts = 5

// Do calls fn until it succeeds or ctx is done.
// The delay between attempts doubles each time, starting at base
// and capped at one minute.
█
""",
        "Do calls fn until it succeeds or ctx is done.\nThe delay between attempts doubles each time, starting at base\nand capped at one minute.",
    ),
    case.comment(
        "multiline-comment/block-comment",
        "geo/haversine.go",
        """\
package geo

import "math"

const earthRadiusKm = 6371.0

type Point struct {
	Lat, Lon float64
}

/*
Distance returns the great-circle distance between two points in kilometres,
using the haversine formula.
*/
█
""",
        "Distance returns the great-circle distance between two points in kilometres,\nusing the haversine formula.",
    ),
    case.comment(
        "multiline-comment/nolint-line-dropped",
        "auth/token.go",
        """\
package auth

import (
	"crypto/rand"
	"encoding/hex"
)

const tokenBytes = 32

//nolint:gosec
// NewToken returns a random hex token of tokenBytes bytes.
█
""",
        "NewToken returns a random hex token of tokenBytes bytes.",
        note="the nolint directive is dropped from the block",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/chinese",
        "util/strings.go",
        """\
package util

import (
	"strings"
	"unicode"
)

func IsBlank(s string) bool {
	return strings.TrimSpace(s) == ""
}

// 把驼峰命名转换成下划线命名，例如 UserID 转成 user_id
█
""",
        "把驼峰命名转换成下划线命名，例如 UserID 转成 user_id",
    ),
    case.comment(
        "non-english/german-in-function",
        "lager/lager.go",
        """\
package lager

type Artikel struct {
	Nummer  string
	Bestand int
}

func Nachbestellen(artikel []Artikel, mindestbestand int) []string {
	var liste []string
	// alle Artikel sammeln, deren Bestand unter dem Mindestbestand liegt
	█
	return liste
}
""",
        "alle Artikel sammeln, deren Bestand unter dem Mindestbestand liegt",
    ),
    case.comment(
        "non-english/korean",
        "order/order.go",
        """\
package order

import "time"

type Order struct {
	ID        string
	CreatedAt time.Time
	Paid      bool
}

// 결제되지 않은 주문 중 24시간이 지난 주문을 취소한다
█
""",
        "결제되지 않은 주문 중 24시간이 지난 주문을 취소한다",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "store/store.go",
        STORE + "\n// UserByEmail loads a user by email█\n",
    ),
    case.completion(
        "on-comment/start-of-comment",
        "store/store.go",
        STORE + "\n█// UserByEmail loads a user by email.\n\n",
    ),
    case.completion(
        "on-comment/middle-of-comment",
        "store/store.go",
        STORE + "\n// UserByEmail loads █a user by email.\n",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "config/config.go",
        """\
package config

import "time"

type Config struct {
	Addr    string
	Timeout time.Duration█ // per request
	Debug   bool
}
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/println",
        "cmd/migrate/main.go",
        """\
package main

import (
	"fmt"
	"os"
)

func main() {
	files, err := os.ReadDir("migrations")
	if err != nil {
		panic(err)
	}
	// fmt.Println(len(files), "migrations found")
	█
}
""",
    ),
    case.completion(
        "commented-out-code/return",
        "mathx/clamp.go",
        """\
package mathx

func Clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	// return min(v, hi)
	█
}
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/go-generate",
        "pill/pill.go",
        """\
package pill

type Pill int

const (
	Placebo Pill = iota
	Aspirin
	Ibuprofen
)

//go:generate stringer -type=Pill
█
""",
    ),
    case.completion(
        "directive/go-build-and-plus-build",
        "sys/sys_linux.go",
        """\
//go:build linux
// +build linux
█

package sys

import "golang.org/x/sys/unix"

func PageSize() int {
	return unix.Getpagesize()
}
""",
    ),
    case.completion(
        "directive/go-embed",
        "web/assets.go",
        """\
package web

import (
	"embed"
	"net/http"
)

//go:embed static
█
""",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/license",
        "internal/ring/ring.go",
        """\
// Copyright 2023 The Ring Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.
█

package ring

type Ring struct {
	buf  []int
	head int
}
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/slashes",
        "api/routes.go",
        """\
package api

import "net/http"

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/ping", ping)
}

//////////////////////////////////////////////////////////////////////////////
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "queue/queue.go",
        """\
package queue

type Queue[T any] struct {
	items []T
}

func (q *Queue[T]) Push(v T) {
	q.items = append(q.items, v)
	// ok
	█
}
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/function",
        "slug/slug.go",
        """\
package slug

import (
	"regexp"
	"strings"
)

var nonAlnum = regexp.MustCompile(`[^a-z0-9]+`)

func Make(title string) string {
	█
}
""",
    ),
    case.empty_function(
        "empty-function/method",
        "shapes/shapes.go",
        """\
package shapes

import "math"

type Circle struct{ R float64 }

func (c Circle) Area() float64 {
	return math.Pi * c.R * c.R
}

func (c Circle) Perimeter() float64 {█}
""",
    ),
    case.empty_function(
        "empty-function/func-literal",
        "server/shutdown.go",
        """\
package server

import (
	"os"
	"os/signal"
)

func OnInterrupt(stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	go func() {
		█
	}()
}
""",
        note="the enclosing function has statements; the cursor is in the empty func literal",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.empty_function(
        "empty-block/struct-body",
        "model/model.go",
        """\
package model

import "time"

type Base struct {
	ID        int64
	CreatedAt time.Time
}

type Tag struct {
	█
}
""",
        note="team precision 1 (rule 5): an empty struct body is an empty definition; the user wants its members generated",
    ),
    case.completion(
        "empty-block/if-err",
        "files/read.go",
        """\
package files

import "os"

func Read(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		█
	}
	return data, nil
}
""",
    ),
    case.empty_function(
        "empty-block/interface",
        "plugin/plugin.go",
        """\
package plugin

type Plugin interface {
	Name() string
	Init() error
}

type Marker interface{█}
""",
        note="team precision 1 (rule 5): an empty interface body is an empty definition; the user wants its members generated",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/package-and-imports",
        "tools.go",
        """\
package tools

import (
	_ "golang.org/x/tools/cmd/stringer"
)
█
""",
    ),
    case.small_file(
        "small-file/doc-go",
        "doc.go",
        """\
// Package ledger keeps a double-entry ledger of accounts and transfers.
//
// Every transfer debits one account and credits another; balances are
// derived from the transfer log and never stored.
package ledger
█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/after-dot",
        "client/client.go",
        """\
package client

import (
	"net/http"
	"time"
)

func New() *http.Client {
	return &http.Client{Timeout: 10 * time.█}
}
""",
    ),
    case.completion(
        "completion/inside-call",
        "report/report.go",
        """\
package report

import (
	"fmt"
	"io"
)

func Write(w io.Writer, name string, total float64) error {
	_, err := fmt.Fprintf(w, "%s: %.2f\\n", █)
	return err
}
""",
    ),
    case.completion(
        "completion/error-check-line",
        "db/open.go",
        """\
package db

import "database/sql"

func Open(dsn string) (*sql.DB, error) {
	conn, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	return conn, conn.█
}
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/doc-comment-above-blank",
        "metrics/histogram.go",
        """\
package metrics

import "sort"

type Histogram struct {
	values []float64
}

// Percentile returns the p-th percentile (0 < p <= 100) of the recorded values,
// or 0 when no values were recorded.
█
""",
        "Percentile returns the p-th percentile (0 < p <= 100) of the recorded values,\nor 0 when no values were recorded.",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-function",
        "health/health.go",
        """\
package health

import "net/http"

func Handler(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	// TODO include the build version in the body
}
█
""",
    ),
    case.completion(
        "scope/comment-then-code",
        "main.go",
        """\
package main

import "fmt"

func main() {
	// greet every user in the list
	users := []string{"ana", "bo", "cy"}
	for _, u := range users {
		fmt.Println("hello", u)
	}
	█
}
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-string",
        "bot/reply.go",
        """\
package bot

import "fmt"

func Reply(user string, ok bool) string {
	if ok {
		return fmt.Sprintf("✅ 完成 %s 🎉", █)
	}
	return "❌"
}
""",
    ),
    case.completion(
        "unicode/on-japanese-comment",
        "bot/jp.go",
        """\
package bot

const Greeting = "こんにちは"

func Hello() string {
	return Greeting // 挨拶を返す█
}
""",
    ),
    # --- more hard cases ------------------------------------------------------------------
    case.comment(
        "comment/package-doc-before-package-clause",
        "ledger/doc.go",
        """\
// write a package comment describing the ledger: accounts, transfers and balances
█
package ledger

import "errors"

var ErrInsufficientFunds = errors.New("ledger: insufficient funds")

type Account struct {
	ID      string
	Balance int64
}
""",
        "write a package comment describing the ledger: accounts, transfers and balances",
    ),
    case.completion(
        "scope/trailing-comment-on-line-above",
        "limits/limits.go",
        """\
package limits

const (
	MaxBody    = 1 << 20
	MaxHeaders = 100 // net/http default is larger
	█
)
""",
        note="a trailing comment on a code line does not form a comment block",
    ),
    case.empty_function(
        "empty-function/closure-in-struct-literal",
        "router/router.go",
        """\
package router

import "net/http"

type Route struct {
	Path    string
	Handler http.HandlerFunc
}

var Routes = []Route{
	{Path: "/ping", Handler: func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("pong")) }},
	{Path: "/ready", Handler: func(w http.ResponseWriter, r *http.Request) {
		█
	}},
}
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "winutil/paths.go",
        crlf("""\
package winutil

import (
	"os"
	"path/filepath"
)

// AppDataDir returns %APPDATA%\\MyApp, creating the directory if needed.
█
"""),
        "AppDataDir returns %APPDATA%\\MyApp, creating the directory if needed.",
    ),
    case.empty_function(
        "crlf/empty-function",
        "winutil/service.go",
        crlf("""\
package winutil

import "golang.org/x/sys/windows/svc"

type service struct{}

func (s *service) Execute(args []string, r <-chan svc.ChangeRequest, st chan<- svc.Status) (bool, uint32) {
	█
}
"""),
    ),
    # --- team precisions (docs/intent.md) ------------------------------------------------
    case.completion(
        "empty-last-comment/bare-slashes",
        "main.go",
        """\
package main

import (
	"flag"
	"fmt"
)

var verbose = flag.Bool("v", false, "verbose output")

// print the parsed flags when verbose is set
//
█
""",
        note="team precision 2 (rule 2): the block ends in an empty `//`, so no instruction lies directly above the cursor",
    ),
]
