"""``parse``: print every cable under the given paths, as JSON or as a table."""

from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from typing import TextIO

from reader.model import ParseError, ParseResult
from reader.model.json_codec import format_utc, result_to_json
from reader.parse.batches import Batch, batches, parse_batch
from reader.parse.parallel import default_jobs, ordered_map

EXIT_OK = 0
EXIT_SOME_FAILED = 2


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "parse",
        help="parse cable files or folders and print the model",
        description="Parse cable files (pages, plain text, Markdown-like text, release CSV) and folders of them, recursively.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a cable file or a folder")
    parser.add_argument("--json", action="store_true", help="print one JSON array, one object per cable, a line each")
    parser.add_argument(
        "--jobs", type=int, default=default_jobs(), help="worker processes (default: every core; 1 parses here)"
    )
    parser.set_defaults(run=run)


def _json_entry(result: ParseResult) -> str:
    """One cable's object on one line: json's C encoder writes it (an indented one goes through
    the pure-Python encoder, a fifth of the whole command's time), and each cable stays one line
    to grep, or to pretty-print with ``python -m json.tool`` or ``jq``."""
    return json.dumps(result_to_json(result), ensure_ascii=False)


def _table_entry(result: ParseResult) -> str:
    if isinstance(result, ParseError):
        return f"{result.source.path}: {result.message}\n"
    created = format_utc(result.created) or "-"
    line = (
        f"{result.reference_id or '?':<22} {created:<18} {result.classification or '?':<13} "
        f"{(result.origin or '?')[:28]:<28} {result.subject or ''}\n"
    )
    return line + "".join(f"    warning: {warning}\n" for warning in result.warnings)


def printed_batch(batch: Batch, as_json: bool) -> list[tuple[bool, str]]:
    """(failed, printed form) of each cable of a batch: the printing is done where the parsing is."""
    entry = _json_entry if as_json else _table_entry
    return [(isinstance(result, ParseError), entry(result)) for result in parse_batch(batch)]


def run(args: argparse.Namespace) -> int:
    printed = ordered_map(partial(printed_batch, as_json=args.json), batches(args.paths), args.jobs, start_method="fork")
    failed = False
    out, err = sys.stdout, sys.stderr
    if args.json:
        failed = _write_json(printed, out)
    else:
        for batch in printed:
            for bad, text in batch:
                failed |= bad
                (err if bad else out).write(text)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _write_json(printed, out: TextIO) -> bool:
    """Stream the array so that a release CSV never sits in memory whole."""
    failed = False
    first = True
    out.write("[")
    for batch in printed:
        for bad, text in batch:
            failed |= bad
            out.write("\n" if first else ",\n")
            out.write(text)
            first = False
    out.write("\n]\n")
    return failed
