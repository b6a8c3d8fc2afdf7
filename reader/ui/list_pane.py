"""The document list pane: filter box, classification filter, and the sortable table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from reader.model import LEVELS
from reader.ui.cable_filter_proxy import ALL_LEVELS, CableFilterProxy
from reader.ui.cable_list_model import CableListModel, Column

LEVEL_CHOICES: tuple[tuple[str, frozenset[str | None]], ...] = (
    ("All classifications", ALL_LEVELS),
    *((level.title(), frozenset([level])) for level in reversed(LEVELS)),
    ("Unknown", frozenset([None])),
)


class CableTable(QTableView):
    """The table: one row a cable. Home and End go to the first and last cable, as in a list."""

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        if action in (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd):
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(action, modifiers)


class ListPane(QWidget):
    filter_changed = Signal()

    def __init__(self, model: CableListModel, parent=None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = CableFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText("Filter by id, origin, subject, tags")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setAccessibleName("Filter cables")
        self.level_box = QComboBox(self)
        self.level_box.setAccessibleName("Classification filter")
        for label, _levels in LEVEL_CHOICES:
            self.level_box.addItem(label)
        self.table = CableTable(self)
        self.table.setObjectName("cableList")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.CREATED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
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
        filters.addWidget(self.filter_box, 1)
        filters.addWidget(self.level_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self.filter_box.textChanged.connect(self._text_changed)
        self.level_box.currentIndexChanged.connect(self._level_changed)

    def _text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self.filter_changed.emit()

    def _level_changed(self, choice: int) -> None:
        self.proxy.set_levels(LEVEL_CHOICES[choice][1])
        self.filter_changed.emit()

    def clear_filters(self) -> None:
        self.filter_box.clear()
        self.level_box.setCurrentIndex(0)
