"""The summary: the text between ``Summary:`` and ``End Summary``, in all the ways cables mark it.

``1. (C) Summary: ... End summary.``, ``Summary and Action Request. ...``,
a ``SUMMARY`` heading underlined with dashes over paragraph 1, ``BEGIN
SUMMARY`` inside a paragraph.
"""

from __future__ import annotations

import re

from reader.model import Paragraph

_START = re.compile(
    r"^\s*(?:\(|I\.\s+|(?:INTRODUCTION|BACKGROUND|OVERVIEW)\s+(?:AND|&)\s+)?"  # "(SUMMARY):", "I. Summary", "SUMMARY/COMMENT:"
    r"(?:BEGIN\s+)?SUMMARY\b\)?(?:\s+(?:AND|&)\s+(?:[A-Z]+\s+){0,2}?[A-Z]+(?=\s*[:.\-])|\s*/\s*[A-Z]+(?=\s*[:.\-]))?\s*[:.\-]*\s*",
    re.I,
)
_BEGIN = re.compile(r"(?:^|\n\n)\s*BEGIN\s+SUMMARY\b\s*[:.\-]*\s*", re.I)
_END = re.compile(r"\bEND\s+(?:OF\s+)?(?:(?:INTRODUCTION|BACKGROUND|OVERVIEW)\s+(?:AND|&)\s+)?SUMMARY\b", re.I)
"""The closing words, also of a summary opened with another heading ("End introduction and summary")."""
# "SUMMARY", "1. Summary", "(C) SUMMARY", "Summary and Comment", "SUMMARY/BACKGROUND" as a heading.
_HEADING = re.compile(
    r"^\s*-*\s*(?:\d{1,2}\.\s*)?(?:\([A-Z/ ]{1,15}\)\s*)?SUMMARY\b(?:\s*/\s*[A-Z]+|\s+(?:AND|&)\s+[A-Z ]{1,40})?\s*:?\s*-*\s*$",
    re.I,
)
_PARAGRAPHS_SEARCHED = 5
_PARAGRAPHS_SPANNED = 6


def _collect(paragraphs: list[Paragraph], start: int, offset: int) -> str | None:
    """The text from ``offset`` in paragraph ``start`` to End Summary (or that paragraph's end)."""
    collected: list[str] = []
    for candidate in paragraphs[start : start + _PARAGRAPHS_SPANNED]:
        text = candidate.text[offset:] if candidate is paragraphs[start] else candidate.text
        end = _END.search(text) if "UMMARY" in text.upper() else None  # upper(): "ſ" matches "s" too
        if end:
            collected.append(text[: end.start()].rstrip(" -(["))  # "... (END SUMMARY)"
            return "\n\n".join(c for c in collected if c).strip() or None
        collected.append(text)
    return paragraphs[start].text[offset:].strip() or None


def find_summary(paragraphs: list[Paragraph]) -> str | None:
    for start, paragraph in enumerate(paragraphs[:_PARAGRAPHS_SEARCHED]):
        if paragraph.heading and _HEADING.match(paragraph.heading):
            return _collect(paragraphs, start, 0)
        if "UMMARY" not in paragraph.text.upper():
            continue
        if _HEADING.match(paragraph.text) and start + 1 < len(paragraphs):
            return _collect(paragraphs, start + 1, 0)  # "------ Summary -------" standing alone
        lines = paragraph.text.split("\n", 1)
        if len(lines) == 2 and _HEADING.match(lines[0]):
            return _collect(paragraphs, start, len(lines[0]) + 1)  # "1. SUMMARY" on its own line
        match = _START.match(paragraph.text) or _BEGIN.search(paragraph.text)
        if match:
            return _collect(paragraphs, start, match.end())
        if section := _SECTION_ONE_SUMMARY.search(paragraph.text):
            return _section_text(paragraph.text, section.end())
    return _closed_only(paragraphs)


_SECTION_ONE_SUMMARY = re.compile(r"(?:^|\n\n)[ \t]*I\.[ \t]+SUMMARY\b[\s:.\-]*", re.I)
"""A report in numbered sections (the yearly narcotics report's "I. Summary" / "II. Status of
Country" / ...), whose first section, after a line of introduction, is the summary."""
_SECTION_TWO = re.compile(r"\n\n[ \t]*II\.\s")


def _section_text(text: str, start: int) -> str | None:
    """The text of a section from ``start`` to the next section ("II.") or End Summary."""
    ends = [match.start() for match in (_SECTION_TWO.search(text, start), _END.search(text, start)) if match]
    return text[start : min(ends, default=len(text))].strip() or None


_SHORTEST_SUMMARY = 40
_OPENED_INSIDE = re.compile(r"\bSUMMARY\s*:\s*", re.I)


def _closed_only(paragraphs: list[Paragraph]) -> str | None:
    """A first paragraph that ends its summary ("... End summary.") though nothing opened it (the
    page dropped the "Summary" heading over it): that paragraph up to its closing words."""
    first = next((paragraph.text for paragraph in paragraphs if paragraph.text), "")
    end = _END.search(first) if "UMMARY" in first.upper() else None
    if end is None or end.start() < _SHORTEST_SUMMARY:
        return None
    opened = _OPENED_INSIDE.search(first, 0, end.start())  # "This is an action request. Summary: ..."
    return first[opened.end() if opened else 0 : end.start()].rstrip(" -([") or None
