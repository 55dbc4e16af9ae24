"""Labelled intent cases for JSON (corpus part A). The cursor is marked with █."""

LANG = "json"


def _case(cid, filename, text, intent, gtype=None, instruction=None, note=None):
    case = {
        "id": f"json/{cid}",
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



PACKAGE = """\
{
  "name": "acme-web",
  "version": "1.4.0",
  "private": true,
  "scripts": {
    "dev": "vite",
    "build": "vite build",
    "test": "vitest run"
  },
  "dependencies": {
    "react": "^18.3.1",
    "react-dom": "^18.3.1"
  }
}
"""

CASES = [
    # --- small-file -------------------------------------------------------------------------
    small(
        "small-file/empty-object",
        "settings.json",
        "{█}\n",
    ),
    small(
        "small-file/one-key",
        ".prettierrc.json",
        """\
{
  "singleQuote": true█
}
""",
    ),
    small(
        "small-file/three-keys-cursor-new-line",
        ".eslintrc.json",
        """\
{
  "root": true,
  "extends": ["eslint:recommended"],
  █
}
""",
    ),
    small(
        "small-file/array",
        "allowed-hosts.json",
        """\
[
  "example.com",
  "api.example.com"█
]
""",
    ),
    small(
        "small-file/single-line",
        "version.json",
        '{"version": "2.1.0", "build": █}\n',
    ),
    # --- completion -------------------------------------------------------------------------
    comp(
        "completion/new-script",
        "package.json",
        PACKAGE.replace('    "test": "vitest run"', '    "test": "vitest run",\n    "lint": "█'),
    ),
    comp(
        "completion/dependency-version",
        "package.json",
        PACKAGE.replace('"react-dom": "^18.3.1"', '"react-dom": "^18.3.1",\n    "zustand": "█"'),
    ),
    comp(
        "completion/new-top-level-key",
        "package.json",
        PACKAGE.replace('    "react-dom": "^18.3.1"\n  }', '    "react-dom": "^18.3.1"\n  },\n  █'),
    ),
    comp(
        "completion/after-colon",
        "tsconfig.json",
        """\
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "ESNext",
    "strict": true,
    "jsx": █
  },
  "include": ["src"]
}
""",
    ),
    comp(
        "completion/array-element",
        "tsconfig.json",
        """\
{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["ES2022", "DOM", █],
    "strict": true
  },
  "include": ["src"]
}
""",
    ),
    comp(
        "completion/composer-require",
        "composer.json",
        """\
{
  "name": "acme/shop",
  "type": "project",
  "require": {
    "php": "^8.2",
    "laravel/framework": "^11.0",
    "█"
  }
}
""",
    ),
    comp(
        "completion/launch-configuration",
        ".vscode/launch.json",
        """\
{
  "version": "0.2.0",
  "configurations": [
    {
      "type": "node",
      "request": "launch",
      "name": "Debug server",
      "program": "${workspaceFolder}/█"
    }
  ]
}
""",
    ),
    comp(
        "completion/number-value",
        "appsettings.json",
        """\
{
  "Logging": {
    "LogLevel": {
      "Default": "Information"
    }
  },
  "Kestrel": {
    "Limits": {
      "MaxRequestBodySize": █
    }
  }
}
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    comp(
        "empty-block/empty-nested-object",
        "package.json",
        PACKAGE.replace('  "private": true,', '  "private": true,\n  "devDependencies": {█},'),
    ),
    comp(
        "empty-block/empty-array",
        "renovate.json",
        """\
{
  "$schema": "https://docs.renovatebot.com/renovate-schema.json",
  "extends": ["config:recommended"],
  "schedule": ["before 6am on monday"],
  "labels": ["dependencies"],
  "packageRules": [
    █
  ]
}
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    comp(
        "unicode/translations",
        "locales/ja.json",
        """\
{
  "greeting": "こんにちは 👋",
  "farewell": "さようなら",
  "cart": {
    "empty": "カートは空です 🛒",
    "checkout": "購入手続きへ █"
  }
}
""",
    ),
    comp(
        "unicode/emoji-keys",
        "reactions.json",
        """\
{
  "👍": "like",
  "❤️": "love",
  "😂": "laugh",
  "🎉": "█"
}
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    comp(
        "crlf/completion",
        "appsettings.Development.json",
        crlf("""\
{
  "ConnectionStrings": {
    "Default": "Server=localhost;Database=acme;Trusted_Connection=True;"
  },
  "Logging": {
    "LogLevel": { "Default": "█" }
  }
}
"""),
    ),
    small(
        "crlf/small-file",
        "global.json",
        crlf("""\
{
  "sdk": { "version": "8.0.100" }█
}
"""),
    ),
]
