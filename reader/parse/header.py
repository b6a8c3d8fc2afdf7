"""The transmission header: VZCZC id, prosign, DE, ZNY/ZNR, DTG, FM, TO, INFO, XMT."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.model import Recipient, Routing
from reader.parse.dates import DTG
from reader.parse.line_shapes import EO_LABEL

PRECEDENCE_LETTERS = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}
PRECEDENCE_WORDS = ("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE")

_TRANSMISSION = re.compile(r"^(VZCZC[A-Z0-9]*)\s*$")
_PROSIGN = re.compile(r"^(ZZ|OO|PP|RR|[ZOPR])((?:\s+[A-Z]{5,8}\d*)+)\s*$")
_DE = re.compile(r"^DE\s+([A-Z0-9]+)\s+#\s*(\d+)(?:/(\d+))?(?:\s+(\d{7}))?")
_SECURITY = re.compile(r"^ZN[YR]\b.*$")
# "O 261055Z JAN 10", "O 261055Z JAN 10        ZDK" (a trailing operating signal), "O R 181205Z NOV 75"
# (the precedence for the action addressees, then the one for those informed), "... CCY" or "... (CORRECTED COPY)".
_DTG_LINE = re.compile(
    r"^(?:(?P<prec>ZZ|OO|PP|RR|[ZOPR])(?:\s+[ZOPR])?\s+)?(?P<dtg>[0-3]\d[0-2]\d[0-5]\dZ\s+[A-Z]{3}\w*\s+\d{2,4})"
    r"(?:\s+Z[A-Z0-9]{2,3}(?:-\d)?|\s+[A-Z]{3}|\s+\((?:CORRECTED COPY|CORRECTED|CORR)\))*\s*$",
    re.I,
)
# A copy may write the labels with a colon ("FM: AMEMBASSY PARIS", "FROM: ...", "TO: SECSTATE WASHDC").
_FM = re.compile(r"^(?:FM:?|FROM:)\s+(.+?)\s*$")
_LIST_START = re.compile(r"^(TO|INFO|XMT):?(?:(?:\s+|/)(.+?))?\s*$")
_XMT_IN_LIST = re.compile(r"^XMT(?:\s+|/)(.+?)\s*$")
_FRONT_LABEL = re.compile(r"^(?:TAGS?|SUBJECT|SUBJ|REFS?|REFTELS?|" + EO_LABEL + r"|EO\s+\d|CLASSIFIED\s+BY|DECL)\b", re.I)
_DISTRIBUTION = re.compile(r"\b[A-Z]{1,6}-\d\d\b")
_RECIPIENT = re.compile(
    r"^(?:(?P<route>[A-Z0-9]{4,8}|ZEN)/)?(?P<name>.+?)"  # ZEN: a copy delivered another way
    r"(?:\s+(?P<prec>NIACT\s+IMMEDIATE|FLASH|IMMEDIATE|PRIORITY|ROUTINE))?"
    r"(?:\s+(?P<mcn>\d{1,6}))?\s*$"
)


@dataclass
class Header:
    transmission_id: str | None = None
    prosign: str | None = None
    indicators: tuple[str, ...] = ()
    station: str | None = None
    serial: str | None = None
    julian: str | None = None
    security: str | None = None
    dtg: str | None = None
    precedence: str | None = None
    from_: str | None = None
    to: list[Recipient] = field(default_factory=list)
    info: list[Recipient] = field(default_factory=list)
    xmt: list[Recipient] = field(default_factory=list)
    lines_read: int = 0
    unknown: list[int] = field(default_factory=list)
    """Indexes of lines that are not header lines (read past when a banner follows)."""

    @property
    def routing(self) -> Routing | None:
        if not (self.prosign or self.station or self.security):
            return None
        return Routing(
            prosign=self.prosign,
            indicators=self.indicators,
            station=self.station,
            serial=self.serial,
            julian=self.julian,
            security=self.security,
        )


def parse_recipient(line: str) -> Recipient | None:
    text = " ".join(line.split())
    match = _RECIPIENT.match(text)
    if not match or not match["name"].strip():
        return None
    prec = match["prec"]
    return Recipient(
        name=match["name"].strip(),
        route=match["route"],
        precedence=" ".join(prec.split()) if prec else None,
        mcn=match["mcn"],
    )


_DTG_LINE_INITIALS = frozenset("ZOPRzopr0123")
"""What a date-time group line can begin with: a precedence letter (in either case) or a day's first digit."""


