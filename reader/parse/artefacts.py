"""Artefacts that copies of the release left in cable text, removed before parsing.

- page breaks of old telegrams: `` CONFIDENTIAL`` / ``PAGE 02 HARARE 06677 01 OF 03 291400Z``
- the header an old telegram printed again over each later section (``CONFIDENTIAL PTQ1866``,
  its distribution, routing, SECTION line, E.O. and TAGS)
- page markers of the 2011 release: ``TRIPOLI 00000876 002 OF 002``
- a classification word alone on a line: what is left of a page header or footer
- footers of copies: ``=====CABLE ENDS=====``, stray ``"`` and ``>`` lines
- an e-mail's quotation marks before every line (``> 1. (C) ...``)
- the stamp of the State Department's review that released a 1960s-70s cable:
  ``Declassified/Released US Department of State EO Systematic Review 30 JUN 2005``
- rows of the release's database dumps pasted into a page: a CSV row
  (``27613,2/24/2005 16:09,05BOGOTA1775,...``, ``""`` for a quote) or a tab-separated
  row whose lines end in a backslash.
- quotation marks the 2011 release doubled in the text of some cables (``the government's
  ""statist"" policies``): 35 of the corpus's 520 April 2011 pages, and their ``cables.csv`` rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.parse.line_shapes import lines_containing
from reader.parse.stations import is_station

# On a line of its own, or run into a header or TAGS line ("TO PAGE 02 STATE 015113 182333Z").
_PAGE_LEVELS = ("UNCLASSIFIED", "UNCLAS", "CONFIDENTIAL", "SECRET", "LIMITED OFFICIAL USE", "TOP SECRET")
_OLD_PAGE_CORE = r"PAGE[ \t]+\d{2,3}[ \t]+[A-Z][A-Z ]*?[ \t]+\d{3,6}[ \t]+(?:\d\d[ \t]+OF[ \t]+\d\d[ \t]+)?\d{6}Z[ \t]*"
_OLD_PAGE_BREAK = re.compile(
    r"(?:[ \t]*\n?[ \t]*(?:" + "|".join(_PAGE_LEVELS) + r")[ \t]*)?(?:\n|(?<=[ \t]))[ \t]*" + _OLD_PAGE_CORE
)
# Searched for first: it begins with a literal, which the search skips to; the whole pattern above
# would be tried at every position of the text.
_OLD_PAGE_MARK = re.compile(_OLD_PAGE_CORE)
_BEFORE_PAGE_MARK = frozenset(" \t\n" + "".join(_PAGE_LEVELS))
"""The characters that can stand in a page break before its "PAGE"."""
# Anchored on the serial's leading zero, a literal the search skips to: scanning for the station
# name first is slow on every capital, and for the blanks before the serial on every space.
_PAGE_MARK_CORE = re.compile(r"0\d{7}[ \t]+\d{3}(?:\.\d)?[ \t]+OF[ \t]+\d{3}\b[ \t]*")
_STATION_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.' -")
_LEVEL_LINES = frozenset({"UNCLASSIFIED", "UNCLAS", "CONFIDENTIAL", "SECRET", "TOP SECRET", "LIMITED OFFICIAL USE"})
_CLEAN_NEEDLES = ('"', "=", ">", "UNCLAS", "CONFIDENTIAL", "SECRET", "LIMITED OFFICIAL USE")
"""What a line that ``_clean_lines`` changes holds: a quote, a footer's first character, a level."""
_FOOTER_LINE = re.compile(r"^(?:={3,}\s*CABLE ENDS\s*={3,}|[\">]+|>?\s*\d{4}[A-Z]+\d+ - Classification:.*)$")
_TSV_ROW = re.compile(r"(?m)^(?:\d+\t)?\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?\t(?:[^\t\n]*\t){4}")
"""A tab-separated row's fields up to its header: the row's number (some dumps leave it out), date,
reference id, origin, classification and references."""
_CSV_ROW = re.compile(
    r'(?m)^"?\d+"?,"?\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d\d"?,"?\d\d[A-Z]+\d+"?,'
    # on one line up to the header field; or the release's row as printed over lines:
    # "Embassy The Hague",<newline>CONFIDENTIAL,07THEHAGUE1340,"<header>, its references
    # wrapped too: SECRET//NOFORN,09THEHAGUE419|09THEHAGUE54<newline>3|09THEHAGUE92,"<header>
    r'(?:.*?,"(?=[^,]*$)|"[^"]{0,80}",\s*"?[A-Z/ ]+"?,"?[^",]{0,2000}"?,")'
)

