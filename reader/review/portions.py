"""The portions of a paragraph: its own marking, or the markings of the items it is made of.

``1. Key Points: -- (S/NF) ... -- (C) ...``: a paragraph whose head carries no marking
may still be marked item by item. Such a paragraph is marked (at its highest item's
level), not unmarked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.model import LEVELS, Paragraph
from reader.parse.classification import MARKING, marking_level

# A marking opening a line of the paragraph, after a bullet or an item label if any.
_ITEM_MARKING = re.compile(r"(?m)^[ \t]*(?:[-–—*•]+[ \t]*|\(?[A-Za-z0-9]{1,2}[.)][ \t]*)?" + MARKING.pattern, re.I)


def item_levels(paragraph: Paragraph) -> list[str]:
    """The levels of the markings its items carry (empty when none is marked)."""
    return list(_item_levels(paragraph.text))


@lru_cache(maxsize=256)
def _item_levels(text: str) -> tuple[str, ...]:
    """The audit asks this of each paragraph several times: it is read once."""
    levels: list[str] = []
    end = 0  # where the last marking read ends: the next one starts after it
    bracket = text.find("(")
    while bracket >= 0:
        # A marking's "(" is on the line it opens: only such lines are tried, from their start.
        start = text.rfind("\n", 0, bracket) + 1
        if start >= end and (match := _ITEM_MARKING.match(text, start)):
            end = match.end()
            if level := marking_level(match["marking"]):
                levels.append(level)
        line_end = text.find("\n", bracket)
        bracket = text.find("(", line_end) if line_end >= 0 else -1
    return tuple(levels)


def paragraph_level(paragraph: Paragraph) -> str | None:
    """Its own marking's level, else its highest item's; None when nothing in it is marked."""
    if paragraph.level:
        return paragraph.level
    levels = item_levels(paragraph)
    return max(levels, key=LEVELS.index) if levels else None


def highest_level(paragraph: Paragraph) -> str | None:
    """The highest level marked anywhere in it: its own marking or any item's."""
    levels = [level for level in (paragraph.level, *item_levels(paragraph)) if level]
    return max(levels, key=LEVELS.index) if levels else None
