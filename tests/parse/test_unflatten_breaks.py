"""The line breaks ``unflatten`` puts into a long line, found by scanning for what starts the new
line, equal the regular expressions that say what they are (and that tried every position)."""

from __future__ import annotations

import random
import re
from datetime import date

from reader.parse.unflatten import _break_before_labels, _break_before_paragraphs, unflatten
from tests.conftest import corpus_cable

BEFORE_LABEL = re.compile(
    r"(?:\s+|(?<=\d)|(?<=[^\W\d_])(?=E\.\s?O\.\s?\d{5}))"
    r"(?=(?:E\.\s?O\.\s?\d{5}|TAGS:|SUBJECT:|SUBJ:|REF:|REFS:|REFTEL:|CLASSIFIED BY\b|Classified By\b|SIPDIS\b|¶\s*\d))"
)
BEFORE_PARAGRAPH = re.compile(r"([.!?\"')])\s+(?=\d{1,3}\.\s+\((?:S|C|U|SBU|LOU|TS|FOUO)(?:/{1,2}[A-Z ]+)?\)\s)")
PIECES = [
    *("E.O. 12958", "E. O.12345", "E.O.1234", "TAGS:", "SUBJECT:", "SUBJ:", "REF:", "REFS:", "REFTEL:"),
    *("CLASSIFIED BY", "CLASSIFIED BYX", "Classified By", "SIPDIS", "SIPDISX", "¶", "¶ 5", "¶5"),
    *("1. (C) ", "12. (S) ", "1234. (C) ", "3. (S/NF) ", "4. (C//REL USA) ", "5.  (U)\t", "٣. (C) ", "0. (U) "),
    *(" ", "  ", "\t", "\u00a0", "\u2028", ".", "!", "?", '"', "'", ")", "(", "x", "word", "X", "TAGS", "É", "HELBLING"),
    *("7", "99", "12", "1", "123", "٣"),
]


def test_the_breaks_equal_the_expressions_that_define_them() -> None:
    pick = random.Random(5)
    for _ in range(40_000):
        line = "".join(pick.choice(PIECES) for _ in range(pick.randrange(1, 14)))
        assert _break_before_labels(line) == BEFORE_LABEL.sub("\n", line), repr(line)
        assert _break_before_paragraphs(line) == BEFORE_PARAGRAPH.sub(r"\1\n\n", line), repr(line)


def test_a_flattened_front_matter_and_run_together_paragraphs_are_broken_apart() -> None:
    flat = (
        "C O N F I D E N T I A L SECTION 01 OF 02 ALMATY 002872 SIPDIS E.O. 12958: DECL: 07/28/2016 "
        "TAGS: PREL PGOV KZ SUBJECT: KAZAKHSTAN: THE PRESIDENT'S MEETING REF: A. ALMATY 2549 "
        "Classified By: Ambassador John Ordway, reasons 1.4 (b) and (d). 1. (C) Summary: the talks went well. "
        "2. (U) The second paragraph, which is long enough."
    )
    assert unflatten(flat).split("\n") == [
        "C O N F I D E N T I A L SECTION 01 OF 02 ALMATY 002872",
        "SIPDIS",
        "E.O. 12958: DECL: 07/28/2016",
        "TAGS: PREL PGOV KZ",
        "SUBJECT: KAZAKHSTAN: THE PRESIDENT'S MEETING",
        "REF: A. ALMATY 2549",
        "Classified By: Ambassador John Ordway, reasons 1.4 (b) and (d).",
        "",
        "1. (C) Summary: the talks went well.",
        "",
        "2. (U) The second paragraph, which is long enough.",
    ]


def test_an_eo_line_run_into_the_word_before_it_starts_a_line() -> None:
    """09CAIRO79's page lost the line breaks of its front matter, and its FOR line ends in a name
    that runs into ``E.O.``: "E.O." and its order's number start a line after a letter too."""
    flat = (
        "C O N F I D E N T I A LCAIRO 000079 SIPDIS DEPARTMENT FOR NEA/ELA, DRL/NESCA, INL AND INR/NESA NSC FOR "
        "PASCUAL AND KUTCHA-HELBLINGE.O. 12958: DECL: 01/15/2029TAGS: PGOV PHUM KDEM EG"
    )
    assert unflatten(flat).split("\n")[-3:] == [
        "SIPDIS DEPARTMENT FOR NEA/ELA, DRL/NESCA, INL AND INR/NESA NSC FOR PASCUAL AND KUTCHA-HELBLING",
        "E.O. 12958: DECL: 01/15/2029",
        "TAGS: PGOV PHUM KDEM EG",
    ]
    cable = corpus_cable("html/09CAIRO79.html")
    assert cable.for_ == "DEPARTMENT FOR NEA/ELA, DRL/NESCA, INL AND INR/NESA NSC FOR PASCUAL AND KUTCHA-HELBLING"
    assert (cable.eo, cable.declassify_on) == ("12958", date(2029, 1, 15))
    assert _break_before_labels("THE TALKS ON E.O.X AND THEO. 12958") == "THE TALKS ON E.O.X AND THEO. 12958"
