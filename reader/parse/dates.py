"""Date-time groups (``100049Z AUG 06``) and declassification dates."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from dateutil import parser as dateutil_parser

MONTHS = {m: i + 1 for i, m in enumerate(("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"))}

DTG = re.compile(
    r"\b(?P<day>[0-3]\d)(?P<hour>[0-2]\d)(?P<minute>[0-5]\d)Z\s+"
    r"(?P<month>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\s+(?P<year>\d{2}(?:\d{2})?)\b",
    re.I,
)


def full_year(two_or_four: str) -> int:
    """Cables span 1966-2010: a two-digit year of 60 or more is in the 1900s."""
    year = int(two_or_four)
    if len(two_or_four) == 4:
        return year
    return 1900 + year if year >= 60 else 2000 + year


def dtg_to_datetime(match: re.Match[str]) -> datetime | None:
    try:
        return datetime(
            full_year(match["year"]),
            MONTHS[match["month"][:3].upper()],
            int(match["day"]),
            int(match["hour"]),
            int(match["minute"]),
            tzinfo=UTC,
        )
    except ValueError:
        return None


_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$")
_EMBEDDED_NUMERIC_DATE = re.compile(r"(?<![\d./-])(\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(?![\d./-])")
_NOT_A_DATE = re.compile(r"\b(OADR|N/?A|X\d|25X|1\.6X|MR|DECLASSIFIED)\b", re.I)


def parse_declassify_date(value: str) -> date | None:
    """A declassification date in any of the forms cables use, or None (OADR, 25X1...)."""
    value = value.strip().rstrip(".;,").strip()
    if not value or _NOT_A_DATE.search(value):
        return None
    numeric = _NUMERIC_DATE.match(value)
    try:
        if numeric:
            a, b, c = numeric.groups()
            if len(a) == 4:
                return date(int(a), int(b), int(c))
            return date(full_year(c) if len(c) in (2, 4) else int(c), int(a), int(b))
        embedded = _EMBEDDED_NUMERIC_DATE.findall(value)
        if len(embedded) == 1:  # "01/15/2018 1.4(B),(D)", "1.4 (B) AND (D) 01/15/2018": the one date in it
            return parse_declassify_date(embedded[0])
        if not re.search(r"\d{4}|\d{1,2}\s*[A-Z]{3}", value, re.I):
            return None
        return dateutil_parser.parse(value, default=datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        return None
