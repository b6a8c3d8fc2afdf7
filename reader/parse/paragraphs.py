"""The text after the front matter: paragraphs with markings, headings, summary and signers.

Which lines open a paragraph is decided in ``paragraph_heads``; here the lines
between heads become each paragraph's text: wrapped lines joined, list items,
tables and lettered sub-paragraphs kept on lines of their own, page-break
continuations joined, and the page's stray pilcrows taken out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.model import Paragraph
from reader.parse.classification import MARKING, PORTION_MARK, marking_level
from reader.parse.double_spacing import is_double_spaced, single_spaced
from reader.parse.line_shapes import (
    RULE,
    SENTENCE_END,
    SUMMARY_HEADING,
    index_with_text,
    lines_containing,
    next_with_text,
    stops_on_a_word,
)
from reader.parse.paragraph_heads import HEAD, Head, select_heads
from reader.parse.signers import take_signers
from reader.parse.summary import find_summary

_HEADING_WITH_RULE = re.compile(r"^\s*(?P<text>\S.*?\S)\s+(?P<rule>[-=_]{4,}|(?:[-=_] ){3,}[-=_])[-=_\s]*$")
"""A heading and the rule under it, run onto one line ("PINERA: OUT OF THE GATE FIRST ------",
"ACSA ----", a broken rule "------ -----"): a rule of four or five marks underlines no more."""
_DROP_INITIALS = frozenset("SNB#E")
_SUMMARY_INITIALS = frozenset("Ss")
# Transmission marks: end of text (NNN in older cables), message number, and the "End Cable Text" some pages print after NNNN.
_DROP = re.compile(r"^\s*(SIPDIS|NNNN?|BT|#\d*|End Cable Text|END CABLE TEXT)\s*$")
_HEADER_AGAIN = re.compile(r"^\s*(?:[OPRZ]{1,2}\s+\d{6}Z\s+[A-Z]{3}\s+\d{2}\b|FM\s+[A-Z])")
"""A header printed again after the end-of-text mark ("NNNN" / "O 161036Z DEC 04" / "FM USLO TRIPOLI"
/ "TO ..."): the page's repeat of the cable's header, not its text."""
_ITEM_LABEL = r"(?:\d[A-Za-z0-9]?|[A-Za-z]\d?|[ivxIVX]{2})"
"""A list item's label: a letter or a digit, two digits, a digit and a letter ("2a", "B1"), or a
roman numeral ("ii", "IV"). Not two letters: a line that a wrap opens with "it." or "so." ("...
cannot find traces of" / "it. The U.S. said") goes on with its sentence."""
_ITEM_OPENING = r"(?:-{1,2}\s|\*\s|o\s|•|\(?" + _ITEM_LABEL + r"[.)]\s|\((?:[a-zA-Z]|[ivx]{1,4}|\d{1,2})\)\s)"
"""How a list item opens: a dash, star, "o" or bullet, or a label ("A.", "2)", "(b)", "(iv)")."""
_ITEM = re.compile(r"^\s*" + _ITEM_OPENING)
_ITEM_INITIALS = frozenset("-*o•(")
_ITEM_STOPS = frozenset(".)")


def _may_be_item(line: str) -> bool:
    """Whether ``_ITEM`` could match: an item opens with a dash, star, "o", bullet or parenthesis,
    or has its "." or ")" within its first three characters. Asked of every line of every
    paragraph, this answers most without the pattern's search."""
    text = line.lstrip()
    return text[:1] in _ITEM_INITIALS or text[1:2] in _ITEM_STOPS or text[2:3] in _ITEM_STOPS


_RULE_MARKS_NO_UNDERSCORE = ("---", "===", "***", "- - -")
_RULE_MARKS = (*_RULE_MARKS_NO_UNDERSCORE, "___", "_ _ _")
_COLUMNS = r"^\s{4,}\S|\S\s{3,}\S.*\S\s{3,}\S"
_PREFORMATTED = re.compile(_COLUMNS + r"|^[^:]{1,30}:\s{3,}\S")
"""A line kept as it is: indented as a table's or a form's, in columns, or a field and its value
a few spaces apart ("NAME:     JOHN SMITH")."""
_IN_COLUMNS = re.compile(_COLUMNS)
_FIELD = re.compile(r"^[^:]{1,30}:\s")
# "... questions: ¶A. What was his job ... ¶B. Did he ...": lettered sub-paragraphs run together.
_RUN_IN_LETTER = re.compile(r"[¶\ufffd]\s*(?=\(?[A-Za-z][.)]\s)")
_STRAY_PILCROW = re.compile(r"[¶\ufffd]\s*")
# "¶1. C) Summary": a marking that lost its opening parenthesis, right after a paragraph number.
_HALF_MARKING = re.compile(r"(?P<marking>(?:TS|S|C|U|SBU|LOU)(?://?(?:NF|NOFORN|REL [A-Z ,]{2,30}))?)\)(?=\s)")
# The word after a line that ends in "US-": joined on, unless the hyphen is suspended ("medium- or high-").
_HYPHENATED_ON = re.compile(r"^\s*(?!(?:or|and|to|nor|as well)\b)[A-Za-z]", re.I)
_PUNCTUATION_AFTER_MARKING = re.compile(r"^\s*[:\-]\s")


@dataclass
class _Draft:
    number: int | None
    marking: str | None
    heading: str | None
    lines: list[str] = field(default_factory=list)


@dataclass
class Body:
    paragraphs: list[Paragraph]
    signers: list[str]
    summary: str | None
    warnings: list[str]


def _headings(lines: list[str]) -> tuple[dict[int, str], set[int]]:
    """Heading lines (underlined or boxed by rules) by index, and rule lines to drop. Only lines
    with a rule's marks in them are looked at (found by a few searches of the whole text)."""
    headings: dict[int, str] = {}
    rules: set[int] = set()
    text = "\n".join(lines)
    # (A spaced rule of underscores is looked for only in a text that has one: "_" is found at
    # the speed of memchr, "_ _ _" at a third of it.)
    for index in lines_containing(text, _RULE_MARKS if "_" in text else _RULE_MARKS_NO_UNDERSCORE):
        line = lines[index]
        if RULE.match(line):
            rules.add(index)
            prev = index - 1
            if prev > 0 and _DROP.match(lines[prev]):
                prev -= 1  # "TSVANGIRAI LOOKS INTO THE CRYSTAL BALL" / "SIPDIS" / "-----"
            if prev > 0 and not lines[prev].strip():
                prev = _heading_over_a_gap(lines, prev)  # "Down but Not Out" / (blank) / "-----"
            above = lines[prev].strip() if prev >= 0 else ""
            if above and len(above) <= 100 and not RULE.match(above) and not HEAD.match(above) and not _opens_box(lines, index):
                headings[prev] = _without_rules(above)
                if _heading_wraps_above(lines, prev):  # "Beni on Venezuelan Mystery Flights:" / "We're Not Gonna Take It"
                    headings[prev - 1] = headings[prev] = lines[prev - 1].strip() + " " + headings[prev]
                elif _heading_wraps_over_a_gap(lines, prev):  # "WORRIES: BORDER FLARE-UP," / (blank) / "CHAVEZ'S ..."
                    headings[prev - 2] = headings[prev] = lines[prev - 2].strip() + " " + headings[prev]
        elif (heading := _heading_before_its_rule(line)) is not None and not HEAD.match(line):
            headings[index] = heading
    return headings, rules


def _heading_before_its_rule(line: str) -> str | None:
    """The heading of a line that runs it into the rule under it (``_HEADING_WITH_RULE``), the rule
    at least as long as the heading (or six marks), without the rules at its edges; None for others."""
    match = _HEADING_WITH_RULE.match(line)
    if match is None or len(match["rule"]) < min(6, len(match["text"])):
        return None
    return _without_rules(match["text"])


_GAP_UNDER_A_HEADING = 2
"""Blank lines a page may put between a heading and its rule (a double-spaced page puts one)."""
_NOT_A_HEADING_OVER_A_GAP = (".", "!", "?", ",", ";", ":")


def _heading_over_a_gap(lines: list[str], blank: int) -> int:
    """The index of the heading a rule underlines across blank lines ("Down but Not Out" / (blank) /
    "------", ``blank`` the blank line above the rule), or ``blank`` when there is none: a short
    line standing alone (a blank line or a rule above it) that ends no sentence and is no item.
    A rule under a paragraph's last sentence, across a blank line, separates; it underlines nothing."""
    above = blank
    while above >= 0 and blank - above < _GAP_UNDER_A_HEADING and not lines[above].strip():
        above -= 1
    if above < 0 or not lines[above].strip():
        return blank
    text = lines[above].strip()
    alone = above == 0 or not lines[above - 1].strip() or RULE.match(lines[above - 1]) is not None
    if alone and len(text) <= 100 and not text.endswith(_NOT_A_HEADING_OVER_A_GAP) and not _ITEM.match(text):
        return above
    return blank


_WRAPPED_HEADING_LINE = 60
"""The longest first line of a heading wrapped onto two lines."""


def _heading_wraps_above(lines: list[str], index: int) -> bool:
    """Whether the underlined heading at ``index`` began on the line above it: a short line after a
    blank one (or under a box's top rule), opening with a capital, ending no sentence, neither line
    a paragraph's head nor the upper one a list's item."""
    if index < 1 or lines[index].rstrip().endswith("."):
        return False
    return not lines[index - 1].rstrip().endswith((".", "!")) and _opens_a_wrapped_heading(lines, index - 1)


def _heading_wraps_over_a_gap(lines: list[str], index: int) -> bool:
    """Whether the underlined heading at ``index`` began two lines up, a blank line between, as a
    double-spaced page sets it: the upper line must say it goes on (a comma or a colon at its end)."""
    if index < 2 or lines[index - 1].strip():
        return False
    return lines[index - 2].rstrip().endswith((",", ":")) and _opens_a_wrapped_heading(lines, index - 2)


def _opens_a_wrapped_heading(lines: list[str], upper: int) -> bool:
    """Whether the line at ``upper`` may be a wrapped heading's first line: short, standing alone
    (a blank line or a box's top rule above it), opening with a capital, no rule, head or item."""
    text = lines[upper].strip()
    return (
        0 < len(text) <= _WRAPPED_HEADING_LINE
        and (upper == 0 or not lines[upper - 1].strip() or RULE.match(lines[upper - 1]) is not None)
        and not text[0].islower()
        and not RULE.match(text)
        and not HEAD.match(text)
        and not _ITEM.match(text)
    )


def _opens_box(lines: list[str], index: int) -> bool:
    """Whether the rule at ``index`` is the top of a box around a heading ("-----" / "TSVANGIRAI
    LOOKS INTO THE CRYSTAL BALL" / "-----", a SIPDIS line allowed in between): the line above
    such a rule is the text before the box, not a heading."""
    below = lines[index + 1 : index + 4]
    if len(below) < 2 or not below[0].strip() or len(below[0].strip()) > 100 or RULE.match(below[0]) or HEAD.match(below[0]):
        return False
    if RULE.match(below[1]):
        return True
    return len(below) == 3 and bool(_DROP.match(below[1])) and bool(RULE.match(below[2]))


_RULES_AT_THE_EDGES = re.compile(r"^[\s.]*[-=_*]{3,}[-=_*\s]*|[-=_*\s]*[-=_*]{3,}\s*$")


def _without_rules(heading: str) -> str:
    """A heading without the rules a flattened page ran into its line ("------- BP SEES IPO AS KEY"),
    and without a stray pilcrow the page put before its letter ("¶B. Ex-Army")."""
    if "¶" in heading or "\ufffd" in heading:
        heading = _STRAY_PILCROW.sub("", heading)
    return _RULES_AT_THE_EDGES.sub("", heading) or heading


_LINES_SPLIT_TOGETHER = 64
"""Up to this many lines are joined and split into words at once: one ``split`` instead of one
a line, without a list of millions of words for a megabyte-long run of text."""


def _joined(lines: list[str]) -> str:
    """Hard-wrapped lines as one line, runs of spaces collapsed."""
    if len(lines) <= _LINES_SPLIT_TOGETHER:
        return " ".join(" ".join(lines).split())
    return " ".join(" ".join(line.split()) for line in lines)


def _rendered(out: list[str | list[str]]) -> str:
    """A block's output lines: preformatted ones as they are, the others' lines joined."""
    return "\n".join(line if isinstance(line, str) else _joined(line) for line in out)


# Whatever in a paragraph's lines makes ``compose_text`` do more than join them with spaces: a
# run of three spaces or a tab (a table's columns), a blank line, a line that opens a list item,
# or a line ending in a hyphen. Found anywhere, the lines are read one by one. (Each pattern
# starts with one character, which the regex engine looks for before trying the rest: one
# pattern of alternatives would be tried at every character of the text, slower than the loop.)
_BREAK_OR_ITEM = re.compile(r"\n[^\S\n]*(?:\n|" + _ITEM_OPENING + ")")
_HYPHEN_AT_END = re.compile(r"-[^\S\n]*\n")


def _plain(text: str) -> bool:
    """Whether wrapped lines (the blank ones around them left out) are prose to join with spaces."""
    return "   " not in text and "\t" not in text and _BREAK_OR_ITEM.search(text) is None and _HYPHEN_AT_END.search(text) is None


def compose_text(lines: list[str], double_spaced: bool = False) -> str:
    """Join hard-wrapped lines into paragraphs of text, keeping list items, tables
    and sub-paragraph breaks; a break mid-sentence (a page break) is joined.
    ``double_spaced``: the text has a blank line after each line (``double_spacing``)."""
    if double_spaced:
        lines = single_spaced(lines)
    start, end = 0, len(lines)
    while start < end and (not lines[start] or lines[start].isspace()):
        start += 1  # (blank lines before the text or after it separate nothing)
    while end > start and (not lines[end - 1] or lines[end - 1].isspace()):
        end -= 1
    if 0 < end - start <= _LINES_SPLIT_TOGETHER:
        text = "\n".join(lines[start:end])
        if _plain(text):  # most paragraphs: plain wrapped prose, joined at once
            return " ".join(text.split())
    return _compose_lines(lines)


def _compose_lines(lines: list[str]) -> str:
    """``compose_text`` block by block (a block: the lines between blank lines). A block of plain
    wrapped prose is joined at once; the others are read line by line (``_block_text``)."""
    rendered: list[list[str]] = []  # blocks, each a list of texts joined by a space
    block: list[str] = []
    for line in (*lines, ""):
        if line and not line.isspace():
            block.append(line)
            continue
        if not block:
            continue
        if len(block) <= _LINES_SPLIT_TOGETHER and _plain(joined := "\n".join(block)):
            text = " ".join(joined.split())
        else:
            text = _block_text(block)
        if rendered and not rendered[-1][-1].endswith(SENTENCE_END) and text[:1].islower():
            rendered[-1].append(text)
        else:
            rendered.append([text])
        block = []
    return "\n\n".join(" ".join(pieces) for pieces in rendered)


def _field_opening_prose(line: str, block: list[str], index: int) -> bool:
    """Whether a line read as a field and its value ("Summary:   Conservative, risk-averse practices
    and") opens a sentence that the next line goes on with ("tight supervision allowed Italy's ..."):
    wrapped prose (as wide, its spaces made one) that ends on a word, in no columns, and under it a
    line that is no field of a form ("DOB:     15 Aug 72" / "Type of Training: CIVIL") nor kept as it is."""
    if index + 1 >= len(block) or len(" ".join(line.split())) < _WRAPPED_LINE_WIDTH or not stops_on_a_word(line):
        return False
    following = block[index + 1]
    return _IN_COLUMNS.search(line) is None and _PREFORMATTED.search(following) is None and _FIELD.match(following) is None


def _block_text(block: list[str]) -> str:
    """One block's text, line by line: preformatted lines (a table's) kept as they are, list
    items on lines of their own, the other lines joined (a word broken at a hyphen made whole)."""
    out: list[str | list[str]] = []  # the block's output lines: preformatted, or the lines to join
    previous_pre = False
    for index, line in enumerate(block):
        line = line.rstrip()
        pre = ("   " in line or line[:1] == "\t") and _PREFORMATTED.search(line) is not None
        if pre and _field_opening_prose(line, block, index):
            pre = False
        if pre:
            out.append(line)
        elif not out or previous_pre or (_may_be_item(line) and _ITEM.match(line)):
            out.append([line])
        else:
            joined = out[-1]
            last = joined[-1]  # type: ignore[index]
            if last[-1:] == "-" and last[-2:-1].isalpha() and _HYPHENATED_ON.match(line):
                joined[-1] = last + line.lstrip()  # type: ignore[index]  # "THE US-" / "LATIN AMERICAN": one word
            else:
                joined.append(line)  # type: ignore[union-attr]
        previous_pre = pre
    return _rendered(out)


def _text_lines(line: str) -> list[str]:
    """A text line as it goes into a paragraph: lettered sub-paragraphs the page ran into
    one line split apart, and the page's stray pilcrows taken out."""
    pieces = _RUN_IN_LETTER.split(line)
    return [_STRAY_PILCROW.sub("", piece).rstrip() for piece in pieces if piece.strip()] or [""]


_MARKED_SENTENCE = re.compile(r"\s*(?=\(" + PORTION_MARK + r"\)\s+[A-Z])")


def _marked_block(line: str, drafts: list[_Draft]) -> tuple[str, str] | None:
    """(marking, text) of a line that opens an unnumbered, marked paragraph: at the text's start
    or after a blank line in unnumbered text, a portion marking and a sentence. Inside a numbered
    paragraph such a line stays the paragraph's."""
    if drafts and (drafts[-1].number is not None or (drafts[-1].lines and drafts[-1].lines[-1].strip())):
        return None
    if _MARKED_SENTENCE.match(line) is None or (mark := MARKING.match(line.lstrip())) is None:
        return None
    return " ".join(mark["marking"].upper().split()), line.lstrip()[mark.end() :].strip()


_NUMBER_ALONE = re.compile(r"^\s*(?:[¶\ufffd]\s*)?\d{1,3}(\.?)\s*$")
"""A number alone on a line (a pilcrow before it, or a "1" standing for one), which ``select_heads``
found to be no head."""


def _end_sentence_with(lines: list[str], words: str) -> None:
    """Put ``words`` at the end of the last line with text (the blank lines after it go)."""
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), None)
    if last is None:
        lines.append(words)
        return
    lines[last] = lines[last].rstrip() + " " + words
    del lines[last + 1 :]


