"""The store the window reads cables through: add, get, count, query.

The in-memory store here keeps every parsed cable of a session; a persistent,
searchable library can take its place behind the same small interface
without the views knowing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from reader.model import Cable


def source_key(cable: Cable) -> tuple[str, int]:
    """One entry per file (and per row of a release CSV): loading a file twice replaces it."""
    return cable.source.path, cable.source.row or 0


def matches_text(cable: Cable, needle: str) -> bool:
    """Whether ``needle`` (lower case) occurs in the id, origin, subject or tags."""
    if not needle:
        return True
    haystack = " ".join((cable.reference_id or "", cable.origin or "", cable.subject or "", " ".join(cable.tags)))
    return needle in haystack.lower()


class CableStore(Protocol):
    def add(self, cables: Iterable[Cable]) -> tuple[list[int], list[int]]:
        """Store cables; return (rows added, rows replaced)."""

    def get(self, row: int) -> Cable: ...

    def count(self) -> int: ...

    def query(self, text: str = "", levels: frozenset[str] | None = None) -> list[int]:
        """Rows whose id, origin, subject or tags contain ``text``, at one of ``levels``."""

    def row_of_reference(self, reference_id: str) -> int | None: ...

    def row_of_source(self, cable: Cable) -> int | None:
        """The row of the cable from the same file (and CSV row), if one is stored."""


class MemoryStore:
    """Every cable of the session in a list, indexed by source and by reference id."""

    def __init__(self) -> None:
        self._cables: list[Cable] = []
        self._rows_by_source: dict[tuple[str, int], int] = {}
        self._rows_by_reference: dict[str, int] = {}

    def add(self, cables: Iterable[Cable]) -> tuple[list[int], list[int]]:
        added: list[int] = []
        replaced: list[int] = []
        for cable in cables:
            key = source_key(cable)
            row = self._rows_by_source.get(key)
            if row is None:
                row = len(self._cables)
                self._cables.append(cable)
                self._rows_by_source[key] = row
                added.append(row)
            else:
                self._cables[row] = cable
                replaced.append(row)
            if cable.reference_id:
                self._rows_by_reference.setdefault(cable.reference_id, row)
        return added, replaced

    def get(self, row: int) -> Cable:
        return self._cables[row]

    def count(self) -> int:
        return len(self._cables)

    def query(self, text: str = "", levels: frozenset[str] | None = None) -> list[int]:
        needle = text.strip().lower()
        return [
            row
            for row, cable in enumerate(self._cables)
            if (levels is None or cable.classification in levels) and matches_text(cable, needle)
        ]

    def row_of_reference(self, reference_id: str) -> int | None:
        return self._rows_by_reference.get(reference_id)

    def row_of_source(self, cable: Cable) -> int | None:
        return self._rows_by_source.get(source_key(cable))
