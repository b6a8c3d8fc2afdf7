"""What the marking audit adds to an import: the audit alone, and an import with and without it.

    python tests/bench/bench_audit.py [--rounds 3] [--copies 4]

Imports the corpus (``--copies`` times, each copy under other file names, so every
copy is parsed and stored) into a new library twice per round, turn about: once
as the importer runs, once with the audit switched off. Prints the best time of
each, the share the audit adds, and the audit's own time per cable. The import of
the 251,287-cable release does per cable what this does, so the share carries
over. A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import reader.library.library as library_module  # noqa: E402
from reader.library.importer import import_paths  # noqa: E402
from reader.library.library import Library  # noqa: E402
from reader.model import Cable  # noqa: E402
from reader.parse import parse_paths  # noqa: E402
from reader.review import audit  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"


def _copies(work: Path, copies: int) -> Path:
    folder = work / "cables"
    for number in range(copies):
        shutil.copytree(CORPUS, folder / f"copy{number}", ignore=shutil.ignore_patterns("MANIFEST.tsv"))
    return folder


def _import(folder: Path, work: Path, with_audit: bool) -> float:
    target = work / f"library-{time.monotonic_ns()}.sqlite3"
    original = library_module.finding_codes
    if not with_audit:
        library_module.finding_codes = lambda _cable: []
    try:
        library = Library(target)
        start = time.perf_counter()
        import_paths(library, [str(folder)])
        elapsed = time.perf_counter() - start
        library.close()
    finally:
        library_module.finding_codes = original
    for leftover in work.glob(target.name + "*"):
        leftover.unlink()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args()

    cables = [c for c in parse_paths([CORPUS]) if isinstance(c, Cable)]
    timings = []
    for _ in range(max(args.rounds, 3)):
        start = time.perf_counter()
        findings = sum(len(audit(c)) for c in cables)
        timings.append(time.perf_counter() - start)
    per_cable = min(timings) / len(cables)
    print(f"audit alone: {len(cables)} cables, {findings} findings, {per_cable * 1e6:.0f} µs a cable")

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        folder = _copies(work, args.copies)
        with_audit, without = [], []
        for _ in range(args.rounds):
            without.append(_import(folder, work, with_audit=False))
            with_audit.append(_import(folder, work, with_audit=True))
    count = len(cables) * args.copies
    best_with, best_without = min(with_audit), min(without)
    print(f"import of {count} cables, best of {args.rounds}:")
    print(f"  without the audit: {best_without:7.2f} s  ({count / best_without:6.0f} cables/s)")
    print(f"  with the audit   : {best_with:7.2f} s  ({count / best_with:6.0f} cables/s)")
    print(f"  the audit adds {100 * (best_with - best_without) / best_without:+.1f}% to the import (target: under 10%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
