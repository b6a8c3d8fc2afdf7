"""The window opened on a library: time to open, to sort and to filter, and its memory.

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_window_library.py LIBRARY.sqlite3

Each sort and filter is done as a reader does it (a click on a column header, the filter
box, the level box, the search box) and prints two figures: the time until the list shows
the answer, and the longest the window stood still meanwhile (the longest gap of a 5 ms
timer on the GUI thread): the list is asked off the GUI thread, so the second is the
smaller. Run by bench_library_scale.py on the 251,287-cable library; a benchmark, it
asserts nothing.
"""

from __future__ import annotations

import itertools
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.library.library import Library  # noqa: E402
from reader.ui.cable_list_model import Column  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402


def _rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(window: MainWindow, action) -> tuple[float, float]:
    """(ms until the list shows the answer to ``action``, longest ms the GUI thread stood still)."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    start = time.perf_counter()
    ticks.append(start)
    action()
    QApplication.processEvents()
    while getattr(window.list_model, "refreshing", False):  # (a checkout before the list fetcher has none)
        QApplication.processEvents()
        time.sleep(0.001)
    shown = time.perf_counter()
    QApplication.processEvents()
    timer.stop()
    ticks.append(time.perf_counter())
    held = max(b - a for a, b in itertools.pairwise(ticks))
    return (shown - start) * 1000, held * 1000


def _both(figures: tuple[float, float]) -> str:
    return f"{figures[0]:.0f} ms (window held {figures[1]:.0f} ms)"


def main() -> int:
    library_path = Path(sys.argv[1])
    app = QApplication.instance() or QApplication([])
    before = _rss_mib()
    with tempfile.TemporaryDirectory() as temp:
        start = time.perf_counter()
        window = MainWindow(QSettings(str(Path(temp) / "s.ini"), QSettings.Format.IniFormat), Library(library_path))
        window.resize(1440, 900)
        window.show()
        QApplication.processEvents()
        opened = time.perf_counter() - start
        rows = window.list_model.rowCount()
        table = window.list_pane.table
        header = table.horizontalHeader()  # what a click on a column does
        sort_subject = timed(window, lambda: header.setSortIndicator(Column.SUBJECT, Qt.SortOrder.AscendingOrder))
        sort_date = timed(window, lambda: header.setSortIndicator(Column.CREATED, Qt.SortOrder.DescendingOrder))
        window.list_pane.filter_box.setText("paris")
        filter_text = timed(window, window.list_pane.apply_filters)
        shown_paris = window.list_model.rowCount()
        window.list_pane.filter_box.clear()
        filter_level = timed(window, lambda: window.list_pane.level_box.setCurrentText("Secret"))  # applies at once
        shown_secret = window.list_model.rowCount()
        window.list_pane.level_box.setCurrentIndex(0)
        window.list_pane.search_box.setText("nuclear")
        search = timed(window, window.list_pane.apply_filters)
        shown_search = window.list_model.rowCount()
        scroll = timed(window, lambda: table.scrollToBottom())
        memory = _rss_mib()
        window.close()
    print(f"window on {rows:,} cables: opened and painted in {opened:.2f} s; memory {memory:.0f} MiB ({before:.0f} MiB before)")
    print(f"  sort by subject {_both(sort_subject)}, by date {_both(sort_date)}; scroll to the end {scroll[0]:.0f} ms")
    print(
        f"  filter 'paris' {_both(filter_text)} ({shown_paris:,} rows); SECRET only {_both(filter_level)} ({shown_secret:,} rows);"
        f" full-text 'nuclear' {_both(search)} ({shown_search:,} rows)"
    )
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
