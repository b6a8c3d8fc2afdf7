"""The long tail of real cables: each kind of input, on a real cable of ../shared/corpus where
one shows it, else on a real cable's text edited the way other copies of the release are."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from reader.model import Cable, Source
from reader.parse import parse_bytes, parse_file
from reader.parse.cable_text import parse_cable_text
from reader.parse.captions import caption_words
from reader.parse.decode import decode_bytes
from reader.parse.html_page import extract_page
from reader.parse.references import parse_references
from reader.parse.tags import normalise_tags, tags_as_written
from tests.conftest import corpus_cable, corpus_file

parse_one = corpus_cable


def text_only(relative: str) -> Cable:
    """A page's cable text without the page's metadata: as a copy of the text alone would read
    (in a file whose name says nothing of the cable)."""
    path = corpus_file(relative)
    text, encoding = decode_bytes(path.read_bytes())
    return parse_cable_text(extract_page(text).text, Source("copied text.txt", "text", encoding))


def parse_text(text: str) -> Cable:
    result = parse_bytes(text.encode("utf-8"), "pasted.txt")
    assert isinstance(result, Cable), result
    return result


def cited(cable: Cable) -> list[str]:
    return [r.reference_id for r in cable.references if r.reference_id]


# -- references ------------------------------------------------------------------------------


def test_multi_word_stations_and_several_cables_in_one_entry() -> None:
    assert cited(parse_one("html/07LAPAZ3153.html")) == ["07LAPAZ3013", "07LAPAZ3119"]
    algiers = parse_one("html/08ALGIERS198.html")
    # "B. ALGIERS 110 AND ALGIERS 140", "D. 07 ALGIERS 1807 AND 08 ALGIERS 0075": two cables each.
    assert cited(algiers) == [
        "08ALGIERS111",
        "08ALGIERS110",
        "08ALGIERS140",
        "07ALGIERS1806",
        "07ALGIERS1807",
        "08ALGIERS75",
        "08ALGIERS141",
    ]
    assert [r.label for r in algiers.references[:3]] == ["A", "B", "B"]
    assert cited(parse_one("html/07PARAMARIBO120.html")) == ["06PARAMARIBO38", "06PARAMARIBO29", "05PARAMARIBO589"]
    assert cited(parse_one("html/10MONTERREY43.html"))[-2:] == ["10MATAMOROS37", "10MATAMOROS33"]


def test_four_digit_years_and_aliases() -> None:
    assert cited(parse_one("html/09SANJOSE1132.html")) == ["09SANJOSE168", "06PANAMA2015"]
    assert cited(parse_one("text/09UNVIEVIENNA289.txt")) == ["09UNVIEVIENNA266"]  # "UNVIE 00266"


def test_what_is_not_a_cable_stays_text() -> None:
    madrid = parse_one("html/09MADRID612.html")
    texts = {r.text: r.reference_id for r in madrid.references}
    assert texts["DAO MADRID IIR 6 889 0175 09"] is None
    assert texts["SADOWSKA E-MAIL JUNE 22 READOUT OF CUESTA MEETINGS"] is None
    assert texts["2008 MADRID 1281"] == "08MADRID1281"
    cairo = parse_one("html/08CAIRO2371.html")
    assert [(r.label, r.reference_id) for r in cairo.references] == [("A", "08CAIRO2370"), ("B", None), ("C", "07CAIRO3214")]


@pytest.mark.parametrize(
    ("block", "year", "expected"),
    [
        ("(A)STATE 071143, (B)STATE 073601, (C)STATE 72896, (D)BEIJING \n5361", 2007, ["07STATE71143", "07STATE73601", "07STATE72896", "07BEIJING5361"]),
        ("A) LONDON 002351 B) STATE 069339", 2010, ["10LONDON2351", "10STATE69339"]),
        ("a. 05 state 201650\n\nB. 05 berlin 3726", 2008, ["05STATE201650", "05BERLIN3726"]),
        ("2009 CAIRO 2394; SECSTATE 54183", 2010, ["09CAIRO2394", "10STATE54183"]),
        ("A. LA PAZ 2974 B. RIO DE JAN 138 C. THE HAGUE 5 D. PORT AU PRINCE 7", 2008, ["08LAPAZ2974", "08RIODEJANEIRO138", "08THEHAGUE5", "08PORTAUPRINCE7"]),
        ("A. PHNOM PEN 333 B. 05 0TTAWA 3518 C. SECTSTATE 14985", 2006, ["06PHNOMPENH333", "05OTTAWA3518", "06STATE14985"]),
        ("A. A) ROME 2543 B. B) ROME 2544 C. REF C HAVANA 639", 2005, ["05ROME2543", "05ROME2544", "05HAVANA639"]),
        ("A. PARIS POINTS JULY 15 B. UNSCR 1737 C. CAIRO IIR 6 899 0149 10 D. PARIS 1025", 2009, ["09PARIS1025"]),
        ("'08 BUENOS AIRES 1491; 2005PANAMA2342; O4 CHENNAI 0944", 2009, ["08BUENOSAIRES1491", "05PANAMA2342", "04CHENNAI944"]),
        # The year glued to a one-word station, the serial apart; citations a slash apart.
        ("A. 08SECSTATE 12345 B. 07PARIS 1234", 2009, ["08STATE12345", "07PARIS1234"]),
        ("STATE 12345/STATE 23456", 2008, ["08STATE12345", "08STATE23456"]),
        ("A. ROME 1234/B. 07 STATE 98765", 2008, ["08ROME1234", "07STATE98765"]),
        ("HILL - OPS CENTER TELCONS 9/28 AND 29; ROME 3341", 2003, ["03ROME3341"]),
        # Serials of one station after a slash, or in a run of ANDs; not an intelligence report's number.
        ("STATE 12345/23456", 2008, ["08STATE12345", "08STATE23456"]),
        ("A. PARIS 1234 / 2345 B. STATE 3456", 2008, ["08PARIS1234", "08PARIS2345", "08STATE3456"]),
        ("BRASILIA 2799 AND 2764 AND 2801", 2004, ["04BRASILIA2799", "04BRASILIA2764", "04BRASILIA2801"]),
        ("TD-314/014437-09; ROME 12", 2009, ["09ROME12"]),
    ],
)
def test_ref_shapes(block: str, year: int, expected: list[str]) -> None:
    assert [r.reference_id for r in parse_references(block, year) if r.reference_id] == expected


@pytest.mark.parametrize(
    ("relative", "lettered", "numbered"),
    [
        ("html/06SAOPAULO278.html", ["(A)", "(B)", "(C)", "(D)"], ["(1)", "(2)", "(3)", "(4)"]),
        ("html/06SAOPAULO278.html", ["(A)", "(B)", "(C)", "(D)"], ["1.", "2.", "3.", "4."]),
        ("html/09BRASILIA679.html", ["A)", "B)", "C)"], ["1)", "2)", "3)"]),
    ],
)
def test_ref_entries_numbered_instead_of_lettered(relative: str, lettered: list[str], numbered: list[str]) -> None:
    """A REF block whose entries are numbered ("REF: 1. BRASILIA 502;" / "2. BRASILIA 460"): each
    entry is read as its lettered original is, and no entry opens a paragraph of the text."""
    original = parse_one(relative)
    text = extract_page(decode_bytes(corpus_file(relative).read_bytes())[0]).text
    start = text.index("REF:")
    block = text[start : text.index("\n\n", start)]
    for letter, number in zip(lettered, numbered, strict=True):
        block = block.replace(letter, number, 1)
    copy = parse_text(text[:start] + block + text[start + len(block) :])
    assert [r.reference_id for r in copy.references] == [r.reference_id for r in original.references]
    assert [r.label for r in copy.references] == [n.strip("().") for n in numbered]
    assert [(p.number, p.text) for p in copy.paragraphs] == [(p.number, p.text) for p in original.paragraphs]


def test_ref_glued_to_the_subject_and_page_markers_inside_the_list() -> None:
    cable = parse_text(
        "R 010000Z JAN 10\nUNCLAS STATE 016220\nSUBJECT: (C/NF) WHO WOULD REPLACE GORDON BROWN AS UK PRIMEREF: A. LONDON 1939"
        "  B. LONDON 1704 STATE 00016220 001.2 OF 005 C. STATE 7877\n\n1. (U) Text."
    )
    assert cable.subject == "WHO WOULD REPLACE GORDON BROWN AS UK PRIME" and cable.subject_marking == "C/NF"
    assert cited(cable) == ["10LONDON1939", "10LONDON1704", "10STATE7877"]


# -- tags --------------------------------------------------------------------------------------


def test_person_tags_and_continuation_after_a_trailing_comma() -> None:
    clinton = parse_one("html/09STATE30049.html")  # "OVIP (CLINTON, HILLARY), PREL, AS, PK, AF, CH," then a line more
    assert clinton.tags[:3] == ["OVIP", "CLINTON, HILLARY", "PREL"] and clinton.tags[-1] == "ASEAN"
    biden = parse_one("html/09SANTIAGO324.html")  # "OVIP BIDEN JOSEPH PREL ..."
    assert biden.tags[:3] == ["OVIP", "BIDEN, JOSEPH", "PREL"]
    assert biden.tags_as_written[:3] == ["OVIP", "BIDEN", "JOSEPH"]


def test_free_text_misspelt_glued_and_repeated_tags() -> None:
    assert parse_one("html/05TELAVIV45.html").tags[-1] == "GOI EXTERNAL"
    assert parse_one("html/05BUENOSAIRES496.html").tags[-1] == "MEETINGS WITH AMBASSADOR"
    sanaa = parse_one("html/05SANAA1790.html")  # "PARMS", "COUNTER TERRORISM"
    assert "PARM" in sanaa.tags and sanaa.tags[-1] == "COUNTERTERRORISM"
    assert "PARMS" in sanaa.tags_as_written
    assert parse_one("html/06SANJOSE2041.html").tags == ["ETRD", "EINV", "ECIN", "PGOV", "CS"]  # ETRDEINVECINPGOVCS
    assert parse_one("html/01VATICAN5693.html").tags == ["PREL", "AF", "PK", "IN", "VT"]  # repeats and VTPREL


def test_tags_on_the_eo_line_in_lower_case() -> None:
    cable = parse_text("E.o. 12958: decl: 01/07/2014 Tags: prel, pgov, pins, tu \nSubject: turkish p.m. goes to washington\n")
    assert cable.tags == ["PREL", "PGOV", "PINS", "TU"] and cable.tags_as_written == ["prel", "pgov", "pins", "tu"]
    assert cable.declassify_on is not None and cable.declassify_on.isoformat() == "2014-01-07"
    assert cable.subject == "turkish p.m. goes to washington"
    assert parse_one("html/08BUENOSAIRES879.html").tags == ["PREL", "OVIP", "EINV", "PINR", "AR"]  # "AGS:" on the E.O. line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("TAGS: KCRM KWMN ASEC PHUMBA", ["KCRM", "KWMN", "ASEC", "PHUM", "BA"]),
        ("TAGS PTER MARR, MOPPS", ["PTER", "MARR", "MOPS"]),
        ("TAGS: PHUM HUMAN RIGHTS, COUNTER TERRORISM", ["PHUM", "HUMAN RIGHTS", "COUNTERTERRORISM"]),
        ("TAGS: OVIP (STEINBERG, JAMES B.) PREL", ["OVIP", "STEINBERG, JAMES B.", "PREL"]),
        ("TAGS: OVIP STEINBERG JAMES PREL", ["OVIP", "STEINBERG, JAMES B.", "PREL"]),
        ("TAGS: KPAO OPRC KMDR PREL MEDIA REACTION", ["KPAO", "OPRC", "KMDR", "PREL", "MEDIA REACTION"]),
        ("TAGS: PREL TRAFFICKING IN PERSONS", ["PREL", "TRAFFICKING IN PERSONS"]),  # IN is India's code too
        ("TAGS: CIA INRA INRO PGOV", ["CIA", "INRA", "INRO", "PGOV"]),  # unknown codes stay apart
        ("TAGS: PINR, PE   SECRET   PAGE 02   LIMA  02475  01 OF 03  251228Z PINR, PE", ["PINR", "PE"]),
        ("TAGS: PREL/PGOV/IR, KJUS", ["PREL", "PGOV", "IR", "KJUS"]),  # codes a slash apart
        ("TAGS: PREL - PGOV - IR", ["PREL", "PGOV", "IR"]),  # a dash between tags is none
        ("TAGS: ZANU-PF, ZI", ["ZANU-PF", "ZI"]),
        ("TAGS: PREL, PGOV, FR (SBU)", ["PREL", "PGOV", "FR"]),  # the line's marking is no tag
        ("TAGS: N/A", []),  # the cable has none
        ("TAGS: NONE", []),
        ("TAGS: PREL, NA", ["PREL", "NA"]),  # NA is a code (the Netherlands Antilles)
    ],
)
def test_tag_shapes(line: str, expected: list[str]) -> None:
    assert normalise_tags(line) == expected


def test_tags_as_written_keep_the_cables_spelling() -> None:
    assert tags_as_written("TAGS: OVIP (CLINTON, HILLARY), prel, MOPPS, prel") == ["OVIP", "CLINTON, HILLARY", "prel", "MOPPS"]


# -- subject and summary ----------------------------------------------------------------------


def test_subject_shapes() -> None:
    assert parse_one("html/09ROME395.html").subject == "ITALY DODGES FINANCIAL MELT DOWN, BUT GLOBAL DOWNTURN HITS HARD"
    tripoli = parse_one("html/04TRIPOLI31.html")
    assert (tripoli.subject, tripoli.subject_marking) == ("CHIRAC VISIT TO LIBYA MODESTLY SUCCESSFUL, BUT NOT HAPPY", "C")
    assert parse_text("SUBJECT:\n\nCooperation Busts Fraud Ring\n1.(SBU) Summary: text").subject == "Cooperation Busts Fraud Ring"
    assert parse_text("SUBJECT ZIM NOTES 11-09-2009 \n----------- \n1. SUMMARY\n").subject == "ZIM NOTES 11-09-2009"
    assert parse_text("SUBJECT: RELATIONS WITH THE US- \nLATIN AMERICAN STATES\n\n1. text").subject == "RELATIONS WITH THE US-LATIN AMERICAN STATES"
    assert parse_text("SUBJECT: Bla &#8217; bla\n").subject == "Bla ’ bla"
    # A flattened page ran the "Summary" heading and its rule onto the subject's line.
    malbec = "More than Malbec: Ambassador Donates Scholarships and Talks Development in Mendoza"
    assert parse_one("html/08BUENOSAIRES879.html").subject == malbec


def test_a_subjects_marking_written_after_it() -> None:
    """"SUBJECT: FOLLOWING-UP ... GRAPHITE / CASE (S)": the marking is the subject's, as one
    written before it is; a parenthesis that is no marking, or one in lower case, stays."""
    graphite = parse_one("html/08STATE23763.html")
    assert graphite.subject == "FOLLOWING-UP WITH INDIA ON THE XXXXXXXXXXXX GRAPHITE CASE"
    assert graphite.subject_marking == "S"
    assert parse_text("SUBJECT: TRADE POLICY REVIEW (TPR)\n\n1. text").subject == "TRADE POLICY REVIEW (TPR)"
    assert parse_text("SUBJECT: Pakistan Earthquake Relief: Part (c)\n\n1. text").subject_marking is None
    assert parse_text("SUBJECT: IRAN SANCTIONS (S//NF)\n\n1. text").subject_marking == "S//NF"


def test_summary_shapes() -> None:
    bogota = parse_one("html/05BOGOTA1775.html")  # "Summary" over a dashed rule, then "¶1. (C):  Mexican ..."
    assert bogota.summary is not None and bogota.summary.startswith("Mexican facilitator")
    assert parse_one("html/04BRASILIA1291.html").summary.startswith("Annual U.S.-Brazil")  # "Summary and Introduction:"
    action = parse_text("1. (U) Para 2 holds a request.\n\n2. (C) Summary and Action Request. With Iran. End Summary and Action Request.")
    assert action.summary == "With Iran."
    opened = parse_text("1. (C) Introduction and summary: The minister met us. End introduction and summary.\n\n2. (C) Text.")
    assert opened.summary == "The minister met us."


# -- paragraph heads ----------------------------------------------------------------------------


def test_paragraph_heads_in_every_shape() -> None:
    cairo = parse_one("html/08CAIRO1416.html")  # "8 (C) Suleiman repeated..." without the dot
    assert [p.number for p in cairo.paragraphs] == list(range(1, 14))
    assert cairo.paragraphs[7].marking == "C" and cairo.paragraphs[7].text.startswith("Suleiman repeated")
    oslo = parse_one("html/08OSLO458.html")  # "...for reasons 1.4 b and d 1. (C)" then the text
    assert [(p.number, p.marking) for p in oslo.paragraphs] == [(1, "C"), (2, "U")]
    redacted = parse_text("1. (C) First.\n\nXXXXXXXXXXXX\n¶3. (S) Third, after a redaction.\n4.(C) Fourth.\n\n5 (S/NF) Fifth.")
    assert [(p.number, p.marking) for p in redacted.paragraphs] == [(1, "C"), (3, "S"), (4, "C"), (5, "S/NF")]


def test_numbering_that_restarts_is_kept() -> None:
    cable = parse_text("1. (C) One.\n\n2. (C) Two.\n\n1. (S) Annex one.\n\n2. (S) Annex two.")
    assert [p.number for p in cable.paragraphs] == [1, 2, 1, 2]


def test_run_in_lettered_sub_paragraphs_and_stray_pilcrows() -> None:
    london = parse_one("html/08LONDON1115.html")
    annex = next(p for p in london.paragraphs if "Annex" in p.text)
    assert "Annex\nA. Flights requested" in annex.text
    assert not any("¶" in p.text for c in ("html/09ANKARA1722.html", "html/07BERN130.html") for p in parse_one(c).paragraphs)
    questions = parse_text("1. (S) Two questions: ¶A. What was his job? ¶B. Did he travel?\n\n2. (S) Next.")
    assert questions.paragraphs[0].text == "Two questions:\nA. What was his job?\nB. Did he travel?"


def test_markdown_whose_pilcrows_read_as_one() -> None:
    lines = ["TAGS: [PREL](#) [KZ](#)", "SUBJECT: X", ""]
    lines += [f"1{n}. (C) Paragraph {n}.\n" for n in (1, 2, 3, 4, 6, 7)]  # paragraph 5 was never written
    cable = parse_bytes("\n".join(lines).encode(), "copy.md")
    assert isinstance(cable, Cable) and cable.source.format == "markdown"
    assert [p.number for p in cable.paragraphs] == [1, 2, 3, 4, 6, 7]


def test_paragraphs_numbered_with_a_parenthesis() -> None:
    """09PARIS1007 with its heads written "1) (C) ...", "2) (C) ...": paragraphs as "1. (C)" are.
    Where other heads are written "N.", such a line stays a list's item (09STATE124636)."""
    raw = corpus_file("text/09PARIS1007.txt").read_bytes().decode("latin-1").replace("\r", "")
    edited, count = re.subn(r"(?m)^\xb6(\d)\.", r"\1)", raw)
    assert count == 5
    cable, original = parse_text(edited), parse_one("text/09PARIS1007.txt")
    assert [(p.number, p.marking) for p in cable.paragraphs] == [(n, "C") for n in range(1, 6)]
    assert [p.text for p in cable.paragraphs] == [p.text for p in original.paragraphs]
    questions = parse_one("html/09STATE124636.html")
    assert any("\n\n1) (C/NF) HOW DOES PRESIDENT CALDERON" in p.text for p in questions.paragraphs)


