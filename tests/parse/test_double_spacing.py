"""Cables set double-spaced (a blank line after every line): their paragraphs read as wrapped prose."""

from __future__ import annotations

import pytest

from reader.model import Cable
from reader.parse import parse_file
from reader.parse.double_spacing import is_double_spaced, single_spaced
from reader.parse.paragraphs import compose_text
from tests.conftest import SHARED_DATA, corpus_cable

DOUBLE_SPACED = ("html/05BUENOSAIRES496.html", "html/06BUENOSAIRES677.html", "html/07BUENOSAIRES1244.html")


def test_a_wrap_before_a_capital_or_a_number_is_no_paragraph_break() -> None:
    """05BUENOSAIRES496 has a blank line after each of its lines: "to meet with" / (blank) /
    "Governor Romero" was a break in paragraph 1, and every wrap before a capital one more."""
    cable = corpus_cable("html/05BUENOSAIRES496.html")
    first = cable.paragraphs[0].text
    assert first.startswith(
        "SUMMARY: Ambassador Gutierrez traveled to the northern province of Salta February 24-25 to meet with"
        " Governor Romero, to review the current state of U.S.-Argentine counternarcotics cooperation on"
        " the northern border, and to exchange views with leading business executives in the province."
        " Governor Romero expressed his appreciation"
    )
    assert all("\n" not in paragraph.text for paragraph in cable.paragraphs[:3])
    assert cable.summary is not None and "\n" not in cable.summary
    # What the blank lines did not hide stays: the numbers, the headings boxed by rules, the signer.
    assert [p.number for p in cable.paragraphs] == list(range(1, 20))
    assert cable.paragraphs[1].heading == "Positive Meeting With Governor Romero"
    assert cable.paragraphs[4].heading == "SALTA: DRUG CORRIDOR TO BUENOS AIRES"
    assert cable.signers == ["GUTIERREZ"]
    assert "SIPDIS" not in cable.paragraphs[15].text


def test_other_double_spaced_cables_read_as_prose() -> None:
    zannini = corpus_cable("html/06BUENOSAIRES677.html")
    assert "met on March 20 with Carlos Zannini, the Secretary for Legal and Technical Affairs in the Casa Rosada." in zannini.paragraphs[0].text
    assert "in the labor dispute in Las Heras during which" in zannini.paragraphs[2].text
    alfonsin = corpus_cable("html/07BUENOSAIRES1244.html")
    assert "not sustainable for more than the next 18 to 24 months" in alfonsin.paragraphs[1].text
    assert [p.number for p in alfonsin.paragraphs] == list(range(1, 8))


def test_the_release_csv_row_reads_as_the_page_does() -> None:
    """cables.csv carries the same blank lines: its row gives the page's paragraphs."""
    sample = SHARED_DATA / "cables-sample.csv"
    if not sample.exists():
        pytest.skip("cables-sample.csv is not here")
    rows = {r.reference_id: r for r in parse_file(sample) if isinstance(r, Cable)}
    compared = 0
    for name in DOUBLE_SPACED:
        page = corpus_cable(name)
        row = rows.get(page.reference_id)
        if row is not None:
            assert [p.text for p in row.paragraphs] == [p.text for p in page.paragraphs]
            compared += 1
    assert compared == len(DOUBLE_SPACED)


def test_text_with_a_paragraph_or_an_item_a_line_is_not_double_spaced() -> None:
    """Pages whose paragraphs each stand on one long line between blank lines, and a list of
    participants a blank line apart, keep their breaks: no line there goes on in lower case."""
    for name in ("html/09TRIPOLI293.html", "html/03BRASILIA3122.html", "html/09BRASILIA34.html"):
        cable = corpus_cable(name)
        lines = "\n\n".join(p.text for p in cable.paragraphs).split("\n")
        assert not is_double_spaced(lines), name
    participants = corpus_cable("html/10STATE17263.html").paragraphs[75].text
    assert "(NSC)\n\nDaniel Menzel, Intelligence Analyst\n\nMichael Barnes" in participants


def test_a_run_of_blank_lines_still_ends_a_paragraph() -> None:
    """In double-spaced text a lone blank line ends a line; the line of spaces a page puts between
    two blank lines (a run of them) ends a paragraph, and a list keeps its items."""
    lines = ["The Ambassador met with", "", "Governor Romero on February 24.", "", " ", "", "Romero said:", "", "-- one thing;", "", "-- another."]
    assert single_spaced(lines) == ["The Ambassador met with", "Governor Romero on February 24.", "", "Romero said:", "-- one thing;", "-- another."]
    assert compose_text(lines, double_spaced=True) == (
        "The Ambassador met with Governor Romero on February 24.\n\nRomero said:\n-- one thing;\n-- another."
    )
    assert compose_text(lines) == "The Ambassador met with\n\nGovernor Romero on February 24.\n\nRomero said:\n\n-- one thing;\n\n-- another."


def test_few_lines_tell_nothing() -> None:
    lines = ["Ambassador met with", "", "Governor Romero", "", "on Tuesday."]
    assert not is_double_spaced(lines)
    assert not is_double_spaced([])
