"""A cable that repeats another: the preamble that says which, read as the reference it is.

The Department often sends an embassy's cable on to other posts under its own number::

    THE FOLLOWING SAN JOSE 00928 DTG 262221Z NOV 08 SENT
    ACTION TO SECSTATE WASHDC IS BEING REPEATED FOR YOUR
    INFO:

    QUOTE:
    UNCLAS SAN JOSE 000928

The preamble names the cable repeated, so a reader wants it linked like a REF entry; the QUOTE
mark and the repeated cable's own banner under it are part of the repeat, not text to warn about.
"""

from __future__ import annotations

import re

from reader.model import Reference
from reader.parse.banner import parse_banner
from reader.parse.dates import DTG, full_year
from reader.parse.references import cited_reference_id

_OPENING = re.compile(r"^(?:THE\s+)?(?:FOLLOWING|FOL)\b", re.I)
_REPEATED = re.compile(r"\b(?:REPEATED|REPEATING|RPT)\b", re.I)
_QUOTE = re.compile(r"^(?:BEGIN\s+)?QUOTE\s*:?$", re.I)
_LONGEST = 6
"""Lines a preamble may wrap over."""


def read_repeat_preamble(lines: list[str], cable_year: int | None) -> tuple[Reference | None, list[str]]:
    """The reference a repeat preamble among the front matter's unread ``lines`` makes (None
    if there is none), and the lines left unread."""
    for start, line in enumerate(lines):
        if not _OPENING.match(line):
            continue
        for stop in range(start + 1, min(start + _LONGEST, len(lines)) + 1):
            sentence = " ".join(" ".join(lines[start:stop]).split())
            if _REPEATED.search(sentence) and (stop == len(lines) or not _continues(lines[stop])):
                return _reference(sentence, cable_year), lines[:start] + _after_the_quote(lines[stop:])
    return None, lines


def _continues(line: str) -> bool:
    """Whether a line goes on with the preamble's sentence ("INFO:" after "REPEATED FOR YOUR")."""
    return not _QUOTE.match(line.strip()) and len(line.split()) <= 3 and line.rstrip().endswith(":")


def _after_the_quote(lines: list[str]) -> list[str]:
    """The lines after the preamble, without its QUOTE mark and the repeated cable's banner under it."""
    if lines and _QUOTE.match(lines[0].strip()):
        lines = lines[1:]
        if lines and parse_banner(lines[0]) is not None:
            lines = lines[1:]
    return lines


def _reference(sentence: str, cable_year: int | None) -> Reference:
    """The preamble as a reference to the cable repeated, in the year of its date-time group if it has one."""
    text = sentence.rstrip(" :")
    dtg = DTG.search(text)
    return Reference(None, text, cited_reference_id(text, full_year(dtg["year"]) if dtg else cable_year))
