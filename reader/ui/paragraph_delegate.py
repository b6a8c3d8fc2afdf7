"""Paints a paragraph: a colour bar and tint by portion marking, the marking as text, wrapped text.

Text is laid out with QTextDocument from plain text (never HTML), so a cable
holding ``<b>`` or ``<img src=...>`` shows exactly those characters.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRegularExpression, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.colours import level_colour, text_on, tint
from reader.ui.paragraph_model import ItemKind, ParagraphRole

Index = QModelIndex | QPersistentModelIndex

BAR = 6
PAD = 10
GUTTER = 44
HIGHLIGHT = QColor("#ffe066")


class ParagraphDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._cache: dict[tuple[int, int, int], QTextDocument] = {}
        self._highlights: list[str] = []

    def clear_cache(self) -> None:
        self._cache.clear()

    def set_highlights(self, words: list[str]) -> None:
        """Words to mark in the text (from a search), matched case-insensitively."""
        self._highlights = [w for w in words if w]
        self._cache.clear()

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = self.parent()
        width = view.viewport().width() if view is not None and hasattr(view, "viewport") else option.rect.width()
        return max(120, width - BAR - GUTTER - 2 * PAD - 8)

    def _document(self, index: Index, option: QStyleOptionViewItem, width: int) -> QTextDocument:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        key = (index.row(), width, hash((text, bool(index.data(ParagraphRole.WITHHELD)))))
        document = self._cache.get(key)
        if document is not None:
            return document
        kind = index.data(ParagraphRole.KIND)
        document = QTextDocument()
        document.setDocumentMargin(0)
        font = QFont(option.font)
        if kind == ItemKind.SUBJECT:
            font.setPointSizeF(font.pointSizeF() * 1.15)
            font.setBold(True)
        document.setDefaultFont(font)
        cursor = QTextCursor(document)
        heading = index.data(ParagraphRole.HEADING)
        if heading:
            heading_format = QTextCharFormat()
            heading_format.setFontWeight(QFont.Weight.Bold)
            cursor.insertText(heading, heading_format)
            cursor.insertBlock()
        body = QTextCharFormat()
        if kind == ItemKind.NOTICE or index.data(ParagraphRole.WITHHELD):
            body.setFontItalic(True)
        cursor.insertText(("SUBJECT: " if kind == ItemKind.SUBJECT else "") + text, body)
        self._mark(document)
        document.setTextWidth(width)
        if len(self._cache) > 2000:
            self._cache.clear()
        self._cache[key] = document
        return document

    def _mark(self, document: QTextDocument) -> None:
        if not self._highlights:
            return
        mark = QTextCharFormat()
        mark.setBackground(HIGHLIGHT)
        mark.setForeground(QColor("#000000"))
        for word in self._highlights:
            pattern = re.escape(word)
            cursor = QTextCursor(document)
            expression = QRegularExpression(rf"\b{pattern}", QRegularExpression.PatternOption.CaseInsensitiveOption)
            while True:
                cursor = document.find(expression, cursor)
                if cursor.isNull():
                    break
                cursor.mergeCharFormat(mark)

    def _badge_height(self, option: QStyleOptionViewItem) -> int:
        return QFontMetrics(option.font).height() + 6

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._text_width(option)
        document = self._document(index, option, width)
        height = int(document.size().height()) + 2 * PAD
        if index.data(ParagraphRole.KIND) == ItemKind.PARAGRAPH:
            height += self._badge_height(option) + 4
        return QSize(width + BAR + GUTTER + 2 * PAD, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect = option.rect
        palette = option.palette
        base = palette.color(QPalette.ColorRole.Base)
        kind = index.data(ParagraphRole.KIND)
        level = index.data(ParagraphRole.LEVEL)
        is_paragraph = kind == ItemKind.PARAGRAPH
        painter.fillRect(rect, tint(level, base) if is_paragraph else base)
        if is_paragraph:
            painter.fillRect(QRect(rect.left(), rect.top(), BAR, rect.height()), level_colour(level))
        if option.state & QStyle.StateFlag.State_Selected:
            pen = painter.pen()
            pen.setColor(palette.color(QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        text_colour = palette.color(QPalette.ColorRole.Text)
        top = rect.top() + PAD
        left = rect.left() + BAR + PAD
        if is_paragraph:
            number = index.data(ParagraphRole.NUMBER)
            bold = QFont(option.font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(text_colour)
            painter.drawText(
                QRect(left, top, GUTTER - 6, self._badge_height(option)),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{number}." if number is not None else "—",
            )
            self._paint_badge(painter, option, QRect(left + GUTTER, top, 0, self._badge_height(option)), index)
            top += self._badge_height(option) + 4
        document = self._document(index, option, self._text_width(option))
        painter.translate(left + GUTTER, top)
        document.documentLayout().setPaintDevice(painter.device())
        context_palette = QPalette(palette)
        context_palette.setColor(QPalette.ColorRole.Text, text_colour)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = context_palette
        document.documentLayout().draw(painter, context)
        painter.restore()

    def _paint_badge(self, painter: QPainter, option: QStyleOptionViewItem, at: QRect, index: Index) -> None:
        marking = index.data(ParagraphRole.MARKING)
        level = index.data(ParagraphRole.LEVEL)
        label = f"({marking})  {level or 'level not recognised'}" if marking else "unmarked"
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.9)
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(label) + 14
        badge = QRect(at.left(), at.top(), width, at.height())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(level_colour(level) if marking else QColor("#6b7280"))
        painter.drawRoundedRect(badge, 4, 4)
        painter.setFont(font)
        painter.setPen(text_on(level) if marking else QColor("#ffffff"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
