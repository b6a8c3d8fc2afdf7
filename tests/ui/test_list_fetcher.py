"""The list's refreshes while loading, asked of the library on a thread of their own."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest

from reader.library.library import Library
from reader.library.query import ListQuery
from reader.model import Cable
from reader.parse import parse_paths
from reader.ui import list_fetcher
from reader.ui.cable_list_model import CableListModel, Column, Role
from reader.ui.list_fetcher import ListFetcher
from reader.ui.resources import SAMPLES
from tests.conftest import SEED


@pytest.fixture(scope="module")
def samples() -> list[Cable]:
    return [r for r in parse_paths([SAMPLES]) if isinstance(r, Cable)]


@pytest.fixture
def library(tmp_path: Path):
    library = Library(tmp_path / "library.sqlite3")
    yield library
    library.close()


@pytest.fixture
def query_threads(monkeypatch) -> list[bool]:
    """For each list query any library answers: whether it was asked on the GUI thread."""
    asked: list[bool] = []
    query = Library.query

    def recording(self, *args, **kwargs):
        asked.append(threading.current_thread() is threading.main_thread())
        return query(self, *args, **kwargs)

    monkeypatch.setattr(Library, "query", recording)
    return asked


def _store_elsewhere(path: Path, cables: list[Cable]) -> None:
    """Store cables as the loader does: on a connection of its own."""
    other = Library(path)
    try:
        other.add(cables)
    finally:
        other.close()


def test_a_later_refresh_is_asked_on_another_thread_and_shows_everything_at_once(qtbot, library, samples, query_threads) -> None:
    library.add(samples[:3])
    model = CableListModel(library)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    _store_elsewhere(library.path, samples[3:])
    query_threads.clear()

    model.refresh_later()
    assert model.refreshing
    assert model.rowCount() == 3  # the list stays as it was until the answer comes
    with qtbot.waitSignal(model.modelReset, timeout=10000):
        pass

    assert not model.refreshing
    assert query_threads == [False]  # asked once, and not on the GUI thread
    assert model.rowCount() == len(samples) == model.loaded_count()
    assert sorted(model.index(r, Column.REFERENCE).data() for r in range(model.rowCount())) == sorted(
        c.reference_id for c in samples
    )
    assert model.month_counts() == library.month_counts(model.query)
    newest = library.query(ListQuery())[0]
    assert model.row_of_key(newest) == 0
    model.close()


def test_an_answer_overtaken_by_a_new_filter_is_dropped(qtbot, library, samples) -> None:
    library.add(samples)
    model = CableListModel(library)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    level = samples[0].classification
    model.refresh_later()
    model.set_query(levels=frozenset([level]))  # asked now, on the GUI thread, while the other is on its way
    filtered = model.rowCount()
    assert 0 < filtered < len(samples)
    with qtbot.waitSignal(model.fetcher.answered, timeout=10000):
        pass
    qtbot.wait(50)
    assert model.rowCount() == filtered
    assert {model.index(r, Column.CLASSIFICATION).data(Role.LEVEL) for r in range(filtered)} == {level}
    model.close()


def test_refreshes_asked_while_one_is_on_its_way_make_one_more_not_a_queue(qtbot, library, samples, query_threads) -> None:
    library.add(samples)
    model = CableListModel(library)
    query_threads.clear()
    for _ in range(10):
        model.refresh_later()
    qtbot.waitUntil(lambda: not model.refreshing, timeout=10000)
    assert 1 <= len(query_threads) <= 2
    assert not any(query_threads)
    model.close()


def test_loading_refreshes_the_list_off_the_gui_thread_and_keeps_the_readers_place(
    qtbot, make_library_window, scrolled_to_the_end, query_threads
) -> None:
    window = make_library_window()
    bar, position = scrolled_to_the_end(window)
    shown = window.list_model.rowCount()
    _store_elsewhere(window.store.path, [r for r in parse_paths([SAMPLES]) if isinstance(r, Cable)])
    query_threads.clear()

    with qtbot.waitSignal(window.list_model.modelReset, timeout=10000):
        window.loader.cables_stored.emit(1)  # what the loading job says after each commit

    assert query_threads == [False]
    assert window.list_model.rowCount() > shown
    assert bar.value() == position
    assert window.count_label.text() == f"{window.store.count():,} cables"
    fetcher = window.list_model.fetcher
    assert fetcher.is_running
    window.close()
    assert not fetcher.is_running


def test_a_click_on_a_column_sorts_the_list_off_the_gui_thread(qtbot, make_library_window, load, query_threads) -> None:
    window = make_library_window()
    load(window, [SAMPLES])
    header = window.list_pane.table.horizontalHeader()
    query_threads.clear()
    position = QPoint(header.sectionViewportPosition(Column.SUBJECT) + 10, header.height() // 2)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, position)
    assert header.sortIndicatorSection() == Column.SUBJECT
    qtbot.waitUntil(lambda: not window.list_model.refreshing, timeout=10000)

    assert query_threads == [False]
    model = window.list_model
    subjects = [model.index(r, Column.SUBJECT).data() for r in range(model.rowCount())]
    order = sorted(subjects, key=str.casefold)
    assert subjects in (order, order[::-1])
    assert model.rowCount() == window.store.count()


def test_typing_on_shows_only_the_last_filter(qtbot, make_library_window, load, query_threads) -> None:
    window = make_library_window()
    load(window, [SAMPLES])
    model = window.list_model
    query_threads.clear()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    for text in ("t", "te", "teh", "tehr", "tehran"):
        model.set_query_later(text=text)
    qtbot.waitUntil(lambda: not model.refreshing, timeout=10000)
    qtbot.wait(100)  # (any answer to an earlier query would have come by now, and been dropped)

    assert len(resets) == 1  # the earlier filters' answers, if asked at all, were never shown
    assert 1 <= len(query_threads) <= 5 and not any(query_threads)
    shown = {model.index(r, Column.REFERENCE).data() for r in range(model.rowCount())}
    assert shown and all("TEHRAN" in reference_id for reference_id in shown)


def test_following_a_reference_out_of_a_filtered_list_clears_the_filter_at_once(qtbot, make_library_window, load, apply_filters) -> None:
    window = make_library_window()
    load(window, [SAMPLES])
    window.list_pane.filter_box.setText("tehran")
    apply_filters(window)
    assert window.list_model.row_of_key(window.store.key_of_reference("06ALMATY2872")) is None
    window.select_reference("06ALMATY2872")
    assert window.current_cable().reference_id == "06ALMATY2872"
    assert window.list_pane.filter_box.text() == ""
    assert window.list_model.rowCount() == window.store.count()


_FOREVER = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
"""A statement that never ends by itself."""


def test_a_query_being_asked_is_interrupted_by_a_newer_one(qtbot, library, samples, monkeypatch) -> None:
    library.add(samples)
    real = list_fetcher.answer_query
    started = threading.Event()

    def slow_first(fetching: Library, generation: int, query: ListQuery):
        if generation == 1:
            started.set()
            fetching._db.execute(_FOREVER).fetchone()  # stands for a filter that reads every row
        return real(fetching, generation, query)

    monkeypatch.setattr(list_fetcher, "answer_query", slow_first)
    fetcher = ListFetcher(library.path)
    answers: list[int] = []
    fetcher.answered.connect(lambda answer: answers.append(answer.generation))
    try:
        fetcher.fetch(1, ListQuery())
        assert started.wait(10)
        qtbot.wait(200)  # the statement runs (an interrupt between two statements stops nothing)
        with qtbot.waitSignal(fetcher.answered, timeout=10000):
            fetcher.fetch(2, ListQuery(text="tehran"))
        qtbot.wait(50)
        assert answers == [2]
    finally:
        fetcher.stop()


def test_stopping_interrupts_the_query_being_asked(qtbot, library, samples, monkeypatch) -> None:
    started = threading.Event()

    def forever(fetching: Library, generation: int, query: ListQuery):
        started.set()
        fetching._db.execute(_FOREVER).fetchone()

    monkeypatch.setattr(list_fetcher, "answer_query", forever)
    fetcher = ListFetcher(library.path)
    fetcher.fetch(1, ListQuery())
    assert started.wait(10)
    fetcher.stop()  # returns: the window closes without waiting for the library
    assert not fetcher.is_running


def test_a_load_into_a_listed_library_never_asks_for_the_list_on_the_gui_thread(
    qtbot, make_library_window, load, query_threads
) -> None:
    window = make_library_window()
    load(window, [SEED])  # (the first rows of an empty list are asked at once)
    query_threads.clear()
    load(window, [SAMPLES])
    assert query_threads and not any(query_threads)  # its refreshes and the last one, at its end
    assert window.list_model.rowCount() == window.store.count() > 1
    assert window.count_label.text() == f"{window.store.count():,} cables"
