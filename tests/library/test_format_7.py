"""Library format 7, two things no longer stored twice. A cable's control and tag labels are deleted
by their primary key, from its row's controls and tags columns, so the labels keep no second index
by cable and no reference to the cables. The filter box's text is no longer a column: its trigram
index reads a view of the row. A real format-6 library is brought to it in place, with the same
labels and the same filter matches."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from reader.library.importer import import_paths
from reader.library.library import Library
from reader.library.query import ListQuery
from reader.library.records import label_date, labels_in_columns
from reader.library.schema import FILTER_TEXT, SCHEMA_VERSION
from reader.library.sqlite import sqlite3
from tests.conftest import REPO, corpus_cable

FORMAT_6_LIBRARY = REPO / "tests" / "data" / "library-format-6.sqlite3"
SAMPLE_CSV = REPO.parent / "shared" / "data" / "cables-sample.csv"

Label = tuple[str, float, int]


def _labels(path: Path) -> set[Label]:
    with sqlite3.connect(path) as connection:
        return set(connection.execute("SELECT term, created, cable_id FROM labels"))


def _labels_by_rule(path: Path) -> set[Label]:
    """The labels each cable's row calls for (``labels_in_columns``), every cable."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT id, created, controls, tags FROM cables").fetchall()
    return {
        (term, label_date(created), key) for key, created, controls, tags in rows for term in labels_in_columns(controls, tags)
    }


def _label_indexes_and_references(path: Path) -> tuple[list[str], list[tuple]]:
    with sqlite3.connect(path) as connection:
        indexes = [
            name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'labels'")
        ]
        return indexes, connection.execute("PRAGMA foreign_key_list(labels)").fetchall()


FILTER_WORDS = ["bogota", "harare", "vtprel", "embassy the hague", "kn", "zi"]
"""The filter box's words: a city in reference ids and origins, a tag written so, words of a subject,
two short words (matched by LIKE, not by trigrams)."""


def _filter_matches(path: Path) -> dict[str, set[str]]:
    """The reference ids each filter word matches, read from the trigram index and the row as the
    list reads them, in the library's own format (nothing is written)."""
    with sqlite3.connect(path) as connection:
        columns = _cable_columns(path)
        text = "c.filter_text" if "filter_text" in columns else FILTER_TEXT.format(t="c.")
        found: dict[str, set[str]] = {}
        for words in FILTER_WORDS:
            keys: set[str] | None = None
            for word in words.split():
                if len(word) >= 3:
                    sql = "SELECT c.reference_id FROM cables c JOIN filter_index f ON f.rowid = c.id WHERE filter_index MATCH ?"
                    hits = {ref for (ref,) in connection.execute(sql, (f'"{word}"',))}
                else:
                    hits = {
                        ref
                        for (ref,) in connection.execute(
                            f"SELECT c.reference_id FROM cables c WHERE {text} LIKE ?", (f"%{word}%",)
                        )
                    }
                keys = hits if keys is None else keys & hits
            found[words] = keys or set()
        return found


def _cable_columns(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[1] for row in connection.execute("PRAGMA table_info(cables)")]


def _filter_pages(path: Path) -> str | None:
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT v FROM filter_index_config WHERE k = 'pgsz'").fetchone()
        return str(row[0]) if row else None


def _check_filter_index(path: Path) -> None:
    """FTS5's own check that the trigram index holds exactly the trigrams of the view's text, every row."""
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO filter_index(filter_index, rank) VALUES('integrity-check', 1)")


