"""The document list: one row per cable in the store, typed sort values, level colours."""

from __future__ import annotations

import re
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from reader.library.store import CableStore, source_key
from reader.model import Cable
from reader.ui.colours import level_colour, text_on

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    REFERENCE = 0
    CREATED = 1
    ORIGIN = 2
    CLASSIFICATION = 3
    SUBJECT = 4


HEADERS = {
    Column.REFERENCE: "Reference ID",
    Column.CREATED: "Created (UTC)",
    Column.ORIGIN: "Origin",
    Column.CLASSIFICATION: "Classification",
    Column.SUBJECT: "Subject",
}


class Role(IntEnum):
    CABLE = Qt.ItemDataRole.UserRole + 1
    SORT = Qt.ItemDataRole.UserRole + 2
    LEVEL = Qt.ItemDataRole.UserRole + 3
    FILTER_TEXT = Qt.ItemDataRole.UserRole + 4


_DIGITS = re.compile(r"(\d+)")


def natural_key(reference_id: str | None) -> str:
    """``06ALMATY2872`` before ``06ALMATY10001``: digit runs padded so that text order is number order.

    A plain string, so Qt compares sort values natively, without a call back into Python."""
    if not reference_id:
        return "\uffff"
    return _DIGITS.sub(lambda m: m[1].zfill(12), reference_id)


def classification_label(cable: Cable) -> str:
    label = cable.classification or "Unknown"
    return "//".join([label, *cable.controls]) if cable.controls else label


class CableListModel(QAbstractTableModel):
    """Rows are the store's rows; the store is told of new cables through ``add_cables``."""

    def __init__(self, store: CableStore, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        # Sort and filter values per row, computed once: sorting calls data() n log n times.
        self._keys: list[tuple[Any, ...]] = [self._row_keys(store.get(row)) for row in range(store.count())]

    @property
    def store(self) -> CableStore:
        return self._store

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._store.count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return HEADERS[Column(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._store.count():
            return None
        cable = self._store.get(index.row())
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(cable, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cable, column)
        if role == Role.SORT:
            return self._keys[index.row()][column]
        if role == Role.CABLE:
            return cable
        if role == Role.LEVEL:
            return cable.classification
        if role == Role.FILTER_TEXT:
            return self._keys[index.row()][-1]
        if column == Column.CLASSIFICATION:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(level_colour(cable.classification))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(text_on(cable.classification))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _display(cable: Cable, column: Column) -> str:
        if column == Column.REFERENCE:
            return cable.reference_id or "(no id)"
        if column == Column.CREATED:
            return cable.created.strftime("%Y-%m-%d %H:%M") if cable.created else ""
        if column == Column.ORIGIN:
            return cable.origin or ""
        if column == Column.CLASSIFICATION:
            return classification_label(cable)
        return cable.subject or ""

    @staticmethod
    def _tooltip(cable: Cable, column: Column) -> str | None:
        if column == Column.SUBJECT and cable.subject:
            return cable.subject
        if column == Column.REFERENCE:
            return cable.source.path
        return None

    @staticmethod
    def _row_keys(cable: Cable) -> tuple[Any, ...]:
        """Sort values by column (typed: text, seconds, rank), then the filter text."""
        return (
            natural_key(cable.reference_id),
            cable.created.timestamp() if cable.created else -1e18,
            (cable.origin or "").lower(),
            cable.level_rank,
            (cable.subject or "").lower(),
            " ".join((cable.reference_id or "", cable.origin or "", cable.subject or "", " ".join(cable.tags))).lower(),
        )

    def add_cables(self, cables: list[Cable]) -> None:
        """Append new cables as rows; a cable from a file already loaded replaces its row."""
        latest: dict[tuple[str, int], Cable] = {source_key(cable): cable for cable in cables}
        new = [c for c in latest.values() if self._store.row_of_source(c) is None]
        again = [c for c in latest.values() if self._store.row_of_source(c) is not None]
        if new:
            first = self._store.count()
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._store.add(new)
            self._keys.extend(self._row_keys(cable) for cable in new)
            self.endInsertRows()
        if again:
            _, replaced = self._store.add(again)
            for row in replaced:
                self._keys[row] = self._row_keys(self._store.get(row))
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
