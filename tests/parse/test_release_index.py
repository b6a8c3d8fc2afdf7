"""The release index as the parser reads it: every id, each station counted once per cable."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest

import reader.parse.release_index as release_index
from reader.parse.release_index import _index_text, count_stations, in_release, release_ids, station_counts
from reader.resources import resource


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


def test_the_index_is_read_with_its_line_ends_undone() -> None:
    """The bundled file ends its lines with CR LF: an id is found before its comma all the same."""
    assert in_release("06ALMATY2872") and in_release("66BUENOSAIRES2481")
    assert not in_release("06ALMATY28720")
    assert all("\r" not in ref for ref in itertools.islice(release_ids(), 1000))