def _read_line(header: Header, line: str, current: list[Recipient] | None) -> tuple[bool, list[Recipient] | None]:
    """Take one header line; return (understood, the recipient list it continues).

    Each line pattern is tried only on a line that begins with a letter it can begin with:
    most header lines are addressees, which none of them reads."""
    first = line[:1]
    if first == "V" and (m := _TRANSMISSION.match(line)):
        header.transmission_id = header.transmission_id or m[1]
        return True, None
    if first == "D" and (m := _DE.match(line)):
        header.station, header.serial, header.julian = m[1], m[2], m[4]
        return True, None
    if first == "Z" and _SECURITY.match(line):
        header.security = header.security or " ".join(line.split())
        return True, None
    if first in _DTG_LINE_INITIALS and (m := _DTG_LINE.match(line)):
        if header.dtg is None:
            header.dtg = " ".join(m["dtg"].split()).upper()
            if m["prec"]:
                header.precedence = PRECEDENCE_LETTERS[m["prec"][0].upper()]
        return True, None
    if first in "ZOPR" and (m := _PROSIGN.match(line)):
        if header.prosign is None:
            header.prosign = m[1]
            header.indicators = tuple(m[2].split())
        return True, None
    if first == "F" and (m := _FM.match(line)):
        header.from_ = header.from_ or " ".join(m[1].split())
        return True, None
    if first in "TIX" and (m := _LIST_START.match(line)):
        kind, rest = m[1], m[2] or ""
        if kind == "INFO" and len(_DISTRIBUTION.findall(rest)) >= 2:
            return True, None  # an office distribution list (LOG-00 NP-00 ...), not addressees
        if kind != "XMT" and (xmt := _XMT_IN_LIST.match(rest)):  # "INFO XMT AMEMBASSY X"
            kind, rest = "XMT", xmt[1]
        target = {"TO": header.to, "INFO": header.info, "XMT": header.xmt}[kind]
        if rest and (recipient := parse_recipient(rest)):
            target.append(recipient)
        return True, target
    if first == "B" and line.rstrip() == "BT":
        return True, None  # the telegram's break between its header and its text: no addressee
    if current is not None and line.strip():
        if _FRONT_LABEL.match(line):
            return False, None  # "TAGS: ..." right under the INFO list: the front matter begins
        if len(_DISTRIBUTION.findall(line)) >= 2:
            return True, None
        if xmt := _XMT_IN_LIST.match(line):  # "XMT/AMEMBASSY SOFIA": the posts a collective leaves out
            if recipient := parse_recipient(xmt[1]):
                header.xmt.append(recipient)
            return True, header.xmt
        if recipient := parse_recipient(line):
            current.append(recipient)
        return True, current
    return False, None


def parse_header(lines: list[str], stop_at_unknown: bool) -> Header:
    """Read header lines. With ``stop_at_unknown`` (no banner found) stop at the first
    line that is not a header line; otherwise skip what is not understood."""
    header = Header()
    current: list[Recipient] | None = None
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            current = None
            continue
        understood, current = _read_line(header, line, current)
        if understood:
            header.lines_read = index + 1
        elif stop_at_unknown:
            break
        else:
            header.unknown.append(index)
    if header.dtg is None:
        for raw in lines[: header.lines_read or len(lines)]:
            if m := DTG.search(raw):
                header.dtg = " ".join(m.group(0).split()).upper()
                break
    # A page that shows the header twice (a pasted database row between) lists each addressee once.
    header.to, header.info, header.xmt = (list(dict.fromkeys(group)) for group in (header.to, header.info, header.xmt))
    if header.precedence is None and header.prosign:
        header.precedence = PRECEDENCE_LETTERS.get(header.prosign[0])
    return header