_WRAPPED_LINE_WIDTH = 45
"""Fewest characters of a line of prose wrapped at a telegram's width, some 60 to 70 (a heading has fewer)."""


def _stops_inside_a_sentence(lines: list[str]) -> bool:
    """Whether the last line with text is wrapped prose that ends on a word, inside a sentence (not
    a heading such as "Article VI Privileges and Immunities", nor a table's row)."""
    last = next((line.strip() for line in reversed(lines) if line.strip()), "")
    prose = len(last) >= _WRAPPED_LINE_WIDTH and "   " not in last
    return prose and stops_on_a_word(last)


def _number_and_heading(words: str) -> tuple[str, str | None]:
    """A stray number's line as the words that end the sentence, and the heading with rules the
    page ran in after the number ("in para" / "¶6. ---------- OBJECTIVES ----------"), if any."""
    number, _, rest = words.partition(" ")
    heading = _heading_before_its_rule(rest) if rest.startswith(("-", "=", "_")) else None
    return (words, None) if heading is None else (number, heading)


def _header_again(lines: list[str], start: int) -> bool:
    """Whether the first line with text from ``start`` on opens a header (``_HEADER_AGAIN``)."""
    return _HEADER_AGAIN.match(next_with_text(lines, start)) is not None


def _summary_heading(lines: list[str], index: int) -> bool:
    """Whether the line at ``index`` is the summary's heading, and not the end of "End" / "Summary."."""
    return SUMMARY_HEADING.match(lines[index]) is not None and (
        index == 0 or not lines[index - 1].rstrip().upper().endswith(("END", " OF", "BEGIN"))
    )


