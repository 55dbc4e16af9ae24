"""Labelled intent cases for HTML (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("html")


PAGE_HEAD = """\
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Acme Dashboard</title>
  <link rel="stylesheet" href="/css/app.css">
</head>
<body>
"""

PAGE_TAIL = """\
</body>
</html>
"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/in-body",
        "index.html",
        PAGE_HEAD
        + "  <!-- navigation bar with the logo on the left and links to Home, Reports and Settings -->\n  █\n"
        + PAGE_TAIL,
        "navigation bar with the logo on the left and links to Home, Reports and Settings",
    ),
    case.comment(
        "comment/inside-form",
        "signup.html",
        """\
<!DOCTYPE html>
<html lang="en">
<body>
  <form action="/signup" method="post">
    <label for="email">Email</label>
    <input id="email" name="email" type="email" required>
    <!-- password field with a confirmation field and a submit button -->
    █
  </form>
</body>
</html>
""",
        "password field with a confirmation field and a submit button",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/multi-line-html-comment",
        "pricing.html",
        PAGE_HEAD
        + """\
  <h1>Pricing</h1>
  <!--
    Three pricing cards side by side: Free, Pro and Team,
    each with a price, a list of features and a sign-up button.
  -->
  █
"""
        + PAGE_TAIL,
        "Three pricing cards side by side: Free, Pro and Team,\neach with a price, a list of features and a sign-up button.",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/french",
        "contact.html",
        """\
<!DOCTYPE html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>Contact</title>
</head>
<body>
  <!-- formulaire de contact avec nom, adresse e-mail et message -->
  █
</body>
</html>
""",
        "formulaire de contact avec nom, adresse e-mail et message",
    ),
    case.comment(
        "non-english/korean",
        "menu.html",
        """\
<!DOCTYPE html>
<html lang="ko">
<head>
  <meta charset="utf-8">
  <title>메뉴</title>
</head>
<body>
  <!-- 음식 사진과 가격이 있는 메뉴 표를 만든다 -->
  █
</body>
</html>
""",
        "음식 사진과 가격이 있는 메뉴 표를 만든다",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "index.html",
        PAGE_HEAD + "  <!-- navigation bar with the logo -->█\n" + PAGE_TAIL,
        note="the cursor is at the end of a line that is only a comment",
    ),
    case.completion(
        "on-comment/inside-closed-comment",
        "index.html",
        PAGE_HEAD + "  <!-- footer with █copyright -->\n  <footer></footer>\n" + PAGE_TAIL,
    ),
    case.completion(
        "on-comment/trailing-comment",
        "list.html",
        PAGE_HEAD + '  <ul id="todo">█</ul> <!-- filled by app.js -->\n' + PAGE_TAIL,
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/commented-markup",
        "index.html",
        PAGE_HEAD
        + '  <main id="app"></main>\n  <!-- <div class="banner">Beta</div> -->\n  █\n'
        + PAGE_TAIL,
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/prettier-ignore",
        "table.html",
        PAGE_HEAD + "  <h2>Matrix</h2>\n  <!-- prettier-ignore -->\n  █\n" + PAGE_TAIL,
    ),
    case.completion(
        "directive/conditional-comment",
        "legacy.html",
        PAGE_HEAD
        + '  <!--[if lt IE 9]><script src="html5shiv.js"></script><![endif]-->\n  █\n'
        + PAGE_TAIL,
        note="an IE conditional comment is a browser directive wrapping markup",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/license-comment",
        "about.html",
        """\
<!--
  Copyright (c) 2024 Acme Inc.
  Licensed under the MIT License.
-->
█
<!DOCTYPE html>
<html lang="en">
<head><title>About</title></head>
<body>
  <h1>About us</h1>
</body>
</html>
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/equals",
        "index.html",
        PAGE_HEAD
        + "  <header></header>\n  <!-- ================================================ -->\n  █\n"
        + PAGE_TAIL,
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "index.html",
        PAGE_HEAD + '  <section id="stats"></section>\n  <!-- ok -->\n  █\n' + PAGE_TAIL,
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.completion(
        "empty-block/empty-div",
        "index.html",
        PAGE_HEAD + '  <div class="sidebar">\n    █\n  </div>\n' + PAGE_TAIL,
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/fragment",
        "partials/alert.html",
        """\
<!-- Alert partial included by the layout. -->
<div class="alert" role="alert">
  █
</div>
""",
    ),
    case.small_file(
        "small-file/one-liner",
        "404.html",
        """\
<h1>Page not found</h1>
<p>█</p>
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/attribute-value",
        "index.html",
        PAGE_HEAD + '  <img src="/img/logo.svg" alt="█">\n' + PAGE_TAIL,
    ),
    case.completion(
        "completion/after-open-tag",
        "index.html",
        PAGE_HEAD
        + '  <table class="report">\n    <thead>\n      <tr><th>█\n    </thead>\n  </table>\n'
        + PAGE_TAIL,
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-then-markup",
        "index.html",
        PAGE_HEAD
        + "  <!-- main content -->\n  <main>\n    <h1>Welcome</h1>\n  </main>\n  █\n"
        + PAGE_TAIL,
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-text",
        "welcome.html",
        PAGE_HEAD + "  <p>🎉 ようこそ、<strong>█</strong></p>\n" + PAGE_TAIL,
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "index.html",
        crlf(
            PAGE_HEAD
            + "  <!-- a hero section with a headline, a subtitle and a call to action button -->\n  █\n"
            + PAGE_TAIL
        ),
        "a hero section with a headline, a subtitle and a call to action button",
    ),
]
