"""Held-out post-processing cases for C."""

from _cases import Cases

case = Cases("c", "src/stock.c")

CASES = [
    case.fix("overlap_close", "holdout-snprintf",
        "void label(char *buf, size_t n, int qty) {\n    snprintf(█);\n}\n",
        raw="buf, n, \"%d left\", qty);", want="buf, n, \"%d left\", qty"),
    case.keep("balance", "holdout-do-while",
        "void drain(struct queue *q) {\n    █\n}\n",
        raw="do {\n        pop(q);\n    } while (q->len > 0);"),
    case.fix("repetition", "holdout-looped-memset",
        "void reset(struct shelf *s) {\n    █\n}\n",
        raw="memset(s, 0, sizeof(*s));\n    memset(s, 0, sizeof(*s));\n    memset(s, 0, sizeof(*s));",
        want="memset(s, 0, sizeof(*s));"),
    case.keep("overlap_close", "holdout-cast-own-parens",
        "double ratio(int a, int b) {\n    return divide((double)a, █);\n}\n",
        raw="(double)b"),
    case.fix("indent", "holdout-doubled-indent-nested",
        "void scan(struct shelf *s) {\n    for (int i = 0; i < s->len; i++) {\n        █\n    }\n}\n",
        raw="        check(&s->items[i]);", want="check(&s->items[i]);"),
]
