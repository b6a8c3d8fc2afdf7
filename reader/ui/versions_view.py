"""The Versions tab: two versions of the selected cable side by side, word by word.

Versions are the cable as each of its sources gives it (the December 2010 and
April 2011 pages, a CSV row, a text file), parsed again; the comparison is made
on the parsed text. Cable text is data: everything shown is escaped.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from reader.model import Cable
from reader.review import VersionDiff, diff_versions

CONTEXT_WORDS = 25
"""Unchanged words kept at each side of a change when unchanged text is folded."""

INSERTED = "background-color:#dcfce7; color:#14532d; text-decoration:underline"
DELETED = "background-color:#fee2e2; color:#7f1d1d; text-decoration:line-through"
REDACTION = "background-color:#111827; color:#fde047; font-weight:700"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _words(text: str, style: str) -> str:
    """Escaped words, redaction marks highlighted, paragraph breaks kept."""
    out = []
    for word in text.split(" "):
        escaped = _e(word).replace("\n\n", "<br><br>")
        if "XXXX" in word:
            escaped = f"<span style='{REDACTION}'>{escaped}</span>"
        out.append(escaped)
    joined = " ".join(out)
    return f"<span style='{style}'>{joined}</span>" if style else joined


def _folded(text: str) -> str:
    words = text.split(" ")
    if len(words) <= 2 * CONTEXT_WORDS + 10:
        return _words(text, "")
    hidden = len(words) - 2 * CONTEXT_WORDS
    head, tail = " ".join(words[:CONTEXT_WORDS]), " ".join(words[-CONTEXT_WORDS:])
    return f"{_words(head, '')} <span style='color:#6b7280'>… {hidden:,} words unchanged …</span> {_words(tail, '')}"


def diff_html(diff: VersionDiff, fold: bool = True) -> str:
    """The differences as HTML: changed fields, then the text with insertions and deletions marked."""
    parts = [
        f"<p><b>{diff.words_inserted:,}</b> words inserted, <b>{diff.words_deleted:,}</b> deleted; "
        f"<b>{diff.redactions_added}</b> redactions added, <b>{diff.redactions_lifted}</b> lifted.</p>"
    ]
    if diff.fields:
        rows = "".join(
            f"<tr><td style='padding-right:8px; color:#6b7280' valign='top'>{_e(change.name)}</td>"
            f"<td style='{DELETED}'>{_e(change.before) or '—'}</td>"
            f"<td style='{INSERTED}'>{_e(change.after) or '—'}</td></tr>"
            for change in diff.fields
        )
        parts.append(f"<p><b>Header fields that differ</b></p><table cellspacing='2'>{rows}</table>")
    elif diff.identical:
        parts.append("<p>The two versions read the same.</p>")
    body = []
    for piece in diff.pieces:
        if piece.kind == "equal":
            body.append(_folded(piece.text) if fold else _words(piece.text, ""))
        else:
            body.append(_words(piece.text, INSERTED if piece.kind == "insert" else DELETED))
    parts.append("<p><b>Text</b></p><p>" + " ".join(body) + "</p>")
    return "".join(parts)


def _published(cable: Cable) -> tuple[datetime, str, int]:
    released = cable.metadata.released if cable.metadata and cable.metadata.released else None
    return released or datetime.max.replace(tzinfo=UTC), cable.source.path, cable.source.row or 0


def version_label(number: int, cable: Cable) -> str:
    where = Path(cable.source.path)
    row = f", row {cable.source.row}" if cable.source.row else ""
    released = cable.metadata.released if cable.metadata else None
    when = f", released {released:%Y-%m-%d}" if released else ""
    return f"{number}. {where.parent.name}/{where.name}{row} ({cable.source.format}{when})"


class VersionsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._versions: list[Cable] = []
        self.first = QComboBox(self)
        self.first.setAccessibleName("First version")
        self.second = QComboBox(self)
        self.second.setAccessibleName("Second version")
        self.fold = QCheckBox("Fold unchanged text", self)
        self.fold.setChecked(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("versionsText")
        self.browser.setOpenLinks(False)
        choose = QHBoxLayout()
        choose.addWidget(QLabel("Compare", self))
        choose.addWidget(self.first, 1)
        choose.addWidget(QLabel("with", self))
        choose.addWidget(self.second, 1)
        choose.addWidget(self.fold)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addWidget(self.browser, 1)
        self.first.currentIndexChanged.connect(lambda _row: self._render())
        self.second.currentIndexChanged.connect(lambda _row: self._render())
        self.fold.toggled.connect(lambda _on: self._render())
        self.set_versions([])

    @property
    def versions(self) -> list[Cable]:
        return list(self._versions)

    def set_versions(self, versions: list[Cable]) -> None:
        """The versions of one cable, put in the order they were published where the pages say so:
        the comparison then reads from the older version to the newer."""
        self._versions = sorted(versions, key=_published)
        for box in (self.first, self.second):
            box.blockSignals(True)
            box.clear()
            for number, cable in enumerate(self._versions, start=1):
                box.addItem(version_label(number, cable))
            box.blockSignals(False)
        if len(self._versions) >= 2:
            self.first.setCurrentIndex(0)
            self.second.setCurrentIndex(len(self._versions) - 1)
        self._render()

    def compare(self, first: int, second: int) -> None:
        self.first.setCurrentIndex(first)
        self.second.setCurrentIndex(second)

    def current_diff(self) -> VersionDiff | None:
        first, second = self.first.currentIndex(), self.second.currentIndex()
        if len(self._versions) < 2 or first < 0 or second < 0:
            return None
        return diff_versions(self._versions[first], self._versions[second])

    def _render(self) -> None:
        enabled = len(self._versions) >= 2
        for widget in (self.first, self.second, self.fold):
            widget.setEnabled(enabled)
        if not self._versions:
            self.summary.setText("Select a cable in the list.")
            self.browser.clear()
            return
        if not enabled:
            self.summary.setText(
                "One version of this cable is loaded. Load another copy of it (the other release's page, a row "
                "of the release CSV, a text file) to see what changed between them."
            )
            self.browser.clear()
            return
        diff = self.current_diff()
        if diff is None:
            return
        self.summary.setText(
            f"{len(self._versions)} versions loaded. Insertions are underlined in green, deletions struck through in red, "
            "redactions (XXXXXXXXXXXX) shown in yellow on black."
        )
        self.browser.setHtml(diff_html(diff, self.fold.isChecked()))