def _pilcrows_as_ones(text: str, kept: int) -> str:
    """``text`` with each pilcrow after the first ``kept`` written as a "1", as some copies do."""
    pieces = text.split("¶")
    return "¶".join(pieces[: kept + 1]) + "".join("1" + piece for piece in pieces[kept + 1 :])


@pytest.mark.parametrize("relative", ["html/09CAIRO204.html", "html/09STATE39054.html", "html/09TRIPOLI632.html"])
@pytest.mark.parametrize("kept", [0, 4])
def test_a_split_off_paragraph_number_in_a_copy_whose_pilcrows_read_as_one(relative: str, kept: int) -> None:
    """The pages whose "see paragraph" / "¶3." test_real_cables reads, as a copy that wrote each
    pilcrow as a "1" ("see para" / "15." / "12. (U) ..."), or each after the first four (the seed's
    mix): the same paragraphs and texts."""
    page_text = extract_page(decode_bytes(corpus_file(relative).read_bytes())[0]).text
    copy = parse_text(_pilcrows_as_ones(page_text, kept))
    original = parse_one(relative)
    assert [(p.number, p.marking) for p in copy.paragraphs] == [(p.number, p.marking) for p in original.paragraphs]
    assert [p.text for p in copy.paragraphs] == [p.text for p in original.paragraphs]


