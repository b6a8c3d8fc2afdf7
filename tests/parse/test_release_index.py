"""The release index as the parser reads it: every id, each station counted once per cable."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path

import pytest

import reader.parse.release_index as release_index
from reader.parse.release_index import _index_text, count_stations, ids_for, in_release, release_ids, station_counts
from reader.resources import resource
from tests.conftest import SHARED_DATA

CABLEMAP_INDEX = SHARED_DATA / "cable2month.csv.gz"


def _station_of(reference_id: str) -> str | None:
    """The letters between an id's two-digit year and its serial's first digit, read one character at a time."""
    if not reference_id[:2].isdigit():
        return None
    letters = "".join(itertools.takewhile(lambda c: "A" <= c <= "Z", reference_id[2:]))
    rest = reference_id[2 + len(letters) :]
    return letters if letters and rest[:1].isdigit() else None


def test_every_cable_of_the_release_counts_once_for_its_station() -> None:
    """The shipped counts (``release-stations.tsv``) and the counting of the index both say, for
    each station, how many ids of the release carry it, as reading each id letter by letter does."""
    ids = release_ids()
    assert len(ids) == 251_287
    expected = Counter(station for station in map(_station_of, ids) if station)
    assert station_counts() == expected
    assert count_stations(_index_text()) == expected
    assert expected["STATE"] > 8_000 and expected["LAPAZ"] > 0 and "THEHAGUE" in expected


def test_without_the_shipped_counts_the_index_is_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(release_index, "STATION_COUNTS_FILE", "missing.tsv")
    release_index.station_counts.cache_clear()
    try:
        assert release_index.station_counts()["ALMATY"] == count_stations(_index_text())["ALMATY"] > 0
    finally:
        release_index.station_counts.cache_clear()


def test_the_shipped_counts_are_what_writing_them_again_gives(tmp_path: Path) -> None:
    written = tmp_path / "stations.tsv"
    release_index.write_station_counts(written)
    assert written.read_bytes() == resource("data", release_index.STATION_COUNTS_FILE).read_bytes()


def test_cablemaps_own_file_is_read_with_its_line_ends_undone() -> None:
    """cablemap's gzip ends its lines with CR LF: read from it, an id is found before its comma all the same."""
    if not CABLEMAP_INDEX.exists():
        pytest.skip("../shared/data/cable2month.csv.gz is not next to the repository")
    ids = release_ids(CABLEMAP_INDEX)
    assert all("\r" not in ref for ref in ids)
    assert ids == release_ids()


def test_the_bundled_index_is_cablemaps_ordered_by_station(tmp_path: Path) -> None:
    """The shipped copy is what ``write_sorted_index`` makes of cablemap's file, byte for byte."""
    if not CABLEMAP_INDEX.exists():
        pytest.skip("../shared/data/cable2month.csv.gz is not next to the repository")
    written = tmp_path / "cable2month.csv"
    release_index.write_sorted_index(CABLEMAP_INDEX, written)
    assert written.read_bytes() == release_index.bundled_index_path().read_bytes()


def _scanned(station: str, serial: int) -> list[tuple[str, int | None]]:
    """``ids_for`` as a scan of the whole index finds it (what it did before the index was ordered)."""
    rows = re.findall(rf"\n(\d\d){re.escape(station)}(\d+),(\d*)", _index_text())
    return sorted((f"{yy}{station}{serial}", int(month) if month else None) for yy, found, month in rows if int(found) == serial)


def test_a_bisection_of_the_index_finds_what_a_scan_finds() -> None:
    """Every id of one station and serial, in any year; ids next to them, missing ones, and the
    few irregular ids of the release ("7575LIBREVILLE1895", "06ASTANA"), which no station holds."""
    for station, serial in [("ALMATY", 2872), ("STATE", 125686), ("ABIDJAN", 8), ("ZAGREB", 1), ("LAPAZ", 2974), ("USUNNEWYORK", 1)]:
        assert sorted(ids_for(station, serial)) == _scanned(station, serial) != []
        assert sorted(ids_for(station, serial + 1)) == _scanned(station, serial + 1)
    assert ids_for("NOWHERE", 1) == [] and ids_for("AAA", 0) == [] and ids_for("ZZZZ", 10**9) == []
    assert len(ids_for("ABIDJAN", 8)) > 1  # (07ABIDJAN8 and 08ABIDJAN8: one serial, two years)
    ids = release_ids()
    every = sorted(ids)
    for reference_id in every[:: len(every) // 500]:
        assert in_release(reference_id)
        assert in_release(reference_id + "0") == (reference_id + "0" in ids)  # (07ASUNCION570 is one too)
    assert in_release("7575LIBREVILLE1895") and in_release("06ASTANA") and in_release("90STATE255195TOSEC140301")
    assert not in_release("75LIBREVILLE1895") and not in_release("06ALMATY28720") and not in_release("")
