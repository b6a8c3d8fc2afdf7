"""An import's work on each release row, counted in instructions, stage by stage.

    python tests/bench/bench_import_work.py [--rows 300] [--csv FILE] [--baseline CHECKOUT]

An import of a release CSV spends its processor time in four stages a row: the writer
reads the row (the csv module, the row's metadata), a worker parses it and makes its
record (the model's JSON, zstd, the marking audit's findings), and the writer stores the
record (SQLite: the tables, the full-text and trigram indexes, at each commit). On this
shared two-core machine, wall-clock and even CPU times of the same import move by a
fifth between runs; valgrind's callgrind counts instructions, which do not, so a change
of a few percent to one stage is seen.

Each checkout runs five times under callgrind, in a new process each: set up only
(imports, the CSV opened, a new library made), then reading ``--rows`` rows, then also parsing them, then
also making their records, then also storing them in a new library (one transaction).
A stage's count is the difference between two successive runs, divided by the rows.
``--baseline`` counts another checkout in the same way (``git worktree add /tmp/base
HEAD~1``), beside this one: counts do not depend on what runs at the same time, so the
two run side by side. The rows are the first of ``--csv``, by default the release-format
sample of real cables in ``../shared/data/cables-sample.csv``. Takes a few minutes.
A benchmark: it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE_CSV = REPO.parent / "shared" / "data" / "cables-sample.csv"
MODES = ("setup", "read", "parse", "record", "store")
STAGES = ("read", "parse", "record", "store")

_CHILD = """
import itertools, sys
checkout, mode, rows, csv_path, library_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
sys.path.insert(0, checkout)
from reader.parse.release_csv import open_release, read_release_rows
from reader.parse.files import parse_release_row
from reader.library.records import record_of
from reader.library.library import Library
stream = open_release(csv_path)
library = Library(library_path)  # a new one, in every run: its making is not a stage
if mode != "setup":
    read = [row for row in itertools.islice(read_release_rows(stream), rows) if hasattr(row, "text")]
if mode in ("parse", "record", "store"):
    cables = [parse_release_row(csv_path, row) for row in read]
if mode in ("record", "store"):
    records = [record_of(cable, row.text.encode("utf-8", errors="surrogatepass")) for cable, row in zip(cables, read)]
if mode == "store":
    with library.transaction():
        for record in records:
            library.store_record(record)
library.close()
"""


def _instructions(checkout: Path, mode: str, rows: int, csv: Path) -> int:
    """Instructions callgrind counts for one child process running up to ``mode``."""
    with tempfile.TemporaryDirectory() as work:
        command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", _CHILD]
        arguments = [str(checkout), mode, str(rows), str(csv), str(Path(work) / "library.sqlite3")]
        environment = {**os.environ, "PYTHONHASHSEED": "0"}  # the same hashes, run to run: the same count
        done = subprocess.run([*command, *arguments], capture_output=True, text=True, check=False, env=environment)
    for line in done.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1])
    raise RuntimeError(f"{checkout} ({mode}) failed:\n{done.stderr[-1500:]}")


def per_row(checkout: Path, rows: int, csv: Path) -> dict[str, float]:
    """Millions of instructions a row, by stage."""
    counts = {mode: _instructions(checkout, mode, rows, csv) for mode in MODES}
    return {stage: (counts[stage] - counts[MODES[MODES.index(stage) - 1]]) / rows / 1e6 for stage in STAGES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--csv", type=Path, default=SAMPLE_CSV)
    parser.add_argument("--baseline", type=Path, help="another checkout, counted beside this one")
    args = parser.parse_args()
    checkouts = {"this checkout": REPO}
    if args.baseline:
        checkouts = {"baseline": args.baseline.resolve(), **checkouts}
    with ThreadPoolExecutor(max_workers=len(checkouts)) as pool:
        futures = {name: pool.submit(per_row, path, args.rows, args.csv) for name, path in checkouts.items()}
        figures = {name: future.result() for name, future in futures.items()}
    print(f"millions of instructions a row (callgrind; the first {args.rows} rows of {args.csv.name}):")
    print(f"  {'':16}" + "".join(f"{stage:>9}" for stage in (*STAGES, "total")))
    for name, stages in figures.items():
        print(f"  {name:16}" + "".join(f"{stages[stage]:9.3f}" for stage in STAGES) + f"{sum(stages.values()):9.3f}")
    if args.baseline:
        this, base = figures["this checkout"], figures["baseline"]
        ratios = [this[stage] / base[stage] for stage in STAGES] + [sum(this.values()) / sum(base.values())]
        print(f"  {'this / baseline':16}" + "".join(f"{ratio:8.3f}x" for ratio in ratios))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
