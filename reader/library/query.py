"""What the document list asks a store for: filters, full-text search and sort order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from reader.model import LEVELS

SORT_KEYS = ("reference", "created", "origin", "classification", "subject", "rank")


@dataclass(frozen=True)
class ListQuery:
    text: str = ""
    """Words that must all occur in the id, origin, subject or tags (case-insensitive)."""
    levels: frozenset[str | None] | None = None
    """Classification levels to keep (None in the set keeps unknown ones); None keeps all."""
    search: str = ""
    """Full-text search over subject and paragraphs; ranked when ``sort`` is ``rank``."""
    sort: str = "created"
    descending: bool = True
    controls: tuple[str, ...] = ()
    origin: str | None = None
    tag: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    cites: str | None = None
    """Only cables whose references cite this reference id."""
    audit: str | None = None
    """Only cables with this marking-audit finding code, or with any finding (``any``)."""


@dataclass(frozen=True)
class Summary:
    """What one row of the list shows: no text, so a long list stays light."""

    key: int
    reference_id: str | None
    created: datetime | None
    origin: str | None
    classification: str | None
    controls: tuple[str, ...] = ()
    subject: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    path: str = ""


@dataclass(frozen=True)
class SearchHit:
    key: int
    reference_id: str | None
    subject: str | None
    snippet: str
    rank: float


MonthCounts = dict[tuple[int, int], dict[str | None, int]]
"""(year, month) -> {level (None: unknown): number of cables}."""


def month_counts_of(rows: Iterable[tuple[str | None, int, int]]) -> MonthCounts:
    """Rows of (``YYYY-MM``, level rank, count) as MonthCounts; cables without a date are left out."""
    counts: MonthCounts = {}
    for month, rank, count in rows:
        if not month:
            continue
        year, number = int(month[:4]), int(month[5:7])
        level = LEVELS[rank] if 0 <= rank < len(LEVELS) else None
        by_level = counts.setdefault((year, number), {})
        by_level[level] = by_level.get(level, 0) + count
    return counts


def month_bounds(first: int, last: int) -> list[tuple[int, int, int, int]]:
    """(year, month, start, end) in Unix seconds (UTC) for every month from ``first`` to ``last``."""
    start = datetime.fromtimestamp(first, tz=UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    bounds = []
    while int(start.timestamp()) <= last:
        following = start.replace(year=start.year + 1, month=1) if start.month == 12 else start.replace(month=start.month + 1)
        bounds.append((start.year, start.month, int(start.timestamp()), int(following.timestamp())))
        start = following
    return bounds
