"""Readable origins from the FM line, in the release's own naming.

``AMEMBASSY ALMATY`` -> ``Embassy Almaty``; ``SECSTATE WASHDC`` ->
``Secretary of State``; ``USMISSION GENEVA`` -> ``Mission Geneva``.
"""

from __future__ import annotations

import re

_FIXED: dict[str, str] = {
    "SECSTATE WASHDC": "Secretary of State",
    "SECSTATE": "Secretary of State",
    "SECDEF WASHDC": "Secretary of Defense",
    "USMISSION USUN NEW YORK": "USUN New York",
    "USUN NEW YORK": "USUN New York",
    "USMISSION USNATO": "Mission USNATO",
    "USNATO": "Mission USNATO",
    "USMISSION UNVIE VIENNA": "UNVIE",
    "UNVIE VIENNA": "UNVIE",
    "USEU BRUSSELS": "USEU Brussels",
    "USMISSION USEU BRUSSELS": "USEU Brussels",
    "AIT TAIPEI": "American Institute Taiwan, Taipei",
    "RPO DUBAI": "Iran RPO Dubai",
    "USOFFICE PRISTINA": "US Office Pristina",
    "USOFFICE ALMATY": "US Office Almaty",
    "USDEL SECRETARY": "Secretary of State",
}

_PREFIXES: tuple[tuple[str, str], ...] = (
    ("AMEMBASSY ", "Embassy "),
    ("AMCONSUL ", "Consulate "),
    ("AMCONGEN ", "Consulate "),
    ("USMISSION ", "Mission "),
    ("USINT ", "US Interests Section "),
    ("USLO ", "Embassy "),
    ("AMEMB ", "Embassy "),
)

RELEASE_ORIGIN = re.compile(
    r"^(?:Embassy|Consulate|Mission|US Mission|US Office|US Interests Section|USUN|UNVIE|USEU|American Institute"
    r"|Iran RPO|Secretary of State)\b[A-Za-z ,.'\-]{0,60}$"
)
"""A sender as the release names it ("Embassy Kabul"), alone on a line: a database row's origin field."""
_ROUTE = re.compile(r"^[A-Z]{4,7}/")
_TRAILING_PRECEDENCE = re.compile(r"\s+(FLASH|IMMEDIATE|PRIORITY|ROUTINE|NIACT)\b.*$")


def _title(words: str) -> str:
    return " ".join(w if w.startswith("US") and w.isupper() and len(w) > 3 else w.capitalize() for w in words.split())


def readable_origin(fm_line: str | None) -> str | None:
    """The release's name for a sender, or a title-cased guess for one it lacks."""
    if not fm_line:
        return None
    name = _TRAILING_PRECEDENCE.sub("", _ROUTE.sub("", " ".join(fm_line.upper().split())))
    if not name:
        return None
    if name in _FIXED:
        return _FIXED[name]
    for prefix, readable in _PREFIXES:
        if name.startswith(prefix):
            return readable + _title(name[len(prefix) :])
    return _title(name)
