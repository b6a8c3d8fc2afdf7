"""The paragraph pane: banner, legend, colour-coded paragraphs, banner again.

"Show as released at" turns the pane into a review copy: paragraphs above the
chosen level are withheld in the view and in what is copied, and the banners
say the chosen level and "(review copy)". The stored cable is never changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QListView, QVBoxLayout, QWidget

from reader.model import Cable
from reader.review import RELEASE_LEVELS, released_copy
from reader.ui.colours import LEVEL_COLOURS, text_on
from reader.ui.legend import Legend
from reader.ui.paragraph_delegate import ParagraphDelegate
from reader.ui.paragraph_model import ParagraphModel, plain_text

AS_CLASSIFIED = "As classified"


def banner_text(cable: Cable | None, release_level: str | None = None) -> str:
    if cable is None:
        return ""
    return released_copy(cable, release_level).banner


class ClassificationBanner(QLabel):
    """The cable's overall classification (or a review copy's level), in its colour."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_cable(None)

    def set_cable(self, cable: Cable | None, release_level: str | None = None) -> None:
        level = release_level or (cable.classification if cable else None)
        colour = LEVEL_COLOURS.get(level, LEVEL_COLOURS[None])
        self.setText(banner_text(cable, release_level))
        self.setVisible(cable is not None)
        self.setStyleSheet(
            f"QLabel {{ background-color: {colour}; color: {text_on(level).name()}; font-weight: 700;"
            " letter-spacing: 1px; padding: 3px; }"
        )


_BATCH = 500
"""Paragraphs laid out at a time, the window answering in between, in a text with more of them.
Measured whole, and again at each resize, a 1.9 MB text of 60,000 numbered lines kept the window
from answering for 6.3 s; laid out in batches, for 1.0 s at most. A real cable has a few hundred
paragraphs at most and is laid out in one pass, so that a paragraph can be scrolled to at once."""


class ParagraphView(QWidget):
    release_level_changed = Signal(object)
    """The "Show as released at" level changed: a level, or None for the cable as classified."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = ParagraphModel(self)
        self.list = QListView(self)
        self.list.setObjectName("paragraphList")
        self.list.setModel(self.model)
        self.delegate = ParagraphDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setBatchSize(_BATCH)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName("Paragraphs")
        self.top_banner = ClassificationBanner(self)
        self.bottom_banner = ClassificationBanner(self)
        self.legend = Legend(self)
        self.release_box = QComboBox(self)
        self.release_box.setObjectName("releaseLevel")
        self.release_box.setAccessibleName("Show as released at")
        self.release_box.setToolTip(
            "Show the cable as it would be released at a level: paragraphs marked above it, and unmarked\n"
            "paragraphs of a cable classified above it, are withheld here and in what is copied."
        )
        self.release_box.addItem(AS_CLASSIFIED, None)
        for level in RELEASE_LEVELS:
            self.release_box.addItem(f"Released at {level}", level)
        self.release_box.currentIndexChanged.connect(lambda _row: self.set_release_level(self.release_box.currentData()))
        self.legend.extra.addWidget(QLabel("Show:"))
        self.legend.extra.addWidget(self.release_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_banner)
        layout.addWidget(self.legend)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.bottom_banner)
        copy = QAction("Copy paragraphs", self.list)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selection)
        self.list.addAction(copy)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        copy_all = QAction("Copy whole cable text", self.list)
        copy_all.triggered.connect(self.copy_all)
        self.list.addAction(copy_all)

    @property
    def release_level(self) -> str | None:
        return self.model.release_level

    def set_cable(self, cable: Cable | None) -> None:
        self.delegate.clear_cache()
        many = cable is not None and len(cable.paragraphs) > _BATCH
        self.list.setLayoutMode(QListView.LayoutMode.Batched if many else QListView.LayoutMode.SinglePass)
        self.model.set_cable(cable)
        self._update_banners()
        self.list.scrollToTop()

    def set_release_level(self, level: str | None) -> None:
        """Show the cable as released at ``level`` (None: as classified)."""
        if level == self.model.release_level:
            return
        row = self.release_box.findData(level)
        if row >= 0 and row != self.release_box.currentIndex():
            self.release_box.setCurrentIndex(row)  # calls back here through the signal
            return
        self.delegate.clear_cache()
        self.model.set_release_level(level)
        self._update_banners()
        self.release_level_changed.emit(level)

    def _update_banners(self) -> None:
        cable, level = self.model.cable, self.model.release_level
        self.top_banner.set_cable(cable, level)
        self.bottom_banner.set_cable(cable, level)

    def show_paragraph(self, paragraph_index: int) -> None:
        """Select and scroll to a paragraph of the cable (its index in ``cable.paragraphs``)."""
        row = self.model.row_of_paragraph(paragraph_index)
        if row is None:
            return
        index = self.model.index(row)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def set_highlights(self, words: list[str]) -> None:
        self.delegate.set_highlights(words)
        self.list.doItemsLayout()
        self.list.viewport().update()

    def selected_text(self) -> str:
        rows = sorted(index.row() for index in self.list.selectionModel().selectedIndexes())
        return "\n\n".join(plain_text(self.model.item(row)) for row in rows)

    def copy_selection(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def whole_text(self) -> str:
        """The cable as shown (a review copy withholds what it withholds), banner to banner."""
        text = "\n\n".join(plain_text(self.model.item(row)) for row in range(self.model.rowCount()))
        banner = banner_text(self.model.cable, self.model.release_level)
        return f"{banner}\n\n{text}\n\n{banner}" if banner else text

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.whole_text())
