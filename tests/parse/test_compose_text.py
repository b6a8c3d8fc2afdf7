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
