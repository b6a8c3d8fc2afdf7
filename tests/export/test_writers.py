"""JSON, CSV and plain-text exports of real cables, and the review copy in each."""

from __future__ import annotations

import csv
import io
import json

import pytest

from reader.export import export_format, write_csv, write_json, write_text
from reader.export.writers import CSV_COLUMNS, cable_text
from reader.model.json_codec import cable_to_json
from tests.conftest import corpus_cable


def test_the_format_comes_from_the_ending() -> None:
    assert [export_format(f"out{e}") for e in (".pdf", ".JSON", ".csv", ".txt")] == ["pdf", "json", "csv", "txt"]
    with pytest.raises(ValueError, match="must end in"):
        export_format("out.docx")


def test_json_is_the_parse_schema() -> None:
    cables = [corpus_cable("seed/06ALMATY2872.txt"), corpus_cable("html/08BERLIN1387.html")]
    out = io.StringIO()
    assert write_json(cables, out) == 2
    assert json.loads(out.getvalue()) == [cable_to_json(c) for c in cables]


def test_csv_holds_the_lists_columns() -> None:
    out = io.StringIO()
    write_csv([corpus_cable("html/08BERLIN1387.html")], out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[1][:4] == ["08BERLIN1387", "2008-10-10 17:31", "Embassy Berlin", "CONFIDENTIAL//NOFORN"]


def test_text_is_the_cable_as_written() -> None:
    seed = corpus_cable("seed/06ALMATY2872.txt")
    text = cable_text(seed)
    assert text.startswith("SECRET\n") and text.endswith("\nSECRET")
    for line in ("E.O. 12958: DECL: 08/08/2016", "REF: A. ALMATY 2549; B. STATE 126156", "5. (SBU) Ref B, containing", "ORDWAY"):
        assert line in text


def test_every_format_withholds_what_the_release_view_withholds() -> None:
    berlin = corpus_cable("html/08BERLIN1387.html")
    secret = next(p.text for p in berlin.paragraphs if p.number == 10)[:60]
    for writer in (write_json, write_text):
        out = io.StringIO()
        writer([berlin], out, "CONFIDENTIAL")
        assert secret not in out.getvalue() and "[Paragraph 10 withheld: SECRET]" in out.getvalue()
    out = io.StringIO()
    write_json([berlin], out)
    assert secret in out.getvalue()  # as classified, nothing withheld
