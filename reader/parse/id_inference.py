"""A reference id for a cable whose text has no date-time group, from the release index.

A partial extract or a text copied without its header still names its station and
serial (banner, page markers, an e-mail printout's From line) but not its year. The
release holds most station + serial pairs once. Where several years hold it, hard
evidence rules years out: a cable is not declassified before it was sent, cites no
cable younger than itself, and names the executive order of its time. Of what
remains, the declassification date decides only when exactly one candidate lies the
default ten years before it (E.O. 12958), the month breaking a tie: other spans (5,
9, 20, 25 years) are common enough that guessing from them gives wrong ids. When it
stays ambiguous the id stays empty: never a wrong id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from reader.parse.dates import full_year
from reader.parse.release_index import ids_for, in_release
from reader.parse.stations import POST_WORD, station_candidates, station_key

_DEFAULT_SPAN = 10
# The years in which cables cite each executive order on classification (with a year's overlap).
_ORDER_YEARS = {
    "11652": range(1972, 1980),
    "12065": range(1978, 1984),
    "12356": range(1982, 1997),
    "12958": range(1995, 2011),
    "13292": range(2003, 2011),
    "13526": range(2009, 2011),
}


@dataclass(frozen=True)
class YearEvidence:
    """What a cable's text says of its year without saying it."""

    declassify_on: date | None = None
    executive_order: str | None = None
    latest_cited_year: int | None = None
    """The latest year of a cable it cites with its year written (it cannot be older than that)."""

    def allows(self, year: int, month: int | None) -> bool:
        if self.declassify_on and (year, month or 1) > (self.declassify_on.year, self.declassify_on.month):
            return False
        if self.executive_order in _ORDER_YEARS and year not in _ORDER_YEARS[self.executive_order]:
            return False
        return not (self.latest_cited_year and year < self.latest_cited_year)


def infer_reference_id(station: str, serial: int, evidence: YearEvidence) -> str | None:
    """The one release id with this station and serial that the evidence allows, or None."""
    candidates: list[tuple[str, int | None]] = []
    for spelling in station_candidates(station_key(station)) or (station_key(station),):
        candidates += ids_for(spelling, serial)
    if len(candidates) > 1:
        candidates = [(refid, month) for refid, month in candidates if evidence.allows(full_year(refid[:2]), month)]
    if len(candidates) == 1:
        return candidates[0][0]
    declassify_on = evidence.declassify_on
    if len(candidates) < 2 or declassify_on is None:
        return None
    ten_years = [(refid, month) for refid, month in candidates if declassify_on.year - full_year(refid[:2]) == _DEFAULT_SPAN]
    if len(ten_years) > 1:
        ten_years = [(refid, month) for refid, month in ten_years if month == declassify_on.month]
    return ten_years[0][0] if len(ten_years) == 1 else None


_SENDER_PREFIX = re.compile(r"^" + POST_WORD + r"\s+")


def id_from_header(from_line: str | None, serial: str | None, created: datetime | None) -> str | None:
    """``FM AMEMBASSY BEIJING`` + ``DE RUEHBJ #0207`` + the DTG: the id of a cable whose banner is
    missing or redacted, when the release holds exactly that id in the DTG's month.

    The DE line's serial is cut to four digits for busy stations (STATE 126156 is #6156), so
    the month must agree too, or a different cable of the same year would be named."""
    if not from_line or not serial or created is None:
        return None
    name = _SENDER_PREFIX.sub("", " ".join(from_line.upper().split()))
    name = re.sub(r"\s+(?:FLASH|IMMEDIATE|PRIORITY|ROUTINE|NIACT)\b.*$", "", name)
    yy = f"{created.year % 100:02d}"
    for station in station_candidates(station_key(name)):
        for refid, month in ids_for(station, int(serial)):
            if refid.startswith(yy) and month == created.month:
                return refid
    return None


_ID_IN_NAME = re.compile(r"(?<![A-Z0-9])(\d{2}[A-Z]{3,}\d{1,7})(?![A-Z0-9])")


def id_in_file_name(path: str, station_serial: tuple[str, int] | None) -> str | None:
    """The release id a file is named by ("06ALMATY2872.txt", "cable 06almaty2872.html"): what a
    copy of the text alone, without header or banner, still says of the cable. Only an id the
    release holds, and (when the text names its station and serial) one that agrees with them."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1].upper()
    for match in _ID_IN_NAME.finditer(name):
        named = match[1]
        if station_serial is not None:
            station, serial = station_serial
            if named[2:] != f"{station_key(station)}{serial}":
                continue
        if in_release(named):
            return named
    return None
