"""The paragraph pane: banner, legend, colour-coded paragraphs, banner again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QListView, QVBoxLayout, QWidget

from reader.model import Cable
from reader.ui.colours import LEGEND, LEVEL_COLOURS, text_on
from reader.ui.paragraph_delegate import ParagraphDelegate
from reader.ui.paragraph_model import ParagraphModel, plain_text


def banner_text(cable: Cable | None) -> str:
    if cable is None:
        return ""
    level = cable.classification or "CLASSIFICATION UNKNOWN"
    return "//".join([level, *cable.controls])


class ClassificationBanner(QLabel):
    """The cable's overall classification, in its colour, at the top and the bottom."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_cable(None)

    def set_cable(self, cable: Cable | None) -> None:
        level = cable.classification if cable else None
        colour = LEVEL_COLOURS.get(level, LEVEL_COLOURS[None])
        self.setText(banner_text(cable))
        self.setVisible(cable is not None)
        self.setStyleSheet(
            f"QLabel {{ background-color: {colour}; color: {text_on(level).name()}; font-weight: 700;"
            " letter-spacing: 1px; padding: 3px; }"
        )


class Legend(QWidget):
    """What each colour means, in words."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(10)
        title = QLabel("Portion markings:")
        layout.addWidget(title)
        for level, label in LEGEND:
            chip = QLabel(label)
            chip.setTextFormat(Qt.TextFormat.PlainText)
            colour = LEVEL_COLOURS[level]
            chip.setStyleSheet(f"QLabel {{ border-left: 8px solid {colour}; padding-left: 4px; }}")
            layout.addWidget(chip)
        layout.addStretch(1)


class ParagraphView(QWidget):
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
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName("Paragraphs")
        self.top_banner = ClassificationBanner(self)
        self.bottom_banner = ClassificationBanner(self)
        self.legend = Legend(self)
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

    def set_cable(self, cable: Cable | None) -> None:
        self.delegate.clear_cache()
        self.model.set_cable(cable)
        self.top_banner.set_cable(cable)
        self.bottom_banner.set_cable(cable)
        self.list.scrollToTop()

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

    def copy_all(self) -> None:
        text = "\n\n".join(plain_text(self.model.item(row)) for row in range(self.model.rowCount()))
        banner = banner_text(self.model.cable)
        QGuiApplication.clipboard().setText(f"{banner}\n\n{text}\n\n{banner}" if banner else text)
