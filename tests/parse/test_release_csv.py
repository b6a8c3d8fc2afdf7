"""The release's cables.csv: streamed, row by row, bad rows reported with their line."""

from __future__ import annotations

import random
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.model import Cable, ParseError
from reader.parse import parse_file
from reader.parse.release_csv import _created
from tests.conftest import SHARED_DATA

SAMPLE = SHARED_DATA / "cables-sample.csv"


def _row(number: int, refid: str, body: str, header: str = "FM AMEMBASSY PARIS") -> str:
    fields = [str(number), "7/24/2009 15:55", refid, "Embassy Paris", "CONFIDENTIAL", "", header, body]
    return ",".join('"' + f.replace("\\", "\\\\").replace('"', '\\"') + '"' for f in fields) + "\n"


@pytest.fixture(scope="module")
def sample_results() -> list:
    if not SAMPLE.exists():
        pytest.skip("cables-sample.csv not here")
    return list(parse_file(SAMPLE))


def test_every_row_of_the_sample_is_a_cable(sample_results: list) -> None:
    assert len(sample_results) == 520
    assert all(isinstance(r, Cable) for r in sample_results)
    assert {r.source.format for r in sample_results} == {"csv"}


def test_rows_carry_the_csv_metadata_and_line_numbers(sample_results: list) -> None:
    first = sample_results[0]
    assert first.source.row == 1
    assert first.metadata is not None
    assert first.metadata.reference_id == "00HARARE6677"
    assert first.metadata.origin == "Embassy Harare"
    assert first.reference_id == "00HARARE6677"
    rows = [r.source.row for r in sample_results]
    assert rows == sorted(rows) and len(set(rows)) == len(rows)


def test_text_and_metadata_agree_on_almost_every_row(sample_results: list) -> None:
    agree = sum(1 for r in sample_results if r.metadata and r.reference_id == r.metadata.reference_id)
    assert agree / len(sample_results) >= 0.99


def test_backslash_escaped_quotes_and_newlines_in_fields(tmp_path: Path) -> None:
    body = 'CONFIDENTIAL PARIS 001007\n\nSUBJECT: THE "QUOTED" WORD\n\n1. (C) He said "no".\n'
    path = tmp_path / "cables.csv"
    path.write_text(_row(1, "09PARIS1007", body), encoding="utf-8")
    (cable,) = list(parse_file(path))
    assert isinstance(cable, Cable)
    assert cable.subject == 'THE "QUOTED" WORD'
    assert cable.paragraphs[0].text == 'He said "no".'


def test_a_malformed_row_is_reported_with_its_line_and_the_rest_imports(tmp_path: Path) -> None:
    good = _row(1, "09PARIS1", "CONFIDENTIAL PARIS 000001\n\n1. (C) One.\n")
    bad = '"2","7/24/2009 15:55","09PARIS2","Embassy Paris","CONFIDENTIAL"\n'
    last = _row(3, "09PARIS3", "CONFIDENTIAL PARIS 000003\n\n1. (C) Three.\n")
    path = tmp_path / "cables.csv"
    path.write_text(good + bad + last, encoding="utf-8")
    results = list(parse_file(path))
    assert [type(r) for r in results] == [Cable, ParseError, Cable]
    assert results[1].source.row == 5
    assert "line 5" in results[1].message and "expected 8 fields, found 5" in results[1].message
    assert results[2].metadata.reference_id == "09PARIS3"


def test_a_large_release_file_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "cables.csv"
    body = "CONFIDENTIAL PARIS 001007\n\nSUBJECT: STREAM\n\n" + "".join(
        f"{n}. (C) " + "word " * 2000 + "\n\n" for n in range(1, 6)
    )
    with path.open("w", encoding="utf-8") as out:
        for number in range(1, 201):
            out.write(_row(number, f"09PARIS{number}", body))
    size = path.stat().st_size
    assert size > 9 * 2**20
    warm_up = tmp_path / "warm-up.csv"
    warm_up.write_text(_row(1, "09PARIS1", body), encoding="utf-8")
    list(parse_file(warm_up))  # first use compiles patterns and imports modules
    tracemalloc.start()
    count = sum(1 for _ in parse_file(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 200
    # Bounded by one row (50 kB) and its parse, not by the 10 MB file.
    assert peak < 2 * 2**20, f"peak {peak} for a {size}-byte file"


def _created_by_strptime(value: str) -> datetime | None:
    try:
        return datetime.strptime(value.strip(), "%m/%d/%Y %H:%M").replace(tzinfo=UTC)
    except ValueError:
        return None


def test_the_date_column_reads_as_strptime_did() -> None:
    """The hand-written reader of ``M/D/YYYY H:MM`` accepts and refuses what ``strptime`` did."""
    rng = random.Random(7)
    spaces = ["", " ", "  ", "\t", "\n", "\xa0"]
    values = ["12/28/1966 18:48", "2/29/2008 0:00", "2/30/2008 0:00", "1/1/2001 24:00", "１/1/2001 1:00", "1/1/01 1:00", ""]
    for _ in range(20_000):
        month, day, hour, minute = rng.randint(0, 13), rng.randint(0, 32), rng.randint(0, 25), rng.randint(0, 61)
        year = rng.choice(["1966", "2010", "0999", "99", "12345"])
        width = rng.choice([1, 2, 3])
        values.append(
            f"{rng.choice(spaces)}{rng.choice(['', '0'])}{month}/{day}/{year}{rng.choice(spaces)}{hour}:{minute:0{width}d}{rng.choice(spaces)}"
        )
    assert [_created(v) for v in values] == [_created_by_strptime(v) for v in values]
    assert _created("12/28/1966 18:48") == datetime(1966, 12, 28, 18, 48, tzinfo=UTC)
