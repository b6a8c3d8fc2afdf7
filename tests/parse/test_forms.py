"""The same cable as a page, as raw release text and as Markdown-like text gives one model.

The raw and Markdown-like forms are made from a real page the way those copies
were made: raw text is CRLF ISO-8859-1 with the pilcrow as byte 0xB6; the
Markdown-like text has ``[1](#)`` pilcrow anchors, ``[TAG](#)`` links and
paragraphs reflowed onto one line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.model import Cable
from reader.model.json_codec import cable_to_json
from reader.parse import parse_file
from reader.parse.html_page import extract_page
from tests.conftest import corpus_file

PAGES = ["html-2010/06DUBLIN1020.html", "html/02BOGOTA3281.html", "html/04TRIPOLI31.html", "html/09PARIS1526.html"]
PAGE_ONLY_KEYS = {"source", "metadata", "warnings"}


def _as_raw_text(page_text: str) -> bytes:
    return page_text.replace("\n", "\r\n").encode("iso-8859-1")


def _as_markdown(page_text: str, tags: list[str]) -> str:
    blocks = re.split(r"\n[ \t]*\n", page_text)
    out = []
    for block in blocks:
        if block.lstrip().startswith("¶"):
            block = " ".join(line.strip() for line in block.split("\n"))
        out.append(block)
    text = "\n\n".join(out)
    text = re.sub(r"(?m)^¶", "[1](#)", text)
    for tag in tags:
        text = re.sub(rf"(?m)^(TAGS:.*?)\b{tag}\b", lambda m, t=tag: m[1] + f"[{t}](#)", text, count=1)
    return text


def _comparable(cable: Cable) -> dict:
    data = cable_to_json(cable)
    return {key: value for key, value in data.items() if key not in PAGE_ONLY_KEYS}


def _one(path: Path) -> Cable:
    (result,) = list(parse_file(path))
    assert isinstance(result, Cable), result
    return result


def _page_and_markdown_copy(relative: str, tmp_path: Path, pilcrow_as_one: bool = False) -> tuple[Cable, Cable, str]:
    """A corpus page's cable, the cable of its Markdown copy (``pilcrow_as_one``: anchors read
    as a bare "1"), and the copy's text."""
    page_path = corpus_file(relative)
    page = _one(page_path)
    text = _as_markdown(extract_page(page_path.read_text(encoding="utf-8")).text, list(page.tags))
    if pilcrow_as_one:
        text = text.replace("[1](#)", "1")
    copy = tmp_path / "copy.md"
    copy.write_text(text, encoding="utf-8")
    return page, _one(copy), text


@pytest.mark.parametrize("relative", PAGES)
def test_three_forms_give_the_same_model(relative: str, tmp_path: Path) -> None:
    page_path = corpus_file(relative)
    page = _one(page_path)
    text = extract_page(page_path.read_text(encoding="utf-8")).text
    try:
        raw_bytes = _as_raw_text(text)
    except UnicodeEncodeError:
        pytest.skip("page holds characters ISO-8859-1 cannot hold")
    raw_path = tmp_path / "cable.txt"
    raw_path.write_bytes(raw_bytes)
    markdown_path = tmp_path / "cable.md"
    markdown_path.write_text(_as_markdown(text, page.tags), encoding="utf-8")

    raw = _one(raw_path)
    markdown = _one(markdown_path)
    assert raw.source.format == "text" and raw.source.encoding == "iso-8859-1"
    assert markdown.source.format == "markdown"
    assert b"\xb6" in raw_bytes and "[1](#)" in markdown_path.read_text(encoding="utf-8")
    assert _comparable(raw) == _comparable(page)
    assert _comparable(markdown) == _comparable(page)


def test_two_releases_of_one_page_agree_on_the_cable() -> None:
    """The Dec 2010 and Apr 2011 pages of 08CAIRO9 hold the same cable."""
    old = _one(corpus_file("html-2010/08CAIRO9.html"))
    new = _one(corpus_file("html/08CAIRO9.html"))
    for field in ("reference_id", "created", "classification", "origin", "subject", "tags", "references"):
        assert getattr(old, field) == getattr(new, field), field
    assert [p.number for p in old.paragraphs] == [p.number for p in new.paragraphs]



@pytest.mark.parametrize(
    ("relative", "markdown"),
    [
        ("html/06BRASILIA2094.html", False),  # paragraph 8 is not in the cable: "17." then "19."
        ("html/06BRASILIA2094.html", True),
        ("html/05MADRID1324.html", True),  # an extract that starts at paragraph 6: "16." "17." ...
        ("html/09LONDON2617.html", True),  # an extract from paragraph 74 on: "174." "175." ...
        ("html/08BAKU625.html", True),  # "15. (C) XXXXXXXXXXXX" right under a line of text, then 6, 7, 9
        ("html/05NAIROBI4559.html", True),  # paragraph 2 written twice
        ("html-2010/08PARIS1698.html", True),  # "136. (C)" after 2: paragraphs 3-35 were redacted
    ],
)
def test_a_copy_whose_pilcrows_read_as_one_keeps_the_page_numbers(relative: str, markdown: bool, tmp_path: Path) -> None:
    """A copy of a page where each pilcrow became a bare "1" ("¶5." as "15."): skipped numbers
    keep the cable's numbers. An extract ("16." "17." ...) is read as 6, 7 only in a Markdown
    copy, where that rendering comes from; in plain text 16, 17 is as likely and is kept."""
    page_path = corpus_file(relative)
    page = _one(page_path)
    text = extract_page(page_path.read_text(encoding="utf-8")).text
    if markdown:
        copy = tmp_path / "copy.md"
        copy.write_text(_as_markdown(text, list(page.tags)).replace("[1](#)", "1"), encoding="utf-8")
    else:
        copy = tmp_path / "copy.txt"
        copy.write_text(re.sub(r"(?m)^([ \t]*)¶", r"\g<1>1", text), encoding="utf-8")
    copied = _one(copy)
    numbers = [paragraph.number for paragraph in page.paragraphs if paragraph.number is not None]
    assert len(numbers) >= 4
    assert [paragraph.number for paragraph in copied.paragraphs if paragraph.number is not None] == numbers


