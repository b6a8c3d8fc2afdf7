"""The TAGS line: the tags as written, and the same tags as the TAGS handbook spells them.

Cables write tags every way: ``prel, pgov`` in lower case; ``PHUMBA`` and
``KFRDKIRFCVIS...`` run together; ``MOPPS`` for MOPS; ``OVIP STEINBERG JAMES``
or ``OVIP (CLINTON, HILLARY)`` for a visitor; ``HUMAN RIGHTS`` and ``MEDIA
REACTION`` as free text; the same tag three times. ``normalise_tags`` turns the
line into one clean list; ``tags_as_written`` keeps each token as it stood, so a
tag filter can find every variant.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.parse.classification import PORTION_MARK
from reader.parse.tag_vocabulary import (
    COUNTRY_CODES,
    FREE_WORDS,
    GIVEN_NAMES,
    ORGANISATIONS,
    PERSONS,
    PHRASES,
    REWRITES,
    SUBJECT_CODES,
)

CODES = SUBJECT_CODES | COUNTRY_CODES | ORGANISATIONS
"""Tags that always stand alone: never part of a free-text phrase."""

_PIECES = CODES | FREE_WORDS
_LONGEST_PHRASE = max(len(p.split()) for p in PHRASES | set(REWRITES))
_PHRASE_MARK = "\x01"
_KNOWN_PHRASE = re.compile(
    r"(?<![A-Z])(?:" + "|".join(re.escape(p) for p in sorted((p for p in PHRASES if " " in p), key=len, reverse=True)) + r")(?![A-Z])"
)
_NOT_TAGS = frozenset({"SIPDIS", "TAGS", "TAG", "N/A", "NONE"})
"""Words a TAGS line holds that name no tag ("TAGS: N/A": the cable has none)."""
_JOINERS = frozenset({"AND", "&"})
_PORTION_MARKING = re.compile(r"\(" + PORTION_MARK + r"\)")
"""A portion marking run onto the TAGS line ("TAGS: PREL, PGOV, FR (SBU)"): the line's, not a tag."""
_NOT_SURNAMES = frozenset({"SAN", "SANTA", "SAO", "ST", "DE", "LA", "EL", "LOS", "LAS", "NEW", "PORT", "POPE", "KING", "PRINCE"})
_PHRASE_WORDS = frozenset({"AND", "OF", "THE", "WITH", "FOR", "IN", "ON", "TO", "NEW", "BY", "&"})
_LABEL = re.compile(r"^\s*(?:TAGS?|TAGSS|T?AGS|TABS|TAQS)\s*[:.]?\s*", re.I)
_PERSON_GROUP = re.compile(r"(OVIP\s*)?\(\s*([A-Z][A-Z' .-]*,\s*[A-Z][A-Z' .,-]*?)\s*\)")
_PAGE_HEADER = re.compile(
    r"\b(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)?\s*PAGE\s+\d{2,3}\s+[A-Z][A-Z ]*?\s+\d{3,6}"
    r"\s+(?:\d\d\s+OF\s+\d\d\s+)?\d{6}Z\b"
)


_PARENTHESISED = re.compile(r"(\([^()]*\))")
_TAG_SEPARATORS = re.compile(r"[\s,;]+")
_GROUP_SEPARATORS = re.compile(r"\s*[,;]\s*")


def tags_body(tags_text: str) -> str:
    """The TAGS line without its label."""
    return _LABEL.sub("", tags_text, count=1)


def tags_as_written(tags_text: str) -> list[str]:
    """Each tag of the TAGS line as the cable writes it, once, in order
    (``OVIP (CLINTON, HILLARY), prel`` -> ``OVIP``, ``CLINTON, HILLARY``, ``prel``)."""
    seen: list[str] = []
    for piece in _PARENTHESISED.split(tags_body(tags_text)):
        tokens = [" ".join(piece[1:-1].split())] if piece.startswith("(") else _TAG_SEPARATORS.split(piece)
        for token in tokens:
            if token and token not in seen and token.upper() not in _NOT_TAGS:
                seen.append(token)
    return seen


