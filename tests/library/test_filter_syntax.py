"""The filter box's operators, and that typing never fails."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from reader.library.filter_syntax import parse_filter
from reader.library.query import ListQuery


def test_operators_and_words() -> None:
    fields = parse_filter('nuclear tag:pter origin:"Embassy Paris" from:2006 to:2007-06 cites:06state126156 control:noforn iran')
    assert fields == {
        "text": "nuclear iran",
        "tag": "PTER",
        "origin": "Embassy Paris",
        "date_from": datetime(2006, 1, 1, tzinfo=UTC),
        "date_to": datetime(2007, 6, 1, tzinfo=UTC),
        "cites": "06STATE126156",
        "controls": ("NOFORN",),
    }


def test_the_audit_operator_takes_any_or_a_finding_code() -> None:
    assert parse_filter("audit:any")["audit"] == "any"
    assert parse_filter("audit:Portion-Above-Banner iran") == {"controls": (), "audit": "portion-above-banner", "text": "iran"}
    assert parse_filter("audit:nonsense")["text"] == "audit:nonsense" and "audit" not in parse_filter("audit:nonsense")
    assert "date_to" not in parse_filter("audit:2007")  # not a date operator


def test_what_is_not_an_operator_stays_a_word() -> None:
    assert parse_filter("from:yesterday http://x.y note:1")["text"] == "from:yesterday http://x.y note:1"
    assert parse_filter('"new delhi"')["text"] == "new delhi"


@given(st.text(max_size=80))
def test_any_typing_gives_a_query(text: str) -> None:
    ListQuery(**parse_filter(text))
