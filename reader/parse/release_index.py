"""The 251,287 reference ids of the full release, as the parser and the window use them.

``cable2month.csv`` (from cablemap, BSD) lists every id with its month. The parser
reads it to know every station name that exists (so ``LA PAZ 2974`` is a cable and
``UNSCR 1737`` is not), to pick the release's spelling of a cited id, and to infer the
year of a cable whose text carries no date-time group. The file is read once per
process and kept as one string, which costs no per-id objects.

The bundled copy holds cablemap's rows ordered by station, then serial
(``write_sorted_index``), uncompressed: a process reads it in a few milliseconds, and
finds the ids of one station and serial by bisecting the text. Scanning the whole
index for one station took 10 to 25 ms, and the gzip cablemap ships 25 ms more to
read; a worker of ``parse`` paid both before the first cable that needed them.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from reader.resources import resource

INDEX_FILE = "cable2month.csv"


def bundled_index_path() -> Path:
    return resource("data", INDEX_FILE)


@lru_cache(maxsize=4)
def _index_text(path: Path | None = None) -> str:
    """The index with a newline before every id (cablemap's gzip too); empty when it is missing."""
    path = path or bundled_index_path()
    try:
        data = path.read_bytes()
    except OSError:
        return ""
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    text = data.decode("ascii", errors="replace")
    if "\r" in text:  # (cablemap's own file ends its lines with CR LF)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n" + text


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


STATION_COUNTS_FILE = "release-stations.tsv"


@lru_cache(maxsize=1)
def station_counts() -> Counter[str]:
    """How many cables of the release each station sent: ``{"STATE": 8009, "LAPAZ": ...}``.

    Read from ``release-stations.tsv``, these counts written out (``write_station_counts``):
    counting them in the index took 75 to 150 ms in every process that parses, before its first
    cable, where most never read the index itself. Without the file, they are counted."""
    try:
        lines = resource("data", STATION_COUNTS_FILE).read_text(encoding="ascii").splitlines()
        return Counter({station: int(count) for station, count in (line.split("\t") for line in lines if line)})
    except (OSError, ValueError):
        return count_stations(_index_text())


def count_stations(index_text: str) -> Counter[str]:
    """The stations of every id in the index's text (the letters between the year and the serial)."""
    # A greedy run of letters stops at the serial's first digit at once; a lazy one tried a digit after each.
    return Counter(re.findall(r"\n\d\d([A-Z]+)\d", index_text))


def write_station_counts(path: Path) -> None:
    """Write the bundled index's station counts, one ``STATION<TAB>COUNT`` line each, by station."""
    counts = count_stations(_index_text())
    path.write_text("".join(f"{station}\t{counts[station]}\n" for station in sorted(counts)), encoding="ascii")


_ID_PARTS = re.compile(r"(\d\d)([A-Z]+)(\d+)")
"""A regular id: two digits of year, the station's letters, the serial (a few dozen are not)."""
_ROW_KEY = re.compile(r"\d\d([A-Z]+)(\d+),")
_IRREGULAR = ("\x7f", 0)
"""The key of a row whose id is not regular ("7575LIBREVILLE1895", "06ASTANA"): after every station."""


def _row_key(text: str, start: int) -> tuple[str, int]:
    """The (station, serial) of the row at ``start``: what the bundled index is ordered by."""
    match = _ROW_KEY.match(text, start)
    return (match[1], int(match[2])) if match else _IRREGULAR


def _sort_key(row: str) -> tuple[str, int, str]:
    return (*_row_key(row, 0), row)


def _first_row_not_before(text: str, key: tuple[str, int]) -> int:
    """Where the first row whose key is ``key`` or later starts (``len(text)`` if none): a bisection
    of the rows, each step reading the key of the row around its midpoint."""
    low, high = 1, len(text)  # (rows before ``low`` come before ``key``; rows from ``high`` do not)
    while low < high:
        middle = (low + high) // 2
        start = text.rfind("\n", low - 1, middle) + 1
        if _row_key(text, start) < key:
            end = text.find("\n", start)
            low = end + 1 if end >= 0 else len(text)
        else:
            high = start
    return low


def _rows_of(station: str, serial: int) -> list[str]:
    """The rows of the bundled index whose id has this station and serial (any year)."""
    text = _index_text()
    key = (station, serial)
    rows: list[str] = []
    start = _first_row_not_before(text, key)
    while start < len(text) and _row_key(text, start) == key:
        end = text.find("\n", start)
        end = end if end >= 0 else len(text)
        rows.append(text[start:end])
        start = end + 1
    return rows


def in_release(reference_id: str) -> bool:
    parts = _ID_PARTS.fullmatch(reference_id)
    if parts is None:  # (one of the few irregular ids, or none)
        return f"\n{reference_id}," in _index_text()
    return any(row.startswith(f"{reference_id},") for row in _rows_of(parts[2], int(parts[3])))


def index_available() -> bool:
    return bool(_index_text())


def ids_for(station: str, serial: int) -> list[tuple[str, int | None]]:
    """Every (reference id, month) of the release with this station and serial, any year."""
    found = []
    for row in _rows_of(station, serial):
        refid, month = row.split(",", 1)
        found.append((f"{refid[:2]}{station}{serial}", int(month) if month.isdigit() else None))
    return found


def write_sorted_index(source: Path, target: Path) -> None:
    """Write cablemap's index (``source``, its gzip) as the bundled copy: its rows ordered by
    station, then serial (the irregular ids last), one LF-ended row each, uncompressed."""
    rows = [row for row in _index_text(source).split("\n") if row]
    target.write_text("".join(f"{row}\n" for row in sorted(rows, key=_sort_key)), encoding="ascii")
