"""Parser throughput over the corpus, against simply reading the same bytes.

    python tests/bench/bench_parse.py [--rounds 5] [--profile]

Prints cables/s and MB/s for: reading the files, parsing them (decode, form
detection, parse), and streaming the release-format CSV sample; the ratio of
parse time to read time; and the time the whole 251,287-cable release would
take at the measured rate on one core. A benchmark, not a test: it asserts
nothing, and the figures belong in the closing note of the change they measure.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.model import Cable  # noqa: E402
from reader.parse import iter_cable_files, parse_bytes, parse_file  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
SAMPLE_CSV = REPO.parent / "shared" / "data" / "cables-sample.csv"
RELEASE_SIZE = 251_287


def _best(timings: list[float]) -> float:
    return min(timings)


def _read_all(paths: list[str]) -> list[bytes]:
    out = []
    for path in paths:
        with open(path, "rb") as handle:
            out.append(handle.read())
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print where parse time goes")
    args = parser.parse_args()

    paths = list(iter_cable_files(CORPUS))
    blobs = _read_all(paths)
    total_bytes = sum(len(b) for b in blobs)
    megabytes = total_bytes / 2**20

    read_times, parse_times = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        _read_all(paths)
        read_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        results = [parse_bytes(blob, path) for blob, path in zip(blobs, paths, strict=False)]
        parse_times.append(time.perf_counter() - start)
    cables = sum(isinstance(r, Cable) for r in results)
    read_s, parse_s = _best(read_times), _best(parse_times)

    csv_rate = None
    if SAMPLE_CSV.exists():
        csv_times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            rows = sum(1 for _ in parse_file(SAMPLE_CSV))
            csv_times.append(time.perf_counter() - start)
        csv_rate = rows / _best(csv_times)
        csv_mb = SAMPLE_CSV.stat().st_size / 2**20 / _best(csv_times)

    print(f"corpus: {len(paths)} files, {megabytes:.1f} MB, {cables} cables; best of {args.rounds} rounds")
    print(f"  read bytes     : {read_s * 1000:8.1f} ms  {len(paths) / read_s:10.0f} files/s  {megabytes / read_s:8.1f} MB/s")
    print(
        f"  parse (files)  : {parse_s * 1000:8.1f} ms  {cables / parse_s:10.0f} cables/s {megabytes / parse_s:8.1f} MB/s"
        f"  (median {statistics.median(parse_times) * 1000:.1f} ms)"
    )
    print(f"  parse / read   : {parse_s / read_s:8.1f}x")
    if csv_rate:
        print(f"  parse (csv)    : {csv_rate:10.0f} cables/s  {csv_mb:8.1f} MB/s  ({SAMPLE_CSV.name}, streamed)")
    rate = csv_rate or cables / parse_s
    print(f"  release ({RELEASE_SIZE:,} cables) at this rate: {RELEASE_SIZE / rate:.0f} s on one core (target 120 s)")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for blob, path in zip(blobs, paths, strict=False):
            parse_bytes(blob, path)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
