"""Cable text (header and body in any order of completeness) to a Cable.

Every form ends here: pages, Markdown-like text and CSV rows are first turned
into plain cable text. Nothing in here raises on odd input: what cannot be
read is left empty, and what was repaired or guessed becomes a warning.
"""

from __future__ import annotations

import re
from itertools import islice

from reader.model import LEVELS, Cable, PageMetadata, Section, Source
from reader.parse.artefacts import remove_artefacts
from reader.parse.banner import Banner, parse_banner
from reader.parse.captions import caption_words
from reader.parse.classified_by import classified_by_in_text, classified_by_parts
from reader.parse.dates import DTG, dtg_to_datetime, full_year, parse_declassify_date
from reader.parse.decode import decode_entities
from reader.parse.front_matter import (
    EO_LINE,
    FrontMatter,
    for_entries,
    label_of,
    read_front_matter,
    ref_text,
    split_inline_labels,
    split_subject_marking,
    starts_paragraph,
)
from reader.parse.header import parse_header
from reader.parse.id_inference import YearEvidence, id_from_header, id_in_file_name, infer_reference_id
from reader.parse.line_shapes import REDACTION_LINE, lines_containing
from reader.parse.origins import RELEASE_ORIGIN, readable_origin
from reader.parse.page_dump import take_dump
from reader.parse.page_metadata import compare_metadata, fill_from_metadata
from reader.parse.paragraphs import read_body
from reader.parse.redaction_template import take_redaction_template
from reader.parse.references import parse_references
from reader.parse.repeat_preamble import read_repeat_preamble
from reader.parse.saved_page import take_saved_page
from reader.parse.stations import station_key
from reader.parse.tags import normalise_tags, tags_as_written
from reader.parse.unflatten import unflatten
from reader.parse.wrappers import unwrap

_PARTIAL = re.compile(
    r"This record is a partial extract of the original cable\.?(?:\s*The full text of the original cable is not available\.?)?",
    re.I,
)
# The cable's controls come from its banner and its caption lines; a paragraph marked
# (S/NF) under a plain SECRET banner does not make the cable NOFORN.
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
_FIRST_PARAGRAPHS_WITH_CLASSIFIED_BY = 3
_YEAR_FIRST = re.compile(r"^'?(?:\d{2}|\d{4})\s*[A-Za-z]")  # "05 STATE 1234", "2009 CAIRO 2394"
# A preview cut off mid-line, then the rest of its database row run onto the line: the cited ids
# ("|09CAIRO257") and the header with its line breaks lost ("VZCZCXRO5203OO RUEHROVDE ...",
# "P 171259Z JUN 09FM AMEMBASSY TRIPOLITO ..."). The header part is no text of the cable.
_ROW_AFTER_CUT = re.compile(r"(?<=\d)\s*(?:VZCZC[A-Z0-9]{4,}|[OPRZ]{1,2} \d{6}Z [A-Z]{3} \d{2}\s*FM\b).*$")
_CITED_ID = r"\d{2}[A-Z]{3,}\d+"  # a database row's cited id: "09CAIRO257"
_CITED_IDS_BEFORE = re.compile(_CITED_ID + r"(?:\|" + _CITED_ID + r")*$")
_DECLASSIFY = re.compile(r"\bDECL(?:ASSIFY)?(?:\s+ON)?\s*[:.]?\s*(.+)$", re.I)


def normalize_newlines(text: str) -> str:
    """One kind of line end. A literal backslash-n (a copy that escaped its newlines) is one too:
    telegrams have no backslash in their character set."""
    if "\r" in text:  # each test is a fast scan; each replace copies the whole text
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    if "\x0c" in text:
        text = text.replace("\x0c", "\n")
    return text.replace("\\n", "\n") if "\\n" in text else text


def _find_banner(lines: list[str]) -> tuple[int, Banner] | None:
    for index, line in enumerate(lines[:_BANNER_SCAN_LINES]):
        if index > 0 and starts_paragraph(line):
            break
        banner = parse_banner(line)
        if banner:
            return index, banner
    return None


def _row_after_cut(line: str) -> re.Match[str] | None:
    """The run-on header of a database row after a cut-off preview's cited ids (``_ROW_AFTER_CUT``)."""
    match = _ROW_AFTER_CUT.search(line)
    return match if match and _CITED_IDS_BEFORE.search(line, 0, match.start()) else None


