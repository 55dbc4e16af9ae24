"""Labelled intent cases for SCSS (corpus part B).

Comment syntaxes: `//`, `/* */`, SassDoc `///`. `@function` and `@mixin` bodies are function
bodies; rule blocks, `@media` and `@each` blocks are not.
"""

from _helpers import Cases, crlf

case = Cases("scss")


CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/top-level",
        "src/styles/components/_buttons.scss",
        r"""@use "../abstracts/variables" as *;

.btn {
  padding: 0.5rem 1rem;
  border-radius: $radius;
  font-weight: 600;
}

// a .btn--ghost modifier: transparent background, primary border and text, filled on hover
█
""",
        "a .btn--ghost modifier: transparent background, primary border and text, filled on hover",
    ),
    case.comment(
        "comment/inside-rule",
        "src/styles/components/_card.scss",
        r"""@use "../abstracts/variables" as *;

.card {
  display: flex;
  flex-direction: column;
  background: $surface;

  // a 1px border in $border-color and a soft shadow that grows on hover

  █
}
""",
        "a 1px border in $border-color and a soft shadow that grows on hover",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "src/styles/layout/_grid.scss",
        r"""@use "sass:math";
@use "../abstracts/breakpoints" as bp;

$columns: 12;
$gutter: 1.5rem;

.row {
  display: flex;
  flex-wrap: wrap;
}

// Generate .col-1 to .col-12 classes.
// Each one takes math.div(n, $columns) of the row width,
// with half the gutter as padding on both sides.
█
""",
        "Generate .col-1 to .col-12 classes.\n"
        "Each one takes math.div(n, $columns) of the row width,\n"
        "with half the gutter as padding on both sides.",
    ),
    case.comment(
        "multiline-comment/block-comment",
        "src/styles/base/_typography.scss",
        r"""@use "../abstracts/variables" as *;

html {
  font-family: $font-sans;
  line-height: 1.5;
}

body {
  color: $text;
}

/*
 * Heading sizes h1 to h6 on a 1.25 modular scale,
 * starting at 1rem for h6.
 */
█
""",
        "Heading sizes h1 to h6 on a 1.25 modular scale,\nstarting at 1rem for h6.",
    ),
    # --- non-english -------------------------------------------------------------------------
    case.comment(
        "non-english/chinese",
        "src/styles/components/_nav.scss",
        r"""@use "../abstracts/variables" as *;

.nav {
  display: flex;
  gap: 1rem;
  align-items: center;
}

// 在小屏幕上把导航改成垂直排列，并隐藏次要链接
█
""",
        "在小屏幕上把导航改成垂直排列，并隐藏次要链接",
    ),
    case.comment(
        "non-english/german",
        "src/styles/components/_alert.scss",
        r"""@use "../abstracts/variables" as *;

.alert {
  padding: 1rem;
  border-radius: $radius;
  border: 1px solid transparent;
}

/* Varianten für Erfolg, Warnung und Fehler mit passenden Hintergrundfarben */
█
""",
        "Varianten für Erfolg, Warnung und Fehler mit passenden Hintergrundfarben",
    ),
    # --- on-comment ------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "src/styles/components/_modal.scss",
        r"""@use "../abstracts/variables" as *;

.modal {
  position: fixed;
  inset: 0;
  display: grid;
  place-items: center;
}

// dim the page behind the modal with a semi█
""",
    ),
    case.completion(
        "on-comment/inside-block-comment",
        "src/styles/components/_modal.scss",
        r"""@use "../abstracts/variables" as *;

/* The modal sits above everything except█ toasts. */
.modal {
  position: fixed;
  inset: 0;
  z-index: 1000;
}
""",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "src/styles/abstracts/_variables.scss",
        r"""$primary: #3366ff;
$secondary: #ffaa00;
$surface: #ffffff;
$radius: 8px;█ // matches the design tokens
$font-sans: "Inter", system-ui, sans-serif;
$text: #1a1a1a;
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/old-declarations",
        "src/styles/components/_footer.scss",
        r"""@use "../abstracts/variables" as *;

.footer {
  padding: 2rem 0;
  background: $surface;
  // background: linear-gradient(90deg, $primary, $secondary);
  // margin-top: auto;
  █
  color: $text;
}
""",
    ),
    # --- directive -------------------------------------------------------------------------
    case.completion(
        "directive/stylelint-disable-next-line",
        "src/styles/utilities/_helpers.scss",
        r""".sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
}

