"""Quotation marks the 2011 release doubled in some cables' text (``""statist""``) read as single ones."""

from __future__ import annotations

import pytest

from reader.model import Cable
from reader.parse import parse_file
from reader.parse.artefacts import remove_artefacts
from tests.conftest import SHARED_DATA, corpus_cable


def test_a_cable_whose_every_quotation_mark_is_doubled_reads_with_single_ones() -> None:
    cable = corpus_cable("html/05BUENOSAIRES496.html")
    assert '"We have not signed the (Federal) Fiscal Responsibility Law because ours (provincial) is much better."' in cable.paragraphs[1].text
    assert "the central government's \"statist\" policies" in cable.paragraphs[3].text
    assert not any('""' in paragraph.text for paragraph in cable.paragraphs)
    assert '24 doubled quotation mark(s) ("") made single' in cable.warnings


def test_the_subject_and_the_summary_too() -> None:
    dhaka = corpus_cable("html/10DHAKA27.html")
    assert dhaka.subject == "BANGLADESH'S PRIME MINISTER PREPARES FOR \"TRANSFORMATIONAL\" VISIT TO INDIA"
    delhi = corpus_cable("html/07NEWDELHI1915.html")
    assert delhi.summary is not None and '""' not in delhi.summary
    assert 'During a series of "roadshows"' in "\n".join(p.text for p in delhi.paragraphs)


def test_the_release_csv_row_reads_as_the_page_does() -> None:
    sample = SHARED_DATA / "cables-sample.csv"
    if not sample.exists():
        pytest.skip("cables-sample.csv is not here")
    rows = {r.reference_id: r for r in parse_file(sample) if isinstance(r, Cable)}
    for name in ("html/07NEWDELHI1915.html", "html/07SANTIAGO1164.html", "html/10DHAKA27.html"):
        page = corpus_cable(name)
        row = rows[page.reference_id]
        assert [p.text for p in row.paragraphs] == [p.text for p in page.paragraphs]
        assert row.subject == page.subject


def test_a_text_that_quotes_with_single_marks_anywhere_is_left_as_it_is() -> None:
    """06BUENOSAIRES109 doubles its quotes but leaves a field join (``",``) at a line's end: one
    quotation mark that is not doubled, so nothing is changed. An empty string quoted (``""``) once
    is no doubling either."""
    mixed = corpus_cable("html/06BUENOSAIRES109.html")
    assert 'sponsored by the ""piqueteros""' in "\n".join(p.text for p in mixed.paragraphs)
    assert not any("doubled quotation" in warning for warning in mixed.warnings)
    text = 'He said ""no"" and then "maybe".'
    assert remove_artefacts(text).text == text
    empty = 'The field was left "" by the clerk.'
    assert remove_artefacts(empty).text == empty
    assert remove_artefacts('He said ""no"" and ""yes"".').text == 'He said "no" and "yes".'
