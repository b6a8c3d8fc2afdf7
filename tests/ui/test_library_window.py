"""The window on a persistent library: remembered between runs, searched, cross-linked."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.ui.cable_list_model import Column
from reader.ui.resources import SAMPLES
from tests.conftest import SEED


def test_the_next_start_shows_the_same_cables_without_loading(qtbot, make_library_window, load) -> None:
    first = make_library_window()
    load(first, [SAMPLES])
    count = first.store.count()
    assert count >= 10 and first.list_model.rowCount() == count
    first.close()
    second = make_library_window()  # a new window on the same library file
    assert second.list_model.rowCount() == count
    assert not second.loader.is_running
    second.select_reference("06ALMATY2872")
    assert "Pol-Econ Chief Deborah Mennuti" in second.header_panel.toPlainText()


def test_dropping_the_same_file_twice_keeps_one_document(qtbot, make_library_window, load, tmp_path: Path) -> None:
    window = make_library_window()
    copy = tmp_path / "again.txt"
    shutil.copy(SEED, copy)
    load(window, [SEED])
    load(window, [SEED, copy])
    assert window.store.count() == 1
    assert len(window.store.sources(window.store.key_of_reference("06ALMATY2872"))) == 2


def test_full_text_search_ranks_and_highlights(qtbot, make_library_window, load, apply_filters) -> None:
    window = make_library_window()
    load(window, [SAMPLES])
    window.list_pane.search_box.setText("detainees")
    apply_filters(window)
    ids = [window.list_model.index(r, Column.REFERENCE).data() for r in range(window.list_model.rowCount())]
    assert ids == ["06ALMATY2872"]
    window.select_row(0)
    assert window.paragraph_view.delegate._highlights == ["detainees"]
    window.list_pane.clear_filters()
    assert window.list_model.rowCount() == window.store.count()


def test_cited_by_links_to_the_citing_cable(qtbot, make_library_window, load) -> None:
    window = make_library_window()
    load(window, [SAMPLES / "07ROME877.html", SAMPLES / "07ROME1494.html", SEED])
    window.select_reference("07ROME877")
    header = window.header_panel
    assert "Cited by" in header.toPlainText() and "07ROME1494" in header.toPlainText()
    assert 'href="cable:07ROME1494"' in header.toHtml()
    window.select_reference("06ALMATY2872")
    # Cited by the seed, in the release, but not loaded here.
    assert "06ALMATY2549 (not loaded)" in header.toPlainText()


def test_structured_filters_from_the_filter_box(qtbot, make_library_window, load, apply_filters) -> None:
    window = make_library_window()
    load(window, [SAMPLES])

    def shown(text: str) -> set[str]:
        window.list_pane.filter_box.setText(text)
        apply_filters(window)
        return {window.list_model.index(r, Column.REFERENCE).data() for r in range(window.list_model.rowCount())}

    assert shown("tag:PTER control:NOFORN") == {"02BOGOTA3281"}
    assert shown('origin:"Embassy New Delhi" from:2006-07-22') == {"06NEWDELHI5237"}
    assert shown("cites:07ROME877") == {"07ROME1494"}
    assert shown("to:1980") == {"72TEHRAN1164"}
    assert len(shown("")) == window.store.count()


def test_loading_does_not_move_the_list_under_the_reader(make_library_window, load, scrolled_to_the_end) -> None:
    window = make_library_window()
    bar, position = scrolled_to_the_end(window)
    load(window, [SAMPLES])  # more cables arrive while the reader is down the list
    assert bar.value() == position
