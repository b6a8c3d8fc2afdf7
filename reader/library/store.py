"""The store the window reads cables through: add, get, count, query (and a little more).

Two stores fill it: ``MemoryStore`` (a session's cables in a list) and the
persistent, searchable ``Library``; the views do not know which one they read.
Keys are opaque integers, stable for the life of the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Protocol

from reader.library.findings import ANY, finding_codes
from reader.library.fts import parse_search
from reader.library.query import ListQuery, MonthCounts, Summary, month_counts_of
from reader.library.tag_filter import cable_has_tag
from reader.model import Cable
from reader.model.keys import filter_text, natural_key


def source_key(cable: Cable) -> tuple[str, int]:
    """One entry per file (and per row of a release CSV): loading a file twice replaces it."""
    return cable.source.path, cable.source.row or 0


class CableStore(Protocol):
    def add(self, cables: Iterable[Cable]) -> tuple[list[int], list[int]]:
        """Store cables; return (keys added, keys updated)."""

    def get(self, key: int) -> Cable: ...

    def count(self) -> int: ...

    def query(self, query: ListQuery) -> list[int]:
        """Keys of the cables that match, in the asked order."""

    def summaries(self, keys: Iterable[int]) -> dict[int, Summary]: ...

    def key_of_reference(self, reference_id: str) -> int | None: ...

    def key_of_source(self, cable: Cable) -> int | None: ...

    def cited_by(self, reference_id: str) -> list[Summary]: ...

    def versions(self, key: int) -> list[Cable]:
        """The cable as each of its sources gives it (one, or several: two releases, a CSV row...)."""

    def month_counts(self, query: ListQuery) -> MonthCounts:
        """Cables per month and level for a query, for the timeline."""

    def cites(self, key: int) -> list[str]:
        """The reference ids a cable cites."""


_EPOCH = datetime(1900, 1, 1, tzinfo=UTC)


def summary_of(key: int, cable: Cable) -> Summary:
    return Summary(
        key=key,
        reference_id=cable.reference_id,
        created=cable.created,
        origin=cable.origin,
        classification=cable.classification,
        controls=tuple(cable.controls),
        subject=cable.subject,
        tags=tuple(cable.tags),
        path=cable.source.path,
    )


class MemoryStore:
    """Every cable of a session in a list: the store when no library is used."""

    def __init__(self) -> None:
        self._cables: list[Cable] = []
        self._filter_text: list[str] = []
        self._keys_by_source: dict[tuple[str, int], int] = {}
        self._keys_by_reference: dict[str, int] = {}
        self._findings: dict[int, list[str]] = {}

    def add(self, cables: Iterable[Cable]) -> tuple[list[int], list[int]]:
        added: list[int] = []
        replaced: list[int] = []
        for cable in cables:
            key = self._keys_by_source.get(source_key(cable))
            text = filter_text(cable.reference_id, cable.origin, cable.subject, [*cable.tags, *cable.tags_as_written])
            if key is None:
                key = len(self._cables)
                self._cables.append(cable)
                self._filter_text.append(text)
                self._keys_by_source[source_key(cable)] = key
                added.append(key)
            else:
                self._cables[key] = cable
                self._filter_text[key] = text
                self._findings.pop(key, None)
                replaced.append(key)
            if cable.reference_id:
                self._keys_by_reference.setdefault(cable.reference_id, key)
        return added, replaced

    def get(self, key: int) -> Cable:
        return self._cables[key]

    def count(self) -> int:
        return len(self._cables)

    def _has_finding(self, key: int, code: str) -> bool:
        if key not in self._findings:
            self._findings[key] = finding_codes(self._cables[key])
        return bool(self._findings[key]) if code == ANY else code in self._findings[key]

    def _matches(self, key: int, query: ListQuery, words: list[str], search_words: tuple[str, ...]) -> bool:
        cable = self._cables[key]
        if query.levels is not None and cable.classification not in query.levels:
            return False
        if any(word not in self._filter_text[key] for word in words):
            return False
        if any(control.upper() not in cable.controls for control in query.controls):
            return False
        if query.origin and (cable.origin or "").lower() != query.origin.lower():
            return False
        if query.tag and not cable_has_tag(cable, query.tag):
            return False
        if query.date_from and (cable.created is None or cable.created < query.date_from):
            return False
        if query.date_to and (cable.created is None or cable.created >= query.date_to):
            return False
        if query.cites and query.cites not in {r.reference_id for r in cable.references}:
            return False
        if query.audit and not self._has_finding(key, query.audit):
            return False
        if search_words:
            text = ((cable.subject or "") + "\n" + "\n".join(p.text for p in cable.paragraphs)).lower()
            return all(word.lower() in text for word in search_words)
        return True

    def query(self, query: ListQuery) -> list[int]:
        words = query.text.lower().split()
        search_words = parse_search(query.search).words
        keys = [key for key in range(len(self._cables)) if self._matches(key, query, words, search_words)]
        sort_key = {
            "reference": lambda k: natural_key(self._cables[k].reference_id),
            "origin": lambda k: (self._cables[k].origin or "").lower(),
            "classification": lambda k: self._cables[k].level_rank,
            "subject": lambda k: (self._cables[k].subject or "").lower(),
        }.get(query.sort)
        if sort_key is None:  # by date; undated cables last either way, as in the library
            dated = [k for k in keys if self._cables[k].created is not None]
            dated.sort(key=lambda k: self._cables[k].created or _EPOCH, reverse=query.descending)
            return dated + [k for k in keys if self._cables[k].created is None]
        keys.sort(key=sort_key, reverse=query.descending)
        return keys

    def summaries(self, keys: Iterable[int]) -> dict[int, Summary]:
        return {key: summary_of(key, self._cables[key]) for key in keys}

    def key_of_reference(self, reference_id: str) -> int | None:
        return self._keys_by_reference.get(reference_id)

    def key_of_source(self, cable: Cable) -> int | None:
        return self._keys_by_source.get(source_key(cable))

    def cited_by(self, reference_id: str) -> list[Summary]:
        return [
            summary_of(key, cable)
            for key, cable in enumerate(self._cables)
            if any(r.reference_id == reference_id for r in cable.references)
        ]

    def cites(self, key: int) -> list[str]:
        return list(dict.fromkeys(r.reference_id for r in self._cables[key].references if r.reference_id))

    def month_counts(self, query: ListQuery) -> MonthCounts:
        rows: dict[tuple[str, int], int] = {}
        for key in self.query(query):
            cable = self._cables[key]
            if cable.created is not None:
                row = (cable.created.strftime("%Y-%m"), cable.level_rank)
                rows[row] = rows.get(row, 0) + 1
        return month_counts_of((month, rank, count) for (month, rank), count in rows.items())

    def versions(self, key: int) -> list[Cable]:
        """Every loaded file of the same cable (the same reference id), this one first."""
        cable = self._cables[key]
        if not cable.reference_id:
            return [cable]
        others = [c for k, c in enumerate(self._cables) if k != key and c.reference_id == cable.reference_id]
        return [cable, *sorted(others, key=lambda c: (c.source.path, c.source.row or 0))]


def level_label(classification: str | None, controls: tuple[str, ...] | list[str]) -> str:
    label = classification or "Unknown"
    return "//".join([label, *controls]) if controls else label


__all__ = ["CableStore", "MemoryStore", "level_label", "source_key", "summary_of"]
