"""The persistent library: every loaded cable's model and source text in SQLite, with FTS5.

One document per cable (its reference id): the same cable from two files, two
releases or two forms is one document listing both sources. Writes happen in
transactions, in WAL mode, so a crash or a second window never corrupts it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from reader.library.fts import parse_search, snippet
from reader.library.list_sql import list_query_sql, month_counts_sql
from reader.library.packing import (
    document_source,
    model_json,
    pack_text,
    paragraph_texts,
    same_but_path,
    unpack_cable,
    unpack_text,
)
from reader.library.query import ListQuery, MonthCounts, SearchHit, Summary, month_bounds, month_counts_of
from reader.library.records import CableRecord, body_text, indexed_text, label_date, labels_in_columns, record_of
from reader.library.schema import LIST_INDEXES, analyze, ensure_list_indexes, open_library_database
from reader.library.sqlite import sqlite3
from reader.library.tag_filter import normalised_tags_in_column
from reader.library.versions import parse_source
from reader.model import LEVELS, Cable


class Library:
    """A library file. Use one instance per thread; SQLite serialises the writers."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = open_library_database(self.path)
        self._lock = threading.RLock()
        # Full-text rows wait here until the transaction commits. FTS5 writes out what it holds
        # whenever another statement opens a savepoint, so written one by one, in between the
        # other tables' rows, each cable became a segment of its own: slow to write, large on
        # disk, slow to search. Written together, a transaction makes one segment. So are the
        # deletions of a replaced document's words: told to FTS5 at once, each was written out
        # by the next statement's savepoint, 1 ms a replaced cable in the release's library.
        self._unwritten_search: dict[int, tuple[str, str]] = {}
        self._unwritten_filter: set[int] = set()
        self._unwritten_search_deletes: list[tuple[int, str, str]] = []
        self._unwritten_filter_deletes: list[tuple[int, str]] = []

    def close(self) -> None:
        self._db.close()

    def interrupt(self) -> None:
        """Stop the statement this connection is running, from another thread (its caller gets
        sqlite3.OperationalError "interrupted"): a list query nobody waits for any more."""
        self._db.interrupt()

    # -- writing ------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._write_full_text()
            except BaseException:
                self._forget_full_text()
                if self._db.in_transaction:  # a full disk has SQLite roll back by itself
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def begin(self) -> None:
        """Open a write transaction unless one is open (for long imports; see also ``transaction``)."""
        with self._lock:
            if not self._db.in_transaction:
                self._db.execute("BEGIN IMMEDIATE")

    def abandon(self) -> None:
        """Give up the open write transaction, if SQLite has not already (as it may on a full disk)."""
        with self._lock:
            self._forget_full_text()
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")

    def commit(self) -> None:
        with self._lock:
            if self._db.in_transaction:
                self._write_full_text()
                self._db.execute("COMMIT")

    def _write_full_text(self) -> None:
        # The deletions first: a replaced document's old words go before its new ones come.
        if self._unwritten_search_deletes:
            self._db.executemany(
                "INSERT INTO search(search, rowid, subject, body) VALUES ('delete', ?, ?, ?)", self._unwritten_search_deletes
            )
        if self._unwritten_filter_deletes:
            self._db.executemany(
                "INSERT INTO filter_index(filter_index, rowid, filter_text) VALUES ('delete', ?, ?)", self._unwritten_filter_deletes
            )
        if self._unwritten_search:
            self._db.executemany(
                "INSERT INTO search(rowid, subject, body) VALUES (?, ?, ?)",
                [(key, subject, body) for key, (subject, body) in self._unwritten_search.items()],
            )
        if self._unwritten_filter:
            # (VALUES, not INSERT ... SELECT: into a virtual table, that goes through a temporary table, 4x slower)
            self._db.executemany(
                "INSERT INTO filter_index(rowid, filter_text) VALUES (?1, (SELECT filter_text FROM filter_view WHERE id = ?1))",
                [(key,) for key in self._unwritten_filter],
            )
        self._forget_full_text()

    def _forget_full_text(self) -> None:
        self._unwritten_search.clear()
        self._unwritten_filter.clear()
        self._unwritten_search_deletes.clear()
        self._unwritten_filter_deletes.clear()

    @contextmanager
    def list_indexes_deferred(self, building: Callable[[], None] = lambda: None) -> Iterator[None]:
        """For a bulk import: the list's indexes dropped now and built again at the end, in one go
        each (see ``schema.LIST_INDEXES``), even if the import fails; ``building`` is called
        before (the release's take about 13 s). Should the process die first, the next opening
        of the library builds them."""
        with self.transaction() as db:
            for name in LIST_INDEXES:
                db.execute(f"DROP INDEX IF EXISTS {name}")
        try:
            yield
        finally:
            self.commit()
            building()
            with self._lock:
                ensure_list_indexes(self._db)

    def analyze(self) -> None:
        """Refresh the statistics the query planner chooses indexes by (after a large import)."""
        with self._lock:
            analyze(self._db)

    def release_state(self, path: str) -> tuple[int, float, int, bool] | None:
        """(size, mtime, last line committed, finished) of a release CSV import, if one began."""
        with self._lock:
            row = self._db.execute("SELECT size, mtime, rows_done, finished FROM imports WHERE path = ?", (path,)).fetchone()
        return (row[0], row[1], row[2], bool(row[3])) if row else None

    def mark_release(self, path: str, size: int, mtime: float, rows_done: int, finished: bool) -> None:
        """Record how far a release CSV import got; call inside the transaction of those rows."""
        self._db.execute(
            "INSERT INTO imports(path, size, mtime, rows_done, finished) VALUES (?,?,?,?,?)"
            " ON CONFLICT(path) DO UPDATE SET size=excluded.size, mtime=excluded.mtime,"
            " rows_done=excluded.rows_done, finished=excluded.finished",
            (path, size, mtime, rows_done, int(finished)),
        )

    def store(
        self, cable: Cable, source_text: bytes | None = None, size: int | None = None, mtime: float | None = None
    ) -> tuple[int, bool]:
        """Insert or update one cable and its source; call inside ``transaction()``.

        Returns (key, whether the document is new)."""
        return self.store_record(record_of(cable, source_text), size, mtime)

    def store_record(self, record: CableRecord, size: int | None = None, mtime: float | None = None) -> tuple[int, bool]:
        """``store`` for a record made beforehand (in a worker process, during an import)."""
        db = self._db
        path, row = record.path, record.row
        previous = db.execute(
            "SELECT s.cable_id, c.identity FROM sources s JOIN cables c ON c.id = s.cable_id WHERE s.path = ? AND s.row = ?",
            (path, row),
        ).fetchone()
        if previous and previous[1] != record.identity:
            # The file now holds another cable: detach it from the old document.
            db.execute("DELETE FROM sources WHERE path = ? AND row = ?", (path, row))
            if not db.execute("SELECT 1 FROM sources WHERE cable_id = ?", (previous[0],)).fetchone():
                self._delete_document(previous[0])
        existing = db.execute("SELECT id, score FROM cables WHERE identity = ?", (record.identity,)).fetchone()
        text_in_document = record.has_source
        if existing is None:
            key = db.execute(
                "INSERT INTO cables(identity, reference_id, created, origin, classification, level, controls, tags,"
                " subject, sort_ref, score) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (record.identity, *record.columns),
            ).lastrowid
            db.execute("INSERT INTO documents(id, body) VALUES (?, ?)", (key, record.document))
            self._index(key, record)
            is_new = True
        else:
            key, old_score = existing
            is_new = False
            old_document = self._document(key) if record.score >= old_score else None
            if old_document is None:
                text_in_document = False  # a lesser copy: the document keeps the better one's model
            elif not (record.has_source and same_but_path(old_document, record.document)):
                # (A byte-identical copy of the stored source needs nothing: the document is this file's too.)
                self._unindex(key, old_document)
                self._keep_texts_of(key, old_document, (path, row))
                db.execute(
                    "UPDATE cables SET reference_id=?, created=?, origin=?, classification=?, level=?, controls=?,"
                    " tags=?, subject=?, sort_ref=?, score=? WHERE id=?",
                    (*record.columns, key),
                )
                db.execute("UPDATE documents SET body = ? WHERE id = ?", (record.document, key))
                self._index(key, record)
        own_text = None
        if record.has_source and not text_in_document:
            own_text = pack_text(document_source(record.document) or b"")
        db.execute(
            "INSERT INTO sources(path, row, cable_id, format, encoding, size, mtime, text, text_in_document)"
            " VALUES (?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(path, row) DO UPDATE SET cable_id=excluded.cable_id, format=excluded.format,"
            " encoding=excluded.encoding, size=excluded.size, mtime=excluded.mtime, text=excluded.text,"
            " text_in_document=excluded.text_in_document",
            (path, row, key, record.format, record.encoding, size, mtime, own_text, int(text_in_document)),
        )
        return key, is_new

    def _document(self, key: int) -> bytes:
        return self._db.execute("SELECT body FROM documents WHERE id = ?", (key,)).fetchone()[0]

    def _keep_texts_of(self, key: int, document: bytes, replacing: tuple[str, int]) -> None:
        """Before a document is replaced: a source whose text it carried keeps that text on its own."""
        others = [
            (path, row)
            for path, row in self._db.execute("SELECT path, row FROM sources WHERE cable_id = ? AND text_in_document = 1", (key,))
            if (path, row) != replacing
        ]
        if not others:  # the usual case: nothing to unpack
            return
        text = document_source(document)
        for path, row in others:
            self._db.execute(
                "UPDATE sources SET text = ?, text_in_document = 0 WHERE path = ? AND row = ?",
                (pack_text(text) if text is not None else None, path, row),
            )

    def _index(self, key: int, record: CableRecord) -> None:
        db = self._db
        self._unwritten_search[key] = (record.subject, record.body)
        self._unwritten_filter.add(key)
        db.executemany("INSERT INTO refs(cable_id, cited) VALUES (?, ?)", [(key, c) for c in record.cited])
        db.executemany("INSERT INTO findings(cable_id, code) VALUES (?, ?)", [(key, c) for c in record.findings])
        created = label_date(record.created)
        db.executemany(
            "INSERT OR IGNORE INTO labels(term, created, cable_id) VALUES (?, ?, ?)", [(t, created, key) for t in record.labels]
        )

    def _unindex(self, key: int, document: bytes) -> None:
        """Take a document out of every index. The full-text indexes are told the words it held
        when the transaction commits (see ``__init__``): its words are read now, before its row
        changes. (A document whose words are not written yet has none to take out: at most one
        deletion a document waits, and it goes before any words written for it again.)"""
        db = self._db
        if self._unwritten_search.pop(key, None) is None:
            subject, body = indexed_text(model_json(document))  # the words it held, without building the Cable
            self._unwritten_search_deletes.append((key, subject, body))
        if key in self._unwritten_filter:
            self._unwritten_filter.discard(key)
        else:
            (text,) = db.execute("SELECT filter_text FROM filter_view WHERE id = ?", (key,)).fetchone()
            self._unwritten_filter_deletes.append((key, text))
        for table in ("refs", "findings"):
            db.execute(f"DELETE FROM {table} WHERE cable_id = ?", (key,))
        created, controls, tags = db.execute("SELECT created, controls, tags FROM cables WHERE id = ?", (key,)).fetchone()
        db.executemany(
            "DELETE FROM labels WHERE term = ? AND created = ? AND cable_id = ?",
            [(term, label_date(created), key) for term in labels_in_columns(controls, tags)],
        )

    def _delete_document(self, key: int) -> None:
        row = self._db.execute("SELECT body FROM documents WHERE id = ?", (key,)).fetchone()
        if row:
            self._unindex(key, row[0])
        self._db.execute("DELETE FROM cables WHERE id = ?", (key,))

    def add(self, cables: Iterable[Cable]) -> tuple[list[int], list[int]]:
        """Store cables (the CableStore interface); returns (new keys, updated keys)."""
        added: list[int] = []
        replaced: list[int] = []
        with self.transaction():
            for cable in cables:
                key, is_new = self.store(cable)
                (added if is_new else replaced).append(key)
        return added, replaced

    # -- reading ------------------------------------------------------------------------

    def count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM cables").fetchone()[0]

    def get(self, key: int) -> Cable:
        with self._lock:
            row = self._db.execute("SELECT body FROM documents WHERE id = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return unpack_cable(row[0])

    def key_of_reference(self, reference_id: str) -> int | None:
        with self._lock:
            row = self._db.execute("SELECT id FROM cables WHERE identity = ?", (reference_id,)).fetchone()
        return row[0] if row else None

    def key_of_source(self, cable: Cable) -> int | None:
        with self._lock:
            row = self._db.execute(
                "SELECT cable_id FROM sources WHERE path = ? AND row = ?", (cable.source.path, cable.source.row or 0)
            ).fetchone()
        return row[0] if row else None

    def query(self, query: ListQuery, limit: int | None = None) -> list[int]:
        """Keys of the matching cables, in the asked order (the first ``limit`` of them)."""
        sql, params = list_query_sql(query, limit)
        with self._lock:
            return [row[0] for row in self._db.execute(sql, params)]

    def query_plan(self, query: ListQuery) -> list[str]:
        """SQLite's plan for a list query, one step a line (to check that filters search indexes)."""
        sql, params = list_query_sql(query)
        with self._lock:
            return [row[3] for row in self._db.execute("EXPLAIN QUERY PLAN " + sql, params)]

    def month_counts(self, query: ListQuery) -> MonthCounts:
        """Cables per month and level for a query (filters and search): one grouped query."""
        counted = month_counts_sql(query)
        if counted is None:
            return self._month_counts_of_everything()
        sql, params = counted
        with self._lock:
            return month_counts_of(self._db.execute(sql, params))

    def _month_counts_of_everything(self) -> MonthCounts:
        """The whole library's timeline as one counted range of the (level, created) index per
        month and level: grouping every row by a computed month sorts them all (170 ms on the
        release), counting index ranges does not (about 50 ms)."""
        with self._lock:
            first, last = self._db.execute("SELECT min(created), max(created) FROM cables").fetchone()
            if first is None:
                return {}
            bounds = month_bounds(first, last)
            # Integers of our own making, inlined: the release's 537 months would pass SQLite's
            # older limit of 999 bound parameters.
            months = ",".join(f"({index}, {start}, {stop})" for index, (_, _, start, stop) in enumerate(bounds))
            ranks = ",".join(f"({rank})" for rank in range(-1, len(LEVELS)))
            sql = (
                f"WITH months(number, start, stop) AS (VALUES {months}), ranks(rank) AS (VALUES {ranks})"
                " SELECT months.number, ranks.rank, (SELECT count(*) FROM cables c INDEXED BY cables_level_created"
                " WHERE c.level = ranks.rank AND c.created >= months.start AND c.created < months.stop)"
                " FROM months, ranks"
            )
            rows = self._db.execute(sql).fetchall()
        counts: MonthCounts = {}
        for index, rank, count in rows:
            if count:
                year, month = bounds[index][:2]
                level = LEVELS[rank] if 0 <= rank < len(LEVELS) else None
                counts.setdefault((year, month), {})[level] = count
        return counts

    def summaries(self, keys: Iterable[int]) -> dict[int, Summary]:
        keys = list(keys)
        found: dict[int, Summary] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                rows = self._db.execute(
                    "SELECT c.id, c.reference_id, c.created, c.origin, c.classification, c.controls, c.subject, c.tags,"
                    " (SELECT path FROM sources s WHERE s.cable_id = c.id LIMIT 1)"
                    f" FROM cables c WHERE c.id IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
                for key, refid, created, origin, level, controls, subject, tags, path in rows:
                    found[key] = Summary(
                        key=key,
                        reference_id=refid,
                        created=datetime.fromtimestamp(created, tz=UTC) if created is not None else None,
                        origin=origin,
                        classification=level,
                        controls=tuple(controls.split()),
                        subject=subject,
                        tags=normalised_tags_in_column(tags),
                        path=path or "",
                    )
        return found

    def search(self, text: str, query: ListQuery | None = None, limit: int = 20) -> list[SearchHit]:
        """Ranked hits for ``text`` (with the structured filters of ``query``), with snippets."""
        terms = parse_search(text)
        if not terms.match:
            return []
        base = query or ListQuery()
        keys = self.query(ListQuery(**{**base.__dict__, "search": text, "sort": "rank"}), limit=limit)
        hits = []
        for rank, key in enumerate(keys):
            with self._lock:
                data = model_json(self._document(key))  # a hit needs three fields: no Cable is built
            texts = paragraph_texts(data)
            body = next((text for text in texts if _mentions(text, terms.words)), body_text(texts))
            hits.append(SearchHit(key, data.get("reference_id"), data.get("subject"), snippet(body, terms.words), float(rank)))
        return hits

    def cited_by(self, reference_id: str) -> list[Summary]:
        with self._lock:
            keys = [row[0] for row in self._db.execute("SELECT DISTINCT cable_id FROM refs WHERE cited = ?", (reference_id,))]
        summaries = self.summaries(keys)
        return sorted(summaries.values(), key=lambda s: (s.created is None, s.created or datetime.min.replace(tzinfo=UTC)))

    def cites(self, key: int) -> list[str]:
        """The reference ids a document cites (from the reference index: nothing is unpacked)."""
        with self._lock:
            return [row[0] for row in self._db.execute("SELECT cited FROM refs WHERE cable_id = ?", (key,))]

    def findings(self, key: int) -> list[str]:
        """The finding codes stored for one document."""
        with self._lock:
            return [row[0] for row in self._db.execute("SELECT code FROM findings WHERE cable_id = ?", (key,))]

    def sources(self, key: int) -> list[tuple[str, int, str, str]]:
        """(path, row, format, encoding) of every file the document was read from."""
        with self._lock:
            return list(
                self._db.execute("SELECT path, row, format, encoding FROM sources WHERE cable_id = ? ORDER BY path, row", (key,))
            )

    def versions(self, key: int) -> list[Cable]:
        """The cable as each of its stored sources gives it (parsed again), in path order."""
        parsed = [parse_source(path, row, form, text) for path, row, form, text in self._source_texts(key)]
        return [cable for cable in parsed if cable is not None] or [self.get(key)]

    def _source_texts(self, key: int) -> list[tuple[str, int, str, bytes]]:
        """(path, row, format, text) of each stored source of a document that kept its text, in path order."""
        with self._lock:
            rows = list(
                self._db.execute(
                    "SELECT path, row, format, text, text_in_document FROM sources WHERE cable_id = ?"
                    " AND (text IS NOT NULL OR text_in_document = 1) ORDER BY path, row",
                    (key,),
                )
            )
            document = self._document(key) if any(row[4] for row in rows) else None
        texts = []
        for path, row, form, text, in_document in rows:
            data = document_source(document) if in_document and document is not None else unpack_text(text) if text else None
            if data is not None:
                texts.append((path, row, form, data))
        return texts

    def source_text(self, key: int) -> bytes | None:
        texts = self._source_texts(key)
        return texts[0][3] if texts else None

    def source_state(self, path: str) -> tuple[int | None, float | None] | None:
        """(size, mtime) recorded for a file, or None if it was never loaded."""
        with self._lock:
            row = self._db.execute("SELECT size, mtime FROM sources WHERE path = ? AND row = 0", (path,)).fetchone()
        return (row[0], row[1]) if row else None


def _mentions(text: str, words: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(word.lower() in lowered for word in words)
