"""The lines between banner and first paragraph: captions, FOR, E.O., TAGS, SUBJECT,
REF and Classified By, in whatever order, case, wrapping and flattening a cable uses.

Labels are read in upper or lower case and in the shapes drafters typed them
(``SUBJECT`` without a colon, ``UBJECT:``, ``TABS:``, ``EO 12958``, a lone
``DECL:``). A line may hold several labelled fields run together (``E.o. 12958:
decl: 01/07/2014 Tags: prel, pgov Subject: ...``, ``...AS UK PRIMEREF: A. LONDON
1939``); it is cut at each label first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.parse.captions import SBU_NOTICE_AT_LINE_END, caption_words, leading_captions
from reader.parse.classification import MARKING, PORTION_MARK
from reader.parse.line_shapes import (
    EO_LABEL,
    EO_LABEL_AT_LINE_START,
    NOT_A_CITED_ORDER,
    REDACTION_LINE,
    RULE,
    SUMMARY_HEADING,
    next_with_text,
)
from reader.parse.stations import POST_WORD, is_station
from reader.parse.tags import is_tag_line_continuation

EO_LINE = re.compile(
    r"^" + EO_LABEL_AT_LINE_START + r"\s*:?\s*(\d{4,5})\b\s*:?\s*(.*)$|^" + EO_LABEL_AT_LINE_START + r"\s*:\s*(.*)$|^(DECL.*)$", re.I
)
_EO = re.compile(
    r"^(?:" + EO_LABEL_AT_LINE_START + r"\s*:?\s*\d{4,5}\b|" + EO_LABEL + r"\s*:|EO\s+\d{4,5}\b|DECL(?:ASSIFY)?(?:\s+ON)?\s*:)", re.I
)
"""The E.O. line's label, also with a zero typed for the O ("E.0. 12958: N/A")."""
_TAGS = re.compile(r"^(?:(?:TAGS?|TAGSS)\b\s*:?\s*(?=\S)|(?:T?AGS|TABS|TAQS|TGAS)\s*:)", re.I)
_SUBJECT = re.compile(r"^(?:SUBJECT|SUBJ|UBJECT|SUBJET|SUBJEC|SUBECT|SUJECT)\b\s*[:.\-]?\s*", re.I)
_REF = re.compile(r"^(?:REFS?|REFTELS?|REFERENCES?)\b\s*[:.]?\s*", re.I)
_CLASSIFIED_BY = re.compile(r"^(?:\(U\)\s*)?CLASSIFI?E?D\s+BY\b", re.I)
# "STATE FOR EUR/RUS (GUHA)", "DEPT PASS TO USTR", "FOR ADDRESSEE": a few office words, then FOR.
_FOR_LINE = re.compile(r"^(?:[A-Z][\w/&.(),;\-]*\s+){0,4}(?:FOR|PASS\s+TO|PASS)\s+\S", re.I)
# Offices and agencies a cable is sent on to, named on a line of their own above the E.O. line
# without "FOR": "WHA/CEN", "DDTC: TIM WATKINS", "NSC -- ZARATE", "AF/EPS CAMILLE JACKSON",
# "TREASURY: MCCORMICK, BMURDEN", "EUR, PM, H". The State Department's bureaus and the agencies.
_OFFICE = (
    r"(?:STATE|SECSTATE|DEPT|TREASURY|TREAS|NSC|USTR|DDTC|DOD|OSD|JCS|USDA|USDOC|COMMERCE|DOE|DHS|USAID"
    r"|DOJ|FBI|DNI|OPIC|EXIM|OMB|WHA|EUR|AF|EAP|NEA|SCA|IO|ISN|EEB|EB|INR|PM|DRL|OES|PRM|INL|CA|DS|ECA|S/CT|S/P)"
)
_OFFICE_LINE = re.compile(
    r"^" + _OFFICE + r"(?:/[A-Z][A-Z.]*)+(?:\s*:)?(?:\s+[A-Z][A-Z.,'\-/: ]*)?$"  # "WHA/CEN", "AF/EPS CAMILLE JACKSON"
    r"|^" + _OFFICE + r"(?:/[A-Z][A-Z.]*)*\s*(?::|--)\s*[A-Z][A-Z.,'\-/: ]*$"  # "DDTC: TIM WATKINS", "NSC -- ZARATE"
    r"|^" + _OFFICE + r"(?:\s*,\s*(?:" + _OFFICE + r"|[A-Z]))+$"  # "EUR, PM, H"
)
# A copy that reads the page's pilcrow before a REF label as a "1" (the seed's "15." for ¶5).
_ONE_BEFORE_A_LABEL = re.compile(r"^1(?=[A-Z][.)]\s)")
_NUMBERED_REF_ENTRY = re.compile(
    r"^(?:[¶\ufffd]\s*)?\(?(?P<number>\d{1,2})[.)]\s+(?:(?:19|20)?\d{2}\s+)?(?P<station>[A-Z][A-Z .'-]{1,30}?)\s+\d{1,6}\b.{0,40}$"
)
"""A REF entry numbered instead of lettered ("REF: 1. PARIS 1001" / "2. STATE 12345 (NOTAL)"): a
station and a serial after the number, and little else, which no paragraph head is."""
_REF_LABEL = re.compile(r"^(?:¶\s*)?(?:\(([A-Z])\)|\[([A-Z])\]|([A-Z])[.):])(?=\s|\d|$)", re.I)
PARAGRAPH_START = re.compile(
    r"^\s*(?:[¶\ufffd]\s*)?\d{1,3}\s*(?:[.)](?=\s|\()|\.(?=[A-Z][A-Za-z]))\s*\S|^\s*[¶\ufffd]\s*(?:\d|$)|^\s*\d{1,3}\s+\((?:U|C|S|SBU|TS|LOU)\b[^)]{0,20}\)",
    re.I,
)  # not "1.4(B)"
# Where a run-together line holds the next field: before these labels (and a paragraph head).
_INLINE_LABEL = re.compile(
    r"\s+(?=(?:(?:" + EO_LABEL + r"\s?\d{4,5}\b|EO\s+\d{5}\b)" + NOT_A_CITED_ORDER + r"|TAGS?\s*:|T?AGS:|TABS:|SUBJECT\s*:|SUBJ\s*:|REFS?\s*:|REFTELS?\s*:"
    r"|CLASSIFIED\s+BY\b|¶\s*\d{1,2}\s*\.|\d{1,2}\s*\.\s*\((?:U|C|S|SBU|TS|LOU|S/NF|C/NF)\)"
    r"|1\.\s{1,2}[A-Z][a-z]+\s"  # "REF: SECSTATE 165115 1. Post grants ...": paragraph 1 run on
    r"|(?<=\d\s)\(" + PORTION_MARK + r"\)\s+[A-Z][a-z]+\s"  # "STATE 45792 (SBU) Post has ...": the text run on
    r"|" + SBU_NOTICE_AT_LINE_END + r"))"  # "SUBJECT: ... PARADISE SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY"
    r"|(?<=[A-Z0-9])(?=REFS?:\s*(?:\(?[A-Z][.):]|\d|[A-Z]+\s+\d))",  # "... UK PRIMEREF: A.", "... MARCH 24-28REF: A."
    re.I,
)
_NOTE_LABEL = r"NOTE\s*:\s"
_NOTE_AFTER_A_SERIAL = re.compile(r"(?<=\d)\s+(?=" + _NOTE_LABEL + ")", re.I)
"""Where "B. LONDON 2199  NOTE: FOR TECHNICAL REASONS ..." runs a note onto the REF lines (split
apart only in lines that hold the word: tried at every position of every line, it cost more)."""
# A piece that opens with a portion marking and a sentence: the text, not a field's next line.
_MARKED_PROSE = re.compile(r"^\((?P<mark>" + PORTION_MARK + r")\)\s+[A-Z][a-z]+\s")
_NOTE = re.compile(r"^" + _NOTE_LABEL, re.I)
"""A note after the REF lines ("NOTE: FOR TECHNICAL REASONS, THIS CABLE IS BEING TRANSMITTED IN
THREE PARTS."): the cable's text, not a reference."""
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
_WORDS_OF_A_SENTENCE = 6
_SENTENCE_END = (".", "?", "!", ")", '"')
_SUBJECT_TAIL = 90
_NOT_SUBJECT_TAIL = re.compile(r"---|===|^\W*(?:BEGIN\s+)?(?:SUMMARY|INTRODUCTION|BACKGROUND|COMMENT|ACTION REQUEST)\b", re.I)
_LABEL_ONLY = re.compile(r"^(?:CLASSIFI?E?D\s+BY|SUBJECT|SUBJ|REFS?|REFTELS?|TAGS?)\s*:?$", re.I)
_MARKING_ONLY = re.compile(r"^\(" + PORTION_MARK + r"\)$", re.I)
_SUBJECT_MARKING = re.compile(r"^" + MARKING.pattern + r"\s*", re.I)
_TRAILING_SUBJECT_MARKING = re.compile(r"\s+" + MARKING.pattern + r"\s*$")
"""``... GRAPHITE CASE (S)``: the subject's marking written after it, in capitals."""


