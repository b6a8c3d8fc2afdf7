"""The library on real cables: one document per cable, sources, search, filters, cross-references."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.library.importer import import_paths
from reader.library.library import Library
from reader.library.query import ListQuery, month_bounds, month_counts_of
from reader.library.schema import CACHE_KIB, SCHEMA_VERSION, LibraryError
from reader.library.sqlite import sqlite3
from reader.library.store import MemoryStore
from reader.model import Cable
from reader.parse import parse_file, parse_paths
from reader.parse.html_page import extract_page
from reader.parse.release_index import release_ids
from tests.conftest import CORPUS, REPO, SEED, SHARED_DATA, corpus_file

FORMAT_2_LIBRARY = REPO / "tests" / "data" / "library-format-2.sqlite3"


@pytest.fixture(scope="module")
def corpus_library(tmp_path_factory) -> Library:
    if not CORPUS.is_dir():
        pytest.skip("corpus not here")
    library = Library(tmp_path_factory.mktemp("lib") / "library.sqlite3")
    report = import_paths(library, [str(CORPUS)])
    assert report.problems == []
    return library


def test_one_document_per_cable_with_every_source(corpus_library: Library) -> None:
    assert corpus_library.count() < 633  # two releases of a page, a CSV row... one document each
    key = corpus_library.key_of_reference("08CAIRO9")
    paths = sorted(Path(p).parent.name for p, _row, _f, _e in corpus_library.sources(key))
    assert paths == ["html", "html-2010"]
    cable = corpus_library.get(key)
    assert isinstance(cable, Cable) and cable.reference_id == "08CAIRO9"
    assert corpus_library.source_text(key).startswith(b"<?xml")


def test_the_model_round_trips_through_the_library(corpus_library: Library) -> None:
    from reader.model.json_codec import cable_to_json
    from reader.parse import parse_file

    (parsed,) = list(parse_file(SEED))
    stored = corpus_library.get(corpus_library.key_of_reference("06ALMATY2872"))
    assert cable_to_json(stored) == cable_to_json(parsed)


def test_ranked_full_text_search_with_snippets(corpus_library: Library) -> None:
    hits = corpus_library.search("nord stream")
    assert hits[0].reference_id == "09TALLINN325"
    assert "Nord Stream" in hits[0].snippet
    phrase = corpus_library.search('"kazakhstani detainees"')
    assert [h.reference_id for h in phrase] == ["06ALMATY2872"]
    assert corpus_library.search("detain*")  # a prefix


@pytest.mark.parametrize(
    "text", ['"', '"unclosed', "*", "NEAR", "NEAR(a b)", "-", "a -b", "(", ")", "AND OR NOT", "^", ":", "col:x", "''", "{}"]
)
def test_search_text_with_fts_syntax_never_raises(corpus_library: Library, text: str) -> None:
    assert isinstance(corpus_library.search(text), list)
    assert isinstance(corpus_library.query(ListQuery(search=text)), list)


def test_structured_filters_combine_with_search(corpus_library: Library) -> None:
    noforn_secret = corpus_library.query(ListQuery(levels=frozenset({"SECRET"}), controls=("NOFORN",)))
    cables = [corpus_library.get(k) for k in noforn_secret]
    assert cables and all(c.classification == "SECRET" and "NOFORN" in c.controls for c in cables)
    paris_2009 = corpus_library.query(
        ListQuery(origin="Embassy Paris", date_from=datetime(2009, 1, 1, tzinfo=UTC), date_to=datetime(2010, 1, 1, tzinfo=UTC))
    )
    found = [corpus_library.get(k) for k in paris_2009]
    assert found and all(c.origin == "Embassy Paris" and c.created.year == 2009 for c in found)
    tagged = [corpus_library.get(k) for k in corpus_library.query(ListQuery(tag="PTER", search="detainees"))]
    assert "06ALMATY2872" in {c.reference_id for c in tagged} and all("PTER" in c.tags for c in tagged)
    citing = corpus_library.query(ListQuery(cites="07ROME877"))
    assert [corpus_library.get(k).reference_id for k in citing] == ["07ROME1494"]


@pytest.mark.parametrize(
    ("tag", "reference_id"),
    [
        ("PARM", "05SANAA1790"),  # written PARMS
        ("parms", "05SANAA1790"),  # the spelling as written finds it too, in any case
        ("COUNTER TERRORISM", "05SANAA1790"),
        ("COUNTERTERRORISM", "05SANAA1790"),
        ("MEETINGS WITH AMBASSADOR", "05BUENOSAIRES496"),
        ("CLINTON, HILLARY", "09STATE30049"),
        ("ECIN", "06SANJOSE2041"),  # written ETRDEINVECINPGOVCS
    ],
)
def test_a_tag_filter_finds_every_variant(corpus_library: Library, tag: str, reference_id: str) -> None:
    found = {corpus_library.get(k).reference_id for k in corpus_library.query(ListQuery(tag=tag))}
    assert reference_id in found


def test_a_tag_filter_finds_variants_in_memory_too() -> None:
    store = MemoryStore()
    store.add(c for c in parse_paths([corpus_file("html/05SANAA1790.html"), corpus_file("html/09STATE30049.html")]) if isinstance(c, Cable))
    for tag in ("PARMS", "parm", "counter terrorism", "CLINTON, HILLARY"):
        assert len(store.query(ListQuery(tag=tag))) == 1, tag


def test_the_audit_filter_is_read_from_stored_findings(corpus_library: Library) -> None:
    above = {corpus_library.get(k).reference_id for k in corpus_library.query(ListQuery(audit="portion-above-banner"))}
    assert above == {"06BUENOSAIRES109", "08BERLIN1387", "09TRIPOLI483"}
    with_any = corpus_library.query(ListQuery(audit="any"))
    assert 20 < len(with_any) < corpus_library.count()
    assert set(corpus_library.query(ListQuery(audit="no-classified-by"))) <= set(with_any)
    secret = corpus_library.query(ListQuery(audit="any", levels=frozenset({"SECRET"})))
    assert secret and all(corpus_library.get(k).classification == "SECRET" for k in secret)


def test_both_releases_of_a_cable_are_two_versions_of_one_document(corpus_library: Library) -> None:
    key = corpus_library.key_of_reference("10ASTANA72")
    versions = corpus_library.versions(key)
    assert sorted(Path(v.source.path).parent.name for v in versions) == ["html", "html-2010"]
    assert all(v.reference_id == "10ASTANA72" for v in versions)


def test_sorting_is_done_by_the_library(corpus_library: Library) -> None:
    newest = corpus_library.query(ListQuery(sort="created", descending=True))
    dates = [corpus_library.get(k).created for k in newest[:50]]
    assert dates == sorted(dates, reverse=True)
    by_id = corpus_library.summaries(corpus_library.query(ListQuery(sort="reference", descending=False))[:3])
    assert all(s.reference_id.startswith(("00", "01", "02")) for s in by_id.values())


def test_cross_references_and_the_release_index(corpus_library: Library) -> None:
    assert [s.reference_id for s in corpus_library.cited_by("07ROME877")] == ["07ROME1494"]
    ids = release_ids()
    if (SHARED_DATA / "cable2month.csv.gz").exists():
        assert len(ids) == 251_287
    assert "06ALMATY2872" in ids and "06ALMATY2549" in ids  # cited by the seed, in the release, not in the corpus
    assert corpus_library.key_of_reference("06ALMATY2549") is None
    assert "99NOWHERE1" not in ids


def test_reloading_a_changed_file_updates_it_and_an_unchanged_one_is_skipped(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "cable.txt"
    shutil.copy(SEED, path)
    first = import_paths(library, [str(path)])
    assert (first.cables_added, first.files_skipped) == (1, 0)
    again = import_paths(library, [str(path)])
    assert (again.cables_added, again.cables_updated, again.files_skipped) == (0, 0, 1)
    path.write_text(SEED.read_text(encoding="utf-8").replace("UNWILLING", "WILLING"), encoding="utf-8")
    changed = import_paths(library, [str(path)])
    assert changed.cables_updated == 1
    assert library.count() == 1
    cable = library.get(library.key_of_reference("06ALMATY2872"))
    assert "MFA WILLING" in cable.subject
    assert library.query(ListQuery(search="unwilling")) == []  # the old text left the index
    assert library.query(ListQuery(search="willing")) != []


def test_the_same_cable_in_two_forms_is_one_document(library: Library, tmp_path: Path) -> None:
    page = corpus_file("html-2010/06DUBLIN1020.html")
    raw = tmp_path / "06DUBLIN1020.txt"
    raw.write_bytes(extract_page(page.read_text(encoding="utf-8")).text.replace("\n", "\r\n").encode("iso-8859-1"))
    report = import_paths(library, [str(page), str(raw)])
    assert (report.cables_added, report.cables_updated) == (1, 1)
    key = library.key_of_reference("06DUBLIN1020")
    assert {(Path(p).name, f, e) for p, _row, f, e in library.sources(key)} == {
        ("06DUBLIN1020.html", "html", "utf-8"),
        ("06DUBLIN1020.txt", "text", "iso-8859-1"),
    }


def test_a_full_copy_wins_over_a_partial_extract(tmp_path: Path) -> None:
    page = corpus_file("html-2010/06DUBLIN1020.html")
    text = extract_page(page.read_text(encoding="utf-8")).text
    body_only = tmp_path / "partial.txt"
    body_only.write_text("This record is a partial extract of the original cable.\n\n" + text, encoding="utf-8")
    for order in ([page, body_only], [body_only, page]):
        library = Library(tmp_path / f"library-{order[0].name}.sqlite3")
        import_paths(library, [str(p) for p in order])
        cable = library.get(library.key_of_reference("06DUBLIN1020"))
        assert cable.partial is False and cable.source.path == str(page)
        assert len(library.sources(library.key_of_reference("06DUBLIN1020"))) == 2
        library.close()


def test_a_file_that_is_not_a_library_is_refused_and_left_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_bytes(b"my precious notes, not a database\n")
    with pytest.raises(LibraryError, match="not a Cable Reader library"):
        Library(notes)
    assert notes.read_bytes() == b"my precious notes, not a database\n"


def test_another_sqlite_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE mine(x)")
    connection.commit()
    connection.close()
    before = other.read_bytes()
    with pytest.raises(LibraryError, match="not a Cable Reader library"):
        Library(other)
    assert other.read_bytes() == before


def test_a_library_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    Library(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="newer Cable Reader"):
        Library(path)
    assert path.read_bytes() == before


def test_a_damaged_library_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(LibraryError, match=r"damaged|not a Cable Reader library"):
        Library(path)


def test_an_older_library_is_migrated_in_place(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    shutil.copy(FORMAT_2_LIBRARY, path)
    connection = sqlite3.connect(path)  # make it look like a format 1 library
    connection.execute("DROP TABLE filter_index")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()
    migrated = Library(path)
    assert migrated.query(ListQuery(text="kazakhstan")) == [migrated.key_of_reference("06ALMATY2872")]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    migrated.close()


def test_a_real_format_2_library_is_migrated_to_the_current_format(tmp_path: Path) -> None:
    """tests/data/library-format-2.sqlite3 was written by the code that landed with format 2."""
    path = tmp_path / "library.sqlite3"
    shutil.copy(FORMAT_2_LIBRARY, path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 2
    library = Library(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    assert library.count() == 5
    berlin = library.key_of_reference("08BERLIN1387")
    # The audit reads the stored model (the older parser's: it took NOFORN from the (S/NF) portion).
    assert library.findings(berlin) == ["portion-above-banner"]
    above = [library.get(k).reference_id for k in library.query(ListQuery(audit="portion-above-banner"))]
    assert sorted(above) == ["08BERLIN1387", "09TRIPOLI483"]
    assert library.query(ListQuery(search="kazakhstani detainees")) == [library.key_of_reference("06ALMATY2872")]
    assert len(library.sources(berlin)) == 2  # both releases' pages of the cable, as before
    library.close()


def test_the_filter_index_follows_updates(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "cable.txt"
    shutil.copy(SEED, path)
    import_paths(library, [str(path)])
    assert library.query(ListQuery(text="kazakhstan mfa"))
    path.write_text(SEED.read_text(encoding="utf-8").replace("KAZAKHSTAN: MFA", "KAZAKHSTAN: MINISTRY"), encoding="utf-8")
    import_paths(library, [str(path)])
    assert library.query(ListQuery(text="ministry")) and not library.query(ListQuery(text="mfa unwilling"))
    assert library.query(ListQuery(text="kz"))  # two letters: read without the trigram index


def test_documents_replaced_or_dropped_in_one_transaction_leave_none_of_their_old_words(library: Library, tmp_path: Path) -> None:
    """The full-text indexes are told a replaced document's old words when the transaction
    commits: each document's old words, once, before its new ones."""
    seed = SEED.read_text(encoding="utf-8")

    def cable_in(name: str, text: str) -> Cable:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        (cable,) = parse_file(path)
        assert isinstance(cable, Cable)
        return cable

    library.add([cable_in("first.txt", seed)])
    other_id = seed.replace("002872", "009999").replace("UNWILLING", "ZEALOUS")
    with library.transaction():
        for word in ("RELUCTANT", "HESITANT", "EAGER"):  # three versions of 06ALMATY2872, each replacing the last
            library.store(cable_in(f"{word}.txt", seed.replace("UNWILLING", word)))
        library.store(cable_in("moved.txt", other_id))  # 06ALMATY9999, then its file holds another cable:
        library.store(cable_in("moved.txt", seed.replace("UNWILLING", "OBLIGING").replace("002872", "008888")))

    assert library.key_of_reference("06ALMATY9999") is None
    for word in ("unwilling", "reluctant", "hesitant", "zealous"):
        assert library.query(ListQuery(search=word)) == [], word
        assert library.query(ListQuery(text=word)) == [], word
    for word, reference_id in (("eager", "06ALMATY2872"), ("obliging", "06ALMATY8888")):
        assert library.query(ListQuery(search=word)) == [library.key_of_reference(reference_id)]
        assert library.query(ListQuery(text=word)) == [library.key_of_reference(reference_id)]
    with sqlite3.connect(library.path) as connection:
        connection.execute("INSERT INTO search(search, rank) VALUES('integrity-check', 0)")
        connection.execute("INSERT INTO filter_index(filter_index, rank) VALUES('integrity-check', 1)")


