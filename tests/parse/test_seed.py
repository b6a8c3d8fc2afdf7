"""Every field of the seed cable 06ALMATY2872 (Markdown-like form) asserted."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from reader.model import Cable, Recipient, Reference
from reader.parse import parse_file
from tests.conftest import SEED


@pytest.fixture(scope="module")
def seed() -> Cable:
    if not SEED.exists():
        pytest.skip("seed cable not here")
    (result,) = list(parse_file(SEED))
    assert isinstance(result, Cable)
    return result


def test_source(seed: Cable) -> None:
    assert seed.source.format == "markdown"
    assert seed.source.encoding == "utf-8"
    assert seed.source.path.endswith("06ALMATY2872.txt")


def test_identity_and_date(seed: Cable) -> None:
    assert seed.reference_id == "06ALMATY2872"
    assert seed.dtg == "100049Z AUG 06"
    assert seed.created == datetime(2006, 8, 10, 0, 49, tzinfo=UTC)


def test_transmission_header(seed: Cable) -> None:
    assert seed.transmission_id == "VZCZCXRO6298"
    assert seed.precedence == "PRIORITY"
    assert seed.routing is not None
    assert seed.routing.prosign == "PP"
    assert seed.routing.indicators == ("RUEHDBU",)
    assert seed.routing.station == "RUEHTA"
    assert seed.routing.serial == "2872"
    assert seed.routing.julian == "2220049"
    assert seed.routing.security == "ZNY SSSSS ZZH"


def test_addressees(seed: Cable) -> None:
    assert seed.from_ == "AMEMBASSY ALMATY"
    assert seed.origin == "Embassy Almaty"
    assert seed.to == [Recipient("SECSTATE WASHDC", "RUEHC", "PRIORITY", "6536")]
    assert seed.info == [
        Recipient("CIS COLLECTIVE", "RUCNCIS"),
        Recipient("SECDEF WASHDC", "RUEKJCS"),
        Recipient("NSC WASHDC", "RHEHNSC"),
    ]
    assert seed.xmt == []


def test_classification(seed: Cable) -> None:
    assert seed.banner == "S E C R E T ALMATY 002872"
    assert seed.classification == "SECRET"
    assert seed.controls == []
    assert seed.captions == ["SIPDIS"]
    assert seed.section is None


def test_for_line(seed: Cable) -> None:
    assert seed.for_ == (
        "STATE FOR S/WCI (M. STAMILO), L/PM (AHAINES), SCA/CEN (J. MUDGE)\n"
        "DOD/OGC (BEAVER), OUSD/DETAINEE POLICY (LIOTTA)\n"
        "NSC (CAMPOUNO)"
    )


def test_eo_and_declassification(seed: Cable) -> None:
    assert seed.eo == "12958"
    assert seed.declassify_on == date(2016, 8, 8)
    assert seed.eo_line == "E.O. 12958: DECL: 08/08/2016"


def test_tags_and_subject(seed: Cable) -> None:
    assert seed.tags == ["PTER", "KAWC", "PHUM", "PREL", "KZ"]
    assert seed.subject == "KAZAKHSTAN: MFA UNWILLING TO RECEIVE TRANSFER OF KAZAKHSTANI DETAINEES"


def test_references_take_the_cables_year(seed: Cable) -> None:
    assert seed.references == [
        Reference("A", "ALMATY 2549", "06ALMATY2549"),
        Reference("B", "STATE 126156", "06STATE126156"),
    ]


def test_classified_by(seed: Cable) -> None:
    assert seed.classified_by == "Pol-Econ Chief Deborah Mennuti"
    assert seed.reasons == ["1.4(b)", "1.4(d)"]


def test_paragraphs_numbers_and_markings(seed: Cable) -> None:
    assert [(p.number, p.marking, p.level) for p in seed.paragraphs] == [
        (1, "S", "SECRET"),
        (2, "S", "SECRET"),
        (3, "S", "SECRET"),
        (4, "S", "SECRET"),
        (5, "SBU", "UNCLASSIFIED"),
        (6, "S", "SECRET"),
    ]


def test_web_rendered_numbers_are_repaired_with_warnings(seed: Cable) -> None:
    assert 'paragraph "15." read as 5' in seed.warnings
    assert 'paragraph "16." read as 6' in seed.warnings
    assert seed.paragraphs[4].text.startswith("Ref B, containing the text of a diplomatic note")


def test_page_break_continuation_belongs_to_its_paragraph(seed: Cable) -> None:
    fourth = seed.paragraphs[3].text
    assert "to take responsibility for them just because Kazakhstan does not want to deal with them." in fourth
    assert fourth.endswith("or allowed to go to a third country.")
    assert "\n\nBy the end of the discussion" in fourth


def test_paragraph_text_has_no_markup(seed: Cable) -> None:
    for paragraph in seed.paragraphs:
        assert "](#)" not in paragraph.text
        assert not paragraph.text.startswith("(")
    assert seed.paragraphs[0].text.startswith("Summary: In an August 2 meeting")
    assert seed.paragraphs[5].text.endswith("Post plans to elevate the issue to the deputy minister level. End comment.")


def test_summary_and_signer(seed: Cable) -> None:
    assert seed.summary is not None
    assert seed.summary.startswith("In an August 2 meeting with MFA consular officials")
    assert seed.summary.endswith("they should be allowed to go to a third country.")
    assert seed.signers == ["ORDWAY"]
    assert "ORDWAY" not in seed.paragraphs[-1].text


def test_not_partial_and_no_metadata(seed: Cable) -> None:
    assert seed.partial is False
    assert seed.metadata is None
    assert len(seed.warnings) == 2
