"""The window's loading path over the whole corpus, against the parser alone, in one run.

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_window_load.py [--copies 4 | --csv FILE] [--library | --into DB]

Prints the parser alone (files -> results, one thread), then the window's path
(worker processes and thread -> batches -> store -> model -> view): time to the first row and
to all rows, and how the GUI thread's 10 ms timer ran meanwhile: its longest gap, and the time
the window stood still (every gap over 50 ms, less the 10 ms it should have been).

``--csv FILE`` loads a release CSV instead of the corpus. ``--into DB`` loads into a copy of the library DB (the whole release's, say), once with the
list's refreshes asked on the GUI thread, as before, and once as the window asks them now (off
it), in one run: what loading into a big library costs the window's responsiveness. (Only new
cables refresh the list: to load new cables into the release's library, give the CSV's rows ids
it does not hold.) A benchmark: it asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.library.library import Library  # noqa: E402
from reader.library.store import MemoryStore  # noqa: E402
from reader.parse import iter_cable_files, parse_paths  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"


def _corpus_copies(root: Path, copies: int) -> Path:
    """The corpus, ``copies`` times over, as distinct files (the window dedupes by file)."""
    files = list(iter_cable_files(CORPUS))
    for copy in range(copies):
        for source in files:
            target = root / f"copy{copy}" / Path(source).relative_to(CORPUS)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return root


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1, help="load the corpus this many times over")
    parser.add_argument("--csv", type=Path, help="load this release CSV instead of the corpus")
    parser.add_argument("--library", action="store_true", help="load into a library (the default window) instead of memory")
    parser.add_argument("--into", type=Path, help="load into a copy of this library, refreshing on and off the GUI thread")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as temp:
        folder = args.csv if args.csv else _corpus_copies(Path(temp) / "cables", args.copies)
        files = sum(1 for _ in iter_cable_files(folder))

        start = time.perf_counter()
        results = sum(1 for _ in parse_paths([folder]))
        parser_s = time.perf_counter() - start
        print(f"{args.csv or f'corpus x{args.copies}'}: {files} files, {results} results")
        print(f"  parser alone        : {parser_s:7.2f} s  {results / parser_s:7.0f} cables/s")

        if args.into is None:
            store = Library(Path(temp) / "library.sqlite3") if args.library else MemoryStore()
            _report("into a library" if args.library else "into memory", _load(Path(temp), store, folder), results, parser_s)
        else:
            for on_gui_thread in (True, False):
                copy = Path(temp) / f"copy-{on_gui_thread}.sqlite3"
                shutil.copyfile(args.into, copy)
                how = "list refreshed on the GUI thread" if on_gui_thread else "list refreshed off it (now)"
                _report(f"into {args.into.name}, {how}", _load(Path(temp), Library(copy), folder, on_gui_thread), results, parser_s)
                copy.unlink()
    del app
    return 0


def _load(temp: Path, store, folder: Path, refresh_on_gui_thread: bool = False) -> tuple[float, float, list[float]]:
    """Load ``folder`` in a window on ``store``: (seconds to the first row, to the end, the GUI timer's gaps)."""
    window = MainWindow(QSettings(str(temp / "settings.ini"), QSettings.Format.IniFormat), store)
    window.resize(1440, 900)
    window.show()
    model = window.list_model
    if refresh_on_gui_thread:
        model.refresh_later = model.refresh  # the window before the list fetcher
    first_row: list[float] = []
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    model.modelReset.connect(lambda: model.rowCount() and (first_row or first_row.append(time.perf_counter())))
    loop = QEventLoop()
    window.loader.load_finished.connect(lambda _cancelled: loop.quit())
    timer.start()
    start = time.perf_counter()
    window.load_paths([str(folder)])
    loop.exec()
    while model.refreshing:  # the list's last refresh, asked off the GUI thread
        QApplication.processEvents()
        time.sleep(0.001)
    done = time.perf_counter()
    ticks.append(done)  # (the gap since the last tick holds a refresh at the load's end made on the GUI thread)
    timer.stop()
    window.close()
    if isinstance(store, Library):
        store.close()
    return (first_row[0] - start if first_row else float("nan")), done - start, [b - a for a, b in itertools.pairwise(ticks)]


def _report(what: str, measured: tuple[float, float, list[float]], results: int, parser_s: float) -> None:
    first_s, window_s, gaps = measured
    still = sum(gap - 0.010 for gap in gaps if gap > 0.050)
    print(f"  window, {what}:")
    print(f"    first rows shown  : {first_s * 1000:7.0f} ms")
    print(f"    all rows          : {window_s:7.2f} s  {results / window_s:7.0f} cables/s  ({window_s / parser_s:.2f}x the parser alone)")
    print(
        f"    GUI timer (10 ms) : ran {len(gaps) + 1} times; longest gap {max(gaps, default=0) * 1000:.0f} ms;"
        f" {sum(gap > 0.1 for gap in gaps)} gaps over 100 ms; stood still {still:.2f} s ({still / window_s:.0%} of the load)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
