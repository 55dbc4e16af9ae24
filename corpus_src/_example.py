"""Format of a corpus source (files starting with `_` are not built).

A source defines `CASES`, a list of case dicts whose `text` marks the cursor with █. Write them
with the builders in `_helpers.py`, which fill `id` (`<language>/<slug>`), `language`, `intent`
and `generation_type` from the label you pick:

    from _helpers import Cases, crlf

    case = Cases("python")

    CASES = [
        case.comment(
            "comment/sort-users",
            "users.py",
            "import json\\n\\n# sort the users by age, oldest first\\n█\\n",
            "sort the users by age, oldest first",
        ),
        case.completion("completion/after-dot", "users.py", "users.█\\n", note="why, if not obvious"),
    ]

`case.empty_function(...)` and `case.small_file(...)` take the same arguments as
`case.completion(...)`; wrap a text in `crlf(...)` for Windows line endings. The case below,
written out in full, is what the `case.comment(...)` above returns.
"""

CASES = [
    {
        "id": "python/comment/sort-users",
        "language": "python",
        "filename": "users.py",
        "text": "import json\n\n# sort the users by age, oldest first\n█\n",
        "intent": "generation",
        "generation_type": "comment",
        "user_instruction": "sort the users by age, oldest first",
    },
]
