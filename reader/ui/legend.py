"""The legend above the paragraphs: a swatch of each classification colour, and its name.

The swatches are painted (a stylesheet border on a label is not drawn by every style).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from reader.ui.colours import LEGEND, level_colour

SWATCH = 14


class Swatch(QWidget):
    """A filled square of one colour, with a thin outline so that it shows on any background."""

    def __init__(self, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour
        self.setFixedSize(QSize(SWATCH, SWATCH))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)
        painter.setPen(self.colour.darker(140))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))


class Legend(QWidget):
    """What each colour means, in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(6)
        layout.addWidget(QLabel("Portion markings:"))
        self.swatches: list[Swatch] = []
        for level, label in LEGEND:
            swatch = Swatch(level_colour(level), self)
            swatch.setToolTip(label)
            self.swatches.append(swatch)
            text = QLabel(label)
            text.setTextFormat(Qt.TextFormat.PlainText)
            layout.addSpacing(6)
            layout.addWidget(swatch)
            layout.addWidget(text)
        layout.addStretch(1)
        self.extra = layout
        """Room at the right end for the release-view choice."""
