"""A cable page saved as text, or copied whole from a browser.

The site's navigation comes first (release dates, creation months, origins), then the
page's metadata table as text: the five headings ``Reference ID``, ``Created``,
``Released``, ``Classification``, ``Origin`` and their five values, one a line,
separated by tabs (a copied table row) or by pipes (a Markdown converter's table).
The cable follows. The navigation is no text of the cable; the table's values are the
page's metadata, as an HTML page's are.
"""

from __future__ import annotations

import re

from reader.model import PageMetadata
from reader.parse.html_page import parse_page_time

_HEADINGS = re.compile(r"Reference ID[\s|]+Created[\s|]+Released[\s|]+Classification[\s|]+Origin[ \t|]*\n")
# A cell: a line, a tab-separated field or a Markdown table's field ("| 09CAIRO999 | ...").
_CELLS = re.compile(r"[^\t\n|]*[^\s|][^\t\n|]*")
_TABLE_RULE = re.compile(r"^:?-{3,}:?$")  # "| --- | --- |" under a Markdown table's headings
_REFERENCE_ID = re.compile(r"^\d{2,4}[A-Z][A-Z-]*\d+$")  # "7575LIBREVILLE1895" too
_VALUES = 5


def take_saved_page(text: str) -> tuple[str, PageMetadata | None]:
    """The cable text without the page around it, and what the page's table says of the cable;
    the text unchanged and None when it is no saved page."""
    headings = _HEADINGS.search(text) if "Reference ID" in text else None
    if headings is None:
        return text, None
    cells = []
    for match in _CELLS.finditer(text, headings.end()):
        if _TABLE_RULE.match(match[0].strip()):
            continue
        cells.append(match)
        if len(cells) == _VALUES:
            break
    values = [cell[0].strip() for cell in cells]
    if len(values) < _VALUES or not _REFERENCE_ID.match(values[0]) or parse_page_time(values[1]) is None:
        return text, None
    metadata = PageMetadata(
        reference_id=values[0],
        created=parse_page_time(values[1]),
        released=parse_page_time(values[2]),
        classification=values[3],
        origin=values[4],
    )
    row_end = text.find("\n", cells[-1].end())  # the rest of the table's row ("... | Embassy Cairo |") goes too
    return (text[row_end + 1 :] if row_end >= 0 else ""), metadata
