"""The marking audit's findings as the library keeps them: one row per cable and code."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reader.library.packing import unpack_cable
from reader.model import Cable
from reader.review import CODES, audit

ANY = "any"
"""``audit:any``: every cable with at least one finding."""


def finding_codes(cable: Cable) -> list[str]:
    """The distinct finding codes of a cable, in the order of CODES."""
    return list(dict.fromkeys(f.code for f in audit(cable)))


def findings_rows(models: Iterable[tuple[int, bytes]]) -> Iterator[tuple[int, str]]:
    """(cable id, code) rows for stored documents."""
    for key, blob in models:
        cable = unpack_cable(blob)
        for code in finding_codes(cable):
            yield key, code


def audit_filter_value(value: str) -> str | None:
    """A valid ``audit:`` value (``any`` or a finding code), or None."""
    value = value.strip().lower()
    return value if value == ANY or value in CODES else None
