"""``import``, ``search``, ``show``, ``graph`` and ``compact``: the library on the command line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime

from reader.cli.cable_sources import open_library
from reader.library.citations import citation_graph
from reader.library.compaction import compact
from reader.library.importer import ImportReport, import_paths, is_bulk
from reader.library.paths import default_library_path
from reader.library.query import ListQuery
from reader.library.schema import LibraryError
from reader.model.json_codec import cable_to_json
from reader.parse.parallel import default_jobs
from reader.parse.release_index import release_ids

EXIT_OK = 0
EXIT_PROBLEMS = 2
COMPACT_HINT_AFTER = 10_000
"""A bulk import that adds this many cables mentions ``compact``: higher compression than an import affords."""


def _library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--library", metavar="DB", help=f"the library file (default: {default_library_path()})")


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    importer = subparsers.add_parser("import", help="import cable files, folders or a release CSV into the library")
    importer.add_argument("paths", nargs="+", metavar="PATH")
    _library_option(importer)
    importer.add_argument(
        "--jobs", type=int, default=default_jobs(), help="worker processes that parse (default: every core; 1 parses here)"
    )
    importer.set_defaults(run=run_import)

    search = subparsers.add_parser("search", help="full-text search of the library, ranked")
    search.add_argument("query", metavar="QUERY")
    _library_option(search)
    search.add_argument("--json", action="store_true", help="print the hits as one JSON array")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--classification", action="append", help="keep this level (repeatable)")
    search.add_argument("--control", action="append", default=[], help="keep cables with this control, e.g. NOFORN")
    search.add_argument("--origin", help="e.g. 'Embassy Paris'")
    search.add_argument("--tag", help="e.g. PTER")
    search.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    search.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="up to, not including")
    search.add_argument("--cites", metavar="REFID", help="only cables citing this reference id")
    search.set_defaults(run=run_search)

    show = subparsers.add_parser("show", help="print one cable of the library")
    show.add_argument("reference_id", metavar="REFID")
    _library_option(show)
    show.add_argument("--json", action="store_true", help="print the parse JSON")
    show.set_defaults(run=run_show)

    compact = subparsers.add_parser(
        "compact", help="make the library smaller: documents compressed harder, indexes merged, free space given back"
    )
    _library_option(compact)
    compact.add_argument("--jobs", type=int, default=default_jobs(), help="worker processes (default: every core)")
    compact.set_defaults(run=run_compact)

    graph = subparsers.add_parser("graph", help="the citation graph around one cable of the library")
    graph.add_argument("reference_id", metavar="REFID")
    _library_option(graph)
    graph.add_argument("--depth", type=int, default=2, help="citations out from the cable (default 2)")
    graph.add_argument("--json", action="store_true", help="print nodes and edges as JSON")
    graph.set_defaults(run=run_graph)


def _date(value: str | None) -> datetime | None:
    return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC) if value else None


def run_import(args: argparse.Namespace) -> int:
    library = open_library(args.library, create=True)
    if library is None:
        return EXIT_PROBLEMS
    started = time.monotonic()
    last = [0.0]

    def progress(report: ImportReport, current: str) -> None:
        now = time.monotonic()
        if report.building_indexes:
            print(f"\r{report.cables:,} cables; building the list's indexes", end="", file=sys.stderr)
        elif now - last[0] >= 1.0:
            last[0] = now
            rate = report.cables / max(now - started, 1e-9)
            print(f"\r{report.cables:,} cables ({rate:,.0f}/s), {len(report.problems)} problems", end="", file=sys.stderr)

    bulk = is_bulk(library, args.paths)
    try:
        report = import_paths(library, args.paths, on_progress=progress, jobs=args.jobs, start_method="fork", defer_list_indexes=bulk)
    except KeyboardInterrupt:
        print("\ninterrupted: what was committed stays; run the same import again to resume", file=sys.stderr)
        return 130
    except LibraryError as exc:  # a write failed (a full disk): said plainly, with what stays
        print(f"\nerror: {exc}\nwhat was committed stays; run the same import again to resume", file=sys.stderr)
        return EXIT_PROBLEMS
    seconds = time.monotonic() - started
    print("", file=sys.stderr)
    for problem in report.problems:
        row = f":{problem.source.row}" if problem.source.row else ""
        print(f"{problem.source.path}{row}: {problem.message}", file=sys.stderr)
    print(
        f"imported {report.cables_added:,} new and {report.cables_updated:,} updated cables from {report.files:,} files"
        f" ({report.files_skipped:,} unchanged, {report.rows_resumed:,} rows already imported) in {seconds:.1f} s;"
        f" {len(report.problems)} problems; the library holds {library.count():,} cables"
    )
    if bulk and report.cables_added >= COMPACT_HINT_AFTER:
        print(f"(python -m reader compact --library {library.path} makes it about 6% smaller, once)", file=sys.stderr)
    return EXIT_PROBLEMS if report.problems else EXIT_OK


def run_compact(args: argparse.Namespace) -> int:
    library = open_library(args.library)  # says what is missing or refused, as every reading command does
    if library is None:
        return EXIT_PROBLEMS
    where = library.path
    library.close()

    def progress(stage: str, done: int, total: int) -> None:
        print(f"\r{stage}: {done:,} of {total:,}" if total > 1 else f"\r{stage}", end="\033[K", file=sys.stderr)

    try:
        report = compact(where, jobs=args.jobs, on_progress=progress, start_method="fork")
    except KeyboardInterrupt:
        print("\ninterrupted: what was compacted stays; run it again to go on", file=sys.stderr)
        return 130
    except LibraryError as exc:
        print(f"\nerror: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print("", file=sys.stderr)
    if report.vacuum_problem:
        print(f"the file was not rewritten without its free pages: {report.vacuum_problem}", file=sys.stderr)
    print(
        f"compacted {where}: {report.bytes_before / 2**20:,.1f} MiB -> {report.bytes_after / 2**20:,.1f} MiB"
        f" ({report.bytes_after / max(report.bytes_before, 1):.3f}x) in {report.seconds:.1f} s;"
        f" {report.documents:,} documents and {report.texts:,} source texts compressed again"
    )
    return EXIT_OK


def run_search(args: argparse.Namespace) -> int:
    library = open_library(args.library)
    if library is None:
        return EXIT_PROBLEMS
    levels = frozenset(level.upper() for level in args.classification) if args.classification else None
    query = ListQuery(
        levels=levels,
        controls=tuple(args.control),
        origin=args.origin,
        tag=args.tag,
        date_from=_date(args.date_from),
        date_to=_date(args.date_to),
        cites=args.cites,
    )
    hits = library.search(args.query, query, limit=args.limit)
    if args.json:
        rows = [
            {"reference_id": h.reference_id, "subject": h.subject, "snippet": h.snippet, "rank": i + 1}
            for i, h in enumerate(hits)
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for i, hit in enumerate(hits, start=1):
            print(f"{i:3}. {hit.reference_id or '?':<20} {hit.subject or ''}\n     {hit.snippet}")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    library = open_library(args.library)
    if library is None:
        return EXIT_PROBLEMS
    key = library.key_of_reference(args.reference_id)
    if key is None:
        print(f"error: {args.reference_id} is not in the library {library.path}", file=sys.stderr)
        return EXIT_PROBLEMS
    cable = library.get(key)
    if args.json:
        data = cable_to_json(cable)
        data["library"] = {
            "sources": [{"path": p, "row": r or None, "format": f, "encoding": e} for p, r, f, e in library.sources(key)],
            "cited_by": [s.reference_id for s in library.cited_by(args.reference_id)],
        }
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print(f"{cable.reference_id}  {cable.classification or ''}  {cable.origin or ''}  {cable.subject or ''}")
        for paragraph in cable.paragraphs:
            marking = f"({paragraph.marking}) " if paragraph.marking else ""
            number = f"{paragraph.number}. " if paragraph.number is not None else ""
            print(f"\n{number}{marking}{paragraph.text}")
    return EXIT_OK


def run_graph(args: argparse.Namespace) -> int:
    library = open_library(args.library)
    if library is None:
        return EXIT_PROBLEMS
    release = release_ids()
    graph = citation_graph(
        library, args.reference_id.upper(), max(0, args.depth), in_release=(lambda r: r in release) if release else (lambda _r: None)
    )
    if args.json:
        print(json.dumps(graph.to_json(), ensure_ascii=False, indent=1))
        return EXIT_OK
    for node in sorted(graph.nodes.values(), key=lambda n: (n.distance, n.reference_id)):
        print(f"{'  ' * node.distance}{node.reference_id}  {node.state}  {node.classification or ''}")
    for edge in graph.edges:
        print(f"{edge.citing} -> {edge.cited}")
    return EXIT_OK
