"""The window opened on a library: time to open, to sort and to filter, and its memory.

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_window_library.py LIBRARY.sqlite3

Run by bench_library_scale.py on the 251,287-cable library; a benchmark, it asserts nothing.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
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


def timed(action) -> float:
    start = time.perf_counter()
    action()
    QApplication.processEvents()
    return (time.perf_counter() - start) * 1000


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
        sort_subject = timed(lambda: table.sortByColumn(Column.SUBJECT, Qt.SortOrder.AscendingOrder))
        sort_date = timed(lambda: table.sortByColumn(Column.CREATED, Qt.SortOrder.DescendingOrder))
        window.list_pane.filter_box.setText("paris")
        filter_text = timed(window.list_pane.apply_filters)
        shown_paris = window.list_model.rowCount()
        window.list_pane.filter_box.clear()
        filter_level = timed(lambda: window.list_pane.level_box.setCurrentText("Secret"))  # applies at once
        shown_secret = window.list_model.rowCount()
        window.list_pane.level_box.setCurrentIndex(0)
        window.list_pane.search_box.setText("nuclear")
        search = timed(window.list_pane.apply_filters)
        shown_search = window.list_model.rowCount()
        scroll = timed(lambda: table.scrollToBottom())
        memory = _rss_mib()
        window.close()
    print(f"window on {rows:,} cables: opened and painted in {opened:.2f} s; memory {memory:.0f} MiB ({before:.0f} MiB before)")
    print(f"  sort by subject {sort_subject:.0f} ms, by date {sort_date:.0f} ms; scroll to the end {scroll:.0f} ms")
    print(
        f"  filter 'paris' {filter_text:.0f} ms ({shown_paris:,} rows); SECRET only {filter_level:.0f} ms ({shown_secret:,} rows);"
        f" full-text 'nuclear' {search:.0f} ms ({shown_search:,} rows)"
    )
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
