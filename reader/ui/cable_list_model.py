"""The document list: the rows a store's query returns, read lazily a page at a time.

Sorting and filtering are done by the store (SQL for the library), so a list of
251,287 cables sorts and filters without the window holding their text. What the window
asks (loading's refreshes, a click on a column, a filter typed) is asked of a library on a
thread of its own (``refresh_later``, ``set_query_later``); ``refresh`` and ``set_query`` ask now.
"""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from reader.library.library import Library
from reader.library.query import ListQuery, MonthCounts, Summary
from reader.library.store import CableStore, level_label
from reader.model import Cable
from reader.ui.colours import level_colour, text_on
from reader.ui.list_fetcher import ListAnswer, ListFetcher

Index = QModelIndex | QPersistentModelIndex
PAGE = 200


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
SORT_OF_COLUMN = {
    Column.REFERENCE: "reference",
    Column.CREATED: "created",
    Column.ORIGIN: "origin",
    Column.CLASSIFICATION: "classification",
    Column.SUBJECT: "subject",
}


class Role(IntEnum):
    CABLE = Qt.ItemDataRole.UserRole + 1
    KEY = Qt.ItemDataRole.UserRole + 2
    LEVEL = Qt.ItemDataRole.UserRole + 3


class CableListModel(QAbstractTableModel):
    def __init__(self, store: CableStore, parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self._query = ListQuery()
        self._keys: list[int] = []
        self._cache: dict[int, Summary] = {}
        self._months: MonthCounts | None = None
        self._total: int | None = None
        self._fetcher = ListFetcher(store.path, self) if isinstance(store, Library) else None
        """None for a memory store, and once closed: then every query is asked now."""
        self._generation = 0
        self._waiting_for: int | None = None
        self._again = False
        if self._fetcher is not None:
            self._fetcher.answered.connect(self._answered)
            self._fetcher.failed.connect(self._fetch_failed)
        self.refresh()

    @property
    def store(self) -> CableStore:
        return self._store

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def fetcher(self) -> ListFetcher | None:
        """The thread that asks ``refresh_later``'s queries of a library (None for a memory store)."""
        return self._fetcher

    # -- rows -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask the store again, now (after loading, or a new filter or order)."""
        self._generation += 1  # an answer still on its way is out of date
        self._waiting_for = None
        self._again = False
        self._show(self._store.query(self._query), None, None)

    def refresh_later(self) -> None:
        """Ask the store again without stopping the window: a library is asked on the fetcher's
        thread and the list changes when the answer comes (a memory store is asked now)."""
        if self._fetcher is None:
            self.refresh()
        elif self._waiting_for is not None:
            self._again = True  # one more asking once this one is answered, not a queue of them
        else:
            self._ask()

    def _ask(self) -> None:
        assert self._fetcher is not None
        self._generation += 1
        self._waiting_for = self._generation
        self._again = False
        self._fetcher.fetch(self._generation, self._query)

    @property
    def refreshing(self) -> bool:
        """Whether a refresh asked for with ``refresh_later`` is still on its way."""
        return self._waiting_for is not None

    def _answered(self, answer: ListAnswer) -> None:
        if answer.generation != self._waiting_for:
            return
        self._waiting_for = None
        self._show(answer.keys, answer.months, answer.total)
        if self._again:
            self._again = False
            self.refresh_later()

    def _fetch_failed(self, generation: int, _message: str) -> None:
        if generation == self._waiting_for:
            self.refresh()  # the thread's connection failed: ask on the window's own

    def close(self) -> None:
        """Stop the fetcher's thread (before the window closes; later refreshes are asked now)."""
        if self._fetcher is not None:
            self._fetcher.stop()
            self._fetcher = None
        self._waiting_for = None

    def _show(self, keys: list[int], months: MonthCounts | None, total: int | None) -> None:
        self.beginResetModel()
        self._keys = keys
        self._months = months
        self._total = total
        self._cache.clear()
        self.endResetModel()

    def month_counts(self) -> MonthCounts:
        """Cables per month and level of the list as shown (for the timeline)."""
        if self._months is None:
            self._months = self._store.month_counts(self._query)
        return self._months

    def loaded_count(self) -> int:
        """Cables in the store, shown or not, as of the last refresh."""
        if self._total is None:
            self._total = self._store.count()
        return self._total

    def set_query(self, **changes: Any) -> None:
        """A new filter or order, the list asked for it now."""
        if self._changed_query(changes):
            self.refresh()

    def set_query_later(self, **changes: Any) -> None:
        """A new filter or order, asked of a library off the GUI thread (as the window's filter
        box and column headers ask): the rows shown change when the answer comes, and an
        answer to an earlier query still on its way is dropped."""
        if not self._changed_query(changes):
            return
        if self._fetcher is None:
            self.refresh()
        else:
            self._ask()

    def _changed_query(self, changes: dict[str, Any]) -> bool:
        """Take ``changes`` into the query; whether that changed it."""
        query = replace(self._query, **changes)
        if query == self._query:
            return False
        self._query = query
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(Column):
            self.set_query(sort=SORT_OF_COLUMN[Column(column)], descending=order == Qt.SortOrder.DescendingOrder)

    def key_at(self, row: int) -> int | None:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def row_of_key(self, key: int) -> int | None:
        """The row showing a cable. (Asked once or twice a refresh: a scan of the keys takes 3 ms
        on the whole release, a map from key to row 57 ms to build, on the GUI thread or holding
        the fetcher's share of the interpreter.)"""
        try:
            return self._keys.index(key)
        except ValueError:
            return None

    def cable_at(self, row: int) -> Cable | None:
        key = self.key_at(row)
        return self._store.get(key) if key is not None else None

    def add_cables(self, cables: list[Cable]) -> None:
        """Store cables and show them (the in-memory path; the library imports off-thread)."""
        if cables:
            self._store.add(cables)
            self.refresh()

    def _summary(self, row: int) -> Summary | None:
        key = self._keys[row]
        summary = self._cache.get(key)
        if summary is None:
            if len(self._cache) > 20 * PAGE:
                self._cache.clear()
            start = max(0, row - PAGE // 4)
            self._cache.update(self._store.summaries(self._keys[start : start + PAGE]))
            summary = self._cache.get(key)
        return summary

    # -- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return HEADERS[Column(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        column = index.column()
        if role == Role.KEY:
            return self._keys[index.row()]
        if role == Role.CABLE:
            return self.cable_at(index.row())
        summary = self._summary(index.row())
        if summary is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(summary, column)
        if role == Role.LEVEL:
            return summary.classification
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.SUBJECT:
                return summary.subject
            if column == Column.REFERENCE:
                return summary.path
            return _display(summary, column) or None  # the whole text of an elided cell
        if column == Column.CLASSIFICATION:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(level_colour(summary.classification))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(text_on(summary.classification))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _display(summary: Summary, column: int) -> str:
    if column == Column.REFERENCE:
        return summary.reference_id or "(no id)"
    if column == Column.CREATED:
        return summary.created.strftime("%Y-%m-%d %H:%M") if summary.created else ""
    if column == Column.ORIGIN:
        return summary.origin or ""
    if column == Column.CLASSIFICATION:
        return level_label(summary.classification, summary.controls)
    return summary.subject or ""
