"""Labelled intent cases for JSON (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("json")


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
    case.small_file(
        "small-file/empty-object",
        "settings.json",
        "{█}\n",
    ),
    case.small_file(
        "small-file/one-key",
        ".prettierrc.json",
        """\
{
  "singleQuote": true█
}
""",
    ),
    case.small_file(
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
    case.small_file(
        "small-file/array",
        "allowed-hosts.json",
        """\
[
  "example.com",
  "api.example.com"█
]
""",
    ),
    case.small_file(
        "small-file/single-line",
        "version.json",
        '{"version": "2.1.0", "build": █}\n',
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/new-script",
        "package.json",
        PACKAGE.replace('    "test": "vitest run"', '    "test": "vitest run",\n    "lint": "█'),
    ),
    case.completion(
        "completion/dependency-version",
        "package.json",
        PACKAGE.replace('"react-dom": "^18.3.1"', '"react-dom": "^18.3.1",\n    "zustand": "█"'),
    ),
    case.completion(
        "completion/new-top-level-key",
        "package.json",
        PACKAGE.replace('    "react-dom": "^18.3.1"\n  }', '    "react-dom": "^18.3.1"\n  },\n  █'),
    ),
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.completion(
        "empty-block/empty-nested-object",
        "package.json",
        PACKAGE.replace('  "private": true,', '  "private": true,\n  "devDependencies": {█},'),
    ),
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.completion(
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
    case.small_file(
        "crlf/small-file",
        "global.json",
        crlf("""\
{
  "sdk": { "version": "8.0.100" }█
}
"""),
    ),
]
