"""Wrappers some copies of the release put around a cable, taken off before parsing.

- a database prefix glued to the banner, and everything after it run together:
  ``Cable dated:2006-02-07T22:12:00C O N F I D E N T I A L SANTO DOMINGO 000409SIPDIS...``
- an e-mail printout of a cable: ``TELEGRAM June 03, 2003`` with ``To:``, ``Action:``,
  ``From: AMEMBASSY ABU DHABI (ABU DHABI 2641 - UNKNOWN)``, ``TAGS:``, ``Captions:``,
  ``Subject:`` and ``Ref:`` lines over a rule, then the cable.

Each is turned back into the plain form (a header line, one label a line); what only
the wrapper says (its date, the station and serial in ``From:``) is handed back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from reader.parse.line_shapes import EO_LABEL

_CABLE_DATED = re.compile(r"(?m)^[ \t]*Cable dated:\s*(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d)?[ \t]*(.*)$")
# Where the run-together line holds the next field.
_GLUED_BREAKS = (
    (re.compile(r"(?<=\s\d{6})(?=[A-Z])"), "\n"),  # the banner's serial, then "SIPDIS"
    (re.compile(r"(?<=\S)(?=SIPDIS)"), "\n"),
    (re.compile(r"SIPDIS(?=\S)"), "SIPDIS\n"),
    (re.compile(r"(?<=\S)(?=" + EO_LABEL + r"\s?\d{5})"), "\n"),
    (re.compile(r"(?<=\S)(?=(?:TAGS|SUBJECT|SUBJ|REF|REFS):)"), "\n"),
)
_TELEGRAM = re.compile(r"(?m)^[ \t]*TELEGRAM[ \t]+([A-Z][a-z]+\.?[ \t]+\d{1,2},?[ \t]+\d{4})[ \t]*$")
_PRINTOUT_FIELD = re.compile(r"^[ \t]*(To|Action|From|TAGS|Tags|Captions|Subject|Ref|E\.O\.)[ \t]*:[ \t]*(.*)$")
_FROM = re.compile(r"^(?P<sender>.*?)\s*\((?P<station>[A-Z][A-Z .'-]*?)\s+0*(?P<serial>\d{1,7})\b[^)]*\)\s*$")
_RULE = re.compile(r"^[ \t]*_{10,}[ \t]*$")
_HEAD_LINES = 60


@dataclass
class Unwrapped:
    text: str
    created: datetime | None = None
    station_serial: tuple[str, int] | None = None
    """The station and serial the wrapper names (``From: ... (ABU DHABI 2641 - ...)``)."""
    warnings: list[str] = field(default_factory=list)


def _cable_dated(text: str, result: Unwrapped) -> str:
    match = _CABLE_DATED.search(text)
    if not match:
        return text
    result.created = datetime.strptime(f"{match[1]} {match[2]}", "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
    rest = match[3]
    for pattern, replacement in _GLUED_BREAKS:
        rest = pattern.sub(replacement, rest)
    result.warnings.append("a database prefix (Cable dated:) was taken off the banner")
    return text[: match.start()] + rest + text[match.end() :]


def _telegram(text: str, result: Unwrapped) -> str:
    match = _TELEGRAM.search(text, 0, 4000)
    if not match:
        return text
    try:
        day = datetime.strptime(re.sub(r"[.,]", "", " ".join(match[1].split())), "%B %d %Y")
    except ValueError:
        return text
    lines = text[match.end() :].split("\n")
    out: list[str] = []
    for index, line in enumerate(lines[:_HEAD_LINES]):
        if _RULE.match(line):
            out += lines[index + 1 :]
            break
        field_match = _PRINTOUT_FIELD.match(line)
        if not field_match:
            out.append(line)
            continue
        name, value = field_match[1].upper(), field_match[2].strip()
        if name == "FROM":
            sender = _FROM.match(value)
            if sender:
                result.station_serial = (sender["station"], int(sender["serial"]))
                value = sender["sender"]
            out.append(f"FM {value}")
        elif name == "TO" and value:
            out.append(f"TO {value}")
        elif name in ("ACTION",) or value.upper() in ("", "NONE", "UNKNOWN"):
            continue
        elif name == "CAPTIONS":
            out.append(value)
        else:
            out.append(f"{name}: {value}")
    else:
        return text
    result.created = day.replace(tzinfo=UTC)
    result.warnings.append("an e-mail printout of the cable was unwrapped; its date has no time of day")
    return text[: match.start()] + "\n".join(out)


def unwrap(text: str) -> Unwrapped:
    """The cable without a known wrapper, and what the wrapper said."""
    result = Unwrapped(text)
    if "Cable dated:" in text:
        text = _cable_dated(text, result)
    if "TELEGRAM" in text[:4000]:
        text = _telegram(text, result)
    result.text = text
    return result
