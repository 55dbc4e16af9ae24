"""`gitlab-lsp demo`: the README's first command, with no GitLab account needed.

It starts the bundled mock (instance, CustomersDot, AI gateway, model) on free ports, then
drives the real SDK against it: one completion, which goes straight to the AI gateway, the
same kind of completion without and with context from another file (the model completes the
call that file defines), and one streamed generation, which goes through the instance. The
mock's own request log is printed after each, so what the reader sees is the route the bytes
actually took, not a claim. Last, the first completion is reported as shown and accepted, and
the demo prints what the instance's usage analytics learned from that (as the mock recorded
it: no code, only the language, the size in lines and the suggestion's tracking id).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from gitlab_lsp.mock import MockStack
    from gitlab_lsp.sdk.client import CodeSuggestions

COMPLETION_FILE = "billing/invoice.py"
COMPLETION_ABOVE = """import dataclasses


@dataclasses.dataclass
class Invoice:
    number: str
    amount_cents: int

    def total_with_tax(self, rate: float) -> int:
        return """
COMPLETION_BELOW = "\n"

CONTEXT_FILE = "billing/pay.py"
CONTEXT_ABOVE = """from billing.tax import apply_tax


def pay(invoice):
    due = apply_tax("""
CONTEXT_ITEM = {
    "type": "snippet",
    "name": "billing/tax.py",
    "content": "def apply_tax(amount_cents: int, rate: float) -> int:\n"
    '    """The amount with tax, rounded to the cent."""\n',
    "resolution_strategy": "imports",
}

GENERATION_FILE = "billing/report.py"
GENERATION_ABOVE = """import csv
from pathlib import Path

# Read invoices.csv and return the total amount per customer, largest first
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="start the bundled mock and show a completion and a generation going through it",
        description=(
            "Start the bundled mock of GitLab (instance, CustomersDot, AI gateway) on free "
            "local ports and send one completion (direct to the AI gateway) and one streamed "
            "generation (through the instance) with the SDK. No GitLab account needed."
        ),
    )
    parser.add_argument(
        "--realm",
        choices=("saas", "self-managed"),
        default="saas",
        help="which kind of instance the mock plays (default: saas)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import asyncio

    from gitlab_lsp.mock import MockStack

    out = sys.stdout
    with MockStack(realm=args.realm, host="127.0.0.1") as stack:
        out.write(f"Bundled mock ({stack.realm}) is up:\n")
        out.write(f"  GitLab instance : {stack.instance_url}\n")
        out.write(f"  Cloud Connector : {stack.cloud_url}  (AI gateway at /ai)\n")
        out.write(f"  CustomersDot    : {stack.customersdot_url}\n\n")
        return asyncio.run(_flows(stack, out))


async def _flows(stack: MockStack, out: TextIO) -> int:
    from gitlab_lsp import ClientOptions, CodeSuggestions

    options = ClientOptions(ide_name="gitlab-lsp-demo", ide_version="1")
    async with CodeSuggestions(stack.instance_url, stack.tokens["duo"], options=options) as cs:
        stack.control.clear_requests()
        out.write(f"1. Completion at the end of:\n{_indent(COMPLETION_ABOVE)}\n")
        completion = await cs.suggest(
            file_name=COMPLETION_FILE,
            content_above_cursor=COMPLETION_ABOVE,
            content_below_cursor=COMPLETION_BELOW,
            language_id="python",
        )
        out.write(
            f"   intent={completion.intent} route={completion.route} "
            f"total={completion.timings.total:.1f} ms\n"
        )
        out.write(f"   suggestion: {completion.text!r}\n")
        _print_hops(stack, out)
        _report_accepted(cs, completion.text)

        stack.control.clear_requests()
        out.write("\n2. Completion with and without context, at the end of:\n")
        out.write(f"{_indent(CONTEXT_ABOVE)}\n")
        for label, context in (("without context", []), ("with billing/tax.py", [CONTEXT_ITEM])):
            answer = await cs.suggest(
                file_name=CONTEXT_FILE,
                content_above_cursor=CONTEXT_ABOVE,
                content_below_cursor="\n",
                language_id="python",
                intent="completion",
                context=context,
            )
            out.write(f"   {label:<20}: {answer.text!r}\n")
        gateway = [e for e in stack.control.requests() if e["path"].endswith("/completions")]
        sent = (gateway[-1].get("json") or {}).get("context", []) if gateway else []
        out.write(f"   context the gateway received: {[item['name'] for item in sent]}\n")

        stack.control.clear_requests()
        out.write(f"\n3. Generation below the comment in:\n{_indent(GENERATION_ABOVE)}\n")
        out.write("   streamed chunks: ")
        chunks: list[str] = []
        async for chunk in cs.stream(
            file_name=GENERATION_FILE,
            content_above_cursor=GENERATION_ABOVE,
            content_below_cursor="",
            language_id="python",
        ):
            chunks.append(chunk)
            out.write(".")
            out.flush()
        out.write(f" ({len(chunks)} chunks)\n{_indent(''.join(chunks))}\n")
        _print_hops(stack, out)

    # Leaving `async with` flushed the usage events to the instance.
    learned = stack.control.events()["instance"]
    out.write(
        "\n4. What the instance's usage analytics learned (completion shown, then accepted):\n"
    )
    for name, count in sorted(learned["events"].items()):
        out.write(f"     {name:<34} {count}\n")
    for event in stack.control.events()["recent"]:
        if event["to"] == "instance":
            out.write(f"     {event['event']:<34} {event.get('additional_properties')}\n")
    ok = bool(completion.text) and completion.route == "direct" and bool(chunks)
    ok = ok and learned["events"].get("code_suggestion_accepted_in_ide") == 1
    out.write("\nBoth flows went through the mock as the protocol prescribes.\n" if ok else "")
    return 0 if ok else 1


def _report_accepted(cs: CodeSuggestions, text: str) -> None:
    """What an editor integration reports: the suggestion was shown, then accepted."""
    import uuid

    from gitlab_lsp.sdk.telemetry import SuggestionFacts, line_count

    tracking_id = uuid.uuid4().hex
    size = line_count(text)
    facts = SuggestionFacts(language="python", suggestion_size=size, option_sizes=(size,))
    cs.telemetry.record("suggestion_shown", tracking_id, facts)
    cs.telemetry.record("suggestion_accepted", tracking_id, option=0)


def _print_hops(stack: MockStack, out: TextIO) -> None:
    """Show what each party received, from the mock's own request log."""
    out.write("   requests the mock received:\n")
    for entry in stack.control.requests():
        out.write(f"     {entry['party']:<13} {entry['method']:<4} {entry['path']}\n")


def _indent(text: str) -> str:
    return "\n".join("   | " + line for line in text.rstrip("\n").splitlines())
