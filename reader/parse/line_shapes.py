"""Shapes of whole lines that several readers of the text ask about."""

from __future__ import annotations

import re

RULE = re.compile(r"^\s*[-=_*](?:[-=_*]{3}|(?:[ \t][-=_*]){3})[-=_*\s]*(?:[¶\ufffd]\s*)?$")
"""A rule drawn with dashes, equals signs, underscores or asterisks, touching ("-------") or a
space apart ("- - - - - - -", which some posts draw under their headings); a page may leave a
stray pilcrow after it ("------------------- ¶")."""

SUMMARY_HEADING = re.compile(r"^\W*SUMMARY(?:\s+(?:AND|&)\s+[A-Z]+(?:\s+[A-Z]+)?)?\W*$", re.I)
"""The summary's heading on a line of its own: "Summary", "SUMMARY AND COMMENT:", "Summary -------"."""

REDACTION_LINE = re.compile(r"^[\sX]*X{4,}[\sX.]*$")
"""A line of nothing but redaction marks (``XXXXXXXXXXXX``)."""

SENTENCE_END = tuple(".:;!?\"')]")
"""What a line that finishes a sentence ends with."""


def stops_on_a_word(line: str) -> bool:
    """Whether a line ends on a letter, inside a sentence: "... met on July" (one that finishes a
    sentence ends on ``SENTENCE_END``)."""
    return line.rstrip()[-1:].isalpha()

EO_LABEL = r"E\.\s?[O0]\."
"""The E.O. line's label as a run-together line holds it: "E.O.", "E. O.", and "E.0." (a zero typed
for the O, as 09BERLIN1626 has it)."""
EO_LABEL_AT_LINE_START = r"E\.?\s?[O0]\.?"
"""The label at a line's start, where its full stops may be missing too ("EO 12958", "E.O 12958")."""


NOT_A_CITED_ORDER = r"(?!(?i:,?\s*(?:for\s+)?reasons?\b|,?\s+1\.[4-6]\s*\(\s*[a-h]\s*\)))"
"""Put after an E.O. label and its order's number: not the order a classified-by statement cites
before its reasons ("John Norris, E.O. 12958 Reasons 1.4 (b), (d)", "Reasons: E.O. 12958 1.4 (b)
(d)"), which is no E.O. field."""


def index_with_text(lines: list[str], start: int) -> int | None:
    """The index of the first line from ``start`` on that has text (None if none). Found by index:
    a copy of the rest of the list (``lines[start:]``), asked for at each line, costs the square of
    the text's length."""
    for index in range(start, len(lines)):
        if lines[index] and not lines[index].isspace():
            return index
    return None


def next_with_text(lines: list[str], start: int) -> str:
    """The first line from ``start`` on that has text, stripped ("" if none)."""
    index = index_with_text(lines, start)
    return "" if index is None else lines[index].strip()


def lines_containing(text: str, needles: tuple[str, ...]) -> list[int]:
    """Indices (in ``text.split("\\n")``) of the lines that contain any of the needles, in order.

    A reader that changes only such lines looks at those and leaves the others alone: finding
    them is a few ``str.find`` calls in C, where looking at every line is a Python loop."""
    starts: set[int] = set()
    for needle in needles:
        position = text.find(needle)
        while position >= 0:
            starts.add(text.rfind("\n", 0, position) + 1)
            end = text.find("\n", position)
            if end < 0:
                break
            position = text.find(needle, end)
    return _line_indices(text, sorted(starts))


def lines_opening(text: str, opening: re.Pattern[str]) -> list[int]:
    """Indices (in ``text.split("\\n")``) of the lines that ``opening`` may match at their start,
    in order: a superset a caller checks line by line. ``opening`` starts with the newline before
    the line (the text's first line is given one), which the regex engine skips to as fast as
    ``str.find``: cheaper than a Python loop over every line when most lines fail at once."""
    # A match at p in "\n" + text is the newline before the line that starts at p in text.
    return _line_indices(text, [match.start() for match in opening.finditer("\n" + text)])


def _line_indices(text: str, starts: list[int]) -> list[int]:
    """The index of the line at each of ``starts`` (line starts in ``text``, in order)."""
    indices: list[int] = []
    index = previous = 0
    for start in starts:
        index += text.count("\n", previous, start)
        indices.append(index)
        previous = start
    return indices