@dataclass
class FrontMatter:
    captions: list[str] = field(default_factory=list)
    for_lines: list[str] = field(default_factory=list)
    eo_line: str | None = None
    tags_text: str | None = None
    subject: str | None = None
    ref_block: str | None = None
    classified_by_block: str | None = None
    other: list[str] = field(default_factory=list)
    """Lines among the front matter that are none of the above."""
    end: int = 0


def label_of(line: str) -> str | None:
    """Which field a line opens: ``eo``, ``tags``, ``subject``, ``ref``, ``classified_by``; else None."""
    first = line[:1].upper()
    if first in "ED" and _EO.match(line):
        return "eo"
    if first in "TA" and _TAGS.match(line):
        return "tags"
    if first in "SU" and _SUBJECT.match(line):
        return "subject"
    if first == "R" and _REF.match(line):
        return "ref"
    if first in "C(" and _CLASSIFIED_BY.match(line):
        return "classified_by"
    return None


def split_inline_labels(line: str) -> list[str]:
    """``E.O. 12958: N/A TAGS: ECON SUBJECT: X`` -> one piece per labelled field.

    A label written twice (``Classified By: Classified by X``) stays one piece."""
    if len(line) < 12:
        return [line]
    pieces: list[str] = []
    split = _INLINE_LABEL.split(line)
    if "NOTE" in line.upper():
        split = [part for piece in split for part in _NOTE_AFTER_A_SERIAL.split(piece)]
    for piece in split:
        piece = piece.strip()
        if not piece:
            continue
        if pieces and _LABEL_ONLY.match(pieces[-1]) and label_of(pieces[-1]) == label_of(piece):
            pieces[-1] += " " + piece
        elif len(pieces) == 1 and _MARKING_ONLY.match(pieces[0]) and label_of(piece) == "classified_by":
            pieces[0] += " " + piece  # "(U) Classified by ...": the statement's own marking
        else:
            pieces.append(piece)
    return pieces or [line]


