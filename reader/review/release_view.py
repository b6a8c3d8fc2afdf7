"""The cable as it would be released at a lower level: a review copy, never the stored cable.

Shown "as released at CONFIDENTIAL", every paragraph marked above CONFIDENTIAL is
withheld (``[Paragraph 3 withheld: SECRET]``). A paragraph with no marking in a
cable classified above the chosen level is withheld too, saying why: nothing
tells that it may be released, so withholding it is the safe choice. The same
holds for the subject line.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.model import LEVELS, Cable, Paragraph
from reader.parse.classification import marking_level
from reader.review.portions import paragraph_level

RELEASE_LEVELS: tuple[str, ...] = tuple(reversed(LEVELS))
"""The levels a review copy can be made at, highest first."""


@dataclass(frozen=True)
class ShownParagraph:
    """A paragraph of a review copy: the paragraph, or the note that stands for it."""

    paragraph: Paragraph
    withheld: bool = False
    note: str | None = None
    """``[Paragraph 3 withheld: SECRET]``: the line shown instead of a withheld paragraph."""

    @property
    def text(self) -> str:
        return self.note if self.withheld and self.note else self.paragraph.text


@dataclass(frozen=True)
class ReleasedCable:
    cable: Cable
    level: str | None
    """The level released at; None: the cable as classified, nothing withheld."""
    paragraphs: tuple[ShownParagraph, ...]
    subject: str | None
    subject_withheld: bool

    @property
    def banner(self) -> str:
        """``CONFIDENTIAL (review copy)`` for a review copy, else the cable's level and controls."""
        if self.level is None:
            return "//".join([self.cable.classification or "CLASSIFICATION UNKNOWN", *self.cable.controls])
        return f"{self.level} (review copy)"

    @property
    def withheld_count(self) -> int:
        return sum(1 for p in self.paragraphs if p.withheld)


def _rank(level: str | None) -> int:
    return LEVELS.index(level) if level in LEVELS else -1


def _name(paragraph: Paragraph) -> str:
    return f"Paragraph {paragraph.number}" if paragraph.number is not None else "Unnumbered text"


def shown_paragraph(paragraph: Paragraph, cable_level: str | None, level: str | None) -> ShownParagraph:
    """One paragraph as released at ``level`` (None: as classified)."""
    if level is None:
        return ShownParagraph(paragraph)
    marked = paragraph_level(paragraph)  # its own marking, or its marked items' highest
    if marked is not None:
        if _rank(marked) > _rank(level):
            return ShownParagraph(paragraph, True, f"[{_name(paragraph)} withheld: {marked}]")
        return ShownParagraph(paragraph)
    if _rank(cable_level) > _rank(level):
        return ShownParagraph(
            paragraph,
            True,
            f"[{_name(paragraph)} withheld: unmarked in a {cable_level} cable, so it may be {cable_level}]",
        )
    return ShownParagraph(paragraph)


def released_copy(cable: Cable, level: str | None) -> ReleasedCable:
    """The review copy of ``cable`` at ``level`` (one of RELEASE_LEVELS; None: the cable as classified)."""
    if level is not None and level not in LEVELS:
        raise ValueError(f"not a classification level: {level}")
    shown = tuple(shown_paragraph(p, cable.classification, level) for p in cable.paragraphs)
    subject, subject_withheld = cable.subject, False
    if level is not None and cable.subject:
        marked = marking_level(cable.subject_marking)
        if (marked is not None and _rank(marked) > _rank(level)) or (marked is None and _rank(cable.classification) > _rank(level)):
            subject_withheld = True
            subject = f"[Subject withheld: {marked or 'unmarked in a ' + str(cable.classification) + ' cable'}]"
    return ReleasedCable(cable, level, shown, subject, subject_withheld)


def released_text(release: ReleasedCable) -> str:
    """The review copy as plain text: banner, subject, paragraphs, banner (for copy and export)."""
    lines = [release.banner, ""]
    if release.subject:
        lines += [f"SUBJECT: {release.subject}", ""]
    for shown in release.paragraphs:
        paragraph = shown.paragraph
        if shown.withheld:
            lines += [shown.text, ""]
            continue
        head = f"{paragraph.number}. " if paragraph.number is not None else ""
        marking = f"({paragraph.marking}) " if paragraph.marking else ""
        lines += [f"{head}{marking}{paragraph.text}", ""]
    lines.append(release.banner)
    return "\n".join(lines)