_REVIEW_STAMP = re.compile(
    r"(?m)^[ \t]*(Declassified/Released[ \t]+US[ \t]+Department[ \t]+of[ \t]+State[ \t]+E\.?O\.?[ \t]+Systematic[ \t]+Review\b[^\n]*)\n?"
)
"""The review stamp, above and under the text of the August 2011 release's older cables."""

# What every such row holds after its time: the search for it skips to each colon, where the
# search for a whole row tries every line's start.
_CSV_ROW_TIME = re.compile(r':\d\d"?,"?\d\d[A-Z]+\d+"?,')


def _undo_tsv(text: str) -> str:
    match = _TSV_ROW.search(text)
    if match:
        # After date, id, origin, classification and references come the header and the text
        # fields: the first tab left ends the header ("...TRIPOLI 5837<TAB>S E C R E T ...").
        text = text[: match.start()] + text[match.end() :].replace("\t", "\n", 1)
    return "\n".join(line[:-1] if line.endswith("\\") else line for line in text.split("\n")).replace("\n\t", "\n")


_CSV_ROW_START = re.compile(r'(?m)(?:^|(?<=",)[ \t]+)"?\d+"?,"?\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d\d"?,"?(\d\d[A-Z]+\d+)"?,')
_CSV_FIELD_BREAK = re.compile(r'(?m)^",[ \t]*\n?[ \t]*"')
"""Where the header field ends and the text field starts: ``","`` at a line's start, or ``",``
and ``"`` on the next line; not across a blank line, which a field of the row never holds."""


def _undo_csv(text: str) -> tuple[str, str | None]:
    """The text of a pasted release row, and the reference id of another row printed after it
    (04THEHAGUE1915's page runs on into 04THEHAGUE1916's row, on the signature's line in a copy
    that joins lines), which is left out."""
    text = _CSV_ROW.sub("", text, count=1)
    other = None
    if following := _CSV_ROW_START.search(text):
        text, other = text[: following.start()].rstrip().removesuffix('",'), following[1]
    text = _CSV_FIELD_BREAK.sub("\n", text)
    return text.replace('""', '"').rstrip().rstrip('"'), other


def _join_page_breaks(text: str) -> tuple[str, int]:
    """``_OLD_PAGE_BREAK.subn(" ", text)``, tried only just before each "PAGE 02 ..." mark.

    A break can only begin in the run of blanks and level words before its mark (no break
    begins before the end of the last one), so the whole pattern is tried at those positions
    alone, leftmost first, as a search from the text's start would find it."""
    pieces: list[str] = []
    position = count = 0
    search_from = 0
    while mark := _OLD_PAGE_MARK.search(text, search_from):
        start = mark.start()
        while start > position and text[start - 1] in _BEFORE_PAGE_MARK:
            start -= 1
        found = next((m for s in range(start, mark.start() + 1) if (m := _OLD_PAGE_BREAK.match(text, s))), None)
        if found is None:
            search_from = mark.start() + 1
            continue
        pieces += (text[position : found.start()], " ")
        position = search_from = found.end()
        count += 1
    pieces.append(text[position:])
    return "".join(pieces), count


# An old telegram printed each section after the first under its own header: the telegram's
# processing code after the level (" CONFIDENTIAL PTQ1866"), the office distribution (ACTION
# AF-00 / INFO LOG-00 ...), the routing (FM ... TO ... INFO ...), "C O N F I D E N T I A L SECTION 03
# OF 03 HARARE 006677", the FOR lines, E.O. and TAGS again; the text goes on after the TAGS line.
_LATER_SECTION = re.compile(r"SECTION[ \t]+0*(?:[2-9]|[1-9]\d)[ \t]+OF[ \t]+\d{1,3}\b")
"""Found first: a literal the search skips to, where the header's first line is one of many."""
_TELEGRAM_CODE_LINE = re.compile(r"(?m)^[ \t]*(?:" + "|".join(_PAGE_LEVELS) + r")[ \t]+[A-Z]{3}\d{3,5}\b")
_ROUTING = re.compile(r"(?:^|\s)FM[ \t]+[A-Z]")
_TAGS_THEN_SUBJECT = re.compile(r"\bTAGS?\b[^\n]*(?:\n[ \t]*SUBJ(?:ECT)?:[^\n]*)?\n?")
_SECTION_HEADER_REACH = 4000
"""How far before its SECTION line a section's header may start (a long distribution and routing)."""
_SECTION_HEADER_LINES = 12
"""How many lines after its SECTION line its TAGS line may come (SIPDIS, FOR lines, E.O.)."""


def _line_ends_after(text: str, start: int, lines: int) -> int:
    """Where the ``lines``-th line after ``start`` ends (the text's end if it is shorter)."""
    end = start
    for _line in range(lines + 1):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text)
    return end


