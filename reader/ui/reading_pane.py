"""The right-hand pane: the selected cable's paragraphs, and its versions, as tabs.

The versions of a cable are looked up only when their tab is shown: in a library
each one is its stored source parsed again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from reader.model import Cable
from reader.ui.paragraph_view import ParagraphView
from reader.ui.versions_view import VersionsView


class ReadingPane(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setDocumentMode(True)
        self.paragraphs = ParagraphView(self)
        self.versions = VersionsView(self)
        self.addTab(self.paragraphs, "Paragraphs")
        self.addTab(self.versions, "Versions")
        self._versions_of: Callable[[], list[Cable]] | None = None
        self._versions_shown = False
        self.currentChanged.connect(lambda _index: self._load_versions())

    def set_cable(self, cable: Cable | None, versions_of: Callable[[], list[Cable]] | None = None) -> None:
        """Show a cable; ``versions_of`` gives all its versions when the Versions tab asks."""
        self.paragraphs.set_cable(cable)
        self._versions_of = versions_of if cable is not None else None
        self._versions_shown = False
        self.setTabText(self.indexOf(self.versions), "Versions")
        self._load_versions()

    def show_paragraph(self, paragraph_index: int) -> None:
        self.setCurrentWidget(self.paragraphs)
        self.paragraphs.show_paragraph(paragraph_index)

    def _load_versions(self) -> None:
        if self.currentWidget() is not self.versions or self._versions_shown:
            return
        self._versions_shown = True
        versions = self._versions_of() if self._versions_of is not None else []
        self.versions.set_versions(versions)
        self.setTabText(self.indexOf(self.versions), f"Versions ({len(versions)})" if versions else "Versions")
