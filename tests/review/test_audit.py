"""The marking audit: every finding code, on real cables of the corpus where it has one, else on a
real cable edited the way the held-out cables contradict themselves."""

from __future__ import annotations

from reader.model import Cable
from reader.parse import parse_bytes
from reader.review import CODES, audit
from tests.conftest import corpus_cable, corpus_file

parse_one = corpus_cable


def edited(relative: str, old: str, new: str) -> Cable:
    data = corpus_file(relative).read_bytes()
    assert old.encode() in data, old
    result = parse_bytes(data.replace(old.encode(), new.encode(), 1), str(corpus_file(relative)))
    assert isinstance(result, Cable), result
    return result


def codes(cable: Cable) -> list[str]:
    return [f.code for f in audit(cable)]


def test_a_consistent_cable_has_no_finding() -> None:
    assert audit(parse_one("seed/06ALMATY2872.txt")) == []
    assert audit(parse_one("text/09PARIS1007.txt")) == []


def test_portion_above_banner() -> None:
    berlin = parse_one("html/08BERLIN1387.html")  # paragraph 10 (S/NF) under a CONFIDENTIAL banner
    (finding,) = [f for f in audit(berlin) if f.code == "portion-above-banner"]
    assert finding.numbers(berlin) == [10]
    assert finding.message == "paragraph 10 marked SECRET under a CONFIDENTIAL banner"
    tripoli = parse_one("html/09TRIPOLI483.html")  # (C) paragraphs under an UNCLAS banner
    assert codes(tripoli)[0] == "portion-above-banner"


def test_banner_above_portions() -> None:
    (finding,) = audit(parse_one("html/09STATE124636.html"))  # SECRET banner, every portion C/NF or U
    assert finding.code == "banner-above-portions"
    assert finding.message == "the banner says SECRET, but no portion is marked above CONFIDENTIAL (2 marked)"
    # SECRET banner over SBU portions, and one (S) paragraph that a flattened page ran in after a heading.
    assert audit(parse_one("html/08STATE85725.html")) == []
    # CONFIDENTIAL banner over SBU paragraphs 1-4 of a partial extract, but paragraphs 6, 7 and 9 are (C).
    assert audit(parse_one("html/09TALLINN325.html")) == []


def test_items_marked_inside_an_unmarked_paragraph() -> None:
    cairo = parse_one("html/09CAIRO1349.html")  # "1. Key Points: -- (S/NF) ..." : the items are marked
    assert cairo.paragraphs[0].marking is None and "unmarked-paragraph" not in codes(cairo)
    buenos_aires = parse_one("html/06BUENOSAIRES109.html")  # (C) items in an UNCLAS quarterly report
    (finding,) = [f for f in audit(buenos_aires) if f.code == "portion-above-banner"]
    assert finding.message == "paragraphs 2, 4, 5, 6 marked CONFIDENTIAL under a UNCLASSIFIED banner"


def test_unmarked_paragraph_in_a_classified_cable() -> None:
    london = parse_one("html/07LONDON3175.html")
    (finding,) = [f for f in audit(london) if f.code == "unmarked-paragraph"]
    assert finding.numbers(london) == [7]


def test_controls_in_a_portion_not_in_the_banner() -> None:
    tripoli = parse_one("html/07TRIPOLI964.html")  # (S/NF) paragraphs, SECRET banner, the release says SECRET
    (finding,) = audit(tripoli)
    assert finding.code == "controls-mismatch" and finding.numbers(tripoli) == [1, 2]


def test_no_classified_by() -> None:
    assert codes(parse_one("html/06MONTEVIDEO1179.html")) == ["no-classified-by"]


def test_security_line_mismatch_on_an_edited_cable() -> None:
    cable = edited("seed/06ALMATY2872.txt", "ZNY SSSSS ZZH", "ZNY CCCCC ZZH")  # SECRET banner
    (finding,) = audit(cable)
    assert finding.code == "security-line-mismatch"
    assert finding.message == "the security line ZNY CCCCC says CONFIDENTIAL, the banner SECRET"


def test_metadata_mismatch_on_an_edited_page() -> None:
    table = "<a href='/classification/1_0.html' title='unclassified'>CONFIDENTIAL</a>\n</td>\n<td>\n<a href='/origin"
    cable = edited("html/09PARIS1526.html", table, table.replace(">CONFIDENTIAL<", ">SECRET<"))
    assert "metadata-mismatch" in codes(cable)
    assert "the page says SECRET, the cable's own text CONFIDENTIAL" in [f.message for f in audit(cable)]


def test_declassify_date_before_created_on_an_edited_cable() -> None:
    cable = edited("seed/06ALMATY2872.txt", "DECL: 08/08/2016", "DECL: 08/08/2005")
    assert codes(cable) == ["declassify-date-before-created"]


def test_every_code_is_documented_and_reachable() -> None:
    assert set(CODES) == {
        "portion-above-banner",
        "banner-above-portions",
        "unmarked-paragraph",
        "security-line-mismatch",
        "metadata-mismatch",
        "controls-mismatch",
        "no-classified-by",
        "declassify-date-before-created",
    }
