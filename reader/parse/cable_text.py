"""Cable text (header and body in any order of completeness) to a Cable.

Every form ends here: pages, Markdown-like text and CSV rows are first turned
into plain cable text. Nothing in here raises on odd input: what cannot be
read is left empty, and what was repaired or guessed becomes a warning.
"""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, datetime

from reader.model import LEVELS, Cable, PageMetadata, Section, Source
from reader.parse.artefacts import remove_artefacts
from reader.parse.banner import Banner, parse_banner, station_key
from reader.parse.classification import level_of, marking_controls
from reader.parse.dates import DTG, dtg_to_datetime, parse_declassify_date
from reader.parse.front_matter import (
    EO_LINE,
    PARAGRAPH_START,
    caption_words,
    classified_by_parts,
    read_front_matter,
    ref_text,
    subject_text,
    tags_list,
)
from reader.parse.header import parse_header
from reader.parse.origins import readable_origin
from reader.parse.paragraphs import read_body
from reader.parse.references import parse_references
from reader.parse.unflatten import unflatten

_PARTIAL = re.compile(
    r"This record is a partial extract of the original cable\.?(?:\s*The full text of the original cable is not available\.?)?",
    re.I,
)
_DUMP = re.compile(r"(?ms)^id:[ \t]*\d+[ \t]*\n(?P<fields>.*?)^-{3,}[ \t]*header ends[ \t]*-{3,}[ \t]*$\n?")
_DUMP_FIELD = re.compile(r"^(id|date|refid|origin|classification|destination):[ \t]*(.*)$", re.M)
_CONTROL_CAPTIONS = {
    "NOFORN": "NOFORN",
    "SENSITIVE": "SBU",
    "SBU": "SBU",
    "SENSITIVE BUT UNCLASSIFIED": "SBU",
    "FOR OFFICIAL USE ONLY": "FOUO",
    "ORCON": "ORCON",
    "NOCONTRACT": "NOCONTRACT",
    "PROPIN": "PROPIN",
    "LIMITED OFFICIAL USE": "LOU",
}
_BANNER_SCAN_LINES = 250


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").replace("\x0c", "\n")


def _take_dump(text: str) -> tuple[str, PageMetadata | None]:
    """Cut the ``id: / date: / ... header ends`` dump some page bodies carry.

    Its header lines are kept only when the text has no header of its own."""
    match = _DUMP.search(text)
    if not match:
        return text, None
    fields = dict(_DUMP_FIELD.findall(match["fields"]))
    header = match["fields"].split("header:", 1)[1] if "header:" in match["fields"] else ""
    before = text[: match.start()]
    after = text[match.end() :]
    # Some pages show a cut-off preview of the body ("...Brian A. Nicho...") before the dump and
    # the whole body after it: the preview goes, from the line the body starts with.
    first_line = next((line.strip() for line in after.split("\n") if line.strip()), "")
    preview = before.find("\n" + first_line) if first_line else -1
    if preview >= 0:
        before = before[: preview + 1]
    keep = "" if re.search(r"(?m)^FM\s", before) else header
    created = None
    with contextlib.suppress(ValueError):
        created = datetime.strptime(fields.get("date", "").strip(), "%m/%d/%Y %H:%M").replace(tzinfo=UTC)
    meta = PageMetadata(
        reference_id=fields.get("refid", "").strip() or None,
        created=created,
        classification=fields.get("classification", "").strip() or None,
        origin=fields.get("origin", "").strip() or None,
        references=tuple(r for r in re.split(r"[|,\s]+", fields.get("destination", "")) if r),
    )
    return before + keep + "\n" + after, meta


def _find_banner(lines: list[str]) -> tuple[int, Banner] | None:
    for index, line in enumerate(lines[:_BANNER_SCAN_LINES]):
        if PARAGRAPH_START.match(line) and index > 0:
            break
        banner = parse_banner(line)
        if banner:
            return index, banner
    return None


