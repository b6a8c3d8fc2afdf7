"""The document list model over both stores (memory and library), with Qt's model tester."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from reader.library.library import Library
from reader.library.store import MemoryStore
from reader.model import Cable, Source
from reader.model.keys import natural_key
from reader.parse import parse_paths
from reader.ui.cable_list_model import CableListModel, Column, Role
from reader.ui.resources import SAMPLES


def _cable(refid: str, level: str | None, created: datetime | None = None, subject: str = "") -> Cable:
    return Cable(
        source=Source(f"/tmp/{refid}.txt", "text", "utf-8"),
        reference_id=refid,
        classification=level,
        created=created,
        subject=subject,
        origin="Embassy Paris",
    )


@pytest.fixture(scope="module")
def samples() -> list[Cable]:
    return [r for r in parse_paths([SAMPLES]) if isinstance(r, Cable)]


@pytest.fixture(params=["memory", "library"])
def store(request, tmp_path: Path):
    if request.param == "memory":
        yield MemoryStore()
        return
    library = Library(tmp_path / "library.sqlite3")
    yield library
    library.close()


def ids(model: CableListModel) -> list[str]:
    return [model.index(row, Column.REFERENCE).data() for row in range(model.rowCount())]


def test_model_passes_qt_model_tester_as_rows_arrive_and_queries_change(qtbot, store, samples) -> None:
    model = CableListModel(store)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.add_cables(samples[:5])
    model.add_cables(samples[5:])
    model.add_cables(samples[:2])  # the same files again: updated, not added
    model.sort(Column.SUBJECT, Qt.SortOrder.AscendingOrder)
    model.set_query(text="embassy")
    model.set_query(levels=frozenset({"SECRET"}))
    model.set_query(levels=None, text="")
    assert model.rowCount() == len(samples) == store.count()
    assert model.index(len(samples), 0).data() is None


def test_sort_values_are_typed(store) -> None:
    assert natural_key("06ALMATY2872") < natural_key("06ALMATY10001")
    model = CableListModel(store)
    model.add_cables(
        [
            _cable("06ALMATY10001", "CONFIDENTIAL", datetime(2006, 1, 2, tzinfo=UTC)),
            _cable("06ALMATY2872", "TOP SECRET", datetime(2006, 1, 10, tzinfo=UTC)),
            _cable("06ALMATY999", "UNCLASSIFIED", None),
            _cable("72TEHRAN1164", "SECRET", datetime(1972, 2, 25, tzinfo=UTC)),
        ]
    )
    model.sort(Column.REFERENCE, Qt.SortOrder.AscendingOrder)
    assert ids(model) == ["06ALMATY999", "06ALMATY2872", "06ALMATY10001", "72TEHRAN1164"]
    model.sort(Column.CREATED, Qt.SortOrder.AscendingOrder)
    assert ids(model)[:3] == ["72TEHRAN1164", "06ALMATY10001", "06ALMATY2872"]  # dates as dates
    model.sort(Column.CLASSIFICATION, Qt.SortOrder.DescendingOrder)
    assert ids(model) == ["06ALMATY2872", "72TEHRAN1164", "06ALMATY10001", "06ALMATY999"]


def test_filter_text_matches_id_origin_subject_and_tags(store, samples) -> None:
    model = CableListModel(store)
    model.add_cables(samples)
    model.set_query(text="almaty")
    assert set(ids(model)) == {"06ALMATY2872"}
    model.set_query(text="kazakhstani detainees")
    assert set(ids(model)) == {"06ALMATY2872"}
    model.set_query(text="pter")  # a tag
    assert {"06ALMATY2872", "02BOGOTA3281"} <= set(ids(model))
    model.set_query(text="new delhi")
    assert set(ids(model)) == {"06NEWDELHI5138", "06NEWDELHI5237"}
    model.set_query(text="", levels=frozenset({"SECRET"}))
    assert set(ids(model)) == {"06ALMATY2872", "02BOGOTA3281"}


def test_full_text_search_finds_words_in_paragraphs(store, samples) -> None:
    model = CableListModel(store)
    model.add_cables(samples)
    model.set_query(search="guantanamo", sort="rank")
    assert ids(model) == ["06ALMATY2872"]
    model.set_query(search='"NEAR" * -- ( "', sort="rank")  # FTS syntax never raises
    assert isinstance(ids(model), list)


def test_classification_cells_carry_colour_and_words(store) -> None:
    model = CableListModel(store)
    cable = _cable("02BOGOTA3281", "SECRET")
    cable.controls = ["NOFORN"]
    model.add_cables([cable])
    index = model.index(0, Column.CLASSIFICATION)
    assert index.data() == "SECRET//NOFORN"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#c8102e"
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#ffffff"
    assert index.data(Role.CABLE).reference_id == "02BOGOTA3281"
