"""The timeline above the list: cables per month for the current filter and search, stacked by
level in the classification colours.

Hovering a month shows its counts; dragging across months chooses that range and a
click chooses one month: the range becomes ``from:``/``to:`` in the filter box. The
counts come from the store in one grouped query, so the strip follows the filter live
on the whole release.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from reader.library.query import MonthCounts
from reader.model import LEVELS
from reader.ui.colours import level_colour

STACK_ORDER: tuple[str | None, ...] = (*LEVELS, None)
"""Bottom to top: UNCLASSIFIED, CONFIDENTIAL, SECRET, TOP SECRET, then unknown."""
AXIS = 14
MIN_YEAR_GAP_PX = 34

Month = tuple[int, int]


def month_index(month: Month) -> int:
    return month[0] * 12 + month[1] - 1


def month_of(index: int) -> Month:
    return index // 12, index % 12 + 1


def month_start(month: Month) -> datetime:
    return datetime(month[0], month[1], 1, tzinfo=UTC)


class TimelineStrip(QWidget):
    range_chosen = Signal(object, object)
    """A date range was chosen: (first day, the day after the last month), both UTC datetimes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName("Timeline: cables per month")
        self.setMouseTracking(True)
        self.setMinimumHeight(64)
        self._counts: MonthCounts = {}
        self._first = self._last = 0
        self._peak = 0
        self._press: int | None = None
        self._drag: tuple[int, int] | None = None

    def sizeHint(self) -> QSize:
        return QSize(600, 72)

    # -- data -------------------------------------------------------------------------------

    def set_counts(self, counts: MonthCounts) -> None:
        self._counts = dict(counts)
        indexes = [month_index(m) for m in counts]
        self._first, self._last = (min(indexes), max(indexes)) if indexes else (0, 0)
        self._peak = max((sum(levels.values()) for levels in counts.values()), default=0)
        self.setToolTip("" if counts else "No dated cable in the list")
        self.update()

    @property
    def counts(self) -> MonthCounts:
        return dict(self._counts)

    def total(self, month: Month) -> int:
        return sum(self._counts.get(month, {}).values())

    # -- geometry ---------------------------------------------------------------------------

    def _bars(self) -> QRectF:
        return QRectF(4, 4, max(1.0, self.width() - 8), max(1.0, self.height() - 8 - AXIS))

    def month_at(self, x: float) -> int | None:
        """The month index under a horizontal position, or None outside the bars."""
        if not self._counts:
            return None
        bars = self._bars()
        span = self._last - self._first + 1
        position = (x - bars.left()) / bars.width() * span
        return self._first + min(span - 1, max(0, int(position)))

    def x_of(self, index: int) -> float:
        bars = self._bars()
        return bars.left() + (index - self._first) / (self._last - self._first + 1) * bars.width()

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        bars = self._bars()
        if not self._counts or self._peak == 0:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No dated cable in the list")
            return
        width = bars.width() / (self._last - self._first + 1)
        if self._drag is not None:
            start, end = sorted(self._drag)
            shade = QColor(palette.color(QPalette.ColorRole.Highlight))
            shade.setAlpha(60)
            painter.fillRect(QRectF(self.x_of(start), bars.top(), (end - start + 1) * width, bars.height()), shade)
        for month, levels in self._counts.items():
            x = self.x_of(month_index(month))
            y = bars.bottom()
            for level in STACK_ORDER:
                count = levels.get(level, 0)
                if not count:
                    continue
                height = count / self._peak * bars.height()
                painter.fillRect(QRectF(x, y - height, max(width - 0.5, 0.8), height), level_colour(level))
                y -= height
        self._paint_years(painter, bars)

    def _paint_years(self, painter: QPainter, bars: QRectF) -> None:
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        font = painter.font()
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        painter.setFont(font)
        for x, label in self.year_labels(bars, painter.fontMetrics()):
            painter.drawText(QPointF(x, bars.bottom() + AXIS - 2), label)

    def year_labels(self, bars: QRectF, metrics: QFontMetrics) -> list[tuple[float, str]]:
        """(left edge, year) of each year label under the bars, spaced to stay legible. A year that
        begins too near the right edge for its whole label gets none: half of "2010" reads "20".
        The first year, when the bars begin late in it, is labelled at the left edge, unless its
        label would run into the next year's ("1994" over "1995" when the bars begin in October)."""
        first_year, last_year = month_of(self._first)[0], month_of(self._last)[0]
        year_width = bars.width() / max(1, (self._last - self._first + 1) / 12)
        step = max(1, int(MIN_YEAR_GAP_PX / max(year_width, 1)) + 1)
        labels = []
        for year in range(first_year, last_year + 1):
            if (year - first_year) % step:
                continue
            x = max(self.x_of(month_index((year, 1))), bars.left()) + 1
            if x + metrics.horizontalAdvance(str(year)) <= self.width():
                labels.append((x, str(year)))
        if len(labels) > 1 and labels[0][0] + metrics.horizontalAdvance(labels[0][1]) > labels[1][0]:
            del labels[0]
        return labels

    # -- mouse ------------------------------------------------------------------------------

    def describe(self, index: int) -> str:
        month = month_of(index)
        levels = self._counts.get(month, {})
        parts = [f"{level or 'unknown'} {levels[level]:,}" for level in reversed(STACK_ORDER) if levels.get(level)]
        total = sum(levels.values())
        return f"{month[0]}-{month[1]:02d}: {total:,} cable{'s' if total != 1 else ''}" + (f" — {', '.join(parts)}" if parts else "")

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.month_at(event.position().x())
        if index is None:
            return
        if self._press is not None:
            self._drag = (self._press, index)
            self.update()
        self.setToolTip(self.describe(index))  # shown by Qt's own tooltip event where the mouse rests

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = self.month_at(event.position().x())
            self._drag = (self._press, self._press) if self._press is not None else None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        end = self.month_at(event.position().x())
        start = self._press
        self._press, self._drag = None, None
        self.update()
        if end is None:
            return
        first, last = sorted((start, end))
        self.choose(first, last)

    def choose(self, first: int, last: int) -> None:
        """Choose the months from index ``first`` to ``last`` (both included)."""
        self.range_chosen.emit(month_start(month_of(first)), month_start(month_of(last + 1)))
