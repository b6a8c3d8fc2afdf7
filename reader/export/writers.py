"""The Qt-free export formats, each streamed: a long export never holds every cable at once."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from reader.model import Cable, Paragraph
from reader.model.json_codec import cable_to_json
from reader.review import released_copy
from reader.review.release_view import released_text

FORMATS = {".pdf": "pdf", ".json": "json", ".csv": "csv", ".txt": "txt"}
"""File endings and the format each one means."""

CSV_COLUMNS = ("Reference ID", "Created (UTC)", "Origin", "Classification", "Subject")
"""The document list's columns, as the list shows them."""

Progress = Callable[[int], None]
"""Called with the number of cables written so far; raise ExportCancelled to stop."""


class ExportCancelled(Exception):
    """The user stopped an export; what was written so far is removed."""


def export_format(path: str | Path) -> str:
    """The format an output file's ending asks for."""
    ending = Path(path).suffix.lower()
    if ending not in FORMATS:
        raise ValueError(f"{Path(path).name}: the file name must end in {', '.join(FORMATS)}")
    return FORMATS[ending]


def _counted(cables: Iterable[Cable], progress: Progress | None) -> Iterator[tuple[int, Cable]]:
    for number, cable in enumerate(cables, start=1):
        yield number, cable
        if progress:
            progress(number)


def reviewed(cable: Cable, release_level: str | None) -> Cable:
    """The cable as the review copy at ``release_level`` shows it (a copy; None: the cable itself)."""
    if release_level is None:
        return cable
    release = released_copy(cable, release_level)
    paragraphs = [
        Paragraph(shown.paragraph.number, shown.paragraph.marking, shown.paragraph.level, shown.note or "", None)
        if shown.withheld
        else shown.paragraph
        for shown in release.paragraphs
    ]
    warning = f"review copy as released at {release_level}: {release.withheld_count} paragraph(s) withheld"
    return replace(cable, paragraphs=paragraphs, subject=release.subject, summary=None, warnings=[*cable.warnings, warning])


def write_json(cables: Iterable[Cable], out: TextIO, release_level: str | None = None, progress: Progress | None = None) -> int:
    """One JSON array in the parse schema (``python -m reader parse --json``)."""
    count = 0
    out.write("[")
    for count, cable in _counted(cables, progress):
        out.write(",\n" if count > 1 else "\n")
        out.write(json.dumps(cable_to_json(reviewed(cable, release_level)), ensure_ascii=False, indent=1))
    out.write("\n]\n")
    return count


def csv_row(cable: Cable) -> list[str]:
    level = "//".join([cable.classification or "Unknown", *cable.controls]) if cable.controls else cable.classification or ""
    return [
        cable.reference_id or "",
        cable.created.strftime("%Y-%m-%d %H:%M") if cable.created else "",
        cable.origin or "",
        level,
        cable.subject or "",
    ]


def write_csv(cables: Iterable[Cable], out: TextIO, release_level: str | None = None, progress: Progress | None = None) -> int:
    """The list's columns as the list shows them, one row per cable."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for number, cable in _counted(cables, progress):
        writer.writerow(csv_row(reviewed(cable, release_level)))
        count = number
    return count


def cable_text(cable: Cable, release_level: str | None = None) -> str:
    """The cable as written: banner, captions, E.O., tags, subject, references, Classified By,
    the numbered paragraphs with their markings, the signers, the banner again."""
    release = released_copy(cable, release_level)
    lines = [release.banner, ""]
    lines += [caption for caption in cable.captions]
    if cable.for_:
        lines += cable.for_.split("\n")
    if cable.eo_line:
        lines.append(cable.eo_line)
    if cable.tags:
        lines.append("TAGS: " + ", ".join(cable.tags))
    body = released_text(release).split("\n")[2:-1]  # the subject and the paragraphs, banners left out
    if release.subject:
        lines.append(body.pop(0))
        body = body[1:] if body and not body[0] else body
    if cable.references:
        lines.append("REF: " + "; ".join(f"{r.label}. {r.text}" if r.label else r.text for r in cable.references))
    if cable.classified_by:
        reasons = f", reasons {', '.join(cable.reasons)}" if cable.reasons else ""
        lines.append(f"Classified By: {cable.classified_by}{reasons}")
    lines.append("")
    lines += body
    if cable.signers:
        lines += [", ".join(cable.signers), ""]
    lines.append(release.banner)
    return "\n".join(lines)


def write_text(cables: Iterable[Cable], out: TextIO, release_level: str | None = None, progress: Progress | None = None) -> int:
    """Each cable as written, one after the other, with its reference id over it."""
    count = 0
    for count, cable in _counted(cables, progress):
        if count > 1:
            out.write("\n\n" + "=" * 72 + "\n\n")
        out.write(f"{cable.reference_id or cable.source.path}\n\n{cable_text(cable, release_level)}\n")
    return count