_HEADING_IN_CAPITALS = 90
"""The longest heading in capitals, with no rule under it, that stands alone over a paragraph."""
_NOT_A_HEADING_WORD = frozenset({"END", "BEGIN", "QUOTE", "UNQUOTE", "TEXT", "NNNN", "SIPDIS", "BT"})


def _heading_in_capitals(lines: list[str], index: int) -> bool:
    """Whether the line at ``index`` (in capitals) may be a heading with no rule: short, after a
    blank line, ending no sentence; no rule, list item (lettered too: "¶A. OVERVIEW"), head, closing
    words, transmission mark or redaction."""
    text = lines[index].strip().lstrip("¶\ufffd ")
    return (
        3 < len(text) <= _HEADING_IN_CAPITALS
        and (index == 0 or not lines[index - 1].strip())
        and not text.endswith((".", ",", ";", ")", "!"))
        and "---" not in text
        and "===" not in text
        and "___" not in text
        and text.split(" ", 1)[0].rstrip(":") not in _NOT_A_HEADING_WORD
        and not _ITEM.match(text)
        and not HEAD.match(text)
        and "XXXX" not in text  # (a redacted name, or a page marker's station: "XXXXXXXXXXXX 002 OF 002")
    )


_HEADING_IN_MIXED_CASE = 70
"""The longest heading in mixed case, with no rule under it, that stands alone over a paragraph."""
_HEADING_WORDS = 12
_NOT_A_HEADING_END = (".", ",", ";", ":", ")", "!", '"', "”")
_FINISHED_SENTENCE = (".", "!", "?", '"', "”", ")", "'", "’")
_BLANKS_ABOVE_A_HEADING = 5
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.?!]\s")
"""A sentence's end inside the line ("funds.  End Note"); not an abbreviation's ("U.S. Assistance")."""
_DATED = re.compile(r",\s*(?:19|20)\d\d$")
"""A line that ends in a date's year ("Governor of Colorado - Nov 13-15, 2005"): a schedule's entry."""


