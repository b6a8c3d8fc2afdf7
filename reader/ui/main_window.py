"""The main window: document list, header panel, paragraph view; loading, drops, settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from reader.library.citations import CitationGraph, citation_graph
from reader.library.fts import parse_search
from reader.library.library import Library
from reader.library.store import CableStore, MemoryStore
from reader.model import Cable, ParseError
from reader.parse.release_index import release_lookup
from reader.ui.cable_list_model import CableListModel
from reader.ui.colours import apply_theme
from reader.ui.exporter import Exporter
from reader.ui.header_panel import HeaderPanel
from reader.ui.list_pane import ListPane
from reader.ui.loader import Loader
from reader.ui.menus import build_menus
from reader.ui.problems_model import ProblemsModel
from reader.ui.reading_pane import ReadingPane
from reader.ui.resources import ICON
from reader.ui.settings import WindowSettings

REFRESH_MS = 700
FILE_FILTER = "Cables (*.txt *.html *.htm *.md *.csv *.text *.cable);;All files (*)"


def local_paths(urls: list[QUrl]) -> list[str]:
    return [url.toLocalFile() for url in urls if url.isLocalFile() and url.toLocalFile()]


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, store: CableStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = WindowSettings(settings)
        self.store: CableStore = store if store is not None else MemoryStore()
        self._shown_key: int | None = None
        self._shown_cable: Cable | None = None
        self._key_before_refresh: int | None = None
        self._keeping_place = False
        self.setWindowTitle("Cable Reader")
        if ICON.exists():
            self.setWindowIcon(QIcon(str(ICON)))
        self.setAcceptDrops(True)
        self.setMinimumSize(720, 480)

        self.list_model = CableListModel(self.store, self)
        self.list_pane = ListPane(self.list_model, self)
        self.header_panel = HeaderPanel(self)
        self._in_release = release_lookup()
        self.header_panel.set_lookups(
            lambda ref: self.store.key_of_reference(ref) is not None, self._in_release, self.store.cited_by
        )
        self.reading_pane = ReadingPane(self)
        self.paragraph_view = self.reading_pane.paragraphs
        self.problems = ProblemsModel(self)
        self.exporter = Exporter(self)
        self.exporter.finished.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.loader = Loader(self.store.path if isinstance(self.store, Library) else None, self)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self._show_loaded)

        # The list across the top (all its columns fit), the header and the paragraphs below it.
        self.reading_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.reading_splitter.setObjectName("readingSplitter")
        self.reading_splitter.addWidget(self.header_panel)
        self.reading_splitter.addWidget(self.reading_pane)
        self.reading_splitter.setChildrenCollapsible(False)
        self.main_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.list_pane)
        self.main_splitter.addWidget(self.reading_splitter)
        self.main_splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.main_splitter)

        self._build_problems_dock()
        self._build_status_bar()
        build_menus(self)
        self._connect()
        self._restore()

    # -- building -------------------------------------------------------------------------

    def _build_problems_dock(self) -> None:
        self.problems_view = QTableView(self)
        self.problems_view.setObjectName("problemsView")
        self.problems_view.setModel(self.problems)
        self.problems_view.verticalHeader().setVisible(False)
        self.problems_view.horizontalHeader().setStretchLastSection(True)
        self.problems_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.problems_view.setColumnWidth(0, 420)
        self.problems_dock = QDockWidget("Problems", self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems_view)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.hide()

    def _build_status_bar(self) -> None:
        self.count_label = QLabel(self)
        self.problem_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setToolTip("Stop loading; what is loaded stays")
        self.cancel_button.hide()
        bar = self.statusBar()
        bar.addPermanentWidget(self.problem_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.count_label)
        self._update_counts()

    def _connect(self) -> None:
        table = self.list_pane.table
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.list_model.modelAboutToBeReset.connect(self._before_refresh)
        self.list_model.modelReset.connect(self._after_refresh)
        self.list_pane.search_changed.connect(lambda text: self.paragraph_view.set_highlights(list(parse_search(text).words)))
        self.header_panel.reference_activated.connect(self.select_reference)
        self.header_panel.paragraph_activated.connect(self.reading_pane.show_paragraph)
        self.reading_pane.graph.view.node_clicked.connect(self._graph_node_clicked)
        self.reading_pane.graph.view.node_double_clicked.connect(
            lambda refid: (self.reading_pane.recentre_graph(refid), self._graph_node_clicked(refid))
        )
        self.loader.cables_loaded.connect(self._add_cables)
        self.loader.cables_stored.connect(lambda _count: self._schedule_refresh())
        self.loader.problems_found.connect(self._add_problems)
        self.loader.progress.connect(self._progress)
        self.loader.load_started.connect(self._load_started)
        self.loader.load_finished.connect(self._load_finished)
        self.cancel_button.clicked.connect(self.loader.cancel)

    def _restore(self) -> None:
        geometry = self.settings.bytes("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1440, 900)
        state = self.settings.bytes("window/state")
        if state is not None:
            self.restoreState(state)
        for splitter, default in ((self.main_splitter, [300, 600]), (self.reading_splitter, [460, 980])):
            saved = self.settings.bytes(f"splitters/{splitter.objectName()}")
            if saved is None or not splitter.restoreState(saved):
                splitter.setSizes(default)
        columns = self.settings.bytes("list/header")
        if columns is not None:
            self.list_pane.table.horizontalHeader().restoreState(columns)

    def save_settings(self) -> None:
        self.settings.set_bytes("window/geometry", self.saveGeometry())
        self.settings.set_bytes("window/state", self.saveState())
        for splitter in (self.main_splitter, self.reading_splitter):
            self.settings.set_bytes(f"splitters/{splitter.objectName()}", splitter.saveState())
        self.settings.set_bytes("list/header", self.list_pane.table.horizontalHeader().saveState())
        self.settings.sync()

    # -- loading ----------------------------------------------------------------------------

    def load_paths(self, paths: list[str]) -> None:
        """Load files and folders (recursively) in the background."""
        paths = [str(p) for p in paths if str(p)]
        if not paths:
            return
        self.loader.load(paths)

    def remember(self, paths: list[str]) -> None:
        self.settings.add_recent(paths)
        first = Path(paths[0])
        self.settings.last_folder = str(first if first.is_dir() else first.parent)

    @Slot()
    def open_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Open Cables", self.settings.last_folder, FILE_FILTER)
        if files:
            self.remember(files)
            self.load_paths(files)

    @Slot()
    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open Folder of Cables", self.settings.last_folder)
        if folder:
            self.remember([folder])
            self.load_paths([folder])

    @Slot(list)
    def _add_cables(self, cables: list[Cable]) -> None:
        self.store.add(cables)
        self._schedule_refresh()

    def _show_loaded(self) -> None:
        """Show what loading added without moving the list under the reader's eyes, asked off
        the GUI thread (the whole release's list takes 0.25 s)."""
        self._keeping_place = True
        self.list_model.refresh_later()

    def _schedule_refresh(self) -> None:
        """Show new cables: at once for the first ones, then at most every REFRESH_MS while loading."""
        if self.list_model.rowCount() == 0:
            self.list_model.refresh()
        elif not self._refresh_timer.isActive():
            self._refresh_timer.start()

    @Slot()
    def _before_refresh(self) -> None:
        self._key_before_refresh = self._shown_key

    @Slot()
    def _after_refresh(self) -> None:
        row = self.list_model.row_of_key(self._key_before_refresh) if self._key_before_refresh is not None else None
        first = row is None and self._shown_key is None and self.list_model.rowCount() > 0
        if first:
            row = 0
        if row is not None:
            # Keep the reader's place: re-select the cable shown, without scrolling the list to it.
            self.select_row(row, scroll=first, keep_place=self._keeping_place and not first)
        if self._shown_cable is not None and self._shown_cable.references:
            self.header_panel.refresh()  # a cited cable may have just arrived
        self._update_counts()
        self._keeping_place = False

    @Slot(list)
    def _add_problems(self, problems: list[ParseError]) -> None:
        self.problems.add_problems(problems)
        self.problem_label.setText(self.problems.summary())
        self.problems_dock.show()

    @Slot()
    def _load_started(self) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().showMessage("Loading…")

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done:,} / {total:,} files")

    @Slot(bool)
    def _load_finished(self, cancelled: bool) -> None:
        self._refresh_timer.stop()
        self._show_loaded()
        if self.loader.is_running:
            return
        self.progress.hide()
        self.cancel_button.hide()
        self.statusBar().showMessage("Loading cancelled" if cancelled else "Loaded", 4000)
        self._update_counts()

    def export_cables(self, selected_only: bool) -> None:
        """File > Export: the selected cables, or every cable of the filtered list, in the list's order."""
        table = self.list_pane.table
        rows = sorted({i.row() for i in table.selectionModel().selectedRows()}) if selected_only else range(self.list_model.rowCount())
        keys = [key for row in rows if (key := self.list_model.key_at(row)) is not None]
        self.exporter.ask_and_export(self.store, keys, self.settings.last_folder, self.paragraph_view.release_level)

    # -- selection --------------------------------------------------------------------------

    def select_row(self, row: int, scroll: bool = True, keep_place: bool = False) -> None:
        table = self.list_pane.table
        index = self.list_model.index(row, 0)
        if index.isValid():
            table.setAutoScroll(not keep_place)  # (a new current row is scrolled into view unless it is off)
            table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            table.setAutoScroll(True)
            if scroll:
                table.scrollTo(index)

    @Slot(str)
    def select_reference(self, reference_id: str) -> None:
        key = self.store.key_of_reference(reference_id)
        if key is None:
            self.statusBar().showMessage(f"{reference_id} is not loaded", 5000)
            return
        row = self.list_model.row_of_key(key)
        if row is None:
            self.list_pane.clear_filters()
            row = self.list_model.row_of_key(key)
        if row is not None:
            self.select_row(row)

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = self.list_model.key_at(current.row()) if current.isValid() else None
        if key is not None and key == self._shown_key:
            return
        self._shown_key = key
        self.show_cable(self.store.get(key) if key is not None else None)

    def show_cable(self, cable: Cable | None) -> None:
        self._shown_cable = cable
        self.header_panel.show_cable(cable)
        key = self._shown_key
        versions = (lambda: self.store.versions(key)) if key is not None else (lambda: [cable] if cable else [])
        self.reading_pane.set_cable(cable, versions, self._citation_graph)
        title = f"{cable.reference_id} — Cable Reader" if cable and cable.reference_id else "Cable Reader"
        self.setWindowTitle(title)

    def _citation_graph(self, reference_id: str) -> CitationGraph:
        return citation_graph(self.store, reference_id, in_release=self._in_release)

    def _graph_node_clicked(self, reference_id: str) -> None:
        """Select the cable a graph node stands for, keeping the graph where it is."""
        if self.store.key_of_reference(reference_id) is not None:
            self.reading_pane.keep_graph_once = True
        self.select_reference(reference_id)
        self.reading_pane.keep_graph_once = False

    def current_cable(self) -> Cable | None:
        return self._shown_cable

    def _update_counts(self) -> None:
        shown, loaded = self.list_model.rowCount(), self.list_model.loaded_count()
        noun = "cable" if loaded == 1 else "cables"
        self.count_label.setText(f"{shown:,} of {loaded:,} {noun} shown" if shown != loaded else f"{loaded:,} {noun}")

    # -- drag and drop ----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)  # (an enter event is a move event: the same files, the same answer)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event.mimeData().urls()):
            event.setDropAction(Qt.DropAction.CopyAction)  # never Move: that can delete the user's file
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData().urls())
        if not paths:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.remember(paths)
        self.load_paths(paths)

    # -- misc -------------------------------------------------------------------------------

    def set_dark(self, dark: bool) -> None:
        self.settings.dark = dark
        apply_theme(dark)
        self.paragraph_view.delegate.clear_cache()
        self.header_panel.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.loader.cancel()
        self.loader.wait(5000)
        self.list_model.close()
        if self.exporter.worker is not None:
            self.exporter.worker.cancel()
            self.exporter.worker.wait(10000)
        self.save_settings()
        super().closeEvent(event)