@pytest.mark.parametrize("relative", ["html/09CAIRO204.html", "html/09STATE39054.html", "html/09TRIPOLI632.html"])
def test_a_paragraph_number_wrapped_off_its_sentence_in_a_text_without_pilcrows(relative: str) -> None:
    """The same pages copied as plain text, with no pilcrow at all: "see paragraph" / (blank) / "3."
    / "2. (S/NF) ..." ends the sentence with "3." and opens no paragraph, as on the page."""
    page_text = extract_page(decode_bytes(corpus_file(relative).read_bytes())[0]).text
    copy = parse_text(page_text.replace("¶", ""))
    original = parse_one(relative)
    assert [(p.number, p.marking) for p in copy.paragraphs] == [(p.number, p.marking) for p in original.paragraphs]
    assert [p.text for p in copy.paragraphs] == [p.text for p in original.paragraphs]


def test_the_next_heads_own_number_wrapped_off_a_sentence_opens_no_empty_paragraph() -> None:
    """09TRIPOLI632's "see para" / "5." with the number its next head has ("see para" / "2." /
    "2. (C) ..."): one paragraph 2, and the sentence ends with "2."."""
    page_text = extract_page(decode_bytes(corpus_file("html/09TRIPOLI632.html").read_bytes())[0]).text
    copy = parse_text(page_text.replace("¶", "").replace("see para\n\n5.", "see para\n\n2.", 1))
    assert [p.number for p in copy.paragraphs][:3] == [1, 2, 3]
    assert copy.paragraphs[0].text.endswith("see para 2.")


def _without_pilcrows(relative: str) -> Cable:
    """A page's cable text copied as plain text, every pilcrow lost (as a copy from a web view is)."""
    return parse_text(extract_page(decode_bytes(corpus_file(relative).read_bytes())[0]).text.replace("¶", ""))


@pytest.mark.parametrize(
    "relative",
    [
        "html/06BRASILIA2094.html",  # 7, then 9 to 14 (8 sits inside paragraph 7's last line)
        "html/08STATE58722.html",  # 1, 2, then 4 to 7
        "html/08BAKU625.html",  # 2, then "5. (C) XXXXXXXXXXXX" right under its text, 6, 7, then 9
        "html/09BERLIN1626.html",  # 1 to 5, then 1 to 5 again: two sections
    ],
)
def test_skipped_and_restarted_numbers_in_a_text_without_pilcrows(relative: str) -> None:
    """Without pilcrows, a number the cable skipped or a numbering that starts again opens a
    paragraph when the next head goes on from it: the paragraphs are the page's, not the first
    few (every head after a skip used to stay text)."""
    copy = _without_pilcrows(relative)
    original = parse_one(relative)
    assert [(p.number, p.marking) for p in copy.paragraphs] == [(p.number, p.marking) for p in original.paragraphs]


@pytest.mark.parametrize(
    ("relative", "numbers", "inside"),
    [
        # a letter quoted with its own numbers 1 to 7 in paragraph 2, then "3. (S//NF) Comment"
        ("html/08LONDON1115.html", [1, 2, 3], ["\n\n1. I am grateful", "\n\n3. However, recent U2 flights"]),
        # a treaty's outline numbered 1 to 8 in paragraph 1, then "2. (C)" and "3. (C)"
        ("html/05SANJOSE2249.html", [1, 2, 3], ["\n\n2. "]),
    ],
)
def test_a_list_inside_a_marked_paragraph_stays_its_text_without_pilcrows(relative: str, numbers: list[int], inside: list[str]) -> None:
    """In a portion-marked cable copied without pilcrows, an unmarked "3." of a list inside a
    paragraph is no head where the next marked line is "3. (S//NF)": the list stays in the
    paragraph's text, and the marked paragraph after it is read (it used to be swallowed)."""
    copy = _without_pilcrows(relative)
    assert [p.number for p in copy.paragraphs] == numbers
    assert all(p.marking for p in copy.paragraphs)
    holder = copy.paragraphs[numbers.index(2) if relative.endswith("LONDON1115.html") else 0]
    assert all(piece in holder.text for piece in inside)


# -- fragments and signers ----------------------------------------------------------------------


def test_the_end_of_a_cable_is_a_fragment_not_refused() -> None:
    lines = corpus_file("text/07KINGSTON382.txt").read_bytes().decode("latin-1").replace("\r", "").split("\n")
    tail = "\n".join(lines[-14:])
    cable = parse_text(tail + "\n\nUNCLASSIFIED\n")
    assert cable.signers == parse_one("text/07KINGSTON382.txt").signers
    assert cable.paragraphs