def _heading_in_mixed_case(lines: list[str], index: int) -> bool:
    """Whether the line at ``index`` (not in capitals) may be a heading with no rule ("Large majority
    expected for mandate renewal" / (blank) / "3. (U) ..."): short, opening with a capital, ending
    no sentence and holding none, after a blank line under a finished sentence (not under a list,
    whose last item it would be); not closing words, a list item or mostly digits (an id)."""
    text = lines[index].strip()
    if text[:2] == "--":
        text = _without_marks(text)  # "--Power Behind the Throne--"
    if not (3 < len(text) <= _HEADING_IN_MIXED_CASE) or not text[0].isupper() or text.endswith(_NOT_A_HEADING_END):
        return False
    if index < 2 or lines[index - 1].strip():
        return False
    above = index - 2  # the last line with text above the blank ones
    while above > 0 and index - above <= _BLANKS_ABOVE_A_HEADING and not lines[above].strip():
        above -= 1
    if not lines[above].rstrip().endswith(_FINISHED_SENTENCE):
        return False
    words = text.split()
    return (
        len(words) <= _HEADING_WORDS
        and _SENTENCE_INSIDE.search(text) is None
        and _DATED.search(text) is None
        and words[0].upper().rstrip(":") not in _NOT_A_HEADING_WORD
        and sum(c.isdigit() for c in text) * 2 < sum(c.isalpha() for c in text)
        and not _ITEM.match(text)
        and not HEAD.match(text)
    )


