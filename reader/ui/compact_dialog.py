"""File > Compact the Library…: ``reader.library.compaction`` off the GUI thread, shown and stoppable.

Compacting the whole release's library takes a minute and a half on two cores. It runs on a
plain thread (its work is SQLite's and the worker processes'), while a dialog says which stage
it is at, counts the documents, and offers Stop: each batch is committed on its own, so a
stopped compaction leaves a sound library, smaller by what was done.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QProgressDialog

from reader.library.compaction import CompactReport, compact
from reader.library.library import Library
from reader.parse.parallel import default_jobs
from reader.ui.busy import run_showing

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def can_compact(window: MainWindow) -> bool:
    return isinstance(window.store, Library)


def compact_library(window: MainWindow) -> CompactReport | None:
    """Compact the window's library with a progress dialog; the report, or None if there was none to do."""
    store = window.store
    if not isinstance(store, Library):
        return None
    if window.loader.is_running:
        QMessageBox.information(window, "Cable Reader", "Cables are still being loaded: compact the library once they are in.")
        return None
    cancel = threading.Event()
    state: dict[str, object] = {"stage": "starting", "done": 0, "total": 0}
    outcome: dict[str, object] = {}

    def progress(stage: str, done: int, total: int) -> None:  # on the worker thread: only stored
        state.update(stage=stage, done=done, total=total)

    def work() -> None:
        try:
            outcome["report"] = compact(store.path, jobs=default_jobs(), on_progress=progress, cancel=cancel)
        except BaseException as exc:  # shown on the GUI thread
            outcome["error"] = exc

    dialog = QProgressDialog("Compacting the library…", "Stop", 0, 0, window)
    dialog.setWindowTitle("Compact the Library")
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def tick() -> None:
        if dialog.wasCanceled():
            cancel.set()
            compressing = str(state["stage"]).startswith("compressing")
            dialog.setLabelText("Stopping after the batch in hand…" if compressing else "Finishing the last stage, which cannot be stopped…")
            return
        total, done = int(state["total"]), int(state["done"])  # type: ignore[call-overload]
        stage = str(state["stage"]).capitalize()
        dialog.setLabelText(f"{stage}: {done:,} of {total:,}…" if total > 1 else f"{stage}…")
        dialog.setMaximum(total if total > 1 else 0)
        if total > 1:
            dialog.setValue(done)

    run_showing(dialog, work, "library-compaction", tick)
    if "error" in outcome:
        QMessageBox.warning(window, "Cable Reader", f"The library could not be compacted: {outcome['error']}")
        return None
    report: CompactReport = outcome["report"]  # type: ignore[assignment]
    window.statusBar().showMessage(_summary(report, cancel.is_set()), 15000)
    if report.vacuum_problem:
        QMessageBox.information(window, "Cable Reader", f"The documents are smaller, but the file was not rewritten: {report.vacuum_problem}")
    return report


def _summary(report: CompactReport, stopped: bool) -> str:
    sizes = f"{report.bytes_before / 2**20:,.0f} MiB → {report.bytes_after / 2**20:,.0f} MiB"
    if stopped:
        return f"Compaction stopped: {report.documents:,} documents compressed again ({sizes})"
    return f"Library compacted: {sizes} in {report.seconds:.0f} s"
