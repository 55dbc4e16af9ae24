"""Comment text: delimiters off, and rule 3 (what is never an instruction).

Works on the raw text of a comment block, language-agnostic: the delimiters of every
supported language are removed from each line, then lines that are tool directives,
commented-out code or separators are dropped. A block that is a licence header, or whose
remaining text has two or fewer letters/digits, yields no instruction at all.
"""

from __future__ import annotations

import re

# Longest first, so `///` wins over `//` and `/**` over `/*`.
_OPENERS = (
    "=begin",
    "=pod",
    "=head1",
    "=head2",
    "--[[",
    "-- |",
    "-- ^",
    "--|",
    "--^",
    "{-#",
    "/**",
    "/*!",
    "/*",
    "///",
    "//!",
    "//",
    "<!--",
    "<#",
    "{-|",
    "{-",
    "(**",
    "(*",
    "#=",
    "---",
    "--",
    "##",
    "#",
    '"""',
    "'''",
)
_CLOSERS = ("#-}", "*/", "-->", "#>", "-}", "*)", "]]", "=#", '"""', "'''")
_BARE_MARKERS = {"=end", "=cut", "=begin", "=pod"}
_DOCSTRING_PREFIX = re.compile(
    r"^(?:@(?:module|type)?doc\s+~?[sS]?)?[rRuUbBfF]{0,2}(\"\"\"|'''|\"|')"
)

_DIRECTIVE = re.compile(
    r"""^(?:
        noqa\b | type:\s*ignore | pylint:\s* | mypy:\s* | pyright:\s* | flake8[:\s] | isort:\s*
      | fmt:\s*(?:off|on|skip) | pragma\b | \#\s*pragma\b | nosec\b | nocover\b
      | eslint(?:-disable|-enable|-env)?\b | jshint\b | jslint\b | globals?\s | tslint:
      | @ts-(?:ignore|expect-error|nocheck|check)\b | prettier-ignore\b | istanbul\s+ignore
      | c8\s+ignore | biome-ignore | deno-lint-ignore | deno-fmt-ignore | @flow\b | @jsx\b
      | <reference\s | \#\s*sourcemappingurl= | @charset\b
      | -\*-.*-\*- | (?:vim?|ex):\s | vim:\S
      | go:[a-z]+\b | \+build\b | nolint\b | nolintnextline\b | lint:ignore
      | frozen_string_literal: | rubocop:(?:disable|enable|todo) | encoding:\s | coding[:=]
      | \#?region\b | \#?endregion\b | swiftlint: | shellcheck\s | clang-format\s
      | luacheck: | noinspection\b | nosonar\b | @formatter:(?:off|on) | checkstyle:
      | spell-?checker: | cspell: | codespell: | language=\w | \$?noinspection
      | ignore\s*:\s*$ | @(?:generated|nolint)\b | phpcs:(?:ignore|disable|enable)
      | @phpstan-ignore | psalm-suppress | @suppress | suppresswarnings\b
      | tflint-ignore: | tfsec:ignore | checkov:skip | hadolint\s | yamllint\s
      | [a-z][\w.]*-(?:disable|enable|ignore)(?:-[\w-]+)?\b
      | [a-z][\w.]*:(?:disable|enable|ignore|off|on|skip)\b
      | (?:zig\s+)?fmt:\s*(?:off|on|skip)\b | ocamlformat\b | bisect[-_]ignore
      | resharper\s+(?:disable|restore)\b | ignore(?:_for_file)?:\s | coverage:
      | credo: | hlint\b | no\s+critic\b | use\s+critic\b | perltidy\b | perlcritic\b
      | \+goose\b | \+migrate\b | @diagnostic\b | mark:\s | \#?pragma\s+mark\b
      | swift-tools-version | stack\s+(?:script|runghc|exec|--) | cabal:\s
      | sourcery\s | noqa: | pyre-(?:ignore|fixme|strict) | pytype:
      | jscpd: | markdownlint | sonar | lgtm\b | nosemgrep\b | gitleaks:allow
      | shellcheck\b | @(?:ts|jsx|flow)\w* | -\*- | :schema\b | \[if\s | <!\[endif\]
      | requires\s+-
    )""",
    re.IGNORECASE | re.VERBOSE,
)

_LICENSE = re.compile(
    r"copyright|©|\(c\)\s*(?:\d{4}|[A-Z])|spdx-license-identifier|all rights reserved"
    r"|licensed under|permission is hereby granted|gnu (?:general|lesser|affero)"
    r"|\blicen[cs]e\s*:|(?:mit|apache|bsd|mozilla public|gpl|isc)\s+licen[cs]e"
    r"|licen[cs]e,?\s+version\s+\d|licensed to|licen[cs]e agreements?|under the licen[cs]e"
    r"|this (?:program|file|library) is free software",
    re.IGNORECASE,
)