def _second_copy_after_preview(lines: list[str], index: int, banner: Banner) -> int | None:
    """Where the second copy starts when a page shows the cable cut off with "..." and then
    again, banner and all; None when there is no such second copy."""
    station, serial = banner.station, str(banner.serial)
    for later in range(index + 1, len(lines)):
        line = lines[later]
        if station not in line or serial not in line:  # cheap test first: this runs on every line
            continue
        candidate = parse_banner(line)
        if candidate is None or (candidate.station, candidate.serial, candidate.section) != (
            banner.station,
            banner.serial,
            banner.section,
        ):
            continue
        before = next((line.strip() for line in reversed(lines[index:later]) if line.strip()), "")
        return later if before.endswith(("...", "…")) else None
    return None


def _eo_fields(cable: Cable, eo_line: str) -> None:
    cable.eo_line = eo_line
    match = EO_LINE.match(eo_line)
    if match and match[1]:
        cable.eo = match[1]
    decl = re.search(r"\bDECL(?:ASSIFY)?(?:\s+ON)?\s*[:.]?\s*(.+)$", eo_line, re.I)
    if decl:
        cable.declassify_on = parse_declassify_date(decl[1])
        if cable.declassify_on is None and re.search(r"\d{1,2}/\d{1,2}/\d{2,4}", decl[1]):
            cable.warn(f"declassification date not understood: {decl[1].strip()}")


def _controls(cable: Cable, banner: Banner | None) -> None:
    controls: list[str] = list(banner.controls) if banner else []
    for caption in cable.captions:
        control = _CONTROL_CAPTIONS.get(caption)
        if control == "SBU" and cable.classification not in (None, "UNCLASSIFIED"):
            continue
        if control and control not in controls:
            controls.append(control)
    for paragraph in cable.paragraphs:
        if paragraph.marking and "NOFORN" in marking_controls(paragraph.marking) and "NOFORN" not in controls:
            controls.append("NOFORN")
    cable.controls = controls


def _compare_metadata(cable: Cable, meta: PageMetadata) -> None:
    """Keep both the page's and the text's values; warn where they disagree."""
    if meta.reference_id and cable.reference_id and meta.reference_id != cable.reference_id:
        cable.warn(f"page says reference id {meta.reference_id}, cable text says {cable.reference_id}")
    # Page times often differ from the DTG by minutes (a site artefact): compare to the hour.
    if meta.created and cable.created and meta.created.replace(minute=0) != cable.created.replace(minute=0):
        cable.warn(f"page says created {meta.created:%Y-%m-%d %H:%M}, cable text says {cable.created:%Y-%m-%d %H:%M}")
    meta_level = level_of(re.split(r"//", meta.classification)[0]) if meta.classification else None
    if meta_level and cable.classification and meta_level != cable.classification:
        cable.warn(f"page says {meta.classification}, cable text says {cable.classification}")
    if meta.origin and cable.origin and meta.origin.lower() != cable.origin.lower():
        cable.warn(f"page says origin {meta.origin}, cable text says {cable.origin}")


def _fill_from_metadata(cable: Cable, meta: PageMetadata) -> None:
    if cable.reference_id is None and meta.reference_id:
        cable.reference_id = meta.reference_id
        cable.warn("reference id taken from the page metadata")
    if cable.created is None and meta.created:
        cable.created = meta.created
        cable.warn("created date taken from the page metadata")
    if cable.classification is None and meta.classification:
        cable.classification = level_of(meta.classification.split("//")[0])
        if cable.classification:
            cable.warn("classification taken from the page metadata")
    if cable.origin is None and meta.origin:
        cable.origin = meta.origin
        cable.warn("origin taken from the page metadata")
    for control in ("NOFORN",):
        if meta.classification and control in meta.classification.upper() and control not in cable.controls:
            cable.controls.append(control)


