"""Every version the library holds of one cable: each stored source, parsed again.

A document lists every file (and CSV row) it was read from, with the file's text
as it was read. Parsed again, each is a version of the cable as that source gave
it, for the Versions tab and ``python -m reader diff``.
"""

from __future__ import annotations

from reader.model import Cable, Source
from reader.parse import parse_bytes, parse_cable_text


def parse_source(path: str, row: int, form: str, data: bytes) -> Cable | None:
    """One stored source parsed again (a CSV row's text is the cable text of that row)."""
    if form == "csv":
        return parse_cable_text(data.decode("utf-8", errors="replace"), Source(path, "csv", "utf-8", row or None))
    result = parse_bytes(data, path)
    return result if isinstance(result, Cable) else None