def _marked_prose(piece: str) -> bool:
    """Whether ``piece`` opens with a marking and a sentence (``_MARKED_PROSE``). "(C)", "(S)" and
    "(U)" are REF labels too ("(C) Sao Paulo 42"): after them, only a sentence of some length is text."""
    match = _MARKED_PROSE.match(piece)
    if match is None:
        return False
    return match["mark"].upper() not in ("C", "S", "U") or len(_LOWER_WORD.findall(piece)) >= _WORDS_OF_A_SENTENCE


def _ref_letter(line: str) -> str | None:
    match = _REF_LABEL.match(line)
    return (match[1] or match[2] or match[3]).upper() if match else None


def _numbered_ref_entry(line: str) -> int | None:
    """The number of a numbered REF entry (``_NUMBERED_REF_ENTRY``), or None."""
    match = _NUMBERED_REF_ENTRY.match(line.strip()) if line.lstrip()[:1] in "(¶\ufffd0123456789" else None
    return int(match["number"]) if match and is_station(match["station"]) else None


_REF_LOOKBACK = 4


def _next_ref_number(ref_lines: list[str]) -> int:
    """The number the next numbered REF entry should have: one after the last of the few lines read
    last (an entry may wrap onto a line or two), else 1. Never the whole block: a block of
    300,000 numbered lines would take each of them back to its start."""
    for line in reversed(ref_lines[-_REF_LOOKBACK:]):
        if (number := _numbered_ref_entry(_REF.sub("", line, count=1))) is not None:
            return number + 1
    return 1


def _ref_letters_read(ref_lines: list[str]) -> int:
    """How many lettered REF entries have been read (A. counts once)."""
    count = 0
    for match in re.finditer(r"(?:^|\s|¶|:)[(\[]?([A-Z])[.):\]]", " ".join(ref_lines), re.I):
        if match[1].upper() == chr(ord("A") + count):
            count += 1
    return count


_PARAGRAPH_INITIALS = frozenset("¶\ufffd")


def starts_paragraph(line: str) -> bool:
    """Whether ``line`` opens a numbered paragraph (``PARAGRAPH_START``). Only a line whose first
    character after spaces is a digit or a pilcrow can: the others are told so without a search,
    and most lines a reader asks about are the others."""
    first = line.lstrip()[:1]
    return (first.isdecimal() or first in _PARAGRAPH_INITIALS) and PARAGRAPH_START.match(line) is not None


