"""Whole cable pages a Markdown converter rendered read as the pages do.

``tests/data/converted/`` holds corpus pages run, whole, through two converters:
html2text 2025.4.15 with its default settings (the cable's ``<pre>`` blocks become
code blocks indented by four spaces, between "`" lines) and markdownify 1.2.3
(fenced code blocks). Both keep the site's navigation, render the metadata table as
a pipe table, and write links with their targets (``[PREL](/tag/PREL_0.html)``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import Cable
from reader.model.json_codec import cable_to_json
from reader.parse import parse_file
from reader.parse.markdown import normalize_markdown
from tests.conftest import corpus_file

CONVERTED = Path(__file__).resolve().parents[1] / "data" / "converted"


def _one(path: Path) -> Cable:
    (result,) = list(parse_file(path))
    assert isinstance(result, Cable), result
    return result


def _fields(cable: Cable) -> dict:
    data = cable_to_json(cable)
    for key in ("source", "warnings"):
        data.pop(key)
    return data


@pytest.mark.parametrize(
    ("converted", "page"),
    [
        ("09CAIRO999.html2text.md", "html/09CAIRO999.html"),
        ("08CAIRO9.html2text.md", "html-2010/08CAIRO9.html"),  # pilcrow anchors: "[¶](#par1)1. (S)"
        ("05SANJOSE2051.markdownify.md", "html/05SANJOSE2051.html"),
    ],
)
def test_a_converted_page_gives_the_page_s_model(converted: str, page: str) -> None:
    markdown = _one(CONVERTED / converted)
    original = _one(corpus_file(page))
    assert markdown.source.format == "markdown"
    assert _fields(markdown) == _fields(original)
    assert markdown.metadata is not None and markdown.metadata.reference_id == original.reference_id
    assert markdown.signers and markdown.tags and markdown.paragraphs


def test_code_blocks_are_set_back_and_fences_dropped() -> None:
    text = "Intro\n\n```` ```\nUNCLAS STATE 000123\n``` ````\n\n`\n\n    SUBJECT: ONE\n     \n    1. (U) Text.\n    SMITH\n\n` `\n"
    assert normalize_markdown(text) == "Intro\n\n\nUNCLAS STATE 000123\n\n\n\n\nSUBJECT: ONE\n \n1. (U) Text.\nSMITH\n\n\n"


def test_a_short_indented_run_is_the_cable_s_own_indent() -> None:
    """ "     ¶B. SAN JOSE 2037" alone between blank lines is a REF list's entry, not a code block."""
    text = "REF: A. SAN JOSE 2038\n\n     [1](#)B. SAN JOSE 2037\n\nClassified By: CDA\n"
    assert normalize_markdown(text) == "REF: A. SAN JOSE 2038\n\n     ¶B. SAN JOSE 2037\n\nClassified By: CDA\n"
