"""What a page or CSV row says of a cable, set beside what the cable's own text says."""

from __future__ import annotations

import re

from reader.model import Cable, PageMetadata
from reader.parse.classification import level_of


def compare_metadata(cable: Cable, meta: PageMetadata) -> None:
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


def fill_from_metadata(cable: Cable, meta: PageMetadata) -> None:
    """Fields the text does not carry, taken from the page, each with a warning."""
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
    if meta.classification and "NOFORN" in meta.classification.upper() and "NOFORN" not in cable.controls:
        cable.controls.append("NOFORN")
