"""REF blocks: split into labelled entries and resolve each to a reference id.

``REF: A. ALMATY 2549 / B. STATE 126156`` in a 2006 cable cites 06ALMATY2549
and 06STATE126156; ``REF: 05 STATE 1234`` names its own year.
"""

from __future__ import annotations

import re

from reader.model import Reference
from reader.parse.banner import station_key

_LABEL = re.compile(r"(?:^|(?<=\s)|(?<=[;:,]))(?:¶\s*)?(?:\(([A-Z])\)|([A-Z])[.)])\s+")
_CABLE = re.compile(
    r"^(?:\((?:S|C|U|SBU|S/NF|C/NF)\)\s*)?"
    r"(?:(?P<year>(?:19|20)?\d{2})\s+)?"
    r"(?P<station>[A-Z][A-Z.']*(?:\s+[A-Z][A-Z.']*){0,3}?)\s+"
    r"(?P<serial>\d{1,6})\b(?!\s*[/.:-]\d)"
)
_NOT_STATION = frozenset(
    {
        "AND",
        "OF",
        "IN",
        "ON",
        "AT",
        "NO",
        "NR",
        "PARA",
        "PARAS",
        "PARAGRAPH",
        "SECTION",
        "EMAIL",
        "E-MAIL",
        "LETTER",
        "MEMO",
        "TELCON",
        "DATED",
        "REF",
        "REFTEL",
        "SEE",
        "TO",
        "FROM",
        "JAN",
        "FEB",
        "MAR",
        "APR",
        "MAY",
        "JUN",
        "JUL",
        "AUG",
        "SEP",
        "SEPT",
        "OCT",
        "NOV",
        "DEC",
        "PAGE",
        "FOR",
        "PER",
        "CABLE",
        "TELEGRAM",
        "MSG",
        "MESSAGE",
        "A",
        "B",
    }
)
# Names a REF may use for a station whose ids the release spells otherwise.
_STATION_ALIASES = {"SECSTATE": "STATE", "SECSTATEWASHDC": "STATE", "USUN": "USUNNEWYORK", "USMISSIONUSUN": "USUNNEWYORK"}
_REPEATED_LABEL = re.compile(r"^(?:(?P<label>[A-Z][.)]\s+)REF(?:S|TELS?)?\s*:\s*(?=(?P=label))|REF(?:S|TELS?)?\s*:\s*)")
_COMPACT_ID = re.compile(r"^(\d{2})([A-Z]{3,})(\d{1,6})\b")
_INNER_WORDS = frozenset({"OF", "DE", "LA", "EL"})
_SEPARATOR = re.compile(r"\s*[;:]\s+(?=(?:\d{2}\s+)?[A-Z]{3,}[A-Z ]*\s+\d)")


def _split(block: str) -> list[tuple[str | None, str]]:
    """Split a REF block into (label, text) entries."""
    labels = list(_LABEL.finditer(block))
    # Labels must run A, B, C... to count as labels (not "A. Smith" in a text).
    kept: list[re.Match[str]] = []
    for match in labels:
        letter = match[1] or match[2]
        expected = chr(ord("A") + len(kept))
        if letter == expected:
            kept.append(match)
    if kept:
        entries: list[tuple[str | None, str]] = []
        head = block[: kept[0].start()].strip()
        if head:
            entries.append((None, head))
        for index, match in enumerate(kept):
            end = kept[index + 1].start() if index + 1 < len(kept) else len(block)
            letter = match[1] or match[2]
            text = block[match.end() : end].strip()
            # "A. A) VATICAN 10": the page's label before the cable's own.
            text = re.sub(rf"^(?:\({letter}\)|{letter}[.):])\s*", "", text)
            entries.append((letter, text))
        return entries
    parts = [p.strip() for p in _SEPARATOR.split(block) if p.strip()]
    return [(None, p) for p in parts]


def cited_reference_id(text: str, cable_year: int | None) -> str | None:
    """The reference id an entry cites, or None when it names no cable."""
    flat = " ".join(text.split()).upper()
    if compact := _COMPACT_ID.match(flat):  # "08BOGOTA3888": already a reference id
        return f"{compact[1]}{compact[2]}{int(compact[3])}"
    match = _CABLE.match(flat)
    if not match:
        return None
    station = match["station"].strip()
    words = station.split()
    inner = words[1:-1]  # "PORT OF SPAIN": a small word inside a station name is part of it
    if not words or any(w in _NOT_STATION and w not in _INNER_WORDS for w in words) or words[-1].endswith("."):
        return None
    if any(w in _INNER_WORDS for w in words) and not all(w in inner for w in words if w in _INNER_WORDS):
        return None
    if "THE" in words and words != ["THE", "HAGUE"]:  # THE HAGUE is a station; "THE ..." rarely another
        return None
    year = match["year"]
    if year:
        yy = year[-2:]
    elif cable_year is not None:
        yy = f"{cable_year % 100:02d}"
    else:
        return None
    key = station_key(station)
    key = _STATION_ALIASES.get(key, key)
    return f"{yy}{key}{int(match['serial'])}"


def parse_references(block: str, cable_year: int | None) -> list[Reference]:
    text = " ".join(block.split())
    # "REF: A. REF: A. STATE 55370": the label pasted twice; keep the second.
    text = _REPEATED_LABEL.sub("", text)
    # "REF A:LIMA 3646": a lettered REF written as "REF A:".
    text = re.sub(r"(?:^|(?<=\s))REF\s+([A-Z])\s*:\s*", r"\1. ", text)
    references = []
    for label, entry in _split(text):
        entry = entry.strip(" ;,")
        if entry:
            references.append(Reference(label, entry, cited_reference_id(entry, cable_year)))
    return references
