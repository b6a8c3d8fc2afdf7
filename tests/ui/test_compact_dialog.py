"""File > Compact the Library…: the library is compacted off the GUI thread, with a dialog that
counts the documents and can stop it; the window reads the smaller library as before."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from reader.library import compaction
from reader.ui.cable_list_model import Column
from tests.conftest import REPO

PAGES = REPO.parent / "shared" / "corpus" / "html"


def _on_disk(path: Path) -> int:
    """The library's bytes, its write-ahead log's included (an import leaves much there)."""
    wal = Path(f"{path}-wal")
    return Path(path).stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def _watch_dialogs(seen: list[str], stop: bool = False) -> QTimer:
    """Note the progress dialog's text as it changes (and press Stop at once, if asked)."""

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                if not seen or seen[-1] != widget.labelText():
                    seen.append(widget.labelText())
                if stop:
                    widget.cancel()

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(5)
    return timer


def test_compacting_the_library_shows_its_stages_and_the_window_reads_it_as_before(qtbot, make_library_window, load) -> None:
    window = make_library_window()
    load(window, [PAGES])
    rows = window.list_model.rowCount()
    ids = [window.list_model.index(r, Column.REFERENCE).data() for r in range(rows)]
    before = _on_disk(window.store.path)
    assert window.compact_action.isEnabled()
    seen: list[str] = []
    timer = _watch_dialogs(seen)
    window.compact_action.trigger()
    timer.stop()
    assert any(text.startswith("Compressing documents again: ") for text in seen)  # (later stages may pass unseen)
    assert window.statusBar().currentMessage().startswith("Library compacted: ")
    assert _on_disk(window.store.path) < before
    window.list_pane.apply_filters()
    assert [window.list_model.index(r, Column.REFERENCE).data() for r in range(rows)] == ids
    window.select_reference("09CAIRO79")
    assert "KUTCHA-HELBLING" in window.header_panel.toPlainText()


def test_stop_leaves_a_sound_library(qtbot, make_library_window, load, monkeypatch) -> None:
    monkeypatch.setattr(compaction, "BATCH", 20)  # many batches: Stop comes before the last
    window = make_library_window()
    load(window, [PAGES])
    count = window.store.count()
    seen: list[str] = []
    timer = _watch_dialogs(seen, stop=True)
    report = window.compact_action.trigger()
    timer.stop()
    assert report is None  # (a QAction's trigger returns nothing: what happened is on the status bar)
    message = window.statusBar().currentMessage()
    assert message.startswith("Compaction stopped: ") and "documents compressed again" in message
    assert window.store.count() == count
    window.select_reference("09CAIRO79")
    assert "KUTCHA-HELBLING" in window.header_panel.toPlainText()


def test_a_window_without_a_library_has_nothing_to_compact(window) -> None:
    assert not window.compact_action.isEnabled()
