"""Text set double-spaced: a blank line after every line, so that a blank line is no paragraph break.

Some cables of the release (in the corpus, three of Buenos Aires', 2005 to 2007) come with
an empty line after each of their wrapped lines, on the web pages and in ``cables.csv`` alike::

    northern province of Salta February 24-25 to meet with
    (blank)
    Governor Romero, to review the current state of

Read as usual, every line is a block of its own: the blocks join only where the next one
opens in lower case, and the text breaks at every wrap that falls before a capital or a
number ("to meet with" / "Governor Romero"). In such a text a lone blank line is a line's
end, and a run of them (the page writes a line of spaces between two blank lines) ends a
paragraph.

Told apart from a text whose paragraphs (or list items) each stand on one line between
blank lines: there the lines are long, or no line goes on in lower case after a line that
left its sentence open; in double-spaced prose many do.
"""

from __future__ import annotations

from itertools import pairwise

from reader.parse.line_shapes import SENTENCE_END

_FEWEST_LINES = 8
"""Fewer lines with text than this are too few to tell."""
_WRAPPED_WIDTH = 90
"""The widest a wrapped telegram's typical (median) line is: one of a paragraph a line is longer."""
_FEWEST_OPEN_ENDS = 5
"""Lines that leave their sentence open before a lone blank line, fewest to tell by."""


def _blank(line: str) -> bool:
    return not line or line.isspace()


def is_double_spaced(lines: list[str]) -> bool:
    """Whether the lines are set double-spaced: almost no two lines with text touch, most are one
    blank line apart, the typical line is of a wrapped telegram's width, and of the lines that
    leave their sentence open before a lone blank line, at least two in five go on in lower case
    after it. (An empty line a third of the lines or more is asked first, at the speed of C.)"""
    if len(lines) < 2 * _FEWEST_LINES or lines.count("") * 3 < len(lines):
        return False
    blank = [_blank(line) for line in lines]
    widths = sorted(len(line.strip()) for line, empty in zip(lines, blank, strict=True) if not empty)
    if len(widths) < _FEWEST_LINES or widths[len(widths) // 2] > _WRAPPED_WIDTH:
        return False
    touching = sum(1 for upper, lower in pairwise(blank) if not upper and not lower)
    if touching * 10 > len(widths):
        return False
    one_apart = open_ends = lower_case = 0
    for index in range(len(lines) - 2):
        if blank[index] or not blank[index + 1] or blank[index + 2]:
            continue
        one_apart += 1
        if not lines[index].rstrip().endswith(SENTENCE_END):
            open_ends += 1
            lower_case += lines[index + 2].lstrip()[:1].islower()
    return one_apart * 10 >= len(widths) * 6 and open_ends >= _FEWEST_OPEN_ENDS and lower_case * 5 >= open_ends * 2


def single_spaced(lines: list[str]) -> list[str]:
    """Double-spaced lines set single-spaced: a lone blank line between two lines with text goes
    (the line break stays), a run of blank lines becomes one (a paragraph's break)."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        if not _blank(lines[index]):
            out.append(lines[index])
            index += 1
            continue
        end = index
        while end < len(lines) and _blank(lines[end]):
            end += 1
        if end - index > 1 or index == 0 or end == len(lines):
            out.append("")
        index = end
    return out
