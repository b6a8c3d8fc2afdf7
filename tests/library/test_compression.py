"""Library format 5: documents and texts compressed with zstd and the cables dictionary; a real
format-4 library migrated in place, its zlib blobs still read beside the new ones."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from reader.library import compression
from reader.library.compression import zstd
from reader.library.importer import import_paths
from reader.library.library import Library
from reader.library.packing import DOCUMENT, ZLIB_DOCUMENT, pack_document, unpack_cable
from reader.library.query import ListQuery
from reader.library.schema import SCHEMA_VERSION
from reader.library.sqlite import sqlite3
from reader.model.json_codec import cable_to_json
from reader.parse import parse_file
from reader.review.versions import diff_versions
from tests.conftest import REPO, corpus_file

FORMAT_4_LIBRARY = REPO / "tests" / "data" / "library-format-4.sqlite3"


def _blob_kinds(path: Path) -> dict[str, list[int]]:
    with sqlite3.connect(path) as connection:
        documents = [body[0] for (body,) in connection.execute("SELECT body FROM documents")]
        texts = [text[0] for (text,) in connection.execute("SELECT text FROM sources WHERE text IS NOT NULL")]
    return {"documents": sorted(documents), "texts": sorted(texts)}


def _full_text_merges(path: Path) -> int | None:
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT v FROM search_config WHERE k = 'automerge'").fetchone()
    return row[0] if row else None


def test_a_new_library_merges_its_full_text_segments_eight_at_a_time(tmp_path: Path) -> None:
    Library(tmp_path / "new.sqlite3").close()
    assert _full_text_merges(tmp_path / "new.sqlite3") == 8


def test_a_real_format_4_library_is_migrated_to_format_5(tmp_path: Path) -> None:
    """tests/data/library-format-4.sqlite3 was written by the code before format 5 (a3e5956): the
    seed, pages of five cables (08BERLIN1387 and 10ASTANA72 from two releases each) and three rows
    of the release CSV sample, one of which (00HARARE6677) outranks the page stored before it."""
    path = tmp_path / "library.sqlite3"
    shutil.copy(FORMAT_4_LIBRARY, path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 4
    assert _blob_kinds(path) == {"documents": [ZLIB_DOCUMENT] * 8, "texts": [0x78] * 3}  # zlib, every one
    assert _full_text_merges(path) is None  # FTS5's default, 4
    library = Library(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    assert _full_text_merges(path) == 8  # as a new library's index
    assert library.count() == 8
    references = sorted(library.get(key).reference_id for key in library.query(ListQuery()))
    assert references == [
        "00HARARE6677", "01VATICAN5693", "02BOGOTA3281", "06ALMATY2872", "06LAPAZ886", "08BERLIN1387",
        "09TRIPOLI483", "10ASTANA72",
    ]  # fmt: skip
    # Texts carried in old documents and texts kept on their own read back byte for byte.
    astana = library.key_of_reference("10ASTANA72")
    texts = {Path(p).parent.name: text for p, _row, _form, text in library._source_texts(astana)}
    assert texts == {folder: corpus_file(f"{folder}/10ASTANA72.html").read_bytes() for folder in ("html", "html-2010")}
    assert diff_versions(*library.versions(astana)).redactions_lifted == 4
    harare = library.key_of_reference("00HARARE6677")
    page = [text for p, _row, _form, text in library._source_texts(harare) if p.endswith(".html")]
    assert page == [corpus_file("html/00HARARE6677.html").read_bytes()]
    assert library.query(ListQuery(search="kazakhstani detainees")) == [library.key_of_reference("06ALMATY2872")]
    # Stored after the migration: the new form, beside the old blobs; replacing an old document
    # keeps the text it carried for the source it came from.
    import_paths(library, [str(corpus_file("html/09TRIPOLI763.html"))])
    berlin = library.key_of_reference("08BERLIN1387")
    before = {p: text for p, _row, _form, text in library._source_texts(berlin)}
    with library.transaction():
        library.store(next(iter(parse_file(corpus_file("html/08BERLIN1387.html")))), b"a newer copy", 1, 1.0)
    after = {p: text for p, _row, _form, text in library._source_texts(berlin)}
    assert after == {**before, str(corpus_file("html/08BERLIN1387.html")): b"a newer copy"}
    kinds = _blob_kinds(path)
    assert kinds["documents"].count(DOCUMENT) == 2 and kinds["documents"].count(ZLIB_DOCUMENT) == 7
    assert library.count() == 9 and library.get(library.key_of_reference("09TRIPOLI763")).reference_id == "09TRIPOLI763"
    library.close()


def test_new_documents_and_texts_are_zstd_frames_that_name_the_dictionary(library: Library) -> None:
    first, second = (corpus_file(f"{folder}/10ASTANA72.html") for folder in ("html-2010", "html"))
    import_paths(library, [str(first), str(second)])
    key = library.key_of_reference("10ASTANA72")
    (document,) = library._db.execute("SELECT body FROM documents WHERE id = ?", (key,)).fetchone()
    (own_text,) = library._db.execute("SELECT text FROM sources WHERE text IS NOT NULL").fetchone()
    assert document[0] == DOCUMENT
    for frame in (document[1:], own_text):
        assert zstd.get_frame_info(frame).dictionary_id == compression.DICTIONARY_ID
    assert {text for _p, _row, _form, text in library._source_texts(key)} == {first.read_bytes(), second.read_bytes()}


@pytest.mark.parametrize("relative", ["seed/06ALMATY2872.txt", "html/10ASTANA72.html", "text/06NEWDELHI5138.txt"])
def test_a_document_is_smaller_than_with_zlib_and_reads_back_whole(relative: str) -> None:
    path = corpus_file(relative)
    (cable,) = list(parse_file(path))
    source = path.read_bytes()
    blob = pack_document(cable, source)
    assert cable_to_json(unpack_cable(blob)) == cable_to_json(cable)
    assert compression.decompress(blob[1:]).find(source) > 0
    # The corpus trained the dictionary, so no figure here says what held-out cables gain
    # (tests/bench/bench_compression.py does); it must not be worse than zlib.
    assert len(blob) < len(zlib.compress(compression.decompress(blob[1:]), 6))


def test_an_installation_without_its_dictionary_says_so(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(compression, "resource", lambda *parts: tmp_path.joinpath(*parts))
    compression.dictionary.cache_clear()
    try:
        with pytest.raises(compression.DictionaryMissing, match="incompletely installed"):
            compression.compress(b"text")
        (tmp_path / "data").mkdir()
        (tmp_path / "data" / compression.DICTIONARY_FILE).write_bytes(zstd.train_dict([b"other words %d" % n for n in range(400)], 1024).dict_content)
        compression.dictionary.cache_clear()
        with pytest.raises(compression.DictionaryMissing, match="not the dictionary it was built with"):
            compression.compress(b"text")
    finally:
        monkeypatch.undo()
        compression.dictionary.cache_clear()
    assert compression.dictionary().dict_id == compression.DICTIONARY_ID  # the shipped one


def test_a_python_without_zstd_is_told_what_to_install() -> None:
    """A Python 3.14 built without libzstd, and no backports.zstd: a message, not a bare ModuleNotFoundError."""
    probe = (
        "import sys\n"
        "sys.modules['compression.zstd'] = None\n"
        "sys.modules['backports'] = None\n"
        "try:\n"
        "    import reader.library.compression\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    assert "backports.zstd" in done.stdout
    assert "built without libzstd" in done.stdout


def test_compressing_in_several_threads_gives_the_frames_of_a_one_off_compressor() -> None:
    """Each thread keeps its own compressor: frames made side by side are whole and the same as
    a compressor made for each call would make."""
    texts = [corpus_file(relative).read_bytes() for relative in ("seed/06ALMATY2872.txt", "html/10ASTANA72.html")] * 8
    with ThreadPoolExecutor(max_workers=4) as pool:
        frames = list(pool.map(compression.compress, texts))
    expected = [zstd.compress(text, compression.LEVEL, zstd_dict=compression.dictionary().as_digested_dict) for text in texts]
    assert frames == expected
    assert [compression.decompress(frame) for frame in frames] == texts
