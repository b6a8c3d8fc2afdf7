"""Everything the library writes for one parsed cable, computed away from the writer.

An import parses in worker processes; the one process that owns SQLite should only
execute statements. So the columns, the compressed document, the search text, the
citations, the labels and the audit's findings are all made here, in the worker,
and travel to the writer as one picklable record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reader.library.findings import finding_codes
from reader.library.packing import pack_document, paragraph_texts
from reader.library.tag_filter import tags_column
from reader.model import Cable
from reader.model.keys import natural_key


@dataclass(frozen=True)
class CableRecord:
    identity: str
    columns: tuple
    """reference_id, created, origin, classification, level, controls, tags, subject, sort_ref, score."""
    document: bytes
    """The model and its source text, packed (see ``packing``)."""
    has_source: bool
    path: str
    row: int
    format: str
    encoding: str | None
    subject: str
    body: str
    """What full-text search indexes."""
    cited: tuple[str, ...]
    labels: tuple[str, ...]
    """``control:NOFORN``, ``tag:PREL``...: the exact-match filters, each an indexed row."""
    findings: tuple[str, ...]

    @property
    def created(self) -> float | None:
        return self.columns[1]

    @property
    def score(self) -> int:
        return self.columns[9]


def score_of(cable: Cable) -> int:
    """How complete a copy is: a full cable beats a partial extract, a header beats none."""
    return (0 if cable.partial else 4) + (2 if cable.dtg else 0) + (1 if cable.paragraphs else 0)


def identity_of(cable: Cable) -> str:
    return cable.reference_id or f"file:{cable.source.path}#{cable.source.row or 0}"


def body_of(cable: Cable) -> str:
    return body_text(p.text for p in cable.paragraphs)


def body_text(paragraph_texts: Iterable[str]) -> str:
    """What the full-text index holds as a cable's body: its paragraphs, a line apart (a delete
    from the index must name exactly what was inserted)."""
    return "\n".join(paragraph_texts)


def indexed_text(data: dict[str, Any]) -> tuple[str, str]:
    """(subject, body) the full-text index holds for a stored model's JSON (``model_json``): the
    words an import inserted, which a replacement must delete and an index made again inserts."""
    return data.get("subject") or "", body_text(paragraph_texts(data))


def labels_in_columns(controls: str, tags: str) -> tuple[str, ...]:
    """The control and tag labels of a cable, from its controls and tags columns (the tags as the
    handbook spells them and as written, see ``tags_column``): the one rule for what an import
    inserts, what a replacement deletes by the labels' primary key, and what an upgrade makes."""
    terms = [f"control:{control.upper()}" for control in controls.split()]
    terms += [f"tag:{tag}" for tag in tags.split() if tag != "|"]
    return tuple(dict.fromkeys(terms))


UNDATED = -1e300
"""The date a label of an undated cable sorts by: after every dated one, newest first."""


def label_date(created: float | None) -> float:
    return UNDATED if created is None else created


def _timestamp(value: datetime | None) -> float | None:
    return value.timestamp() if value else None


def record_of(cable: Cable, source_text: bytes | None = None) -> CableRecord:
    columns = (
        cable.reference_id,
        _timestamp(cable.created),
        cable.origin,
        cable.classification,
        cable.level_rank,
        " " + " ".join(cable.controls) + " ",
        tags_column(cable),
        cable.subject,
        natural_key(cable.reference_id),
        score_of(cable),
    )
    return CableRecord(
        identity=identity_of(cable),
        columns=columns,
        document=pack_document(cable, source_text),
        has_source=source_text is not None,
        path=cable.source.path,
        row=cable.source.row or 0,
        format=cable.source.format,
        encoding=cable.source.encoding,
        subject=cable.subject or "",
        body=body_of(cable),
        cited=tuple(sorted({r.reference_id for r in cable.references if r.reference_id})),
        labels=labels_in_columns(columns[5], columns[6]),
        findings=tuple(finding_codes(cable)),
    )