.hidden {
  // stylelint-disable-next-line declaration-no-important
  █
}
""",
        note="a stylelint directive (rule 3); the rule block is not a function",
    ),
    case.completion(
        "directive/prettier-ignore",
        "src/styles/abstracts/_maps.scss",
        r"""$breakpoints: (
  "sm": 576px,
  "md": 768px,
  "lg": 992px,
  "xl": 1200px,
);

// prettier-ignore
█
""",
    ),
    # --- header ----------------------------------------------------------------------------
    case.completion(
        "header/license-banner",
        "src/styles/vendor/_normalize.scss",
        r"""/*! normalize.scss v8.0.1 | MIT License | github.com/necolas/normalize.css */

█
html {
  line-height: 1.15;
  -webkit-text-size-adjust: 100%;
}

body {
  margin: 0;
}
""",
    ),
    case.completion(
        "header/copyright-lines",
        "src/styles/main.scss",
        r"""// Copyright 2024 Acme Shop GmbH
// SPDX-License-Identifier: MIT

█
@use "abstracts/variables";
@use "base/typography";
@use "layout/grid";
@use "components/buttons";
@use "components/card";
@use "components/nav";
""",
    ),
    # --- separator -------------------------------------------------------------------------
    case.completion(
        "separator/equals",
        "src/styles/components/_table.scss",
        r""".table {
  width: 100%;
  border-collapse: collapse;

  th,
  td {
    padding: 0.5rem;
  }
}

// =============================================================================
█
""",
    ),
    # --- short-comment ---------------------------------------------------------------------
    case.completion(
        "short-comment/ie",
        "src/styles/components/_table.scss",
        r""".table {
  width: 100%;
  border-collapse: collapse;

  th,
  td {
    padding: 0.5rem;
  }
}

// IE
█
""",
    ),
    # --- empty-function --------------------------------------------------------------------
    case.empty_function(
        "empty-function/mixin",
        "src/styles/abstracts/_mixins.scss",
        r"""@use "sass:map";
@use "breakpoints" as *;

@mixin visually-hidden {
  position: absolute;
  clip: rect(0 0 0 0);
}

@mixin respond-to($name) {
  █
}
""",
        note="a @mixin body is treated as a function body",
    ),
    case.empty_function(
        "empty-function/function",
        "src/styles/abstracts/_functions.scss",
        r"""@use "sass:math";

$base-font-size: 16px;

@function strip-unit($value) {
  @return math.div($value, $value * 0 + 1);
}

@function rem($px) {
█
}
""",
    ),
    # --- empty-block -----------------------------------------------------------------------
    case.completion(
        "empty-block/rule",
        "src/styles/components/_badge.scss",
        r"""@use "../abstracts/variables" as *;

.badge {
  display: inline-block;
  padding: 0 0.5rem;
  border-radius: 999px;
}

.badge--new {
  █
}
""",
        note="a rule block is not a function body",
    ),
    case.completion(
        "empty-block/media-query",
        "src/styles/components/_badge.scss",
        r"""@use "../abstracts/variables" as *;

.badge {
  display: inline-block;
  padding: 0 0.5rem;

  @media (max-width: 576px) {
    █
  }
}
""",
    ),
    case.completion(
        "empty-block/each-in-mixin",
        "src/styles/abstracts/_mixins.scss",
        r"""@use "sass:map";

@mixin theme-colors($themes) {
  --theme-count: #{length($themes)};
  @each $name, $color in $themes {
    █
  }
}
""",
        note="the @each block is empty, but the mixin body has a declaration",
    ),
    # --- small-file ------------------------------------------------------------------------
    case.small_file(
        "small-file/forwards-only",
        "src/styles/abstracts/_index.scss",
        r"""@forward "variables";
@forward "functions";
@forward "mixins";
█
""",
    ),
    case.small_file(
        "small-file/comment-heavy",
        "src/styles/pages/_checkout.scss",
        r"""// Styles for the checkout page.
//
// The page reuses the card and button components; only the layout
// of the summary column lives here.

