"""A cable that repeats another ("THE FOLLOWING SAN JOSE 00928 ... IS BEING REPEATED FOR YOUR
INFO: QUOTE:"): the preamble is a reference to the cable repeated, linked, and neither it nor the
repeated cable's banner under QUOTE is a line not understood. On the real page 08STATE125686, and on
its text edited into the other shapes such preambles take."""

from __future__ import annotations

import pytest

from reader.model import Cable
from reader.parse import parse_bytes
from reader.parse.decode import decode_bytes
from reader.parse.html_page import extract_page
from tests.conftest import corpus_cable, corpus_file

PAGE = "html/08STATE125686.html"
PREAMBLE = (
    "THE FOLLOWING SAN JOSE 00928 DTG 262221Z NOV 08 SENT \n"
    "ACTION TO SECSTATE WASHDC IS BEING REPEATED FOR YOUR \n"
    "INFO: \n \nQUOTE: \nUNCLAS SAN JOSE 000928 \n"
)


def _page_text() -> str:
    return extract_page(decode_bytes(corpus_file(PAGE).read_bytes())[0]).text


def _with_preamble(preamble: str) -> Cable:
    text = _page_text()
    assert PREAMBLE in text
    result = parse_bytes(text.replace(PREAMBLE, preamble).encode("utf-8"), "pasted.txt")
    assert isinstance(result, Cable), result
    return result


def test_the_preamble_of_a_repeated_cable_is_a_reference_to_it() -> None:
    cable = corpus_cable(PAGE)
    assert cable.warnings == []
    (repeat,) = cable.references
    assert repeat.reference_id == "08SANJOSE928"
    assert repeat.text.startswith("THE FOLLOWING SAN JOSE 00928 DTG 262221Z NOV 08")
    assert repeat.text.endswith("IS BEING REPEATED FOR YOUR INFO")
    assert cable.reference_id == "08STATE125686" and cable.classification == "UNCLASSIFIED"
    assert cable.subject.startswith("COLD FRONT AFFECTING CARIBBEAN COAST")
    assert [p.number for p in cable.paragraphs][:3] == [1, 2, 3]


@pytest.mark.parametrize(
    ("preamble", "expected"),
    [
        # Telegraphese, no date-time group: the repeating cable's year.
        ("FOL RPT SAN JOSE 928 ACTION SECSTATE NOV 26: \n \nQUOTE \nUNCLAS SAN JOSE 000928 \n", "08SANJOSE928"),
        # Sent the year before it was repeated: the year of its date-time group.
        ("THE FOLLOWING SAN JOSE 02917 DTG 312359Z DEC 07 SENT ACTION \nSECSTATE IS REPEATED TO YOU: \n", "07SANJOSE2917"),
        # On one line, BEGIN QUOTE, no banner under it.
        ("THE FOLLOWING SAN JOSE 00928 SENT ACTION SECSTATE IS BEING REPEATED FOR YOUR ACTION: \nBEGIN QUOTE: \n", "08SANJOSE928"),
    ],
)
def test_repeat_preambles_in_other_shapes(preamble: str, expected: str) -> None:
    cable = _with_preamble(preamble)
    assert [r.reference_id for r in cable.references] == [expected]
    assert cable.warnings == []
    assert cable.subject.startswith("COLD FRONT AFFECTING CARIBBEAN COAST")


def test_a_following_line_that_repeats_nothing_is_still_reported() -> None:
    cable = _with_preamble("THE FOLLOWING IS A JOINT STATEMENT OF THE TWO GOVERNMENTS: \n")
    assert cable.references == []
    assert cable.warnings == ["front-matter line not understood: THE FOLLOWING IS A JOINT STATEMENT OF THE TWO GOVERNMENTS:"]
