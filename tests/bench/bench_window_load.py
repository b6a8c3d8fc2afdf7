"""The window's loading path over the whole corpus, against the parser alone, in one run.

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_window_load.py [--copies 4]

Prints the parser alone (files -> results, one thread), then the window's path
(worker processes and thread -> batches -> store -> model -> view): time to the first row and
to all rows, and how often the GUI thread's 10 ms timer ran meanwhile. A benchmark:
it asserts nothing.
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
    parser.add_argument("--library", action="store_true", help="load into a library (the default window) instead of memory")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as temp:
        folder = _corpus_copies(Path(temp) / "cables", args.copies)
        files = sum(1 for _ in iter_cable_files(folder))

        start = time.perf_counter()
        results = sum(1 for _ in parse_paths([folder]))
        parser_s = time.perf_counter() - start

        store = Library(Path(temp) / "library.sqlite3") if args.library else MemoryStore()
        window = MainWindow(QSettings(str(Path(temp) / "settings.ini"), QSettings.Format.IniFormat), store)
        window.resize(1440, 900)
        window.show()
        first_row: list[float] = []
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        model = window.list_model
        model.modelReset.connect(lambda: model.rowCount() and (first_row or first_row.append(time.perf_counter())))
        loop = QEventLoop()
        window.loader.load_finished.connect(lambda _cancelled: loop.quit())
        timer.start()
        start = time.perf_counter()
        window.load_paths([str(folder)])
        loop.exec()
        done = time.perf_counter()
        timer.stop()
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        window.close()

    window_s = done - start
    print(f"corpus x{args.copies}: {files} files, {results} results, into {'a library' if args.library else 'memory'}")
    print(f"  parser alone        : {parser_s:7.2f} s  {results / parser_s:7.0f} cables/s")
    print(f"  window: first row   : {(first_row[0] - start) * 1000:7.0f} ms")
    print(
        f"  window: all rows    : {window_s:7.2f} s  {results / window_s:7.0f} cables/s  ({window_s / parser_s:.2f}x the parser alone)"
    )
    print(f"  GUI timer (10 ms)   : ran {len(ticks)} times; longest gap {max(gaps, default=0) * 1000:.0f} ms")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
