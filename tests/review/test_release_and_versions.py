"""The release view (a review copy at a lower level) and the comparison of two published versions."""

from __future__ import annotations

import copy

from reader.review import diff_versions, released_copy
from reader.review.release_view import released_text
from tests.conftest import corpus_cable

parse_one = corpus_cable


def test_paragraphs_above_the_level_are_withheld() -> None:
    berlin = parse_one("html/08BERLIN1387.html")
    stored = copy.deepcopy(berlin)
    release = released_copy(berlin, "CONFIDENTIAL")
    withheld = [s for s in release.paragraphs if s.withheld]
    assert [s.paragraph.number for s in withheld] == [10]
    assert withheld[0].text == "[Paragraph 10 withheld: SECRET]"
    assert release.banner == "CONFIDENTIAL (review copy)"
    assert berlin == stored  # the stored cable is never changed
    unclassified = released_copy(berlin, "UNCLASSIFIED")
    assert {s.paragraph.number for s in unclassified.paragraphs if not s.withheld} == {2, 4, 8, 11}  # SBU and U
    assert released_copy(berlin, None).withheld_count == 0


def test_unmarked_paragraphs_of_a_classified_cable_are_withheld_with_a_reason() -> None:
    london = parse_one("html/07LONDON3175.html")  # CONFIDENTIAL; paragraph 7 unmarked
    release = released_copy(london, "UNCLASSIFIED")
    seventh = next(s for s in release.paragraphs if s.paragraph.number == 7)
    assert seventh.withheld
    assert seventh.text == "[Paragraph 7 withheld: unmarked in a CONFIDENTIAL cable, so it may be CONFIDENTIAL]"
    assert release.subject_withheld and release.subject == "[Subject withheld: unmarked in a CONFIDENTIAL cable]"
    assert not released_copy(london, "CONFIDENTIAL").subject_withheld


def test_the_review_copy_as_text_holds_no_withheld_words() -> None:
    berlin = parse_one("html/08BERLIN1387.html")
    secret_text = next(p.text for p in berlin.paragraphs if p.number == 10)
    text = released_text(released_copy(berlin, "CONFIDENTIAL"))
    assert secret_text[:60] not in text and "[Paragraph 10 withheld: SECRET]" in text
    assert text.startswith("CONFIDENTIAL (review copy)") and text.endswith("CONFIDENTIAL (review copy)")


def test_two_releases_of_one_cable() -> None:
    older, newer = parse_one("html-2010/10ASTANA72.html"), parse_one("html/10ASTANA72.html")
    diff = diff_versions(older, newer)
    assert diff.redactions_lifted == 4 and diff.redactions_added == 0
    inserted = " ".join(p.text for p in diff.pieces if p.kind == "insert")
    assert "which means large bribes for the best connected." in inserted
    assert [f.name for f in diff.fields] == ["E.O. line"]
    # Typographic and plain quotes (one release has one, the other the other) are not changes.
    assert not any("’" in p.text or "“" in p.text for p in diff.pieces if p.kind == "delete")


def test_a_release_that_lifts_a_whole_section() -> None:
    diff = diff_versions(parse_one("html-2010/08PARIS1698.html"), parse_one("html/08PARIS1698.html"))
    assert diff.redactions_lifted == 1 and diff.words_inserted > 3000
    paragraphs = next(f for f in diff.fields if f.name == "paragraphs")
    assert paragraphs.before == "1(C) 2(C) 36(C) 37(C)" and paragraphs.after.startswith("1(C) 2(C) 3(C) 4(C)")


def test_a_redaction_moved_is_not_counted_as_lifted() -> None:
    diff = diff_versions(parse_one("html-2010/04RANGOON1100.html"), parse_one("html/04RANGOON1100.html"))
    assert (diff.redactions_added, diff.redactions_lifted) == (0, 0)  # "[XXXXXXXXXXXX" and "XXXXXXXXXXXX"


def test_identical_versions() -> None:
    diff = diff_versions(parse_one("html-2010/09STATE30049.html"), parse_one("html/09STATE30049.html"))
    assert diff.identical and diff.words_inserted == diff.words_deleted == 0
