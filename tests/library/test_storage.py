"""Library format 4: each text stored once, a real format-3 library migrated in place, and
every filter of the list answered from an index (the query plans say so)."""

from __future__ import annotations

import json
import random
import shutil
import zlib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.library.importer import import_paths
from reader.library.library import Library
from reader.library.list_sql import month_counts_sql
from reader.library.query import ListQuery, month_counts_of
from reader.library.records import UNDATED, record_of
from reader.library.schema import SCHEMA_VERSION
from reader.library.sqlite import sqlite3
from reader.model.json_codec import cable_to_json
from reader.parse import parse_file
from reader.review.versions import diff_versions
from tests.conftest import REPO, SEED, corpus_file

FORMAT_3_LIBRARY = REPO / "tests" / "data" / "library-format-3.sqlite3"


def _columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def test_a_real_format_3_library_is_migrated_to_format_4(tmp_path: Path) -> None:
    """tests/data/library-format-3.sqlite3 was written by the code that landed with format 3
    (06ALMATY2872, 08BERLIN1387 and 10ASTANA72 from two releases each, 09TRIPOLI483, 06LAPAZ886)."""
    path = tmp_path / "library.sqlite3"
    shutil.copy(FORMAT_3_LIBRARY, path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 3
    library = Library(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    assert "model" not in _columns(path, "cables") and "text_in_document" in _columns(path, "sources")
    # The old table's space is given back: the file does not keep its old size on top of the new tables.
    assert path.stat().st_size <= 1.07 * FORMAT_3_LIBRARY.stat().st_size  # without VACUUM: 1.10x
    assert library.count() == 5
    keys = library.query(ListQuery())
    assert sorted(library.get(key).reference_id for key in keys) == [
        "06ALMATY2872", "06LAPAZ886", "08BERLIN1387", "09TRIPOLI483", "10ASTANA72",
    ]  # fmt: skip
    berlin = library.key_of_reference("08BERLIN1387")
    assert library.query(ListQuery(controls=("NOFORN",))) == [berlin]  # labels made from the old columns
    assert library.query(ListQuery(tag="pter")) == [library.key_of_reference("06ALMATY2872")]
    # The full-text index, made again from the format-3 documents (5 -> 6), finds their words.
    assert library.query(ListQuery(search="kazakhstani detainees")) == [library.key_of_reference("06ALMATY2872")]
    assert library.query(ListQuery(search="germany")) == [berlin]  # as the format-3 index found it
    # The texts stored in format 3, on their own, are still read: the two releases of a cable differ.
    astana = library.versions(library.key_of_reference("10ASTANA72"))
    assert len(astana) == 2
    assert diff_versions(astana[0], astana[1]).redactions_lifted == 4
    assert library.source_text(berlin).startswith(b"<?xml")
    # A cable stored after the migration is kept in the new form, beside the old ones.
    import_paths(library, [str(corpus_file("html/09TRIPOLI763.html"))])
    tripoli = library.key_of_reference("09TRIPOLI763")
    assert library.get(tripoli).reference_id == "09TRIPOLI763" and library.count() == 6
    library.close()


def test_a_cable_and_its_source_text_are_stored_once_together(library: Library) -> None:
    import_paths(library, [str(SEED)])
    key = library.key_of_reference("06ALMATY2872")
    db = library._db
    text, in_document = db.execute("SELECT text, text_in_document FROM sources WHERE cable_id = ?", (key,)).fetchone()
    assert text is None and in_document == 1
    source = SEED.read_bytes()
    assert library.source_text(key) == source
    (parsed,) = list(parse_file(SEED))
    assert cable_to_json(library.get(key)) == cable_to_json(parsed)
    (document,) = db.execute("SELECT body FROM documents WHERE id = ?", (key,)).fetchone()
    apart = len(zlib.compress(source, 6)) + len(zlib.compress(json.dumps(cable_to_json(parsed)).encode(), 6))
    assert len(document) < 0.75 * apart, (len(document), apart)


@pytest.mark.parametrize("first, second", [("html-2010", "html"), ("html", "html-2010")])
def test_a_second_copy_of_a_cable_keeps_its_own_text(library: Library, first: str, second: str) -> None:
    paths = [corpus_file(f"{folder}/10ASTANA72.html") for folder in (first, second)]
    for path in paths:
        import_paths(library, [str(path)])
    key = library.key_of_reference("10ASTANA72")
    texts = {Path(path).parent.name: text for path, _row, _form, text in library._source_texts(key)}
    assert texts == {path.parent.name: path.read_bytes() for path in paths}
    assert len(library.versions(key)) == 2


def test_a_byte_identical_copy_shares_the_stored_document(library: Library, tmp_path: Path) -> None:
    """A second copy of a file (another folder, the same bytes) is a source of the document as it
    stands: nothing is unpacked, re-indexed or stored again. A different copy that replaces the
    document later still leaves each of them its text."""
    page = corpus_file("html/10ASTANA72.html")
    copies = [tmp_path / folder / page.name for folder in ("first", "second")]
    for copy in copies:
        copy.parent.mkdir()
        shutil.copy(page, copy)
    import_paths(library, [str(copies[0])])
    key = library.key_of_reference("10ASTANA72")
    db = library._db
    (stored,) = db.execute("SELECT body FROM documents WHERE id = ?", (key,)).fetchone()
    report = import_paths(library, [str(copies[1])])
    assert (report.cables_added, report.cables_updated) == (0, 1)
    assert db.execute("SELECT body FROM documents WHERE id = ?", (key,)).fetchone()[0] == stored
    assert list(db.execute("SELECT text, text_in_document FROM sources ORDER BY path")) == [(None, 1), (None, 1)]
    assert [text for _p, _row, _form, text in library._source_texts(key)] == [page.read_bytes()] * 2
    assert library.query(ListQuery(search="astana")) == [key]
    older = corpus_file("html-2010/10ASTANA72.html")
    with library.transaction():  # the older release's page, ranked above the stored one
        record = record_of(next(iter(parse_file(older))), older.read_bytes())
        library.store_record(replace(record, columns=(*record.columns[:-1], 99)))
    texts = {p: text for p, _row, _form, text in library._source_texts(key)}
    assert texts == {str(copies[0]): page.read_bytes(), str(copies[1]): page.read_bytes(), str(older): older.read_bytes()}
    assert library.get(key).source.path == str(older)
    assert library.query(ListQuery(search="astana")) == [key]


def _big_library(path: Path, count: int = 20000) -> Library:
    """A library of ``count`` bare rows with the release's spread of levels, origins, dates and
    labels: enough rows for the planner to choose as it would on the release."""
    library = Library(path)
    pick = random.Random(8)
    origins = [f"Embassy {name}" for name in ("Paris", "Berlin", "Tokyo", "Lima", "Nairobi", "Riga", "Quito", "Oslo")]
    origins += [f"Consulate {n}" for n in range(150)]
    rows, labels = [], []
    for key in range(1, count + 1):
        level = pick.choice([0, 1, 1, 2, 2, 2, 3, 3])
        created = datetime(1966 + pick.randrange(44), 1 + pick.randrange(12), 1, tzinfo=UTC).timestamp()
        origin = pick.choice(origins)
        rows.append((key, f"ID{key}", f"ID{key}", created, origin, None, level, "", "", "s", f"ID{key:08}", 4))
        labels += [("tag:PREL", created, key)] * (key % 3 == 0) + [(f"tag:T{key % 400}", created, key)]
        labels += [("control:NOFORN", created, key)] * (key % 9 == 0)
    with library.transaction() as db:
        db.executemany(
            "INSERT INTO cables(id, identity, reference_id, created, origin, classification, level, controls, tags,"
            " subject, sort_ref, score) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        db.executemany("INSERT INTO labels(term, created, cable_id) VALUES (?, ?, ?)", labels)
        db.executemany("INSERT INTO findings(cable_id, code) VALUES (?, 'unmarked-paragraph')", [(k,) for k in range(1, count, 50)])
        db.executemany("INSERT INTO refs(cable_id, cited) VALUES (?, ?)", [(k, f"ID{k // 2}") for k in range(1, count, 3)])
        db.execute("INSERT INTO filter_index(filter_index) VALUES('rebuild')")
        db.execute("ANALYZE")
    return library


FILTERS = {
    "level": ListQuery(levels=frozenset({"SECRET"})),
    "two levels": ListQuery(levels=frozenset({"SECRET", "CONFIDENTIAL"})),
    "control": ListQuery(controls=("NOFORN",)),
    "origin": ListQuery(origin="embassy paris"),
    "tag": ListQuery(tag="prel"),
    "date": ListQuery(date_from=datetime(2008, 1, 1, tzinfo=UTC), date_to=datetime(2009, 1, 1, tzinfo=UTC)),
    "audit": ListQuery(audit="unmarked-paragraph"),
    "cites": ListQuery(cites="ID77"),
    "words": ListQuery(text="id777"),
}


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_every_filter_of_the_list_searches_an_index(tmp_path: Path, name: str) -> None:
    library = _big_library(tmp_path / "big.sqlite3")
    for sort in ("created", "reference", "origin", "classification", "subject"):
        plan = library.query_plan(ListQuery(**{**FILTERS[name].__dict__, "sort": sort}))
        scans = [step for step in plan if step.startswith("SCAN c") or step == "SCAN cables"]
        assert not scans, f"{name}, sorted by {sort}: {plan}"
    assert library.query(FILTERS[name]) or name == "words"
    library.close()


def test_the_timeline_of_a_search_dates_its_hits_from_the_narrow_index(tmp_path: Path) -> None:
    """A search's month counts read (id, created, level), not the table's rows: on the cold
    release a first search for "nuclear" waited 1.4 s for its timeline that way, 0.14 s this."""
    library = _big_library(tmp_path / "big.sqlite3")
    with library.transaction() as db:
        db.executemany("INSERT INTO search(rowid, subject, body) VALUES (?, '', 'nuclear talks')", [(k,) for k in range(1, 20001, 7)])
    searches = {
        "alone": ListQuery(search="nuclear"),
        "with a level": ListQuery(search="nuclear", levels=frozenset({"SECRET"})),
        "with a control": ListQuery(search="nuclear", controls=("NOFORN",)),
        "with dates": ListQuery(search="nuclear", date_from=datetime(1990, 1, 1, tzinfo=UTC)),
    }
    for name, query in searches.items():
        sql, params = month_counts_sql(query)  # type: ignore[misc]
        # Named, not left to the planner: on this small library it picks the index by itself, on
        # the release it went through the table.
        assert "INDEXED BY cables_narrow" in sql, name
        plan = [row[3] for row in library._db.execute("EXPLAIN QUERY PLAN " + sql, params)]
        assert any("COVERING INDEX cables_narrow" in step for step in plan), (name, plan)
        through_the_table = month_counts_of(library._db.execute(sql.replace(" INDEXED BY cables_narrow", ""), params))
        assert library.month_counts(query) == through_the_table != {}, name
    by_origin = ListQuery(search="nuclear", origin="embassy paris")  # the origin is in the table alone
    sql, params = month_counts_sql(by_origin)  # type: ignore[misc]
    assert "cables_narrow" not in sql
    assert sum(sum(levels.values()) for levels in library.month_counts(by_origin).values()) == len(library.query(by_origin))
    assert month_counts_sql(ListQuery()) is None  # the whole library: counted by index ranges
    library.close()


def test_ids_found_in_another_index_are_dated_from_the_narrow_one(tmp_path: Path) -> None:
    """A cold disk reads a small index of (id, created, level), not the table, for 36,000 found ids."""
    library = _big_library(tmp_path / "big.sqlite3")
    for name in ("control", "tag"):  # alone, newest first: the label's index holds the order
        assert library.query_plan(FILTERS[name]) == ["SEARCH labels USING PRIMARY KEY (term=?)"]
    for name in ("audit", "cites", "words"):
        plan = library.query_plan(FILTERS[name])
        assert any("COVERING INDEX cables_narrow" in step for step in plan), (name, plan)
    for name in ("control", "tag", "audit", "cites", "words"):
        with_level = ListQuery(**{**FILTERS[name].__dict__, "levels": frozenset({"SECRET"})})
        assert any("COVERING INDEX cables_narrow" in step for step in library.query_plan(with_level)), name
    by_subject = ListQuery(**{**FILTERS["control"].__dict__, "sort": "subject"})
    assert not any("cables_narrow" in step for step in library.query_plan(by_subject))
    def newest_first(keys: list[int]) -> list[int]:
        created = dict(library._db.execute("SELECT id, created FROM cables"))
        return sorted(keys, key=lambda k: (-created[k], -k))

    for query in (FILTERS["control"], ListQuery(controls=("NOFORN",), levels=frozenset({"SECRET", "TOP SECRET"}))):
        found = library.query(query)
        assert found and found == newest_first(found)
    ascending = library.query(ListQuery(controls=("NOFORN",), descending=False))
    assert ascending == newest_first(ascending)[::-1]
    with library.transaction() as db:  # an undated cable comes last, whichever the order
        db.execute("INSERT INTO cables(id, identity, level, score) VALUES (999999, 'undated', 2, 4)")
        db.execute("INSERT INTO labels(term, created, cable_id) VALUES ('control:NOFORN', ?, 999999)", (UNDATED,))
    assert library.query(FILTERS["control"])[-1] == 999999
    assert library.query(ListQuery(controls=("NOFORN",), descending=False))[-1] == 999999
    library.close()


def test_the_filter_box_matches_substrings_from_the_trigram_index_alone(library: Library, tmp_path: Path) -> None:
    from tests.library.conftest import paris_cable, release_row

    subjects = ["miramar grant", "iranian talks", '50% of the_vote "quoted"']
    release = tmp_path / "cables.csv"
    with release.open("w", encoding="utf-8") as out:
        for serial, subject in enumerate(subjects, start=1):
            header, body = paris_cable(serial, words=subject)
            out.write(release_row(serial, f"09PARIS{serial}", body, header))
    import_paths(library, [str(release)])

    def found(text: str) -> list[str]:
        return sorted(library.get(k).subject for k in library.query(ListQuery(text=text)))

    assert found("iran") == ["CABLE NUMBER 2 ON IRANIAN TALKS"]  # "ira" and "ran" apart (MIRAMAR GRANT) are not "iran"
    assert found("50%") == ['CABLE NUMBER 3 ON 50% OF THE_VOTE "QUOTED"'] and found("the_vote") == found("50%")
    assert found('"quoted"') == found("50%")
    plan = library.query_plan(ListQuery(text="iran"))
    assert any("filter_index" in step for step in plan)


def test_a_library_another_window_is_upgrading_is_busy_not_damaged(tmp_path: Path, monkeypatch) -> None:
    import reader.library.schema as schema
    from reader.library.schema import LibraryError

    path = tmp_path / "library.sqlite3"
    shutil.copy(FORMAT_3_LIBRARY, path)
    monkeypatch.setattr(schema, "BUSY_SECONDS", 0.2)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # as the first window's upgrade holds it
    with pytest.raises(LibraryError, match="is busy: another Cable Reader is upgrading or writing it"):
        Library(path)
    other.execute("ROLLBACK")
    other.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 3  # untouched
    library = Library(path)  # once it is free, it opens (and upgrades)
    assert library.count() == 5
    library.close()
