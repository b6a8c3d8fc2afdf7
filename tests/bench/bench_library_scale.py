"""The library at Cablegate scale: a 251,287-cable release CSV, imported and searched.

    python tests/bench/bench_library_scale.py --work /tmp/cable-scale [--cables 251287] [--skip-import] [--compact]

Generates a CSV in the 2011 release's format whose rows are real cables from
``../shared/data/cables-sample.csv``, each rewritten to one of the release's
reference ids from ``cable2month.csv.gz`` (banner station and serial, DTG year) and
with its rarer words drawn afresh so that words vary as in real text (how: see
``tests/bench/scale_corpus.py``), imports it with ``python -m reader import`` in a child process, and prints:
import cables/second, library size on disk, peak memory of the import, search
latency (median and 95th percentile over a fixed set of queries), and the time
to open the window on the full library and to sort and filter its list; with ``--compact``,
then ``python -m reader compact``'s time, and the size and searches after it.
A benchmark: it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.bench.scale_corpus import generate  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
QUERIES = [
    "nuclear",
    "guantanamo detainees",
    "nord stream",
    "farc",
    "president",
    "oil",
    "election fraud",
    '"human rights"',
    "corruption",
    "iran",
    "pipeline",
    "terror*",
    "visa",
    "military",
    "chavez",
    "embassy",
    "NEAR",
    "gas -price",
    "referendum",
    "xinjiang",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/cable-scale"))
    parser.add_argument("--cables", type=int, default=251_287)
    parser.add_argument("--skip-import", action="store_true", help="reuse the library already in --work")
    parser.add_argument("--compact", action="store_true", help="then compact the library, and measure it again")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    release = args.work / f"cables-{args.cables}.csv"
    library = args.work / f"library-{args.cables}.sqlite3"
    python = sys.executable

    if not args.skip_import:
        if not release.exists():
            start = time.perf_counter()
            generate(release, args.cables, SHARED / "cables-sample.csv", SHARED / "cable2month.csv.gz")
            print(f"generated {release} ({release.stat().st_size / 2**30:.2f} GiB) in {time.perf_counter() - start:.0f} s")
        for suffix in ("", "-wal", "-shm"):
            Path(str(library) + suffix).unlink(missing_ok=True)
        start = time.perf_counter()
        subprocess.run([python, "-m", "reader", "import", str(release), "--library", str(library)], cwd=REPO, check=False)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"import: {args.cables:,} rows in {seconds:.0f} s = {args.cables / seconds:,.0f} cables/s; peak memory {peak:.0f} MiB"
        )
    _print_size("library on disk", library, release, args.cables)
    _print_search(library)

    window = subprocess.run(
        [python, str(REPO / "tests" / "bench" / "bench_window_library.py"), str(library)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    print(window.stdout.strip() or window.stderr.strip())
    if args.compact:
        start = time.perf_counter()
        subprocess.run([python, "-m", "reader", "compact", "--library", str(library)], cwd=REPO, check=False)
        print(f"compact: {time.perf_counter() - start:.0f} s")
        _print_size("library on disk, compacted", library, release, args.cables)
        _print_search(library)
    return 0


def _print_size(what: str, library: Path, release: Path, cables: int) -> None:
    size = sum(os.path.getsize(str(library) + s) for s in ("", "-wal") if os.path.exists(str(library) + s))
    against = f" = {size / release.stat().st_size:.3f}x the CSV" if release.exists() else ""
    print(f"{what}: {size / 2**30:.2f} GiB{against} ({size / max(cables, 1) / 1024:.1f} KiB a cable)")


def _print_search(library: Path) -> None:
    from reader.library.library import Library

    lib = Library(library)
    lib.search("warm up")
    latencies = []
    for _round in range(3):
        for query in QUERIES:
            start = time.perf_counter()
            lib.search(query, limit=20)
            latencies.append((time.perf_counter() - start) * 1000)
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    print(
        f"search (top 20 with snippets, {len(QUERIES)} queries x 3): median {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms"
    )
    lib.close()


if __name__ == "__main__":
    raise SystemExit(main())
