"""The persistent library: every loaded cable's model and source text in SQLite, with FTS5.

One document per cable (its reference id): the same cable from two files, two
releases or two forms is one document listing both sources. Writes happen in
transactions, in WAL mode, so a crash or a second window never corrupts it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from reader.library.findings import ANY, finding_codes
from reader.library.fts import parse_search, snippet
from reader.library.query import ListQuery, MonthCounts, SearchHit, Summary, month_bounds, month_counts_of
from reader.library.schema import open_library_database
from reader.library.tag_filter import normalised_tags_in_column, tag_forms, tags_column
from reader.library.versions import parse_source
from reader.model import LEVELS, Cable
from reader.model.json_codec import cable_from_json, cable_to_json
from reader.model.keys import filter_text, natural_key

_SORT_SQL = {
    "reference": "c.sort_ref",
    "created": "c.created",
    "origin": "c.origin COLLATE NOCASE",
    "classification": "c.level",
    "subject": "c.subject COLLATE NOCASE",
}


def _pack(cable: Cable) -> bytes:
    return zlib.compress(json.dumps(cable_to_json(cable), separators=(",", ":"), ensure_ascii=False).encode(), 6)


def _unpack(blob: bytes) -> Cable:
    return cable_from_json(json.loads(zlib.decompress(blob)))


def _body(cable: Cable) -> str:
    return "\n".join(p.text for p in cable.paragraphs)


def _score(cable: Cable) -> int:
    """How complete a copy is: a full cable beats a partial extract, a header beats none."""
    return (0 if cable.partial else 4) + (2 if cable.dtg else 0) + (1 if cable.paragraphs else 0)


def _identity(cable: Cable) -> str:
    return cable.reference_id or f"file:{cable.source.path}#{cable.source.row or 0}"


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _timestamp(value: datetime | None) -> float | None:
    return value.timestamp() if value else None


class Library:
    """A library file. Use one instance per thread; SQLite serialises the writers."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = open_library_database(self.path)
        self._lock = threading.RLock()

    def close(self) -> None:
        self._db.close()

    # -- writing ------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def begin(self) -> None:
        """Open a write transaction unless one is open (for long imports; see also ``transaction``)."""
        with self._lock:
            if not self._db.in_transaction:
                self._db.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        with self._lock:
            if self._db.in_transaction:
                self._db.execute("COMMIT")

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
        db = self._db
        path, row = cable.source.path, cable.source.row or 0
        identity = _identity(cable)
        previous = db.execute(
            "SELECT s.cable_id, c.identity FROM sources s JOIN cables c ON c.id = s.cable_id WHERE s.path = ? AND s.row = ?",
            (path, row),
        ).fetchone()
        if previous and previous[1] != identity:
            # The file now holds another cable: detach it from the old document.
            db.execute("DELETE FROM sources WHERE path = ? AND row = ?", (path, row))
            if not db.execute("SELECT 1 FROM sources WHERE cable_id = ?", (previous[0],)).fetchone():
                self._delete_document(previous[0])
        existing = db.execute("SELECT id, score, model FROM cables WHERE identity = ?", (identity,)).fetchone()
        packed = _pack(cable)
        columns = (
            cable.reference_id,
            _timestamp(cable.created),
            cable.origin,
            cable.classification,
            cable.level_rank,
            " " + " ".join(cable.controls) + " ",
            tags_column(cable),
            cable.subject,
            natural_key(cable.reference_id),
            filter_text(cable.reference_id, cable.origin, cable.subject, [*cable.tags, *cable.tags_as_written]),
            _score(cable),
            packed,
        )
        if existing is None:
            key = db.execute(
                "INSERT INTO cables(identity, reference_id, created, origin, classification, level, controls, tags,"
                " subject, sort_ref, filter_text, score, model) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (identity, *columns),
            ).lastrowid
            db.execute("INSERT INTO filter_index(rowid, filter_text) VALUES (?, ?)", (key, columns[9]))
            self._index(key, cable)
            is_new = True
        else:
            key, old_score, old_model = existing
            is_new = False
            if _score(cable) >= old_score:
                old = _unpack(old_model)
                db.execute(
                    "INSERT INTO search(search, rowid, subject, body) VALUES ('delete', ?, ?, ?)",
                    (key, old.subject or "", _body(old)),
                )
                db.execute(
                    "INSERT INTO filter_index(filter_index, rowid, filter_text) SELECT 'delete', id, filter_text FROM cables WHERE id = ?",
                    (key,),
                )
                db.execute("INSERT INTO filter_index(rowid, filter_text) VALUES (?, ?)", (key, columns[9]))
                db.execute(
                    "UPDATE cables SET reference_id=?, created=?, origin=?, classification=?, level=?, controls=?,"
                    " tags=?, subject=?, sort_ref=?, filter_text=?, score=?, model=? WHERE id=?",
                    (*columns, key),
                )
                db.execute("DELETE FROM refs WHERE cable_id = ?", (key,))
                db.execute("DELETE FROM findings WHERE cable_id = ?", (key,))
                self._index(key, cable)
        db.execute(
            "INSERT INTO sources(path, row, cable_id, format, encoding, size, mtime, text) VALUES (?,?,?,?,?,?,?,?)"
            " ON CONFLICT(path, row) DO UPDATE SET cable_id=excluded.cable_id, format=excluded.format,"
            " encoding=excluded.encoding, size=excluded.size, mtime=excluded.mtime, text=excluded.text",
            (
                path,
                row,
                key,
                cable.source.format,
                cable.source.encoding,
                size,
                mtime,
                zlib.compress(source_text, 6) if source_text is not None else None,
            ),
        )
        return key, is_new

    def _index(self, key: int, cable: Cable) -> None:
        self._db.execute("INSERT INTO search(rowid, subject, body) VALUES (?, ?, ?)", (key, cable.subject or "", _body(cable)))
        cited = {r.reference_id for r in cable.references if r.reference_id}
        self._db.executemany("INSERT INTO refs(cable_id, cited) VALUES (?, ?)", [(key, c) for c in sorted(cited)])
        self._db.executemany("INSERT INTO findings(cable_id, code) VALUES (?, ?)", [(key, c) for c in finding_codes(cable)])

    def _delete_document(self, key: int) -> None:
        row = self._db.execute("SELECT model FROM cables WHERE id = ?", (key,)).fetchone()
        if row:
            old = _unpack(row[0])
            self._db.execute(
                "INSERT INTO search(search, rowid, subject, body) VALUES ('delete', ?, ?, ?)",
                (key, old.subject or "", _body(old)),
            )
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
            row = self._db.execute("SELECT model FROM cables WHERE id = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return _unpack(row[0])

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

    def _where(self, query: ListQuery) -> tuple[list[str], list[object]]:
        where: list[str] = []
        params: list[object] = []
        for word in query.text.lower().split():
            if len(word) >= 3 and not any(ch in word for ch in "%_\\"):
                where.append("c.id IN (SELECT rowid FROM filter_index WHERE filter_text LIKE ?)")  # the trigram index
                params.append(f"%{word}%")
            else:
                where.append("c.filter_text LIKE ? ESCAPE '\\'")
                params.append(_like(word))
        if query.levels is not None:
            ranks = [LEVELS.index(level) for level in query.levels if level in LEVELS]
            clauses = [f"c.level IN ({','.join('?' * len(ranks))})"] if ranks else []
            params.extend(ranks)
            if None in query.levels:
                clauses.append("c.level = -1")
            where.append("(" + (" OR ".join(clauses) or "0") + ")")
        for control in query.controls:
            where.append("c.controls LIKE ?")
            params.append(f"% {control.upper()} %")
        if query.origin:
            where.append("c.origin = ? COLLATE NOCASE")
            params.append(query.origin)
        if query.tag:
            forms = tag_forms(query.tag)
            where.append("(" + " OR ".join("c.tags LIKE ? ESCAPE '\\'" for _ in forms) + ")")
            params.extend("% " + _like(form)[1:-1] + " %" for form in forms)
        if query.audit == ANY:
            where.append("c.id IN (SELECT cable_id FROM findings)")
        elif query.audit:
            where.append("c.id IN (SELECT cable_id FROM findings WHERE code = ?)")
            params.append(query.audit)
        if query.date_from:
            where.append("c.created >= ?")
            params.append(query.date_from.timestamp())
        if query.date_to:
            where.append("c.created < ?")
            params.append(query.date_to.timestamp())
        if query.cites:
            where.append("c.id IN (SELECT cable_id FROM refs WHERE cited = ?)")
            params.append(query.cites)
        return where, params

    def query(self, query: ListQuery, limit: int | None = None) -> list[int]:
        """Keys of the matching cables, in the asked order (the first ``limit`` of them)."""
        where, params = self._where(query)
        terms = parse_search(query.search)
        direction = "DESC" if query.descending else "ASC"
        if terms.match and not where and (query.sort == "rank" or query.sort not in _SORT_SQL):
            # The common case, searched on the index alone: no join until the hits are known.
            sql = "SELECT rowid FROM search WHERE search MATCH ? ORDER BY bm25(search, 4.0, 1.0), rowid"
            params = [terms.match]
        elif terms.match:
            sql = "SELECT c.id FROM search JOIN cables c ON c.id = search.rowid WHERE search MATCH ?"
            params = [terms.match, *params]
            sql += "".join(f" AND {clause}" for clause in where)
            if query.sort == "rank" or query.sort not in _SORT_SQL:
                sql += " ORDER BY bm25(search, 4.0, 1.0), c.id"
            else:
                sql += f" ORDER BY {_SORT_SQL[query.sort]} {direction} NULLS LAST, c.id"
        else:
            sql = "SELECT c.id FROM cables c" + (" WHERE " + " AND ".join(where) if where else "")
            order = _SORT_SQL.get(query.sort, "c.created")
            sql += f" ORDER BY {order} {direction} NULLS LAST, c.id {direction}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._lock:
            return [row[0] for row in self._db.execute(sql, params)]

    def month_counts(self, query: ListQuery) -> MonthCounts:
        """Cables per month and level for a query (filters and search): one grouped query."""
        where, params = self._where(query)
        terms = parse_search(query.search)
        if not where and not terms.match:
            return self._month_counts_of_everything()
        month = "strftime('%Y-%m', c.created, 'unixepoch')"
        if terms.match:
            sql = f"SELECT {month}, c.level, count(*) FROM search JOIN cables c ON c.id = search.rowid WHERE search MATCH ?"
            params = [terms.match, *params]
            sql += "".join(f" AND {clause}" for clause in where)
        else:
            sql = f"SELECT {month}, c.level, count(*) FROM cables c" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " GROUP BY 1, 2"
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
            cable = self.get(key)
            body = next((p.text for p in cable.paragraphs if _mentions(p.text, terms.words)), _body(cable))
            hits.append(SearchHit(key, cable.reference_id, cable.subject, snippet(body, terms.words), float(rank)))
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
        with self._lock:
            rows = list(
                self._db.execute(
                    "SELECT path, row, format, text FROM sources WHERE cable_id = ? AND text IS NOT NULL ORDER BY path, row",
                    (key,),
                )
            )
        parsed = [parse_source(path, row, form, zlib.decompress(text)) for path, row, form, text in rows]
        return [cable for cable in parsed if cable is not None] or [self.get(key)]

    def source_text(self, key: int) -> bytes | None:
        with self._lock:
            row = self._db.execute("SELECT text FROM sources WHERE cable_id = ? AND text IS NOT NULL LIMIT 1", (key,)).fetchone()
        return zlib.decompress(row[0]) if row else None

    def source_state(self, path: str) -> tuple[int | None, float | None] | None:
        """(size, mtime) recorded for a file, or None if it was never loaded."""
        with self._lock:
            row = self._db.execute("SELECT size, mtime FROM sources WHERE path = ? AND row = 0", (path,)).fetchone()
        return (row[0], row[1]) if row else None


def _mentions(text: str, words: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(word.lower() in lowered for word in words)
