"""``audit`` and ``diff``: the marking audit and the comparison of versions on the command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from typing import TextIO

from reader.cli.cable_sources import cables_from_library, cables_from_paths, open_library
from reader.library.paths import default_library_path
from reader.model import Cable
from reader.parse import parse_paths
from reader.review import CODES, audit, diff_versions
from reader.review.versions import diff_to_json

EXIT_OK = 0
EXIT_PROBLEMS = 2


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    auditor = subparsers.add_parser(
        "audit",
        help="audit the markings of cables: where banner, portions, header and metadata disagree",
        description="Audit the markings of the cables under PATH, or of every cable in the library.",
    )
    auditor.add_argument("paths", nargs="*", metavar="PATH", help="cable files or folders (none: the library's cables)")
    auditor.add_argument("--library", metavar="DB", help=f"audit the library's cables (default file: {default_library_path()})")
    auditor.add_argument("--json", action="store_true", help="print JSON: one object per cable, or the counts")
    auditor.add_argument("--summary", action="store_true", help="print how many cables have each finding")
    auditor.set_defaults(run=run_audit)

    differ = subparsers.add_parser(
        "diff",
        help="compare two versions of a cable, word by word",
        description="Compare the versions the library holds of REFID, or two cable files.",
    )
    differ.add_argument("targets", nargs="+", metavar="REFID_OR_FILE", help="a reference id, or two files")
    differ.add_argument("--library", metavar="DB", help=f"the library file (default: {default_library_path()})")
    differ.add_argument("--versions", nargs=2, type=int, metavar=("I", "J"), default=(1, 2), help="which two versions (1-based)")
    differ.add_argument("--json", action="store_true", help="print the differences as JSON")
    differ.set_defaults(run=run_diff)


def _cables(args: argparse.Namespace, problems: list[str]) -> Iterator[Cable]:
    return cables_from_paths(args.paths, problems) if args.paths else cables_from_library(args.library, problems)


def audit_json(cable: Cable) -> dict[str, object]:
    return {
        "reference_id": cable.reference_id,
        "classification": cable.classification,
        "source": cable.source.path,
        "findings": [{"code": f.code, "message": f.message, "paragraphs": f.numbers(cable)} for f in audit(cable)],
    }


def _write_summary(counts: Counter[str], cables: int, as_json: bool, out: TextIO) -> None:
    if as_json:
        json.dump({"cables": cables, "with_findings": counts["any"], "codes": {c: counts[c] for c in CODES}}, out, indent=1)
        out.write("\n")
        return
    out.write(f"{cables} cables, {counts['any']} with at least one finding\n")
    for code in CODES:
        out.write(f"  {counts[code]:>7}  {code}\n")


def run_audit(args: argparse.Namespace) -> int:
    problems: list[str] = []
    counts: Counter[str] = Counter()
    cables = 0
    out = sys.stdout
    if args.json and not args.summary:
        out.write("[")
    for cable in _cables(args, problems):
        findings = audit(cable)
        cables += 1
        counts.update({f.code for f in findings})
        counts["any"] += bool(findings)
        if args.summary:
            continue
        if args.json:
            out.write(",\n" if cables > 1 else "\n")
            out.write(json.dumps(audit_json(cable), ensure_ascii=False))
        elif findings:
            out.write(f"{cable.reference_id or cable.source.path}  {cable.classification or '?'}\n")
            for finding in findings:
                out.write(f"    {finding.code}: {finding.message}\n")
    if args.json and not args.summary:
        out.write("\n]\n")
    if args.summary:
        _write_summary(counts, cables, args.json, out)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK


def _versions(args: argparse.Namespace) -> list[Cable] | None:
    if len(args.targets) == 2:
        cables = [r for r in parse_paths(args.targets) if isinstance(r, Cable)]
        if len(cables) < 2:
            print("error: the two files do not both hold a cable", file=sys.stderr)
            return None
        return cables
    if len(args.targets) != 1:
        print("error: give one reference id, or two files", file=sys.stderr)
        return None
    library = open_library(args.library)
    if library is None:
        return None
    try:
        key = library.key_of_reference(args.targets[0].upper())
        if key is None:
            print(f"error: {args.targets[0]} is not in the library", file=sys.stderr)
            return None
        return library.versions(key)
    finally:
        library.close()


def run_diff(args: argparse.Namespace) -> int:
    versions = _versions(args)
    if versions is None:
        return EXIT_PROBLEMS
    first, second = args.versions
    if len(versions) < 2 or not (1 <= first <= len(versions) and 1 <= second <= len(versions)):
        print(f"error: {len(versions)} version(s) of this cable; nothing to compare", file=sys.stderr)
        return EXIT_PROBLEMS
    diff = diff_versions(versions[first - 1], versions[second - 1])
    if args.json:
        json.dump(diff_to_json(diff), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    print(f"--- {diff.before}\n+++ {diff.after}")
    print(
        f"{diff.words_inserted} words inserted, {diff.words_deleted} deleted; "
        f"{diff.redactions_added} redactions added, {diff.redactions_lifted} lifted"
    )
    for change in diff.fields:
        print(f"  {change.name}: {change.before!r} -> {change.after!r}")
    for piece in diff.pieces:
        if piece.kind == "insert":
            print(f"[+{piece.text}+]", end=" ")
        elif piece.kind == "delete":
            print(f"[-{piece.text}-]", end=" ")
    print()
    return EXIT_OK