_CODE_PATTERNS = tuple(
    re.compile(p)
    for p in (
        # PowerShell cmdlets (`Write-Host "x"`), YAML list items of one token
        r"^(?:Get|Set|New|Remove|Add|Clear|Copy|Move|Write|Read|Start|Stop|Restart|Invoke|"
        r"Import|Export|Test|Out|Select|Where|ForEach|Sort|Format|Convert|ConvertTo|"
        r"ConvertFrom|Join|Split|Install|Uninstall|Update|Register|Enable|Disable|Wait|Push|"
        r"Pop|Resolve|Measure|Compare|Send|Receive|Connect|Use|Show|Find|Save|Rename|Expand|"
        r"Compress|Enter|Exit)-[A-Z][A-Za-z]+(?:\s+[-$\"'@(]|\s*$)",
        r"^-\s+[\w\"'./:@${}-]+$",
        # any line that opens a block: prose never ends with `{`
        r"^.*\{$",
        # statements ending in `;` with code punctuation or a dotted name or a string
        r"^.*(?:\w\.\w|[\"'*]).*;$",
        r"^(?:SELECT|INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|TRUNCATE|GRANT|REVOKE|WITH|MERGE)\b"
        r".*(?:;|\bFROM\b|\bTABLE\b|\bINTO\b|\bSET\b|\*)",
        # `let x = ...` / `let () = f x in` (ML family), Haskell equations `f x y = ...`
        r"^let\s+[\w()'_, ]+\s*=",
        r"^[a-z_][\w']*(?:\s+[a-z_][\w']*)+\s*=\s*\S",
        # print-like statements whose argument reads as an expression
        r"^(?:puts|print|p|pp|echo|say|warn|die|printf|println|IO\.puts|IO\.inspect)\s+"
        r"\S*(?:\w\.\w|[(\"'$\[@:])",
        # shell commands with flags or paths
        r"^(?:rm|cp|mv|mkdir|cd|ls|cat|grep|sed|awk|chmod|chown|curl|wget|git|npm|yarn|pnpm|"
        r"pip|pip3|docker|kubectl|make|export|source|sudo|apt-get|apt|brew|tar|ln|touch|exit|"
        r"set|unset|cargo|python|python3|node|bundle|rake|terraform|go)\s+"
        r"(?:-{1,2}\w|[\w.-]*[/$~=][\w./$~=-]*|(?:run|install|build|test|commit|push|pull|add|"
        r"ci|exec|apply|get|mod|init|up|down)\b)",
        # statements ending in `;` with code punctuation, and bare `break;`-like statements
        r"^[^;]*[=(){}\[\]][^;]*;\s*(?://.*)?$",
        r"^[A-Za-z_]\w*;$",
        # assignments: `x = 1`, `self.name = name`, `a[0] += b`, `x := f()`
        r"^[A-Za-z_$@][\w.$@\[\]'\"]*\s*(?:[-+*/%|&^]|<<|>>|\?\?|\|\||&&)?=\s*[^=\s].*$",
        r"^[A-Za-z_]\w*\s*:=\s*\S",
        # calls: `foo(x)`, `console.log("hi")`, `obj.method(a, b) {`
        r"^(?:await\s+|new\s+)?[A-Za-z_$][\w.$:]*(?:<[\w<>, ?]*>)?\(.*\)[;{]?$",
        r"^[A-Za-z_$][\w.$]*\.[A-Za-z_$][\w$]*(?:\(.*\))?[;]?$",
        # imports and includes
        r"^import\s+(?:static\s+)?[\w.*]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*;?$",
        r"^import\s+(?:qualified\s+)?[A-Z][\w.]*(?:\s+as\s+\w+)?(?:\s*\(.*\))?$",
        r"^import\s+.*\s+from\s+['\"].*['\"];?$",
        r"^import\s+['\"].+['\"];?$",
        r"^from\s+[\w.]+\s+import\s+[\w*,\s()]+$",
        r"^#\s*include\s*[<\"]",
        r"^#\s*(?:define|ifdef|ifndef|endif|if|else|elif|undef)\b",
        r"^use\s+[\w:{}*,\s]+;$",
        r"^(?:require|require_relative|load)\s*\(?['\"][^'\"]+['\"]\)?;?$",
        r"^package\s+[\w.]+;?$",
        r"^using\s+[\w.]+;$",
        # control and declaration keywords followed by code punctuation
        r"^return(?:\s+\S+)?;?$",
        r"^return\b.*[;)]$",
        r"^(?:let|const|var|val|my|local|auto)\s+[\w$]+\s*[:=;]",
        r"^(?:public|private|protected|static|final|async|export|pub)\b.*(?:\w\(|[;{=])",
        r"^(?:def|fn|func|function|fun|sub|proc)\s+[\w.$]+\s*\(.*$",
        r"^(?:class|struct|enum|interface|trait|impl|module|object)\s+\w+.*[{:(]\s*$",
        r"^(?:if|while|for|switch|catch|foreach|elsif|elif|unless|until)\s*\(.*\)\s*\{?$",
        r"^(?:if|elif|while|with)\s+.*(?:==|!=|<=|>=|\bis\b|\(|\)|\.).*:$",
        r"^for\s+[\w, ]+\s+in\s+[\w.()\[\]]+:$",
        r"^(?:else|try|finally|do|begin|end|then|fi|done|esac|endif|endfor|endwhile)[:;{]?$",
        r"^\}?\s*(?:else|catch|finally)\b.*\{$",
        r"^[{}()\[\];,]+$",
        r"^\}.*$",
        # markup: `<div class="x">`, `</p>`
        r"^</?[A-Za-z][\w:-]*(?:\s[^>]*)?/?>.*$",
        # css/yaml-ish declarations: `color: red;`, `key: value`
        r"^[a-z][\w-]*\s*:\s*[^;]+;$",
        r"^[a-z_][\w-]*:(?:\s+\S+)?$",
        r"^[A-Za-z_][\w.]*\s*\+\+;?$|^[A-Za-z_][\w.]*\s*--;?$",
        r"^(?:echo|puts|print|printf|println)\s*[(\"'$]",
        r"^@\w+(?:\(.*\))?$",
    )
)

