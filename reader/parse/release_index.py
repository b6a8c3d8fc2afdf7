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
        # Read whole and decoded at once: a text-mode stream took twice as long (a worker process reads it first).
        packed = gzip.decompress((path or bundled_index_path()).read_bytes())
    except OSError:
        return ""
    return "\n" + packed.decode("ascii", errors="replace").replace("\r\n", "\n").replace("\r", "\n")


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