@pytest.mark.parametrize(
    ("text", "signer"),
    [
        ("FROM THE WESTERN POINT OF VIEW) NEGOTIATING PROCESS.\n\n\nLAINGEN\n\nCONFIDENTIAL\n", "LAINGEN"),
        ("HAD BEEN HARVESTED THROUGH JANUARY 7.\n-\nCLARK\n", "CLARK"),
        ("21.  BEIRUT MINIMIZE CONSIDERED.  EAGLETON\n", "EAGLETON"),
        ("END TEXT.\n\n\nHORAN##\n", "HORAN"),
        ("STATUS OF TERRORISM IS UNAVAILABLE AT POST.\n\n\nDE PREE\n", "DE PREE"),
        ("ground.\n \nBRUSSELS 00003382  003 OF 003 \n \n \nGRAY \n.", "GRAY"),
        ("2.  (C)  TEXT HERE.\n\n\nVANCE\nBT\n#0123\nNNNN\n", "VANCE"),
        ("21.  BEIRUT MINIMIZE CONSIDERED\nEAGLETON\n", "EAGLETON"),  # no full stop after CONSIDERED
    ],
)
def test_signer_shapes(text: str, signer: str) -> None:
    assert signer in parse_text(text).signers


@pytest.mark.parametrize("title", ["AMBASSADOR", "Ambassador", "CHARGE D'AFFAIRES", "ACTING"])
def test_a_title_under_the_signers_name_is_no_signer(title: str) -> None:
    """04BRASILIA1938's "DANILOVICH" with the post written under it ("DANILOVICH" / "AMBASSADOR"):
    one signer, and the title is no text of the last paragraph either."""
    original = parse_one("html/04BRASILIA1938.html")
    assert original.signers == ["DANILOVICH"]
    page_text = extract_page(decode_bytes(corpus_file("html/04BRASILIA1938.html").read_bytes())[0]).text
    copy = parse_text(page_text.rstrip() + "\n" + title + "\n")
    assert copy.signers == ["DANILOVICH"]
    assert copy.paragraphs[-1].text == original.paragraphs[-1].text


def test_a_classified_by_statement_marked_u_under_the_subject_is_not_the_subject_s() -> None:
    """09PARIS1007's "Classified By" line written "(U) Classified By: ..." right under the subject:
    the "(U)" had been read as the subject's last words ("... NEXT STEPS (U)")."""
    raw = corpus_file("text/09PARIS1007.txt").read_bytes().decode("latin-1").replace("\r", "")
    assert "STEPS \n \nClassified By:" in raw
    cable = parse_text(raw.replace("STEPS \n \nClassified By:", "STEPS \n(U) Classified By:"))
    assert cable.subject == "MIDDLE EAST: SARKOZY AND MUBARAK CONFER ON NEXT STEPS"
    original = parse_one("text/09PARIS1007.txt")
    assert (cable.classified_by, cable.reasons) == (original.classified_by, original.reasons)
    assert original.reasons


def test_a_telegraph_office_note_under_the_signature_stays_text() -> None:
    """73TEHRAN7005 with the note the Department's telegraph office put under older telegrams'
    signatures ("HELMS" / (blank) / "NOTE BY OC/T: ..."): the signer is read, the note kept."""
    path = corpus_file("html-2011-08/73TEHRAN7005.html")
    page_text = extract_page(decode_bytes(path.read_bytes())[0]).text
    assert "\nHELMS \n" in page_text
    cable = parse_text(page_text.replace("\nHELMS \n", "\nHELMS \n\n\nNOTE BY OC/T: NOT PASSED TO USIA.\n"))
    assert cable.signers == ["HELMS"]
    assert cable.paragraphs[-1].text.endswith("WILL REPORT FURTHER DEVELOPMENTS.\n\nNOTE BY OC/T: NOT PASSED TO USIA.")


@pytest.mark.parametrize(
    ("ending", "signer"),
    [
        (" \nMCCORMICK.", "MCCORMICK"),  # a full stop after the name
        ("DE LA TORRE", "DE LA TORRE"),  # a compound surname right under the last sentence
        ("VAN DER BERG.", "VAN DER BERG"),
    ],
)
def test_signers_written_with_a_full_stop_or_a_particle(ending: str, signer: str) -> None:
    """07KINGSTON382's text with its signature ("JOHNSON") written in other shapes."""
    raw = corpus_file("text/07KINGSTON382.txt").read_bytes().decode("latin-1").replace("\r", "")
    assert raw.rstrip().endswith("\n \nJOHNSON")
    cable = parse_text(raw.rstrip()[: -len(" \nJOHNSON")] + ending + "\n")
    assert cable.signers == [signer]
    assert cable.paragraphs[-1].text.endswith("Post appreciates Department's assistance.")


def test_a_file_with_nothing_cable_like_is_still_refused() -> None:
    assert not isinstance(parse_bytes(b"shopping list:\n\nbread, milk, eggs\n", "notes.txt"), Cable)


# -- recipients -----------------------------------------------------------------------------------


def test_recipients_around_page_headers_and_front_matter() -> None:
    state = parse_one("html/08STATE23763.html")  # "TO PAGE 02 STATE 023763 071504Z"
    assert [r.name for r in state.to] == ["AMEMBASSY NEW DELHI"]
    nairobi = parse_one("html/09NAIROBI1938.html")  # the header twice, TAGS right under INFO
    assert [r.name for r in nairobi.info] == ["AMEMBASSY LONDON", "NSC WASHDC"]
    collective = parse_text(
        "FM AMEMBASSY SOFIA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 3355\nRUEHX/EUROPEAN POLITICAL COLLECTIVE\n"
        "XMT/AMEMBASSY SOFIA\nAMEMBASSY BUCHAREST\nINFO RUEHTH/AMEMBASSY ATHENS 0121\nRUEUITH/DET 1 39LG ANKARA TU\n"
    )
    assert [r.name for r in collective.to] == ["SECSTATE WASHDC", "EUROPEAN POLITICAL COLLECTIVE"]
    assert [r.name for r in collective.xmt] == ["AMEMBASSY SOFIA", "AMEMBASSY BUCHAREST"]
    assert [(r.route, r.name, r.mcn) for r in collective.info] == [
        ("RUEHTH", "AMEMBASSY ATHENS", "0121"),
        ("RUEUITH", "DET 1 39LG ANKARA TU", None),
    ]


def test_header_labels_written_with_a_colon_and_addressees_sent_another_way() -> None:
    """06NEWDELHI5138's header as a copy may write it: "FM: ...", "TO: ...", "INFO: ...", and an
    addressee the cable reached another way ("ZEN/AMCONSUL MUMBAI"): the same sender and
    addressees as the file's own header, ZEN as the route."""
    raw = corpus_file("text/06NEWDELHI5138.txt").read_bytes().decode("latin-1").replace("\r", "")
    original = parse_one("text/06NEWDELHI5138.txt")
    edited = raw.replace("\nFM ", "\nFM: ", 1).replace("\nTO ", "\nTO: ", 1).replace("\nINFO ", "\nINFO: ", 1)
    cable = parse_text(edited.replace("RUEHBI/AMCONSUL MUMBAI", "ZEN/AMCONSUL MUMBAI", 1))
    assert cable.from_ == original.from_ == "AMEMBASSY NEW DELHI"
    assert [r.name for r in cable.to] == [r.name for r in original.to]
    assert [r.name for r in cable.info] == [r.name for r in original.info]
    mumbai = next(r for r in cable.info if r.name == "AMCONSUL MUMBAI")
    assert mumbai.route == "ZEN"


# -- reference ids without a date-time group ---------------------------------------------------------


def test_a_copy_of_the_text_alone_takes_its_id_from_the_file_name(tmp_path: Path) -> None:
    """07KINGSTON382 from its subject on, no header or banner: in a file named by its id, the id
    (the release holds it) comes from the name, and says so; in a file named otherwise, none."""
    raw = corpus_file("text/07KINGSTON382.txt").read_bytes()
    text_alone = raw[raw.index(b"SUBJECT:") :]
    named = tmp_path / "07KINGSTON382.txt"
    named.write_bytes(text_alone)
    (cable,) = parse_file(named)
    assert isinstance(cable, Cable) and cable.reference_id == "07KINGSTON382"
    assert "reference id 07KINGSTON382 taken from the file name" in cable.warnings
    assert cable.subject == "REQUEST FOR HUMAN RIGHTS VETTING FOR US IMET IS 26 MARCH 2007"
    other = tmp_path / "notes 07KINGSTON99999.txt"  # an id the release does not hold
    other.write_bytes(text_alone)
    (unnamed,) = parse_file(other)
    assert isinstance(unnamed, Cable) and unnamed.reference_id is None