def test_the_timeline_counts_from_an_index(corpus_library: Library) -> None:
    """The timeline's grouped count reads an index, not the cables' rows (which hold whole models)."""
    month = "strftime('%Y-%m', c.created, 'unixepoch')"
    for where, params in (("", ()), (" WHERE (c.level IN (?))", (2,))):
        sql = f"SELECT {month}, c.level, count(*) FROM cables c{where} GROUP BY 1, 2"
        plan = " ".join(row[-1] for row in corpus_library._db.execute(f"EXPLAIN QUERY PLAN {sql}", params))
        assert "COVERING INDEX" in plan, plan
    counts = corpus_library.month_counts(ListQuery(levels=frozenset({"SECRET"})))
    assert sum(sum(levels.values()) for levels in counts.values()) == len(corpus_library.query(ListQuery(levels=frozenset({"SECRET"}))))


def test_the_whole_library_timeline_counts_what_a_grouped_sql_count_counts(corpus_library: Library) -> None:
    """With no filter the timeline counts index ranges month by month; it must agree with the
    plain grouped count, month by month and level by level, unknown levels included."""
    grouped = month_counts_of(
        corpus_library._db.execute("SELECT strftime('%Y-%m', created, 'unixepoch'), level, count(*) FROM cables GROUP BY 1, 2")
    )
    counted = corpus_library.month_counts(ListQuery())
    assert counted == grouped
    assert len(counted) > 50
    assert sum(sum(levels.values()) for levels in counted.values()) == corpus_library._db.execute(
        "SELECT count(*) FROM cables WHERE created IS NOT NULL"
    ).fetchone()[0]


