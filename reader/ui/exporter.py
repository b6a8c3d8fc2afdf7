"""File > Export: the selected cables or the whole filtered list, written off the GUI thread.

The format comes from the file's ending (.pdf, .json, .csv, .txt). A progress dialog
counts the cables and has Cancel; a cancelled export leaves no half-written file. The
release view, when chosen, applies: the export is a review copy too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from reader.export import FORMATS, ExportCancelled, export_format, write_csv, write_json, write_text
from reader.library.store import CableStore
from reader.ui.pdf_export import write_pdf

FILE_FILTERS = "PDF (*.pdf);;JSON, the parse schema (*.json);;CSV, the list's columns (*.csv);;Plain text (*.txt)"


def write_export(cables: list, path: Path, release_level: str | None, progress=None) -> str:
    """Write ``cables`` to ``path`` in the format its ending names; returns what was written."""
    form = export_format(path)
    if form == "pdf":
        return f"{write_pdf(cables, path, release_level, progress)} pages"
    writer = {"json": write_json, "csv": write_csv, "txt": write_text}[form]
    with path.open("w", encoding="utf-8", newline="" if form == "csv" else None) as handle:
        return f"{writer(cables, handle, release_level, progress)} cables"


class ExportWorker(QThread):
    progressed = Signal(int)
    done = Signal(str)
    """Finished: what was written."""
    failed = Signal(str)

    def __init__(self, store: CableStore, keys: list[int], path: Path, release_level: str | None, parent=None) -> None:
        super().__init__(parent)
        self.store, self.keys, self.path, self.release_level = store, keys, path, release_level
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def _progress(self, count: int) -> None:
        if self._cancelled:
            raise ExportCancelled
        self.progressed.emit(count)

    def run(self) -> None:
        try:
            cables = [self.store.get(key) for key in self.keys]
            written = write_export(cables, self.path, self.release_level, self._progress)
        except ExportCancelled:
            self.path.unlink(missing_ok=True)
            self.failed.emit("Export cancelled; no file was written.")
        except (OSError, ValueError) as exc:
            self.path.unlink(missing_ok=True)
            self.failed.emit(f"The export failed: {exc}")
        else:
            self.done.emit(f"Exported {written} to {self.path}")


class Exporter(QObject):
    finished = Signal(str)
    """The export ended: a message for the status bar."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.worker: ExportWorker | None = None
        self.dialog: QProgressDialog | None = None

    def ask_and_export(self, store: CableStore, keys: list[int], folder: str, release_level: str | None) -> None:
        """Ask for the file, then export ``keys`` to it in the background."""
        if not keys:
            QMessageBox.information(self._parent, "Export", "There is no cable to export.")
            return
        chosen, selected_filter = QFileDialog.getSaveFileName(self._parent, "Export Cables", folder, FILE_FILTERS)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() not in FORMATS:
            path = path.with_suffix(selected_filter.split("*")[-1].rstrip(")") or ".pdf")
        self.start(store, keys, path, release_level)

    def start(self, store: CableStore, keys: list[int], path: Path, release_level: str | None) -> ExportWorker:
        self.dialog = QProgressDialog(f"Exporting {len(keys):,} cables to {path.name}…", "Cancel", 0, len(keys), self._parent)
        self.dialog.setWindowTitle("Export")
        self.dialog.setMinimumDuration(400)
        worker = ExportWorker(store, keys, path, release_level, self)
        worker.progressed.connect(self.dialog.setValue)
        worker.done.connect(self._ended)
        worker.failed.connect(self._ended)
        self.dialog.canceled.connect(worker.cancel)
        self.worker = worker
        worker.start()
        return worker

    @Slot(str)
    def _ended(self, message: str) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None
        if self.worker is not None:
            self.worker.wait()
            self.worker.deleteLater()
            self.worker = None
        self.finished.emit(message)