_BOXED = re.compile(r"^(//|\*\*|__|--)\s*(?P<text>.+?)\s*\1$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def _without_marks(heading: str) -> str:
    """A heading without the marks around it: the slashes some posts box it in ("//BILATERAL
    RELATIONS//"), a Markdown copy's "## " or "**" on both sides."""
    if boxed := _BOXED.match(heading):
        return boxed["text"]
    return _MARKDOWN_HEADING.sub("", heading)


def _lines_above(heads: dict[int, Head], lines: list[str]) -> set[int]:
    """The last line with text above each head (blank lines between or none), unless it is a head
    itself: the lines a heading with no rule may stand on. Found from the heads, few, rather than
    asked of every line."""
    above: set[int] = set()
    for head in heads:
        index = head - 1
        while index >= 0 and (not lines[index] or lines[index].isspace()):
            index -= 1
        if index >= 0 and index not in heads:
            above.add(index)
    return above


_LONGEST_BOXED_HEADING = 150


def _two_line_boxes(lines: list[str], above_heads: set[int]) -> dict[int, str]:
    """Headings boxed in slashes and wrapped onto two lines over a head ("//LOOKING AHEAD -
    INVESTIGATIONS LIKELY TO UNCOVER MORE" / "DETAILS//" / (blank) / "6. (U) ..."), by their first
    line's index: a blank line above them, the slashes opening the first and closing the second."""
    boxes: dict[int, str] = {}
    for index in above_heads:
        second = lines[index].strip()
        if index < 1 or not second.endswith("//") or second.startswith("//"):
            continue
        first = lines[index - 1].strip()
        if (
            first.startswith("//")
            and not first.endswith("//")
            and (index == 1 or not lines[index - 2].strip())
            and len(first) + len(second) <= _LONGEST_BOXED_HEADING
        ):
            boxes[index - 1] = _without_marks(f"{first} {second}")
    return boxes


def _head_next(lines: list[str], start: int, heads: dict[int, Head]) -> bool:
    """Whether the first line with text from ``start`` on opens a paragraph."""
    return index_with_text(lines, start) in heads


def read_body(lines: list[str], markdown: bool = False) -> Body:
    """Split the text after the front matter into paragraphs (``markdown``: a Markdown copy)."""
    headings, rules = _headings(lines)
    heads, warnings, strays = select_heads(lines, markdown)
    above_heads = _lines_above(heads, lines)
    two_line_boxes = _two_line_boxes(lines, above_heads)
    drafts: list[_Draft] = []
    pending_heading: str | None = None
    for index, line in enumerate(lines):
        first = line.lstrip()[:1]
        if index in rules or (first in _DROP_INITIALS and _DROP.match(line)):
            if first == "N" and _header_again(lines, index + 1):
                break
            continue
        if index in headings and index not in heads:
            pending_heading = headings[index]
            continue
        head = heads.get(index)
        if (
            head is None
            and first in _SUMMARY_INITIALS
            and ("UMMARY" in line or "ummary" in line)  # (asked first: most lines answer here, in C)
            and _summary_heading(lines, index)
            and _head_next(lines, index + 1, heads)
        ):
            pending_heading = line.strip().rstrip(":")  # "Summary" alone over paragraph 1: its heading
            continue
        if head is None and two_line_boxes and (index in two_line_boxes or index - 1 in two_line_boxes):
            if index in two_line_boxes:  # "//LOOKING AHEAD - ... MORE" / "DETAILS//"
                pending_heading = two_line_boxes[index]
            continue
        if head is None and index in above_heads:
            if line.isupper():
                if _heading_in_capitals(lines, index):
                    pending_heading = _without_marks(line.strip())  # "MORE BRUTAL KILLINGS" / (blank) / "4. (C) ..."
                    continue
            elif (first.isupper() or first == "-") and _heading_in_mixed_case(lines, index):
                pending_heading = _without_rules(_without_marks(line.strip()))  # "Large majority expected for mandate renewal"
                continue
        if head is None and first == "(" and (marked := _marked_block(line, drafts)) is not None:
            # "(SBU) Post delivered reftel ...": an unnumbered paragraph that opens with its marking.
            drafts.append(_Draft(None, marked[0], pending_heading, [marked[1]]))
            pending_heading = None
            continue
        if head is None and index in strays and drafts and (alone := _NUMBER_ALONE.match(line)):
            _end_sentence_with(drafts[-1].lines, f"{strays[index]}{alone[1]}")  # "Please see paragraph" / "¶3.": "... paragraph 3."
            continue
        if head is None and index in strays and drafts and _stops_inside_a_sentence(drafts[-1].lines):
            # "on November" / "¶12. In each of these ...": the sentence goes on, the number in it.
            words, heading = _number_and_heading(_STRAY_PILCROW.sub("", line).strip())
            _end_sentence_with(drafts[-1].lines, words)
            pending_heading = heading or pending_heading
            continue
        if head is None:
            if not drafts:
                if not line.strip():
                    continue
                drafts.append(_Draft(None, None, pending_heading))
                pending_heading = None
            elif pending_heading and line.strip():
                drafts[-1].lines += ["", pending_heading, ""]
                pending_heading = None
            if "¶" in line or "\ufffd" in line:
                drafts[-1].lines += _text_lines(line)
            else:
                drafts[-1].lines.append(line)
            continue
        rest = head.rest
        marking = None
        mark = MARKING.match(rest) or _HALF_MARKING.match(rest)
        if mark:
            marking = " ".join(mark["marking"].upper().split())
            if not rest.startswith("("):
                warnings.append(f'paragraph {head.number}: marking "{rest[: mark.end()].strip()}" read as ({marking})')
            rest = _PUNCTUATION_AFTER_MARKING.sub(" ", rest[mark.end() :])  # "(C):  Mexican facilitator..."
        drafts.append(_Draft(head.number, marking, pending_heading, _text_lines(rest) if "¶" in rest or "\ufffd" in rest else [rest]))
        pending_heading = None
    signers: list[str] = []
    double_spaced = is_double_spaced(lines)
    if drafts:
        signers, only_signature = take_signers(drafts[-1].lines, drafts[-1].number is not None, len(drafts) > 1)
        if only_signature:
            drafts.pop()
    paragraphs = [
        Paragraph(
            number=d.number,
            marking=d.marking,
            level=marking_level(d.marking),
            text=compose_text(d.lines, double_spaced),
            heading=d.heading,
        )
        for d in drafts
    ]
    paragraphs = [p for p in paragraphs if p.text or p.number is not None]
    return Body(paragraphs, signers, find_summary(paragraphs), warnings)
