"""Format of a corpus source (files starting with `_` are not built)."""

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
