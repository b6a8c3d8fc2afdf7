"""Cables as a PDF, drawn with QPdfWriter: what a reviewer prints.

Every page carries the classification banner of the cable on it at the top and the
bottom, in the level's colour, and "Page n of m". Each cable opens on a new page
with its header fields; each paragraph has its marking label and a colour bar
down its side. A review copy (``release_level``) prints what the release view
shows. Text is laid out line by line here, so that pages can be counted before
they are drawn.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from reader.export.writers import ExportCancelled, Progress
from reader.model import Cable
from reader.model.json_codec import format_utc
from reader.review import released_copy
from reader.ui.colours import LEVEL_COLOURS, text_on

RESOLUTION = 300
BANNER_HEIGHT_MM = 7.0
BAR_WIDTH_MM = 1.8
GAP_MM = 2.0


@dataclass
class _Line:
    text: str
    font: str = "body"
    """``body``, ``bold``, ``label`` (a header field's name) or ``badge`` (a marking label)."""
    bar: str | None = None
    """The level whose colour bar runs beside this line (a paragraph's), if any."""
    indent: float = 0.0
    space_before: float = 0.0


@dataclass
class _Page:
    cable: Cable
    banner: str
    level: str | None
    lines: list[_Line] = field(default_factory=list)


def ensure_gui_application() -> QGuiApplication:
    """QPdfWriter needs a Qt application; on a machine with no display use the offscreen platform.

    A QApplication (not a bare QGuiApplication), so that windows can still be made afterwards."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["cable-reader-export"])
    return app  # type: ignore[return-value]


class _Layout:
    """Wraps text to the page width and cuts it into pages."""

    def __init__(self, writer: QPdfWriter) -> None:
        self.dots_per_mm = RESOLUTION / 25.4
        page = writer.pageLayout().paintRectPixels(RESOLUTION)
        self.width, self.height = float(page.width()), float(page.height())
        base = QFont("DejaVu Sans")
        base.setPointSizeF(9.5)
        bold = QFont(base)
        bold.setBold(True)
        label = QFont(base)
        label.setPointSizeF(8.5)
        badge = QFont(bold)
        badge.setPointSizeF(8.0)
        self.fonts = {"body": base, "bold": bold, "label": label, "badge": badge, "title": QFont(bold)}
        self.fonts["title"].setPointSizeF(12)
        self.metrics = {name: QFontMetricsF(font, writer) for name, font in self.fonts.items()}
        self.banner = BANNER_HEIGHT_MM * self.dots_per_mm
        self.top = self.banner + GAP_MM * self.dots_per_mm
        self.footer = self.height - self.banner - GAP_MM * self.dots_per_mm - self.metrics["label"].lineSpacing()
        """Where the page number line starts; the text stops a gap above it."""
        self.bottom = self.footer - GAP_MM * self.dots_per_mm

    def mm(self, value: float) -> float:
        return value * self.dots_per_mm

    def wrap(self, text: str, font: str, width: float) -> list[str]:
        metrics = self.metrics[font]
        lines: list[str] = []
        for block in text.split("\n"):
            current = ""
            for word in block.split(" "):
                candidate = f"{current} {word}" if current else word
                if metrics.horizontalAdvance(candidate) <= width or not current:
                    current = candidate
                else:
                    lines.append(current)
                    current = word
            lines.append(current)
        return lines

    def line_height(self, line: _Line) -> float:
        return self.metrics[line.font].lineSpacing() + line.space_before


def _cable_lines(layout: _Layout, cable: Cable, release_level: str | None) -> list[_Line]:
    release = released_copy(cable, release_level)
    lines = [_Line(cable.reference_id or Path(cable.source.path).name, "title", space_before=0)]
    fields = [
        ("Created", (format_utc(cable.created) or "").replace("T", " ").replace("Z", " UTC")),
        ("Classification", "//".join([cable.classification or "unknown", *cable.controls])),
        ("From", cable.from_ or cable.origin or ""),
        ("To", "; ".join(r.name for r in cable.to)),
        ("Info", "; ".join(r.name for r in cable.info)),
        ("Captions", ", ".join(cable.captions)),
        ("E.O.", cable.eo_line or ""),
        ("Tags", " · ".join(cable.tags)),
        ("Subject", release.subject or ""),
        ("References", "; ".join(r.reference_id or r.text for r in cable.references)),
        ("Classified by", cable.classified_by or ""),
    ]
    if release_level:
        fields.append(("Review copy", f"as released at {release_level}: {release.withheld_count} paragraph(s) withheld"))
    label_width = layout.mm(28)
    for name, value in fields:
        if not value:
            continue
        for number, text in enumerate(layout.wrap(value, "body", layout.width - label_width)):
            lines.append(_Line((name if number == 0 else "") + "\t" + text, "label"))
    for shown in release.paragraphs:
        paragraph = shown.paragraph
        head = f"{paragraph.number}." if paragraph.number is not None else "—"
        marking = f"({paragraph.marking}) {paragraph.level or ''}".strip() if paragraph.marking else "unmarked"
        lines.append(_Line(f"{head}  {marking}", "badge", bar=paragraph.level, space_before=layout.mm(2.5)))
        indent = layout.mm(BAR_WIDTH_MM + 3)
        for text in layout.wrap(shown.text, "body", layout.width - indent):
            lines.append(_Line(text, "body", bar=paragraph.level, indent=indent))
    if cable.signers:
        lines.append(_Line(", ".join(cable.signers), "bold", space_before=layout.mm(3)))
    return lines


def _paginate(layout: _Layout, cables: Iterable[Cable], release_level: str | None, progress: Progress | None) -> list[_Page]:
    pages: list[_Page] = []
    for number, cable in enumerate(cables, start=1):
        release = released_copy(cable, release_level)
        level = release_level or cable.classification
        page = _Page(cable, release.banner, level)
        pages.append(page)
        y = layout.top
        for line in _cable_lines(layout, cable, release_level):
            height = layout.line_height(line)
            if y + height > layout.bottom and page.lines:
                page = _Page(cable, release.banner, level)
                pages.append(page)
                y = layout.top
                line.space_before = 0
                height = layout.line_height(line)
            page.lines.append(line)
            y += height
        if progress:
            progress(number)
    return pages


def _draw_banner(painter: QPainter, layout: _Layout, page: _Page, y: float) -> None:
    colour = QColor(LEVEL_COLOURS.get(page.level, LEVEL_COLOURS[None]))
    rect = QRectF(0, y, layout.width, layout.banner)
    painter.fillRect(rect, colour)
    painter.setPen(text_on(page.level))
    painter.setFont(layout.fonts["bold"])
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, page.banner)


def _draw_page(painter: QPainter, layout: _Layout, page: _Page, number: int, total: int) -> None:
    _draw_banner(painter, layout, page, 0)
    _draw_banner(painter, layout, page, layout.height - layout.banner)
    painter.setFont(layout.fonts["label"])
    painter.setPen(QColor("#374151"))
    footer = QRectF(0, layout.footer, layout.width, layout.metrics["label"].lineSpacing())
    painter.drawText(footer, Qt.AlignmentFlag.AlignRight, f"Page {number} of {total}")
    y = layout.top
    for line in page.lines:
        y += line.space_before
        height = layout.metrics[line.font].lineSpacing()
        if line.bar is not None or line.font == "badge":
            colour = QColor(LEVEL_COLOURS.get(line.bar, LEVEL_COLOURS[None]))
            painter.fillRect(QRectF(0, y, layout.mm(BAR_WIDTH_MM), height), colour)
        painter.setFont(layout.fonts[line.font])
        if line.font == "badge":
            painter.setPen(colour)
            painter.drawText(QRectF(layout.mm(BAR_WIDTH_MM + 3), y, layout.width, height), Qt.AlignmentFlag.AlignLeft, line.text)
        elif line.font == "label":
            name, _, value = line.text.partition("\t")
            painter.setPen(QColor("#6b7280"))
            painter.drawText(QRectF(0, y, layout.mm(27), height), Qt.AlignmentFlag.AlignLeft, name)
            painter.setPen(QColor("#111827"))
            painter.setFont(layout.fonts["body"])
            painter.drawText(QRectF(layout.mm(28), y, layout.width - layout.mm(28), height), Qt.AlignmentFlag.AlignLeft, value)
        else:
            painter.setPen(QColor("#111827"))
            painter.drawText(QRectF(line.indent, y, layout.width - line.indent, height), Qt.AlignmentFlag.AlignLeft, line.text)
        y += height


def write_pdf(
    cables: Iterable[Cable], path: str | Path, release_level: str | None = None, progress: Progress | None = None
) -> int:
    """Write the cables to a PDF at ``path``; returns the number of pages."""
    ensure_gui_application()
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setTitle("Cables")
    writer.setCreator("Cable Reader")
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 12, 15, 12))
    )
    layout = _Layout(writer)
    pages = _paginate(layout, cables, release_level, progress)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        for number, page in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            _draw_page(painter, layout, page, number, len(pages))
    except ExportCancelled:
        painter.end()
        Path(path).unlink(missing_ok=True)
        raise
    painter.end()
    return len(pages)
