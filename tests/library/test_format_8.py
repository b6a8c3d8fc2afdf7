"""Library format 8: a document's paragraph texts are runs of its source's words, not written out a
second time (reader/library/source_spans.py). A real format-7 library is brought to it at once,
its documents read as they are; compacting writes them again in the new form, with the same models."""

from __future__ import annotations

import json
import shutil
import struct
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from reader.library.compaction import compact
from reader.library.compression import compress, decompress
from reader.library.importer import import_paths
from reader.library.library import Library
from reader.library.packing import DOCUMENT, TEXTS_DOCUMENT, model_json, pack_document, same_but_path
from reader.library.query import ListQuery
from reader.library.schema import SCHEMA_VERSION, upgrade_rewrites
from reader.library.sqlite import sqlite3
from reader.model import Cable
from reader.parse import parse_bytes, parse_file
from tests.conftest import REPO, corpus_file
from tests.library.conftest import format_7_payload

FORMAT_7_LIBRARY = REPO / "tests" / "data" / "library-format-7.sqlite3"

Documents = dict[int, tuple[int, int, dict]]


def _documents(path: Path) -> Documents:
    """Each document's kind, size and model (paragraph texts restored), by key."""
    with sqlite3.connect(path) as connection:
        return {key: (blob[0], len(blob), model_json(blob)) for key, blob in connection.execute("SELECT id, body FROM documents")}


def _texts_as_format_7_wrote_them(path: Path) -> dict[int, list[str]]:
    """The paragraph texts of each format-7 document, read from its payload by hand (not by the codec
    under test): lengths, source, the texts written out, the model with their lengths."""
    found = {}
    with sqlite3.connect(path) as connection:
        for key, blob in connection.execute("SELECT id, body FROM documents"):
            assert blob[0] == TEXTS_DOCUMENT
            payload = decompress(blob[1:])
            source_length, texts_length, _model_length = struct.unpack_from("<III", payload)
            texts = payload[12 + source_length : 12 + source_length + texts_length]
            model = json.loads(payload[12 + source_length + texts_length :])
            offsets = [0]
            for length in model["paragraph_bytes"]:
                offsets.append(offsets[-1] + length)
            found[key] = [texts[a:b].decode("utf-8") for a, b in pairwise(offsets)]
    return found


def _searches(library: Library) -> dict[str, list[str]]:
    words = ["kazakhstani detainees", "sanginkhanov", "tsvangirai", "astana", "phantom", "\"end summary\""]
    return {w: sorted(library.get(k).reference_id for k in library.query(ListQuery(search=w))) for w in words}


def test_a_real_format_7_library_is_read_as_it_is_and_compacted_into_format_8(tmp_path: Path) -> None:
    """tests/data/library-format-7.sqlite3 was written by the code before format 8 (e0d54fe): the seed,
    pages of 10ASTANA72 from two releases, 08LONDON1115 and 73TEHRAN7005, two text files and three
    rows of the release CSV sample."""
    path = tmp_path / "library.sqlite3"
    shutil.copy(FORMAT_7_LIBRARY, path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 7
    written = _texts_as_format_7_wrote_them(path)
    before = _documents(path)
    assert not upgrade_rewrites(7)  # the number changes, nothing is rewritten: no dialog

    library = Library(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    assert _documents(path) == before
    assert {key: [p["text"] for p in model["paragraphs"]] for key, (_kind, _size, model) in before.items()} == written
    assert library.count() == 9
    searches = _searches(library)
    assert searches["sanginkhanov"] == ["06ALMATY2872"] and searches["tsvangirai"] == ["00HARARE6677"]

    # A cable stored now takes the new form, beside the old ones.
    import_paths(library, [str(corpus_file("html/09TRIPOLI763.html"))])
    tripoli = library.key_of_reference("09TRIPOLI763")
    assert _documents(path)[tripoli][0] == DOCUMENT
    searches = _searches(library)
    library.close()

    report = compact(path, jobs=1)
    after = _documents(path)
    assert {kind for kind, _size, _model in after.values()} == {DOCUMENT}
    assert report.documents >= len(before)  # every old one rewritten, smaller
    assert {key: model for key, (_kind, _size, model) in after.items() if key in before} == {
        key: model for key, (_kind, _size, model) in before.items()
    }
    assert sum(after[key][1] for key in before) < 0.95 * sum(size for _kind, size, _model in before.values())
    library = Library(path)
    assert _searches(library) == searches
    # A document rewritten by compaction is replaced as any other: the words it was indexed with leave
    # the index (a contentless index deletes exactly the words it is given).
    almaty = library.key_of_reference("06ALMATY2872")
    stored = library.get(almaty)
    newer = replace(stored, paragraphs=[replace(stored.paragraphs[0], text="Nothing else is left of it.")])
    with library.transaction():
        library.store(newer, b"a newer copy", 1, 1.0)
    assert library.query(ListQuery(search="sanginkhanov")) == []  # a name in its paragraphs only
    assert library.query(ListQuery(search="nothing else is left")) == [almaty]
    library.close()


def test_a_copy_of_a_stored_file_is_known_as_such_in_either_form() -> None:
    """A byte-identical copy of a file (another path) needs nothing stored, whether the document
    it matches was written now or by format 7; a copy with a changed word is another document."""
    original = corpus_file("html/09TRIPOLI763.html")
    data = original.read_bytes()
    (cable,) = list(parse_file(original))
    elsewhere = replace(cable, source=replace(cable.source, path="/elsewhere/09TRIPOLI763.html"))
    stored = pack_document(cable, data)
    old_form = bytes((TEXTS_DOCUMENT,)) + compress(format_7_payload(cable, data))
    assert same_but_path(stored, pack_document(elsewhere, data))
    assert same_but_path(old_form, pack_document(elsewhere, data))
    changed = data.replace(b"Tripoli", b"Tripolis", 1)
    assert changed != data
    other = parse_bytes(changed, str(original))
    assert isinstance(other, Cable)
    assert not same_but_path(stored, pack_document(other, changed))
    assert not same_but_path(old_form, pack_document(other, changed))