def test_reference_id_inferred_from_the_release_index() -> None:
    cable = text_only("html/04AMMAN1288.html")  # a partial extract: banner, no DTG, no page metadata
    assert cable.dtg is None and cable.reference_id == "04AMMAN1288"
    assert "reference id 04AMMAN1288 inferred from the release index" in cable.warnings


def test_reference_id_stays_empty_when_the_index_cannot_decide() -> None:
    # ISTANBUL 374 exists in 2004 and 2009; the text says E.O. 12958 and N/A: no year can be told.
    assert text_only("html/04ISTANBUL374.html").reference_id is None
    # TEL AVIV 45 of 2005, 2006 and 2009, declassified in 2014: nine years on, not the usual ten.
    assert text_only("html/05TELAVIV45.html").reference_id is None


def test_reference_id_from_fm_and_de_lines_when_the_banner_is_redacted() -> None:
    cable = text_only("html/10BEIJING207.html")  # "O 261055Z JAN 10 ZDK", banner lost to redaction
    assert cable.reference_id == "10BEIJING207" and cable.from_ == "AMEMBASSY BEIJING"


def test_the_release_block_that_stands_for_a_redacted_banner_is_read() -> None:
    """10BEIJING207's banner is redacted, an "ID: / ORIGIN: / DATE: / SOURCE: / CLASSIFICATION:
    / MISC: / DESTINATION:" block in its place: a copy of the text alone reads its level from the
    block (not from paragraph markings, not from a page) and warns of no line it did not understand."""
    cable = text_only("html/10BEIJING207.html")
    assert cable.classification == "SECRET" and cable.origin == "Embassy Beijing"
    assert not [w for w in cable.warnings if "not understood" in w or "guessed" in w]
    page_text = extract_page(decode_bytes(corpus_file("html/10BEIJING207.html").read_bytes())[0]).text
    # Without its header, and with a control in the block: the sender and the control come from it.
    body = page_text[page_text.index("ID: 245489") :].replace("CLASSIFICATION: SECRET", "CLASSIFICATION: SECRET//NOFORN")
    bare = parse_text(body)
    assert (bare.classification, bare.controls, bare.origin) == ("SECRET", ["NOFORN"], "Embassy Beijing")
    assert bare.subject == cable.subject and [p.text for p in bare.paragraphs] == [p.text for p in cable.paragraphs]


# -- controls, wrappers -----------------------------------------------------------------------------


def test_controls_come_from_banner_and_captions_not_portions() -> None:
    tripoli = parse_one("html/07TRIPOLI964.html")  # SECRET banner, two (S/NF) paragraphs
    assert "S/NF" in [p.marking for p in tripoli.paragraphs]
    assert "NOFORN" not in tripoli.controls
    assert "NOFORN" in parse_one("html/02BOGOTA3281.html").controls  # its caption line says NOFORN


def test_a_banner_glued_to_a_database_prefix() -> None:
    cable = parse_one("html/06SANTODOMINGO409.html")  # "Cable dated:2006-02-07T22:12:00C O N F I D E N T I A L ..."
    assert cable.banner == "C O N F I D E N T I A L SANTO DOMINGO 000409"
    assert cable.eo_line == "E.O. 12958: DECL: 02/07/2016" and cable.tags == ["PREL", "DR", "HA"]
    assert cable.for_ == "STATE FOR WHA/CAR-NICHOLS, SEARBY; INR/SAA-BEN-YEHUDA"
    moscow = parse_one("html/09MOSCOW2353.html")
    assert moscow.section is not None and moscow.classification == "CONFIDENTIAL"


def test_an_email_printout_of_a_cable(tmp_path: Path) -> None:
    original = parse_one("text/09PARIS1007.txt")
    body = corpus_file("text/09PARIS1007.txt").read_bytes().decode("latin-1").replace("\r", "")
    body = body[body.index("CONFIDENTIAL PARIS 001007") :]
    printout = (
        "CONFIDENTIAL\n\nTELEGRAM                                         June 03, 2009\n\n\n"
        "To:            No Action Addressee\n\nAction:        Unknown\n\n"
        "From:          AMEMBASSY PARIS (PARIS 1007 - UNKNOWN)\n\nTAGS:          PREL\n\n"
        "Captions:      None\n\nSubject:       SEE TEXT\n\nRef:           None\n"
        "_________________________________________________________________\n" + body
    )
    path = tmp_path / "printout.txt"
    path.write_text(printout, encoding="utf-8")
    (cable,) = list(parse_file(path))
    assert isinstance(cable, Cable)
    assert cable.reference_id == "09PARIS1007" == original.reference_id
    assert cable.from_ == "AMEMBASSY PARIS" and cable.created is not None and cable.created.date().isoformat() == "2009-06-03"
    assert [p.number for p in cable.paragraphs] == [p.number for p in original.paragraphs]


def test_a_pilcrow_head_after_a_garbled_or_redacted_line_opens_its_paragraph() -> None:
    """Release text garbled mid-line ("... food safety (Q" then "¶8.") and redactions that end a
    line ("XXXXXXXXXXXX" then "¶5.") leave no sentence end before the head; the next head
    continuing the number (¶9., ¶6.) shows it opens a paragraph."""
    garbled = parse_one("text/09USEUBRUSSELS948.txt")
    numbers = [paragraph.number for paragraph in garbled.paragraphs]
    assert numbers[:7] == [1, 2, 4, 5, 6, 8, 9]
    redacted = parse_one("html/08BAKU625.html")
    assert [paragraph.number for paragraph in redacted.paragraphs][:6] == [1, 2, 5, 6, 7, 9]
    assert [paragraph.marking for paragraph in redacted.paragraphs][2:5] == ["C", "C", "S"]
    # A stray pilcrow on a number inside a sentence is still text.
    stray = parse_one("text/06NEWDELHI5237.txt")
    assert [paragraph.number for paragraph in stray.paragraphs] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize(
    ("relative", "sentence"),
    [
        ("text/06NEWDELHI5237.txt", "on July 24. Khobargade stated"),
        ("html/09BUENOSAIRES1235.html", "on November 12. In each of these conversations"),
        ("html/06SANJOSE2779.html", "adopted 17 motions and rejected 47. The remainder"),
        ("html/07SANJOSE524.html", "beginning at paragraph 27. Post"),
        ("html/09REYKJAVIK17.html", "take place on May 9. He will discuss"),
    ],
)
def test_a_number_the_page_took_for_a_head_stays_in_its_sentence(relative: str, sentence: str) -> None:
    """"... on July" / "¶24. Khobargade stated ...": the number is the sentence's, on its line."""
    cable = parse_one(relative)
    assert any(sentence in paragraph.text for paragraph in cable.paragraphs)


def test_a_day_of_the_month_read_as_a_head_before_the_paragraph_it_would_be() -> None:
    """09DOHA502: "... ETA at AUAB O/A August" / "¶15.  In addition, ..." then "¶5. (C) COS ...": "¶15."
    reads as 5 only where 5 does not come next. Here it is the day, and paragraph 4 goes on."""
    cable = parse_one("html/09DOHA502.html")
    numbers = [paragraph.number for paragraph in cable.paragraphs]
    assert numbers == list(range(1, 17))
    assert "O/A August 15. In addition, BG General al-Malki" in cable.paragraphs[3].text
    assert cable.paragraphs[4].marking == "C" and cable.paragraphs[4].text.startswith("COS al-Attiyah")
    assert '"¶15." inside a sentence read as text' in cable.warnings


@pytest.mark.parametrize("relative", ["html/09DOHA502.html", "html/09BUENOSAIRES1235.html", "html/06SANJOSE2779.html"])
def test_a_copy_without_the_pages_pilcrows_keeps_those_numbers_in_their_sentences(relative: str) -> None:
    """The same text pasted without its pilcrows: "August" / "15.  In addition" is no paragraph 5
    either, when "5. (C)" comes next, and the number joins its sentence as on the page."""
    page = parse_one(relative)
    pasted = parse_text(_page_text_without_pilcrows(relative))
    assert [(p.number, p.text) for p in pasted.paragraphs] == [(p.number, p.text) for p in page.paragraphs]


def _page_text_without_pilcrows(relative: str) -> str:
    return extract_page(decode_bytes(corpus_file(relative).read_bytes())[0]).text.replace("\u00b6", "")


