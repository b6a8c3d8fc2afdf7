"""The paragraphs of one cable as a list model: subject, numbered paragraphs, signature.

Shown as released at a lower level (a review copy), withheld paragraphs are items
whose text is the note that stands for them; the stored cable is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from reader.model import Cable
from reader.review import released_copy
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
    WITHHELD = Qt.ItemDataRole.UserRole + 6
    PARAGRAPH_INDEX = Qt.ItemDataRole.UserRole + 7


@dataclass(frozen=True)
class Item:
    kind: ItemKind
    text: str
    number: int | None = None
    marking: str | None = None
    level: str | None = None
    heading: str | None = None
    withheld: bool = False
    """A review copy's note stands here instead of the paragraph (``text`` is the note)."""
    paragraph_index: int | None = None
    """Index into ``cable.paragraphs``."""


def items_of(cable: Cable | None, release_level: str | None = None) -> list[Item]:
    """The items of ``cable``, as classified or (``release_level``) as released at that level."""
    if cable is None:
        return []
    release = released_copy(cable, release_level)
    items: list[Item] = []
    if release_level is not None:
        items.append(Item(ItemKind.NOTICE, _review_notice(release_level, release.withheld_count, release.subject_withheld)))
    if cable.partial:
        items.append(Item(ItemKind.NOTICE, "This record is a partial extract of the original cable."))
    if release.subject:
        items.append(Item(ItemKind.SUBJECT, release.subject, withheld=release.subject_withheld))
    for index, shown in enumerate(release.paragraphs):
        p = shown.paragraph
        heading = None if shown.withheld else p.heading
        items.append(Item(ItemKind.PARAGRAPH, shown.text, p.number, p.marking, p.level, heading, shown.withheld, index))
    if cable.signers:
        items.append(Item(ItemKind.SIGNATURE, ", ".join(cable.signers)))
    if not cable.paragraphs:
        items.append(Item(ItemKind.NOTICE, "This cable has no body text in this copy."))
    return items


def _review_notice(level: str, withheld: int, subject_withheld: bool) -> str:
    parts = f"{withheld} paragraph{'s' if withheld != 1 else ''}" + (" and the subject" if subject_withheld else "")
    return f"Review copy as released at {level}: {parts} withheld. The stored cable is unchanged."


def plain_text(item: Item) -> str:
    """What Copy puts on the clipboard for one item (a withheld one: its note)."""
    if item.kind == ItemKind.PARAGRAPH and item.withheld:
        return item.text
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
        self._release_level: str | None = None

    @property
    def cable(self) -> Cable | None:
        return self._cable

    @property
    def release_level(self) -> str | None:
        return self._release_level

    def set_cable(self, cable: Cable | None) -> None:
        self.beginResetModel()
        self._cable = cable
        self._items = items_of(cable, self._release_level)
        self.endResetModel()

    def set_release_level(self, level: str | None) -> None:
        """Show the cable as released at ``level`` (None: as classified)."""
        self._release_level = level
        self.set_cable(self._cable)

    def row_of_paragraph(self, paragraph_index: int) -> int | None:
        return next((row for row, item in enumerate(self._items) if item.paragraph_index == paragraph_index), None)

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
        if role == ParagraphRole.WITHHELD:
            return item.withheld
        if role == ParagraphRole.PARAGRAPH_INDEX:
            return item.paragraph_index
        if role == Qt.ItemDataRole.DecorationRole and item.kind == ItemKind.PARAGRAPH:
            return QBrush(level_colour(item.level))
        if role == Qt.ItemDataRole.ToolTipRole and item.kind == ItemKind.PARAGRAPH:
            if item.withheld:
                return "Withheld in this review copy; the stored cable is unchanged"
            if item.marking:
                return f"Portion marking ({item.marking}): {item.level or 'level not recognised'}"
            return "No portion marking"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return plain_text(item)
        return None
