"""The filter box's words and operators: ``tag:PTER origin:"Embassy Paris" from:2006-01-01 audit:any nuclear``.

Operators narrow the list by a structured field; the other words must occur in
the id, origin, subject or tags. A word that is not a valid operator value is
kept as a plain word, so typing never fails.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from reader.library.findings import audit_filter_value

OPERATORS = ("tag", "origin", "from", "to", "cites", "control", "audit")
_TOKEN = re.compile(r'(\w+):"([^"]*)"?|(\w+):(\S+)|"([^"]*)"?|(\S+)')


def _date(value: str) -> datetime | None:
    for pattern in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return datetime.strptime(value, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def parse_filter(text: str) -> dict[str, Any]:
    """ListQuery fields for the filter box's text."""
    words: list[str] = []
    fields: dict[str, Any] = {"controls": ()}
    for match in _TOKEN.finditer(text or ""):
        key = (match[1] or match[3] or "").lower()
        value = match[2] if match[1] else match[4]
        if key in OPERATORS and value:
            if key == "tag":
                fields["tag"] = value.upper()
            elif key == "origin":
                fields["origin"] = value
            elif key == "cites":
                fields["cites"] = value.upper()
            elif key == "control":
                fields["controls"] = (*fields["controls"], value.upper())
            elif key == "audit" and (code := audit_filter_value(value)):
                fields["audit"] = code
            elif key in ("from", "to") and (when := _date(value)) is not None:
                fields["date_from" if key == "from" else "date_to"] = when
            else:
                words.append(match[0])
        else:
            words.append(match[5] if match[5] is not None else (match[6] or match[0]))
    fields["text"] = " ".join(w for w in words if w)
    return fields
