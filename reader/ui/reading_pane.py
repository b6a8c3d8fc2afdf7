"""The right-hand pane: the selected cable's paragraphs, its versions and its citation graph, as tabs.

Versions and the graph are looked up only when their tab is shown: in a library each
version is its stored source parsed again, and the graph takes a few index queries.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from reader.library.citations import CitationGraph
from reader.model import Cable
from reader.ui.graph_view import GraphPane
from reader.ui.paragraph_view import ParagraphView
from reader.ui.versions_view import VersionsView


class ReadingPane(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.setDocumentMode(True)
        self.paragraphs = ParagraphView(self)
        self.versions = VersionsView(self)
        self.graph = GraphPane(self)
        self.addTab(self.paragraphs, "Paragraphs")
        self.addTab(self.versions, "Versions")
        self.addTab(self.graph, "Graph")
        self._versions_of: Callable[[], list[Cable]] | None = None
        self._versions_shown = False
        self._graph_of: Callable[[str], CitationGraph] | None = None
        self._graph_centre: str | None = None
        self._graph_shown = False
        self.keep_graph_once = False
        """The next cable shown comes from a click in the graph: keep the graph as it is."""
        self.currentChanged.connect(lambda _index: self._load_lazy_tabs())

    def set_cable(
        self,
        cable: Cable | None,
        versions_of: Callable[[], list[Cable]] | None = None,
        graph_of: Callable[[str], CitationGraph] | None = None,
    ) -> None:
        """Show a cable; ``versions_of`` and ``graph_of`` are asked when their tab is shown."""
        self.paragraphs.set_cable(cable)
        self._versions_of = versions_of if cable is not None else None
        self._versions_shown = False
        self.setTabText(self.indexOf(self.versions), "Versions")
        self._graph_of = graph_of
        if self.keep_graph_once:
            self.keep_graph_once = False
        else:
            self._graph_centre = cable.reference_id if cable is not None else None
            self._graph_shown = False
        self._load_lazy_tabs()

    def recentre_graph(self, reference_id: str) -> None:
        self._graph_centre = reference_id
        self._graph_shown = False
        self._load_lazy_tabs()

    def _load_lazy_tabs(self) -> None:
        self._load_versions()
        if self.currentWidget() is self.graph and not self._graph_shown:
            self._graph_shown = True
            centre = self._graph_centre
            self.graph.show_graph(self._graph_of(centre) if centre and self._graph_of else None)

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
