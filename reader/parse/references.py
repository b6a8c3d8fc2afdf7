"""REF blocks: split into labelled entries, and every cable each entry cites.

``REF: A. ALMATY 2549 / B. STATE 126156`` in a 2006 cable cites 06ALMATY2549
and 06STATE126156; ``REF: 05 STATE 1234`` names its own year. A cited cable is
``[year] station serial``: the station must be one the release knows (see
``stations``), so ``PARIS POINTS JULY 15``, ``UNSCR 1737`` and e-mails stay
text references. One entry may cite several cables (``05 ROME 2543, 03 VAT
4859``, ``BRASILIA 2799 AND 2764``): each becomes a Reference of its own,
under the entry's label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.model import Reference
from reader.parse.stations import resolve_station, station_key

# Labels: "A.", "A)", "(A)", "[A]", "A:", "¶B.", and in lower case.
_LABEL = re.compile(r"(?:^|(?<=\s)|(?<=[;:,]))(?:¶\s*)?(?:\(([A-Z])\)|\[([A-Z])\]|([A-Z])[.):](?!\S*\.\S))\s*", re.I)
_NUMBER_LABEL = re.compile(r"(?:^|(?<=\s))\(?(\d{1,2})[.)]\s+(?=[A-Z0-9(])")
"""A REF entry's number ("1. PARIS 1001", "(2) STATE 12345"), read only where the block opens with 1."""
_REPEATED_LABEL = re.compile(r"^(?:(?P<label>[A-Z][.)]\s+)REF(?:S|TELS?)?\s*:\s*(?=(?P=label))|REF(?:S|TELS?)?\s*:\s*)", re.I)
_SEPARATOR = re.compile(r"\s*[;]\s*|\s*,\s+(?=(?:'?\d{2,4}\s+)?[A-Z]{3,}[A-Z ]*\s+\d)")

_SERIAL = re.compile(r"^0*(\d{1,7})[.,;:)]*$")
_WORD = re.compile(r"^(?:[A-Z]|0(?=[A-Z]{2}))[A-Z.'\-]*$")  # "0TTAWA": a zero typed for an O
_YEAR = re.compile(r"^'?((?:19|20)\d{2}|[0-9O]\d|\d[0-9O])$")
_COMPACT = re.compile(r"^'?((?:19|20)?\d{2})([A-Z]{3,})0*(\d{1,7})[.,;:)]*$")
_YEAR_STATION = re.compile(r"^((?:19|20)?\d{2})([A-Z]{3,})$")
_CONTINUATION = frozenset({"AND", "&"})
_YEAR_AFTER = re.compile(r"^\(((?:19|20)\d{2})\)[.,;:]*$")
_MAX_STATION_WORDS = 4
_GLUED_PAREN_LABEL = re.compile(r"\(([A-Za-z])\)(?=\S)")
_GLUED_BRACKET_LABEL = re.compile(r"\[([A-Za-z])\](?=\S)")
_GLUED_PAREN_NOTE = re.compile(r"(?<=\d)\((?=[A-Za-z])")
_GLUED_DOT_LABEL = re.compile(r"(?:^|(?<=\s))([A-Za-z])([.)])(?=\d)")
_NOT_A_SERIAL = re.compile(r"[/.]\d")
_SLASH_BEFORE_CITATION = re.compile(
    r"(?<=\d\d\d)[ \t]*/[ \t]*(?=(?:[A-Z][.)][ \t]*)?(?:\d{2}[ \t]*)?(?!(?:AND|OR|TO|THRU)\b)[A-Z]{3,}[A-Z ]*[ \t]\d)"
)
"""A slash between one citation's serial and the next citation (or its label); not in a date
("TELCONS 9/28 AND 29"), whose number before the slash has two digits at most."""
_SLASH_BETWEEN_SERIALS = re.compile(r"(?<=\d\d\d)[ \t]*/[ \t]*(?!(?:19|20)\d\d\b)(?=\d{3,7}(?![\d/-]))")
"""A slash between two serials of one station ("STATE 12345/23456", "PARIS 1234 / 2345"): two cables,
as "AND" between them writes it. Three digits at least on both sides: not a date ("9/28")."""
_REF_LABEL_AGAIN = re.compile(r"(?:^|\s)REF(?:S|TELS?)?\s*:\s*(?=\S)", re.I)
_REF_LETTER_COLON = re.compile(r"(?:^|(?<=\s))REF\s+([A-Z])\s*:\s*", re.I)


