"""A cable page saved as text from a browser reads as the page does.

The saved text is made from a real page the way a browser's "save as text" makes it:
the tags go, block ends become line ends, table cells become lines (or tabs, when a
table row is copied), entities are decoded. The site's navigation stays in front.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from reader.model import Cable
from reader.model.json_codec import cable_to_json
from reader.parse import parse_bytes, parse_file
from tests.conftest import corpus_file

SAVED_WARNING = "a saved cable page: its navigation was taken off, its table read as the page's metadata"


def _saved_as_text(page: str, cells_as_tabs: bool = False) -> str:
    body = page[page.find("<body") :]
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", body, flags=re.S | re.I)
    text = re.sub(r"<br\s*/?>", "\n", text)
    if cells_as_tabs:
        text = re.sub(r"</(td|th)>", "\t", text)
    text = re.sub(r"</(p|div|tr|h\d|li|table|pre|td|th)>", "\n", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def _without_source(cable: Cable) -> dict:
    data = cable_to_json(cable)
    for key in ("source", "warnings"):
        data.pop(key)
    return data


def _page(relative: str) -> tuple[Path, Cable]:
    path = corpus_file(relative)
    (page,) = list(parse_file(path))
    assert isinstance(page, Cable)
    return path, page


@pytest.mark.parametrize(
    ("relative", "cells_as_tabs"),
    [
        ("html/09CAIRO999.html", False),
        ("html-2010/08CAIRO9.html", True),
        ("html-2011-08/73TEHRAN8233.html", False),
        ("html/05BOGOTA6237.html", False),  # the page's table, not the dump inside its text, dates it
    ],
)
def test_a_page_saved_as_text_gives_the_page_s_model(relative: str, cells_as_tabs: bool) -> None:
    path, page = _page(relative)
    saved_text = _saved_as_text(path.read_text(encoding="utf-8"), cells_as_tabs)
    assert saved_text.index("Browse latest releases") < saved_text.index("Reference ID")
    saved = parse_bytes(saved_text.encode("utf-8"), "saved.txt")
    assert isinstance(saved, Cable)
    assert saved.source.format == "text"
    assert SAVED_WARNING in saved.warnings
    assert _without_source(saved) == _without_source(page)
    assert not any("Browse" in paragraph.text for paragraph in saved.paragraphs)


def test_a_copied_table_row_on_one_line_is_read_too() -> None:
    path, page = _page("html/09CAIRO999.html")
    saved_text = _saved_as_text(path.read_text(encoding="utf-8"))
    cable_start = saved_text.index("VZCZCXRO8297")
    copied = (
        "Reference ID\tCreated\tReleased\tClassification\tOrigin\n"
        "09CAIRO999\t2009-06-02 12:12\t2011-02-16 21:09\tCONFIDENTIAL\tEmbassy Cairo\n\n" + saved_text[cable_start:]
    )
    saved = parse_bytes(copied.encode("utf-8"), "copied.txt")
    assert isinstance(saved, Cable)
    assert saved.metadata == page.metadata
    assert saved.paragraphs == page.paragraphs


def test_a_cable_that_mentions_the_headings_is_no_saved_page() -> None:
    text = (
        "UNCLAS STATE 000123\n\nSUBJECT: THE TABLE\n\n1. (U) Reference ID\nCreated\nReleased\nClassification\nOrigin\n"
        "are the headings of the table.\n"
    )
    cable = parse_bytes(text.encode("utf-8"), "cable.txt")
    assert isinstance(cable, Cable)
    assert SAVED_WARNING not in cable.warnings
    assert cable.metadata is None
    assert "Reference ID" in cable.paragraphs[0].text