def _second_copy_after_preview(lines: list[str], text: str, index: int, banner: Banner) -> int | None:
    """Where the second copy starts when a page shows the cable cut off (with "..." or with the
    rest of its database row run on) and then again, banner and all; None when there is no such
    second copy. ``text``: the lines joined, in which the lines naming the station are found (a
    few ``str.find`` calls, not a loop over every line of every cable)."""
    station, serial = banner.station, str(banner.serial)
    for later in lines_containing(text, (station,)):
        line = lines[later]
        if later <= index or serial not in line:
            continue
        candidate = parse_banner(line)
        if candidate is None or (candidate.station, candidate.serial, candidate.section) != (
            banner.station,
            banner.serial,
            banner.section,
        ):
            continue
        # The preview ends in "..."; a pasted database row may print the header again before the copy.
        for line in reversed(lines[index:later]):
            stripped = line.strip()
            if stripped.endswith(("...", "…")):
                return later
            if (row := _row_after_cut(line)) is not None:
                lines[lines.index(line, index)] = line[: row.start()]
                return later
            if stripped and (stripped != stripped.upper() or len(stripped) > 100) and not RELEASE_ORIGIN.match(stripped):
                return None  # (a database row printed a field a line, between: its origin "Embassy Kabul")
        return None
    return None


_LINES_TO_THE_OTHER_BANNER = 4
_ONLY_IDS = re.compile(r"^\s*(?:" + _CITED_ID + r"\s*\|?\s*)+$")  # the row's cited ids: "08STATE15228"


def _other_cable_after_preview(lines: list[str], index: int, banner: Banner) -> int | None:
    """Where another cable starts when a page shows this one cut off ("...") and then, by the
    release's mistake, the text of a different cable, banner and all (73TEHRAN8233 runs on into
    08 THE HAGUE 174); None when there is none."""
    for cut in range(index + 1, len(lines)):
        if not lines[cut].rstrip().endswith(("...", "…")):
            continue
        # (The next few lines with text only: a list of every later one, for every cut-off line,
        # took 8 s on 20,000 lines ending in "...".)
        following = list(islice((later for later in range(cut + 1, len(lines)) if lines[later].strip()), _LINES_TO_THE_OTHER_BANNER))
        for later in following:
            if _ONLY_IDS.match(lines[later]):
                continue
            other = parse_banner(lines[later])
            if other is not None and (other.station, other.serial) != (banner.station, banner.serial):
                return following[0]  # with the ids its row cites, printed before it
            break
    return None


def _eo_fields(cable: Cable, eo_line: str) -> None:
    cable.eo_line = eo_line
    match = EO_LINE.match(eo_line)
    if match and match[1]:
        cable.eo = match[1]
    decl = _DECLASSIFY.search(eo_line)
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
    cable.controls = controls


def _banner_rest_lines(banner: Banner) -> list[str]:
    """What a flattened banner line holds after the serial: captions, and maybe E.O. and TAGS."""
    rest = banner.rest.strip()
    if not rest or all(caption_words(word) for word in rest.replace("//", " ").split()):
        return []
    pieces = split_inline_labels(rest)
    return pieces if any(label_of(p) for p in pieces) else []


def _merge_front(front: FrontMatter, preview: FrontMatter) -> None:
    """Fields found only before the banner (a page's cut-off preview of the cable)."""
    front.eo_line = front.eo_line or preview.eo_line
    front.tags_text = front.tags_text or preview.tags_text
    front.subject = front.subject or preview.subject
    front.ref_block = front.ref_block or preview.ref_block
    front.classified_by_block = front.classified_by_block or preview.classified_by_block
    front.captions += [c for c in preview.captions if c not in front.captions]


def _read_front(cable: Cable, front: FrontMatter, year: int | None) -> None:
    repeated, unread = read_repeat_preamble(front.other, year)
    for line in unread:
        if not REDACTION_LINE.match(line):  # a redacted line says nothing to understand
            cable.warn(f"front-matter line not understood: {' '.join(line.split())}")
    cable.captions += [c for c in front.captions if c not in cable.captions]
    if front.for_lines:
        cable.for_ = "\n".join(entry for line in front.for_lines for entry in for_entries(line))
    if front.eo_line:
        _eo_fields(cable, front.eo_line)
    if front.tags_text:
        cable.tags = normalise_tags(front.tags_text)
        cable.tags_as_written = tags_as_written(front.tags_text)
    if front.subject:
        cable.subject, cable.subject_marking = split_subject_marking(decode_entities(front.subject))
    if front.ref_block:
        cable.references = _without_repeats(parse_references(ref_text(front.ref_block), year))
    if repeated:
        cable.references = _without_repeats([repeated, *cable.references])
    if front.classified_by_block:
        cable.classified_by, cable.reasons = classified_by_parts(front.classified_by_block)


