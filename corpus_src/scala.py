"""Labelled intent cases for Scala (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("scala")


LEDGER = """\
package com.acme.ledger

import scala.collection.mutable

final case class Entry(account: String, amount: BigDecimal)

class Ledger {
  private val entries = mutable.ArrayBuffer.empty[Entry]

  def record(e: Entry): Unit = {
    entries += e
  }

"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/in-class-body",
        "src/main/scala/com/acme/ledger/Ledger.scala",
        LEDGER
        + "  // return the balance of every account as a map, skipping zero balances\n  █\n}\n",
        "return the balance of every account as a map, skipping zero balances",
    ),
    case.comment(
        "comment/inside-method",
        "src/main/scala/com/acme/Main.scala",
        """\
package com.acme

import scala.io.Source

object Main {
  def main(args: Array[String]): Unit = {
    val src = Source.fromFile(args.headOption.getOrElse("words.txt"))
    val words = src.getLines().flatMap(_.split("\\\\s+")).toList
    // print the five most common words with their counts
    █
  }
}
""",
        "print the five most common words with their counts",
    ),
    case.comment(
        "comment/inside-empty-method",
        "src/main/scala/com/acme/Temperature.scala",
        """\
package com.acme

object Temperature {
  def celsiusToFahrenheit(c: Double): Double = c * 9 / 5 + 32

  def fahrenheitToCelsius(f: Double): Double = {
    // inverse of celsiusToFahrenheit
    █
  }
}
""",
        "inverse of celsiusToFahrenheit",
        note="rule 2 before rule 5",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/scaladoc",
        "src/main/scala/com/acme/http/Retry.scala",
        """\
package com.acme.http

import scala.concurrent.{ExecutionContext, Future}
import scala.concurrent.duration._

object Retry {
  val MaxAttempts = 3

  /**
   * Retry the future-producing function up to MaxAttempts times,
   * doubling the delay after every failure.
   */
  █
}
""",
        "Retry the future-producing function up to MaxAttempts times,\ndoubling the delay after every failure.",
    ),
    case.comment(
        "multiline-comment/line-comments",
        "src/main/scala/com/acme/Csv.scala",
        """\
package com.acme

object Csv {
  val Separator = ','
  val Quote = '"'

  // Parse one CSV line into its fields.
  // Quoted fields may contain the separator and doubled quotes.
  █
}
""",
        "Parse one CSV line into its fields.\nQuoted fields may contain the separator and doubled quotes.",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/chinese",
        "src/main/scala/com/acme/Orders.scala",
        """\
package com.acme

final case class Order(id: Long, customer: String, total: BigDecimal)

object Orders {
  def byCustomer(orders: Seq[Order]): Map[String, Seq[Order]] = orders.groupBy(_.customer)

  // 计算每个客户的订单总金额，并按金额从高到低排序
  █
}
""",
        "计算每个客户的订单总金额，并按金额从高到低排序",
    ),
    case.comment(
        "non-english/french",
        "src/main/scala/com/acme/Meteo.scala",
        """\
package com.acme

object Meteo {
  def moyenne(temps: Seq[Double]): Double = temps.sum / temps.size

  def alerte(temps: Seq[Double]): Boolean = {
    val m = moyenne(temps)
    // renvoyer vrai si une température dépasse la moyenne de plus de dix degrés
    █
  }
}
""",
        "renvoyer vrai si une température dépasse la moyenne de plus de dix degrés",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "src/main/scala/com/acme/ledger/Ledger.scala",
        LEDGER + "  // return the balance of every account█\n}\n",
    ),
    case.completion(
        "on-comment/start-of-line",
        "src/main/scala/com/acme/ledger/Ledger.scala",
        LEDGER + "█  // return the balance of every account\n\n}\n",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "src/main/scala/com/acme/Settings.scala",
        """\
package com.acme

object Settings {
  val Port = 9000
  val TimeoutMs = █30000 // per request
  val MaxBody = 1 << 20
}
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/println",
        "src/main/scala/com/acme/Loader.scala",
        """\
package com.acme

import scala.io.Source

object Loader {
  def load(path: String): List[String] = {
    val lines = Source.fromFile(path).getLines().toList
    // println(s"loaded ${lines.size} lines")
    █
    lines
  }
}
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/scalastyle-off",
        "src/main/scala/com/acme/Legacy.scala",
        """\
package com.acme

object Legacy {
  def run(args: Array[String]): Unit = {
    args.foreach(println)
  }

  // scalastyle:off println
  █
}
""",
    ),
    case.completion(
        "directive/format-off",
        "src/main/scala/com/acme/Matrix.scala",
        """\
package com.acme

object Matrix {
  val Identity: Vector[Vector[Int]] = Vector(
    Vector(1, 0),
    Vector(0, 1)
  )

  // format: off
  █
}
""",
        note="`// format: off` is the scalafmt directive",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/license",
        "src/main/scala/com/acme/Id.scala",
        """\
/*
 * Copyright (c) 2022 Acme Labs.
 * Licensed under the Apache License, Version 2.0.
 */
█
package com.acme

final case class Id(value: String) extends AnyVal {
  override def toString: String = value
  def isEmpty: Boolean = value.isEmpty
}
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/equals",
        "src/main/scala/com/acme/Codecs.scala",
        """\
package com.acme

object Codecs {
  def encode(s: String): String = java.util.Base64.getEncoder.encodeToString(s.getBytes)
  def decode(s: String): String = new String(java.util.Base64.getDecoder.decode(s))

  // ==========================================================================
  █
}
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "src/main/scala/com/acme/Counter.scala",
        """\
package com.acme

class Counter {
  private var n = 0

  def inc(): Unit = {
    n += 1
    // ok
    █
  }
}
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/method",
        "src/main/scala/com/acme/ledger/Ledger.scala",
        LEDGER + "  def total(account: String): BigDecimal = {\n    █\n  }\n}\n",
    ),
    case.empty_function(
        "empty-function/anonymous-function",
        "src/main/scala/com/acme/Hooks.scala",
        """\
package com.acme

object Hooks {
  private var handlers = List.empty[String => Unit]

  def on(h: String => Unit): Unit = handlers ::= h

  val logHandler: String => Unit = (msg: String) => {█}
}
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.empty_function(
        "empty-block/trait-body",
        "src/main/scala/com/acme/Marker.scala",
        """\
package com.acme

sealed trait Shape
final case class Circle(r: Double) extends Shape
final case class Square(side: Double) extends Shape

trait Serializable {
  █
}
""",
        note="team precision 1 (rule 5): an empty trait body is an empty definition; the user wants its members generated",
    ),
    case.completion(
        "empty-block/if-body",
        "src/main/scala/com/acme/Guard.scala",
        """\
package com.acme

object Guard {
  def check(age: Int): Boolean = {
    val adult = age >= 18
    if (!adult) {
      █
    }
    adult
  }
}
""",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/package-and-imports",
        "src/main/scala/com/acme/package.scala",
        """\
package com.acme

import scala.concurrent.duration._
█
""",
    ),
    case.small_file(
        "small-file/build-sbt",
        "build.sbt",
        """\
// Build definition for the ledger service.
ThisBuild / scalaVersion := "2.13.12"
name := "ledger"
█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/collection-chain",
        "src/main/scala/com/acme/Stats.scala",
        """\
package com.acme

object Stats {
  def evens(xs: List[Int]): List[Int] = xs.filter(_ % 2 == 0)

  def squaresOfEvens(xs: List[Int]): List[Int] =
    evens(xs).█
}
""",
    ),
    case.completion(
        "completion/case-class-apply",
        "src/main/scala/com/acme/Users.scala",
        """\
package com.acme

final case class User(name: String, email: String, admin: Boolean = false)

object Users {
  val root: User = User("root", "root@example.com", █)
}
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/scaladoc-one-line",
        "src/main/scala/com/acme/Slug.scala",
        """\
package com.acme

object Slug {
  private val NonAlnum = "[^a-z0-9]+".r

  def isValid(s: String): Boolean = s.nonEmpty && NonAlnum.findFirstIn(s).isEmpty

  /** Lower-case the title and join its words with dashes. */
  █
}
""",
        "Lower-case the title and join its words with dashes.",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-then-code",
        "src/main/scala/com/acme/Boot.scala",
        """\
package com.acme

object Boot {
  def main(args: Array[String]): Unit = {
    // start the server on port 8080
    val server = new Server(8080)
    server.start()
    █
  }
}
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/interpolated-string",
        "src/main/scala/com/acme/Badge.scala",
        """\
package com.acme

object Badge {
  def label(name: String, score: Int): String = {
    val medal = if (score > 90) "🥇" else "🎖️"
    s"$medal ${name}さん: ${█}"
  }
}
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "src/main/scala/com/acme/WinEnv.scala",
        crlf("""\
package com.acme

object WinEnv {
  val AppData: String = sys.env.getOrElse("APPDATA", "C:/Users/Default")
  val Sep: String = java.io.File.separator

  // return the path of the app's log folder inside AppData
  █
}
"""),
        "return the path of the app's log folder inside AppData",
    ),
    # --- team precisions (docs/intent.md) ------------------------------------------------
    case.empty_function(
        "type-body/empty-object",
        "src/main/scala/Config.scala",
        """\
package app

import scala.concurrent.duration._

final case class Port(value: Int)
final case class Host(name: String)

object Config {
  █
}
""",
        note="team precision 1 (rule 5): an empty object body is an empty definition",
    ),
]
