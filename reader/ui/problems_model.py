"""Files that could not be read, and the library's own troubles, with the reason: nothing is lost silently."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.model import ParseError

HEADERS = ("File", "Problem")
LIBRARY = "library"
"""The source format of a problem that is the library's, not a file's (see ``loader.LoadJob``)."""


class ProblemsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._problems: list[ParseError] = []
        self._keys: set[tuple[str, int]] = set()

    def add_problems(self, problems: list[ParseError]) -> None:
        fresh = []
        for problem in problems:
            key = (problem.source.path, problem.source.row or 0)
            if key not in self._keys:
                self._keys.add(key)
                fresh.append(problem)
        if not fresh:
            return
        first = len(self._problems)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._problems.extend(fresh)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._problems.clear()
        self._keys.clear()
        self.endResetModel()

    def summary(self) -> str:
        """What the status bar says: how many files could not be read, and whether the library
        (not a file) had trouble, such as a full disk."""
        files = sum(1 for problem in self._problems if problem.source.format != LIBRARY)
        parts = [f"{files} file{'s' if files != 1 else ''} could not be read"] if files else []
        if files < len(self._problems):
            parts.append("the library reported a problem")
        return "; ".join(parts)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        problem = self._problems[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                row = f" (row {problem.source.row})" if problem.source.row else ""
                return problem.source.path + row
            return problem.message
        return None
