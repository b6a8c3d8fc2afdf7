"""What changed between two versions of one cable (two releases, a page and a CSV row...).

The comparison is made on the parsed text, not on the page markup: the subject
and each paragraph with its number and marking, word by word; typographic and
plain quotes count as the same (one release has one, the other the other).
Redactions (``XXXXXXXXXXXX``) that one version adds or lifts are counted apart,
and the header fields that differ are listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from reader.model import Cable
from reader.model.json_codec import format_utc

_TOKEN = re.compile(r"\n\n|\S+")
_REDACTION = re.compile(r"X{4,}")
_REDACTION_PUNCTUATION = re.compile(r"[\[\]().,;:'\"]")
_PLAIN_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class DiffPiece:
    kind: str
    """``equal``, ``insert`` (only in the second version) or ``delete`` (only in the first)."""
    text: str
    redactions: int = 0
    """How many redaction marks (``XXXXXXXXXXXX``) the piece holds."""


@dataclass(frozen=True)
class FieldChange:
    name: str
    before: str
    after: str


@dataclass
class VersionDiff:
    before: str
    """The first version's source (path, and row for a CSV)."""
    after: str
    pieces: list[DiffPiece] = field(default_factory=list)
    fields: list[FieldChange] = field(default_factory=list)

    def _count(self, kind: str) -> int:
        return sum(len([t for t in p.text.split() if t]) for p in self.pieces if p.kind == kind)

    @property
    def words_inserted(self) -> int:
        return self._count("insert")

    @property
    def words_deleted(self) -> int:
        return self._count("delete")

    @property
    def redactions_added(self) -> int:
        return sum(p.redactions for p in self.pieces if p.kind == "insert")

    @property
    def redactions_lifted(self) -> int:
        return sum(p.redactions for p in self.pieces if p.kind == "delete")

    @property
    def identical(self) -> bool:
        return not self.fields and all(p.kind == "equal" for p in self.pieces)


def source_name(cable: Cable) -> str:
    return cable.source.path + (f" (row {cable.source.row})" if cable.source.row else "")


def comparable_text(cable: Cable) -> str:
    """The parsed text two versions are compared on: subject, then each paragraph with its head."""
    blocks = [f"SUBJECT: {cable.subject}"] if cable.subject else []
    for paragraph in cable.paragraphs:
        head = f"{paragraph.number}. " if paragraph.number is not None else ""
        marking = f"({paragraph.marking}) " if paragraph.marking else ""
        blocks.append(f"{head}{marking}{paragraph.text}")
    return PARAGRAPH_BREAK.join(blocks)


def _fields(cable: Cable) -> dict[str, str]:
    """The header fields compared, as text."""
    return {
        "reference id": cable.reference_id or "",
        "created": format_utc(cable.created) or "",
        "classification": cable.classification or "",
        "controls": ", ".join(cable.controls),
        "captions": ", ".join(cable.captions),
        "tags": ", ".join(cable.tags),
        "subject": cable.subject or "",
        "E.O. line": cable.eo_line or "",
        "references": ", ".join(r.reference_id or r.text for r in cable.references),
        "classified by": cable.classified_by or "",
        "signers": ", ".join(cable.signers),
        "paragraphs": " ".join(
            f"{p.number if p.number is not None else '-'}({p.marking or 'unmarked'})" for p in cable.paragraphs
        ),
        "partial extract": "yes" if cable.partial else "no",
    }


def _redactions(tokens: list[str]) -> int:
    return sum(1 for t in tokens if _REDACTION.search(t))


def _piece(kind: str, tokens: list[str], redactions: int | None = None) -> DiffPiece:
    text = " ".join(tokens).replace(f" {PARAGRAPH_BREAK} ", PARAGRAPH_BREAK)
    return DiffPiece(kind, text, _redactions(tokens) if redactions is None else redactions)


def _key(token: str) -> str:
    """What two tokens are compared on: typographic quotes as plain ones, a redaction without
    the brackets or stops around it (``[XXXXXXXXXXXX`` and ``XXXXXXXXXXXX.`` are one redaction)."""
    token = token.translate(_PLAIN_QUOTES)
    if _REDACTION.search(token):
        return _REDACTION_PUNCTUATION.sub("", token)
    return token


def diff_versions(before: Cable, after: Cable) -> VersionDiff:
    """Word-level differences of two parsed versions of one cable, and the fields that differ."""
    diff = VersionDiff(source_name(before), source_name(after))
    first, second = _fields(before), _fields(after)
    diff.fields = [FieldChange(name, first[name], second[name]) for name in first if first[name] != second[name]]
    old_tokens = _TOKEN.findall(comparable_text(before))
    new_tokens = _TOKEN.findall(comparable_text(after))
    matcher = SequenceMatcher(None, [_key(t) for t in old_tokens], [_key(t) for t in new_tokens], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            diff.pieces.append(_piece("equal", new_tokens[j1:j2]))
            continue
        removed, added = old_tokens[i1:i2], new_tokens[j1:j2]
        # A redaction replaced by a redaction is neither lifted nor added: count the difference.
        lifted, imposed = _redactions(removed), _redactions(added)
        shared = min(lifted, imposed)
        if removed:
            diff.pieces.append(_piece("delete", removed, lifted - shared))
        if added:
            diff.pieces.append(_piece("insert", added, imposed - shared))
    return diff


def diff_to_json(diff: VersionDiff) -> dict[str, object]:
    """The JSON form printed by ``python -m reader diff``."""
    return {
        "before": diff.before,
        "after": diff.after,
        "identical": diff.identical,
        "words_inserted": diff.words_inserted,
        "words_deleted": diff.words_deleted,
        "redactions_added": diff.redactions_added,
        "redactions_lifted": diff.redactions_lifted,
        "fields": [{"field": f.name, "before": f.before, "after": f.after} for f in diff.fields],
        "pieces": [{"kind": p.kind, "text": p.text, "redactions": p.redactions} for p in diff.pieces],
    }
