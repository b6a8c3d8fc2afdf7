"""The tag filter: ``tag:MOPS`` finds cables tagged MOPS however they wrote it (MOPPS, mops).

A cable's tags are kept twice, as the handbook spells them and as the cable wrote them;
a filter tag is matched in its own spelling and in the spelling it normalises to. Tags
may hold spaces (``HUMAN RIGHTS``, ``CLINTON, HILLARY``), so in the space-separated
column a space inside a tag is written ``_``.
"""

from __future__ import annotations

from reader.model import Cable
from reader.parse.tags import normalise_tags


def tag_term(tag: str) -> str:
    """One tag as a word of the tags column: upper case, inner spaces as ``_``."""
    return "_".join(tag.upper().split())


def tags_column(cable: Cable) -> str:
    """`` PREL HUMAN_RIGHTS | PRELL `` : the normalised tags, then the written variants."""
    normalised = [tag_term(t) for t in cable.tags]
    variants = [v for v in dict.fromkeys(tag_term(t) for t in cable.tags_as_written) if v not in normalised]
    return " " + " ".join(normalised) + (" | " + " ".join(variants) if variants else "") + " "


def normalised_tags_in_column(column: str) -> tuple[str, ...]:
    """The normalised tags of a tags column, spaces restored."""
    return tuple(t.replace("_", " ") for t in column.split(" | ", 1)[0].split())


def tag_forms(tag: str) -> tuple[str, ...]:
    """The column words a filter tag matches: itself, and its one normalised spelling."""
    forms = [tag_term(tag)]
    normalised = normalise_tags(tag)
    if len(normalised) == 1 and tag_term(normalised[0]) not in forms:
        forms.append(tag_term(normalised[0]))
    return tuple(forms)


def cable_has_tag(cable: Cable, tag: str) -> bool:
    column = tags_column(cable)
    return any(f" {form} " in column for form in tag_forms(tag))
