"""The paragraphs of one cable as a list model: subject, numbered paragraphs, signature."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from reader.model import Cable
from reader.ui.colours import level_colour


class ItemKind(IntEnum):
    SUBJECT = 0
    PARAGRAPH = 1
    SIGNATURE = 2
    NOTICE = 3


class ParagraphRole(IntEnum):
    KIND = Qt.ItemDataRole.UserRole + 1
    NUMBER = Qt.ItemDataRole.UserRole + 2
    MARKING = Qt.ItemDataRole.UserRole + 3
    LEVEL = Qt.ItemDataRole.UserRole + 4
    HEADING = Qt.ItemDataRole.UserRole + 5


@dataclass(frozen=True)
class Item:
    kind: ItemKind
    text: str
    number: int | None = None
    marking: str | None = None
    level: str | None = None
    heading: str | None = None


def items_of(cable: Cable | None) -> list[Item]:
    if cable is None:
        return []
    items: list[Item] = []
    if cable.partial:
        items.append(Item(ItemKind.NOTICE, "This record is a partial extract of the original cable."))
    if cable.subject:
        items.append(Item(ItemKind.SUBJECT, cable.subject))
    for p in cable.paragraphs:
        items.append(Item(ItemKind.PARAGRAPH, p.text, p.number, p.marking, p.level, p.heading))
    if cable.signers:
        items.append(Item(ItemKind.SIGNATURE, ", ".join(cable.signers)))
    if not cable.paragraphs:
        items.append(Item(ItemKind.NOTICE, "This cable has no body text in this copy."))
    return items


def plain_text(item: Item) -> str:
    """What Copy puts on the clipboard for one item."""
    if item.kind == ItemKind.PARAGRAPH:
        number = f"{item.number}. " if item.number is not None else ""
        marking = f"({item.marking}) " if item.marking else ""
        heading = f"{item.heading}\n\n" if item.heading else ""
        return f"{heading}{number}{marking}{item.text}"
    if item.kind == ItemKind.SUBJECT:
        return f"SUBJECT: {item.text}"
    return item.text


class ParagraphModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[Item] = []
        self._cable: Cable | None = None

    @property
    def cable(self) -> Cable | None:
        return self._cable

    def set_cable(self, cable: Cable | None) -> None:
        self.beginResetModel()
        self._cable = cable
        self._items = items_of(cable)
        self.endResetModel()

    def item(self, row: int) -> Item:
        return self._items[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.text
        if role == ParagraphRole.KIND:
            return int(item.kind)
        if role == ParagraphRole.NUMBER:
            return item.number
        if role == ParagraphRole.MARKING:
            return item.marking
        if role == ParagraphRole.LEVEL:
            return item.level
        if role == ParagraphRole.HEADING:
            return item.heading
        if role == Qt.ItemDataRole.DecorationRole and item.kind == ItemKind.PARAGRAPH:
            return QBrush(level_colour(item.level))
        if role == Qt.ItemDataRole.ToolTipRole and item.kind == ItemKind.PARAGRAPH:
            if item.marking:
                return f"Portion marking ({item.marking}): {item.level or 'level not recognised'}"
            return "No portion marking"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return plain_text(item)
        return None
