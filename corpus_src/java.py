"""Labelled intent cases for Java (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("java")


ACCOUNT = """\
package com.acme.bank;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

public class Account {
    private final String iban;
    private BigDecimal balance = BigDecimal.ZERO;
    private final List<String> history = new ArrayList<>();

    public Account(String iban) {
        this.iban = iban;
    }

"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/in-class-body",
        "src/main/java/com/acme/bank/Account.java",
        ACCOUNT + "    // deposit a positive amount and record it in the history\n    █\n}\n",
        "deposit a positive amount and record it in the history",
    ),
    case.comment(
        "comment/inside-method",
        "src/main/java/com/acme/report/ReportService.java",
        """\
package com.acme.report;

import java.time.LocalDate;
import java.util.List;

public class ReportService {
    private final SalesRepository sales;

    public ReportService(SalesRepository sales) {
        this.sales = sales;
    }

    public Report monthly(LocalDate month) {
        List<Sale> rows = sales.findByMonth(month);
        // sum the sales per region and return them as a Report sorted by revenue
        █
    }
}
""",
        "sum the sales per region and return them as a Report sorted by revenue",
    ),
    case.comment(
        "comment/inside-empty-method",
        "src/main/java/com/acme/util/Strings.java",
        """\
package com.acme.util;

public final class Strings {
    private Strings() {
    }

    public static String reverseWords(String sentence) {
        // reverse the order of the words, keeping single spaces between them
        █
    }
}
""",
        "reverse the order of the words, keeping single spaces between them",
        note="rule 2 before rule 5",
    ),
    case.comment(
        "comment/inside-lambda",
        "src/main/java/com/acme/Main.java",
        """\
package com.acme;

import java.util.concurrent.Executors;

public class Main {
    public static void main(String[] args) {
        var pool = Executors.newFixedThreadPool(4);
        pool.submit(() -> {
            // poll the queue every second and log how many messages are waiting
            █
        });
    }
}
""",
        "poll the queue every second and log how many messages are waiting",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "src/main/java/com/acme/text/Csv.java",
        """\
package com.acme.text;

import java.util.ArrayList;
import java.util.List;

public final class Csv {
    private static final char QUOTE = '"';

    // Split one CSV line into fields.
    // Fields may be quoted; a doubled quote inside a quoted field is a literal quote.
    █
}
""",
        "Split one CSV line into fields.\nFields may be quoted; a doubled quote inside a quoted field is a literal quote.",
    ),
    case.comment(
        "multiline-comment/block-comment",
        "src/main/java/com/acme/geo/Bounds.java",
        """\
package com.acme.geo;

public record Bounds(double minLat, double minLon, double maxLat, double maxLon) {

    public boolean isEmpty() {
        return minLat > maxLat || minLon > maxLon;
    }

    /*
     * Return true when the point lies inside the bounds,
     * treating the edges as inside.
     */
    █
}
""",
        "Return true when the point lies inside the bounds,\ntreating the edges as inside.",
    ),
    case.comment(
        "multiline-comment/checkstyle-line-dropped",
        "src/main/java/com/acme/Config.java",
        """\
package com.acme;

import java.util.Properties;

public class Config {
    private final Properties props = new Properties();

    // CHECKSTYLE:OFF
    // load application.properties from the classpath and fail fast if it is missing
    █
}
""",
        "load application.properties from the classpath and fail fast if it is missing",
        note="CHECKSTYLE:OFF is a tool directive and is dropped from the block",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/chinese",
        "src/main/java/com/acme/user/UserService.java",
        """\
package com.acme.user;

import java.util.Optional;

public class UserService {
    private final UserRepository repo;

    public UserService(UserRepository repo) {
        this.repo = repo;
    }

    // 根据手机号查询用户，如果不存在则抛出 UserNotFoundException
    █
}
""",
        "根据手机号查询用户，如果不存在则抛出 UserNotFoundException",
    ),
    case.comment(
        "non-english/french-javadoc",
        "src/main/java/com/acme/facture/Facture.java",
        """\
package com.acme.facture;

import java.math.BigDecimal;
import java.util.List;

public class Facture {
    private final List<Ligne> lignes;

    public Facture(List<Ligne> lignes) {
        this.lignes = lignes;
    }

    /**
     * Calcule le montant total TTC de la facture.
     */
    █
}
""",
        "Calcule le montant total TTC de la facture.",
    ),
    case.comment(
        "non-english/portuguese-in-method",
        "src/main/java/com/acme/estoque/Estoque.java",
        """\
package com.acme.estoque;

import java.util.HashMap;
import java.util.Map;

public class Estoque {
    private final Map<String, Integer> itens = new HashMap<>();

    public void remover(String sku, int quantidade) {
        int atual = itens.getOrDefault(sku, 0);
        // lançar uma exceção se não houver quantidade suficiente no estoque
        █
    }
}
""",
        "lançar uma exceção se não houver quantidade suficiente no estoque",
    ),
    case.comment(
        "non-english/russian",
        "src/main/java/com/acme/Dates.java",
        """\
package com.acme;

import java.time.DayOfWeek;
import java.time.LocalDate;

public final class Dates {
    private Dates() {
    }

    // Вернуть следующий рабочий день после указанной даты
    █
}
""",
        "Вернуть следующий рабочий день после указанной даты",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "src/main/java/com/acme/bank/Account.java",
        ACCOUNT + "    // deposit a positive amount█\n}\n",
    ),
    case.completion(
        "on-comment/start-of-comment",
        "src/main/java/com/acme/bank/Account.java",
        ACCOUNT + "█    // deposit a positive amount\n\n}\n",
        note="column 0 of a comment line (before the indentation) is still on the comment line",
    ),
    case.completion(
        "on-comment/inside-javadoc",
        "src/main/java/com/acme/bank/Account.java",
        ACCOUNT + "    /**\n     * Withdraw the amount if the █balance allows it.\n     */\n}\n",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "src/main/java/com/acme/net/Timeouts.java",
        """\
package com.acme.net;

public final class Timeouts {
    public static final int CONNECT_MS = 2_000;
    public static final int READ_MS = █10_000; // generous for slow reports
    public static final int WRITE_MS = 5_000;
}
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/system-out",
        "src/main/java/com/acme/Importer.java",
        """\
package com.acme;

import java.nio.file.Files;
import java.nio.file.Path;

public class Importer {
    public long importFile(Path path) throws Exception {
        long count = Files.lines(path).count();
        // System.out.println("imported " + count + " lines");
        █
        return count;
    }
}
""",
    ),
    case.completion(
        "commented-out-code/block-of-statements",
        "src/main/java/com/acme/Cleanup.java",
        """\
package com.acme;

import java.io.File;

public class Cleanup {
    public void run(File dir) {
        File[] files = dir.listFiles();
        /*
        for (File f : files) {
            f.delete();
        }
        */
        █
    }
}
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/noinspection",
        "src/main/java/com/acme/Legacy.java",
        """\
package com.acme;

import java.util.List;

public class Legacy {
    private List rawItems;

    //noinspection unchecked
    █
}
""",
    ),
    case.completion(
        "directive/nopmd-and-suppress",
        "src/main/java/com/acme/Holder.java",
        """\
package com.acme;

public class Holder {
    private Object value;

    public Object get() {
        return value;
    }

    // NOPMD
    @SuppressWarnings("unchecked")
    █
}
""",
        note="the cursor line is below an annotation, not a comment, and the comment above it is a PMD directive",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/apache-license",
        "src/main/java/org/example/Strings.java",
        """\
/*
 * Licensed to the Apache Software Foundation (ASF) under one
 * or more contributor license agreements.  See the NOTICE file
 * distributed with this work for additional information.
 */
█

package org.example;

public final class Strings {
    public static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
""",
    ),
    case.completion(
        "header/copyright-line",
        "src/main/java/com/acme/App.java",
        """\
// Copyright (c) 2022 Acme Corp.
█
package com.acme;

public class App {
    public static void main(String[] args) {
        System.out.println("ready");
    }
}
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/stars",
        "src/main/java/com/acme/Constants.java",
        """\
package com.acme;

public final class Constants {
    public static final int PAGE_SIZE = 50;
    public static final int MAX_PAGES = 200;

    // ************************************************************************
    █
}
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "src/main/java/com/acme/Flags.java",
        """\
package com.acme;

public class Flags {
    private boolean enabled;

    public void enable() {
        enabled = true;
        // ok
        █
    }
}
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/method",
        "src/main/java/com/acme/bank/Account.java",
        ACCOUNT + "    public void withdraw(BigDecimal amount) {\n        █\n    }\n}\n",
    ),
    case.empty_function(
        "empty-function/constructor",
        "src/main/java/com/acme/shop/Cart.java",
        """\
package com.acme.shop;

import java.util.ArrayList;
import java.util.List;

public class Cart {
    private final List<Item> items;
    private final String owner;

    public Cart(String owner) {█}
}
""",
    ),
    case.empty_function(
        "empty-function/lambda-block",
        "src/main/java/com/acme/ui/Buttons.java",
        """\
package com.acme.ui;

import javax.swing.JButton;

public class Buttons {
    public JButton save() {
        JButton button = new JButton("Save");
        button.addActionListener(event -> {
            █
        });
        return button;
    }
}
""",
    ),
    case.empty_function(
        "empty-function/nested-class-method",
        "src/main/java/com/acme/Outer.java",
        """\
package com.acme;

public class Outer {
    private int counter;

    static class Validator {
        boolean check(String input) {
            █
        }
    }
}
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.empty_function(
        "empty-block/class-body",
        "src/main/java/com/acme/errors/NotFoundException.java",
        """\
package com.acme.errors;

import java.io.Serial;

public class AppException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;
}

class NotFoundException extends AppException {
    █
}
""",
        note="team precision 1 (rule 5): an empty class body is an empty definition; the user wants its members generated",
    ),
    case.completion(
        "empty-block/catch-block",
        "src/main/java/com/acme/Parse.java",
        """\
package com.acme;

public final class Parse {
    public static int intOr(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            █
        }
        return fallback;
    }
}
""",
    ),
    case.small_file(
        "small-file/empty-interface",
        "src/main/java/com/acme/Marker.java",
        """\
package com.acme;

import java.io.Serializable;

public interface Marker extends Serializable {█}
""",
        note="an empty interface body in a file of 3 code lines: rule 4 decides",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/imports-only",
        "src/main/java/com/acme/Util.java",
        """\
package com.acme;

import java.util.List;
import java.util.Map;

█
""",
    ),
    case.small_file(
        "small-file/javadoc-heavy",
        "src/main/java/com/acme/package-info.java",
        """\
/**
 * Domain model for the billing service.
 *
 * <p>Classes in this package are immutable and safe to share between threads.
 * Monetary amounts are always {@link java.math.BigDecimal} in the account currency.
 */
package com.acme.billing;█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/after-dot-stream",
        "src/main/java/com/acme/Names.java",
        """\
package com.acme;

import java.util.List;
import java.util.stream.Collectors;

public class Names {
    public static String join(List<String> names) {
        return names.stream().█
    }
}
""",
    ),
    case.completion(
        "completion/inside-arguments",
        "src/main/java/com/acme/Http.java",
        """\
package com.acme;

import java.net.URI;
import java.net.http.HttpRequest;

public class Http {
    public static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", █).build();
    }
}
""",
    ),
    case.completion(
        "completion/field-declaration",
        "src/main/java/com/acme/Point.java",
        """\
package com.acme;

public class Point {
    private final int x;
    private final int y;
    private static final Point ORIGIN = new █
}
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/javadoc-above-blank",
        "src/main/java/com/acme/Money.java",
        """\
package com.acme;

import java.math.BigDecimal;
import java.math.RoundingMode;

public final class Money {
    private final BigDecimal amount;

    public Money(BigDecimal amount) {
        this.amount = amount;
    }

    /**
     * Split this amount into n parts that add up exactly to the original,
     * giving the leftover cents to the first parts.
     */
    █
}
""",
        "Split this amount into n parts that add up exactly to the original,\ngiving the leftover cents to the first parts.",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-method",
        "src/main/java/com/acme/Counter.java",
        """\
package com.acme;

public class Counter {
    private int count;

    public void increment() {
        count++;
        // TODO make this thread safe
    }
    █
}
""",
    ),
    case.completion(
        "scope/comment-then-code",
        "src/main/java/com/acme/Boot.java",
        """\
package com.acme;

public class Boot {
    public static void main(String[] args) {
        // start the HTTP server on port 8080
        var server = new Server(8080);
        server.start();
        █
    }
}
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-string",
        "src/main/java/com/acme/Status.java",
        """\
package com.acme;

public enum Status {
    OK("✅ 成功"), FAILED("❌ 失敗");

    private final String label;

    Status(String label) { this.label = label; }

    public String banner() { return "🚦 " + label + █; }
}
""",
    ),
    case.completion(
        "unicode/on-cjk-trailing-comment",
        "src/main/java/com/acme/Labels.java",
        """\
package com.acme;

public final class Labels {
    public static final String SAVE = "保存";
    public static final String CANCEL = "キャンセル"; // 取消按钮 🚫█
    public static final String DELETE = "削除";
}
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "src/main/java/com/acme/win/Paths.java",
        crlf("""\
package com.acme.win;

import java.nio.file.Path;

public final class Paths {
    private static final String APPDATA = System.getenv("APPDATA");

    // return the path of the log directory under APPDATA, creating it when missing
    █
}
"""),
        "return the path of the log directory under APPDATA, creating it when missing",
    ),
    case.completion(
        "crlf/completion",
        "src/main/java/com/acme/win/Env.java",
        crlf("""\
package com.acme.win;

public final class Env {
    public static final String HOME = System.getenv("USERPROFILE");
    public static final String TEMP = System.getenv(█);
}
"""),
    ),
    # --- team precisions (docs/intent.md) ------------------------------------------------
    case.empty_function(
        "type-body/empty-interface",
        "src/main/java/com/acme/Repository.java",
        """\
package com.acme;

import java.util.List;
import java.util.Optional;

public interface Repository<T> {
    █
}
""",
        note="team precision 1 (rule 5): an empty interface body is an empty definition",
    ),
    case.completion(
        "type-body/empty-if-in-method",
        "src/main/java/com/acme/Users.java",
        """\
package com.acme;

import java.util.List;

public class Users {
    public void add(List<String> names, String name) {
        if (name == null) {
            █
        }
        names.add(name);
    }
}
""",
        note="an empty `if` is not a definition and makes the method non-empty (team precision 1)",
    ),
]
