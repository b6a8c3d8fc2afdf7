"""Making a library smaller once it is filled: documents compressed harder, full-text indexes
merged, the file rewritten without its free pages.

An import compresses each document at zstd level 3 (``compression.LEVEL``): it is bound by the
processor on every core, and a higher level would cost it every time. A document written before
format 8 is written again as format 8 writes it, its paragraphs as runs of its source
(``source_spans``). Level 9 stores the release's
documents a tenth smaller; its frames read back as fast, with the same dictionary, in every format
since 5. Compacting spends that time once, when the user asks (``python -m reader compact``),
on every core, and may be stopped at any point: each batch is committed on its own, and a document
that another window replaced meanwhile is left as that window wrote it.

FTS5 keeps an index as segments, merged as an import goes; ``optimize`` merges each index into
one, which stores every word's list once. VACUUM then gives the freed pages back to the disk;
it needs as much free space as the library, and without it the library is sound, only larger.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.library.packing import repack_document, repack_text
from reader.library.schema import library_error, open_library_database
from reader.library.sqlite import sqlite3
from reader.parse.parallel import ordered_map

COMPACT_LEVEL = 9
"""On 2,000 documents of the scale library: 9.7% smaller than level 3, in 0.5 ms a document (level 12:
10.5%, 0.7 ms; level 19 costs ten times that)."""
BATCH = 500

Blobs = list[tuple[int, bytes]]


@dataclass
class CompactReport:
    bytes_before: int = 0
    bytes_after: int = 0
    documents: int = 0
    """Documents compressed again (smaller than before)."""
    texts: int = 0
    """Source texts kept on their own, compressed again."""
    merged: bool = False
    vacuumed: bool = False
    vacuum_problem: str | None = None
    seconds: float = 0.0


def _library_bytes(path: Path) -> int:
    return sum(os.path.getsize(f"{path}{suffix}") for suffix in ("", "-wal") if os.path.exists(f"{path}{suffix}"))


def compact(
    path: Path,
    jobs: int = 1,
    on_progress: Callable[[str, int, int], None] | None = None,
    cancel: threading.Event | None = None,
    start_method: str = "spawn",
) -> CompactReport:
    """Compact the library at ``path`` (see the module); ``on_progress(stage, done, total)``."""
    path = Path(path)
    started = time.monotonic()
    connection = open_library_database(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    report = CompactReport(bytes_before=_library_bytes(path))
    progress = on_progress or (lambda _stage, _done, _total: None)
    try:
        report.documents = _recompress(connection, "documents", "id", "body", _documents, "documents", jobs, progress, cancel, start_method)
        report.texts = _recompress(connection, "sources", "rowid", "text", _texts, "source texts", jobs, progress, cancel, start_method)
        if not (cancel and cancel.is_set()):
            progress("merging the full-text indexes", 0, 1)
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO search(search) VALUES('optimize')")
            connection.execute("INSERT INTO filter_index(filter_index) VALUES('optimize')")
            connection.execute("COMMIT")
            report.merged = True
            progress("giving free pages back to the disk", 0, 1)
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            try:
                connection.execute("VACUUM")
                report.vacuumed = True
            except sqlite3.DatabaseError as exc:  # no room for the copy, or another window reads it
                report.vacuum_problem = str(library_error(path, exc))
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.DatabaseError as exc:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise library_error(path, exc) from exc
    finally:
        connection.close()
    report.bytes_after = _library_bytes(path)
    report.seconds = time.monotonic() - started
    return report


def _documents(batch: Blobs) -> Blobs:
    """Each document of the batch that compresses smaller at COMPACT_LEVEL, compressed so (in a worker)."""
    return [(key, packed) for key, blob in batch if (packed := repack_document(blob, COMPACT_LEVEL)) is not None]


def _texts(batch: Blobs) -> Blobs:
    return [(key, packed) for key, blob in batch if (packed := repack_text(blob, COMPACT_LEVEL)) is not None]


def _recompress(
    connection: sqlite3.Connection,
    table: str,
    key: str,
    column: str,
    work: Callable[[Blobs], Blobs],
    what: str,
    jobs: int,
    progress: Callable[[str, int, int], None],
    cancel: threading.Event | None,
    start_method: str,
) -> int:
    """Compress every blob of ``table.column`` again, a batch at a time on ``jobs`` processes; the
    number written. A blob is replaced only if it is still the one read (``AND column = old``)."""
    total = connection.execute(f"SELECT count(*) FROM {table} WHERE {column} IS NOT NULL").fetchone()[0]
    stage = f"compressing {what} again"
    progress(stage, 0, total)
    in_flight: deque[dict[int, bytes]] = deque()  # the blobs of each batch handed out, as read

    def batches() -> Iterator[Blobs]:
        last = -1
        while True:
            rows = connection.execute(
                f"SELECT {key}, {column} FROM {table} WHERE {key} > ? AND {column} IS NOT NULL ORDER BY {key} LIMIT {BATCH}",
                (last,),
            ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            in_flight.append(dict(rows))
            yield rows

    done = written = 0
    for smaller in ordered_map(work, batches(), jobs, cancel, start_method):
        read = in_flight.popleft()
        connection.execute("BEGIN IMMEDIATE")
        for row_key, packed in smaller:
            written += connection.execute(
                f"UPDATE {table} SET {column} = ? WHERE {key} = ? AND {column} = ?", (packed, row_key, read[row_key])
            ).rowcount
        connection.execute("COMMIT")
        done += len(read)
        progress(stage, done, total)
    return written
