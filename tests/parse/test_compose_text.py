"""compose_text's quick path (plain wrapped prose joined at once) gives what reading the lines one
by one gives, for every shape that needs the lines read one by one."""

from __future__ import annotations

import pytest

from reader.parse.paragraphs import _LINES_SPLIT_TOGETHER, _compose_lines, compose_text

PROSE = ["THE AMBASSADOR MET THE FOREIGN MINISTER ON MAY 3 TO DISCUSS", "THE ELECTIONS.  THE MINISTER SAID THAT", "  THE GOVERNMENT WOULD NOT DELAY THEM."]


@pytest.mark.parametrize(
    "lines",
    [
        PROSE,
        ["", " ", *PROSE, "", "  "],  # blank lines around the text
        [*PROSE[:2], "", PROSE[2]],  # a blank line inside: two blocks
        [*PROSE[:2], " \u00a0 ", "the rest, in lower case, joined on"],  # a blank line of other spaces
        ["THE LIST:", "-- FIRST ITEM", "-- SECOND ITEM", "A. LETTERED", "(b) BRACKETED", "o BULLET", "* STAR", "\u2022 DOT"],
        ["NUMBER OF CASES", "          OPENED    CLOSED", "1. PROPAGANDA     (40)      (35)"],  # a table's columns
        ["CASES BY OFFICE", "          OPENED    CLOSED", "PROPAGANDA     40      35"],
        ["NAME:\tVALUE", "NEXT LINE"],
        ["THE US-", "LATIN AMERICAN SUMMIT", "MEDIUM- ", "OR HIGH-LEVEL"],  # hyphens at line ends
        ["ONE"],
        [],
        ["", ""],
        ["WORD"] * (_LINES_SPLIT_TOGETHER + 1),
    ],
)
def test_the_quick_path_and_the_line_by_line_path_agree(lines: list[str]) -> None:
    assert compose_text(lines) == _compose_lines(lines)


def test_plain_prose_is_one_line_of_single_spaces() -> None:
    assert compose_text(["", *PROSE, ""]) == " ".join(" ".join(PROSE).split())


def test_a_wrap_before_a_short_word_and_its_full_stop_is_no_list_item() -> None:
    """A line a wrap opens with "it.", "so.", "Mr.", "km." or an acronym in parentheses ("(EU)")
    goes on with its sentence; a letter, a number, "2a", a roman numeral still open an item."""
    from tests.conftest import corpus_cable

    assert "Russia cannot find traces of it. The U.S. said" in corpus_cable("html/10STATE17263.html").paragraphs[28].text
    assert "WILLIAMSON called on Mr. Mohammed BEDJAOUI" in corpus_cable("html/07ALGIERS652.html").paragraphs[12].text
    assert "during Spain's European Union (EU) Presidency" in corpus_cable("html/09MADRID612.html").paragraphs[0].text
    assert compose_text(["THE MINISTER SAID HE WOULD", "DO. THE REST FOLLOWS", "(EU) MEMBERS AGREED"]) == (
        "THE MINISTER SAID HE WOULD DO. THE REST FOLLOWS (EU) MEMBERS AGREED"
    )
    items = ["THE POINTS:", "A. LETTERED", "2) NUMBERED", "12. TWO DIGITS", "2a. SUB-ITEM", "ii. ROMAN", "IV) ROMAN", "(iv) ROMAN"]
    assert compose_text(items) == "\n".join(items)


def test_a_summary_label_spaced_out_opens_prose_and_a_form_keeps_its_fields() -> None:
    """"Summary:   Conservative, risk-averse  practices and" / "tight supervision allowed ..." is
    one sentence, not a form's field and its value; a form's fields stay one a line."""
    from tests.conftest import corpus_cable

    rome = corpus_cable("html/09ROME395.html").paragraphs[0].text
    assert rome.startswith("Summary: Conservative, risk-averse practices and tight supervision allowed Italy's banking system")
    assert "\n" not in corpus_cable("html/07BUENOSAIRES1244.html").paragraphs[0].text
    kingston = corpus_cable("text/07KINGSTON382.txt").paragraphs[1].text
    assert "DOB:               15 Aug 72/Kingston, Jamaica\nType of Training: CIVIL MILITARY" in kingston
    form = ["NAME:        JOHN SMITH, DEPUTY CHIEF OF MISSION AT THE EMBASSY IN", "TITLE:       AMBASSADOR"]
    assert compose_text(form) == "\n".join(form)
