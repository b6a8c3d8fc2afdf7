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
    levels = (marking_level(match["marking"]) for match in _ITEM_MARKING.finditer(text))
    return tuple(level for level in levels if level)


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