def _without_repeats(references: list) -> list:
    """A cable cited twice (``A. ROME 2543 ... B. 05 ROME 2543``) is linked once: the repeat stays text."""
    seen: set[str] = set()
    kept = []
    for reference in references:
        if reference.reference_id in seen:
            reference = type(reference)(reference.label, reference.text, None)
        elif reference.reference_id:
            seen.add(reference.reference_id)
        kept.append(reference)
    return kept


def _classified_by_in_paragraphs(cable: Cable) -> None:
    """``1. (U) CLASSIFIED BY ROBERT P. FINN, DEPUTY CHIEF OF MISSION. REASON: 1.5 (D)``."""
    for paragraph in cable.paragraphs[:_FIRST_PARAGRAPHS_WITH_CLASSIFIED_BY]:
        statement = classified_by_in_text(paragraph.text)
        if statement:
            cable.classified_by, reasons = classified_by_parts(statement)
            cable.reasons = cable.reasons or reasons
            return


def _station_and_serial(
    banner: Banner | None, wrapped: tuple[str, int] | None, page_mark: tuple[str, int] | None
) -> tuple[str, int] | None:
    """Where the cable's station and serial can be read: banner, wrapper, page marker."""
    if banner:
        return banner.station, banner.serial
    return wrapped or page_mark


def _infer_reference_id(cable: Cable, station_serial: tuple[str, int] | None) -> None:
    if cable.reference_id or station_serial is None:
        return
    written_years = [full_year(r.reference_id[:2]) for r in cable.references if r.reference_id and _YEAR_FIRST.match(r.text)]
    evidence = YearEvidence(cable.declassify_on, cable.eo, max(written_years, default=None))
    inferred = infer_reference_id(*station_serial, evidence)
    if inferred:
        cable.reference_id = inferred
        cable.warn(f"reference id {inferred} inferred from the release index")