@dataclass(frozen=True)
class Citation:
    """One cited cable inside an entry: where it starts in the entry's tokens, and its id."""

    start: int
    reference_id: str
    year_assumed: bool = False
    """No year written before it: the citing cable's own year was taken."""


def _year_digits(token: str) -> str | None:
    match = _YEAR.match(token)
    if not match:
        return None
    digits = match[1].replace("O", "0")
    return digits[-2:]


def _normalise(block: str) -> str:
    """One line, labels set apart from what they are glued to."""
    text = " ".join(block.replace("¶", " ").split())
    text = _GLUED_PAREN_LABEL.sub(r"(\1) ", text)  # "(A)STATE 071143"
    text = _GLUED_BRACKET_LABEL.sub(r"[\1] ", text)
    text = _GLUED_PAREN_NOTE.sub(" (", text)  # "TEGUCIGALPA 193(ZELAYA/GONZALES BILAT)"
    text = _SLASH_BEFORE_CITATION.sub("; ", text)  # "STATE 12345/STATE 23456", "STATE 12345/B. STATE 2345"
    if "/" in text:
        text = _SLASH_BETWEEN_SERIALS.sub(" AND ", text)  # "STATE 12345/23456"
    return _GLUED_DOT_LABEL.sub(r"\1\2 ", text)  # "D.01 BRASILIA 3714"


def _citations(tokens: list[str], cable_year: int | None) -> list[Citation]:
    """Every ``[year] station serial`` in a token list, in order."""
    found: list[Citation] = []
    previous: tuple[str, str] | None = None  # (year, station) of the citation just read
    floor = 0  # tokens before this belong to the citation just read (its serial is no year)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if compact := _COMPACT.match(token):  # "08BOGOTA3888", "2005PANAMA2342"
            yy = compact[1][-2:]
            station = resolve_station(compact[2], yy, int(compact[3]))
            if station:
                found.append(Citation(index, f"{yy}{station}{int(compact[3])}"))
                previous, floor = (yy, station), index + 1
            index += 1
            continue
        serial = _SERIAL.match(token)
        if not serial or (index + 1 < len(tokens) and tokens[index + 1][:1] in "/") or _NOT_A_SERIAL.search(token):
            index += 1
            continue
        number = int(serial[1])
        citation = _station_before(tokens, index, number, cable_year, floor)
        if citation and citation.year_assumed and index + 1 < len(tokens) and (after := _YEAR_AFTER.match(tokens[index + 1])):
            # "ROME 1484 (2008)": the year written after the serial
            citation = Citation(citation.start, f"{after[1][-2:]}{citation.reference_id[2:]}")
        if citation:
            found.append(citation)
            previous = (citation.reference_id[:2], citation.reference_id[2 : -len(str(number))])
            floor = index + 1
        elif (
            previous
            and index > 0
            and tokens[index - 1] in _CONTINUATION
            # "AND 08 ALGIERS 75": a year, not a serial ("2799 AND 2764 AND 2801": a serial)
            and not (index + 1 < len(tokens) and _WORD.match(tokens[index + 1]) and tokens[index + 1] not in _CONTINUATION)
        ):
            found.append(Citation(index, f"{previous[0]}{previous[1]}{number}"))  # "BRASILIA 2799 AND 2764"
            floor = index + 1
        else:
            previous = None
        index += 1
    return found


