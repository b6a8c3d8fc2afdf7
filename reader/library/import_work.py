"""The import's work on one chunk of cables, done in a worker process: parse, then make records.

What comes back is all the writer needs, in order: for each file its size and time and
its record (or the reason it could not be read), for each CSV row its line and record.
Markers for the start and end of a release CSV travel through unchanged, so that the
writer learns where a release begins and ends in the same order as its rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.library.records import CableRecord, record_of
from reader.model import Cable, ParseError
from reader.parse.batches import FileBatch, RowBatch, parse_file_read
from reader.parse.files import parse_release_row
from reader.parse.release_csv import ReleaseRow


@dataclass(frozen=True)
class ReleaseStart:
    path: str
    size: int
    mtime: float
    resume_after: int


@dataclass(frozen=True)
class ReleaseEnd:
    path: str


@dataclass(frozen=True)
class FileOutcome:
    path: str
    size: int | None
    mtime: float | None
    record: CableRecord | ParseError


@dataclass(frozen=True)
class RowOutcome:
    line: int
    record: CableRecord | ParseError


ImportTask = FileBatch | RowBatch | ReleaseStart | ReleaseEnd
Outcome = FileOutcome | RowOutcome | ReleaseStart | ReleaseEnd


def import_work(task: ImportTask) -> list[Outcome]:
    if isinstance(task, FileBatch):
        outcomes: list[Outcome] = []
        for name in task.names:
            result, read = parse_file_read(name)
            if isinstance(result, Cable) and read is not None:
                outcomes.append(FileOutcome(name, read.size, read.mtime, record_of(result, read.data)))
            else:
                assert isinstance(result, ParseError)
                outcomes.append(FileOutcome(name, None, None, result))
        return outcomes
    if isinstance(task, RowBatch):
        rows: list[Outcome] = []
        for row in task.rows:
            result = parse_release_row(task.path, row)
            text = row.text.encode("utf-8", errors="surrogatepass") if isinstance(row, ReleaseRow) else None
            rows.append(RowOutcome(row.line, record_of(result, text) if isinstance(result, Cable) else result))
        return rows
    return [task]