def parse_cable_text(text: str, source: Source, metadata: PageMetadata | None = None) -> Cable:
    """Parse cable text into a Cable; ``metadata`` is what a page or CSV row says of it."""
    cable = Cable(source=source)
    text = normalize_newlines(text)
    if "partial extract" in text:
        text, partial_count = _PARTIAL.subn("", text)
        cable.partial = partial_count > 0
    text, dump_meta = take_dump(text)
    text, saved_meta = take_saved_page(text)
    if saved_meta is not None:
        cable.warn("a saved cable page: its navigation was taken off, its table read as the page's metadata")
    unwrapped = unwrap(text)
    text = unwrapped.text
    for warning in unwrapped.warnings:
        cable.warn(warning)
    if source.format != "html":
        text = decode_entities(text)
    cleaned = remove_artefacts(text)
    text, page_mark = cleaned.text, cleaned.first_page_mark
    for warning in cleaned.warnings:
        cable.warn(warning)
    flat = unflatten(text)
    if flat != text:
        cable.warn("line breaks restored in a flattened cable")
        text = flat
    lines = text.split("\n")

    found = _find_banner(lines)
    template = None
    if found is None:  # (looked for only where no banner is)
        text, template = take_redaction_template(text)
        if template is not None:
            lines = text.split("\n")
    preview_front: FrontMatter | None = None
    if found and (second := _second_copy_after_preview(lines, text, *found)) is not None:
        preview, copy = lines[found[0] : second], lines[second:]
        if sum(map(len, copy)) > sum(map(len, preview)):
            # Its fields stand in for those the full text lacks (a subject cut off, rather than none).
            preview_front = read_front_matter(preview[1:])
            del lines[found[0] : second]
            # The copy's banner line now stands where the preview's stood; on a flattened page it
            # also carries the E.O. and TAGS fields, which its own banner's rest holds.
            found = (found[0], parse_banner(lines[found[0]]) or found[1])
            cable.warn("a cut-off preview of the cable was replaced by its full text")
        else:  # the second copy is the shorter one: keep the preview, drop the repeat
            del lines[second:]
            cable.warn("a repeated, shorter copy of the cable's start was dropped")
    elif found and ("..." in text or "…" in text) and (other := _other_cable_after_preview(lines, *found)) is not None:
        other_banner = next(line for line in lines[other:] if not _ONLY_IDS.match(line))
        cable.warn(f"the text of another cable after this one's cut-off preview was left out: {' '.join(other_banner.split())}")
        del lines[other:]
    banner = found[1] if found else None
    header = parse_header(lines[: found[0]] if found else lines, stop_at_unknown=found is None)
    body_start = found[0] + 1 if found else header.lines_read

    cable.transmission_id = header.transmission_id
    cable.routing = header.routing
    cable.precedence = header.precedence
    cable.from_ = header.from_
    cable.origin = readable_origin(header.from_) or (template.source if template else None)
    cable.to, cable.info, cable.xmt = header.to, header.info, header.xmt
    if header.dtg:
        cable.dtg = header.dtg
        match = DTG.search(header.dtg)
        cable.created = dtg_to_datetime(match) if match else None
        if cable.created is None:
            cable.warn(f"date-time group not understood: {header.dtg}")
    elif unwrapped.created:
        cable.created = unwrapped.created

    body_lines = lines[body_start:]
    if banner:
        rest_lines = _banner_rest_lines(banner)
        # A flattened banner line runs on into the E.O. and TAGS fields: the banner is what precedes them.
        cable.banner = banner.line[: banner.line.rfind(banner.rest)].rstrip() if rest_lines else banner.line
        cable.classification = banner.level
        if banner.section:
            cable.section = Section(*banner.section)
        for word in banner.rest.replace("//", " ").split():
            if (words := caption_words(word)) and words[0] not in cable.captions:
                cable.captions.append(words[0])
        body_lines = rest_lines + body_lines
        if cable.created:
            cable.reference_id = f"{cable.created.year % 100:02d}{station_key(banner.station)}{banner.serial}"
    elif template and template.level:
        cable.classification = template.level
        cable.warn("the banner is redacted: the classification is read from the release's ID/SOURCE/CLASSIFICATION block")
    elif any(line.strip() for line in body_lines):
        cable.warn("no classification banner found")

    meta = metadata or saved_meta or dump_meta
    year = cable.created.year if cable.created else None
    if year is None and meta and meta.created:
        year = meta.created.year
    if year is None and meta and meta.reference_id and meta.reference_id[:2].isdigit():
        year = int(meta.reference_id[:2])

    front = read_front_matter(body_lines)
    if found and header.unknown:
        _merge_front(front, read_front_matter([lines[i] for i in header.unknown]))
    if preview_front is not None:
        if not front.subject and preview_front.subject:
            cable.warn("subject taken from the page's cut-off preview of the cable")
        _merge_front(front, preview_front)
    _read_front(cable, front, year)

    body = read_body(body_lines[front.end :], markdown=source.format == "markdown")
    cable.paragraphs = body.paragraphs
    cable.signers = body.signers
    cable.summary = body.summary
    for warning in body.warnings:
        cable.warn(warning)
    if cable.classified_by is None:
        _classified_by_in_paragraphs(cable)
    _controls(cable, banner)
    if banner is None and template:
        cable.controls += [c for c in template.controls if c not in cable.controls]

    if banner and cable.reference_id is None and year is not None:
        cable.reference_id = f"{year % 100:02d}{station_key(banner.station)}{banner.serial}"
        cable.warn("reference id year taken from the page metadata")
    if cable.reference_id is None and (from_header := id_from_header(header.from_, header.serial, cable.created)):
        cable.reference_id = from_header
        cable.warn(f"reference id {from_header} read from the FM and DE lines (no banner)")
    if meta:
        cable.metadata = meta
        compare_metadata(cable, meta)
        fill_from_metadata(cable, meta)
    station_serial = _station_and_serial(banner, unwrapped.station_serial, page_mark)
    _infer_reference_id(cable, station_serial)
    if cable.reference_id is None and (named := id_in_file_name(source.path, station_serial)):
        cable.reference_id = named  # a copy of the text alone, in a file named by its id
        cable.warn(f"reference id {named} taken from the file name")
    if year is None and cable.reference_id and front.ref_block:
        # The year came from the release index: the references written without one can now name their cables.
        cable.references = _without_repeats(parse_references(ref_text(front.ref_block), full_year(cable.reference_id[:2])))
    if cable.classification is None:
        levels = [p.level for p in cable.paragraphs if p.level]
        if levels:
            cable.classification = max(levels, key=LEVELS.index)
            cable.warn("classification guessed from the paragraph markings")
    if not any((cable.reference_id, cable.dtg, cable.banner, cable.subject, cable.paragraphs, cable.from_)):
        cable.warn("no cable fields found in this text")
    return cable
