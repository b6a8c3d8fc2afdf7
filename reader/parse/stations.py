"""Station names as cables write them, resolved to the release's spelling.

A REF line names the sending post in whatever form its drafter typed:
``LA PAZ``, ``RIO DE JAN`` (cut off), ``SECSTATE``, ``THE HAGUE`` or ``HAGUE``,
``PHNOM PEN`` (a typo), ``0TTAWA`` (a zero for an O). The release index knows
every station that exists, so a name is accepted when it is one of them, an
alias of one, a cut-off start of exactly one, or one slip away from exactly one
well-attested station; anything else (``UNSCR``, ``POINTS``, ``IIR``) is not a
station, and its number is not a cable.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache

from reader.parse.release_index import in_release, station_counts

# Names cables use for a station the release spells otherwise. A list means "whichever
# of these the release holds for the cited year and serial" (the release itself changed
# some spellings over the years: PARISFR and UNESCOPARISFR, KIEV and KYIV).
_ALIASES: dict[str, tuple[str, ...]] = {
    "SECSTATE": ("STATE",),
    "SECSTATEWASHDC": ("STATE",),
    "STATEWASHDC": ("STATE",),
    "DEPTEL": ("STATE",),
    "DEPTELS": ("STATE",),
    "SECDEF": ("SECDEF",),  # the Secretary of Defense sends cables the release does not hold
    "SECDEFWASHDC": ("SECDEF",),
    "USUN": ("USUNNEWYORK",),
    "USUNNY": ("USUNNEWYORK",),
    "USUNNEWYORK": ("USUNNEWYORK",),
    "USMISSIONUSUN": ("USUNNEWYORK",),
    "USMISSIONUSUNNEWYORK": ("USUNNEWYORK",),
    "USEU": ("USEUBRUSSELS",),
    "USMISSIONUSEUBRUSSELS": ("USEUBRUSSELS",),
    "UNVIE": ("UNVIEVIENNA",),
    "USUNVIE": ("UNVIEVIENNA",),
    "USUNVIEVIENNA": ("UNVIEVIENNA",),
    "USMISSIONUNVIEVIENNA": ("UNVIEVIENNA",),
    "USMISSIONUSNATO": ("USNATO",),
    "USUNROME": ("UNROME",),
    "USMISSIONUNROME": ("UNROME",),
    "USMISSIONUSOSCE": ("USOSCE",),
    "HAGUE": ("THEHAGUE",),
    "RIO": ("RIODEJANEIRO",),
    "VAT": ("VATICAN",),
    "HOLYSEE": ("VATICAN",),
    "HCMC": ("HOCHIMINHCITY",),
    "HOCHIMINH": ("HOCHIMINHCITY",),
    "MEXICOCITY": ("MEXICO",),
    "PARISFR": ("PARISFR", "UNESCOPARISFR"),
    "UNESCOPARISFR": ("UNESCOPARISFR", "PARISFR"),
    "USUNESCOPARISFR": ("UNESCOPARISFR", "PARISFR"),
    "USUNESCOPARIS": ("UNESCOPARISFR", "PARISFR"),
    "USUNESCO": ("UNESCOPARISFR", "PARISFR"),
    "UNESCOPARIS": ("UNESCOPARISFR", "PARISFR"),
    "AITTAIPEI": ("TAIPEI", "AITTAIPEI"),
    "RPODUBAI": ("RPODUBAI", "IRANRPODUBAI", "DUBAI"),
    "IRANRPODUBAI": ("IRANRPODUBAI", "RPODUBAI", "DUBAI"),
    "CDGENEVA": ("CDGENEVA", "GENEVA"),
    "USMISSIONGENEVA": ("GENEVA",),
    "KIEV": ("KIEV", "KYIV"),
    "KYIV": ("KYIV", "KIEV"),
    "CALCUTTA": ("CALCUTTA", "KOLKATA"),
    "KOLKATA": ("KOLKATA", "CALCUTTA"),
    "MADRAS": ("CHENNAI", "MADRAS"),
    "BOMBAY": ("MUMBAI",),
}

# Words that are never a station, even one letter away from one (PARAS ~ PARIS).
_NEVER = frozenset(
    {
        "PARA", "PARAS", "PAGE", "PAGES", "SECTION", "SECTIONS", "UNSCR", "UNSC", "IIR", "IIRS", "TD",
        "EMAIL", "EMAILS", "MEMO", "LETTER", "FAX", "TELCON", "REF", "REFS", "REFTEL", "REFTELS",
        "NOTAL", "AND", "THE", "OF", "TO", "FROM", "DATED", "NO", "NR", "NUMBER", "RES", "RESOLUTION",
        "FY", "USG", "GOV", "LAW", "ACT", "ARTICLE", "DECREE", "CODE", "PUBLIC", "ROOM", "ISSUE",
        "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
        "OCTOBER", "NOVEMBER", "DECEMBER", "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP",
        "SEPT", "OCT", "NOV", "DEC", "POINTS", "CABLE", "MESSAGE", "MSG", "TELEGRAM",
    }
)  # fmt: skip

POST_WORD = r"(?:AMEMBASSY|AMEMB|AMCONSUL|AMCONGEN|USMISSION|USINT|USLO|USOFFICE|USDEL)"
"""The kind of post an addressee or a sender names before its station ("AMEMBASSY BEIJING")."""
_JUNK_PREFIXES = ("EFTO", "NOFORN", "SIFIED")
_WELL_ATTESTED = 20
"""A station must have sent this many cables of the release to be a target of correction."""
_NOT_LETTER = re.compile(r"[^A-Z]")


@lru_cache(maxsize=1)
def known_stations() -> frozenset[str]:
    """Every station key of the release (``LAPAZ``, ``THEHAGUE``), banner junk left out."""
    return frozenset(s for s in station_counts() if not s.startswith(_JUNK_PREFIXES))


@lru_cache(maxsize=1)
def _well_attested() -> tuple[str, ...]:
    counts = station_counts()
    return tuple(sorted(s for s in known_stations() if counts[s] >= _WELL_ATTESTED))


def station_key(words: str) -> str:
    """Letters only, upper case: ``Port-au-Prince`` -> ``PORTAUPRINCE``."""
    return _NOT_LETTER.sub("", words.upper())


def is_station(words: str) -> bool:
    """Whether ``words`` name a station of the release exactly, or by a known alias (``SECSTATE``)."""
    key = station_key(words)
    return key in known_stations() or key in _ALIASES


def _one_slip(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one inserted, dropped, changed or swapped letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    first = 0  # the first letter where they differ: everything after it decides
    shorter = min(len(a), len(b))
    while first < shorter and a[first] == b[first]:
        first += 1
    if len(a) == len(b):
        rest = first + 1
        return a[rest:] == b[rest:] or (a[first] == b[rest : rest + 1] and a[rest] == b[first] and a[rest + 1 :] == b[rest + 1 :])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return long_[first + 1 :] == short[first:]


@lru_cache(maxsize=4096)
def station_candidates(key: str) -> tuple[str, ...]:
    """The release stations a written name may stand for, best first; empty when none."""
    key = key.replace("0", "O")
    if not key or key in _NEVER:
        return ()
    if key in _ALIASES:
        return _ALIASES[key]
    if key in known_stations():
        return (key,)
    if len(key) < 5:
        return ()
    targets, aliases = _slip_targets()
    lengths = (len(key) - 1, len(key), len(key) + 1)  # one slip changes the length by one at most
    slips = [s for length in lengths for s in targets.get(length, ()) if _one_slip(key, s)]
    if len(slips) == 1:
        return (slips[0],)
    alias_slips = {_ALIASES[a][0] for length in lengths for a in aliases.get(length, ()) if _one_slip(key, a)}
    if len(alias_slips) == 1 and not slips:
        return (alias_slips.pop(),)
    if len(key) >= 6:
        stations = _well_attested()  # sorted: the names that start with the key are side by side
        first = bisect.bisect_left(stations, key)
        starts = [s for s in stations[first : first + 2] if s.startswith(key)]
        if len(starts) == 1:
            return (starts[0],)
    return ()


def _by_length(names: Iterable[str]) -> dict[int, list[str]]:
    groups: dict[int, list[str]] = {}
    for name in names:
        groups.setdefault(len(name), []).append(name)
    return groups


@lru_cache(maxsize=1)
def _slip_targets() -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """Well-attested stations and long aliases by length: a name one slip away from a key
    is at most one letter longer or shorter, so only three lengths are compared."""
    return _by_length(_well_attested()), _by_length(a for a in _ALIASES if len(a) >= 5)


def resolve_station(key: str, year: str, serial: int) -> str | None:
    """The station under which the release holds ``year``+``serial``, else the best guess."""
    candidates = station_candidates(key)
    if not candidates:
        return None
    if len(candidates) > 1:
        for station in candidates:
            if in_release(f"{year}{station}{serial}"):
                return station
    return candidates[0]
