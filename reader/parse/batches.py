"""Cable files and release CSVs cut into chunks of cables, to be parsed anywhere, in order.

A chunk is a plain, picklable value: a list of file names, or a run of rows of one
release CSV (its line numbers, texts and page metadata). ``parse_batch`` turns one
into parse results in the same order, in this process or in a worker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from reader.model import ParseError, ParseResult, Source
from reader.parse.files import (
    FileRead,
    is_release_csv,
    iter_cable_files,
    parse_read,
    parse_release_row,
    read_cable_file,
    release_rows,
    unread_release_rows,
)
from reader.parse.release_csv import BadRow, ReleaseRow

FILES_A_CHUNK = 32
ROWS_A_CHUNK = 64


@dataclass(frozen=True)
class FileBatch:
    names: tuple[str, ...]


@dataclass(frozen=True)
class RowBatch:
    path: str
    rows: tuple[ReleaseRow | BadRow, ...]


Batch = FileBatch | RowBatch


def parse_file_read(name: str, read: FileRead | ParseError | None = None) -> tuple[ParseResult, FileRead | None]:
    """One (non-CSV) file read (unless ``read`` is its read already) and parsed; a parser bug
    becomes a ParseError, never an exception."""
    if read is None:
        read = read_cable_file(name)
    if isinstance(read, ParseError):
        return read, None
    try:
        return parse_read(read), read
    except Exception as exc:  # one file's parser bug must not end a load of thousands
        return ParseError(Source(name, "unknown", None), f"Could not be read: {exc!r}."), read


def release_batches(
    path: str, skip_through: int = 0, on_skip: Callable[[], None] | None = None, size: int = ROWS_A_CHUNK
) -> Iterator[RowBatch]:
    """A release CSV's rows in chunks; rows on lines up to ``skip_through`` are passed over."""
    chunk: list[ReleaseRow | BadRow] = []
    for row in unread_release_rows(path, skip_through, on_skip):
        chunk.append(row)
        if len(chunk) >= size:
            yield RowBatch(path, tuple(chunk))
            chunk = []
    if chunk:
        yield RowBatch(path, tuple(chunk))


def batches(
    paths: Iterable[str],
    size: int = FILES_A_CHUNK,
    release: Callable[[str], Iterator[Any]] = release_batches,
    wanted: Callable[[str], bool] | None = None,
) -> Iterator[Any]:
    """Every cable file under ``paths`` in chunks, in order; a release CSV (whatever its name) as the
    work ``release`` gives for it (chunks of its rows by default), in place. ``wanted`` may pass a file over."""
    names: list[str] = []
    for path in paths:
        for name in iter_cable_files(path):
            if is_release_csv(name):
                if names:
                    yield FileBatch(tuple(names))
                    names = []
                yield from release(name)
            elif wanted is None or wanted(name):
                names.append(name)
                if len(names) >= size:
                    yield FileBatch(tuple(names))
                    names = []
    if names:
        yield FileBatch(tuple(names))


def parse_batch(batch: Batch) -> list[ParseResult]:
    if isinstance(batch, RowBatch):
        return [parse_release_row(batch.path, row) for row in batch.rows]
    results: list[ParseResult] = []
    for name in batch.names:
        read = read_cable_file(name)
        if not isinstance(read, ParseError) and read.release:  # a release CSV named among files
            results.extend(result for result, _text in release_rows(name))
        else:
            results.append(parse_file_read(name, read)[0])
    return results