@lru_cache(maxsize=8192)
def _segment(token: str, allow_free: bool = False) -> tuple[str, ...] | None:
    """``PHUMBA`` -> (PHUM, BA): a token that is several codes run together, or None.

    At least one piece must be a four-letter subject code, so that an English word is
    never cut into country digraphs (ENERGY is not EN+ER+GY); with ``allow_free`` known
    free words such as POL and MIL may be pieces too."""
    pieces = _PIECES if allow_free else CODES
    best: list[tuple[str, ...] | None] = [None] * (len(token) + 1)
    best[0] = ()
    for end in range(2, len(token) + 1):
        for start in range(max(0, end - 6), end - 1):
            head = best[start]
            piece = token[start:end]
            if head is None or piece not in pieces:
                continue
            candidate = (*head, piece)
            if best[end] is None or len(candidate) < len(best[end]):  # type: ignore[arg-type]
                best[end] = candidate
    found = best[len(token)]
    if not found or len(found) < 2:
        return None
    if allow_free:
        return found if all(len(p) >= 3 for p in found) else None
    return found if any(p in SUBJECT_CODES for p in found) else None


def _person(words: str) -> str:
    """``STEINBERG JAMES`` or ``STEINBERG, JAMES B.`` -> the release's ``STEINBERG, JAMES B.``."""
    flat = " ".join(words.replace(",", " ").replace(".", " ").split())
    if flat in PERSONS:
        return PERSONS[flat]
    for key, name in PERSONS.items():
        if key.startswith(flat + " "):  # "STEINBERG JAMES" for "STEINBERG JAMES B"
            return name
    if "," in words:
        return " ".join(words.split())
    surname, _, given = flat.partition(" ")
    return f"{surname}, {given}" if given else surname


def _split_run(run: list[str]) -> list[str]:
    """Free-text words between codes: known phrases first, then words or one phrase."""
    out: list[str] = []
    leftover: list[str] = []

    def flush() -> None:
        if not leftover:
            return
        if all(word in FREE_WORDS or word in PHRASES for word in leftover):
            out.extend(leftover)
        else:
            out.extend(_phrase_or_codes(leftover))
        leftover.clear()

    index = 0
    while index < len(run):
        for size in range(min(_LONGEST_PHRASE, len(run) - index), 0, -1):
            phrase = " ".join(run[index : index + size])
            if phrase in PHRASES or (size > 1 and phrase in REWRITES):
                flush()
                out.append(REWRITES.get(phrase, phrase))
                index += size
                break
        else:
            leftover.append(run[index])
            index += 1
    flush()
    return out


def _code_like(word: str) -> bool:
    """``CIA``, ``INRA``, ``ZP``: a short token that is a tag of its own, not a word of a phrase."""
    return len(word) <= 4 and word.isalpha() and word not in _PHRASE_WORDS and word not in FREE_WORDS


def _persons_in(words: list[str]) -> list[str] | None:
    """``ROOD JOHN CROS GERARD ZANU-PF`` -> ``ROOD, JOHN``, ``CROS, GERARD``, ``ZANU-PF``: surname and
    given name pairs written without OVIP; None when the words hold no such pair."""
    out: list[str] = []
    index = 0
    found = False
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else ""
        if following in GIVEN_NAMES and word.isalpha() and word not in _NOT_SURNAMES and word not in GIVEN_NAMES:
            out.append(_person(f"{word} {following}"))
            found = True
            index += 2
            continue
        out.append(word)
        index += 1
    return out if found else None


def _phrase_or_codes(words: list[str]) -> list[str]:
    """Unknown words between codes: one free-text tag (``MEDIA REACTION``, ``GOI EXTERNAL``),
    with short code-like tokens at its ends standing alone; all code-like: each its own tag."""
    if (persons := _persons_in(words)) is not None:
        return persons
    start, end = 0, len(words)
    while start < end and _code_like(words[start]):
        start += 1
    while end > start and _code_like(words[end - 1]):
        end -= 1
    middle = words[start:end]
    if len(middle) > 1 and not any(len(w) >= 5 or w in _PHRASE_WORDS for w in middle):
        return list(words)
    return [*words[:start], *([" ".join(middle)] if middle else []), *words[end:]]


def _glued_to_phrase(run: list[str], token: str) -> list[str] | None:
    """``HUMAN RIGHTSPOLMIL``: a phrase whose last word has codes glued to it."""
    for cut in range(len(token) - 2, 1, -1):
        head, tail = token[:cut], token[cut:]
        pieces = _segment(tail, allow_free=True) or ((tail,) if tail in _PIECES else None)
        if pieces is None:
            continue
        for size in range(min(_LONGEST_PHRASE - 1, len(run)), 0, -1):
            if " ".join([*run[-size:], head]) in PHRASES:
                return [head, *pieces]
    return None


