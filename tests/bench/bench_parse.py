"""Parser throughput over the corpus, against simply reading the same bytes.

    python tests/bench/bench_parse.py [--rounds 5] [--profile] [--baseline CHECKOUT]

Prints cables/s and MB/s for: reading the files, reading them with one regex pass
over every byte (the floor), parsing them (decode, form
detection, parse), and streaming the release-format CSV sample; the ratio of
parse time to read time; and the time the whole 251,287-cable release would
take at the measured rate on one core.

``--baseline CHECKOUT`` measures another checkout of the project (say, the
commit before a change: ``git worktree add /tmp/base HEAD~1``) in the same run:
each checkout is measured in a fresh process, turn about, so both see the same
machine, and the ratio of the two is printed.

``--instructions`` (with ``--baseline``) counts, with valgrind's callgrind, the
instructions each checkout spends parsing the corpus once: a count does not move
with whatever else the machine is doing, so a change of a few percent is seen
that wall-clock times on a shared machine hide. It takes a few minutes.

A benchmark, not a test: it asserts nothing, and the figures belong in the
closing note of the change they measure.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
SAMPLE_CSV = REPO.parent / "shared" / "data" / "cables-sample.csv"
RELEASE_SIZE = 251_287


def _read_all(paths: list[str]) -> list[bytes]:
    out = []
    for path in paths:
        with open(path, "rb") as handle:
            out.append(handle.read())
    return out


def measure(checkout: Path, rounds: int) -> dict[str, float]:
    """Best-of-``rounds`` timings of the checkout's parser (imported from ``checkout``)."""
    sys.path.insert(0, str(checkout))
    from reader.model import Cable
    from reader.parse import iter_cable_files, parse_bytes, parse_file

    paths = list(iter_cable_files(CORPUS))
    blobs = _read_all(paths)
    from reader.parse.release_index import index_available

    # One-time loading is not the parser's rate: the first parse, and the release index, which
    # a few cables need (read by whichever comes first, inside the timed loop otherwise).
    parse_bytes(blobs[0], paths[0])
    index_available()
    read_times, scan_times, parse_times = [], [], []
    paragraph_head = re.compile(rb"\n[ \t]*\d{1,2}\.[ \t]")
    for _ in range(rounds):
        start = time.perf_counter()
        _read_all(paths)
        read_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for blob in _read_all(paths):
            paragraph_head.findall(blob)
        scan_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        results = [parse_bytes(blob, path) for blob, path in zip(blobs, paths, strict=False)]
        parse_times.append(time.perf_counter() - start)
    figures = {
        "files": len(paths),
        "megabytes": sum(len(b) for b in blobs) / 2**20,
        "cables": sum(isinstance(r, Cable) for r in results),
        "read_s": min(read_times),
        "scan_s": min(scan_times),
        "parse_s": min(parse_times),
        "parse_median_s": statistics.median(parse_times),
    }
    if SAMPLE_CSV.exists():
        csv_times = []
        for _ in range(rounds):
            start = time.perf_counter()
            rows = sum(1 for _ in parse_file(SAMPLE_CSV))
            csv_times.append(time.perf_counter() - start)
        figures["csv_rows"] = rows
        figures["csv_s"] = min(csv_times)
        figures["csv_megabytes"] = SAMPLE_CSV.stat().st_size / 2**20
    return figures


