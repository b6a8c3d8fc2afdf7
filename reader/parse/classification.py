"""Classification banners and portion markings, and their normalized levels."""

from __future__ import annotations

import re
from functools import lru_cache

_LEVEL_WORDS: dict[str, str] = {
    "TOP SECRET": "TOP SECRET",
    "TS": "TOP SECRET",
    "SECRET": "SECRET",
    "S": "SECRET",
    "CONFIDENTIAL": "CONFIDENTIAL",
    "C": "CONFIDENTIAL",
    "UNCLASSIFIED": "UNCLASSIFIED",
    "UNCLAS": "UNCLASSIFIED",
    "U": "UNCLASSIFIED",
    "SBU": "UNCLASSIFIED",
    "LOU": "UNCLASSIFIED",
    "LIMITED OFFICIAL USE": "UNCLASSIFIED",
    "FOUO": "UNCLASSIFIED",
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY": "UNCLASSIFIED",
}

_CONTROL_WORDS: dict[str, str] = {
    "NF": "NOFORN",
    "NOFORN": "NOFORN",
    "SBU": "SBU",
    "LOU": "LOU",
    "LIMITED OFFICIAL USE": "LOU",
    "FOUO": "FOUO",
    "FOR OFFICIAL USE ONLY": "FOUO",
    "ORCON": "ORCON",
    "OC": "ORCON",
    "NOCONTRACT": "NOCONTRACT",
    "PROPIN": "PROPIN",
    "REL": "REL TO",
    "SENSITIVE": "SBU",
}

# "S E C R E T" -> "SECRET": letters spaced out one by one.
_SPACED = re.compile(r"\b(?:[A-Z] ){3,}[A-Z]\b")

PORTION_MARK = r"(?:TS|S|C|U|SBU|LOU|S/NF|C/NF|SBU/NF|S//NF|C//NF|TS/NF)"
"""The portion markings a paragraph of text opens with, as a pattern: "(SBU) Post delivered ..."."""
# A portion marking such as (S), (C//NF), (SBU), (U/FOUO), (S//REL UK).
MARKING = re.compile(
    r"\((?P<marking>(?:TS|S|C|U|SBU|LOU|FOUO|NF)(?:\s*(?://?|-)\s*[A-Z][A-Z ,]{0,30}?)*) ?\)",  # "(C )" too
    re.I,
)


def unspace(text: str) -> str:
    """Collapse letter-spaced words: ``C O N F I D E N T I A L`` -> ``CONFIDENTIAL``."""
    return _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


@lru_cache(maxsize=1024)
def marking_level(marking: str | None) -> str | None:
    """The level of a portion marking as written; None when it names no level."""
    if not marking:
        return None
    head = re.split(r"\s*(?://?|-)\s*", marking.strip().upper(), maxsplit=1)[0]
    return _LEVEL_WORDS.get(head)


def marking_controls(marking: str) -> list[str]:
    """Dissemination controls in a marking or banner: NOFORN, SBU, ORCON, REL TO..."""
    return list(_marking_controls(marking))


@lru_cache(maxsize=1024)
def _marking_controls(marking: str) -> tuple[str, ...]:
    """A cable repeats a handful of markings in every paragraph: each is read once."""
    controls: list[str] = []
    upper = marking.upper()
    parts = re.split(r"\s*(?://?|-|,)\s*", upper)
    for index, part in enumerate(parts):
        word = part.strip()
        if index == 0 and word in ("SBU", "LOU", "FOUO"):
            controls.append(word)
            continue
        control = _CONTROL_WORDS.get(word) or _CONTROL_WORDS.get(word.split(" ")[0])
        if index > 0 and control and control not in controls:
            controls.append(control)
    return tuple(controls)


def level_of(word: str) -> str | None:
    """The level named by a banner word (``UNCLAS``, ``SECRET``...), or None."""
    return _LEVEL_WORDS.get(" ".join(word.upper().split()))
