"""Library format 6: the full-text index holds each cable's body before its subject, and a real
format-5 library is brought to it in place, holding the same words at the same places."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from reader.library import schema
from reader.library.importer import import_paths
from reader.library.library import Library
from reader.library.list_sql import RANK
from reader.library.query import ListQuery
from reader.library.schema import SCHEMA_VERSION, LibraryError
from reader.library.sqlite import sqlite3
from reader.parse import parse_file
from tests.conftest import REPO, corpus_file
from tests.library.conftest import paris_cable, release_row

FORMAT_5_LIBRARY = REPO / "tests" / "data" / "library-format-5.sqlite3"
SEARCHES = ["kazakhstani detainees", "berlin", "government", '"human rights"', "astana*", "harare", "the"]


def _postings(path: Path) -> set[tuple[str, int, str, int]]:
    """Every (word, cable, column name, position) the full-text index holds (nothing is written)."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE VIRTUAL TABLE temp.postings USING fts5vocab(main, search, instance)")
        return set(connection.execute("SELECT term, doc, col, offset FROM postings"))
    finally:
        connection.close()


def _columns(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[1] for row in connection.execute("PRAGMA table_info(search)")]


def _ranked(path: Path, rank: str) -> dict[str, list[int]]:
    with sqlite3.connect(path) as connection:
        return {
            text: [row[0] for row in connection.execute(f"SELECT rowid FROM search WHERE search MATCH ? ORDER BY {rank}, rowid", (text,))]
            for text in SEARCHES
        }


def test_a_real_format_5_library_is_migrated_to_format_6(tmp_path: Path) -> None:
    """tests/data/library-format-5.sqlite3 was written by the code before format 6 (fe66b31): the seed,
    pages of six cables (08BERLIN1387 and 10ASTANA72 from two releases each) and three release rows."""
    path = tmp_path / "library.sqlite3"
    shutil.copy(FORMAT_5_LIBRARY, path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 5
    assert _columns(path) == ["subject", "body"]
    before = _postings(path)
    ranked_before = _ranked(path, "bm25(search, 4.0, 1.0)")
    assert len(before) > 5_000 and ranked_before["kazakhstani detainees"]

    library = Library(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    assert _columns(path) == ["body", "subject"]
    assert _postings(path) == before  # the same words, in the same cables, columns and places
    assert _ranked(path, RANK) == ranked_before  # and ranked as before
    assert path.stat().st_size <= FORMAT_5_LIBRARY.stat().st_size  # the old index's space given back
    assert library.count() == 8
    assert library.query(ListQuery(search="kazakhstani detainees")) == [library.key_of_reference("06ALMATY2872")]

    # A document replaced after the upgrade leaves the index with the words it was indexed with:
    # the index was made from what a replacement deletes.
    almaty = library.key_of_reference("06ALMATY2872")
    (seed,) = list(parse_file(corpus_file("seed/06ALMATY2872.txt")))
    seed = replace(seed, subject="ZANZIBAR", paragraphs=[replace(seed.paragraphs[0], text="Replaced wholly by zanzibarian words.")])
    with library.transaction():
        library.store(seed, b"a newer copy", 1, 1.0)
    assert library.query(ListQuery(search="kazakhstani detainees")) == []
    assert library.query(ListQuery(search="zanzibarian")) == [almaty]
    assert not [row for row in _postings(path) if row[1] == almaty and row[0] == "kazakhstani"]
    library.close()


def test_the_body_comes_first_and_a_word_in_the_subject_weighs_more(library: Library, tmp_path: Path) -> None:
    """Two cables with "pipeline" once each, one in its subject and one in its body: the subject's ranks first."""
    header, body = paris_cable(101, "talks")
    in_body = body.replace("The talks went on", "The pipeline talks went on")
    subject_header, subject_body = paris_cable(102, "pipeline")
    in_subject = subject_body.replace("The pipeline went on", "The talks went on")
    csv = tmp_path / "cables.csv"
    csv.write_text(release_row(1, "09PARIS101", in_body, header) + release_row(2, "09PARIS102", in_subject, subject_header))
    import_paths(library, [str(csv)])
    assert _columns(library.path) == ["body", "subject"]
    ranked = [hit.reference_id for hit in library.search("pipeline")]
    assert ranked == ["09PARIS102", "09PARIS101"]
    assert "pipeline" not in library.get(library.key_of_reference("09PARIS102")).paragraphs[-1].text.lower()


def test_an_upgrade_that_runs_out_of_disk_says_so_and_leaves_the_library_as_it_was(tmp_path: Path, monkeypatch) -> None:
    """The 5 -> 6 step writes a new index: should the disk fill (here: the file may not grow), the
    user reads that, not that the library is damaged, and the old format and index are intact."""
    path = tmp_path / "library.sqlite3"
    shutil.copy(FORMAT_5_LIBRARY, path)
    before = _postings(path)

    def on_a_full_disk(connection: sqlite3.Connection) -> None:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        schema.index_full_text_body_first(connection)
        connection.execute("CREATE TABLE ballast(data BLOB)")
        connection.execute("INSERT INTO ballast VALUES (zeroblob(?))", (pages * 4096,))

    monkeypatch.setitem(schema.MIGRATIONS, 5, (on_a_full_disk,))
    with pytest.raises(LibraryError, match="not enough free disk space") as refused:
        Library(path)
    assert "damaged" not in str(refused.value)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 5
    assert _columns(path) == ["subject", "body"] and _postings(path) == before
    monkeypatch.undo()
    library = Library(path)  # with room again, the upgrade goes through
    assert _columns(path) == ["body", "subject"] and library.count() == 8
    library.close()


def _settings(path: Path) -> dict[str, object]:
    with sqlite3.connect(path) as connection:
        return {
            "page_size": connection.execute("PRAGMA page_size").fetchone()[0],
            "search": dict(connection.execute("SELECT k, v FROM search_config WHERE k != 'version'")),
            "filter": dict(connection.execute("SELECT k, v FROM filter_index_config WHERE k != 'version'")),
        }


def test_a_new_library_has_64_kib_pages_and_index_leaves_that_fill_them(library: Library) -> None:
    assert _settings(library.path) == {
        "page_size": 65536,
        "search": {"automerge": 8, "pgsz": 65000},
        "filter": {"pgsz": 65000},
    }


def test_an_upgraded_library_keeps_its_pages_and_leaves_to_match(tmp_path: Path) -> None:
    """4 KiB pages stay 4 KiB, and the index made again keeps FTS5's leaves, which suit them."""
    path = tmp_path / "library.sqlite3"
    shutil.copy(FORMAT_5_LIBRARY, path)
    Library(path).close()
    assert _settings(path) == {"page_size": 4096, "search": {"automerge": 8}, "filter": {}}