def parse_cable_text(text: str, source: Source, metadata: PageMetadata | None = None) -> Cable:
    """Parse cable text into a Cable; ``metadata`` is what a page or CSV row says of it."""
    cable = Cable(source=source)
    text = normalize_newlines(text)
    if "partial extract" in text:
        text, partial_count = _PARTIAL.subn("", text)
        cable.partial = partial_count > 0
    text, dump_meta = _take_dump(text) if "header ends" in text else (text, None)
    text, repairs = remove_artefacts(text)
    for warning in repairs:
        cable.warn(warning)
    flat = unflatten(text)
    if flat != text:
        cable.warn("line breaks restored in a flattened cable")
        text = flat
    lines = text.split("\n")

    found = _find_banner(lines)
    if found and ("..." in text or "…" in text) and (second := _second_copy_after_preview(lines, *found)) is not None:
        preview, copy = lines[found[0] : second], lines[second:]
        if sum(map(len, copy)) > sum(map(len, preview)):
            del lines[found[0] : second]
            cable.warn("a cut-off preview of the cable was replaced by its full text")
        else:  # the second copy is the shorter one: keep the preview, drop the repeat
            del lines[second:]
            cable.warn("a repeated, shorter copy of the cable's start was dropped")
    banner = found[1] if found else None
    header = parse_header(lines[: found[0]] if found else lines, stop_at_unknown=found is None)
    body_start = found[0] + 1 if found else header.lines_read

    cable.transmission_id = header.transmission_id
    cable.routing = header.routing
    cable.precedence = header.precedence
    cable.from_ = header.from_
    cable.origin = readable_origin(header.from_)
    cable.to, cable.info, cable.xmt = header.to, header.info, header.xmt
    if header.dtg:
        cable.dtg = header.dtg
        match = DTG.search(header.dtg)
        cable.created = dtg_to_datetime(match) if match else None
        if cable.created is None:
            cable.warn(f"date-time group not understood: {header.dtg}")

    if banner:
        cable.banner = banner.line
        cable.classification = banner.level
        if banner.section:
            cable.section = Section(*banner.section)
        for word in banner.rest.replace("//", " ").split():
            if (words := caption_words(word)) and words[0] not in cable.captions:
                cable.captions.append(words[0])
        if cable.created:
            cable.reference_id = f"{cable.created.year % 100:02d}{station_key(banner.station)}{banner.serial}"
    elif lines[body_start:] and any(line.strip() for line in lines[body_start:]):
        cable.warn("no classification banner found")

    body_lines = lines[body_start:]
    front = read_front_matter(body_lines)
    cable.captions += [c for c in front.captions if c not in cable.captions]
    for line in front.other:
        cable.warn(f"front-matter line not understood: {' '.join(line.split())}")
    if front.for_lines:
        cable.for_ = "\n".join(" ".join(line.split()) for line in front.for_lines)
    if front.eo_line:
        _eo_fields(cable, front.eo_line)
    if front.tags_text:
        cable.tags = tags_list(front.tags_text)
    if front.subject:
        cable.subject = subject_text(front.subject)
    year = cable.created.year if cable.created else None
    meta = metadata or dump_meta
    if year is None and meta and meta.created:
        year = meta.created.year
    if year is None and meta and meta.reference_id and meta.reference_id[:2].isdigit():
        year = int(meta.reference_id[:2])
    if front.ref_block:
        cable.references = parse_references(ref_text(front.ref_block), year)
    if front.classified_by_block:
        cable.classified_by, cable.reasons = classified_by_parts(front.classified_by_block)

    body = read_body(body_lines[front.end :])
    cable.paragraphs = body.paragraphs
    cable.signers = body.signers
    cable.summary = body.summary
    for warning in body.warnings:
        cable.warn(warning)
    _controls(cable, banner)

    if banner and cable.reference_id is None and year is not None:
        cable.reference_id = f"{year % 100:02d}{station_key(banner.station)}{banner.serial}"
        cable.warn("reference id year taken from the page metadata")
    if meta:
        cable.metadata = meta
        _compare_metadata(cable, meta)
        _fill_from_metadata(cable, meta)
    if cable.classification is None:
        levels = [p.level for p in cable.paragraphs if p.level]
        if levels:
            cable.classification = max(levels, key=LEVELS.index)
            cable.warn("classification guessed from the paragraph markings")
    if not any((cable.reference_id, cable.dtg, cable.banner, cable.subject, cable.paragraphs, cable.from_)):
        cable.warn("no cable fields found in this text")
    return cable
