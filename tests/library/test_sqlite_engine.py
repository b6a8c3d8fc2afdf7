"""The SQLite the library runs on (``reader/library/sqlite.py``) and the standard module's read
the same files: a library written by either is whole, searched alike, and listed alike by the other."""

from __future__ import annotations

import sqlite3 as standard_sqlite3
from pathlib import Path

import pytest

from reader.library.fts import parse_search
from reader.library.importer import import_paths
from reader.library.library import Library
from reader.library.list_sql import RANK
from reader.library.sqlite import sqlite3
from tests.conftest import CORPUS

SEARCHES = ["nord stream", "chavez venezuela", '"human rights"', "president", "astana*", "the"]


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    """A library of the whole corpus, written by the library's own SQLite."""
    if not CORPUS.is_dir():
        pytest.skip("corpus not here")
    path = tmp_path_factory.mktemp("engine") / "library.sqlite3"
    library = Library(path)
    report = import_paths(library, [str(CORPUS / "html"), str(CORPUS / "text")])
    assert report.problems == [] and library.count() > 500
    library.analyze()
    library.close()
    return path


def _ranked(module, path: Path, words: str) -> list[int]:
    """The ranked hits of a search typed as ``words``, read by ``module``'s SQLite."""
    connection = module.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        query = f"SELECT rowid FROM search WHERE search MATCH ? ORDER BY {RANK}, rowid"
        return [key for (key,) in connection.execute(query, (parse_search(words).match,))]
    finally:
        connection.close()


def test_the_engine_is_a_current_sqlite_where_one_is_installed() -> None:
    version = tuple(int(part) for part in sqlite3.sqlite_version.split("."))
    if sqlite3 is standard_sqlite3:
        pytest.skip(f"sqlean.py is not installed here: the standard module's SQLite {sqlite3.sqlite_version} serves")
    assert version >= (3, 45, 0)
    # Its extensions stay off: one of them would redefine NOCASE, by which the list's indexes are sorted.
    connection = sqlite3.connect(":memory:")
    assert connection.execute("SELECT 'É' = 'é' COLLATE NOCASE").fetchone() == (0,)
    with pytest.raises(sqlite3.OperationalError):
        connection.execute("SELECT regexp_like('a', 'a')")
    connection.close()


def test_a_library_it_writes_is_whole_to_the_standard_module(written: Path) -> None:
    connection = standard_sqlite3.connect(f"{written.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        count = connection.execute("SELECT count(*) FROM cables").fetchone()[0]
        assert count > 500
        ids = connection.execute("SELECT count(*) FROM filter_index WHERE filter_index MATCH '\"kazakh\"'").fetchone()[0]
        assert ids >= 1
    finally:
        connection.close()


@pytest.mark.parametrize("words", SEARCHES)
def test_both_rank_the_same_hits_in_the_same_order(written: Path, words: str) -> None:
    ours = _ranked(sqlite3, written, words)
    assert ours, words
    assert _ranked(standard_sqlite3, written, words) == ours


def test_what_the_standard_module_writes_ours_reads(written: Path, tmp_path: Path) -> None:
    """A library moved to a machine without sqlean.py, written there (its full-text index merged
    whole, its statistics taken again), and moved back: the same hits."""
    copy = tmp_path / "moved.sqlite3"
    copy.write_bytes(written.read_bytes())
    connection = standard_sqlite3.connect(copy)
    connection.execute("INSERT INTO search(search) VALUES ('optimize')")
    connection.execute("ANALYZE")
    connection.commit()
    connection.close()
    before = _ranked(sqlite3, written, "president")
    library = Library(copy)
    try:
        assert library.search("nord stream")[0].reference_id == "09TALLINN325"
    finally:
        library.close()
    assert _ranked(sqlite3, copy, "president") == before
