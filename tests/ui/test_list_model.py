"""The document list model and its proxy, with no window: Qt's model tester on both."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from reader.library.store import MemoryStore
from reader.model import Cable, Source
from reader.parse import parse_paths
from reader.ui.cable_filter_proxy import CableFilterProxy
from reader.ui.cable_list_model import CableListModel, Column, Role, natural_key
from reader.ui.resources import SAMPLES


def _cable(refid: str, level: str | None, created: datetime | None = None, subject: str = "", path: str = "") -> Cable:
    return Cable(
        source=Source(path or f"/tmp/{refid}.txt", "text", "utf-8"),
        reference_id=refid,
        classification=level,
        created=created,
        subject=subject,
        origin="Embassy Paris",
    )


@pytest.fixture
def samples() -> list[Cable]:
    return [r for r in parse_paths([SAMPLES]) if isinstance(r, Cable)]


def test_model_passes_qt_model_tester_while_rows_arrive(qtbot, samples: list[Cable]) -> None:
    model = CableListModel(MemoryStore())
    proxy = CableFilterProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    proxy.sort(Column.CREATED, Qt.SortOrder.DescendingOrder)
    model.add_cables(samples[:5])
    model.add_cables(samples[5:])
    model.add_cables(samples[:2])  # the same files again: replaced, not added
    proxy.set_text("embassy")
    proxy.set_levels(frozenset({"SECRET"}))
    proxy.set_levels(frozenset({"SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "TOP SECRET", None}))
    proxy.set_text("")
    assert model.rowCount() == len(samples)
    assert proxy.rowCount() == len(samples)


def test_the_same_file_twice_is_one_row() -> None:
    model = CableListModel(MemoryStore())
    first = _cable("06ALMATY2872", "SECRET", path="/x/a.txt")
    model.add_cables([first, first])
    model.add_cables([_cable("06ALMATY2872", "CONFIDENTIAL", path="/x/a.txt")])
    assert model.rowCount() == 1
    assert model.index(0, Column.CLASSIFICATION).data() == "CONFIDENTIAL"


def test_sort_values_are_typed() -> None:
    assert natural_key("06ALMATY2872") < natural_key("06ALMATY10001")
    model = CableListModel(MemoryStore())
    proxy = CableFilterProxy()
    proxy.setSourceModel(model)
    model.add_cables(
        [
            _cable("06ALMATY10001", "CONFIDENTIAL", datetime(2006, 1, 2, tzinfo=UTC)),
            _cable("06ALMATY2872", "TOP SECRET", datetime(2006, 1, 10, tzinfo=UTC)),
            _cable("06ALMATY999", "UNCLASSIFIED", None),
            _cable("72TEHRAN1164", "SECRET", datetime(1972, 2, 25, tzinfo=UTC)),
        ]
    )

    def column(col: Column, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> list[str]:
        proxy.sort(col, order)
        return [proxy.index(r, Column.REFERENCE).data() for r in range(proxy.rowCount())]

    assert column(Column.REFERENCE) == ["06ALMATY999", "06ALMATY2872", "06ALMATY10001", "72TEHRAN1164"]
    assert column(Column.CREATED) == ["06ALMATY999", "72TEHRAN1164", "06ALMATY10001", "06ALMATY2872"]
    assert column(Column.CLASSIFICATION, Qt.SortOrder.DescendingOrder) == [
        "06ALMATY2872",
        "72TEHRAN1164",
        "06ALMATY10001",
        "06ALMATY999",
    ]


def test_filter_text_matches_id_origin_subject_and_tags(samples: list[Cable]) -> None:
    model = CableListModel(MemoryStore())
    proxy = CableFilterProxy()
    proxy.setSourceModel(model)
    model.add_cables(samples)

    def shown() -> set[str]:
        return {proxy.index(r, Column.REFERENCE).data() for r in range(proxy.rowCount())}

    proxy.set_text("almaty")
    assert shown() == {"06ALMATY2872"}
    proxy.set_text("kazakhstani detainees")  # words of the subject, in any place
    assert shown() == {"06ALMATY2872"}
    proxy.set_text("PTER")  # a tag
    assert "06ALMATY2872" in shown() and "02BOGOTA3281" in shown()
    proxy.set_text("new delhi")
    assert shown() == {"06NEWDELHI5138", "06NEWDELHI5237"}
    proxy.set_text("")
    proxy.set_levels(frozenset({"SECRET"}))
    assert shown() == {"06ALMATY2872", "02BOGOTA3281"}


def test_classification_cells_carry_colour_and_words() -> None:
    model = CableListModel(MemoryStore())
    cable = _cable("02BOGOTA3281", "SECRET")
    cable.controls = ["NOFORN"]
    model.add_cables([cable])
    index = model.index(0, Column.CLASSIFICATION)
    assert index.data() == "SECRET//NOFORN"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#c8102e"
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#ffffff"
    assert index.data(Role.CABLE) is cable
    assert model.index(5, 0).data() is None
