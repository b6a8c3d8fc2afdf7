"""Caption lines: the handling words a cable carries under its banner (SIPDIS, NOFORN, EXDIS...)."""

from __future__ import annotations

import re
from functools import lru_cache

from reader.parse.classification import unspace

CAPTION_WORDS = frozenset(
    {
        "SIPDIS",
        "SENSITIVE",
        "NOFORN",
        "EXDIS",
        "NODIS",
        "LIMDIS",
        "NOTAL",
        "STADIS",
        "CORRECTED COPY",
        "CORRECTEDCOPY",
        "EFTO",
        "E F T O",
        "ROGER CHANNEL",
        "CHEROKEE",
        "DEPT PASS",
        "FOR OFFICIAL USE ONLY",
        "SENSITIVE BUT UNCLASSIFIED",
        "SBU",
        "ORCON",
        "NOCONTRACT",
        "PROPIN",
        "DISSENT CHANNEL",
        "SPECAT",
        "DEA",
        "TERREP",
        "VISAS DONKEY",
        "INFORM CONSULS",
        "CODEL",
        "HANDLE AS SPECAT",
        "LIMITED OFFICIAL USE",
        "ALDAC",
        "PERISHABLE INFORMATION",  # "PERISHABLE INFORMATION -- DO NOT SERVICE": a daily media reaction's
    }
)

RUN_IN_CAPTIONS = frozenset(word for word in CAPTION_WORDS if " " not in word) - {"DEA", "CODEL"}
"""The one-word captions that may stand run into the line after them ("SIPDIS DEPT FOR NEA/MAG"
on a flattened page): all but those that also name an office or a delegation ("DEA FOR ...")."""


def leading_captions(line: str) -> tuple[list[str], str]:
    """The one-word captions a line begins with (at least one word is left), and the rest."""
    words = line.split()
    count = 0
    while count < len(words) - 1 and words[count].upper() in RUN_IN_CAPTIONS:
        count += 1
    return [word.upper() for word in words[:count]], " ".join(words[count:])


# "SENSITIVE BUT UNCLASSIFED--PLEASE PROTECT ACCORDINGLY", "SENSITIVE BUT UNCLASSIFIED, PLEASE PROTECT...":
_SBU_NOTICE = re.compile(r"^SENSITIVE\s+BUT\s+UNCLASS?IF\w*\b[\s,.;:-]*(?:(?:PLEASE\s+)?PROTECT\b.*|PLEASE\s*)?$")
SBU_NOTICE_AT_LINE_END = r"SENSITIVE\s+BUT\s+UNCLASS?IF\w*\b[\s,.;:-]*(?:PLEASE\s+)?PROTECT\s+ACCORDINGLY\W*$"
"""The notice run onto the end of a field's line ("SUBJECT: ... PARADISE SENSITIVE BUT UNCLASSIFIED -
PLEASE PROTECT ACCORDINGLY", "B) BRASILIA 2314 SENSITIVE BUT UNCLASSIFIED; PLEASE PROTECT ...")."""
_CAPTION_THEN_NOTE = re.compile(r"^([A-Z ]+?)\s*(?:--|\().*$")
_PARENTHESES = re.compile(r"\s*\(.*?\)\s*")


def caption_words(line: str) -> list[str] | None:
    """The captions a line consists of, or None when it holds anything else."""
    text = " ".join(unspace(line.strip()).split()).upper().strip(' ."\\')  # ('"PERISHABLE INFORMATION -- ..."' in quotes)
    if not text:
        return None
    if text.startswith("SENSITIVE") and _SBU_NOTICE.match(text):
        return ["SENSITIVE BUT UNCLASSIFIED"]
    if text.startswith(("CORRECTED COPY", "CORRECTEDCOPY")):
        return ["CORRECTED COPY"]  # and what was corrected: "CAPTION", "- Classification", "(PARA NUMBERING)"
    # "NOFORN (TEXT)": a caption and a note.
    lead = _CAPTION_THEN_NOTE.match(text)
    if lead and lead[1].strip() in CAPTION_WORDS:
        return [lead[1].strip()]
    text = text.replace(",", " ")
    if text in CAPTION_WORDS:
        return [text.replace("CORRECTEDCOPY", "CORRECTED COPY")]
    text = _PARENTHESES.sub(" ", text).strip()
    if text in CAPTION_WORDS:
        return [text]
    words = text.split()
    if not words:
        return None  # ('"",' or "," alone: no caption is written there)
    if all(w in CAPTION_WORDS for w in words):
        return words
    if len(words) > _MISSPELT_CAPTIONS_A_LINE:
        return None
    read: list[str] = []
    for word in words:
        caption = _caption_word(word)
        if caption is None:
            return None
        read.append(caption)
    return read


_MISSPELT_CAPTIONS_A_LINE = 3
_LONG_CAPTIONS = tuple(sorted(word for word in RUN_IN_CAPTIONS if len(word) >= 6))
"""One-word captions long enough that one letter typed wrong leaves no other word: "SENSITVE" and
"SENSITIE" (07MADRID1030, 09REYKJAVIK140) are SENSITIVE, which makes an unclassified cable SBU."""
_LONG_CAPTIONS_BY_LENGTH = {
    length: tuple(caption for caption in _LONG_CAPTIONS if abs(len(caption) - length) <= 1)
    for length in range(6, max(map(len, _LONG_CAPTIONS)) + 2)
}
"""The long captions a word of each length can be one slip from (most words are none's)."""


@lru_cache(maxsize=4096)
def _caption_word(word: str) -> str | None:
    """The caption a word is, or is one typing slip from (a letter left out, added, changed or two
    swapped); None for any other word. (Remembered: the same few words, SUMMARY above all, come
    back on every cable.)"""
    if word in CAPTION_WORDS:
        return word
    if len(word) < 6 or not word.isalpha():
        return None
    return next((caption for caption in _LONG_CAPTIONS_BY_LENGTH.get(len(word), ()) if _one_slip_apart(word, caption)), None)


def _one_slip_apart(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` with one letter left out, added or changed, or two adjacent swapped."""
    if abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) == len(word):
        differ = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        if len(differ) != 2:
            return len(differ) == 1
        first, second = differ
        return second == first + 1 and typed[first] == word[second] and typed[second] == word[first]
    shorter, longer = (typed, word) if len(typed) < len(word) else (word, typed)
    same = next((i for i, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter))
    return shorter[same:] == longer[same + 1 :]