.checkout {
  █
}
""",
    ),
    # --- completion ------------------------------------------------------------------------
    case.completion(
        "completion/declaration-value",
        "src/styles/components/_tooltip.scss",
        r"""@use "../abstracts/variables" as *;

.tooltip {
  position: absolute;
  padding: 0.25rem 0.5rem;
  background: $text;
  color: $█
}
""",
    ),
    case.completion(
        "completion/function-argument",
        "src/styles/components/_tooltip.scss",
        r"""@use "sass:map";
@use "../abstracts/variables" as *;

.tooltip {
  position: absolute;
  z-index: map.get($z-layers, █);
  font-size: 0.875rem;
}
""",
    ),
    # --- docstring -------------------------------------------------------------------------
    case.comment(
        "docstring/sassdoc",
        "src/styles/abstracts/_functions.scss",
        r"""@use "sass:math";

$base-font-size: 16px;

@function strip-unit($value) {
  @return math.div($value, $value * 0 + 1);
}

/// Convert a pixel value to em relative to the given context,
/// which defaults to $base-font-size.
█
""",
        "Convert a pixel value to em relative to the given context,\nwhich defaults to $base-font-size.",
    ),
    # --- scope -----------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-rule",
        "src/styles/components/_avatar.scss",
        r""".avatar {
  width: 40px;
  height: 40px;
  border-radius: 50%;
  // add a ring for online users
}
█

.avatar--lg {
  width: 64px;
}
""",
    ),
    case.completion(
        "scope/comment-then-declaration",
        "src/styles/components/_avatar.scss",
        r""".avatar {
  // square by default
  width: 40px;
  height: 40px;
  border-radius: 50%;

  █
  object-fit: cover;
}
""",
    ),
    # --- unicode ---------------------------------------------------------------------------
    case.completion(
        "unicode/content-emoji",
        "src/styles/components/_badge.scss",
        r""".badge {
  display: inline-block;
  padding: 0 0.5rem;
}

.badge--hot::before {
  content: "🔥 人気 ";
  margin-right: █
}
""",
        note="the emoji is on the line above; the cursor column is plain ASCII",
    ),
    case.completion(
        "unicode/same-line",
        "src/styles/components/_badge.scss",
        r""".badge {
  display: inline-block;
  padding: 0 0.5rem;
}

.badge--sale::after {
  content: "💸 Soldes — " attr(█);
  color: red;
}
""",
    ),
    # --- crlf ------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "src/styles/components/_input.scss",
        crlf(
            r"""@use "../abstracts/variables" as *;

.input {
  padding: 0.5rem;
  border: 1px solid $border-color;
  border-radius: $radius;
}

// a focus style with a 2px outline in $primary and no default outline
█
"""
        ),
        "a focus style with a 2px outline in $primary and no default outline",
    ),
    # --- edge cases --------------------------------------------------------------------------
    case.comment(
        "directive/with-prose",
        "src/styles/utilities/_helpers.scss",
        r""".sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
}

// stylelint-disable-next-line selector-class-pattern
// a .u-truncate helper that cuts text with an ellipsis on one line
█
""",
        "a .u-truncate helper that cuts text with an ellipsis on one line",
        note="the stylelint directive line is dropped from the block",
    ),
    case.completion(
        "separator/around-instruction",
        "src/styles/layout/_header.scss",
        r"""@use "../abstracts/variables" as *;

.header {
  display: flex;
  justify-content: space-between;
  height: 64px;
}

/* ========================================================================== */
/* a sticky variant that adds a shadow once the page is scrolled             */
/* ========================================================================== */
█
""",
        note="team precision 2 (rule 2): the block's last line is a separator (no letter or digit), an empty comment, so no instruction lies directly above the cursor",
    ),
    case.comment(
        "small-file/comment-wins",
        "src/styles/pages/_about.scss",
        r"""@use "../abstracts/variables" as *;

// a two-column layout for the team section that stacks below 768px
█
""",
        "a two-column layout for the team section that stacks below 768px",
        note="a small file, but rule 2 comes before rule 4",
    ),
    case.empty_function(
        "empty-function/mixin-same-line",
        "src/styles/abstracts/_mixins.scss",
        r"""@use "sass:map";

@mixin clearfix {
  &::after {
    content: "";
    display: table;
    clear: both;
  }
}

@mixin focus-ring($color) {█}
""",
    ),
]
