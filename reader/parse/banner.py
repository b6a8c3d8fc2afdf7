"""The classification banner line: level, controls, section, station and serial.

``S E C R E T SECTION 01 OF 02 ALMATY 002872`` names the cable's level, its
place in a multi-section message and, with the DTG's year, its reference id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.parse.classification import level_of, marking_controls, unspace

_MANY_WORD_CONTROL = r"REL(?:EASABLE)?\s+TO\s+[A-Z]{2,5}(?:\s*,\s*[A-Z]{2,5})*|FOR\s+OFFICIAL\s+USE\s+ONLY"
"""Controls of several words, tried first: the words after them are the station ("CONFIDENTIAL//REL
TO USA, AUS PARIS 001234", "UNCLASSIFIED//FOR OFFICIAL USE ONLY PARIS 001234")."""
_BANNER = re.compile(
    r"^(?P<level>TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|LIMITED OFFICIAL USE)"
    r"(?P<controls>(?:\s*//?\s*(?:" + _MANY_WORD_CONTROL + r"|[A-Z][A-Z ]*?))*)"
    r"(?:\s+(?P<pre>E F T O|EFTO|SENSITIVE|NOFORN|SBU))?"
    r"(?:\s+SECTION\s+(?P<index>\d{1,3})\s+(?:OF|of)\s+(?P<total>\d{1,3}))?"
    r"(?:\s+(?P<year>\d{2}))?"  # 1970s banners: "C O N F I D E N T I A L 75 LIBREVILLE 1895"
    r"\s+(?P<station>[A-Z][A-Z.' -]{0,40}?[A-Z])\s+(?P<serial>\d{1,7})(?![0-9])"
    r"(?P<rest>.*)$"
)


_GLUED_STATION = re.compile(
    r"^(C O N F I D E N T I A L|T O P S E C R E T|S E C R E T|U N C L A S S I F I E D|U N C L A S)(?=[A-Z]{2})"
)


@dataclass(frozen=True)
class Banner:
    line: str
    level: str
    controls: tuple[str, ...]
    section: tuple[int, int] | None
    station: str
    serial: int
    rest: str


_LEVEL_INITIALS = frozenset("UCSTL")
_LOWER_SPACED = re.compile(r"^(?:c o n f i d e n t i a l|s e c r e t|t o p s e c r e t|u n c l a s)\b", re.I)
_LEVEL_WORDS = ("TOPSECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "UNCLAS")


def _join_level_letters(text: str) -> str:
    """``C ONFIDENTIAL SECTION`` -> ``CONFIDENTIAL SECTION``: a level word split anywhere."""
    tokens = text.split(" ")
    joined = ""
    for count, token in enumerate(tokens[:12], start=1):
        joined += token
        if joined in _LEVEL_WORDS and (count > 1 or joined == "TOPSECRET"):  # "T O P S E C R E T" unspaced
            level = "TOP SECRET" if joined == "TOPSECRET" else joined
            return " ".join([level, *tokens[count:]])
        if len(joined) >= 12:
            break
    return text


def parse_banner(line: str) -> Banner | None:
    """The banner in ``line``, or None when the line is not one."""
    if line.lstrip()[:1] not in _LEVEL_INITIALS:
        return None
    stripped = line.strip()
    if _LOWER_SPACED.match(stripped):
        stripped = stripped.upper()  # "S e c r e t nairobi 001938": a page that lower-cased its banner
    # "C O N F I D E N T I A LCAIRO 000079": the station glued to the last letter.
    spaced = _GLUED_STATION.sub(r"\1 ", stripped)
    text = _join_level_letters(" ".join(unspace(spaced).split()))
    if not text[:1].isupper():
        return None
    match = _BANNER.match(text)
    if not match:
        return None
    level = level_of(match["level"])
    if level is None:
        return None
    controls: list[str] = []
    if match["level"] == "LIMITED OFFICIAL USE":
        controls.append("LOU")
    extra = (match["controls"] or "").strip()
    if extra:
        controls += [c for c in marking_controls("X//" + extra.lstrip("/")) if c not in controls]
    pre = match["pre"]
    if pre in ("SENSITIVE", "SBU") and "SBU" not in controls:
        controls.append("SBU")
    if pre == "NOFORN" and "NOFORN" not in controls:
        controls.append("NOFORN")
    section = (int(match["index"]), int(match["total"])) if match["index"] else None
    return Banner(
        line=line.strip(),
        level=level,
        controls=tuple(controls),
        section=section,
        station=match["station"],
        serial=int(match["serial"]),
        rest=match["rest"].strip(),
    )


def station_key(station: str) -> str:
    """The station as it stands in reference ids: ``NEW DELHI`` -> ``NEWDELHI``."""
    return re.sub(r"[^A-Z]", "", station.upper())
