"""``parse``: print every cable under the given paths, as JSON or as a table."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from reader.model import ParseError
from reader.model.json_codec import format_utc, result_to_json
from reader.parse import parse_paths

EXIT_OK = 0
EXIT_SOME_FAILED = 2


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "parse",
        help="parse cable files or folders and print the model",
        description="Parse cable files (pages, plain text, Markdown-like text, release CSV) and folders of them, recursively.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a cable file or a folder")
    parser.add_argument("--json", action="store_true", help="print one JSON array, one object per cable")
    parser.set_defaults(run=run)


def _write_json(results, out: TextIO) -> bool:
    """Stream the array so that a release CSV never sits in memory whole."""
    failed = False
    out.write("[")
    for index, result in enumerate(results):
        failed |= isinstance(result, ParseError)
        out.write(",\n" if index else "\n")
        out.write(json.dumps(result_to_json(result), ensure_ascii=False, indent=1))
    out.write("\n]\n")
    return failed


def _write_table(results, out: TextIO, err: TextIO) -> bool:
    failed = False
    for result in results:
        if isinstance(result, ParseError):
            failed = True
            err.write(f"{result.source.path}: {result.message}\n")
            continue
        created = format_utc(result.created) or "-"
        out.write(
            f"{result.reference_id or '?':<22} {created:<18} {result.classification or '?':<13} "
            f"{(result.origin or '?')[:28]:<28} {result.subject or ''}\n"
        )
        for warning in result.warnings:
            out.write(f"    warning: {warning}\n")
    return failed


def run(args: argparse.Namespace) -> int:
    results = parse_paths(args.paths)
    failed = _write_json(results, sys.stdout) if args.json else _write_table(results, sys.stdout, sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK
