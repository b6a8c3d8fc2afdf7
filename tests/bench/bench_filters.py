"""The list's filters on a release-sized library, cold and warm, against the floor.

    python tests/bench/bench_filters.py --library LIB [--baseline CHECKOUT --baseline-library LIB3]

For each filter a reader uses (a level, a control, an origin, a tag, a date range, words
of the filter box, a full-text search) prints the time to get the filtered list's keys in
date order, as the window's list asks for them:

- cold: in a new process, right after the operating system's page cache is dropped
  (``/proc/sys/vm/drop_caches``; where that is not allowed, the figure says "new
  process" and measures SQLite's cold cache only);
- warm: best of ``--rounds`` in that process, after the cold run.

Beside them, the floor measured the same way: ``SELECT count(*)`` of the cables table.
``--baseline`` measures another checkout of the project on another library in the same
run (say the format-3 code, ``git worktree add /tmp/f3 <commit>``, on the library it
built), so that before and after see the same machine. A benchmark: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

FILTERS = {
    "floor: count(*)": None,
    "level SECRET": {"levels": ["SECRET"]},
    "control NOFORN": {"controls": ["NOFORN"]},
    "origin Embassy Paris": {"origin": "Embassy Paris"},
    "tag PTER": {"tag": "PTER"},
    "date 2008": {"date_from": "2008-01-01", "date_to": "2009-01-01"},
    "filter box 'iran'": {"text": "iran"},
    "search 'nuclear'": {"search": "nuclear"},
}

_CHILD = r"""
import json, sys, time
from datetime import UTC, datetime
sys.path.insert(0, sys.argv[1])
from reader.library.library import Library
from reader.library.query import ListQuery
spec = json.loads(sys.argv[3])
rounds = int(sys.argv[4])
library = Library(sys.argv[2])
def run():
    if spec is None:
        return library._db.execute("SELECT count(*) FROM cables").fetchone()[0]
    fields = dict(spec)
    if "levels" in fields:
        fields["levels"] = frozenset(fields["levels"])
    if "controls" in fields:
        fields["controls"] = tuple(fields["controls"])
    for name in ("date_from", "date_to"):
        if name in fields:
            fields[name] = datetime.fromisoformat(fields[name]).replace(tzinfo=UTC)
    return len(library.query(ListQuery(**fields)))
start = time.perf_counter(); found = run(); cold = time.perf_counter() - start
warm = []
for _ in range(rounds):
    start = time.perf_counter(); run(); warm.append(time.perf_counter() - start)
print(json.dumps({"cold": cold, "warm": min(warm), "found": found}))
"""


def _drop_caches() -> bool:
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as handle:
            handle.write("1\n")
        return True
    except OSError:
        return False


def measure(checkout: Path, library: Path, rounds: int) -> tuple[dict[str, dict], bool]:
    figures, dropped = {}, True
    for name, spec in FILTERS.items():
        dropped &= _drop_caches()
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, str(checkout), str(library), json.dumps(spec), str(rounds)],
            capture_output=True,
            text=True,
            check=True,
        )
        figures[name] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures, dropped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline", type=Path, help="another checkout, measured on --baseline-library")
    parser.add_argument("--baseline-library", type=Path)
    args = parser.parse_args()
    runs = [("this checkout", REPO, args.library)]
    if args.baseline and args.baseline_library:
        runs.insert(0, ("baseline", args.baseline.resolve(), args.baseline_library))
    results = {}
    for name, checkout, library in runs:
        start = time.perf_counter()
        figures, dropped = measure(checkout, library, args.rounds)
        results[name] = figures
        cold = "cold (page cache dropped)" if dropped else "cold (new process)"
        print(f"{name}: {library} ({time.perf_counter() - start:.0f} s to measure)")
        print(f"  {'':24} {cold:>26} {'warm':>10} {'found':>9}")
        for filter_name, figure in figures.items():
            print(f"  {filter_name:24} {figure['cold'] * 1000:23.1f} ms {figure['warm'] * 1000:7.1f} ms {figure['found']:9,}")
    if len(results) == 2:
        print("this checkout / baseline (cold, warm):")
        for filter_name in FILTERS:
            before, after = results["baseline"][filter_name], results["this checkout"][filter_name]
            print(f"  {filter_name:24} {after['cold'] / before['cold']:6.2f}x {after['warm'] / before['warm']:6.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
