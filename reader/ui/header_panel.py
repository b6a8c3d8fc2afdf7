"""The header-metadata panel: every header field, selectable, references as links."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser

from reader.library.query import Summary
from reader.model import Cable
from reader.review import Finding, audit
from reader.ui.header_html import FINDING_SCHEME, LINK_SCHEME, header_html


class HeaderPanel(QTextBrowser):
    reference_activated = Signal(str)
    """A reference link was clicked: the cited cable's reference id."""
    paragraph_activated = Signal(int)
    """A marking finding was clicked: the index (in ``cable.paragraphs``) of its first paragraph."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setObjectName("headerPanel")
        self.anchorClicked.connect(self._follow)
        self._is_loaded: Callable[[str], bool] = lambda _ref: False
        self._exists: Callable[[str], bool | None] = lambda _ref: None
        self._cited_by: Callable[[str], list[Summary]] = lambda _ref: []
        self._cable: Cable | None = None
        self._findings: list[Finding] = []
        self.show_cable(None)

    def set_lookups(
        self,
        is_loaded: Callable[[str], bool],
        exists: Callable[[str], bool | None],
        cited_by: Callable[[str], list[Summary]],
    ) -> None:
        self._is_loaded, self._exists, self._cited_by = is_loaded, exists, cited_by

    def show_cable(self, cable: Cable | None) -> None:
        self._cable = cable
        self._findings = audit(cable) if cable is not None else []
        citing = self._cited_by(cable.reference_id) if cable is not None and cable.reference_id else []
        self.setHtml(header_html(cable, self._is_loaded, self._exists, citing, self._findings))

    def refresh(self) -> None:
        """Redraw (after more cables were loaded, a reference may now be "loaded")."""
        scroll = self.verticalScrollBar().value()
        self.show_cable(self._cable)
        self.verticalScrollBar().setValue(scroll)

    def _follow(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith(LINK_SCHEME):
            self.reference_activated.emit(target[len(LINK_SCHEME) :])
        elif target.startswith(FINDING_SCHEME) and target[len(FINDING_SCHEME) :].isdigit():
            number = int(target[len(FINDING_SCHEME) :])
            if number < len(self._findings) and self._findings[number].paragraphs:
                self.paragraph_activated.emit(self._findings[number].paragraphs[0])