def test_month_bounds_cross_years_and_start_on_the_first_second_of_a_month() -> None:
    december_1975 = int(datetime(1975, 12, 31, 23, 59, tzinfo=UTC).timestamp())
    february_1976 = int(datetime(1976, 2, 1, tzinfo=UTC).timestamp())
    bounds = month_bounds(december_1975, february_1976)
    assert [(year, month) for year, month, _, _ in bounds] == [(1975, 12), (1976, 1), (1976, 2)]
    assert bounds[1][2] == bounds[0][3] == int(datetime(1976, 1, 1, tzinfo=UTC).timestamp())
    assert bounds[2][2] == february_1976


def test_a_library_opened_again_keeps_enough_of_its_pages(tmp_path: Path) -> None:
    """SQLite's default cache is 2,000 KiB: on the library's 64 KiB pages, 31 pages, fewer than one
    insert touches. Every connection, the one that makes a library and one that opens it later
    (the window's, the importer's), holds CACHE_KIB of pages."""
    path = tmp_path / "library.sqlite3"
    Library(path).close()
    for library in (Library(path), Library(path)):
        pages = library._db.execute("PRAGMA page_size").fetchone()[0]
        assert library._db.execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
        assert CACHE_KIB * 1024 // pages >= 500
        library.close()


_WRITE_160_MIB = """
import os, sys
from reader.library.library import Library
def rss_kib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
library = Library(sys.argv[1])
library._db.execute("CREATE TABLE scratch(blob BLOB)")
before = rss_kib()
for _ in range(10):
    with library.transaction() as db:
        db.executemany("INSERT INTO scratch VALUES (?)", ((os.urandom(16 * 1024),) for _ in range(1024)))
print(rss_kib() - before)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads its memory from /proc")
def test_a_new_library_holds_no_more_pages_than_its_cache(tmp_path: Path) -> None:
    """The cache is sized in KiB, and a new library's pages are sized after the connection opens:
    sized at SQLite's first 4 KiB, the cache held sixteen times as many 64 KiB pages (512 MiB), and
    an import's memory grew by every page it wrote. Writing 160 MiB now leaves it within the cache."""
    result = subprocess.run(
        [sys.executable, "-c", _WRITE_160_MIB, str(tmp_path / "new.sqlite3")], cwd=REPO, capture_output=True, text=True, check=True
    )
    grown_kib = int(result.stdout.strip())
    assert grown_kib < CACHE_KIB + 32 * 1024, f"memory grew by {grown_kib // 1024} MiB writing 160 MiB"
