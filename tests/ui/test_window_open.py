"""Opening the window on a big library asks for its list once, and leaves the release index for later."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.parse.release_index import release_lookup
from reader.ui.cable_list_model import CableListModel, Column


def test_the_list_is_queried_once_as_the_window_opens(make_library_window, monkeypatch) -> None:
    calls: list[object] = []
    original = CableListModel.refresh

    def counted(self) -> None:
        calls.append(self.query)
        original(self)

    monkeypatch.setattr(CableListModel, "refresh", counted)
    window = make_library_window()
    assert len(calls) == 1 and calls[0].sort == "created" and calls[0].descending
    header = window.list_pane.table.horizontalHeader()
    assert header.sortIndicatorSection() == Column.CREATED
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_the_release_lookup_answers_on_first_use() -> None:
    in_release = release_lookup()
    assert in_release("06ALMATY2872") is True
    assert in_release("99NOWHERE1") is False