def _remove_section_headers(text: str) -> tuple[str, int]:
    """Cut the header an old telegram printed again over each later section, joining the text
    it broke ("... HE TOLD THE" / header / "BRITISH TO REFRAIN ..."); how many were cut. The first
    section's header is the cable's own, and stays."""
    pieces: list[str] = []
    position = count = search_from = 0
    while section := _LATER_SECTION.search(text, search_from):
        # A header holds one SECTION line: its first line is after the last one (each stretch of
        # the text is looked at once, however many SECTION lines there are).
        reach = max(search_from, section.start() - _SECTION_HEADER_REACH)
        search_from = section.end()
        code_lines = list(_TELEGRAM_CODE_LINE.finditer(text, reach, section.start()))
        if not code_lines or not _ROUTING.search(text, code_lines[-1].end(), section.start()):
            continue
        tags = _TAGS_THEN_SUBJECT.search(text, section.end(), _line_ends_after(text, section.end(), _SECTION_HEADER_LINES))
        if tags is None:
            continue
        pieces.append(text[position : code_lines[-1].start()])
        position = search_from = tags.end()
        count += 1
    pieces.append(text[position:])
    return "".join(pieces), count


_QUOTE_MARKS = re.compile(r"(?m)^[ \t]*>+[ \t]?")
_FEWEST_QUOTED = 3
_UNQUOTED_LINES = 2
"""How many lines with text may stand outside the quotation ("On Tue, ... wrote:"), or a tenth of them."""


