"""Cables whose line breaks were lost: put the structure's breaks back.

Some pages of the release hold a whole cable, or its front matter, on one
line (``... 000325 SIPDIS ... E.O. 12958: DECL: ... TAGS: ... SUBJECT: ...``).
Only very long lines are touched, and only before labels and paragraph
numbers, so ordinary text is never split.
"""

from __future__ import annotations

import re

from reader.parse.line_shapes import EO_LABEL, EO_LABEL_AT_LINE_START, NOT_A_CITED_ORDER, lines_opening

LONG_LINE = 160

_LABEL = re.compile(
    EO_LABEL + r"\s?\d{5}" + NOT_A_CITED_ORDER + r"|TAGS:|SUBJECT:|SUBJ:|REF:|REFS:|REFTEL:|CLASSIFIED BY\b|Classified By\b|SIPDIS\b|¶\s*\d"
)
_FLAT_HEADER = re.compile(r"\b\d{6}Z [A-Z]{3} \d{2}\b.*\sFM\s")
_HEADER_LABEL = re.compile(r"\s+(?=(?:FM|TO|INFO|XMT)\s+[A-Z])")
_MARKING_AFTER_NUMBER = re.compile(r"\.\s+\((?:S|C|U|SBU|LOU|TS|FOUO)(?:/{1,2}[A-Z ]+)?\)\s")  # ". (C) " of "5. (C) "
_SENTENCE_END = frozenset(".!?\"')")


def _has_label_hint(line: str) -> bool:
    """Whether a long line holds a label's hint (or a pilcrow after its start): asked of every
    long line, most of them a paragraph's prose, so written out rather than as a loop."""
    return (
        "REF" in line
        or "E.O" in line
        or "E. O" in line
        or "TAGS" in line
        or "SUBJ" in line
        or "CLASSIFIED" in line
        or "Classified" in line
        or "SIPDIS" in line
        or line.find("¶", 1) > 0
    )


# Begins with the sentence's last character, not a look-behind: the search then skips to
# those characters instead of trying the pattern at every position of a long line.
_HEADING_RULE = re.compile(r"([.!?\"')”’])\s+((?:\.\.\.|…)?[^.!?\n]{3,90}?(?:\?|\.\.\.|…)?[ \t]+-{6,})(?:\s+|$)")
"""(A heading may open or close with "...": "...China's "New Generation" of Korea-Hands...".)"""
_CLOSING_WORDS = re.compile(r"(?:END|End) (?:SUMMARY|Summary|COMMENT|Comment|NOTE|Note)\b\.?[ \t]*")
"""The closing words of a summary, comment or note, which end a sentence too: "... demand. End
Summary BP Unsure of Extent of Damage to BTC ------" is a heading after "End Summary"."""


def _heading_out(match: re.Match[str]) -> str:
    """A heading found by ``_HEADING_RULE`` on a line of its own, closing words before it left behind."""
    heading = match[2]
    closing = _CLOSING_WORDS.match(heading)
    if closing is None:
        return match[1] + "\n\n" + heading + "\n\n"
    return match[1] + " " + closing[0].rstrip() + "\n\n" + heading[closing.end() :] + "\n\n"


# A heading boxed by rules on its line: "------ Strong, Unbiased U.S. Role Needed ------" (its
# full stops are no sentence's end). Put on a line of its own, a rule under it.
_BOXED_HEADING = re.compile(r"-(?<!--)-{5,}[ \t]+([^\n]{3,90}?)[ \t]+-{6,}")
"""(Tried where a rule starts, not at each of its dashes: the look-behind comes after the first dash,
which the search skips to.)"""


_CAPTION_THEN_LABEL = re.compile(r"^((?:SIPDIS|NOFORN|SENSITIVE|EXDIS|NODIS)\b[ \t]*)+(?=" + EO_LABEL + "|TAGS|SUBJECT|CLASSIFIED BY)")


_FRONT_LABEL = r"(?:" + EO_LABEL_AT_LINE_START + r"\s?\d{5}|TAGS?\b|SUBJECT:|SUBJ:|SIPDIS|NOFORN)"
_FRONT_LINE = re.compile(r"^" + _FRONT_LABEL + r".*$")
_FRONT_LINE_OPENING = re.compile(r"\n" + _FRONT_LABEL)
_INLINE_LABEL = re.compile(r"\s+(?=(?:TAGS:|SUBJECT:|SUBJ:|" + EO_LABEL + r"\s?\d{5}:|CLASSIFIED BY:|Classified By:))")