def _station_before(tokens: list[str], index: int, serial: int, cable_year: int | None, floor: int) -> Citation | None:
    """The citation whose serial is ``tokens[index]``: the longest run of words before it
    (none before ``floor``) that names a station, and the year before those (or the cable's own)."""
    words_start = index
    while (
        words_start > floor
        and index - words_start < _MAX_STATION_WORDS
        and _WORD.match(tokens[words_start - 1].rstrip(",;:"))
    ):
        words_start -= 1
    if words_start == index and index > floor and (glued := _YEAR_STATION.match(tokens[index - 1])):
        # "08SECSTATE 1234": the year glued to a one-word station, the serial apart
        station = resolve_station(station_key(glued[2]), glued[1][-2:], serial)
        return Citation(index - 1, f"{glued[1][-2:]}{station}{serial}") if station else None
    for start in range(words_start, index):
        key = station_key(" ".join(tokens[start:index]))
        year_token = tokens[start - 1] if start > floor else ""
        yy = _year_digits(year_token)
        if yy is None and (glued := _YEAR_STATION.match(year_token)):  # "05STATE 1234"
            yy, key = glued[1][-2:], glued[2] + key
            start -= 1
        elif yy is not None:
            start -= 1
        assumed = yy is None
        if yy is None:
            if cable_year is None:
                continue
            yy = f"{cable_year % 100:02d}"
        station = resolve_station(key, yy, serial)
        if station:
            return Citation(start, f"{yy}{station}{serial}", assumed)
    return None


def cited_reference_id(text: str, cable_year: int | None) -> str | None:
    """The first cable an entry cites, or None when it names no cable."""
    citations = _citations(_normalise(text).upper().split(), cable_year)
    return citations[0].reference_id if citations else None


def _split(block: str) -> list[tuple[str | None, str]]:
    """Split a REF block into (label, text) entries."""
    kept: list[tuple[str, int, int]] = []  # (letter, start, end) of each label
    for match in _LABEL.finditer(block):
        letter = (match[1] or match[2] or match[3]).upper()
        if letter == chr(ord("A") + len(kept)):
            kept.append((letter, match.start(), match.end()))
        elif kept and letter == kept[-1][0] and match.start() == kept[-1][2]:
            kept[-1] = (letter, kept[-1][1], match.end())  # "A. A) VATICAN 10": the label twice
    if not kept and _NUMBER_LABEL.match(block):
        # "1. PARIS 1001 2. STATE 12345": numbered from the start, 1, 2, 3 in turn.
        for match in _NUMBER_LABEL.finditer(block):
            if int(match[1]) == len(kept) + 1:
                kept.append((match[1], match.start(), match.end()))
    if not kept:
        return [(None, p.strip()) for p in _SEPARATOR.split(block) if p.strip()]
    entries: list[tuple[str | None, str]] = []
    head = block[: kept[0][1]].strip()
    if head:
        entries.append((None, head))
    for index, (letter, _start, end) in enumerate(kept):
        stop = kept[index + 1][1] if index + 1 < len(kept) else len(block)
        text = block[end:stop].strip()
        # "A. REF A HAVANA 639", "B. B HAVANA 772": the label written again.
        text = re.sub(rf"^(?:REF\s+)?{letter}(?:\s+|(?=[.):]\s*))[.):]?\s*(?=\S)", "", text, flags=re.I)
        entries.append((letter, text))
    return entries


def parse_references(block: str, cable_year: int | None) -> list[Reference]:
    """The entries of a REF block; an entry citing several cables gives one Reference each."""
    text = _normalise(block)
    # "REF: A. REF: A. STATE 55370": the label pasted twice; keep the second.
    text = _REPEATED_LABEL.sub("", text)
    # "REF: ROME 320 REF: ROME 320": a REF block pasted twice.
    text = _REF_LABEL_AGAIN.sub("; ", text).lstrip("; ")
    # "REF A:LIMA 3646": a lettered REF written as "REF A:".
    text = _REF_LETTER_COLON.sub(r"\1. ", text)
    references: list[Reference] = []
    seen: set[tuple[str | None, str]] = set()
    for label, entry in _split(text):
        if (label, entry.strip(" ;,:")) in seen:
            continue
        seen.add((label, entry.strip(" ;,:")))
        entry = entry.strip(" ;,:")
        if not entry:
            continue
        tokens = entry.split()
        citations = _citations([t.upper() for t in tokens], cable_year)
        if len(citations) <= 1:
            references.append(Reference(label, entry, citations[0].reference_id if citations else None))
            continue
        starts = [0, *(c.start for c in citations[1:])]
        for number, citation in enumerate(citations):
            end = starts[number + 1] if number + 1 < len(starts) else len(tokens)
            piece = " ".join(tokens[starts[number] : end]).strip(" ;,:")
            piece = re.sub(r"\s+(?:AND|&)$", "", piece, flags=re.I)
            references.append(Reference(label, piece, citation.reference_id))
    return references
