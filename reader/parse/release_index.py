"""The 251,287 reference ids of the full release, as the parser and the window use them.

``cable2month.csv.gz`` (from cablemap, BSD) lists every id with its month. The parser
reads it to know every station name that exists (so ``LA PAZ 2974`` is a cable and
``UNSCR 1737`` is not), to pick the release's spelling of a cited id, and to infer the
year of a cable whose text carries no date-time group. The file is read once per
process (about 90 ms) and kept as one string: lookups scan it, which is fast enough
for the few cables that need one and costs no per-id objects.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from reader.resources import resource

_ROW = re.compile(r"\n(\d\d)([A-Z]+?)(\d+),(\d*)")


def bundled_index_path() -> Path:
    return resource("data", "cable2month.csv.gz")


@lru_cache(maxsize=4)
def _index_text(path: Path | None = None) -> str:
    """The decompressed index with a newline before every id; empty when it is missing."""
    try:
        with gzip.open(path or bundled_index_path(), "rt", encoding="ascii", errors="replace") as handle:
            return "\n" + handle.read()
    except OSError:
        return ""


_ID_AT_LINE_START = re.compile(r"\n([^,\n]+)")


@lru_cache(maxsize=4)
def release_ids(path: Path | None = None) -> frozenset[str]:
    """Every reference id of the release (a set, for the window's many lookups)."""
    return frozenset(_ID_AT_LINE_START.findall(_index_text(path)))


def release_lookup() -> Callable[[str], bool | None]:
    """``reference_id in release``, the set built on the first question (a tenth of a second
    the window need not spend before it opens); None for every id when the index is missing."""

    def in_release_ids(reference_id: str) -> bool | None:
        ids = release_ids()
        return reference_id in ids if ids else None

    return in_release_ids


@lru_cache(maxsize=1)
def station_counts() -> Counter[str]:
    """How many cables of the release each station sent: ``{"STATE": 8009, "LAPAZ": ...}``."""
    return Counter(re.findall(r"\n\d\d([A-Z]+?)\d", _index_text()))


def in_release(reference_id: str) -> bool:
    return f"\n{reference_id}," in _index_text()


def index_available() -> bool:
    return bool(_index_text())


@lru_cache(maxsize=512)
def _station_ids(station: str) -> dict[int, tuple[tuple[str, int | None], ...]]:
    """Serial -> every (reference id, month) of one station: one scan of the index per station."""
    by_serial: dict[int, list[tuple[str, int | None]]] = {}
    for yy, serial, month in re.findall(rf"\n(\d\d){re.escape(station)}(\d+),(\d*)", _index_text()):
        by_serial.setdefault(int(serial), []).append((f"{yy}{station}{int(serial)}", int(month) if month else None))
    return {serial: tuple(found) for serial, found in by_serial.items()}


def ids_for(station: str, serial: int) -> list[tuple[str, int | None]]:
    """Every (reference id, month) of the release with this station and serial, any year."""
    return list(_station_ids(station).get(serial, ()))