def _split_front_lines(lines: list[str], text: str) -> bool:
    """``SIPDIS E.O. 12958: N/A`` and ``E.O. 12958: DECL: 3/11/2019 TAGS: ECON``: one label a line
    (in place; whether any line was split). ``text``: the lines joined, in which the lines that may
    open with a label are found first, instead of a Python loop looking at every line."""
    changed = False
    for index in lines_opening(text, _FRONT_LINE_OPENING):
        line = lines[index]
        if ":" in line and _FRONT_LINE.match(line):
            split = _INLINE_LABEL.sub("\n", _CAPTION_THEN_LABEL.sub(lambda m: m[0].rstrip() + "\n", line))
            if split != line:
                lines[index] = split
                changed = True
    return changed


def _spaces_before(line: str, start: int, floor: int) -> int:
    """Where the run of spaces that ends at ``start`` begins (not before ``floor``)."""
    before = start
    while before > floor and line[before - 1].isspace():
        before -= 1
    return before


def _break_before_labels(line: str) -> str:
    """Each label (``TAGS:``, ``SUBJECT:``, ``E.O. 12958``...) that follows spaces or a digit
    starts a line: the spaces become a line break, or one goes in after the digit. ``E.O.`` and
    its order's number, which no word holds, starts one after a letter too: ``... AND
    KUTCHA-HELBLINGE.O. 12958: DECL: 01/15/2029`` (a FOR line run into the E.O. line).

    The search looks for the labels, whose first letters it skips to, not for the spaces before
    them, which would be tried at every position of a long line."""
    pieces: list[str] = []
    done = 0  # the line up to here is in pieces
    for match in _LABEL.finditer(line):
        start = match.start()
        before = _spaces_before(line, start, done)
        glued = start > done and (line[start - 1].isdecimal() or (line[start - 1].isalpha() and line[start] == "E"))
        if before < start or glued:
            pieces += (line[done:before], "\n")
            done = start
    return "".join(pieces) + line[done:] if pieces else line


def _break_before_paragraphs(line: str) -> str:
    """A blank line before each ``5. (C)`` that follows a sentence's end or a heading's rule, and
    spaces (the spaces go).

    Found by its ". (C)", which the search skips to, and then its one to three digits: a search
    for the digits themselves would stop at every number of the text."""
    pieces: list[str] = []
    done = 0
    for match in _MARKING_AFTER_NUMBER.finditer(line):
        dot = match.start()
        start = dot
        while start > done and dot - start <= 3 and line[start - 1].isdecimal():
            start -= 1
        if not 1 <= dot - start <= 3 or (start > done and line[start - 1].isdecimal()):
            continue
        before = _spaces_before(line, start, done)
        after_rule = line.endswith("------", done, before)  # "Sell-Out? ------ 8. (C) ..."
        if done < before < start and (line[before - 1] in _SENTENCE_END or after_rule):
            pieces += (line[done:before], "\n\n")
            done = start
    return "".join(pieces) + line[done:] if pieces else line


def unflatten(text: str) -> str:
    lines = text.split("\n")
    if _split_front_lines(lines, text):
        text = "\n".join(lines)
        lines = text.split("\n")
    if max(map(len, lines)) <= LONG_LINE:
        return text
    for index, line in enumerate(lines):
        if len(line) > LONG_LINE:
            # Where a label or a head is seen without its hint, the line stays as it was read
            # (so a line without one is not searched: most long lines are a paragraph's prose).
            if "------" in line:  # first: a box holds a heading whole, SIPDIS and all ("... BALL SIPDIS ------")
                line = _BOXED_HEADING.sub(lambda m: "\n\n" + m[1] + "\n------\n\n", line)
            if _has_label_hint(line):
                line = _break_before_labels(line)
            if ". (" in line:
                line = _break_before_paragraphs(line)
            if " FM " in line and _FLAT_HEADER.search(line):  # "O R 181205Z NOV 75 ZFF4 FM AMEMBASSY X TO ... INFO ..."
                line = _HEADER_LABEL.sub("\n", line)
            if "------" in line:
                line = _HEADING_RULE.sub(_heading_out, line)
            lines[index] = line
    return "\n".join(lines)