_ALNUM = re.compile(r"[^\W_]", re.UNICODE)


def alnum_count(text: str) -> int:
    return len(_ALNUM.findall(text))


def strip_delimiters(line: str, *, continuation: bool) -> str:
    """One comment line without its delimiters and surrounding whitespace.

    `continuation` is true for the lines after the first of a block comment, where a
    leading `*` is decoration rather than text.
    """
    s = line.strip()
    if s in _BARE_MARKERS or s in _CLOSERS:
        return ""
    docstring = _DOCSTRING_PREFIX.match(s)
    if docstring and len(docstring.group(1)) == 3:
        s = s[docstring.end() :].strip()
    else:
        for opener in _OPENERS:
            if s.startswith(opener):
                s = s[len(opener) :]
                break
    s = s.strip()
    for closer in _CLOSERS:
        if s.endswith(closer):
            s = s[: -len(closer)]
            break
    s = s.strip()
    if continuation and s.startswith("*") and not s.startswith("*/"):
        s = s[1:].strip()
    return s


def is_directive(text: str) -> bool:
    return bool(_DIRECTIVE.match(text))


_WORD = re.compile(r"[^\W\d_]{2,}")
_CODE_PUNCT = re.compile(r"[(){}\[\];=<>+*/&|$@:]")


def looks_like_prose(text: str) -> bool:
    """Many plain words and little code punctuation: a sentence, whatever it ends with."""
    words = len(_WORD.findall(text))
    return words >= 6 and len(_CODE_PUNCT.findall(text)) < 0.06 * len(text)


def is_code(text: str) -> bool:
    if looks_like_prose(text):
        return False
    return any(p.match(text) for p in _CODE_PATTERNS)


def is_license(block_text: str) -> bool:
    return bool(_LICENSE.search(block_text))


def instruction_lines(raw_lines: list[str]) -> list[str]:
    """Cleaned, kept lines of a comment block given as raw source lines (in order).

    Each raw line is a full comment line (`// a`, ` * b`, `# c`); for block comments the
    caller passes the lines of one node, so continuation-star stripping applies after the
    first line.
    """
    kept: list[str] = []
    for index, raw in enumerate(raw_lines):
        if raw.lstrip().startswith("#!"):
            continue  # shebang
        text = strip_delimiters(raw, continuation=index > 0)
        if not text or alnum_count(text) == 0:
            continue  # blank inside the block, or a separator line
        if is_directive(text) or is_code(text):
            continue
        kept.append(text)
    return kept


def instruction(blocks: list[list[str]]) -> str | None:
    """The user instruction of a comment block, or None when rule 3 leaves nothing.

    `blocks` holds the raw lines of each comment node of the block, top to bottom.
    """
    raw_all = "\n".join(line for block in blocks for line in block)
    if is_license(raw_all):
        return None
    kept: list[str] = []
    for block in blocks:
        kept.extend(instruction_lines(block))
    text = "\n".join(kept)
    if alnum_count(text) <= 2:
        return None
    return text
