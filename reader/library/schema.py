"""Opening a library file safely: create it, or check that it is ours and not newer.

A file that is not a Cable Reader library, is corrupt, or was written by a newer
version is refused with a clear message and never touched.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from reader.library.sqlite import sqlite3

SCHEMA_VERSION = 8
APPLICATION_ID = 0x43424C52  # "CBLR"
SQLITE_HEADER = b"SQLite format 3\x00"

SEARCH_TABLE = "CREATE VIRTUAL TABLE search USING fts5(body, subject, content='', tokenize='unicode61 remove_diacritics 2')"
"""The full-text index of every cable's paragraphs and subject, body first. FTS5 marks each
word's positions in any column but the first with the column's number: with the subject
first, two bytes for nearly every word of every cable. Body first, the index of the release
is a quarter smaller (954 against 725 MiB), no slower to fill, and ranks the same. Its ranking
weighs a word in the subject four times one in the body (``list_sql.RANK``)."""

LABELS_TABLE = (
    "CREATE TABLE labels(term TEXT NOT NULL, created REAL NOT NULL, cable_id INTEGER NOT NULL,"
    " PRIMARY KEY(term, created, cable_id)) WITHOUT ROWID"
)
"""Each control and tag of each cable, dated, so that one of them lists its cables newest first from
this table alone. A cable's labels are deleted by this key, from the controls and tags columns of
its row (``records.labels_in_columns``), so no second index by cable is kept: on the release that
index was 36 MiB, as large as the table. Nor does the table refer to ``cables``: deleting a cable
would then look for its labels by cable, through every row."""

FILTER_TEXT = (
    "coalesce({t}reference_id, '') || ' ' || coalesce({t}origin, '') || ' ' || coalesce({t}subject, '')"
    " || replace({t}tags, ' | ', ' ')"
)
"""What the list's filter box matches, made from a row of ``cables`` (``{t}``: its alias and a dot):
reference id, origin, subject, and the tags as spelled and as written (``HUMAN_RIGHTS``: the box's
words are matched as parts of words, so "human" and "rights" find it, and so does "human_rights").
No case is folded: the trigram index folds it (Unicode letters too), and LIKE folds ASCII."""

FILTER_VIEW = f"CREATE VIEW filter_view AS SELECT id, {FILTER_TEXT.format(t='')} AS filter_text FROM cables"
FILTER_INDEX = (
    "CREATE VIRTUAL TABLE filter_index USING fts5(filter_text, content='filter_view', content_rowid='id', tokenize='trigram')"
)
"""The trigram index of the filter text, whose text is the view's: made from the row's own columns,
it is not stored again. A column of it was 34 MiB of the release's library, a sixth of it tags
written twice. An insert and a delete both read the view, so both name the same text."""

DDL = f"""
CREATE TABLE cables(
    id INTEGER PRIMARY KEY,
    identity TEXT NOT NULL UNIQUE,
    reference_id TEXT,
    created REAL,
    origin TEXT,
    classification TEXT,
    level INTEGER NOT NULL DEFAULT -1,
    controls TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    subject TEXT,
    sort_ref TEXT,
    score INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE documents(
    id INTEGER PRIMARY KEY REFERENCES cables(id) ON DELETE CASCADE,
    body BLOB NOT NULL
);
CREATE TABLE sources(
    path TEXT NOT NULL,
    row INTEGER NOT NULL DEFAULT 0,
    cable_id INTEGER NOT NULL REFERENCES cables(id) ON DELETE CASCADE,
    format TEXT,
    encoding TEXT,
    size INTEGER,
    mtime REAL,
    text BLOB,
    text_in_document INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY(path, row)
);
CREATE INDEX sources_cable ON sources(cable_id);
CREATE TABLE refs(
    cable_id INTEGER NOT NULL REFERENCES cables(id) ON DELETE CASCADE,
    cited TEXT NOT NULL
);
CREATE INDEX refs_cable ON refs(cable_id);
CREATE TABLE findings(
    cable_id INTEGER NOT NULL REFERENCES cables(id) ON DELETE CASCADE,
    code TEXT NOT NULL
);
CREATE INDEX findings_cable ON findings(cable_id);
{LABELS_TABLE};
{SEARCH_TABLE};
{FILTER_VIEW};
{FILTER_INDEX};
CREATE TABLE imports(
    path TEXT PRIMARY KEY,
    size INTEGER,
    mtime REAL,
    rows_done INTEGER NOT NULL DEFAULT 0,
    finished INTEGER NOT NULL DEFAULT 0
);
"""


class LibraryError(Exception):
    """A library that cannot be opened; the message is one clear sentence for the user."""


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise LibraryError(f"The library {path} cannot be read: {exc.strerror or exc}.") from exc
    if head and head != SQLITE_HEADER:
        raise LibraryError(f"{path} is not a Cable Reader library (not an SQLite database); it was left untouched.")


def stored_format(path: Path) -> int | None:
    """The format of an existing library file, read without changing it (None: no such file, or not one)."""
    path = Path(path)
    if not path.is_file():
        return None
    try:
        _check_header(path)
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return None
            return connection.execute("PRAGMA user_version").fetchone()[0]
        finally:
            connection.close()
    except (LibraryError, sqlite3.DatabaseError):
        return None


BUSY_SECONDS = 30.0
"""How long to wait for another window's write (or upgrade) before saying the library is busy."""


def library_error(path: Path, exc: sqlite3.DatabaseError) -> LibraryError:
    """What stopped an opening or a write, in the user's terms: a locked library is busy, a full
    disk or a file that may not be written is not damaged (what failed is rolled back whole)."""
    if "locked" in str(exc) or "busy" in str(exc):
        return LibraryError(
            f"The library {path} is busy: another Cable Reader is upgrading or writing it. "
            "Try again when it is done; it was left untouched."
        )
    if "disk is full" in str(exc):
        return LibraryError(
            f"There is not enough free disk space to write to the library {path}: what it held before "
            "stays as it was. Free some space and try again."
        )
    if "disk I/O error" in str(exc):  # also a file that may grow no more (a quota, a size limit)
        return LibraryError(
            f"The library {path} could not be written or read (disk I/O error): is the disk full, or failing? "
            "What it held before stays as it was."
        )
    if "readonly" in str(exc) or "unable to open" in str(exc):
        return LibraryError(
            f"The library {path} cannot be opened for writing ({exc}): is it on a read-only disk, "
            "or in a folder you may not write to? It was left untouched."
        )
    return LibraryError(f"The library {path} is damaged ({exc}); it was left untouched.")


CACHE_KIB = 32 * 1024
"""Each connection keeps up to 32 MiB of the library's pages. SQLite's default is 2,000 KiB, which
on 64 KiB pages (``PAGE_SIZE``) is 31 pages: fewer than one cable's insert touches across its
tables, nine list indexes and two full-text indexes. Storing a release row then took 119 µs
in a library opened anew against 58 µs with this cache (64 MiB: no faster). A cache is sized in
pages of the size the file has when it is set: the connection that made a new library sized
SQLite's default in 4 KiB pages, 500 of them, then held 500 of 64 KiB, which is why a fresh
import never showed it; the window's imports, into the library it opened at start, always did.
So ``_create`` sets the size again once the page size is the library's (set only before, the
new library's cache grew to 512 MiB). Pages are held only once read."""


def open_library_database(path: Path) -> sqlite3.Connection:
    """Open (creating if need be) the library at ``path``, in WAL mode, autocommit."""
    path = Path(path)
    if path.exists():
        _check_header(path)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        connection = sqlite3.connect(str(path), timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
        connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise library_error(path, exc) from exc
    try:
        if tables == 0 and application_id == 0:
            _create(connection)
        elif application_id != APPLICATION_ID:
            raise LibraryError(f"{path} is an SQLite database but not a Cable Reader library; it was left untouched.")
        elif version > SCHEMA_VERSION:
            raise LibraryError(
                f"The library {path} was written by a newer Cable Reader (library format {version}; "
                f"this version reads up to {SCHEMA_VERSION}); it was left untouched."
            )
        elif version < SCHEMA_VERSION:
            _migrate(connection, version)
            if version < 6:  # a large table was rewritten (3 -> 4, 5 -> 6)
                _give_back_space(connection)
    except LibraryError:
        connection.close()
        raise
    except sqlite3.DatabaseError as exc:
        connection.close()
        raise library_error(path, exc) from exc
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    ensure_list_indexes(connection, wait=False)
    return connection


LIST_INDEXES: dict[str, str] = {
    "cables_reference": "CREATE INDEX IF NOT EXISTS cables_reference ON cables(reference_id)",
    "cables_origin_created": "CREATE INDEX IF NOT EXISTS cables_origin_created ON cables(origin COLLATE NOCASE, created)",
    "cables_created_level": "CREATE INDEX IF NOT EXISTS cables_created_level ON cables(created, level)",
    "cables_level_created": "CREATE INDEX IF NOT EXISTS cables_level_created ON cables(level, created)",
    "cables_sort_ref": "CREATE INDEX IF NOT EXISTS cables_sort_ref ON cables(sort_ref)",
    "cables_subject": "CREATE INDEX IF NOT EXISTS cables_subject ON cables(subject COLLATE NOCASE)",
    "cables_narrow": "CREATE INDEX IF NOT EXISTS cables_narrow ON cables(id, created, level)",
    "refs_cited": "CREATE INDEX IF NOT EXISTS refs_cited ON refs(cited)",
    "findings_code": "CREATE INDEX IF NOT EXISTS findings_code ON findings(code, cable_id)",
}
"""The indexes that only the list's sorts, filters and timeline read, never an import's own
lookups. A bulk import into a small library drops them and builds them at its end
(``Library.list_indexes_deferred``): built in one go, each is written page after page at the
end of the file, where rows inserted one by one scatter its pages among the documents and a
cold disk then reads them one seek at a time."""


def analyze(connection: sqlite3.Connection) -> None:
    """Refresh the statistics the query planner chooses indexes by, from a sample of each index
    (``analysis_limit``): the whole release's take under a second when its pages are cached."""
    connection.execute("PRAGMA analysis_limit = 2000")
    connection.execute("ANALYZE")


OPENING_WAIT_MS = 200
"""How long an opening waits for the write lock to build missing list indexes: held, an import
is running, and it builds them itself at its end."""


def ensure_list_indexes(connection: sqlite3.Connection, wait: bool = True) -> bool:
    """Build any list index that is missing (an import that deferred them is running, or stopped
    before its end); whether any was built. ``wait=False`` (an opening) gives up at once when
    another process writes: that is the running import. A read-only library is left as it is:
    its lists are only slower."""
    present = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    missing = [statement for name, statement in LIST_INDEXES.items() if name not in present]
    if not missing:
        return False
    if not wait:
        connection.execute(f"PRAGMA busy_timeout = {OPENING_WAIT_MS}")
    try:
        connection.execute("BEGIN IMMEDIATE")
        for statement in missing:
            connection.execute(statement)
        analyze(connection)
        connection.execute("COMMIT")
    except sqlite3.OperationalError:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        return False
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
    return True


class Setting(str):
    """A migration step that changes a setting, not a table: instant at any size, so an upgrade
    made of such steps alone needs no dialog."""


Step = str | Callable[[sqlite3.Connection], None]

FULL_TEXT_MERGES = Setting("INSERT INTO search(search, rank) VALUES('automerge', 8)")
"""FTS5 merges a level's segments once 8 of them are there (its default: 4). A bulk import then
rewrites each word's postings fewer times: inserting 80,000 release rows into the index alone
cost 0.59 ms a row against 0.70, for an index 0.6% smaller and searches no slower (bm25's work
on each match, not the number of segments, is what a search costs)."""

PAGE_SIZE = 65536
"""A new library's pages are 64 KiB, SQLite's largest. A cable's document is 0.5 to 8 KiB: on 4 KiB
pages most of them stood one to a page and left a quarter of the table's pages empty (160 MiB of
the release's 1,134). On 64 KiB pages the release's library is 2.02 GiB instead of 2.16, and a cold
disk reads each index in fewer, longer reads: cold, the list's filters took 0.3 to 1.1 times as
long (three runs of bench_filters), warm the same; searches are as fast. An empty library is
2 MiB. A library made before keeps its pages: their size changes only by rewriting the file."""

FULL_TEXT_PAGES = (
    Setting("INSERT INTO search(search, rank) VALUES('pgsz', 65000)"),
    Setting("INSERT INTO filter_index(filter_index, rank) VALUES('pgsz', 65000)"),
)
"""The full-text indexes' leaves fill a 64 KiB page (FTS5's default, 4,050 bytes, suits 4 KiB pages)."""

MIGRATIONS: dict[int, tuple[Step, ...]] = {
    # 1 -> 2: a trigram index of the list's filter text, so that filtering 251,287 rows is instant.
    1: (
        "CREATE VIRTUAL TABLE filter_index USING fts5(filter_text, content='cables', content_rowid='id', tokenize='trigram')",
        "INSERT INTO filter_index(filter_index) VALUES('rebuild')",
    ),
    # 2 -> 3: the marking audit's findings of every cable, so that the audit: filter is instant; indexes
    # that hold what the timeline counts (month and level), so that it counts 251,287 rows from them.
    2: (
        "CREATE INDEX IF NOT EXISTS cables_created_level ON cables(created, level)",
        "CREATE INDEX IF NOT EXISTS cables_level_created ON cables(level, created)",
        "CREATE TABLE findings(cable_id INTEGER NOT NULL REFERENCES cables(id) ON DELETE CASCADE, code TEXT NOT NULL)",
        "CREATE INDEX findings_code ON findings(code, cable_id)",
        "CREATE INDEX findings_cable ON findings(cable_id)",
        lambda connection: audit_every_cable(connection),
    ),
    # 3 -> 4: each text stored once. The model leaves the list's table for a documents table
    # (so that scanning the list reads no text); a document then carries its source text too,
    # compressed with it. Stored texts are read in either form and are not rewritten here.
    # Controls and tags become indexed labels, dated, so that one of them lists its cables newest
    # first from its index alone (the table is filled by 6 -> 7, which makes it in its last form);
    # a narrow index of (id, created, level) sorts the ids other filters find without reading the table.
    3: (
        "CREATE TABLE documents(id INTEGER PRIMARY KEY REFERENCES cables(id) ON DELETE CASCADE, body BLOB NOT NULL)",
        "INSERT INTO documents(id, body) SELECT id, model FROM cables",
        "ALTER TABLE cables DROP COLUMN model",
        "ALTER TABLE sources ADD COLUMN text_in_document INTEGER NOT NULL DEFAULT 0",
        LABELS_TABLE,
        "DROP INDEX IF EXISTS cables_created",
        "DROP INDEX IF EXISTS cables_level",
        "DROP INDEX IF EXISTS cables_origin",
        "CREATE INDEX cables_origin_created ON cables(origin COLLATE NOCASE, created)",
        "CREATE INDEX cables_narrow ON cables(id, created, level)",
        "ANALYZE",
    ),
    # 4 -> 5: documents and source texts are compressed with zstd and a dictionary of cables
    # (reader/library/compression.py): a fifth smaller, three times faster. Nothing is rewritten;
    # what format 4 stored is still read. The number changes so that an older version, which
    # could not read the new documents, refuses the library instead. The full-text index merges
    # its segments eight at a time from now on (FULL_TEXT_MERGES).
    4: (FULL_TEXT_MERGES,),
    # 5 -> 6: the full-text index holds the body before the subject (SEARCH_TABLE): a quarter smaller.
    # It is made again from every stored document, the words each one was indexed with.
    5: (lambda connection: index_full_text_body_first(connection),),
    # 6 -> 7: the labels lose their index by cable, and their reference to the cables (LABELS_TABLE),
    # and are made again from the controls and tags columns, by the rule a later delete follows.
    # The filter text is no longer a column: the trigram index is made again over a view of the row.
    6: (
        lambda connection: label_again(connection),
        lambda connection: index_filter_text_of_view(connection),
    ),
    # 7 -> 8: a document's paragraph texts are written as runs of its source's words, not written
    # out again (reader/library/source_spans.py): documents 6% smaller. Nothing is rewritten
    # (compacting rewrites the old documents); what format 7 stored is still read. The number
    # changes so that an older version, which could not read the new documents, refuses the library.
    7: (),
}


def upgrade_rewrites(version: int) -> bool:
    """Whether bringing a library of ``version`` up to date rewrites its tables (or only changes
    its number and settings, at once)."""
    return any(not isinstance(step, Setting) for v in range(version, SCHEMA_VERSION) for step in MIGRATIONS[v])


def label_every_cable(connection: sqlite3.Connection) -> None:
    """Fill the labels table from the controls and tags columns (no document is unpacked)."""
    from reader.library.records import label_date, labels_in_columns  # the rules an import follows

    rows = connection.execute("SELECT id, created, controls, tags FROM cables")
    while batch := rows.fetchmany(5000):
        labels = []
        for key, created, controls, tags in batch:
            labels.extend((term, label_date(created), key) for term in labels_in_columns(controls, tags))
        connection.executemany("INSERT OR IGNORE INTO labels(term, created, cable_id) VALUES (?, ?, ?)", labels)


def label_again(connection: sqlite3.Connection) -> None:
    """The labels table of LABELS_TABLE, made again: what an older version inserted is then
    exactly what a delete by ``labels_in_columns`` finds."""
    connection.execute("DROP TABLE labels")  # and its index by cable
    connection.execute(LABELS_TABLE)
    label_every_cable(connection)


def index_filter_text_of_view(connection: sqlite3.Connection) -> None:
    """The trigram index made again over FILTER_VIEW, and the filter text column dropped."""
    pages = connection.execute("SELECT v FROM filter_index_config WHERE k = 'pgsz'").fetchone()
    connection.execute("DROP TABLE filter_index")
    connection.execute("ALTER TABLE cables DROP COLUMN filter_text")
    connection.execute(FILTER_VIEW)
    connection.execute(FILTER_INDEX)
    if pages:  # a library of 64 KiB pages keeps its index's leaves (FULL_TEXT_PAGES)
        connection.execute("INSERT INTO filter_index(filter_index, rank) VALUES('pgsz', ?)", pages)
    connection.execute("INSERT INTO filter_index(filter_index) VALUES('rebuild')")


def audit_every_cable(connection: sqlite3.Connection) -> None:
    """Fill the findings table from every stored cable (a library made before the audit)."""
    from reader.library.findings import findings_rows  # the codec and the audit: imported only to migrate

    rows = connection.execute("SELECT id, model FROM cables")
    while batch := rows.fetchmany(2000):
        connection.executemany("INSERT INTO findings(cable_id, code) VALUES (?, ?)", findings_rows(batch))


def index_full_text_body_first(connection: sqlite3.Connection) -> None:
    """Make the full-text index again in the order of SEARCH_TABLE, from each document's subject
    and paragraphs: what an import indexed it with, and what a later replacement deletes."""
    from reader.library.packing import model_json  # the codec: imported only to migrate
    from reader.library.records import indexed_text

    connection.execute("DROP TABLE search")
    connection.execute(SEARCH_TABLE)
    connection.execute(FULL_TEXT_MERGES)
    documents = connection.execute("SELECT id, body FROM documents ORDER BY id")
    while batch := documents.fetchmany(1000):
        rows = [(key, *indexed_text(model_json(blob))) for key, blob in batch]
        connection.executemany("INSERT INTO search(rowid, subject, body) VALUES (?, ?, ?)", rows)


def _migrate(connection: sqlite3.Connection, version: int) -> None:
    """Bring an older library up to this version, one step a transaction."""
    while version < SCHEMA_VERSION:
        connection.execute("BEGIN IMMEDIATE")
        try:
            current = connection.execute("PRAGMA user_version").fetchone()[0]
            if current == version:  # another window may have migrated it meanwhile
                for step in MIGRATIONS[version]:
                    if callable(step):
                        step(connection)
                    else:
                        connection.execute(step)
                connection.execute(f"PRAGMA user_version = {version + 1}")
            connection.execute("COMMIT")
        except sqlite3.DatabaseError:
            if connection.in_transaction:  # a full disk has SQLite roll back by itself
                connection.execute("ROLLBACK")
            raise
        version = connection.execute("PRAGMA user_version").fetchone()[0]


def _give_back_space(connection: sqlite3.Connection) -> None:
    """After an upgrade rewrote a large table, rewrite the file so that the space the old one held
    is returned, and the new one lies in order: moving every document out of the list's table
    (3 -> 4) grew a release-sized library by a third (3.5 -> 4.7 GB), and a full-text index made
    again (5 -> 6) would leave the old one's pages free and the new one's scattered among them.
    It needs as much free disk as the library; without it the library is sound, only larger,
    so a failure here is not an error."""
    with contextlib.suppress(sqlite3.DatabaseError):
        connection.execute("VACUUM")


def _create(connection: sqlite3.Connection) -> None:
    connection.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # the file is empty: this takes
    connection.execute("BEGIN IMMEDIATE")
    try:
        if connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:  # not made by another window
            for statement in DDL.split(";"):
                if statement.strip():
                    connection.execute(statement)
            for statement in LIST_INDEXES.values():
                connection.execute(statement)
            for setting in (FULL_TEXT_MERGES, *FULL_TEXT_PAGES):
                connection.execute(setting)
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except sqlite3.DatabaseError:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    # The cache was sized in the 4 KiB pages the file had when it was opened: sized again in the
    # library's own, or it would hold sixteen times as many of them (512 MiB).
    connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
