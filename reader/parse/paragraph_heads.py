"""Which lines open a numbered paragraph, and with which number.

A line that starts with a number may be a paragraph head (``2. (S) ...``,
``2 (S/NF)``, ``1.(C)``, ``¶3.``, ``1.KEY POINTS``), a list item inside a paragraph, or a year
the page put a pilcrow before (``in ¶2007.``). Numbers are read against the
sequence so far, never renumbered: skips and restarts are real (about one
cable in six), so they are kept when the head is plain (a pilcrow, or a blank
line before and a portion marking after), or, in a text that lost its pilcrows,
when the next head goes on from it. There, too, an unmarked number under a
marked head, where the next marked line has that number, is an item of the
paragraph's own list.

Web copies add their own damage. A page's pilcrow rendered as a "1" turns
paragraph 5 into ``15.``; in some Markdown copies every head is written that
way. When the plain heads of a text read as a sequence only without their
leading "1", the whole text is read in that mode.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from reader.parse.classification import MARKING
from reader.parse.line_shapes import REDACTION_LINE, RULE, stops_on_a_word

HEAD = re.compile(
    r"^\s*(?P<pil>[¶\ufffd]\s*)?(?P<num>\d{1,3})\s*"
    r"(?:(?P<dot>[.)](?=\s|\(|$)|\.(?=[A-Z][A-Za-z]))|,?\s*(?=\(\s*(?:TS|S|C|U|SBU|LOU|FOUO|NF)\b[^)]{0,30}\)))\s*(?P<rest>.*)$"
)
_MAX_SKIP = 3
_PARAGRAPH_WORDS = frozenset({"para", "paras", "paragraph", "paragraphs"})
_MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "sep", "sept", "september", "october", "november", "december"}
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\.?\s*$")
_HEAD_INITIALS = frozenset("0123456789¶\ufffd")


@dataclass
class Candidate:
    """A line that may open a paragraph."""

    index: int
    number: int
    alternative: int | None
    """The number without a leading "1" that stands for a pilcrow (``15`` -> 5)."""
    pilcrow: bool
    dot: str | None
    marked: bool
    clear_before: bool
    """A blank line, a rule or a line of redaction marks before it (or the text's start)."""
    mid_sentence: bool
    above: str
    """The line with text above it (a blank line between at most)."""
    rest: str


@dataclass(frozen=True)
class Head:
    """A paragraph head as read: its number, what it was written as, the text after it."""

    number: int
    written: int
    rest: str


def _points_back(candidate: Candidate) -> bool:
    """Whether the line above ends with a word that takes the candidate's number: "para" or
    "paragraph" ("... provide the non-paper in para" / "¶6."), or a month's name before a day
    ("... Washington DC time June" / "¶16."). Asked only of a candidate that is no plain head.
    (The line's last characters are searched, not the whole line: a pattern anchored at its end
    is tried at each of its positions.)"""
    last = _LAST_WORD.search(candidate.above[-16:])
    if last is None:
        return False
    word = last[1].lower()
    return word in _PARAGRAPH_WORDS or (1 <= candidate.number <= 31 and word in _MONTHS)


def _stripped_one(number: int) -> int | None:
    digits = str(number)
    if len(digits) >= 2 and digits[0] == "1" and digits[1] != "0":
        return int(digits[1:])
    return None


def _clear(line: str) -> bool:
    return not line.strip() or bool(RULE.match(line)) or bool(REDACTION_LINE.match(line))


def candidates(lines: list[str]) -> list[Candidate]:
    found: list[Candidate] = []
    for index, line in enumerate(lines):
        first = line[:1]
        if first in " \t":
            first = line.lstrip()[:1]
        if first not in _HEAD_INITIALS:
            continue
        match = HEAD.match(line)
        if not match:
            continue
        previous = lines[index - 1] if index > 0 else ""
        clear = index == 0 or _clear(previous)
        mid = not clear and stops_on_a_word(previous)
        above = previous if previous.strip() or index < 2 else lines[index - 2]
        number = int(match["num"])
        found.append(
            Candidate(
                index=index,
                number=number,
                alternative=_stripped_one(number),
                pilcrow=bool(match["pil"]),
                dot=match["dot"],
                marked=bool(MARKING.match(match["rest"])),
                clear_before=clear,
                mid_sentence=mid,
                above=above,
                rest=match["rest"],
            )
        )
    return found


def _fits(numbers: list[int]) -> int:
    """How many steps of a number sequence continue it (n+1) or restart it (1)."""
    return sum(1 for a, b in itertools.pairwise(numbers) if b == a + 1 or (b == 1 and a > 1))


def pilcrow_as_one(found: list[Candidate], markdown: bool = False) -> bool:
    """Whether the plain heads all carry a leading "1" that stands for a pilcrow.

    In a Markdown copy (where that rendering comes from) unmarked heads count too, and a tie
    between both readings (``16. 17. 18.`` in a fragment: 6, 7, 8 or 16, 17, 18?) goes to it."""
    plain = [c for c in found if not c.pilcrow and c.clear_before and c.dot == "." and (c.marked or markdown)]
    if len(plain) < 2 or any(c.alternative is None for c in plain):
        return False
    ordered = [c.number if c.pilcrow else c.alternative for c in found if c.pilcrow or c in plain]
    raw = [c.number for c in found if c.pilcrow or c in plain]
    if markdown:
        return _fits(ordered) >= _fits(raw)  # type: ignore[arg-type]
    return _fits(ordered) > _fits(raw) and ordered[0] in (1, 2)  # type: ignore[arg-type]


def select_heads(lines: list[str], markdown: bool = False) -> tuple[dict[int, Head], list[str], dict[int, int]]:
    """The paragraph heads by line index, warnings, and the lines whose pilcrow (or, in a copy whose
    pilcrows read as "1", leading "1") is a stray, with the number each stands for.

    ``markdown``: the text is a Markdown copy of a page, where pilcrows may read as "1"."""
    found = candidates(lines)
    if _numbered_with_parentheses(found):
        for candidate in found:
            if candidate.dot == ")":
                candidate.dot = "."  # "1) (C) ...", "2) (C) ...": heads as "1. (C)" would be
    has_pilcrows = any(c.pilcrow for c in found)
    one_mode = pilcrow_as_one(found, markdown)
    heads: dict[int, Head] = {}
    warnings: list[str] = []
    strays: dict[int, int] = {}
    last = 0
    last_marked = False
    reading_ones = False
    lookahead = _Lookahead(found)
    for position, candidate in enumerate(found):
        expected = last + 1
        if (one_mode or reading_ones) and candidate.alternative and _split_off_number(candidate, expected, lookahead, position):
            strays[candidate.index] = candidate.alternative
            continue
        if not candidate.rest.strip() and _number_wrapped_off(candidate, expected, lines, lookahead, position):
            strays[candidate.index] = candidate.number
            continue
        if last_marked and not (has_pilcrows or one_mode or reading_ones) and _inner_item(candidate, expected, lookahead, position):
            continue
        number = _read(candidate, expected, last, has_pilcrows, one_mode or reading_ones, lookahead, position)
        if number is None and not (has_pilcrows or one_mode) and _skip_or_restart(candidate, expected, last_marked, lookahead, position):
            number = candidate.number
        if number is None:
            if candidate.pilcrow:
                strays[candidate.index] = candidate.number
                if candidate.mid_sentence or _points_back(candidate):
                    warnings.append(f'"¶{candidate.number}." inside a sentence read as text')
            elif not candidate.rest.strip() and _wraps_off_sentence(lines, candidate.index):
                strays[candidate.index] = candidate.number  # "Please see paragraph" / "3.": the sentence's end
            elif candidate.dot == "." and not candidate.marked and (candidate.mid_sentence or _points_back(candidate)):
                strays[candidate.index] = candidate.number  # "on July" / "24. Khobargade stated": the sentence's
            continue
        if number != candidate.number:
            warnings.append(f'paragraph "{candidate.number}." read as {number}')
        elif candidate.pilcrow and number != expected and last:
            warnings.append(f"paragraph numbers jump from {last} to {number}")
        heads[candidate.index] = Head(number, candidate.number, candidate.rest)
        last = number
        last_marked = candidate.marked
        # Once plain heads read as "1N." for N, the next one may skip a number too ("17." then "19.").
        reading_ones = not candidate.pilcrow and number == candidate.alternative != candidate.number
    return heads, warnings, strays


def _day_before_the_head(candidate: Candidate, expected: int, lookahead: _Lookahead, position: int) -> bool:
    """"ETA O/A August" / "¶15.  In addition, ..." / ... / "¶5. (C) ...": inside a sentence, a "15."
    that could stand for the 5 expected where the next head of its kind is 5 is no head but a
    number of the sentence (here the day), which the page or a copy put at a line's start."""
    if not candidate.mid_sentence:
        return False
    following = lookahead.pilcrow_after(position) if candidate.pilcrow else lookahead.plain_after(position)
    return following is not None and following.number == expected


def _split_off_number(candidate: Candidate, expected: int, lookahead: _Lookahead, position: int) -> bool:
    """In a copy whose pilcrows read as "1": "see para" / (blank) / "15." / "12. (U) ...", a number
    with no text of its own, not the next one, where the next head is: the page split "¶5" off the
    sentence that points to it, as with a pilcrow (``_read``)."""
    if candidate.pilcrow or candidate.rest.strip() or candidate.alternative == expected:
        return False
    following = lookahead.plain_after(position)
    return following is not None and following.alternative == expected


def _skip_or_restart(candidate: Candidate, expected: int, last_marked: bool, lookahead: _Lookahead, position: int) -> bool:
    """In a text without pilcrows: "7." then "9.", "10." (a number the cable skipped), or "5." then
    "1.", "2." (a numbering that starts again), each after a blank line or marked, where the next
    head goes on from it. Under a marked head, an unmarked line is rather an item of its list."""
    if candidate.dot != "." or not (candidate.clear_before or candidate.marked) or (last_marked and not candidate.marked):
        return False
    if not (expected < candidate.number <= expected + _MAX_SKIP or (candidate.number == 1 and expected > 2)):
        return False
    following = lookahead.plain_after(position)
    return following is not None and following.number == candidate.number + 1 and (following.clear_before or following.marked)


def _inner_item(candidate: Candidate, expected: int, lookahead: _Lookahead, position: int) -> bool:
    """In a text without pilcrows whose last head was marked: an unmarked "3." where the next marked
    line is "3. (S//NF) ...", the head expected. The unmarked one is an item of a list the paragraph
    holds (a letter quoted with its own numbers), whose numbers met the cable's own."""
    if candidate.marked or candidate.number != expected:
        return False
    following = lookahead.marked_after(position)
    return following is not None and following.number == expected


def _wraps_off_sentence(lines: list[str], index: int) -> bool:
    """Whether the line above (a blank line between them at most) stops inside a sentence, on a word."""
    for above in (index - 1, index - 2):
        if above < 0:
            return False
        if lines[above].strip():
            return stops_on_a_word(lines[above])
    return False


def _number_wrapped_off(candidate: Candidate, expected: int, lines: list[str], lookahead: _Lookahead, position: int) -> bool:
    """In a text without pilcrows: "Please see paragraph" / "2." / "2. (S) ...", the next head's own
    number wrapped off the sentence that points to it, right before that head (asked only of a
    number with no text of its own)."""
    if candidate.pilcrow or candidate.number != expected:
        return False
    following = lookahead.plain_after(position)
    return following is not None and following.number == expected and _wraps_off_sentence(lines, candidate.index)


def _numbered_with_parentheses(found: list[Candidate]) -> bool:
    """Whether the text numbers its paragraphs "1) (C) ...": no head is written "1." or with a
    pilcrow, and at least two marked lines after a blank one are written "N)". Where other heads
    are written with a full stop, "1) (C/NF) ..." is a list's item inside a paragraph."""
    if any(c.dot == "." or c.pilcrow for c in found):
        return False
    return sum(1 for c in found if c.dot == ")" and c.marked and c.clear_before) >= 2


class _Lookahead:
    """The next candidate with a pilcrow and the next without, after each candidate. Found in one
    pass from the end, and only once a head needs them (few do): a search of the rest of the list
    for each candidate took minutes on a file of 300,000 heads."""

    def __init__(self, found: list[Candidate]) -> None:
        self._found = found
        self._pilcrow: list[Candidate | None] = []
        self._plain: list[Candidate | None] = []
        self._marked: list[Candidate | None] = []

    def _fill(self) -> None:
        pilcrow: Candidate | None = None
        plain: Candidate | None = None
        for candidate in reversed(self._found):
            self._pilcrow.append(pilcrow)
            self._plain.append(plain)
            if candidate.pilcrow:
                pilcrow = candidate
            else:
                plain = candidate
        self._pilcrow.reverse()
        self._plain.reverse()

    def pilcrow_after(self, position: int) -> Candidate | None:
        if not self._pilcrow:
            self._fill()
        return self._pilcrow[position]

    def plain_after(self, position: int) -> Candidate | None:
        if not self._plain:
            self._fill()
        return self._plain[position]

    def marked_after(self, position: int) -> Candidate | None:
        """The next marked candidate (asked only of texts without pilcrows: filled apart)."""
        if not self._marked:
            marked: Candidate | None = None
            for candidate in reversed(self._found):
                self._marked.append(marked)
                if candidate.marked:
                    marked = candidate
            self._marked.reverse()
        return self._marked[position]


def _read(
    candidate: Candidate, expected: int, last: int, has_pilcrows: bool, one_mode: bool, lookahead: _Lookahead, position: int
) -> int | None:
    """The paragraph number a candidate line stands for, or None when it is not a head."""
    if candidate.number == 0 and expected % 10 == 0:
        return expected  # "HAITI ---- 1" then "¶0.": the page split 10's first digit off
    alternative = candidate.alternative
    if candidate.pilcrow:
        if alternative == expected and candidate.number != expected:
            return None if _day_before_the_head(candidate, expected, lookahead, position) else expected  # "¶15." for 5
        if candidate.number != expected and not candidate.rest.strip():
            # "Please see paragraph" / "¶3." / "¶2. (S/NF) ...": a number the page split off a
            # sentence, with no text of its own, and the next head goes on from the last one.
            # (In a copy that wrote the later pilcrows as "1", the next head is "13." for 3.)
            following = lookahead.pilcrow_after(position)
            if following is not None and following.number == expected:
                return None
            plain = lookahead.plain_after(position) if following is None else None
            if plain is not None and expected in (plain.number, plain.alternative):
                return None
        if candidate.mid_sentence and candidate.number != expected:
            # "on July\n¶24. Khobargade" is a stray pilcrow on a number in a sentence; but after a
            # garbled line, "¶8." that the next head continues (¶9.) opens paragraph 8.
            following = lookahead.pilcrow_after(position)
            continued = following is not None and following.number == candidate.number + 1
            return candidate.number if continued and expected < candidate.number <= expected + _MAX_SKIP else None
        if candidate.number != expected and _points_back(candidate):
            return None  # "... in para" / (blank) / "¶6. ----- OBJECTIVES": the number the sentence points to
        return candidate.number
    readings = [alternative, candidate.number] if one_mode and alternative else [candidate.number]
    if not one_mode and alternative == expected and not _day_before_the_head(candidate, expected, lookahead, position):
        readings.append(alternative)  # "15." for the 5 expected: a pilcrow the copy wrote as "1"
    # In a copy whose pilcrows read as "1", a marked "15. (C)" is a head even right under a line of text.
    plain = candidate.dot != ")" and (
        (candidate.clear_before and (candidate.marked or one_mode)) or (one_mode and candidate.marked and candidate.dot == ".")
    )
    for number in readings:
        if number is None:
            continue
        if number == expected and (candidate.dot == "." or (candidate.dot is None and candidate.marked)):
            return number
        if not plain:
            continue
        if expected < number <= expected + _MAX_SKIP:
            return number  # a skipped number, as the cable wrote it (a partial extract skips many)
        if number == last and candidate.marked:
            return number  # a number written twice, kept as the cable wrote it
        if one_mode and number == alternative and number > last and candidate.marked and candidate.dot == ".":
            return number  # "136. (C)" after 2: a pilcrow head, which may jump as far as the cable's numbers do
        if number == 1 and last >= 1 and not (has_pilcrows and not one_mode):
            return number  # a numbering that restarts (a second part, an annex)
    if last == 0 and one_mode and alternative and candidate.dot == "." and candidate.clear_before:
        # A fragment of a copy whose pilcrows read as "1": "16." then "17." are paragraphs 6 and 7.
        following = lookahead.plain_after(position)
        if following is not None and following.alternative == alternative + 1:
            return alternative
    if last == 0 and candidate.dot == "." and candidate.clear_before and not has_pilcrows and not one_mode:
        # A fragment that starts inside the cable: "19. BUT HIS NEED..." then 20., 21.
        following = lookahead.plain_after(position)
        if candidate.marked or (following is not None and following.number == candidate.number + 1):
            return candidate.number
    return None
