"""A bulk import builds the list's indexes at its end: written in order, the same answers,
and rebuilt on the next opening if the import died before its end."""

from __future__ import annotations

import itertools
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.library import importer
from reader.library.importer import import_paths, is_bulk
from reader.library.library import Library
from reader.library.query import ListQuery
from reader.library.schema import LIST_INDEXES
from reader.library.sqlite import sqlite3
from tests.conftest import REPO, SHARED_DATA

RELEASE_SAMPLE = SHARED_DATA / "cables-sample.csv"

QUERIES = {
    "everything": ListQuery(),
    "secret": ListQuery(levels=frozenset({"SECRET"})),
    "noforn": ListQuery(controls=("NOFORN",)),
    "tag": ListQuery(tag="PREL"),
    "2008": ListQuery(date_from=datetime(2008, 1, 1, tzinfo=UTC), date_to=datetime(2009, 1, 1, tzinfo=UTC)),
    "words": ListQuery(text="embassy"),
    "search": ListQuery(search="nuclear"),
    "search, secret": ListQuery(search="president", levels=frozenset({"SECRET"})),
}
SORTS = ("created", "reference", "origin", "classification", "subject")


def _indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


def _runs_of_pages(path: Path, index: str) -> int:
    """Into how many runs of consecutive pages the index is cut (1: written in order)."""
    with sqlite3.connect(path) as db:
        pages = sorted(page for (page,) in db.execute("SELECT pageno FROM dbstat WHERE name = ?", (index,)))
    return 1 + sum(1 for a, b in itertools.pairwise(pages) if b != a + 1)


@pytest.fixture(scope="module")
def both_ways(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, Library, Path]:
    """The release sample imported as it goes and with its list indexes deferred."""
    folder = tmp_path_factory.mktemp("deferred")
    as_it_goes, deferred = Library(folder / "as-it-goes.sqlite3"), Library(folder / "deferred.sqlite3")
    import_paths(as_it_goes, [str(RELEASE_SAMPLE)])
    told = []
    import_paths(deferred, [str(RELEASE_SAMPLE)], defer_list_indexes=True, on_progress=lambda r, _c: told.append((r.building_indexes, r.cables)))
    assert told[-1] == (True, 520) and not any(building for building, _cables in told[:-1])  # said once, at the end
    yield as_it_goes, deferred, folder / "deferred.sqlite3"
    as_it_goes.close()
    deferred.close()


def test_a_bulk_import_answers_every_list_query_as_an_import_that_kept_its_indexes(both_ways) -> None:
    as_it_goes, deferred, _path = both_ways
    assert deferred.count() == as_it_goes.count() == 520
    for name, query in QUERIES.items():
        for sort in SORTS:
            for descending in (True, False):
                asked = ListQuery(**{**query.__dict__, "sort": sort, "descending": descending})
                assert deferred.query(asked) == as_it_goes.query(asked), (name, sort, descending)
        assert deferred.month_counts(query) == as_it_goes.month_counts(query), name
        assert deferred.query_plan(query) == as_it_goes.query_plan(query), name
    assert deferred.query(QUERIES["search"])  # the queries find something


def test_a_bulk_import_writes_each_list_index_in_order(both_ways) -> None:
    _as_it_goes, _deferred, path = both_ways
    assert set(LIST_INDEXES) <= _indexes(path)
    for index in ("cables_created_level", "cables_level_created", "cables_subject", "cables_sort_ref"):
        assert _runs_of_pages(path, index) == 1, index
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM sqlite_stat1 WHERE idx = 'cables_subject'").fetchone()[0] == 1


def test_an_import_that_dies_before_building_them_leaves_them_to_the_next_opening(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    dies = (
        "import os, sys\n"
        "from reader.library.importer import import_paths\n"
        "from reader.library.library import Library\n"
        "library = Library(sys.argv[1])\n"
        "with library.list_indexes_deferred():\n"
        "    import_paths(library, [sys.argv[2]])\n"
        "    os._exit(9)  # killed: no finally runs\n"
    )
    done = subprocess.run([sys.executable, "-c", dies, str(db), str(RELEASE_SAMPLE)], cwd=REPO, check=False)
    assert done.returncode == 9
    assert not set(LIST_INDEXES) & _indexes(db)  # the cables are committed, the indexes not yet built
    library = Library(db)
    assert set(LIST_INDEXES) <= _indexes(db)
    assert library.count() == 520
    assert "COVERING INDEX cables_level_created" in " ".join(library.query_plan(QUERIES["secret"]))
    library.close()


def test_only_files_larger_than_the_library_are_imported_in_bulk(tmp_path: Path, monkeypatch) -> None:
    library = Library(tmp_path / "library.sqlite3")
    assert not is_bulk(library, [RELEASE_SAMPLE])  # 4 MB: below the bulk size
    monkeypatch.setattr(importer, "BULK_BYTES", 2**20)
    half = tmp_path / "half.csv"
    half.write_bytes(RELEASE_SAMPLE.read_bytes()[: RELEASE_SAMPLE.stat().st_size // 2])
    assert is_bulk(library, [half]) and is_bulk(library, [RELEASE_SAMPLE])
    assert not is_bulk(library, [RELEASE_SAMPLE.parent])  # a folder is not walked to know
    import_paths(library, [str(RELEASE_SAMPLE)])
    assert not is_bulk(library, [half])  # the library holds more already
    library.close()


def test_an_opening_while_an_import_writes_leaves_the_indexes_to_the_import(tmp_path: Path) -> None:
    """The window opened during a command-line bulk import neither waits for its write lock nor
    builds the indexes the import will build at its end; after a dead import, it builds them."""
    db = tmp_path / "library.sqlite3"
    library = Library(db)
    import_paths(library, [str(RELEASE_SAMPLE)])
    library.close()
    importing = sqlite3.connect(db, isolation_level=None)
    for name in LIST_INDEXES:
        importing.execute(f"DROP INDEX {name}")
    importing.execute("BEGIN IMMEDIATE")  # the import, between two of its commits
    started = time.monotonic()
    window = Library(db)
    assert time.monotonic() - started < 5  # not the 30 s a writer waits for the lock
    assert window.count() == 520 and window.query(QUERIES["secret"])  # slower, not wrong
    assert not set(LIST_INDEXES) & _indexes(db)
    window.close()
    importing.execute("ROLLBACK")
    importing.close()
    Library(db).close()  # no import holds the lock: this opening builds them
    assert set(LIST_INDEXES) <= _indexes(db)
