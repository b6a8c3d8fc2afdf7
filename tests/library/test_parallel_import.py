"""An import on worker processes stores what an import in one process stores, in the same order,
and the full-text rows written at commit are right after updates inside one transaction."""

from __future__ import annotations

import threading
from pathlib import Path

from reader.library.importer import Importer, import_paths
from reader.library.library import Library
from reader.library.query import ListQuery
from reader.library.sqlite import sqlite3
from tests.library.conftest import paris_cable, release_row
from tests.library.test_import import write_release


def _contents(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        cables = db.execute("SELECT id, identity, reference_id, created, level, controls, tags, subject FROM cables ORDER BY id")
        documents = db.execute("SELECT id, body FROM documents ORDER BY id")
        sources = db.execute("SELECT path, row, cable_id, text, text_in_document FROM sources ORDER BY path, row")
        labels = db.execute("SELECT term, cable_id FROM labels ORDER BY term, cable_id")
        return [list(cables), list(documents), list(sources), list(labels)]


def test_two_processes_store_what_one_stores(corpus, tmp_path: Path) -> None:
    release = tmp_path / "cables.csv"
    write_release(release, 400, bad_rows=(9,))
    paths = [str(corpus / "html-2010"), str(release), str(corpus / "html")]
    reports = {}
    for jobs in (1, 2):
        library = Library(tmp_path / f"jobs{jobs}.sqlite3")
        reports[jobs] = import_paths(library, paths, jobs=jobs)
        library.close()
    assert reports[1] == reports[2] and reports[2].cables_added > 500 and len(reports[2].problems) == 1
    assert _contents(tmp_path / "jobs1.sqlite3") == _contents(tmp_path / "jobs2.sqlite3")
    library = Library(tmp_path / "jobs2.sqlite3")
    found = library.query(ListQuery(search="talks", text="paris"))
    assert sum(library.get(key).source.format == "csv" for key in found) == 399
    library.close()


def test_a_cancelled_parallel_import_resumes_where_it_stopped(library: Library, tmp_path: Path, monkeypatch) -> None:
    import reader.library.importer as importer_module

    monkeypatch.setattr(importer_module, "COMMIT_CABLES", 100)
    release = tmp_path / "cables.csv"
    write_release(release, 1200)
    cancel = threading.Event()

    def after_commit(_keys: list[int]) -> None:
        if library.count() >= 300:
            cancel.set()

    first = Importer(library, cancel=cancel, on_commit=after_commit, jobs=2).run([str(release)])
    assert first.cancelled and 300 <= first.cables_added < 1200
    second = import_paths(library, [str(release)], jobs=2)
    assert second.rows_resumed == first.cables_added
    assert first.cables_added + second.cables_added == 1200 == library.count()
    assert len(library.query(ListQuery(search="talks"))) == 1200


def test_a_cable_stored_twice_in_one_transaction_is_searchable_once(library: Library, tmp_path: Path) -> None:
    header, body = paris_cable(5, words="talks")
    first = tmp_path / "first.csv"
    first.write_text(release_row(1, "09PARIS5", body.replace("talks", "pelicans"), header), encoding="utf-8")
    second = tmp_path / "second.csv"
    second.write_text(release_row(1, "09PARIS5", body.replace("talks", "flamingos"), header), encoding="utf-8")
    importer = Importer(library)
    importer.import_file(str(first))
    importer.import_file(str(second))  # the same cable again, before anything was committed
    importer.finish()
    key = library.key_of_reference("09PARIS5")
    assert library.query(ListQuery(search="flamingos")) == [key]
    assert library.query(ListQuery(search="pelicans")) == []
    with sqlite3.connect(library.path) as db:
        assert db.execute("INSERT INTO search(search) VALUES('integrity-check')") is not None
