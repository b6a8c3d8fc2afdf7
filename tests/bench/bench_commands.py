"""The command line on a folder of pages and on a release CSV, whole process, against the floor.

    python tests/bench/bench_commands.py [--pages 1500] [--csv FILE] [--baseline CHECKOUT] [--rounds 1] [--into-existing]

Times, as a user would see them (a new process each, start-up included, the bytecode cached as an
installed program has it):

- ``python -m reader parse FOLDER --json > /dev/null`` on a folder of ``--pages`` pages
  (the corpus's pages and texts, copied as often as needed);
- ``python -m reader import FOLDER`` of the same folder into a new library (``--into-existing``:
  into an empty library another process made first, as the window imports into the library it
  opened when it started);
- ``python -m reader import FILE`` of a release CSV (``--csv``; say the first rows of the
  scale corpus that ``bench_library_scale.py`` writes), and the library's size beside the CSV's;
- the floor of each, in a new process too: reading every byte and one regex pass over it.

``--baseline`` runs the same commands with another checkout in the same run (before and
after on the same machine); with ``--rounds N`` the checkouts take turns N times and each figure
is the best of its N (this machine's other load only ever adds time, and a single run of a
two-second command moves by a fifth). Beside each command's time stands the processor time its
processes spent, less moved by the machine's other load. cablemap, the release's reference parser, reads 204 pages/s
whole-process on such a folder on this machine (measured when the issue was filed; it
needs Python 2, so it is not run here). A benchmark: it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"
CABLEMAP_PAGES_PER_SECOND = 204

_FLOOR = r"""
import os, re, sys
pattern = re.compile(rb"\n[ \t]*\d{1,2}\.[ \t]")
found = 0
for root, _dirs, files in os.walk(sys.argv[1]) if os.path.isdir(sys.argv[1]) else [("", [], [sys.argv[1]])]:
    for name in files:
        with open(os.path.join(root, name), "rb") as handle:
            found += len(pattern.findall(handle.read()))
print(found)
"""


def page_folder(target: Path, pages: int) -> int:
    """``pages`` cable files (the corpus's pages and texts, copied into numbered folders)."""
    sources = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in (".html", ".txt"))
    count = 0
    while count < pages:
        folder = target / f"copy{count // len(sources)}"
        folder.mkdir(parents=True, exist_ok=True)
        for source in sources[: pages - count]:
            shutil.copy(source, folder / f"{source.parent.name}-{source.name}")  # html/ and html-2010/ share names
            count += 1
    return count


_ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
"""Each command runs as an installed program does, its modules' bytecode cached (pip compiles a
wheel's at install; a checkout writes its own on the first run): a shell that sets
PYTHONDONTWRITEBYTECODE, as some do, would have every run compile every module again."""


_PROCESSOR_SECONDS: dict[tuple[str, ...], float] = {}
"""The processor time (user and system, the command's every process) of each command's last run."""


def _timed(command: list[str], cwd: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=_ENVIRONMENT)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    _PROCESSOR_SECONDS[tuple(command)] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed


def _compile(checkout: Path) -> None:
    """Cache the checkout's bytecode before anything is timed, as its first run would."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(checkout / "reader")], check=False, env=_ENVIRONMENT)


def _library_size(path: Path) -> int:
    return sum(os.path.getsize(str(path) + s) for s in ("", "-wal") if os.path.exists(str(path) + s))


def measure(checkout: Path, pages: Path, release: Path | None, work: Path, existing: bool = False) -> dict[str, float]:
    """One run of each command with ``checkout``, each import into a new library (``existing``:
    one another process made first, as the window's is when cables are dropped on it)."""
    python = sys.executable
    parse = [python, "-m", "reader", "parse", str(pages), "--json"]
    figures = {"parse": _timed(parse, checkout)}
    figures["parse cpu"] = _PROCESSOR_SECONDS[tuple(parse)]
    library = work / f"pages-{checkout.name}.sqlite3"
    _remove_library(library, checkout, existing)
    pages_import = [python, "-m", "reader", "import", str(pages), "--library", str(library)]
    figures["import pages"] = _timed(pages_import, checkout)
    figures["import pages cpu"] = _PROCESSOR_SECONDS[tuple(pages_import)]
    if release is not None:
        library = work / f"release-{checkout.name}.sqlite3"
        _remove_library(library, checkout, existing)
        figures["import csv"] = _timed([python, "-m", "reader", "import", str(release), "--library", str(library)], checkout)
        figures["library / csv"] = _library_size(library) / release.stat().st_size
    return figures


def _remove_library(path: Path, checkout: Path, existing: bool) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    if existing:
        made = "import sys; from reader.library.library import Library; Library(sys.argv[1]).close()"
        subprocess.run([sys.executable, "-c", made, str(path)], cwd=checkout, check=True, env=_ENVIRONMENT)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1500)
    parser.add_argument("--csv", type=Path, help="a release CSV to import")
    parser.add_argument("--baseline", type=Path, help="another checkout to run the same commands with")
    parser.add_argument("--rounds", type=int, default=1, help="turns each checkout takes; each figure is the best")
    parser.add_argument(
        "--into-existing", action="store_true", help="import into a library another process made first (as the window's)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cable-bench-") as temporary:
        work = Path(temporary)
        count = page_folder(work / "pages", args.pages)
        rows = 0
        if args.csv:
            with args.csv.open("rb") as handle:
                rows = sum(1 for line in handle if line.startswith(b'"') and line[1:2].isdigit())
        floor_pages = _timed([sys.executable, "-c", _FLOOR, str(work / "pages")], REPO)
        floor_csv = _timed([sys.executable, "-c", _FLOOR, str(args.csv)], REPO) if args.csv else None
        print(f"{count} pages; release CSV {args.csv} ({rows:,} rows)" if args.csv else f"{count} pages")
        if args.into_existing:
            print("  every import into an empty library made first by another process")
        print(f"  floor, read + one regex pass, pages : {floor_pages:6.2f} s = {count / floor_pages:8,.0f} pages/s")
        if floor_csv:
            print(f"  floor, read + one regex pass, csv   : {floor_csv:6.2f} s = {rows / floor_csv:8,.0f} rows/s")
        runs = [("this checkout", REPO)] + ([("baseline", args.baseline.resolve())] if args.baseline else [])
        for _name, checkout in runs:
            _compile(checkout)
        results: dict[str, dict[str, float]] = {}
        for _round in range(max(1, args.rounds)):
            for name, checkout in runs:
                (work / name.replace(" ", "-")).mkdir(exist_ok=True)
                figures = measure(checkout, work / "pages", args.csv, work / name.replace(" ", "-"), args.into_existing)
                best = results.setdefault(name, figures)
                for key, value in figures.items():
                    best[key] = value if key == "library / csv" else min(best[key], value)
        for name, checkout in runs:
            figures = results[name]
            print(f"{name} ({checkout}){f', best of {args.rounds}' if args.rounds > 1 else ''}:")
            print(
                f"  parse --json {count} pages : {figures['parse']:6.2f} s = {count / figures['parse']:6,.0f} pages/s"
                f" = x{count / figures['parse'] / CABLEMAP_PAGES_PER_SECOND:.1f} cablemap; processor {figures['parse cpu']:.2f} s"
            )
            print(
                f"  import {count} pages       : {figures['import pages']:6.2f} s = {count / figures['import pages']:6,.0f} pages/s;"
                f" processor {figures['import pages cpu']:.2f} s"
            )
            if "import csv" in figures:
                print(
                    f"  import csv, {rows:,} rows : {figures['import csv']:6.2f} s = {rows / figures['import csv']:6,.0f} cables/s;"
                    f" library {figures['library / csv']:.2f}x the CSV"
                )
        if len(results) == 2:
            print("this checkout / baseline, time:")
            for key in results["baseline"]:
                if key != "library / csv":
                    print(f"  {key:14} {results['this checkout'][key] / results['baseline'][key]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