class _TagList:
    """The tags read so far: rewritten, split where several codes were written as one, each once."""

    def __init__(self) -> None:
        self.tags: list[str] = []
        self.run: list[str] = []
        self.after_ovip = False

    def add(self, tag: str) -> None:
        tag = REWRITES.get(tag, tag)
        parts = tag.split(" ")
        for part in parts if len(parts) > 1 and all(p in CODES for p in parts) else [tag]:
            if part not in self.tags and part not in _NOT_TAGS:
                self.tags.append(part)

    def end_run(self) -> None:
        """Free-text words read since the last code: a person after OVIP, else phrases."""
        if self.run:
            for tag in [_person(" ".join(self.run))] if self.after_ovip else _split_run(self.run):
                self.add(tag)
            self.run = []
        self.after_ovip = False

    def token(self, token: str, persons: dict[str, str]) -> None:
        if token.startswith(_PHRASE_MARK):
            self.end_run()
            self.add(token.replace(_PHRASE_MARK, " ").strip())
            return
        if token in persons:
            self.end_run()
            self.add(persons[token])
            return
        fixed = REWRITES.get(token, token)
        if fixed in CODES:
            self.end_run()
            self.add(fixed)
            self.after_ovip = fixed == "OVIP"
            return
        if (pieces := _segment(token)) is not None or (pieces := _codes_a_slash_apart(token)) is not None:
            self.end_run()
            for piece in pieces:
                self.add(piece)
            return
        if self.run and not self.after_ovip and (glued := _glued_to_phrase(self.run, token)):
            self.run.append(glued[0])
            self.end_run()
            for piece in glued[1:]:
                self.add(piece)
            return
        if (near := _near_code(token)) is not None:
            self.end_run()
            self.add(near)
            return
        if token[:1] == "(" and _PORTION_MARKING.fullmatch(token):
            return
        if token in _NOT_TAGS or (token in _JOINERS and not self.run) or not any(c.isalnum() for c in token):
            return  # (a dash between tags, "PREL - PGOV", is none)
        self.run.append(token)


def normalise_tags(tags_text: str) -> list[str]:
    """The tags of a TAGS line, upper case, as the handbook spells them, each once."""
    body = _PAGE_HEADER.sub(" ", tags_body(tags_text).upper())
    # Persons in parentheses first: "OVIP (CLINTON, HILLARY)" holds a comma of its own.
    persons: dict[str, str] = {}

    def keep_person(match: re.Match[str]) -> str:
        marker = f"\x00{len(persons)}\x00"
        persons[marker] = _person(match[2])
        return (" OVIP " if match[1] else " ") + marker + " ,"

    body = _PERSON_GROUP.sub(keep_person, body)
    # Known phrases next, whole: "TRAFFICKING IN PERSONS" holds IN, which is also India's code.
    body = _KNOWN_PHRASE.sub(lambda m: " " + _PHRASE_MARK + m[0].replace(" ", _PHRASE_MARK) + " ", body)
    reader = _TagList()
    for group in _GROUP_SEPARATORS.split(body):
        for token in group.split():
            if token := token.strip(".:"):
                reader.token(token, persons)
        reader.end_run()
    return reader.tags


def _codes_a_slash_apart(token: str) -> list[str] | None:
    """``PREL/PGOV/IR`` -> PREL, PGOV, IR: codes a slash apart (each one a code, or none is split)."""
    if "/" not in token:
        return None
    parts = [REWRITES.get(part, part) for part in token.split("/")]
    return parts if len(parts) > 1 and all(part in CODES for part in parts) else None


def _near_code(token: str) -> str | None:
    """``PRELS`` -> PREL: a five-letter token one letter longer than exactly one subject code."""
    if len(token) != 5 or not token.isalpha() or token in FREE_WORDS:
        return None
    near = {token[:i] + token[i + 1 :] for i in range(5)} & SUBJECT_CODES
    return near.pop() if len(near) == 1 else None


def is_tag_line_continuation(line: str) -> bool:
    """Whether a line after a TAGS line holds tags only (codes, codes run together)."""
    tokens = [t.strip(",;.") for t in line.upper().split()]
    tokens = [t for t in tokens if t]
    return bool(tokens) and all(t in CODES or _segment(t) is not None for t in tokens)
