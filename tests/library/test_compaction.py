"""Compacting a library: documents compressed harder, indexes merged, free pages given back; every
cable, source text, search and filter reads as before."""

from __future__ import annotations

import shutil
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from reader.library import compaction
from reader.library.compaction import compact
from reader.library.importer import import_paths
from reader.library.library import Library
from reader.library.packing import DOCUMENT, ZLIB_DOCUMENT, model_json
from reader.library.query import ListQuery
from reader.library.sqlite import sqlite3
from reader.model.json_codec import cable_to_json
from tests.conftest import REPO

CORPUS = REPO.parent / "shared" / "corpus"
SAMPLE_CSV = REPO.parent / "shared" / "data" / "cables-sample.csv"
SEARCHES = ["nuclear", '"human rights"', "kazakhstan*", "president", "the"]
FILTERS = [ListQuery(text="paris"), ListQuery(text="kz"), ListQuery(controls=("NOFORN",)), ListQuery(tag="PTER")]


def _everything(path: Path) -> dict[str, object]:
    """What a reader sees of the library: each cable's model and source text, searches and filters."""
    library = Library(path)
    try:
        keys = library.query(ListQuery())
        return {
            "cables": {key: cable_to_json(library.get(key)) for key in keys},
            "texts": {key: library.source_text(key) for key in keys},
            "versions": {key: [cable_to_json(v) for v in library.versions(key)] for key in keys[:40]},
            "searches": {text: [hit.key for hit in library.search(text, limit=50)] for text in SEARCHES},
            "filters": [library.query(query) for query in FILTERS],
        }
    finally:
        library.close()


def _blob_sizes(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as connection:
        documents = connection.execute("SELECT sum(length(body)) FROM documents").fetchone()[0]
        texts = connection.execute("SELECT coalesce(sum(length(text)), 0) FROM sources").fetchone()[0]
    return documents, texts


def _check_indexes(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO search(search, rank) VALUES('integrity-check', 0)")
        connection.execute("INSERT INTO filter_index(filter_index, rank) VALUES('integrity-check', 1)")
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus and the release sample, imported: 540 cables, many with a second source text."""
    path = tmp_path_factory.mktemp("filled") / "library.sqlite3"
    library = Library(path)
    import_paths(library, [str(CORPUS), str(SAMPLE_CSV)])
    library.close()
    return path


def test_a_compacted_library_reads_as_before_and_is_smaller(filled: Path, tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    shutil.copy(filled, path)
    before, (documents, texts) = _everything(path), _blob_sizes(path)
    report = compact(path, jobs=2)
    assert report.documents == 540 and report.texts > 500
    assert report.merged and report.vacuumed and report.vacuum_problem is None
    assert report.bytes_after < report.bytes_before == filled.stat().st_size
    assert path.stat().st_size == report.bytes_after
    after_documents, after_texts = _blob_sizes(path)
    assert after_documents < 0.95 * documents and after_texts < 0.95 * texts
    assert _everything(path) == before
    _check_indexes(path)


def test_a_document_another_window_replaced_meanwhile_is_left_as_it_wrote_it(filled: Path, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "library.sqlite3"
    shutil.copy(filled, path)
    other = Library(path)
    key = other.query(ListQuery(sort="reference", descending=False))[0]
    cable = other.get(key)
    documents = compaction._documents

    def replaced_while_compressing(batch):
        if any(row_key == key for row_key, _blob in batch):
            with other.transaction():
                other.store(replace(cable, subject="WRITTEN MEANWHILE"), b"a newer text")
        return documents(batch)

    monkeypatch.setattr(compaction, "_documents", replaced_while_compressing)
    report = compact(path, jobs=1)
    assert report.documents == 539
    assert other.get(key).subject == "WRITTEN MEANWHILE"
    other.close()
    _check_indexes(path)


def test_a_stopped_compaction_leaves_a_sound_library(filled: Path, tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    shutil.copy(filled, path)
    before = _everything(path)
    stop = threading.Event()
    stop.set()
    report = compact(path, jobs=1, cancel=stop)
    assert not report.merged and not report.vacuumed
    assert _everything(path) == before
    _check_indexes(path)


def test_a_format_4_library_has_its_zlib_documents_compressed_with_zstd(tmp_path: Path) -> None:
    """tests/data/library-format-4.sqlite3 holds documents as format 4 wrote them (zlib); an upgrade
    reads them as they are, and compacting stores them as format 5 and later do."""
    path = tmp_path / "library.sqlite3"
    shutil.copy(REPO / "tests" / "data" / "library-format-4.sqlite3", path)
    Library(path).close()  # upgraded, documents untouched

    def documents() -> dict[int, tuple[int, dict]]:
        with sqlite3.connect(path) as connection:
            return {key: (blob[0], model_json(blob)) for key, blob in connection.execute("SELECT id, body FROM documents")}

    before = documents()
    assert {kind for kind, _model in before.values()} == {ZLIB_DOCUMENT}
    compact(path, jobs=1)
    after = documents()
    assert {kind for kind, _model in after.values()} == {DOCUMENT}
    assert {key: model for key, (_kind, model) in after.items()} == {key: model for key, (_kind, model) in before.items()}