def _in_child(checkout: Path, rounds: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", str(checkout), "--rounds", str(rounds)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


_ONE_PASS = """
import sys
sys.path.insert(0, sys.argv[1])
from reader.parse import iter_cable_files, parse_bytes
paths = list(iter_cable_files(sys.argv[2]))
blobs = [open(p, "rb").read() for p in paths]
parse_bytes(blobs[0], paths[0])
from reader.parse.release_index import index_available
index_available()  # the release index read once, whichever cable first needs it
if sys.argv[3] == "parse":
    for blob, path in zip(blobs, paths):
        parse_bytes(blob, path)
"""


def _instructions(checkout: Path, what: str) -> int:
    """Instructions callgrind counts for one process that imports, reads the corpus and (``parse``) parses it."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", _ONE_PASS]
    done = subprocess.run([*command, str(checkout), str(CORPUS), what], capture_output=True, text=True, check=True)
    for line in done.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1])
    raise RuntimeError(done.stderr[-500:])


def _count_instructions(baseline: Path) -> None:
    print("instructions to parse the corpus once (callgrind; setup and reading the files subtracted):")
    counts = {}
    for name, checkout in (("baseline", baseline.resolve()), ("this checkout", REPO)):
        counts[name] = _instructions(checkout, "parse") - _instructions(checkout, "read")
        print(f"  {name:14}: {counts[name] / 1e9:7.3f} G")
    print(f"this checkout / baseline, instructions: {counts['this checkout'] / counts['baseline']:.3f}x")


def _report(name: str, figures: dict[str, float]) -> None:
    read_s, parse_s, megabytes, cables = figures["read_s"], figures["parse_s"], figures["megabytes"], figures["cables"]
    print(f"{name}: {figures['files']:.0f} files, {megabytes:.1f} MB, {cables:.0f} cables")
    print(f"  read bytes     : {read_s * 1000:8.1f} ms  {figures['files'] / read_s:10.0f} files/s  {megabytes / read_s:8.1f} MB/s")
    if "scan_s" in figures:  # the floor: reading, and one regex pass over every byte
        scan_s = figures["scan_s"]
        print(f"  read + 1 regex : {scan_s * 1000:8.1f} ms  {figures['files'] / scan_s:10.0f} files/s  {megabytes / scan_s:8.1f} MB/s")
    print(
        f"  parse (files)  : {parse_s * 1000:8.1f} ms  {cables / parse_s:10.0f} cables/s {megabytes / parse_s:8.1f} MB/s"
        f"  (median {figures['parse_median_s'] * 1000:.1f} ms)"
    )
    print(f"  parse / read   : {parse_s / read_s:8.1f}x")
    if "csv_s" in figures:
        csv_rate = figures["csv_rows"] / figures["csv_s"]
        print(f"  parse (csv)    : {csv_rate:10.0f} cables/s  {figures['csv_megabytes'] / figures['csv_s']:8.1f} MB/s  (streamed)")
    rate = figures["csv_rows"] / figures["csv_s"] if "csv_s" in figures else cables / parse_s
    print(f"  release ({RELEASE_SIZE:,} cables) at this rate: {RELEASE_SIZE / rate:.0f} s on one core")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print where parse time goes")
    parser.add_argument("--baseline", type=Path, help="another checkout to measure in the same run")
    parser.add_argument("--instructions", action="store_true", help="count instructions with callgrind (needs --baseline)")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # a child: measure this checkout, print JSON
    args = parser.parse_args()

    if args.measure:
        print(json.dumps(measure(args.measure, args.rounds)))
        return 0
    if args.profile:
        sys.path.insert(0, str(REPO))
        from reader.parse import iter_cable_files, parse_bytes

        paths = list(iter_cable_files(CORPUS))
        blobs = _read_all(paths)
        parse_bytes(blobs[0], paths[0])
        profiler = cProfile.Profile()
        profiler.enable()
        for blob, path in zip(blobs, paths, strict=False):
            parse_bytes(blob, path)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
        return 0

    if args.instructions and args.baseline:
        _count_instructions(args.baseline)
        return 0
    print(f"best of {args.rounds} rounds, each checkout in its own process")
    if not args.baseline:
        _report("this checkout", _in_child(REPO, args.rounds))
        return 0
    # Turn about, twice, keeping the best of each: both see the same machine.
    runs: dict[str, list[dict[str, float]]] = {"baseline": [], "this checkout": []}
    for _ in range(2):
        runs["baseline"].append(_in_child(args.baseline.resolve(), args.rounds))
        runs["this checkout"].append(_in_child(REPO, args.rounds))
    best = {name: min(found, key=lambda f: f["parse_s"]) for name, found in runs.items()}
    _report(f"baseline ({args.baseline})", best["baseline"])
    _report("this checkout", best["this checkout"])
    base, this = best["baseline"], best["this checkout"]
    print(f"this checkout / baseline, parse time: {this['parse_s'] / base['parse_s']:.2f}x (files)", end="")
    if "csv_s" in this and "csv_s" in base:
        print(f", {this['csv_s'] / base['csv_s']:.2f}x (csv)", end="")
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
