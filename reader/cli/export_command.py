"""``export``: cables to a PDF, JSON, CSV or plain-text file (the format from the file's ending)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from reader.cli.cable_sources import cables_from_library, cables_from_paths, open_library
from reader.export import ExportCancelled, export_format, write_csv, write_json, write_text
from reader.library.filter_syntax import parse_filter
from reader.library.paths import default_library_path
from reader.library.query import ListQuery
from reader.model import Cable
from reader.review import RELEASE_LEVELS

EXIT_OK = 0
EXIT_PROBLEMS = 2


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export cables to PDF, JSON, CSV or plain text",
        description="Export the cables under PATH, or a library's (all, some by id, or a filtered list), to one file; "
        "the format comes from its ending: .pdf, .json, .csv, .txt.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="cable files or folders")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write (.pdf, .json, .csv, .txt)")
    parser.add_argument("--library", metavar="DB", help=f"export from a library (default file: {default_library_path()})")
    parser.add_argument("--ref", action="append", default=[], metavar="REFID", help="with --library: this cable (repeatable)")
    parser.add_argument("--filter", metavar="TEXT", help='with --library: the list filter, e.g. "tag:PTER from:2009"')
    parser.add_argument("--released-at", choices=RELEASE_LEVELS, metavar="LEVEL", help="a review copy at LEVEL")
    parser.set_defaults(run=run)


def _from_library(args: argparse.Namespace, problems: list[str]) -> Iterator[Cable]:
    if not args.ref:
        query = ListQuery(**parse_filter(args.filter or ""), sort="reference", descending=False)
        yield from cables_from_library(args.library, problems, query)
        return
    library = open_library(args.library)
    if library is None:
        problems.append("the library cannot be opened")
        return
    try:
        for refid in args.ref:
            key = library.key_of_reference(refid.upper())
            if key is None:
                problems.append(f"{refid} is not in the library")
            else:
                yield library.get(key)
    finally:
        library.close()


def run(args: argparse.Namespace) -> int:
    try:
        form = export_format(args.output)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    if not args.paths and args.library is None:
        print("error: give cable files or folders, or --library", file=sys.stderr)
        return EXIT_PROBLEMS
    problems: list[str] = []
    cables = cables_from_paths(args.paths, problems) if args.paths else _from_library(args, problems)
    out = Path(args.output)
    try:
        if form == "pdf":
            from reader.ui.pdf_export import write_pdf  # Qt, loaded only for a PDF

            count = write_pdf(list(cables), out, args.released_at)
            done = f"{count} pages"
        else:
            writer = {"json": write_json, "csv": write_csv, "txt": write_text}[form]
            with out.open("w", encoding="utf-8", newline="" if form == "csv" else None) as handle:
                done = f"{writer(cables, handle, args.released_at)} cables"
    except (OSError, ExportCancelled) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    print(f"exported {done} to {out}")
    return EXIT_PROBLEMS if problems else EXIT_OK