def test_a_real_format_6_library_is_migrated_to_format_7(tmp_path: Path) -> None:
    """tests/data/library-format-6.sqlite3 was written by the code before format 7 (4835d80): the seed and
    pages of eight cables, NOFORN, SBU, both and neither, one with a tag written two ways (01VATICAN5693)."""
    path = tmp_path / "library.sqlite3"
    shutil.copy(FORMAT_6_LIBRARY, path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 6
    assert _label_indexes_and_references(path)[0] == ["labels_cable"]
    before = _labels(path)
    assert len(before) > 40 and ("tag:VTPREL" in {term for term, _created, _key in before})
    matches_before = _filter_matches(path)
    assert all(matches_before.values())

    library = Library(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    assert _label_indexes_and_references(path) == ([], [])
    assert _labels(path) == before == _labels_by_rule(path)  # made again, the same
    assert "filter_text" not in _cable_columns(path)
    assert _filter_matches(path) == matches_before
    assert _filter_pages(path) == "65000"  # the index's leaves still fill a 64 KiB page
    _check_filter_index(path)
    noforn = library.query(ListQuery(controls=("NOFORN",)))
    assert sorted(library.get(key).reference_id for key in noforn) == [
        "02BOGOTA3281",
        "04THEHAGUE1915",
        "09LONDON2187",
        "09TRIPOLI648",
    ]

    # A document replaced after the upgrade takes its old labels with it, and a deleted one all of its.
    bogota = library.key_of_reference("02BOGOTA3281")
    stored_at = library.get(bogota).source  # the path the old code read it from, wherever the corpus is now
    cable = replace(corpus_cable("html/02BOGOTA3281.html"), source=stored_at)
    relabelled = replace(cable, controls=["SBU"], tags=["ECON", "CO"], tags_as_written=["ECON", "COL"])
    with library.transaction():
        library.store(relabelled, b"a newer copy", 1, 1.0)
    assert {(term, key) for term, _created, key in _labels(path) if key == bogota} == {
        ("control:SBU", bogota),
        ("tag:ECON", bogota),
        ("tag:CO", bogota),
        ("tag:COL", bogota),
    }
    assert library.query(ListQuery(controls=("NOFORN",))) == [key for key in noforn if key != bogota]
    with library.transaction():  # the one file that held it now holds another cable: it is deleted
        library.store(replace(corpus_cable("html/00HARARE6677.html"), source=relabelled.source))
    assert library.key_of_reference("02BOGOTA3281") is None
    assert not [label for label in _labels(path) if label[2] == bogota]
    assert _labels(path) == _labels_by_rule(path)
    assert library.query(ListQuery(text="bogota")) == []
    _check_filter_index(path)
    library.close()


def test_labels_follow_every_replacement(library: Library) -> None:
    """The release sample's 520 rows, then each stored again with a tag dropped, another written
    differently and NOFORN added or taken away: the labels are then what each row calls for."""
    import_paths(library, [str(SAMPLE_CSV)])
    first = _labels(library.path)
    keys = library.query(ListQuery())
    assert len(keys) > 500
    with library.transaction():
        for key in keys:
            cable = library.get(key)
            library.store(
                replace(
                    cable,
                    tags=cable.tags[:-1],
                    tags_as_written=[*cable.tags_as_written[1:], "XTAG"],
                    controls=[] if cable.controls else ["NOFORN"],
                ),
                b"read again",
            )
    after = _labels(library.path)
    assert after == _labels_by_rule(library.path)
    _check_filter_index(library.path)
    assert len(library.query(ListQuery(text="xtag"))) == len(keys)
    assert not after & {label for label in first if label[0].startswith("control:")}  # every control moved
    assert len({key for term, _created, key in after if term == "tag:XTAG"}) == len(keys)


def test_a_label_is_deleted_through_the_primary_key(library: Library) -> None:
    plan = library._db.execute(
        "EXPLAIN QUERY PLAN DELETE FROM labels WHERE term = ? AND created = ? AND cable_id = ?", ("tag:PREL", 0.0, 1)
    ).fetchall()
    assert [step[-1] for step in plan] == ["SEARCH labels USING PRIMARY KEY (term=? AND created=? AND cable_id=?)"]


def test_the_filter_box_folds_case_of_any_letter_and_reads_tags_as_spelled_and_written(library: Library) -> None:
    """The filter text is no longer lowered in Python: the trigram index folds the case of É as of E.
    A tag of two words is one word of the tags column (HUMAN_RIGHTS), found by either word or by both."""
    cable = corpus_cable("html/01VATICAN5693.html")
    with library.transaction():
        key, _new = library.store(replace(cable, subject="Visit to the ÉLYSÉE Palace", tags=[*cable.tags, "HUMAN RIGHTS"]), b"text")
    for words in ("élysée", "ÉLYSÉE palace", "vtprel", "01vatican", "embassy vatican", "VT", "human rights", "human_rights"):
        assert library.query(ListQuery(text=words)) == [key], words
    assert library.query(ListQuery(text="elysee")) == []  # diacritics are kept
    _check_filter_index(library.path)
