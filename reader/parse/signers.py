"""The signature block: the surname(s) under a cable's last paragraph (``ORDWAY``).

It stands alone under the text (``LAINGEN``, ``DE PREE``, ``STRAUSZ-HUPE``),
sometimes with debris after it (``HORAN##``, a lone ``.``, the banner again),
or a reflowed page glued it to the last sentence (``... CONSIDERED. EAGLETON``).
"""

from __future__ import annotations

import re

from reader.parse.line_shapes import SENTENCE_END

_SENTENCE_END = (*SENTENCE_END, "”", "’")  # a sentence closing with a curly quote too
# A surname may open with a lower-case particle when a page repeats it in mixed case ("van Voorst").
_SIGNER = re.compile(
    r"^(?:(?:van|von|de|da|del|della|der|di|du|la|le) )?[A-Z][A-Za-z'./-]{1,24}(?:[ ,]+[A-Z][A-Za-z'./-]{0,24}){0,3}(?<!\.)$"
)
_URL_LINE = re.compile(r"https?://|\bwww\.|\.gov\b|\bWebsite\b", re.IGNORECASE)
"""A line that points to the post's website: the name under it is the signer ("... home page/")."""
_TITLE_WORD = re.compile(r"^(?:(?:van|von|de|da|del|della|der|di|du|la|le) )?[A-Z][a-z]*'?[A-Z]?[a-z]+(?:-[A-Z][a-z]+)?$")
"""One surname in mixed case: Spogli, LeBaron, McCain, O'Neill, Thompson-Jones, van Voorst."""
_CLOSING = r"\b(?i:END (?:COMMENT|SUMMARY|NOTE))"
"""A comment's, summary's or note's closing words, which a name after them follows as a sentence's end would."""
_END_MARK = re.compile(_CLOSING + r"\W*$")
_GLUED_SIGNER = re.compile(
    r"(?:[.!?\"')\]]|" + _CLOSING + r"|Website:\s*\S+|\*{3,}|\b[Xx]{6,})"
    r"\s+([A-Z][A-Za-z'-]{2,}|[A-Z]{2})\s*$"
)
# A letter quoted last, its date closing it, then the name: "... Cooperation. July 30, 2009 CRETZ".
_GLUED_AFTER_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},?\s+(?:19|20)\d{2}\.?\s+([A-Z][A-Z'-]{2,})\s*$"
)
_DATE_REACH = 40
# A website line broken by a space ("...Portal:Unit ed_Kingdom LEBARON"): a name in capitals.
_ADDRESS = r"(?:https?://|www\.|Website:\s*)"
"""Where the post's website is named: its address, or the "Website:" label before it."""
_GLUED_AFTER_WEBSITE = re.compile(_ADDRESS + r".*\s([A-Z][A-Z'-]{2,})\s*$")
_WEBSITE_NAME = r"([A-Z][A-Za-z'-]{2,24}|[a-z][a-z'-]{2,24})\.?"
"""A surname after the post's website, in whatever case, a full stop after it or not ("kurtzer", "LeBaron.")."""
# The address may be broken by a space, its last piece in lower case ("...Portal:Unit ed_Kingdom LeBaron",
# "index.c fm Stapleton", "xxxxxxxxxxxx. cfm Tuttle").
_GLUED_AFTER_ADDRESS = re.compile(_ADDRESS + r"\S*(?:\s+[a-z_][\w.]{0,12})?\s+" + _WEBSITE_NAME + r"\s*$")
_NAME_ALONE = re.compile(_WEBSITE_NAME)
_ADDRESS_REACH = 200
"""How far before a line's end a website's address glued to the signer's name is looked for: not
over the whole of a long line (a flattened page's last paragraph)."""
_LAST_WORD = re.compile(r"[A-Z][A-Za-z'-]{2,}|[A-Z]{2}")
_REDACTED = re.compile(r"^X+$")
_DEBRIS = re.compile(r"^[\s.#*\-_=\"'”\\]*$")
NOT_SIGNER = frozenset(
    ["END", "COMMENT", "SUMMARY", "NOTE", "ACTION", "REQUEST", "TEXT", "BEGIN", "MINIMIZE", "CONSIDERED", "SIPDIS", "NNNN", "NNN", "UNQUOTE", "QUOTE", "CABLE", "MESSAGE", "REFTEL", "THANKS", "REGARDS", "THANK", "YOU", "STOP", "PLEASE", "ADVISE", "NOTED", "CLEARED", "YES", "NO", "UNCLASSIFIED", "UNCLAS", "CONFIDENTIAL", "SECRET", "TOP", "NOFORN"]
)


_ROW_DATE = re.compile(r"\s+0\s+\d{1,2}/\d{1,2}/\d{4}\s*$")
"""``STEVENS 0 12/18/2007``: a database row's fields after the name, at the very end of some pages."""
_CUT_AFTER_NAME = re.compile(r"((?:^\s*|[.!?\"')]\s+)[A-Z][A-Z'-]{2,})\s+(?:\.{3}|…)$")
"""``CHACON ...``: a page that cut the cable off after the signer's name (alone, or glued after a sentence)."""
_FOOTER_AFTER_NAME = re.compile(r"\s+(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\s*>(?:\s+\d{4}[A-Z]+\d+\s+-\s+Classification:\s+[A-Z/ ]+)?\s*$")
"""``MCDONALD CONFIDENTIAL >``: a copy's classification footer run onto the name's line."""
_NAME_TWICE = re.compile(r"(?<=\s)([A-Z][A-Z'-]{2,})\s+\1\s*$")
"""``... official. HUNTSMAN HUNTSMAN``: a name written twice, run onto the text's last line."""
_PARTICLES = frozenset({"VAN", "VON", "DE", "DA", "DEL", "DELLA", "DER", "DI", "DU", "LA", "LE", "DOS", "DAS"})
"""The words a compound surname in capitals may open with ("DE LA TORRE", "VAN DER BERG")."""
_NAME_WITH_FULL_STOP = re.compile(r"^(?:(?:" + "|".join(sorted(_PARTICLES)) + r") )*[A-Z][A-Z'-]{2,24}\.$")
"""A surname in capitals with a full stop after it, alone on the last line (``MCCORMICK.``, ``VAN DER BERG.``)."""
_TITLES = frozenset(
    ["AMBASSADOR", "CHARGE", "CHARGE D'AFFAIRES", "CHARGE D AFFAIRES", "CDA", "DCM", "ACTING", "CONSUL GENERAL", "CONSUL",
     "PRINCIPAL OFFICER", "DEPUTY CHIEF OF MISSION", "CHIEF OF MISSION", "MINISTER-COUNSELOR", "SECRETARY"]
)  # fmt: skip
"""What a signature block may write under the name ("BROWNFIELD" / "AMBASSADOR"): the post, not a signer."""
_TAIL_REACH = 80
"""How far before the last line's end a name cut off or written twice is looked for."""


def _clean_tail(lines: list[str]) -> None:
    """Drop blank lines and debris (``.``, ``##``) after the text; ``HORAN##`` -> ``HORAN``,
    ``STEVENS 0 12/18/2007`` and ``CHACON ...`` -> the name alone, a name written twice -> once."""
    while lines and _DEBRIS.match(lines[-1]):
        lines.pop()
    if lines:
        last_line = _ROW_DATE.sub("", lines[-1].rstrip().rstrip("#*\\").rstrip())
        if ">" in last_line:
            last_line = _FOOTER_AFTER_NAME.sub("", last_line)
        tail = max(0, len(last_line) - _TAIL_REACH)  # a long line is the last paragraph's prose: only its end is looked at
        if last_line.endswith(("...", "…")) and (cut := _CUT_AFTER_NAME.search(last_line, tail)):
            last_line = last_line[: cut.end(1)]
        if (twice := _NAME_TWICE.search(last_line, tail)) is not None:
            last_line = last_line[: twice.end(1)]
        lines[-1] = last_line
    last = lines[-1].strip() if lines else ""
    if last.endswith(".") and _NAME_WITH_FULL_STOP.match(last) and last[:-1] not in NOT_SIGNER and len(lines) >= 2:
        above = lines[-2].rstrip()
        if not above or above.endswith(_SENTENCE_END):
            lines[-1] = last = last[:-1]  # "MCCORMICK." alone under the text: the name
    if len(lines) >= 2 and last and last == lines[-2].strip() and _signer_line(last):
        lines.pop()  # the name written twice ("HUNTSMAN" under "HUNTSMAN")


_TELEGRAM_NOTE = re.compile(r"^\s*NOTE BY (?:OC/T|OCT|S/S-O|S/S)\b", re.I)
"""The note the Department's telegraph office put under an older telegram's signature ("KISSINGER" /
(blank) / "NOTE BY OC/T: NOT PASSED TO ..."): part of the text, after the signature."""
_NOTE_LINES = 4


def take_signers(lines: list[str], numbered: bool, others_before: bool) -> tuple[list[str], bool]:
    """Cut a signature block off the end of a paragraph's ``lines`` (in place).

    ``numbered``: the lines are a numbered paragraph's; ``others_before``: paragraphs come
    before it. Returns the signers and whether the lines were nothing but the signature.
    A telegraph office's note under the signature stays, after the text."""
    note = _telegram_note(lines)
    if note is None:
        return _take_signers(lines, numbered, others_before)
    kept = lines[:note]
    signers, _only_signature = _take_signers(kept, numbered, others_before)
    note_lines = lines[note:]
    lines[:] = [*kept, "", *note_lines] if kept else note_lines
    return signers, False  # (the note is text: the lines are never the signature alone)


def _telegram_note(lines: list[str]) -> int | None:
    """Where a telegraph office's note at the end of ``lines`` starts (a blank line before it), or None."""
    end = len(lines)
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    start = _non_blank_run(lines, end)
    if start == 0 or end - start > _NOTE_LINES or not _TELEGRAM_NOTE.match(lines[start]):
        return None
    return start


def _take_signers(lines: list[str], numbered: bool, others_before: bool) -> tuple[list[str], bool]:
    _clean_tail(lines)
    for index in range(max(0, len(lines) - 6), len(lines)):
        if _DEBRIS.match(lines[index]):
            lines[index] = ""  # "-" between the last paragraph and the name: a separator
    glued = _glued_signer(lines[-1]) if lines else None
    if glued and glued[1].upper() not in NOT_SIGNER and not _REDACTED.match(glued[1]):
        # A reflowed page: "... (ref B). SCOBEY" on the paragraph's one line.
        lines[-1] = lines[-1][: glued.start(1)].rstrip()
        return [glued[1]], False
    if name := _name_under_the_website(lines):
        lines.pop()
        return [name], False
    if (over := _name_over_the_website(lines)) is not None:
        name = lines[over].strip()
        del lines[over]
        return [name], False
    end = start = len(lines)
    while start > 0 and lines[start - 1].strip() and end - start < 3:
        start -= 1
    tail = [line.strip() for line in lines[start:end]]
    separated = start > 0 and not lines[start - 1].strip()
    alone = start == 0 and not numbered and others_before
    if not tail:
        return [], False
    if (separated or alone) and all(_signer_line(line) for line in tail):
        del lines[start:]
    elif _name_under_the_text(lines):
        # "...Classified Website: (http://...)\nPYATT": a name right under the last sentence.
        return [lines.pop().strip()], False
    else:
        return [], False
    names = [line for line in tail if " ".join(line.upper().rstrip(".,").split()) not in _TITLES] or tail
    unique: dict[str, str] = {}
    for name in names:
        unique.setdefault(name.upper(), name)  # "VAN VOORST" then "van Voorst": one signer, as first written
    return list(unique.values()), alone


def _glued_signer(line: str) -> re.Match[str] | None:
    """``... (ref B). SCOBEY``: a name run onto the text's last line. Both patterns end in a
    capitalised last word after a blank, so a line whose last word is not one is not searched."""
    words = line.rsplit(None, 1)
    if len(words) < 2:
        return None
    near = max(0, len(line) - _ADDRESS_REACH)  # the address stands right before the name
    if _URL_LINE.search(line, near) and (after_address := _GLUED_AFTER_ADDRESS.search(line, near)):
        return after_address  # "... on the USUN web site: www.un.int/usa. Khalilzad."
    if not _LAST_WORD.fullmatch(words[1]):
        return None
    # What stands before the blank ahead of the name is at most 12 characters long ("\bEND SUMMARY"),
    # or runs from a "Website:": the search starts there, not at the start of a long line.
    start = max(0, len(words[0]) - 12)
    website = line.find("Website:")
    if 0 <= website < start:
        start = website
    return (
        _GLUED_SIGNER.search(line, start)
        or _GLUED_AFTER_WEBSITE.search(line, near)
        or _GLUED_AFTER_DATE.search(line, max(0, len(line) - _DATE_REACH))
    )


def _name_under_the_website(lines: list[str]) -> str | None:
    """A surname alone on the last line, under the post's website line (blank lines or a rule
    between): after the website, a name is the signer's in whatever case it is written."""
    match = _NAME_ALONE.fullmatch(lines[-1].strip()) if lines else None
    if match is None or match[1].upper() in NOT_SIGNER:
        return None
    above = next((line for line in reversed(lines[:-1]) if line.strip()), "")
    return match[1] if _URL_LINE.search(above) else None


_NOTICE_LINES = 2


def _non_blank_run(lines: list[str], end: int) -> int:
    """Where the run of non-blank lines that ends at ``end`` (exclusive) starts."""
    start = end
    while start > 0 and lines[start - 1].strip():
        start -= 1
    return start


def _name_over_the_website(lines: list[str]) -> int | None:
    """The index of a name alone above the post's website notice, which the page printed last
    ("JEFFREY" / (blank) / "Visit Ankara's Classified Web Site at http://www.intelink.s" /
    "gov.gov/wiki/Portal:Turkey""), or None."""
    notice = _non_blank_run(lines, len(lines))
    if notice == 0 or len(lines) - notice > _NOTICE_LINES or not _URL_LINE.search(" ".join(lines[notice:])):
        return None
    name_end = notice
    while name_end > 0 and not lines[name_end - 1].strip():
        name_end -= 1
    name_start = _non_blank_run(lines, name_end)
    if name_end - name_start != 1 or name_start == 0 or not _signer_line(lines[name_start].strip()):
        return None
    return name_start


def _signer_line(line: str) -> bool:
    return bool(_SIGNER.match(line)) and not set(re.split(r"[ ,/]+", line.upper())) & NOT_SIGNER


def _name_under_the_text(lines: list[str]) -> bool:
    """Whether the last line is a name standing under a finished sentence, the website line, or (in
    capitals) a line in mixed case."""
    if len(lines) < 2:
        return False
    name, previous = lines[-1].strip(), lines[-2].rstrip().rstrip("\\").rstrip()
    words = name.split()
    in_capitals = name.isupper() and (len(words) <= 2 or words[0] in _PARTICLES)  # "DE LA TORRE" too
    name_like = in_capitals or bool(_TITLE_WORD.match(name))
    under_text = (
        previous.endswith(_SENTENCE_END)
        or previous.upper().endswith("MINIMIZE CONSIDERED")  # "BEIRUT MINIMIZE CONSIDERED" / "EAGLETON"
        or bool(_URL_LINE.search(previous) or _END_MARK.search(previous))
    )
    # A surname in capitals under a line in mixed case (the last of a list of participants) stands
    # apart from the text as a sentence's end would set it apart.
    under_text = under_text or (in_capitals and any(c.islower() for c in previous))
    return name_like and under_text and _signer_line(name)