@pytest.mark.parametrize(
    ("relative", "count"),
    [
        ("html/04BRASILIA572.html", 4),  # "REF: A. BRASILIA 402" / "1B. BRASILIA 458" / "1C. ..."
        ("html/05SANJOSE2051.html", 2),  # "REF: A. SAN JOSE 2038" / (blank) / "     1B. SAN JOSE 2037"
    ],
)
def test_a_copy_whose_pilcrows_read_as_one_keeps_its_ref_labels(relative: str, count: int, tmp_path: Path) -> None:
    """The page's pilcrow before a REF label ("¶B.") became "1B." in the copy: still label B."""
    page, copied, text = _page_and_markdown_copy(relative, tmp_path, pilcrow_as_one=True)
    assert "\n1B. " in text.replace("     1B.", "1B.")
    assert len(page.references) == count
    assert [(r.label, r.text, r.reference_id) for r in copied.references] == [
        (r.label, r.text, r.reference_id) for r in page.references
    ]


def test_references_name_their_cables_once_the_year_comes_from_the_release_index(tmp_path: Path) -> None:
    """A partial extract copied without its page: no date-time group, so the year of "REF:
    BRASILIA 0682" is known only once the release index has given the cable's own id."""
    page_path = corpus_file("html/04BRASILIA941.html")
    raw_path = tmp_path / "cable.txt"
    raw_path.write_bytes(_as_raw_text(extract_page(page_path.read_text(encoding="utf-8")).text))
    raw = _one(raw_path)
    assert raw.created is None and raw.reference_id == "04BRASILIA941"
    assert [(r.text, r.reference_id) for r in raw.references] == [("BRASILIA 0682", "04BRASILIA682")]


@pytest.mark.parametrize(
    "relative",
    [
        "html/07BERN130.html",  # "¶A. Before talks begin" as "1A. Before talks begin"
        "html/06BOGOTA1970.html",  # "January ¶2004." (the page's pilcrow on a year) as "January 12004."
        "html/07LIMA3764.html",  # "¶B. Ex-Army" boxed as a heading, as "1B. Ex-Army"
    ],
)
def test_a_copy_whose_pilcrows_read_as_one_keeps_lettered_items_and_years(relative: str, tmp_path: Path) -> None:
    """The "1" that stands for the page's pilcrow before a letter or a year goes, as the page's
    stray pilcrow does: the copy's paragraphs read as the page's."""
    page, copied, text = _page_and_markdown_copy(relative, tmp_path, pilcrow_as_one=True)
    assert re.search(r"(?m)^\s*1(?:[A-Z]\.|20\d\d)", text)
    assert [(p.number, p.marking, p.heading, p.text) for p in copied.paragraphs] == [
        (p.number, p.marking, p.heading, p.text) for p in page.paragraphs
    ]
    assert not any("¶" in p.text or "¶" in (p.heading or "") for p in page.paragraphs)


@pytest.mark.parametrize(
    "relative",
    [
        "html/00HARARE6677.html",  # "... THIS MESSAGE. MCDONALD CONFIDENTIAL >": the copy's footer after the name
        "html/04AMMAN1288.html",  # "... SIPRNET home page/ GNEHM": after the website notice
        "html/08LONDON1837.html",  # "...Portal:Unit ed_Kingdom LeBaron": after an address broken by a space
        "html/07PARIS4357.html",  # "...paris/index.c fm Stapleton"
        "html/09BEIJING3128.html",  # "... a Xiamen official. HUNTSMAN HUNTSMAN": written twice
        "html/09MADRID673.html",  # "... cleared this cable. CHACON ...": cut off after the name
        "html/04THEHAGUE1915.html",  # 'SOBEL ", 19285,7/30/2004 12:31,04THEHAGUE1916,...': the next database row
    ],
)
def test_a_copy_that_joins_a_block_s_lines_keeps_the_signer(relative: str, tmp_path: Path) -> None:
    """A copy that joins each block's lines (the seed's paragraphs) runs the name onto the last
    paragraph's line, with whatever followed it: the signer is the page's all the same."""
    page, copied, _ = _page_and_markdown_copy(relative, tmp_path)
    assert page.signers and copied.signers == page.signers
    assert not copied.paragraphs[-1].text.endswith(page.signers[0])


@pytest.mark.parametrize(
    "relative",
    [
        "html/00HARARE6677.html",  # "... MATONGO. ------ TSVANGIRAI LOOKS INTO THE CRYSTAL BALL SIPDIS ------"
        "html/10SEOUL272.html",  # "... End summary. VFM Chun on Sino-North Korean Relations... ------", "...” ...and Japan ------"
    ],
)
def test_a_copy_that_joins_a_block_s_lines_keeps_the_headings(relative: str, tmp_path: Path) -> None:
    """Headings run onto the paragraph before them, with their rules: boxed with a SIPDIS line
    inside, opening or closing with "...", after a curly quote. They are the page's headings."""
    page, copied, _ = _page_and_markdown_copy(relative, tmp_path)
    headings = [p.heading for p in page.paragraphs if p.heading]
    assert len(headings) >= 5
    assert [p.heading for p in copied.paragraphs if p.heading] == headings
    assert not any(heading in p.text for heading in headings if len(heading) > 12 for p in copied.paragraphs)