def test_a_number_under_a_heading_or_a_table_row_is_not_joined_to_it() -> None:
    """A stray number joins the line above only when that line is wrapped prose: not under
    "Article VI Privileges and Immunities" (08BOGOTA4083) nor a table's header (06BUENOSAIRES109)."""
    article = next(p.text for p in parse_one("html/08BOGOTA4083.html").paragraphs if "Article VI Privileges" in p.text)
    assert "Article VI Privileges and Immunities\n1. United States personnel" in article
    table = next(p.text for p in parse_one("html/06BUENOSAIRES109.html").paragraphs if "OVERDUE" in p.text)
    assert "OVERDUE\n1. PSS" in table


@pytest.mark.parametrize(
    ("relative", "signers"),
    [
        ("html/07ROME877.html", ["Spogli"]),  # in mixed case under "END COMMENT.", a lone quote after it
        ("html/08CAIRO9.html", ["Ricciardone"]),
        ("html/04AMMAN1288.html", ["GNEHM"]),  # under the post's website line ("... home page/")
        ("html/05DUBLIN286.html", ["KENNY"]),  # under a sentence closing with a curly quote
        ("html/06REYKJAVIK107.html", ["VAN VOORST"]),  # "VAN VOORST" then "van Voorst": one signer
        ("html/09PRAGUE260.html", ["Thompson-Jones"]),
        ("html/08LONDON1837.html", ["LeBaron"]),  # under a website line, a capital inside the name
        ("html/08LONDON2261.html", ["LEBARON"]),  # under "Classified Website: XXXXXXXXXXXX"
        ("html/08LONDON1115.html", ["LEBARON"]),  # glued to a website address broken by a space
        ("html/08MANAMA165.html", ["ERELI"]),  # glued after a rule of asterisks
        ("html/08BOGOTA2506.html", ["BROWNFIELD"]),  # every line ends in a backslash
        ("html/08BOGOTA4083.html", ["BROWNFIELD"]),  # under "End of official translation."
        ("html/06REYKJAVIK125.html", ["van Voorst"]),  # in mixed case alone, its particle lower case
        ("html/09HAVANA221.html", ["FARRAR"]),  # under "End Comment", which has no full stop
        ("html/07TRIPOLI1053.html", ["STEVENS"]),  # glued, then a database row's "0 12/18/2007"
        ("html/08LONDON592.html", ["TUTTLE"]),  # under the website line, then "0 02/26/2008"
        ("html/08STATE23763.html", ["RICE"]),  # glued, then NNNN and the page's "End Cable Text"
        ("html/10STATE17263.html", ["CLINTON"]),  # in capitals under a list of participants in mixed case
        ("html/09STATE114151.html", ["CLINTON"]),  # under a form's "End Date: 6/29/2010"
        ("html/08MADRID418.html", ["AGUIRRE"]),  # under a translated letter's closing: "Banco Sabadell"
        ("html/07LAPAZ3153.html", ["GOLDBERG"]),  # under a sentence the page cut off: "push ahead"
        ("html/05TELAVIV45.html", ["kurtzer"]),  # in lower case, under the website line and a rule of asterisks
        ("html/07LONDON3175.html", ["tuttle"]),  # in lower case, under the website's address
        ("html/09LONDON2484.html", ["LeBaron"]),  # a full stop after it, under "Website: XXXXXXXXXXXX"
        ("html/07USUNNEWYORK1149.html", ["Khalilzad"]),  # glued to the website's address, a full stop after it
        ("html-2011-08/73TEHRAN7005.html", ["HELMS"]),  # then the review's stamp and "NNN"
        ("html/09BEIJING3128.html", ["HUNTSMAN"]),  # written twice, one under the other
        ("html/09MADRID673.html", ["CHACON"]),  # "CHACON ...": the page cut the cable off after it
        ("html/09TRIPOLI679.html", ["POLASCHIK"]),  # glued after a redaction: "... is xxxxxxxxxxxx POLASCHIK"
        ("html/01VATICAN5693.html", ["NICHOLSON"]),  # glued, then a copy's "2001VATICA05693 - Classification:" line
        ("html/09TRIPOLI632.html", ["CRETZ"]),  # glued after a quoted letter's date: "... July 30, 2009 CRETZ"
        ("html/09ANKARA1583.html", ["JEFFREY"]),  # alone above the website notice the page printed last
    ],
)
def test_signers_in_the_shapes_pages_print_them(relative: str, signers: list[str]) -> None:
    cable = parse_one(relative)
    assert cable.signers == signers
    assert not cable.paragraphs[-1].text.rstrip(" \\").endswith(signers[0])


def test_a_title_case_word_ending_a_sentence_is_not_a_signer() -> None:
    cable = parse_text(
        "UNCLASSIFIED\nSUBJECT: TEST\n\n1. (U) The delegation flew on to\nNicaragua.\n\n2. (U) Its last stop was\nManagua\n"
    )
    assert cable.signers == []


def test_the_end_cable_text_line_is_a_transmission_mark_not_text() -> None:
    cable = parse_one("html/10STATE17263.html")
    assert "End Cable Text" not in cable.paragraphs[-1].text


def test_a_line_in_capitals_under_capitals_or_a_title_case_word_under_an_open_sentence_is_not_a_signer() -> None:
    in_capitals = parse_text("UNCLASSIFIED\nSUBJECT: TEST\n\n1. (U) THE DELEGATION FLEW ON TO\nMANAGUA\n")
    mixed = parse_text("UNCLASSIFIED\nSUBJECT: TEST\n\n1. (U) The delegation flew on to\nManagua\n")
    lower_case = parse_text("UNCLASSIFIED\nSUBJECT: TEST\n\n1. (U) The delegation flew on.\n\nagain\n")
    assert in_capitals.signers == mixed.signers == lower_case.signers == []


def test_the_review_stamp_of_an_older_cable_is_taken_out_and_named_in_a_warning() -> None:
    cable = parse_one("html-2011-08/73TEHRAN7005.html")
    stamp = "Declassified/Released US Department of State EO Systematic Review 30 JUN 2005"
    assert f"2 declassification review stamp(s) removed: {stamp}" in cable.warnings
    assert not any("Declassified" in paragraph.text or "NNN" in paragraph.text for paragraph in cable.paragraphs)
    assert not any("not understood" in warning for warning in cable.warnings)
    assert cable.eo_line == "E.O. 11652: N/A" and cable.tags == ["PINS", "IR"]


def test_a_line_under_an_end_mark_that_is_not_a_name_is_not_a_signer() -> None:
    cable = parse_text("UNCLASSIFIED\nSUBJECT: TEST\n\n1. (U) Text. End Comment\nthe talks went on\n")
    assert cable.signers == []


def test_a_redacted_website_is_not_a_signer() -> None:
    cable = parse_text("UNCLASSIFIED\nSUBJECT: TEST\n\n1. (U) Text.\nVisit London's Classified Website: XXXXXXXXXXXX\n")
    assert cable.signers == []


@pytest.mark.parametrize(
    ("relative", "subject", "tags"),
    [
        # seven office lines (WHA/CEN, EB FOR ..., STATE PASS TO ...) before the E.O. line
        ("html/05SANJOSE2090.html", "STATUS OF FISCAL REFORM", ["ETRD", "ECPS", "ECON", "PREL", "PGOV", "SOCI", "CS"]),
        # a repeat: "THE FOLLOWING ... IS BEING REPEATED ... QUOTE:" then the quoted cable's fields
        ("html/08STATE125686.html", "COLD FRONT AFFECTING CARIBBEAN COAST OF COSTA RICA AND PANAMA: DECLARATION OF DISASTER", None),
        # a redacted line between REF and Classified By
        ("html/10BEIJING207.html", "GOOGLE UPDATE: PRC ROLE IN ATTACKS AND RESPONSE STRATEGY", ["ECON", "PGOV", "PHUM", "PREL", "EINV", "CH"]),
    ],
)
def test_front_matter_after_long_distribution_lists_and_around_redactions(
    relative: str, subject: str, tags: list[str] | None
) -> None:
    cable = parse_one(relative)
    assert cable.subject == subject
    if tags:
        assert list(cable.tags) == tags
    assert cable.paragraphs[0].number == 1


