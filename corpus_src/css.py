"""Labelled intent cases for CSS (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("css")


BASE = """\
:root {
  --brand: #0f766e;
  --radius: 8px;
  --gap: 16px;
}

body {
  margin: 0;
  font-family: system-ui, sans-serif;
}
"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/top-level",
        "styles/app.css",
        BASE + "\n/* a card with rounded corners, a soft shadow and padding of one gap */\n█\n",
        "a card with rounded corners, a soft shadow and padding of one gap",
    ),
    case.comment(
        "comment/inside-rule",
        "styles/button.css",
        """\
.button {
  display: inline-flex;
  align-items: center;
  padding: 8px 16px;
  border: none;
  /* primary colours from --brand with a darker background on hover */
  █
}
""",
        "primary colours from --brand with a darker background on hover",
    ),
    case.comment(
        "comment/inside-media-query",
        "styles/layout.css",
        """\
.grid {
  display: grid;
  grid-template-columns: repeat(3, 1fr);
  gap: 24px;
}

@media (max-width: 600px) {
  /* stack the grid into a single column on small screens */
  █
}
""",
        "stack the grid into a single column on small screens",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/block",
        "styles/nav.css",
        BASE
        + "\n/*\n * Sticky top navigation bar:\n * full width, white background, a bottom border and a z-index above the content.\n */\n█\n",
        "Sticky top navigation bar:\nfull width, white background, a bottom border and a z-index above the content.",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/chinese",
        "styles/modal.css",
        BASE + "\n/* 模态框居中显示，背景半透明黑色 */\n█\n",
        "模态框居中显示，背景半透明黑色",
    ),
    case.comment(
        "non-english/russian",
        "styles/table.css",
        BASE + "\n/* Таблица с чередующимися цветами строк и фиксированной шапкой */\n█\n",
        "Таблица с чередующимися цветами строк и фиксированной шапкой",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "styles/app.css",
        BASE + "\n/* a card with rounded corners */█\n",
    ),
    case.completion(
        "on-comment/inside-block-comment",
        "styles/app.css",
        BASE + "\n/*\n * Footer: dark background, █light text\n */\n",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "styles/spacing.css",
        """\
.stack > * + * {
  margin-top: var(--gap);
}

.inset {
  padding: █24px; /* matches the header height */
}
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/declarations",
        "styles/header.css",
        """\
.header {
  display: flex;
  justify-content: space-between;
  height: 64px;
  /* background: linear-gradient(90deg, #0f766e, #14b8a6); */
  █
}
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/stylelint-disable",
        "styles/legacy.css",
        BASE + "\n/* stylelint-disable selector-max-id */\n█\n",
    ),
    case.completion(
        "directive/prettier-ignore",
        "styles/grid.css",
        BASE + "\n/* prettier-ignore */\n█\n",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/license",
        "vendor/normalize.css",
        """\
/*! normalize.css v8.0.1 | MIT License | github.com/necolas/normalize.css */
█

html {
  line-height: 1.15;
  -webkit-text-size-adjust: 100%;
}

main {
  display: block;
}
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/equals",
        "styles/app.css",
        BASE
        + "\n/* ========================================================================== */\n█\n",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/two-letters",
        "styles/app.css",
        BASE + "\n/* UI */\n█\n",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.completion(
        "empty-block/empty-rule",
        "styles/app.css",
        BASE + "\n.card {\n  █\n}\n",
    ),
    case.completion(
        "empty-block/empty-keyframes",
        "styles/anim.css",
        BASE + "\n@keyframes fade-in {█}\n",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/one-rule",
        "styles/reset.css",
        """\
/* Minimal reset used by the embed widget. */
* {
  box-sizing: border-box;
}
█
""",
    ),
    case.small_file(
        "small-file/imports-only",
        "styles/main.css",
        """\
@import url("reset.css");
@import url("theme.css");
@import url("layout.css");
█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/property-value",
        "styles/app.css",
        BASE + "\n.badge {\n  display: inline-block;\n  border-radius: var(█);\n}\n",
    ),
    case.completion(
        "completion/new-declaration",
        "styles/app.css",
        BASE.replace("  margin: 0;\n", "  margin: 0;\n  color: █\n"),
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-rule",
        "styles/app.css",
        BASE + "\n.alert {\n  padding: 12px;\n  /* TODO add an icon */\n}\n█\n",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/content-emoji",
        "styles/icons.css",
        BASE + '\n.done::before {\n  content: "✅ 完了 " █;\n}\n',
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "styles/print.css",
        crlf(BASE + "\n/* hide the navigation and footer when printing */\n█\n"),
        "hide the navigation and footer when printing",
    ),
]
