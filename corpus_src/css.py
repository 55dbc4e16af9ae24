"""Labelled intent cases for CSS (corpus part A). The cursor is marked with █."""

LANG = "css"


def _case(cid, filename, text, intent, gtype=None, instruction=None, note=None):
    case = {
        "id": f"css/{cid}",
        "language": LANG,
        "filename": filename,
        "text": text,
        "intent": intent,
        "generation_type": gtype,
        "user_instruction": instruction,
    }
    if note:
        case["note"] = note
    return case


def gen(cid, filename, text, instruction, note=None):
    return _case(cid, filename, text, "generation", "comment", instruction, note)


def efn(cid, filename, text, note=None):
    return _case(cid, filename, text, "generation", "empty_function", None, note)


def small(cid, filename, text, note=None):
    return _case(cid, filename, text, "generation", "small_file", None, note)


def comp(cid, filename, text, note=None):
    return _case(cid, filename, text, "completion", None, None, note)


def crlf(text):
    return text.replace("\n", "\r\n")



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
    gen(
        "comment/top-level",
        "styles/app.css",
        BASE + "\n/* a card with rounded corners, a soft shadow and padding of one gap */\n█\n",
        "a card with rounded corners, a soft shadow and padding of one gap",
    ),
    gen(
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
    gen(
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
    gen(
        "multiline-comment/block",
        "styles/nav.css",
        BASE + "\n/*\n * Sticky top navigation bar:\n * full width, white background, a bottom border and a z-index above the content.\n */\n█\n",
        "Sticky top navigation bar:\nfull width, white background, a bottom border and a z-index above the content.",
    ),
    # --- non-english ------------------------------------------------------------------------
    gen(
        "non-english/chinese",
        "styles/modal.css",
        BASE + "\n/* 模态框居中显示，背景半透明黑色 */\n█\n",
        "模态框居中显示，背景半透明黑色",
    ),
    gen(
        "non-english/russian",
        "styles/table.css",
        BASE + "\n/* Таблица с чередующимися цветами строк и фиксированной шапкой */\n█\n",
        "Таблица с чередующимися цветами строк и фиксированной шапкой",
    ),
    # --- on-comment -------------------------------------------------------------------------
    comp(
        "on-comment/end-of-comment",
        "styles/app.css",
        BASE + "\n/* a card with rounded corners */█\n",
    ),
    comp(
        "on-comment/inside-block-comment",
        "styles/app.css",
        BASE + "\n/*\n * Footer: dark background, █light text\n */\n",
    ),
    comp(
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
    comp(
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
    comp(
        "directive/stylelint-disable",
        "styles/legacy.css",
        BASE + "\n/* stylelint-disable selector-max-id */\n█\n",
    ),
    comp(
        "directive/prettier-ignore",
        "styles/grid.css",
        BASE + "\n/* prettier-ignore */\n█\n",
    ),
    # --- header -----------------------------------------------------------------------------
    comp(
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
    comp(
        "separator/equals",
        "styles/app.css",
        BASE + "\n/* ========================================================================== */\n█\n",
    ),
    # --- short-comment ----------------------------------------------------------------------
    comp(
        "short-comment/two-letters",
        "styles/app.css",
        BASE + "\n/* UI */\n█\n",
    ),
    # --- empty-block ------------------------------------------------------------------------
    comp(
        "empty-block/empty-rule",
        "styles/app.css",
        BASE + "\n.card {\n  █\n}\n",
    ),
    comp(
        "empty-block/empty-keyframes",
        "styles/anim.css",
        BASE + "\n@keyframes fade-in {█}\n",
    ),
    # --- small-file -------------------------------------------------------------------------
    small(
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
    small(
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
    comp(
        "completion/property-value",
        "styles/app.css",
        BASE + "\n.badge {\n  display: inline-block;\n  border-radius: var(█);\n}\n",
    ),
    comp(
        "completion/new-declaration",
        "styles/app.css",
        BASE.replace("  margin: 0;\n", "  margin: 0;\n  color: █\n"),
    ),
    # --- scope ------------------------------------------------------------------------------
    comp(
        "scope/comment-in-closed-rule",
        "styles/app.css",
        BASE + "\n.alert {\n  padding: 12px;\n  /* TODO add an icon */\n}\n█\n",
    ),
    # --- unicode ----------------------------------------------------------------------------
    comp(
        "unicode/content-emoji",
        "styles/icons.css",
        BASE + "\n.done::before {\n  content: \"✅ 完了 \" █;\n}\n",
    ),
    # --- crlf -------------------------------------------------------------------------------
    gen(
        "crlf/comment",
        "styles/print.css",
        crlf(BASE + "\n/* hide the navigation and footer when printing */\n█\n"),
        "hide the navigation and footer when printing",
    ),
]