@pytest.mark.parametrize(
    ("relative", "tags", "banner"),
    [
        ("html/05ANKARA82.html", ["MOPS", "PTER", "PREL", "PREF", "IZ", "TU", "EUN", "AM", "CY", "RS"], "S E C R E T ANKARA 000082"),
        ("html/08OSLO458.html", ["MOPS", "PREL", "PHUM", "OSCE", "GG", "NO"], "C O N F I D E N T I A L OSLO 000458"),
    ],
)
def test_a_cut_off_preview_replaced_by_a_flattened_copy_keeps_the_copy_s_fields(
    relative: str, tags: list[str], banner: str
) -> None:
    """A page shows the cable cut off ("...") and then whole, flattened: the copy's banner line
    runs on into E.O. and TAGS, which are read, and the banner is the part before them."""
    cable = parse_one(relative)
    assert list(cable.tags) == tags
    assert cable.eo_line and cable.eo_line.startswith("E.O. 12958: DECL:")
    assert cable.declassify_on is not None
    assert cable.banner == banner


@pytest.mark.parametrize(
    ("relative", "references", "tags"),
    [
        # "REF: A. CAIRO 181|09CAIRO257 VZCZCXRO5203OO RUEHROVDE ..." then the flattened copy
        (
            "html/09CAIRO290.html",
            [("A", "CAIRO 181"), ("B", "CAIRO 257"), ("C", "CAIRO 161"), ("D", "2008 CAIRO 2480")],
            ["PREL", "PARM", "MASS", "MOPS", "PTER", "ASEC", "KPAL", "IS", "EG"],
        ),
        # "REF: 08TRIPOLI993 P 171259Z JUN 09FM AMEMBASSY TRIPOLITO ..." then a copy without its subject
        ("html/09TRIPOLI483.html", [(None, "08TRIPOLI993")], ["PHUM", "PGOV", "PREL", "LY"]),
    ],
)
def test_a_preview_cut_off_by_the_rest_of_its_database_row_is_replaced_by_the_copy(
    relative: str, references: list[tuple[str | None, str]], tags: list[str]
) -> None:
    """No "..." marks the cut: the row's cited ids and its header, line breaks lost, run on after
    the preview's last words. The header's words are no reference, and "TAGS:" is no tag."""
    cable = parse_one(relative)
    assert [(r.label, r.text) for r in cable.references] == references
    assert all(r.reference_id for r in cable.references)
    assert list(cable.tags_as_written) == tags
    assert "a cut-off preview of the cable was replaced by its full text" in cable.warnings
    assert cable.subject and cable.subject.startswith(("SMUGGLING TUNNEL", "QADHAFI DEVELOPMENT"))


def test_a_pasted_database_row_gives_its_header_and_its_text_apart() -> None:
    """A page with the release's tab-separated row pasted in: the tab after the header field
    starts the text, so the banner, TO/INFO, E.O., TAGS, subject and references are all read."""
    cable = parse_one("html/09TRIPOLI763.html")
    assert cable.banner == "S E C R E T SECTION 01 OF 02 TRIPOLI 000763"
    assert [recipient.name for recipient in cable.to] == ["SECSTATE WASHDC"]
    assert list(cable.tags) == ["PREL", "PHUM", "CASC", "LY", "SZ"]
    assert cable.subject == "UPDATE ON LIBYAN-SWISS CRISIS: SWISS CITIZENS BACK IN LIBYAN CUSTODY"
    assert [reference.reference_id for reference in cable.references] == ["09TRIPOLI714", "09BERN387"]
    assert cable.created is not None and (cable.created.hour, cable.created.minute) == (16, 23)
    assert cable.paragraphs[0].number == 1


@pytest.mark.parametrize(
    ("relative", "opening"),
    [
        ("html/06BOGOTA1970.html", "Post has confirmed the location"),  # "(SUMMARY):"
        ("html/07PARIS4357.html", "The Nicolas Sarkozy who arrives"),  # "Introduction and Summary:"
        ("html/07SANTIAGO1164.html", "President Bachelet, FM Foxley"),  # "------ Summary -------" alone
        ("html/09TRIPOLI223.html", "Secretary of the General People's Committee"),  # "(C ) Summary:"
        ("text/09PARIS1007.txt", "Mubarak and Sarkozy reportedly"),  # " Summary:" after the marking
        ("html/09DOHA502.html", "During their July 20-21 visit"),  # "(C) SUMMARY" as the heading
        ("html/10STATE17263.html", "A U.S. interagency team"),  # "(U) Summary" as the heading
        ("html/08STATE98975.html", "Getting China to aggressively"),  # "SUMMARY/BACKGROUND" as the heading
    ],
)
def test_summaries_in_more_shapes(relative: str, opening: str) -> None:
    cable = parse_one(relative)
    assert cable.summary is not None and cable.summary.startswith(opening)


def test_a_marking_with_a_space_before_its_parenthesis() -> None:
    """"(C ) Regarding ..." is paragraph 3 marked (C), not an unmarked paragraph."""
    cable = parse_one("html/08TRIPOLI942.html")
    third = next(paragraph for paragraph in cable.paragraphs if paragraph.number == 3)
    assert third.marking == "C"
    assert third.text.startswith("Regarding")


@pytest.mark.parametrize(
    ("relative", "classified_by", "reference"),
    [
        ("html/07THEHAGUE1364.html", "CDA Michael Gallagher", "07THEHAGUE1340"),
        ("html/07THEHAGUE1729.html", "Ambassador Roland Arnall", "07THEHAGUE1625"),  # the origin field wraps
    ],
)
def test_a_cut_off_preview_then_the_release_row_printed_over_lines(relative: str, classified_by: str, reference: str) -> None:
    """A page shows the cable cut off ("...") and then the release's CSV row printed over many
    lines (header again, then the whole text): the row is unpacked and the whole copy is read."""
    cable = parse_one(relative)
    assert "a pasted database row (CSV) was unpacked" in cable.warnings
    assert "a cut-off preview of the cable was replaced by its full text" in cable.warnings
    assert cable.classified_by == classified_by
    assert [r.reference_id for r in cable.references] == [reference]
    assert cable.paragraphs[0].number == 1


def test_unnumbered_marked_paragraphs_stand_apart() -> None:
    """Paragraphs without numbers, each opening with its marking after a blank line, are one
    paragraph each with its marking; a marked line inside a numbered paragraph stays in it."""
    text = (
        "C O N F I D E N T I A L STATE 000123\n\nSUBJECT: TEST\n\n(C) First paragraph.\n\n(SBU) Second paragraph\n"
        "goes on.\n\n1. (C) A numbered one.\n\n(U) Quoted inside it.\n\nRICE\n"
    )
    cable = parse_bytes(text.encode(), "cable.txt")
    assert isinstance(cable, Cable)
    assert [(p.number, p.marking, p.text) for p in cable.paragraphs] == [
        (None, "C", "First paragraph."),
        (None, "SBU", "Second paragraph goes on."),
        (1, "C", "A numbered one.\n\n(U) Quoted inside it."),
    ]


def test_a_note_on_its_own_line_under_the_ref_lines_ends_them() -> None:
    """09LONDON2617's note on a line of its own, right under the last REF line, is text as well."""
    text = (
        "UNCLAS SECTION 03 OF 03 LONDON 002617\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PARM KNNP UK\n"
        "SUBJECT: P5 CONFERENCE, PART THREE\n\nREF: A. LONDON 2198\n     B. LONDON 2199\n"
        "NOTE: FOR TECHNICAL REASONS, THIS CABLE IS BEING TRANSMITTED IN\nTHREE PARTS.\n\n"
        "74. (SBU) Under Secretary Tauscher stated she was grateful.\n\nSUSMAN\n"
    )
    cable = parse_text(text)
    assert [r.text for r in cable.references] == ["LONDON 2198", "LONDON 2199"]
    assert cable.paragraphs[0].text == "NOTE: FOR TECHNICAL REASONS, THIS CABLE IS BEING TRANSMITTED IN THREE PARTS."
    assert cable.paragraphs[1].number == 74


@pytest.mark.parametrize("field", ["DECL: 07/24/2019 1.4(B),(D)", "DECL: 1.4 (B) AND (D) 07/24/2019", "DECL: 07/24/19 (per 1.4 b, d)"])
def test_a_declassification_date_with_the_reasons_beside_it(field: str) -> None:
    """09PARIS1007's E.O. line with the reasons written beside its date: the one date in the field."""
    raw = corpus_file("text/09PARIS1007.txt").read_bytes().decode("latin-1").replace("\r", "")
    assert "E.O. 12958: DECL: 07/24/2019 \n" in raw
    cable = parse_text(raw.replace("E.O. 12958: DECL: 07/24/2019 \n", f"E.O. 12958: {field}\n"))
    assert (cable.eo, cable.declassify_on) == ("12958", date(2019, 7, 24))


