"""Numbered paragraphs with portion markings, headings, summary and signers.

Paragraph numbers are read against the sequence so far: a pilcrow-led number
is a paragraph; a bare ``N.`` line is one only where it continues the
sequence (else it is a list item inside a paragraph); a bare ``15.`` after
paragraph 4 is the web-rendered pilcrow ("1") glued to 5, and is read as 5.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.model import Paragraph
from reader.parse.classification import MARKING, marking_level

_HEAD = re.compile(r"^\s*(?P<pil>[¶\ufffd]\s*)?(?P<num>\d{1,3})\s*(?P<dot>[.)])(?=\s|\(|$)\s*(?P<rest>.*)$")
_HEAD_PILCROW = re.compile(r"^\s*[¶\ufffd]\s*")
_RULE = re.compile(r"^\s*[-=_*]{4,}[-=_* ]*$")
_HEADING_WITH_RULE = re.compile(r"^\s*(?P<text>\S.*?\S)\s+[-=_]{6,}\s*$")
_DROP_INITIALS = frozenset("SNB#")
_DROP = re.compile(r"^\s*(SIPDIS|NNNN|BT|#)\s*$")
_ITEM = re.compile(r"^\s*(?:-{1,2}\s|\*\s|o\s|•|\(?[A-Za-z0-9]{1,2}[.)]\s|\((?:[a-zA-Z]|[ivx]{1,4}|\d{1,2})\)\s)")
_PREFORMATTED = re.compile(r"^\s{4,}\S|\S\s{3,}\S.*\S\s{3,}\S|^[^:]{1,30}:\s{3,}\S")
_SENTENCE_END = tuple(".:;!?\"')]")
_SIGNER = re.compile(r"^[A-Z][A-Za-z'./-]{1,24}(?:[ ,]+[A-Z][A-Za-z'./-]{0,24}){0,3}(?<!\.)$")
_GLUED_SIGNER = re.compile(
    r"(?:[.!?\"')\]]|\bEND COMMENT|\bEnd Comment|\bEND SUMMARY|Website:\s*\S+)\s+([A-Z][A-Za-z'-]{2,}|[A-Z]{2})\s*$"
)
_NOT_SIGNER = frozenset(
    {
        "END",
        "COMMENT",
        "SUMMARY",
        "NOTE",
        "ACTION",
        "REQUEST",
        "TEXT",
        "BEGIN",
        "MINIMIZE",
        "CONSIDERED",
        "SIPDIS",
        "NNNN",
        "NNN",
        "UNQUOTE",
        "QUOTE",
        "CABLE",
        "MESSAGE",
        "REFTEL",
        "THANKS",
        "REGARDS",
        "THANK",
        "YOU",
        "STOP",
        "PLEASE",
        "ADVISE",
        "NOTED",
        "CLEARED",
        "YES",
        "NO",
    }
)
_SUMMARY_START = re.compile(r"^(?:BEGIN\s+)?SUMMARY\b\s*(?:AND\s+COMMENT\b\s*)?[:.\-]*\s*", re.I)
_BEGIN_SUMMARY = re.compile(r"(?:^|\n\n)\s*BEGIN\s+SUMMARY\b\s*[:.\-]*\s*", re.I)
_SUMMARY_END = re.compile(r"\bEND\s+(?:OF\s+)?SUMMARY\b", re.I)


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
    """Heading lines (underlined or boxed by rules) by index, and rule lines to drop."""
    headings: dict[int, str] = {}
    rules: set[int] = set()
    for index, line in enumerate(lines):
        if "---" not in line and "===" not in line and "___" not in line and "***" not in line:
            continue
        if _RULE.match(line):
            rules.add(index)
            prev = index - 1
            above = lines[prev].strip() if prev >= 0 else ""
            if above and len(above) <= 100 and not _RULE.match(above) and not _HEAD.match(above):
                headings[prev] = above
        elif (match := _HEADING_WITH_RULE.match(line)) and not _HEAD.match(line):
            headings[index] = match["text"]
    return headings, rules


def _repair(number: int, expected: int) -> int | None:
    """``15`` for expected 5: the pilcrow rendered as a leading "1"."""
    digits = str(number)
    if len(digits) >= 2 and digits[0] == "1" and digits[1] != "0" and int(digits[1:]) == expected:
        return expected
    return None


def _mid_sentence(lines: list[str], index: int) -> bool:
    """Whether the line before ``index`` is text that stops mid-sentence."""
    if index == 0 or not lines[index - 1].strip():
        return False
    previous = lines[index - 1].rstrip()
    return not previous.endswith(_SENTENCE_END) and not _RULE.match(previous) and previous[-1:].isalpha()


def _is_preformatted(line: str) -> bool:
    return ("   " in line or line[:1] == "\t") and bool(_PREFORMATTED.search(line))


def compose_text(lines: list[str]) -> str:
    """Join hard-wrapped lines into paragraphs of text, keeping list items, tables
    and sub-paragraph breaks; a break mid-sentence (a page break) is joined."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    rendered: list[list[str]] = []  # blocks, each a list of pieces joined by a space
    for block in blocks:
        if not block:
            continue
        out: list[list[str]] = []  # output lines, each a list of joined pieces
        previous_pre = False
        for line in block:
            pre = _is_preformatted(line)
            if pre:
                out.append([line.rstrip()])
            elif not out or previous_pre or _ITEM.match(line):
                out.append([" ".join(line.split())])
            else:
                out[-1].append(" ".join(line.split()))
            previous_pre = pre
        text = "\n".join(" ".join(pieces) for pieces in out)
        if rendered and not rendered[-1][-1].endswith(_SENTENCE_END) and text[:1].islower():
            rendered[-1].append(text)
        else:
            rendered.append([text])
    return "\n\n".join(" ".join(pieces) for pieces in rendered)


