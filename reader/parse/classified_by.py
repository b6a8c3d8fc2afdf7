"""The "Classified By" line: who classified the cable, and under which reasons.

``Classified By: Pol-Econ Chief Deborah Mennuti, reasons 1.4 (B) and (D).``
gives ``Pol-Econ Chief Deborah Mennuti`` and ``["1.4(b)", "1.4(d)"]``. Older
cables put it in paragraph 1 (``1. (U) CLASSIFIED BY ROBERT P. FINN, DEPUTY
CHIEF OF MISSION. REASON: 1.5 (D)``); newer ones wrap it at a fixed column,
cutting words in two (``Hoyt Y`` / ``ee``), which is undone here.
"""

from __future__ import annotations

import re

CLASSIFIED_BY = re.compile(r"^(?:\(U\)\s*)?CLASSIFI?E?D\s+BY\b\s*:?\s*(.*)$", re.I | re.S)
_IN_TEXT = re.compile(r"\bCLASSIFI?E?D\s+BY\b\s*:?\s*", re.I)
_WRAP_COLUMNS = range(69, 73)
_LEAD_IN = 50
_LABEL_SEARCHED = 2000
_CLASSIFIED_BY_LABEL = re.compile(r"^(?:classifi?e?d\s+by\s*:?\s*)", re.I)
_ZERO_INITIAL = re.compile(r"(?<=[A-Z]{2} )0\.(?= [A-Z])")
_LABEL_LINE = re.compile(r"(?:^|\n)[ \t]*(CLASSIFI?E?D\s+BY\s*:)", re.I)
_ABBREVIATION_END = re.compile(r"(?:\b(?:JR|SR|ESQ)|\b[A-Z])\.$", re.I)
_REASON_START = re.compile(
    r"[,;.]?\s*(?:\bfor\s+|\bunder\s+|\bper\s+)?(?:\breasons?\b|\brsns?\b|\bE\.?\s?O\.?\s*\d{5}|\b1\.[4-6]\b)",
    re.I,
)
_REASON = re.compile(
    r"(\d\.\d)\s*((?:[\s,&/]*(?:and|or)?[\s,&/]*\(?\s*[a-hA-H]\s*\)?(?![a-zA-Z0-9]|\.[a-zA-Z0-9]))*)",
    re.I,
)


def join_wrapped(lines: list[str]) -> str:
    """One line; a word the fixed-column wrap cut in two (``Richa`` / ``rd``) made whole."""
    pieces: list[str] = []
    last_length = 0
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if pieces and last_length in _WRAP_COLUMNS and pieces[-1][-1:].isalpha() and line[:1].isalpha():
            pieces[-1] += stripped
        else:
            pieces.append(stripped)
        last_length = len(line.rstrip())
    return " ".join(" ".join(pieces).split())


def classified_by_parts(block: str) -> tuple[str | None, list[str]]:
    """Who classified the cable and the reasons: ``("Pol-Econ Chief ...", ["1.4(b)", "1.4(d)"])``."""
    text = join_wrapped(block.split("\n"))
    match = CLASSIFIED_BY.match(text)
    text = match[1] if match else text
    text = _CLASSIFIED_BY_LABEL.sub("", text.strip())
    text = _ZERO_INITIAL.sub("O.", text)  # "LEE 0. COLDREN": a zero for an initial O
    split = _REASON_START.search(text)
    who = text[: split.start()] if split else text
    tail = text[split.start() :] if split else ""
    who = who.strip(" ,;:-")
    if tail.startswith(".") and _ABBREVIATION_END.search(who + "."):
        who += "."  # "ABINGTON, JR.  REASON 1.5": the dot belongs to JR
    while who.endswith(".") and not _ABBREVIATION_END.search(who):
        who = who[:-1].rstrip(" ,;:-")  # a sentence's full stop (or "..."), not "JR." or an initial
    return who or None, _reasons(tail)


def classified_by_in_text(text: str) -> str | None:
    """The Classified By statement that opens a paragraph (``1. (U) CLASSIFIED BY ...``, also after
    ``CONFIDENTIAL - ENTIRE TEXT.``), or None; "was classified by the ministry" in a sentence is not one."""
    if "CLAS" not in text[:_LABEL_SEARCHED].upper():  # a literal test first: the patterns ignore case, which is slow
        return None
    labelled = _LABEL_LINE.search(text[:_LABEL_SEARCHED])  # "Classified By: ..." on a line of its own
    if labelled:
        return text[labelled.start(1) : labelled.start(1) + 400]
    match = _IN_TEXT.search(text[:_LEAD_IN + 20])
    if not match:
        return None
    lead = text[: match.start()].strip()
    if lead and (len(lead) > _LEAD_IN or any(c.islower() for c in lead) or not lead.endswith((".", ":", "-"))):
        return None
    return text[match.start() : match.start() + 400]


_JOINED_LETTERS = re.compile(r"\)\s*(and|or|&)\s*\(", re.I)
"""``1.4 (b)and(d)``: the letters' parentheses glued to the word between them."""


def _reasons(text: str) -> list[str]:
    reasons: list[str] = []
    text = _JOINED_LETTERS.sub(r") \1 (", text)
    for match in _REASON.finditer(text):
        letters = re.findall(r"[a-h]", re.sub(r"\b(?:and|or)\b", " ", match[2], flags=re.I).lower())
        found = [f"{match[1]}({letter})" for letter in letters] or [match[1]]
        reasons += [r for r in found if r not in reasons]
    return reasons