def _unquoted(text: str) -> str | None:
    """The text of a cable quoted in an e-mail ("> 1. (C) ...", "> SMITH") without the quotation
    marks, when they open nearly every line with text; None otherwise (a stray ">" line stays one)."""
    with_text = [line for line in text.split("\n") if line.strip()]
    quoted = sum(1 for line in with_text if line.lstrip()[:1] == ">")
    if quoted < _FEWEST_QUOTED or len(with_text) - quoted > max(_UNQUOTED_LINES, len(with_text) // 10):
        return None
    return _QUOTE_MARKS.sub("", text)


def _remove_page_marks(text: str) -> tuple[str, int, tuple[str, int] | None]:
    """Cut ``TRIPOLI 00000876 002 OF 002`` wherever it stands, joining the text around it.

    Returns the text, how many were cut, and the first one's station and serial: what a
    fragment without header or banner still says of the cable it comes from."""
    pieces: list[str] = []
    position = count = 0
    first: tuple[str, int] | None = None
    read_to = 0  # where the last marker read ends: the blanks before a serial start after it
    search_from = 0
    while match := _PAGE_MARK_CORE.search(text, search_from):
        blanks = match.start()  # a marker starts with the blanks before its serial
        while blanks > read_to and text[blanks - 1] in " \t":
            blanks -= 1
        if blanks == match.start():  # no blank before it: not a serial, unless a station ends the line before
            blanks = _station_line_end(text, blanks, max(read_to, position))
            if blanks is None:
                search_from = match.start() + 1
                continue
        read_to = search_from = match.end()
        start = _station_chars_before(text, blanks, position)
        while start < blanks and not text[start].isalpha():
            start += 1  # what ended the text before: a full stop, a rule ("cable. CAIRO", "---- MOSCOW")
        start = _station_start(text, start, blanks)
        station = text[start:blanks].strip()
        if not station or not station[0].isalpha():
            continue
        if first is None:
            first = (station, int(match.group(0).split()[0]))
        while start > position and text[start - 1] in " \t":
            start -= 1
        pieces.append(text[position:start])
        pieces.append(" ")
        position = match.end()
        count += 1
    pieces.append(text[position:])
    return "".join(pieces), count, first


_STATION_REACH = 32


def _station_chars_before(text: str, end: int, floor: int) -> int:
    """Where the run of characters a station may hold, ending at ``end``, starts (not before
    ``floor``, nor more than ``_STATION_REACH`` back)."""
    start = end
    while start > floor and end - start < _STATION_REACH and text[start - 1] in _STATION_CHARS:
        start -= 1
    return start


def _station_line_end(text: str, serial: int, floor: int) -> int | None:
    """Where the station before a serial ends when a page broke the marker over lines
    ("PARTY ALIGNMENTS SAO PAULO" / "" / "00000428 003 OF 003"): the end of the last line with
    text before the serial, if its last words name a station; None otherwise."""
    end = serial
    while end > floor and text[end - 1] in " \t\n":
        end -= 1
    if end == serial or "\n" not in text[end:serial]:
        return None
    found = _station_start(text, _station_chars_before(text, end, floor), end)
    return end if is_station(text[found:end]) else None


def _station_start(text: str, start: int, end: int) -> int:
    """Where the station before a page marker's serial starts, in ``text[start:end]``: at the
    longest run of last words that names a station, since text in capitals may run into it
    ("... IS BEST TRIPOLI 00000078 001.2 OF 002", and "THE HAGUE", whose "HAGUE" is one too);
    at ``start`` if no words name one."""
    word = start
    while word < end:
        if is_station(text[word:end]):
            return word
        word = text.find(" ", word, end)
        if word < 0:
            break
        word += 1
    return start


_FEWEST_DOUBLED_QUOTES = 2
"""A lone "" may be an empty string quoted; a quotation opened and closed doubled is the release's."""


def _undoubled_quotes(text: str) -> tuple[str, int]:
    """The text with the release's doubled quotation marks made single, and how many there were:
    only where every quotation mark of the text is doubled (those of a field join, ``","``, aside).
    A text that quotes with single marks anywhere is left as it is."""
    doubled = text.count('""')
    if doubled < _FEWEST_DOUBLED_QUOTES or text.count('"') != 2 * doubled + 2 * text.count('","'):
        return text, 0
    return text.replace('""', '"'), doubled


def _clean_lines(text: str) -> tuple[str, int, int]:
    """Drop footers and lone classification words, undo CSV field joins (``","``) and stray
    closing quotes. Counts what was dropped. Only lines holding a quote, an equals or
    greater-than sign or a level's word can change, so only those are looked at."""
    touched = lines_containing(text, _CLEAN_NEEDLES)
    if not touched:
        return text, 0, 0
    footers = lone = 0
    lines = text.split("\n")
    dropped: set[int] = set()
    for index in touched:
        line = lines[index]
        stripped = line.strip()
        if stripped in _LEVEL_LINES:
            lone += 1
            dropped.add(index)
            continue
        if (stripped[:1] in ("=", '"', ">") or stripped[:1].isdigit()) and _FOOTER_LINE.match(stripped):
            footers += 1
            dropped.add(index)
            continue
        if line.startswith('","'):
            line = line[3:]
        elif line.startswith('", "'):
            line = line[4:]
        if stripped.endswith('"') and line.rstrip()[-2:-1] in (" ", "\t"):
            line = line.rstrip()[:-1].rstrip()
        lines[index] = line
    if dropped:
        lines = [line for index, line in enumerate(lines) if index not in dropped]
    return "\n".join(lines), footers, lone


@dataclass
class Cleaned:
    text: str
    warnings: list[str] = field(default_factory=list)
    """One for each kind of artefact removed."""
    first_page_mark: tuple[str, int] | None = None
    """Station and serial of the first release page marker."""


def remove_artefacts(text: str) -> Cleaned:
    """The text without these artefacts, a warning for each kind removed, and what the first
    page marker named."""
    warnings: list[str] = []
    first_mark = None
    head = text[:8192]
    if (head.lstrip()[:1] == ">" or "\n>" in head) and (unquoted := _unquoted(text)) is not None:
        text, head = unquoted, unquoted[:8192]
        warnings.append('the quotation marks of an e-mail (">") were taken off its lines')
    if "\t" in head and _TSV_ROW.search(head):
        text = _undo_tsv(text)
        warnings.append("a pasted database row (tab-separated) was unpacked")
    if "/" in head and _CSV_ROW_TIME.search(head) and _CSV_ROW.search(head):
        text, other = _undo_csv(text)
        warnings.append("a pasted database row (CSV) was unpacked")
        if other:
            warnings.append(f"the database row of another cable after this one's was left out: {other}")
    if "PAGE" in text:
        text, breaks = _join_page_breaks(text)
        if breaks:
            warnings.append(f"{breaks} page-break continuation(s) joined")
    if "SECTION" in text:
        text, headers = _remove_section_headers(text)
        if headers:
            warnings.append(f"{headers} section header(s) an old telegram printed again removed")
    if " OF 0" in text:
        text, marks, first_mark = _remove_page_marks(text)
        if marks:
            warnings.append(f"{marks} page marker(s) removed")
    if "Systematic Review" in text:
        stamps = [match[1].rstrip() for match in _REVIEW_STAMP.finditer(text)]
        if stamps:
            text = _REVIEW_STAMP.sub("", text)
            warnings.append(f"{len(stamps)} declassification review stamp(s) removed: {stamps[0]}")
    text, footers, lone = _clean_lines(text)
    if footers:
        warnings.append(f"{footers} copy footer line(s) removed")
    if lone:
        warnings.append(f"{lone} page header/footer line(s) removed")
    if '""' in text:  # (after the lines of stray quotes are gone)
        text, doubled = _undoubled_quotes(text)
        if doubled:
            warnings.append(f'{doubled} doubled quotation mark(s) ("") made single')
    return Cleaned(text, warnings, first_mark)