def _split_signers(drafts: list[_Draft]) -> list[str]:
    """Take a trailing signature block (``ORDWAY``) off the last paragraph."""
    draft = drafts[-1]
    lines = draft.lines
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and (glued := _GLUED_SIGNER.search(lines[-1])) and glued[1].upper() not in _NOT_SIGNER:
        # A reflowed page: "... (ref B). SCOBEY" on the paragraph's one line.
        lines[-1] = lines[-1][: glued.start(1)].rstrip()
        return [glued[1]]
    end = start = len(lines)
    while start > 0 and lines[start - 1].strip() and end - start < 3:
        start -= 1
    tail = [line.strip() for line in lines[start:end]]
    separated = start > 0 and not lines[start - 1].strip()
    alone = start == 0 and draft.number is None and len(drafts) > 1
    if not separated and not alone and tail:
        # "...Classified Website: (http://...)\nPYATT": a name right under the last sentence.
        start, tail = end - 1, tail[-1:]
        previous = lines[start - 1].rstrip() if start > 0 else ""
        if not (tail[0].isupper() and len(tail[0].split()) <= 2 and previous.endswith(_SENTENCE_END)):
            return []
    if not tail:
        return []
    for line in tail:
        if not _SIGNER.match(line) or set(re.split(r"[ ,/]+", line.upper())) & _NOT_SIGNER:
            return []
    del lines[start:]
    if alone:
        drafts.pop()
    return tail


def _summary(paragraphs: list[Paragraph]) -> str | None:
    for start, paragraph in enumerate(paragraphs[:5]):
        if "UMMARY" not in paragraph.text.upper():
            continue
        match = _SUMMARY_START.match(paragraph.text) or _BEGIN_SUMMARY.search(paragraph.text)
        if not match:
            continue
        collected: list[str] = []
        for candidate in paragraphs[start : start + 6]:
            text = candidate.text[match.end() :] if candidate is paragraph else candidate.text
            end = _SUMMARY_END.search(text)
            if end:
                collected.append(text[: end.start()].rstrip(" -"))
                return "\n\n".join(c for c in collected if c).strip() or None
            collected.append(text)
        return paragraph.text[match.end() :].strip() or None
    return None


def read_body(lines: list[str]) -> Body:
    """Split the text after the front matter into paragraphs."""
    warnings: list[str] = []
    headings, rules = _headings(lines)
    has_pilcrows = any(re.match(r"^\s*[¶\ufffd]\s*\d", line) for line in lines)
    drafts: list[_Draft] = []
    last = 0
    pending_heading: str | None = None
    for index, line in enumerate(lines):
        first = line.lstrip()[:1]
        if index in rules or (first in _DROP_INITIALS and _DROP.match(line)):
            continue
        if index in headings:
            pending_heading = headings[index]
            continue
        # Only a line that starts with a digit or a pilcrow can open a paragraph.
        match = _HEAD.match(line) if first.isdigit() or first in "¶\ufffd" else None
        number: int | None = None
        if match:
            raw = int(match["num"])
            expected = last + 1
            repaired = _repair(raw, expected) if raw != expected else None
            if match["pil"] and not repaired and raw != expected and _mid_sentence(lines, index):
                # "on July\n¶24. Khobargade": a stray pilcrow on a number inside a sentence.
                warnings.append(f'"¶{raw}." inside a sentence read as text')
                line = _HEAD_PILCROW.sub("", line, count=1)
            elif match["pil"]:
                number = repaired or raw
            elif match["dot"] == "." and raw == expected:
                number = raw
            elif match["dot"] == "." and repaired:
                number = repaired
            elif not has_pilcrows and match["dot"] == "." and expected < raw <= expected + 3 and MARKING.match(match["rest"]):
                number = raw
            if number is not None and repaired:
                warnings.append(f'paragraph "{raw}." read as {repaired}')
            elif number is not None and number != expected and match["pil"]:
                warnings.append(f"paragraph numbers jump from {last} to {number}")
        if number is None:
            if not drafts:
                if not line.strip():
                    continue
                drafts.append(_Draft(None, None, pending_heading))
                pending_heading = None
            elif pending_heading and line.strip():
                drafts[-1].lines += ["", pending_heading, ""]
                pending_heading = None
            drafts[-1].lines.append(line)
            continue
        rest = match["rest"]
        marking = None
        mark = MARKING.match(rest)
        if mark:
            marking = " ".join(mark["marking"].upper().split())
            rest = rest[mark.end() :]
        drafts.append(_Draft(number, marking, pending_heading, [rest]))
        pending_heading = None
        last = number
    signers = _split_signers(drafts) if drafts else []
    paragraphs = [
        Paragraph(
            number=d.number,
            marking=d.marking,
            level=marking_level(d.marking),
            text=compose_text(d.lines),
            heading=d.heading,
        )
        for d in drafts
    ]
    paragraphs = [p for p in paragraphs if p.text or p.number is not None]
    return Body(paragraphs, signers, _summary(paragraphs), warnings)
