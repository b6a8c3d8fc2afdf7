"""A disk that fills during an import: the user reads why, the library keeps what it committed,
and the same import run again resumes after the last committed row."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from reader.library import importer
from reader.library.importer import import_paths
from reader.library.library import Library
from reader.library.query import ListQuery
from reader.library.schema import LibraryError
from reader.library.sqlite import sqlite3
from reader.parse.release_csv import open_release, read_release_rows
from tests.conftest import REPO, SHARED_DATA

SAMPLE = SHARED_DATA / "cables-sample.csv"
ROWS = 520


def _rows_through(line: int) -> int:
    with open_release(str(SAMPLE)) as stream:
        return sum(1 for row in read_release_rows(stream) if row.line <= line)


def test_an_import_that_fills_the_disk_stops_plainly_and_resumes_after_what_it_committed(tmp_path: Path, monkeypatch) -> None:
    if not SAMPLE.exists():
        pytest.skip("cables-sample.csv not here")
    monkeypatch.setattr(importer, "COMMIT_CABLES", 50)
    library = Library(tmp_path / "library.sqlite3")
    pages, page_size = (library._db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_count", "page_size"))
    library._db.execute(f"PRAGMA max_page_count = {pages + 2_500_000 // page_size}")  # a few commits' room, not 520 cables'

    with pytest.raises(LibraryError, match="not enough free disk space") as stopped:
        import_paths(library, [str(SAMPLE)])
    assert "damaged" not in str(stopped.value)
    stored = library.count()
    size, _mtime, rows_done, finished = library.release_state(str(SAMPLE))
    assert 0 < stored < ROWS and not finished and size == SAMPLE.stat().st_size
    # What the library says it committed is what it holds: no row counted that was rolled back,
    # and the full-text index holds no cable the table lost.
    assert stored == _rows_through(rows_done)
    assert library._db.execute("SELECT count(*) FROM search_docsize").fetchone()[0] == stored
    assert len(library.query(ListQuery())) == stored

    library._db.execute("PRAGMA max_page_count = 1073741823")  # space freed
    report = import_paths(library, [str(SAMPLE)])
    assert report.rows_resumed == stored and report.cables_added == ROWS - stored
    assert library.count() == ROWS and library.release_state(str(SAMPLE))[3]
    assert library._db.execute("SELECT count(*) FROM search_docsize").fetchone()[0] == ROWS
    library.close()


def _file_size_limit(limit: int):
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_the_command_line_says_the_disk_is_full_and_the_same_import_resumes(tmp_path: Path) -> None:
    """A real full disk, as the process sees it: no file of it may grow past 4 MB (a new library is 2)."""
    if not SAMPLE.exists():
        pytest.skip("cables-sample.csv not here")
    path = tmp_path / "library.sqlite3"
    command = [sys.executable, "-m", "reader", "import", str(SAMPLE), "--library", str(path), "--jobs", "1"]
    full = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, timeout=300, check=False, preexec_fn=_file_size_limit(4_000_000)
    )
    assert full.returncode == 2, full.stderr
    assert "Traceback" not in full.stderr
    assert "error: " in full.stderr and "run the same import again to resume" in full.stderr
    assert "is the disk full" in full.stderr or "not enough free disk space" in full.stderr
    assert "damaged" not in full.stderr
    with sqlite3.connect(path) as connection:
        stored = connection.execute("SELECT count(*) FROM cables").fetchone()[0]
    assert stored < ROWS  # (the first commit may not have come: a 2 s or 2,000-cable transaction)

    again = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert again.returncode == 0, again.stderr
    assert f"{stored:,} rows already imported" in again.stdout
    assert "the library holds 520 cables" in again.stdout