def _continues(name: str, line: str, blank_before: bool, parts: dict[str, list[str]], structure_next: bool = False) -> bool:
    """Whether ``line`` continues the multi-line field ``name`` (``_subject``: a repeated one).

    ``structure_next``: a label or a paragraph head follows the line after a blank line."""
    field_lines = parts[name]
    name = name.lstrip("_")
    if label_of(line) or caption_words(line) or RULE.match(line):
        return False
    if ("ummary" in line or "UMMARY" in line) and SUMMARY_HEADING.match(line) and (name != "subject" or "--" in line):
        return False  # the summary's heading (though "SUBJECT: ... EXECUTIVE" / "SUMMARY" may be a subject)
    if name == "ref":
        if _marked_prose(line) or _NOTE.match(line):
            return False
        if (number := _numbered_ref_entry(line)) is not None:
            return number == _next_ref_number(field_lines)
        letter = _ref_letter(line)
        if letter:
            return letter == chr(ord("A") + _ref_letters_read(field_lines)) or not blank_before
        if blank_before and line[:1].isdigit() and field_lines[-1].rstrip()[-1:].isalpha() and not starts_paragraph(line):
            return True  # "(B) Rio de Janeiro" / (blank) / "00723 (C) Brasilia 01392": the serial wrapped
        return not blank_before and not starts_paragraph(line)
    if starts_paragraph(line):
        return False
    if name == "subject" and field_lines == [""]:
        return True  # "SUBJECT:" alone, the subject on the next line
    if blank_before and name == "for":
        return field_lines[-1].rstrip().endswith((",", " AND"))  # "... NILMINI GUNARATNE," / (blank) / "DEL RENIGAR"
    if blank_before:
        # "SUBJECT: Secretary Clinton's March 24, 2009" / (blank) / "Conversation with ..." / (blank) / "1.":
        # a short line alone between a subject left open and the next field is the subject's end.
        return (
            name == "subject"
            and structure_next
            and not field_lines[-1].rstrip().endswith(_SENTENCE_END)
            and len(line) <= _SUBJECT_TAIL
            and not line.rstrip().endswith(".")
            and not _NOT_SUBJECT_TAIL.search(line)
        )
    if name == "tags":
        return field_lines[-1].rstrip().endswith(",") or is_tag_line_continuation(line)
    return name in ("subject", "classified_by", "for")


_FLATTENED_FOR = 100
"""A FOR line longer than this is several a flattened page ran together."""
_NEXT_FOR_ENTRY = re.compile(
    r"(?<![\s,(])(?<!\bAND)(?<!\bTO)(?<!\bFOR)[ \t]+"
    r"(?=" + POST_WORD + r"\s+[A-Z]+(?:\s+[A-Z]+){0,2}\s+PASS\s+TO\b"
    r"|(?!AND\s|OR\s)[A-Z][A-Z/]{1,15}\s+FOR\s)"
)
"""Where the next entry of a flattened FOR run starts: "AMEMBASSY ATHENS PASS TO ...", or an office
and FOR ("NSC FOR DAN FISK"), after a name and not after AND, TO, FOR or a comma."""


def for_entries(line: str) -> list[str]:
    """The entries of a FOR line, each with its spaces collapsed: "STATE FOR WHA TOM SHANNON NSC FOR
    DAN FISK TREASURY FOR DAS NANCY LEE" on a flattened page is three."""
    line = " ".join(line.split())
    if len(line) <= _FLATTENED_FOR:
        return [line]
    return [entry for entry in _NEXT_FOR_ENTRY.split(line) if entry]


def _captions_before(line: str) -> tuple[list[str], str]:
    """The captions a FOR line begins with, and the line without them (when what is left is
    still a FOR line)."""
    captions, rest = leading_captions(line)
    if not captions or not _FOR_LINE.match(rest):
        return [], line
    return captions, rest


