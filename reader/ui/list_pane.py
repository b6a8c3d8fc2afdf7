"""The document list pane: filter box, full-text search, classification filter, sortable table."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.library.filter_syntax import parse_filter
from reader.model import LEVELS
from reader.review import CODES
from reader.ui.cable_list_model import SORT_OF_COLUMN, CableListModel, Column
from reader.ui.timeline import TimelineStrip

LEVEL_CHOICES: tuple[tuple[str, frozenset[str | None] | None], ...] = (
    ("All classifications", None),
    *((level.title(), frozenset([level])) for level in reversed(LEVELS)),
    ("Unknown", frozenset([None])),
)
TYPING_PAUSE_MS = 200
# A word of the filter box as the filter syntax reads it (a quoted value stays one word).
_FILTER_WORD = re.compile(r'\w+:"[^"]*"?|"[^"]*"?|\S+')


class CableTable(QTableView):
    """The table: one row a cable. Home and End go to the first and last cable, as in a list."""

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        if action in (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)


class ListPane(QWidget):
    search_changed = Signal(str)
    """The full-text search text changed (after a pause in typing)."""

    def __init__(self, model: CableListModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter: words, tag:PTER, control:NOFORN, from:2006, cites:ID, audit:any…")
        self.filter_box.setToolTip(
            "Words must all occur in the reference id, origin, subject or tags.\n"
            'tag:PTER  origin:"Embassy Paris"  control:NOFORN  cites:06STATE126156\n'
            "from:2006-01-01  to:2007  (dates: YYYY, YYYY-MM or YYYY-MM-DD; 'to' is not included)\n"
            "audit:any, or a marking finding: " + ", ".join(f"audit:{code}" for code in CODES)
        )
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Filter cables")
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText('Search the text: words, "a phrase", prefix*')
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Search cable text")
        self.level_box = QComboBox(self)
        self.level_box.setAccessibleName("Classification filter")
        for label, _levels in LEVEL_CHOICES:
            self.level_box.addItem(label)
        self.table = CableTable(self)
        self.table.setObjectName("cableList")
        self.table.setModel(model)
        # A click on a column asks the model for that order off the GUI thread (set_query_later),
        # not through the view's own sorting, which would ask on it. The model starts newest first.
        self.table.horizontalHeader().setSortIndicator(Column.CREATED, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_chosen)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        header.resizeSection(Column.REFERENCE, metrics.horizontalAdvance("06USUNNEWYORK1234") + 16)
        header.resizeSection(Column.CREATED, metrics.horizontalAdvance("2006-08-10 00:49") + 24)
        header.resizeSection(Column.ORIGIN, metrics.horizontalAdvance("Consulate Sao Paulo") + 16)
        header.resizeSection(Column.CLASSIFICATION, metrics.horizontalAdvance("CONFIDENTIAL//NOFORN") + 16)
        self.table.setAccessibleName("Cables")

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.filter_box, 2)
        filters.addWidget(self.search_box, 3)
        filters.addWidget(self.level_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(filters)
        self.timeline = TimelineStrip(self)
        self.timeline.range_chosen.connect(self.set_date_range)
        layout.addWidget(self.timeline)
        layout.addWidget(self.table, 1)
        model.modelReset.connect(self.refresh_timeline)
        self.refresh_timeline()

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.apply_filters)
        self.filter_box.textChanged.connect(lambda _text: self._typing.start())
        self.search_box.textChanged.connect(lambda _text: self._typing.start())
        self.level_box.currentIndexChanged.connect(lambda _choice: self.apply_filters())

    def _sort_chosen(self, column: int, order: Qt.SortOrder) -> None:
        if 0 <= column < len(Column):
            self.table.horizontalHeader().setSortIndicatorShown(True)  # (hidden while ranked by a search)
            self.model.set_query_later(sort=SORT_OF_COLUMN[Column(column)], descending=order == Qt.SortOrder.DescendingOrder)

    def apply_filters(self, now: bool = False) -> None:
        """Hand the filter box, search box and level to the model (at once, not after the pause
        in typing). The list changes when the library answers, off the GUI thread, unless ``now``."""
        self._typing.stop()
        search = self.search_box.text().strip()
        changes: dict = {
            "tag": None,
            "origin": None,
            "cites": None,
            "audit": None,
            "date_from": None,
            "date_to": None,
            **parse_filter(self.filter_box.text()),
            "levels": LEVEL_CHOICES[self.level_box.currentIndex()][1],
            "search": search,
        }
        header = self.table.horizontalHeader()
        if search and search != self.model.query.search:
            changes["sort"] = "rank"  # best matches first until a column is clicked
            header.setSortIndicatorShown(False)
        elif not search and self.model.query.sort == "rank":
            column = header.sortIndicatorSection()
            changes["sort"] = SORT_OF_COLUMN.get(Column(column), "created") if 0 <= column < len(Column) else "created"
        if search != self.model.query.search:
            self.search_changed.emit(search)
        (self.model.set_query if now else self.model.set_query_later)(**changes)
        if self.model.query.sort != "rank":
            header.setSortIndicatorShown(True)

    def refresh_timeline(self) -> None:
        """Counts per month for the list as filtered and searched now (one grouped query)."""
        self.timeline.set_counts(self.model.month_counts())

    def set_date_range(self, start: datetime, end: datetime) -> None:
        """Put a range chosen on the timeline into the filter box as ``from:`` and ``to:``."""
        words = [w for w in _FILTER_WORD.findall(self.filter_box.text()) if not w.lower().startswith(("from:", "to:"))]
        words += [f"from:{start:%Y-%m}", f"to:{end:%Y-%m}"]
        self.filter_box.setText(" ".join(words))
        self.apply_filters()

    def clear_filters(self) -> None:
        self.filter_box.clear()
        self.search_box.clear()
        self.level_box.blockSignals(True)
        self.level_box.setCurrentIndex(0)
        self.level_box.blockSignals(False)
        self.apply_filters(now=True)  # (the caller looks for a row in the whole list at once)
