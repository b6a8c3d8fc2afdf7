"""Filter (text over id, origin, subject, tags; a set of levels) and typed sort for the list."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from reader.model import LEVELS
from reader.ui.cable_list_model import Role

ALL_LEVELS: frozenset[str | None] = frozenset([*LEVELS, None])


class CableFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._levels: frozenset[str | None] = ALL_LEVELS
        self.setSortRole(Role.SORT)
        self.setDynamicSortFilter(True)

    def _change_filter(self, change) -> None:
        # Qt 6.9+ wants begin/endFilterChange; older ones only have invalidateFilter.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:  # pragma: no cover - older PySide6
            change()
            self.invalidateFilter()

    def set_text(self, text: str) -> None:
        needle = " ".join(text.split()).lower()
        if needle != self._needle:
            self._change_filter(lambda: setattr(self, "_needle", needle))

    def set_levels(self, levels: frozenset[str | None]) -> None:
        if levels != self._levels:
            self._change_filter(lambda: setattr(self, "_levels", frozenset(levels)))

    @property
    def levels(self) -> frozenset[str | None]:
        return self._levels

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._levels != ALL_LEVELS and model.data(index, Role.LEVEL) not in self._levels:
            return False
        return not self._needle or all(word in model.data(index, Role.FILTER_TEXT) for word in self._needle.split())
