"""The 2011 release's ``cables.csv``: streamed row by row, never loaded whole.

Eight double-quoted columns (id, ``M/D/YYYY H:MM``, reference id, origin,
classification, pipe-joined references, header, body), ``\\"`` for a quote,
newlines kept inside fields.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO

from reader.model import PageMetadata

CSV_START = re.compile(r'^"\d+","\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}","')
_FIELDS = 8
# One cable never comes near this; a field this long means a broken quote.
_FIELD_LIMIT = 16 * 1024 * 1024
csv.field_size_limit(_FIELD_LIMIT)


@dataclass(frozen=True)
class ReleaseRow:
    line: int
    text: str
    metadata: PageMetadata


@dataclass(frozen=True)
class BadRow:
    line: int
    message: str


def looks_like_release_csv(head: str) -> bool:
    return CSV_START.match(head.lstrip("\ufeff")) is not None


_CREATED = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\s+([0-9]{1,2}):([0-9]{1,2})")


def _created(value: str) -> datetime | None:
    """``M/D/YYYY H:MM`` read by hand: ``strptime`` cost a twentieth of the writer's time a row."""
    match = _CREATED.fullmatch(value.strip())
    if match is None:
        return None
    month, day, year, hour, minute = map(int, match.groups())
    try:
        return datetime(year, month, day, hour, minute, tzinfo=UTC)
    except ValueError:
        return None


def read_release_rows(stream: IO[str]) -> Iterator[ReleaseRow | BadRow]:
    """Rows of a release CSV from a text stream opened with ``newline=""``."""
    reader = csv.reader(stream, escapechar="\\", doublequote=False, strict=False)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield BadRow(start, f"line {start}: malformed CSV ({exc})")
            start = reader.line_num + 1
            continue
        line = start
        start = reader.line_num + 1
        if not row or row == [""]:
            continue
        if len(row) != _FIELDS:
            yield BadRow(line, f"line {line}: expected {_FIELDS} fields, found {len(row)}")
            continue
        if any(len(value) > _FIELD_LIMIT for value in row):
            yield BadRow(line, f"line {line}: a field is over {_FIELD_LIMIT // 2**20} MB (a broken quote?)")
            continue
        _id, created, refid, origin, classification, references, header, body = row
        meta = PageMetadata(
            reference_id=refid.strip() or None,
            created=_created(created),
            classification=classification.strip() or None,
            origin=origin.strip() or None,
            references=tuple(r for r in references.split("|") if r.strip()),
        )
        yield ReleaseRow(line, header + "\n\n" + body, meta)


def open_release(path: str) -> IO[str]:
    return open(path, encoding="utf-8", errors="replace", newline="")