def test_a_flattened_e_o_label_typed_with_a_zero_starts_its_field() -> None:
    """The same typo on a flattened page: the banner's line runs on into "E.0. 12958: DECL: ..."."""
    cable = parse_text(
        "C O N F I D E N T I A L BERLIN 001626 SIPDIS E.0. 12958: DECL: 12/29/2019 TAGS: PREL GM "
        "SUBJECT: A TEST OF THE LABEL\n\n1. (C) Text.\n"
    )
    assert (cable.eo, cable.declassify_on) == ("12958", date(2019, 12, 29))
    assert cable.tags == ["PREL", "GM"] and cable.subject == "A TEST OF THE LABEL"


@pytest.mark.parametrize(
    ("line", "captions"),
    [
        ("SENSITVE, SIPDIS", ["SENSITIVE", "SIPDIS"]),  # a letter left out
        ("SIPIDS", ["SIPDIS"]),  # two letters swapped
        ("NOFORRN", ["NOFORN"]),  # one added
        ("EXDIS", ["EXDIS"]),
        ("SUMMARY", None),  # a word, not a slip: shorter captions and other words are read as written
        ("EXDUS", None),
        ("LIMITS", None),
        ("FROM THE AMBASSADOR", None),
    ],
)
def test_captions_are_read_through_one_typing_slip(line: str, captions: list[str] | None) -> None:
    assert caption_words(line) == captions


def test_a_media_reactions_perishable_information_caption() -> None:
    """09BERLIN1626's '"PERISHABLE INFORMATION -- DO NOT SERVICE"' under its SIPDIS, in quotes: a
    caption with its note, not a front-matter line the parser did not understand."""
    berlin = parse_one("html/09BERLIN1626.html")
    assert berlin.captions == ["PERISHABLE INFORMATION", "SIPDIS"]
    assert not [w for w in berlin.warnings if "not understood" in w]
    assert caption_words('"SIPDIS"') == ["SIPDIS"] and caption_words("THE INFORMATION") is None
    assert caption_words('"",') is None and caption_words(",") is None  # no caption at all is no caption line


def test_a_flattened_classified_by_statement_that_cites_the_order_keeps_its_reasons() -> None:
    text = (
        "C O N F I D E N T I A L PARIS 001234 SIPDIS E.O. 12958: DECL: 01/01/2018 TAGS: PREL SUBJECT: A FLATTENED PAGE"
        " Classified By: Political Officer Joe Pink, E.O. 12958, reasons 1.4(b) and (d). 1. (C) Text here, long enough"
        " to be a paragraph. 2. (C) More text."
    )
    cable = parse_text(text)
    assert (cable.classified_by, cable.reasons) == ("Political Officer Joe Pink", ["1.4(b)", "1.4(d)"])
    assert cable.eo_line == "E.O. 12958: DECL: 01/01/2018" and [p.number for p in cable.paragraphs] == [1, 2]


@pytest.mark.parametrize(
    "statement",
    [
        "Classified By: EAP Acting DAS John Norris, Reasons: E.O. 12958 1.4 (b) (d)",  # the order before the reasons
        "Classified By: EAP Acting DAS John Norris, Reasons 1.4 (b)and(d)",  # the letters glued to "and"
    ],
)
def test_reasons_in_other_shapes_of_08state93558_s_statement(statement: str) -> None:
    path = corpus_file("html/08STATE93558.html")
    page_text = extract_page(decode_bytes(path.read_bytes())[0]).text
    written = "Classified By: EAP Acting DAS John Norris, E.O. 12958 Reasons 1.4 (b), (d)"
    assert written in page_text
    cable = parse_text(page_text.replace(written, statement))
    assert (cable.classified_by, cable.reasons) == ("EAP Acting DAS John Norris", ["1.4(b)", "1.4(d)"])
    assert cable.eo_line == "E.O. 12958: DECL: 09/02/2033"


def test_the_break_after_a_telegram_s_addressees_is_no_addressee() -> None:
    """Older telegrams end their header with "BT" (break) before the text."""
    cable = parse_text(
        "O 201405Z DEC 89\nFM SECSTATE WASHDC\nTO AMEMBASSY MOSCOW IMMEDIATE 1234\nINFO AMCONSUL LENINGRAD\nBT\n"
        "UNCLAS STATE 401234\n\nE.O. 12356: N/A\nTAGS: PREL, UR\nSUBJECT: A TELEGRAM\n\n1. TEXT OF THE TELEGRAM.\n\nBAKER\nBT\n#1234\nNNNN\n"
    )
    assert [r.name for r in cable.to] == ["AMEMBASSY MOSCOW"] and [r.name for r in cable.info] == ["AMCONSUL LENINGRAD"]
    assert cable.signers == ["BAKER"] and cable.paragraphs[-1].text == "TEXT OF THE TELEGRAM."


@pytest.mark.parametrize(
    ("banner", "controls"),
    [
        ("CONFIDENTIAL//REL TO USA, AUS PARIS 001234", ["REL TO"]),
        ("SECRET//REL TO USA, ISAF, NATO PARIS 001234", ["REL TO"]),
        ("UNCLASSIFIED//FOR OFFICIAL USE ONLY PARIS 001234", ["FOUO"]),
        ("SECRET//NOFORN PARIS 001234", ["NOFORN"]),
    ],
)
def test_a_banner_s_controls_of_several_words_are_not_its_station(banner: str, controls: list[str]) -> None:
    """"//FOR OFFICIAL USE ONLY" had made the id 08OFFICIALUSEONLYPARIS1234; a "REL TO" list, no id."""
    cable = parse_text(f"R 151515Z MAR 08\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC 1234\n\n{banner}\n\nSUBJECT: TEST\n\n1. Text.\n")
    assert (cable.reference_id, cable.controls) == ("08PARIS1234", controls)


def test_a_letter_spaced_top_secret_banner() -> None:
    """"T O P S E C R E T PARIS 001234" was no banner: no reference id, the level only guessed."""
    cable = parse_text("R 151515Z MAR 08\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC 1234\n\nT O P S E C R E T PARIS 001234\n\nSUBJECT: X\n\n1. (TS) Text.\n")
    assert (cable.reference_id, cable.classification) == ("08PARIS1234", "TOP SECRET")


def test_a_list_item_over_an_underlined_heading_stays_in_its_paragraph() -> None:
    cable = parse_text("UNCLAS PARIS 001234\n\nSUBJECT: X\n\n1. (U) Text:\n\n- Item one\nHeading Here\n------------\n\n2. (U) More.\n")
    assert [(p.number, p.heading) for p in cable.paragraphs] == [(1, None), (2, "Heading Here")]
    assert cable.paragraphs[0].text.endswith("- Item one")


def test_a_date_time_group_with_a_hyphenated_handling_code_keeps_its_precedence() -> None:
    cable = parse_text("O 151515Z MAR 08 ZFF-4\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC 1234\n\nUNCLAS PARIS 001234\n\nSUBJECT: X\n\n1. (U) Text.\n")
    assert (cable.dtg, cable.precedence) == ("151515Z MAR 08", "IMMEDIATE")


@pytest.mark.parametrize("relative", ["text/06NEWDELHI5138.txt", "text/09PARIS1007.txt"])
def test_a_cable_quoted_in_an_e_mail_reads_as_the_cable(relative: str) -> None:
    """A raw cable forwarded in an e-mail: "On ..., ... wrote:", then every line quoted ("> ")."""
    plain = parse_one(relative)
    text, _encoding = decode_bytes(corpus_file(relative).read_bytes())
    quoted = "On Mon, 29 Nov 2010, a colleague wrote:\n" + "\n".join("> " + line for line in text.splitlines())
    cable = parse_text(quoted)
    assert 'the quotation marks of an e-mail (">") were taken off its lines' in cable.warnings
    assert (cable.reference_id, cable.classification, cable.subject) == (plain.reference_id, plain.classification, plain.subject)
    assert [r.name for r in cable.to] == [r.name for r in plain.to] and cable.signers == plain.signers
    assert [(p.number, p.marking, p.text) for p in cable.paragraphs if p.number] == [
        (p.number, p.marking, p.text) for p in plain.paragraphs if p.number
    ]


def test_a_markdown_copy_s_heading_in_capitals_loses_its_marks() -> None:
    text = "UNCLAS PARIS 001234\n\nSUBJECT: X\n\n1. (U) Text here.\n\n## OTHER MATTERS\n\n2. (U) More.\n\n**THE REACTION**\n\n3. (U) Again.\n"
    cable = parse_text(text)
    assert [(p.number, p.heading) for p in cable.paragraphs] == [(1, None), (2, "OTHER MATTERS"), (3, "THE REACTION")]