def read_front_matter(lines: list[str]) -> FrontMatter:
    """Read the front matter at the top of ``lines``; ``end`` is where the text begins.

    When a run-together line holds the last fields and the start of the text, ``lines[end]``
    is rewritten to that start."""
    front = FrontMatter()
    parts: dict[str, list[str]] = {}
    current: str | None = None
    blank_before = False
    index = 0
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            blank_before = True
            continue
        if current == "ref" and line[:1] == "1":
            line = _ONE_BEFORE_A_LABEL.sub("¶", line)  # "1B. STATE 126156": the page's pilcrow read as "1"
        if starts_paragraph(line) and not (current == "ref" and _continues(current, line, blank_before, parts)):
            break
        if current == "classified_by" and _continues(current, line, blank_before, parts):
            parts[current].append(raw.rstrip())  # "Richa" / "rd Hoagland, E.O. 12958, ...": one statement
            blank_before = False
            continue
        pieces = split_inline_labels(line)
        stop_at: int | None = None
        for number, piece in enumerate(pieces):
            more_labels = any(label_of(p) for p in pieces[number + 1 :])
            if current and _continues(current, piece, blank_before, parts, blank_before and _structure_after(lines, index)):
                parts[current].append(raw.rstrip() if current == "classified_by" and len(pieces) == 1 else piece)
            elif label := label_of(piece):
                if label in parts and label in ("subject", "eo"):
                    label = "_" + label  # a second copy (a page's preview, then the cable): keep the first
                current = label
                value = piece
                if label.endswith("subject"):
                    value = _SUBJECT.sub("", piece, count=1)
                elif label == "classified_by" and len(pieces) == 1:
                    value = raw.rstrip()
                parts.setdefault(label, []).append(value)
            elif (words := caption_words(piece)) is not None:
                front.captions += [w for w in words if w not in front.captions]
                current = None
            elif starts_paragraph(piece):
                stop_at = number
                break
            elif "subject" not in parts and "tags" not in parts and (_FOR_LINE.match(piece) or _OFFICE_LINE.match(piece)) and len(piece) < 1000:
                captions, piece = _captions_before(piece)
                front.captions += [w for w in captions if w not in front.captions]
                current = "for"
                parts.setdefault("for", []).append(piece)
            elif more_labels or ("subject" not in parts and _label_ahead(lines, index + 1)) or _redaction_before_label(piece, lines, index):
                front.other.append(piece)
                current = None
            else:
                stop_at = number
                break
            blank_before = False
        if stop_at is not None:
            if stop_at > 0:  # the line began with front matter: the rest of it is the text
                lines[index] = " ".join(pieces[stop_at:])
            break
        blank_before = False
    else:
        index = len(lines)
    front.end = index
    if "eo" in parts:
        front.eo_line = " ".join(" ".join(parts["eo"]).split())
    if "tags" in parts:
        front.tags_text = " ".join(parts["tags"])
    if "subject" in parts:
        front.subject = subject_text(parts["subject"])
    if "ref" in parts:
        front.ref_block = "\n".join(parts["ref"])
    if "classified_by" in parts:
        front.classified_by_block = "\n".join(parts["classified_by"])
    front.for_lines = parts.get("for", [])
    return front


def _structure_after(lines: list[str], index: int) -> bool:
    """Whether ``lines[index]`` stands alone: a blank line after it, then a label or a paragraph head."""
    if index + 1 >= len(lines) or lines[index + 1].strip():
        return False
    following = next_with_text(lines, index + 2)
    return bool(following) and (bool(label_of(following)) or starts_paragraph(following))


def _redaction_before_label(piece: str, lines: list[str], index: int) -> bool:
    """A redacted line between two fields ("REF: XXXXXXXXXXXX" / "XXXXXXXXXXXX" / "Classified By:")."""
    if not REDACTION_LINE.match(piece):
        return False
    return label_of(next_with_text(lines, index + 1)) is not None


def _label_ahead(lines: list[str], start: int, window: int = 12) -> bool:
    """Whether an E.O., TAGS or SUBJECT line follows within a few lines (no paragraph first)."""
    seen = 0
    for index in range(start, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        if starts_paragraph(line):
            return False
        if label_of(line.strip()) in ("eo", "tags", "subject"):
            return True
        seen += 1
        if seen >= window:
            return False
    return False


_RULE_AFTER_SUBJECT = re.compile(r"\s+(?:summary\s*:?\s*)?[-=_*]{3,}$", re.IGNORECASE)
"""A rule a flattened page ran onto the subject's line, and the "Summary" heading it underlined."""


def subject_text(lines: list[str]) -> str:
    """The subject's wrapped lines as one line; a word broken at a hyphen stays whole."""
    text = ""
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        joiner = "" if text.endswith("-") and text[-2:-1].isalpha() else " "
        text = text + joiner + line if text else line
    return _RULE_AFTER_SUBJECT.sub("", text.strip())


def split_subject_marking(subject: str) -> tuple[str, str | None]:
    """``(C/NF) WHO WOULD REPLACE...`` or ``... GRAPHITE CASE (S)`` -> the subject and its portion marking."""
    match = _SUBJECT_MARKING.match(subject)
    if match:
        return subject[match.end() :].strip(), " ".join(match["marking"].upper().split())
    after = _TRAILING_SUBJECT_MARKING.search(subject) if subject.endswith(")") else None
    if after:
        return subject[: after.start()].strip(), " ".join(after["marking"].split())
    return subject, None


def ref_text(block: str) -> str:
    """The REF block without its ``REF:`` label."""
    first, _, rest = block.strip().partition("\n")
    first = _REF.sub("", first, count=1)
    return first + ("\n" + rest if rest else "")
