"""Labelled intent cases for Kotlin (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("kotlin")


REPO = """\
package com.acme.notes

import java.time.Instant

data class Note(val id: Long, val title: String, val body: String, val updated: Instant)

class NoteRepository {
    private val notes = mutableMapOf<Long, Note>()

    fun save(note: Note) {
        notes[note.id] = note
    }

"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/in-class-body",
        "NoteRepository.kt",
        REPO
        + "    // search notes whose title or body contains the query, most recently updated first\n    █\n}\n",
        "search notes whose title or body contains the query, most recently updated first",
    ),
    case.comment(
        "comment/inside-function",
        "Main.kt",
        """\
package com.acme

import java.io.File

fun main(args: Array<String>) {
    val file = File(args.firstOrNull() ?: "data.txt")
    val lines = file.readLines()
    // print the number of non-blank lines and the longest line
    █
}
""",
        "print the number of non-blank lines and the longest line",
    ),
    case.comment(
        "comment/inside-empty-function",
        "Strings.kt",
        """\
package com.acme.text

fun String.isPalindrome(): Boolean {
    val clean = filter { it.isLetterOrDigit() }.lowercase()
    return clean == clean.reversed()
}

fun String.toTitleCase(): String {
    // capitalise the first letter of every word
    █
}
""",
        "capitalise the first letter of every word",
        note="rule 2 before rule 5",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/kdoc",
        "Retry.kt",
        """\
package com.acme.net

import kotlinx.coroutines.delay

const val MAX_ATTEMPTS = 4
const val BASE_DELAY_MS = 250L

/**
 * Run block, retrying on IOException with exponential backoff,
 * and rethrow the last exception after MAX_ATTEMPTS attempts.
 */
█
""",
        "Run block, retrying on IOException with exponential backoff,\nand rethrow the last exception after MAX_ATTEMPTS attempts.",
    ),
    case.comment(
        "multiline-comment/line-comments",
        "Validation.kt",
        """\
package com.acme.forms

data class SignUp(val email: String, val password: String, val age: Int)

sealed interface Problem
data class Invalid(val field: String, val reason: String) : Problem

// Validate a SignUp form.
// Email must contain '@', password at least 10 characters, age 16 or more.
█
""",
        "Validate a SignUp form.\nEmail must contain '@', password at least 10 characters, age 16 or more.",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/korean",
        "Cart.kt",
        """\
package com.acme.shop

data class Item(val name: String, val price: Int, val qty: Int)

class Cart(private val items: MutableList<Item> = mutableListOf()) {
    fun add(item: Item) = items.add(item)

    // 장바구니의 총 금액을 계산하고 5만원 이상이면 10% 할인한다
    █
}
""",
        "장바구니의 총 금액을 계산하고 5만원 이상이면 10% 할인한다",
    ),
    case.comment(
        "non-english/german",
        "Termine.kt",
        """\
package com.acme.kalender

import java.time.LocalDate

class Kalender(private val termine: List<LocalDate>) {
    fun naechsterTermin(heute: LocalDate): LocalDate? {
        val kommende = termine.filter { it >= heute }
        // den frühesten kommenden Termin zurückgeben oder null, wenn es keinen gibt
        █
    }
}
""",
        "den frühesten kommenden Termin zurückgeben oder null, wenn es keinen gibt",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "NoteRepository.kt",
        REPO + "    // search notes whose title█\n}\n",
    ),
    case.completion(
        "on-comment/inside-kdoc",
        "NoteRepository.kt",
        REPO
        + "    /**\n     * Delete the note with the given █id.\n     */\n    fun delete(id: Long) = notes.remove(id)\n}\n",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "Config.kt",
        """\
package com.acme

object Config {
    const val PORT = 8080
    const val TIMEOUT_MS = █15_000 // per request
    const val MAX_BODY = 1_048_576
}
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/println",
        "Importer.kt",
        """\
package com.acme.io

import java.io.File

class Importer {
    fun import(path: String): Int {
        val rows = File(path).readLines().drop(1)
        // println("rows: ${rows.size}")
        █
        return rows.size
    }
}
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/ktlint-disable",
        "Wildcards.kt",
        """\
package com.acme.ui

import androidx.compose.runtime.*
import androidx.compose.material3.*

class Theme {
    val name = "default"
}

// ktlint-disable no-wildcard-imports
█
""",
    ),
    case.completion(
        "directive/suppress-annotation",
        "Casts.kt",
        """\
package com.acme.util

object Casts {
    fun <T> firstOrNull(list: List<Any?>): T? = list.firstOrNull() as T?

    @Suppress("UNCHECKED_CAST")
    █
}
""",
        note="an annotation is not a comment",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/license",
        "Clock.kt",
        """\
/*
 * Copyright 2024 Acme GmbH
 * SPDX-License-Identifier: Apache-2.0
 */
█
package com.acme.time

import java.time.Instant

interface Clock {
    fun now(): Instant
}
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/dashes",
        "Routes.kt",
        """\
package com.acme.web

import io.ktor.server.routing.*
import io.ktor.server.response.*

fun Route.health() {
    get("/health") { call.respondText("ok") }
}

// ---------------------------------------------------------------------------
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "Toggle.kt",
        """\
package com.acme

class Toggle {
    var on = false
        private set

    fun flip() {
        on = !on
        // ok
        █
    }
}
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/member-function",
        "NoteRepository.kt",
        REPO + "    fun count(): Int {\n        █\n    }\n}\n",
    ),
    case.empty_function(
        "empty-function/lambda",
        "Clicks.kt",
        """\
package com.acme.ui

import android.widget.Button

class Screen(private val save: Button, private val cancel: Button) {
    fun bind() {
        cancel.setOnClickListener { finish() }
        save.setOnClickListener {█}
    }

    private fun finish() = Unit
}
""",
    ),
    case.empty_function(
        "empty-function/suspend-function",
        "Sync.kt",
        """\
package com.acme.sync

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

class SyncService(private val api: Api, private val db: Db) {
    suspend fun pull() = withContext(Dispatchers.IO) { db.save(api.fetch()) }

    suspend fun push() {
        █
    }
}
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.empty_function(
        "empty-block/object-body",
        "Events.kt",
        """\
package com.acme.events

sealed class Event {
    data class Click(val x: Int, val y: Int) : Event()
    data class Key(val code: Int) : Event()

    object Tick {
        █
    }
}
""",
        note="team precision 1 (rule 5): an empty object body is an empty definition; the user wants its members generated",
    ),
    case.completion(
        "empty-block/when-branch",
        "Status.kt",
        """\
package com.acme

enum class Status { ACTIVE, SUSPENDED, DELETED }

fun describe(s: Status): String {
    var text = "unknown"
    when (s) {
        Status.ACTIVE -> text = "active"
        Status.SUSPENDED -> {█}
        Status.DELETED -> text = "deleted"
    }
    return text
}
""",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/imports-only",
        "App.kt",
        """\
package com.acme

import kotlinx.coroutines.runBlocking
█
""",
    ),
    case.small_file(
        "small-file/gradle-kts",
        "settings.gradle.kts",
        """\
// Root project settings.
rootProject.name = "acme"
include(":app", ":core")
█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/collection-chain",
        "Stats.kt",
        """\
package com.acme.stats

data class Sale(val region: String, val amount: Double)

fun count(sales: List<Sale>): Int = sales.size

fun average(sales: List<Sale>): Double = sales.map { it.amount }.average()

fun totals(sales: List<Sale>): Map<String, Double> =
    sales.groupBy { it.region }.█
""",
    ),
    case.completion(
        "completion/named-argument",
        "Users.kt",
        """\
package com.acme.users

data class User(val name: String, val email: String, val admin: Boolean = false)

fun defaultAdmin(): User {
    val email = "admin@example.com"
    return User(name = "Admin", email = email, █)
}
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/kdoc-in-class",
        "Money.kt",
        """\
package com.acme.money

import java.math.BigDecimal

data class Money(val amount: BigDecimal, val currency: String) {
    operator fun plus(other: Money): Money = copy(amount = amount + other.amount)

    /** Split into n parts that sum exactly to this amount. */
    █
}
""",
        "Split into n parts that sum exactly to this amount.",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-function",
        "Cache.kt",
        """\
package com.acme

class Cache {
    private val map = HashMap<String, String>()

    fun put(k: String, v: String) {
        map[k] = v
        // TODO evict old entries
    }
    █
}
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/string-template",
        "Greeting.kt",
        """\
package com.acme

fun greeting(name: String, points: Int): String {
    val badge = if (points > 100) "🏆" else "⭐"
    return "$badge 你好，$name！积分：${█}"
}
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.completion(
        "crlf/completion",
        "Paths.kt",
        crlf("""\
package com.acme.win

import java.nio.file.Path
import java.nio.file.Paths

val appData: Path = Paths.get(System.getenv("APPDATA"))
val logs: Path = appData.resolve(█)
"""),
    ),
    # --- team precisions (docs/intent.md) ------------------------------------------------
    case.empty_function(
        "type-body/empty-interface",
        "src/main/kotlin/Greeter.kt",
        """\
package app

import java.time.Clock

val clock: Clock = Clock.systemUTC()
const val DEFAULT_NAME = "world"

interface Greeter {
    █
}
""",
        note="team precision 1 (rule 5): an empty interface body is an empty definition",
    ),
    case.completion(
        "type-body/enum-class",
        "src/main/kotlin/Level.kt",
        """\
package app

import java.time.Clock

val clock: Clock = Clock.systemUTC()
const val DEFAULT_NAME = "world"

enum class Level {
    █
}
""",
        note="an enum is not a definition whose members are generated: team precision 1 leaves it completion",
    ),
    case.comment(
        "empty-last-comment/paragraph-gap-inside",
        "src/main/kotlin/Main.kt",
        """\
package app

import java.time.Clock

val clock: Clock = Clock.systemUTC()
const val DEFAULT_NAME = "world"

// load the config from the environment
//
// then start the server on its port
█
""",
        "load the config from the environment\nthen start the server on its port",
        note="team precision 2 only looks at the last line: an inner empty `//` is dropped",
    ),
]
