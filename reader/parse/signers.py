"""The signature block: the surname(s) under a cable's last paragraph (``ORDWAY``).

It stands alone under the text (``LAINGEN``, ``DE PREE``, ``STRAUSZ-HUPE``),
sometimes with debris after it (``HORAN##``, a lone ``.``, the banner again),
or a reflowed page glued it to the last sentence (``... CONSIDERED. EAGLETON``).
"""

from __future__ import annotations

import re

_SENTENCE_END = tuple(".:;!?\"')]”’")
# A surname may open with a lower-case particle when a page repeats it in mixed case ("van Voorst").
_SIGNER = re.compile(
    r"^(?:(?:van|von|de|da|del|della|der|di|du|la|le) )?[A-Z][A-Za-z'./-]{1,24}(?:[ ,]+[A-Z][A-Za-z'./-]{0,24}){0,3}(?<!\.)$"
)
_URL_LINE = re.compile(r"https?://|\bwww\.|\.gov\b", re.IGNORECASE)
"""A line that points to the post's website: the name under it is the signer ("... home page/")."""
_TITLE_WORD = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
_GLUED_SIGNER = re.compile(
    r"(?:[.!?\"')\]]|\bEND COMMENT|\bEnd Comment|\bEND SUMMARY|Website:\s*\S+)\s+([A-Z][A-Za-z'-]{2,}|[A-Z]{2})\s*$"
)
_DEBRIS = re.compile(r"^[\s.#*\-_=\"'”]*$")
NOT_SIGNER = frozenset(
    ["END", "COMMENT", "SUMMARY", "NOTE", "ACTION", "REQUEST", "TEXT", "BEGIN", "MINIMIZE", "CONSIDERED", "SIPDIS", "NNNN", "NNN", "UNQUOTE", "QUOTE", "CABLE", "MESSAGE", "REFTEL", "THANKS", "REGARDS", "THANK", "YOU", "STOP", "PLEASE", "ADVISE", "NOTED", "CLEARED", "YES", "NO", "UNCLASSIFIED", "UNCLAS", "CONFIDENTIAL", "SECRET", "TOP", "NOFORN"]
)


def _clean_tail(lines: list[str]) -> None:
    """Drop blank lines and debris (``.``, ``##``) after the text; ``HORAN##`` -> ``HORAN``."""
    while lines and _DEBRIS.match(lines[-1]):
        lines.pop()
    if lines:
        lines[-1] = lines[-1].rstrip().rstrip("#*").rstrip()


def take_signers(lines: list[str], numbered: bool, others_before: bool) -> tuple[list[str], bool]:
    """Cut a signature block off the end of a paragraph's ``lines`` (in place).

    ``numbered``: the lines are a numbered paragraph's; ``others_before``: paragraphs come
    before it. Returns the signers and whether the lines were nothing but the signature."""
    _clean_tail(lines)
    for index in range(max(0, len(lines) - 6), len(lines)):
        if _DEBRIS.match(lines[index]):
            lines[index] = ""  # "-" between the last paragraph and the name: a separator
    if lines and (glued := _GLUED_SIGNER.search(lines[-1])) and glued[1].upper() not in NOT_SIGNER:
        # A reflowed page: "... (ref B). SCOBEY" on the paragraph's one line.
        lines[-1] = lines[-1][: glued.start(1)].rstrip()
        return [glued[1]], False
    end = start = len(lines)
    while start > 0 and lines[start - 1].strip() and end - start < 3:
        start -= 1
    tail = [line.strip() for line in lines[start:end]]
    separated = start > 0 and not lines[start - 1].strip()
    alone = start == 0 and not numbered and others_before
    if not separated and not alone and tail:
        # "...Classified Website: (http://...)\nPYATT": a name right under the last sentence.
        start, tail = end - 1, tail[-1:]
        previous = lines[start - 1].rstrip() if start > 0 else ""
        name_like = (tail[0].isupper() and len(tail[0].split()) <= 2) or bool(_TITLE_WORD.match(tail[0]))
        if not (name_like and (previous.endswith(_SENTENCE_END) or _URL_LINE.search(previous))):
            return [], False
    if not tail:
        return [], False
    for line in tail:
        if not _SIGNER.match(line) or set(re.split(r"[ ,/]+", line.upper())) & NOT_SIGNER:
            return [], False
    del lines[start:]
    unique = [name for position, name in enumerate(tail) if name.upper() not in {n.upper() for n in tail[:position]}]
    return unique, alone
