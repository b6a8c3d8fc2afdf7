"""Fields and artefacts on real cables of every form in ../shared/corpus."""

from __future__ import annotations

from datetime import UTC, date, datetime

from reader.model import Recipient, Reference
from tests.conftest import corpus_cable

parse_one = corpus_cable


def test_raw_text_with_crlf_and_latin1_pilcrow() -> None:
    cable = parse_one("text/06NEWDELHI5138.txt")
    assert cable.source.format == "text"
    assert cable.source.encoding == "iso-8859-1"
    assert cable.reference_id == "06NEWDELHI5138"
    assert cable.precedence == "IMMEDIATE"
    assert cable.transmission_id == "VZCZCXRO7384"
    assert cable.routing is not None and cable.routing.serial == "5138"
    assert cable.section is not None and (cable.section.index, cable.section.total) == (1, 3)
    assert cable.to == [Recipient("SECSTATE WASHDC", "RUEHC", "IMMEDIATE", "6831")]
    assert len(cable.info) == 23
    assert cable.info[0] == Recipient("AMEMBASSY BEIJING", "RUEHBJ", None, "3090")
    assert Recipient("CIA WASHDC", "RUEAIIA") in cable.info
    assert all("\r" not in p.text for p in cable.paragraphs)
    assert cable.signers == ["PYATT"]


def test_two_to_addressees_and_collectives() -> None:
    cable = parse_one("text/09PARIS1007.txt")
    assert cable.to == [
        Recipient("WHITE HOUSE NSC WASHINGTON DC", "RHEHNSC", "IMMEDIATE", None),
        Recipient("SECSTATE WASHDC", "RUEHC", "IMMEDIATE", "6830"),
    ]
    assert cable.info[0] == Recipient("ARAB ISRAELI COLLECTIVE", "RUEHXK", "PRIORITY", None)
    assert cable.classified_by == "POL M/C Kathleen Allegrone"
    assert cable.reasons == ["1.4(b)", "1.4(d)"]
    assert [p.marking for p in cable.paragraphs[:3]] == ["C", "C", "C"]


def test_headings_are_kept_with_the_paragraph_they_open() -> None:
    cable = parse_one("text/06NEWDELHI5237.txt")
    by_number = {p.number: p for p in cable.paragraphs}
    assert by_number[4].heading == "Indian-Iranian Energy Deals Ready to go up in Smoke"
    assert by_number[6].heading == "India's IAEA Stance Effecting Energy Deals"
    assert "---" not in by_number[5].text
    # "on July\n¶24. Khobargade": a stray pilcrow inside a sentence is not paragraph 24.
    assert 24 not in by_number
    assert '"¶24." inside a sentence read as text' in cable.warnings
    assert cable.references == [Reference(None, "SECSTATE 119436", "06STATE119436")]


def test_page_with_dump_noforn_and_old_reason_code() -> None:
    cable = parse_one("html/02BOGOTA3281.html")
    assert cable.source.format == "html"
    assert cable.reference_id == "02BOGOTA3281"
    assert cable.created == datetime(2002, 4, 11, 20, 44, tzinfo=UTC)
    assert cable.classification == "SECRET"
    assert cable.controls == ["NOFORN"]
    assert cable.classified_by == "AMBASSADOR ANNE W. PATTERSON"
    assert cable.reasons == ["1.5(b)", "1.5(d)"]
    assert [p.marking for p in cable.paragraphs[:2]] == ["S/NF", "C"]
    assert [p.level for p in cable.paragraphs[:2]] == ["SECRET", "CONFIDENTIAL"]
    # The "id: / date: / ... header ends" dump is not read as a second header.
    assert len(cable.info) == 10
    assert cable.metadata is not None and cable.metadata.origin == "Embassy Bogota"
    assert cable.warnings == ["2 copy footer line(s) removed"]  # "> " and "=====CABLE ENDS====="


def test_partial_extract_with_old_telegram_page_breaks() -> None:
    cable = parse_one("html/00HARARE6677.html")
    assert cable.partial is True
    assert cable.subject == "ASSISTANT SECRETARY MEETS WITH ZIMBABWE OPPOSITION LEADER"
    assert cable.references == [Reference(None, "HARARE 6584", "00HARARE6584")]
    assert cable.eo_line == "EO 12958 DECL: 11/29/10"
    assert cable.declassify_on == date(2010, 11, 29)
    assert cable.for_ == "NSC FOR SENIOR AFRICA DIRECTOR GAYLE SMITH\nLONDON FOR CHARLES GURNEY\nPARIS FOR BISA WILLIAMS"
    assert any("page-break" in w for w in cable.warnings)
    assert not any("PAGE 0" in p.text for p in cable.paragraphs)


def test_1972_cable_with_colon_separated_references() -> None:
    cable = parse_one("html-2011-08/72TEHRAN1164.html")
    assert cable.created == datetime(1972, 2, 25, 9, 30, tzinfo=UTC)
    assert cable.reference_id == "72TEHRAN1164"
    assert [r.reference_id for r in cable.references] == ["72TEHRAN1091", "72TEHRAN263", "72MOSCOW1603"]
    assert cable.declassify_on is None
    assert cable.eo_line == "E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006"
    assert cable.summary is not None and cable.summary.startswith("GENERAL AZIMI, MINISTER OF WAR")
    assert cable.paragraphs[0].number is None  # text before paragraph 1 is kept, unnumbered
    assert [p.number for p in cable.paragraphs[1:]] == list(range(1, 9))
    assert cable.signers == ["HECK"]


def test_lettered_references_and_a_non_cable_reference() -> None:
    cable = parse_one("html-2010/06DUBLIN1020.html")
    assert cable.references == [
        Reference("A", "DUBLIN 891", "06DUBLIN891"),
        Reference("B", "DUBLIN 709", "06DUBLIN709"),
        Reference("C", "USDAO DUBLIN EI U-0011-06", None),
    ]


def test_body_only_page_takes_missing_fields_from_metadata_and_says_so() -> None:
    cable = parse_one("html/05TELAVIV45.html")
    assert cable.partial is True
    assert cable.from_ is None
    assert cable.reference_id == "05TELAVIV45"
    assert cable.origin == "Embassy Tel Aviv"
    assert "origin taken from the page metadata" in cable.warnings
    assert "reference id year taken from the page metadata" in cable.warnings


def test_page_and_text_disagreeing_keeps_both_and_warns() -> None:
    cable = parse_one("html/09EFTOLONDON2187.html")
    assert cable.reference_id == "09LONDON2187"
    assert cable.metadata is not None and cable.metadata.reference_id == "09EFTOLONDON2187"
    assert "page says reference id 09EFTOLONDON2187, cable text says 09LONDON2187" in cable.warnings
    assert cable.controls == ["SBU", "NOFORN"]


def test_flattened_cable_gets_its_structure_back() -> None:
    cable = parse_one("html/09TALLINN325.html")
    assert cable.subject == "Estonia Opposes Nord Stream Pipeline"
    assert cable.tags == ["ENRG", "PREL", "SENV", "RS", "EN"]
    assert cable.declassify_on == date(2019, 11, 6)
    assert cable.classified_by == "Marc Nordberg, Political/Economic Chief"
    assert [p.number for p in cable.paragraphs][:4] == [1, 2, 3, 4]
    assert cable.paragraphs[2].heading == "Environment the Main Concern"
    assert cable.classification == "CONFIDENTIAL"


def test_release_page_markers_are_removed() -> None:
    cable = parse_one("html/06SKOPJE105.html")
    assert any("page marker" in w for w in cable.warnings)
    assert not any("00000105" in p.text for p in cable.paragraphs)


def test_page_markers_after_a_full_stop_or_a_rule_are_removed_too() -> None:
    for relative, marker in [
        ("html/09CAIRO2129.html", "CAIRO 00002129"),  # "... cleared this cable. CAIRO 00002129 003 OF 003 Scobey"
        ("html/09CAIRO999.html", "CAIRO 00000999"),
        ("html/08MOSCOW2671.html", "MOSCOW 00002671"),  # "... in the cards. ------- MOSCOW 00002671 003 OF 003"
        ("html/08STATE85725.html", "STATE 00085725"),
        ("html/06SAOPAULO428.html", "00000428 003 OF 003"),  # "... PARTY ALIGNMENTS SAO PAULO" / "" / "00000428 003 OF 003"
    ]:
        cable = parse_one(relative)
        assert not any(marker in p.text or marker in (p.heading or "") for p in cable.paragraphs), relative
    assert parse_one("html/09CAIRO2129.html").signers == ["Scobey"]
    # The paragraph that came after the marker on its line opens as it should.
    assert [p.number for p in parse_one("html/09TALLINN325.html").paragraphs][:7] == [1, 2, 3, 4, 5, 6, 7]


def test_a_page_marker_takes_its_station_and_not_the_words_in_capitals_before_it() -> None:
    # "SUBJECT: SENIOR LIBYAN JUSTICE OFFICIAL: LESS TALK, MORE ACTION IS BEST TRIPOLI 00000078 001.2 OF 002"
    assert parse_one("html/10TRIPOLI78.html").subject == "SENIOR LIBYAN JUSTICE OFFICIAL: LESS TALK, MORE ACTION IS BEST"
    assert parse_one("html/08LONDON2542.html").subject == "PM BROWN DOES THE UNEXPECTED IN ADDRESSING ECONOMIC PROBLEMS"
    assert parse_one("html/09TRIPOLI559.html").subject == "AU SUMMIT: A/S CARSON'S MEETING WITH DJIBOUTIAN FOREIGN MINISTER YOUSSOUF"
    # The words before the marker stay whole: here a heading, of the paragraph under it.
    assert "OPENING REMARKS REPEAT PREVIOUS THEMES" in [p.heading for p in parse_one("html/09TRIPOLI715.html").paragraphs]


def test_a_tab_separated_row_that_opens_with_its_number_is_unpacked() -> None:
    # "161824<TAB>2008-07-11 22:33:00<TAB>08BOGOTA2506<TAB>Embassy Bogota<TAB>CONFIDENTIAL<TAB><TAB>VZCZCXYZ0000\"
    cable = parse_one("html/08BOGOTA2506.html")
    assert "a pasted database row (tab-separated) was unpacked" in cable.warnings
    assert cable.subject == "GOC ANNOUNCES END OF MEDIATORS, SEEKS DIRECT CONTACT WITH FARC"
    assert cable.declassify_on == date(2017, 8, 16)
    assert [r.name for r in cable.to] == ["SECSTATE WASHDC"]
    assert not any("\\" in p.text for p in cable.paragraphs)


def test_a_flattened_page_opens_a_paragraph_after_a_headings_rule() -> None:
    # "... Did Denmark and Finland Sell-Out? ------------------------------------------- 8. (C) Mihkelson ..."
    tallinn = parse_one("html/09TALLINN325.html")
    assert [p.number for p in tallinn.paragraphs] == list(range(1, 10))
    assert tallinn.paragraphs[7].heading == "Did Denmark and Finland Sell-Out?"
    baku = parse_one("html/08BAKU761.html")  # "... demand. End Summary BP Unsure of Extent of Damage to BTC ------"
    assert [p.number for p in baku.paragraphs] == list(range(1, 8))
    assert baku.paragraphs[1].heading == "BP Unsure of Extent of Damage to BTC"
    assert baku.paragraphs[0].text.endswith("demand. End Summary")
    # "HAITI --------- 1" then "¶0. (C) Zaluar ...": 10, its first digit split off; then "------ 11. (SBU)".
    brasilia = parse_one("html/04BRASILIA1291.html")
    assert [p.number for p in brasilia.paragraphs] == list(range(1, 19))
    assert 'paragraph "0." read as 10' in brasilia.warnings


def test_headings_lose_the_rules_a_flattened_page_ran_into_their_line() -> None:
    cable = parse_one("html/08MOSCOW2671.html")
    assert [p.heading for p in cable.paragraphs if p.heading] == [
        "SUMMARY",
        "BP SEES IPO AS KEY",
        "CHANGES TO TOP MANAGEMENT WEAKEN GOVERNANCE",  # boxed by rules a blank line away
        "EXPATS",
        "A GOOD DEAL, OR DID BP CAVE?",
        "WILL IT HOLD?",
        "COMMENT",
    ]
    cairo = parse_one("html/10CAIRO171.html")
    assert cairo.paragraphs[3].heading == "Radicals in Somalia Linked to Afghanistan and Yemen"
    # Boxed by rules on a flattened line, full stops inside: "------ Mixed Assessment of U.S. Efforts ------"
    assert cairo.paragraphs[7].heading == "Mixed Assessment of U.S. Efforts"
    assert parse_one("html/09CAIRO999.html").paragraphs[9].heading == "Strong, Unbiased U.S. Role Needed"


def test_headings_over_rules_that_end_in_tabs_or_are_as_short_as_the_heading() -> None:
    santiago = parse_one("html/05SANTIAGO2541.html")  # "January 15 Run-Off: Bachelet vs. Pinera \t\t\t\t\t" / "------- \t\t\t\t\t"
    assert [p.heading for p in santiago.paragraphs if p.heading][:3] == [
        "Summary",
        "January 15 Run-Off: Bachelet vs. Pinera",
        "Pinera: Out of the Gate First",
    ]
    assert parse_one("html/04BRASILIA1291.html").paragraphs[3].heading == "ACSA"  # "ACSA ----"
    assert not any(p.text.endswith("-----") for p in santiago.paragraphs)


def test_a_ref_label_pasted_twice_is_read_once() -> None:
    cable = parse_one("html/09CAIRO2404.html")
    assert [(r.label, r.text, r.reference_id) for r in cable.references[:3]] == [
        ("A", "STATE 55370", "09STATE55370"),
        ("B", "CAIRO 2361", "09CAIRO2361"),
        ("C", "CAIRO 2348", "09CAIRO2348"),
    ]
    assert cable.references[3].reference_id is None  # e-mails are not cables
    assert cable.classified_by == "Minister Counselor for Economic and Polit ical Affairs Donald A. Blome"


def test_references_in_the_forms_cables_write_them() -> None:
    assert [r.reference_id for r in parse_one("html/05NAIROBI4559.html").references] == [
        "04STATE206331",  # "A. A) 04 SECSTATE 206331": the page's label, the cable's label, a year, SECSTATE
        "05NAIROBI4428",
        "05NAIROBI4462",
    ]
    assert [r.reference_id for r in parse_one("html/09KABUL3963.html").references][1] == "09THEHAGUE731"
    assert [r.reference_id for r in parse_one("html/09VATICAN11.html").references] == ["09VATICAN10", "09ROME58", "09VATICAN9"]
    assert "09PORTOFSPAIN482" in [r.reference_id for r in parse_one("html/09LONDON2819.html").references]
    assert "08BOGOTA3888" in [r.reference_id for r in parse_one("html/09BOGOTA569.html").references]


def test_a_cut_off_preview_before_the_dump_gives_way_to_the_full_body() -> None:
    cable = parse_one("html/09BOGOTA3585.html")
    assert cable.classified_by == "Brian A. Nichols, Deputy Chief of Mission"  # not the preview's "Brian A. Nicho..."
    assert cable.reasons == ["1.4(b)", "1.4(d)"]  # "REASON:\n1.4(B), (D)": not a paragraph "1."
    assert [p.number for p in cable.paragraphs][:2] == [1, 2]
    assert cable.paragraphs[0].heading == "Summary"


def test_a_shorter_repeat_after_a_cut_off_preview_is_dropped() -> None:
    # The page shows the cable up to "CLASSIFI..." and then only its banner and TAGS again.
    cable = parse_one("html/08STATE87210.html")
    assert "a repeated, shorter copy of the cable's start was dropped" in cable.warnings
    assert cable.subject == "TFGG01: GEORGIA TASK FORCE SITUATION REPORT NO. 11"
    assert not any("S E C R E T" in p.text for p in cable.paragraphs)


def test_a_flattened_1975_cable_with_the_year_in_its_banner() -> None:
    cable = parse_one("html-2011-08/7575LIBREVILLE1895.html")
    assert cable.reference_id == "75LIBREVILLE1895"
    assert cable.from_ == "AMEMBASSY LIBREVILLE"
    assert [r.name for r in cable.info] == ["AMEMBASSY PARIS", "AMEMBASSY SEOUL"]
    assert cable.subject == "KOREA AT 30TH UNGA: GABON"
    assert cable.paragraphs[0].number == 1


def test_a_handling_word_run_into_the_for_line_is_a_caption() -> None:
    """A flattened page runs "SIPDIS" (or "NOFORN SIPDIS") into the FOR line after it."""
    tallinn = parse_one("html/09TALLINN325.html")
    assert tallinn.for_.startswith("AMEMBASSY ANKARA PASS TO AMCONSUL ADANA\nAMEMBASSY ASTANA PASS TO USOFFICE ALMATY")
    assert "SIPDIS" in tallinn.captions
    tripoli = parse_one("html/09TRIPOLI876.html")
    assert (tripoli.for_, tripoli.captions[:2]) == ("DEPT FOR NEA/MAG", ["NOFORN", "SIPDIS"])
    london = parse_one("html/09LONDON2843.html")  # "SENSITIVE FOR DRL/MLGA...": an SBU cable, as its paragraphs say
    assert (london.for_, london.controls) == ("FOR DRL/MLGA, IO/HRR AND L/HRR", ["SBU"])
    assert {p.marking for p in london.paragraphs if p.marking} == {"SBU"}
    brasilia = parse_one("html/06BRASILIA1935.html")
    assert brasilia.for_ == "DEPT FOR GMANUEL AND JMIOTKE\nPLEASE PASS TO DOE SLADISLAW AND KFREDRIKSEN"


def test_an_office_that_is_also_a_caption_word_stays_in_the_for_line() -> None:
    from reader.parse.front_matter import _captions_before

    assert _captions_before("DEA FOR ADMINISTRATOR") == ([], "DEA FOR ADMINISTRATOR")
    assert _captions_before("CODEL PELOSI PASS TO CONTROL OFFICER") == ([], "CODEL PELOSI PASS TO CONTROL OFFICER")
    assert _captions_before("SIPDIS FOR") == ([], "SIPDIS FOR")  # what is left would be no FOR line
    assert _captions_before("nofORN sipdis DEPT FOR NEA/MAG") == (["NOFORN", "SIPDIS"], "DEPT FOR NEA/MAG")


def test_a_subject_only_the_cut_off_preview_carries_is_kept_cut_off() -> None:
    """07YEREVAN659's page shows a cut-off preview (its SUBJECT line ends the preview with "...")
    and then the full text, whose flattened front matter has no SUBJECT line. The full text wins,
    and the subject comes from the preview, said to be so, rather than being lost."""
    cable = parse_one("html/07YEREVAN659.html")
    assert "a cut-off preview of the cable was replaced by its full text" in cable.warnings
    assert cable.subject == "GLOBAL GOLD MINING: A YEAR OF..."
    assert "subject taken from the page's cut-off preview of the cable" in cable.warnings
    assert cable.tags == ["EINV", "ECON", "PGOV", "OPIC", "AM"] and cable.eo == "12958"
    assert [p.number for p in cable.paragraphs[:2]] == [1, 2] and cable.paragraphs[0].text.startswith("Global Gold Corporation")
    assert cable.paragraphs[0].heading == "SUMMARY"  # "SUMMARY" alone over paragraph 1


def test_a_pasted_release_row_whose_references_wrap_is_unpacked() -> None:
    """09THEHAGUE567's page pastes the release's CSV row over lines, its origin and its list of
    references both wrapped ("...|09THEHAGUE54" / "3|09THEHAGUE92,"): the row is unpacked, and the
    cable's own fields are read from the text after it."""
    cable = parse_one("html/09THEHAGUE567.html")
    assert "a pasted database row (CSV) was unpacked" in cable.warnings
    assert cable.classified_by == "Political-Economic Counselor Andrew Mann"
    assert [r.reference_id for r in cable.references] == ["09THEHAGUE543", "09THEHAGUE514", "09THEHAGUE419", "09THEHAGUE92"]
    assert cable.subject.endswith('"GETTING TO YES" STRATEGY FOR EXTENDING DUTCH DEPLOYMENT IN AFGHANISTAN POST-2010')
    assert (cable.paragraphs[0].number, cable.paragraphs[0].marking) == (1, "S/NF")
    assert cable.signers == ["LEVIN"]


def test_a_paragraph_number_written_twice_opens_a_paragraph_of_its_own() -> None:
    """09TRIPOLI795 numbers "¶2." then "2.(S)", "¶3." then "3.(S/NF)": each is a paragraph with
    its own marking, kept under the number the cable wrote."""
    cable = parse_one("html/09TRIPOLI795.html")
    assert [(p.number, p.marking) for p in cable.paragraphs[:6]] == [
        (1, "S/NF"),
        (2, None),
        (2, "S"),
        (3, "S"),
        (3, "S/NF"),
        (4, "S"),
    ]
    assert cable.paragraphs[2].text.startswith("During a September 30 meeting")


def test_the_last_line_before_a_boxed_heading_stays_in_its_paragraph() -> None:
    """"... passing" / "fiscal reform."" / "-----" / "ASSEMBLY VOTES ON PRIORITIES" / "-----": the rule
    over the heading opens a box; the line above it ends the paragraph and is no heading."""
    assert parse_one("html/05SANJOSE2090.html").paragraphs[5].text.endswith('by passing fiscal reform."')
    assert parse_one("html/09MOSCOW3051.html").paragraphs[5].text.endswith("no demand for additional gas in 2011.")
    harare = parse_one("html/00HARARE6677.html")  # a SIPDIS line between the heading and the rule under it
    assert harare.paragraphs[1].text.endswith("ISAAC MATONGO.")
    assert harare.paragraphs[2].heading == "TSVANGIRAI LOOKS INTO THE CRYSTAL BALL"


def test_a_paragraph_number_glued_to_its_first_word() -> None:
    """"1.KEY POINTS -- (C) ..." right under the Classified By line, "5.Washington appreciates ..."."""
    cairo = parse_one("html/09CAIRO2164.html")
    assert cairo.paragraphs[0].number == 1
    assert cairo.paragraphs[0].text.startswith("KEY POINTS -- (C) Human rights lawyers")
    assert cairo.classified_by == "Economic-Political Minister-Counselor Donald A. Blome"
    state = parse_one("html/09STATE39054.html")
    assert (state.paragraphs[-1].number, state.paragraphs[-1].text) == (5, "Washington appreciates Post's assistance.")


def test_another_cable_run_on_after_a_cut_off_preview_is_left_out_and_named() -> None:
    """73TEHRAN8233's page cuts the 1973 cable off ("... I ASKED TO ST...") and then prints, by the
    release's mistake, 08 THE HAGUE 174 whole: its paragraphs and its signer are not the Tehran cable's."""
    cable = parse_one("html-2011-08/73TEHRAN8233.html")
    assert cable.reference_id == "73TEHRAN8233"
    assert cable.signers == []
    assert [p.number for p in cable.paragraphs] == [1]
    assert cable.paragraphs[0].text.endswith("I ASKED TO ST...")
    assert any(w.endswith("left out: S E C R E T THE HAGUE 000174") for w in cable.warnings)


def test_the_text_run_onto_the_last_ref_line_is_the_cable_s_text() -> None:
    """08MANAMA305: "¶C. STATE 45792 (SBU) Post has undertaken ...": the whole text had been read
    as the third reference; it is an unnumbered paragraph marked (SBU), and HENZEL signed it."""
    cable = parse_one("html/08MANAMA305.html")
    assert [(r.label, r.text, r.reference_id) for r in cable.references] == [
        ("A", "STATE 51536", "08STATE51536"),
        ("B", "STATE 46997", "08STATE46997"),
        ("C", "STATE 45792", "08STATE45792"),
    ]
    (paragraph,) = cable.paragraphs
    assert (paragraph.number, paragraph.marking) == (None, "SBU")
    assert paragraph.text.startswith("Post has undertaken the following actions")
    assert cable.signers == ["HENZEL"]


def test_an_unnumbered_paragraph_takes_the_marking_it_opens_with() -> None:
    """A demarche's one unnumbered paragraph, "(S/NF) Political Minister Counselor ...", is coloured by its marking."""
    (paragraph,) = parse_one("html/10LONDON42.html").paragraphs
    assert (paragraph.number, paragraph.marking, paragraph.level) == (None, "S/NF", "SECRET")
    assert paragraph.text.startswith("Political Minister Counselor Greg Berry")


def test_a_note_after_the_ref_lines_is_the_cable_s_text() -> None:
    """09LONDON2617's flattened page: "B. LONDON 2199  NOTE:  FOR TECHNICAL REASONS, THIS CABLE IS
    BEING TRANSMITTED IN THREE PARTS. ..." had been read as the end of reference B."""
    cable = parse_one("html/09LONDON2617.html")
    assert [(r.label, r.text, r.reference_id) for r in cable.references] == [
        ("A", "LONDON 2198", "09LONDON2198"),
        ("B", "LONDON 2199", "09LONDON2199"),
    ]
    note, first = cable.paragraphs[:2]
    assert (note.number, note.text) == (
        None,
        "NOTE: FOR TECHNICAL REASONS, THIS CABLE IS BEING TRANSMITTED IN THREE PARTS. THIS IS PART THREE OF THREE. "
        "PARAGRAPH NUMBERS REFLECT FULL CABLE LENGTH.",
    )
    assert (first.number, first.heading) == (74, "Closing Remarks")



def test_a_pasted_row_is_read_without_the_next_cable_s_row() -> None:
    """04THEHAGUE1915's page shows the cable cut off, then its database row whole, then the row of
    04THEHAGUE1916. The next row's text had run into the signature, and the blank lines between the
    preview and the row had glued a quote to the banner, so the full text was not found."""
    cable = parse_one("html/04THEHAGUE1915.html")
    assert cable.subject == "SURVEILLANCE OF U.S. EMBASSY THE HAGUE 07/27/2004, ADDITIONAL INFORMATION"
    assert [(r.text, r.reference_id) for r in cable.references] == [("THE HAGUE 01903", "04THEHAGUE1903")]
    assert [(p.number, p.marking) for p in cable.paragraphs] == [
        (1, "S/NF"),
        (2, "C"),
        (3, "SBU"),
        (4, "SBU"),
        (5, "S/NF"),  # written "5, (S/NF)"
        (6, "SBU"),
        (7, "SBU"),
        (8, "SBU"),
    ]
    assert cable.paragraphs[-1].text.endswith("will supervise the investigation where ever it is centered.")
    assert cable.signers == ["SOBEL"]
    assert "the database row of another cable after this one's was left out: 04THEHAGUE1916" in cable.warnings


def test_an_e_o_line_typed_with_a_zero_is_read() -> None:
    """09BERLIN1626: "E.0. 12958: N/A" (a zero for the O) had been left as a line not understood."""
    for relative in ("html/09BERLIN1626.html", "html-2010/09BERLIN1626.html"):
        cable = parse_one(relative)
        assert (cable.eo, cable.eo_line) == ("12958", "E.0. 12958: N/A")
        assert not any("E.0." in warning for warning in cable.warnings)


def test_a_flattened_for_run_is_one_entry_a_line() -> None:
    """A flattened page runs the FOR lines into one: each office's entry is a line of its own again."""
    tallinn = parse_one("html/09TALLINN325.html")
    assert tallinn.for_.split("\n") == [
        "AMEMBASSY ANKARA PASS TO AMCONSUL ADANA",
        "AMEMBASSY ASTANA PASS TO USOFFICE ALMATY",
        "AMEMBASSY BERLIN PASS TO AMCONSUL DUSSELDORF",
        "AMEMBASSY BERLIN PASS TO AMCONSUL LEIPZIG",
        "AMEMBASSY BELGRADE PASS TO AMEMBASSY PODGORICA",
        "AMEMBASSY HELSINKI PASS TO AMCONSUL ST PETERSBURG",
        "AMEMBASSY ATHENS PASS TO AMCONSUL THESSALONIKI",
        "AMEMBASSY MOSCOW PASS TO AMCONSUL VLADIVOSTOK",
        "AMEMBASSY MOSCOW PASS TO AMCONSUL YEKATERINBURG",
    ]
    buenos_aires = parse_one("html/06BUENOSAIRES2215.html")
    assert buenos_aires.for_ == (
        "STATE FOR WHA TOM SHANNON, JOHN MAISTO, AND CHARLES SHAPIRO\nNSC FOR DAN FISK\nTREASURY FOR DAS NANCY LEE\nUSCINCSO FOR POLAD"
    )
    moscow = parse_one("html/09MOSCOW2353.html")  # "... GALLOGLY AND GREENSTEIN, S/EEE MORNINGSTAR DOE FOR ..."
    assert moscow.for_.split("\n")[1:] == ["DOE FOR HEGBURG, EKIMOFF", "DOC FOR JBROUGHER", "NSC FOR MMCFAUL, JELLISON"]


def test_a_header_printed_again_after_the_end_of_text_is_not_the_text() -> None:
    """04TRIPOLI31's page prints the header again after "BERRY" and the end-of-text mark ("NNNN" /
    "O 161036Z DEC 04" / "FM USLO TRIPOLI" / "TO ..."): it had run into the last paragraph, and
    the cable had no signer."""
    cable = parse_one("html/04TRIPOLI31.html")
    assert cable.signers == ["BERRY"]
    assert cable.paragraphs[-1].text.endswith("in the 1980s and '90s. End comment.")
    assert [r.name for r in cable.to] == ["AMEMBASSY PARIS", "SECSTATE WASHDC"]


def test_a_caption_with_a_typing_slip_is_read() -> None:
    """07MADRID1030 writes "SENSITVE, SIPDIS" and 09REYKJAVIK140 "SENSITIE" under an UNCLAS banner:
    the slip had cost each cable its SBU control (its paragraphs are marked (SBU))."""
    for relative in ("html/07MADRID1030.html", "html/09REYKJAVIK140.html"):
        cable = parse_one(relative)
        assert (cable.classification, cable.controls) == ("UNCLASSIFIED", ["SBU"])
        assert "SENSITIVE" in cable.captions
        assert not any(w.startswith("front-matter line not understood") for w in cable.warnings)


def test_headings_underlined_with_spaced_dashes_are_headings() -> None:
    cable = parse_one("html/06SANTODOMINGO409.html")
    headings = [p.heading for p in cable.paragraphs if p.heading]
    assert headings[:3] == ["Duvalier,s Return to Haiti “Unhelpful”", "Election Day Outlook Good", "Working with a New Haitian Government"]
    assert "Comment" in headings and "Biographic Notes on Dominican-Haitian Diplomatic Dealings" in headings
    assert not any("- - -" in p.text for p in cable.paragraphs)
    costa_rica = parse_one("html/06SANJOSE2779.html")  # "_ _ _ _" above, "FINALLY OUT OF COMMITTEE _ _ _ _"
    assert [p.heading for p in costa_rica.paragraphs if p.heading] == [
        "FINALLY OUT OF COMMITTEE",
        "MANAGING THE MOTIONS",
        "TAKIN' IT TO THE STREETS, AND THE COURT",
        "THE REST OF THE AGENDA(S)",
        "COMMENT",
    ]
    assert costa_rica.paragraphs[0].text.endswith("legislative agenda. END SUMMARY.")


def test_the_summary_heading_under_the_classified_by_line_is_not_part_of_it() -> None:
    # "Classified By: ... reasons 1.4 (b&d). / Summary ------- / ¶1. (C) During ... End Summary."
    cable = parse_one("html/08GUATEMALA867.html")
    assert cable.classified_by == "Ambassador James M. Derham"
    assert cable.paragraphs[0].heading == "Summary"
    assert cable.summary is not None and cable.summary.startswith("During the Ambassador's July 8 farewell call")
    assert cable.summary.endswith("one person had been murdered as a result.")
    strasbourg = parse_one("html/09STRASBOURG23.html")  # "... (d) ... / SUMMARY / - - - - - - -"
    assert strasbourg.paragraphs[0].heading == "SUMMARY"
    assert strasbourg.summary is not None and strasbourg.summary.endswith("a “Common European Home.”")
    ankara = parse_one("html/05ANKARA82.html")  # a bare "Summary" over ¶1
    assert (ankara.paragraphs[0].number, ankara.paragraphs[0].heading) == (1, "Summary")


def test_a_summary_closed_but_never_opened_is_the_first_paragraph() -> None:
    # The page has no "Summary:" (09TRIPOLI715), or ran it into the subject's line (08BUENOSAIRES879).
    tripoli = parse_one("html/09TRIPOLI715.html")
    assert tripoli.summary is not None and tripoli.summary.startswith("The August 31 African Union (AU) Summit")
    assert tripoli.summary.endswith("celebration of Qadhafi's coup.")
    mendoza = parse_one("html/08BUENOSAIRES879.html")
    assert mendoza.summary is not None and mendoza.summary.startswith("Ambassador visited the Binational Center in Mendoza")


def test_end_wrapped_before_summary_is_no_heading() -> None:
    # "... a crucial time. End" / "Summary." closes paragraph 1; it heads nothing.
    cable = parse_one("html/09REYKJAVIK17.html")
    assert cable.paragraphs[0].text.endswith("at a crucial time. End Summary.")
    assert cable.paragraphs[1].heading is None


def test_the_header_an_old_telegram_printed_over_each_later_section_is_cut() -> None:
    """00HARARE6677 and 01VATICAN5693 (2000, 2001) print each section after the first under its own
    header, in the middle of a sentence: " CONFIDENTIAL PTQ1866 ACTION AF-00", the distribution,
    the routing, "C O N F I D E N T I A L SECTION 03 OF 03 HARARE 006677", the FOR lines, E.O. and TAGS."""
    harare = parse_one("html/00HARARE6677.html")
    text = "\n".join(p.text for p in harare.paragraphs)
    assert "HE TOLD THE BRITISH TO REFRAIN FROM MAKING PUBLIC STATEMENTS" in text
    assert not any(junk in text for junk in ("PTQ", "LOG-00", "SECTION 0", "TAGS", "FM AMEMBASSY"))
    assert "2 section header(s) an old telegram printed again removed" in harare.warnings
    assert harare.to[0].name == "SECSTATE WASHDC" and harare.tags[:2] == ["PGOV", "PREL"]  # the cable's own header stays
    vatican = parse_one("html/01VATICAN5693.html")
    assert "HE ADDED, WITH THE OUTSIDE WORLD STEPPING INTO THE GAP." in vatican.paragraphs[6].text


def test_offices_named_without_for_are_for_entries() -> None:
    """Lines above the E.O. line that name an office or agency without "FOR" ("WHA/CEN", "DDTC: TIM
    WATKINS", "NSC -- ZARATE", "EUR, PM, H") say whom the cable is for, as a FOR line does."""
    expected = {
        "html/05SANJOSE1713.html": "WHA/CEN",
        "html/06BOGOTA1970.html": "DDTC: TIM WATKINS",
        "html/06BUENOSAIRES2590.html": "NSC -- ZARATE",
        "html/06SANJOSE789.html": "TREASURY/IET/M. ANDERSON",
        "html/08ROME905.html": "AF/EPS CAMILLE JACKSON",
        "html/09ASUNCION695.html": "WHA/FO CMCMULLEN, WHA/BSC MDRUCKER, BFRIEDMAN, MDASCHBACH",
        "html/09WARSAW467.html": "EUR, PM, H",
    }
    for relative, first_entry in expected.items():
        cable = parse_one(relative)
        assert cable.for_ is not None and cable.for_.split("\n")[0] == first_entry, relative
        assert not any(w.startswith("front-matter line not understood") for w in cable.warnings), relative
    london = parse_one("html/08LONDON2860.html")
    assert london.for_ is not None and london.for_.split("\n")[-1] == "TREASURY: MCCORMICK, BMURDEN, WMONROE, CCARNES"
    # "PASS NSC FOR TOM SHANNON, KIM BREIER, NILMINI GUNARATNE," / (blank) / "DEL RENIGAR": one entry, wrapped
    buenos_aires = parse_one("html/05BUENOSAIRES496.html")
    assert buenos_aires.for_ is not None and buenos_aires.for_.split("\n")[1] == "DEL RENIGAR"
    # A database dump's fields and a note from the sender are no office.
    beijing = parse_one("html/10BEIJING207.html")
    assert beijing.for_ is None or "ORIGIN" not in beijing.for_


def test_a_heading_wrapped_onto_two_lines_over_its_rule_is_one_heading() -> None:
    """Also inside a box of rules ("-----" / "RUSSIAN DEFENSE ... TO" / "MIL-TO-MIL COOPERATION" /
    "-----") or of slashes ("//LOOKING AHEAD - ... MORE" / "DETAILS//"); and a heading boxed in
    double dashes ("--Power Behind the Throne--") is read too."""
    cases = {
        "html/09RANGOON536.html": "Visit, Meeting with Head of State Can Enhance Bilateral Relationship",
        "html/09ABIDJAN406.html": "MYTH #2: The Forces Nouvelles Are Disarming; Cote d'Ivoire Is Being Reunified",
        "html/07LAPAZ3153.html": "Beni on Venezuelan Mystery Flights: We're Not Gonna Take It, Anymore",
        "html/09MOSCOW2529.html": "RUSSIAN DEFENSE MINISTRY REFORM POSES CHALLENGES TO MIL-TO-MIL COOPERATION",
        "html/06SANJOSE2312.html": "SITUATION CLOSE TO NORMAL IN MOIN; LIMON REMAINS SEVERELY AFFECTED",
        "html/09MADRID97.html": "LOOKING AHEAD - INVESTIGATIONS LIKELY TO UNCOVER MORE DETAILS",
        "html/09MADRID673.html": "MEETING WITH SECOND VP AND MINISTER OF ECONOMY AND FINANCE SALGADO",
        "html/08OSLO406.html": "Power Behind the Throne",
    }
    for relative, heading in cases.items():
        paragraphs = parse_one(relative).paragraphs
        index = next(i for i, p in enumerate(paragraphs) if p.heading == heading)
        assert not paragraphs[index - 1].text.endswith(heading.split(" ")[0]), relative  # not left in the text above


def test_the_order_a_classified_by_statement_cites_is_no_e_o_field() -> None:
    # "Classified By: EAP Acting DAS John Norris, E.O. 12958 Reasons 1.4 (b), (d)"
    cable = parse_one("html/08STATE93558.html")
    assert (cable.classified_by, cable.reasons) == ("EAP Acting DAS John Norris", ["1.4(b)", "1.4(d)"])
    assert cable.eo_line == "E.O. 12958: DECL: 09/02/2033"


def test_a_paragraph_number_split_off_a_sentence_is_no_paragraph() -> None:
    """"Please see paragraph" / (blank) / "¶3." / "¶2. (S/NF) ...": the page split the number of the
    paragraph a sentence points to onto a line of its own, where it read as paragraph 3."""
    cases = {
        "html/09CAIRO204.html": "This is an action request. Please see paragraph 3.",
        "html/09STATE39054.html": "This is an action request for Embassy Kyiv. Please see paragraph 3.",
        "html/09TRIPOLI632.html": "This is an action request; see para 5.",
    }
    for relative, first_text in cases.items():
        cable = parse_one(relative)
        assert cable.paragraphs[0].text == first_text, relative
        numbers = [p.number for p in cable.paragraphs if p.number]
        assert numbers == list(range(1, len(numbers) + 1)), relative
        assert not any("jump" in w for w in cable.warnings), relative
    assert parse_one("html/09TRIPOLI632.html").paragraphs[1].text.endswith("the invitation follows in para 6.")


def test_a_cut_off_preview_then_a_database_row_a_field_a_line_gives_way_to_the_full_text() -> None:
    """09KABUL941 and 10THEHAGUE117 show the cable cut off ("... CODEL Tso..."), then the database
    row a field a line ("202427" / "2009-04-15" / "09KABUL941" / "Embassy Kabul" / ...), then the
    cable whole. The origin's line, in mixed case, had stopped the full text from being found."""
    kabul = parse_one("html/09KABUL941.html")
    assert "a cut-off preview of the cable was replaced by its full text" in kabul.warnings
    assert [p.number for p in kabul.paragraphs[:3]] == [1, 2, 3]
    assert kabul.summary is not None and kabul.summary.startswith("In an April 9 meeting with CODEL Tsongas, Interior Minister")
    assert not any("Embassy Kabul" in p.text for p in kabul.paragraphs)
    hague = parse_one("html/10THEHAGUE117.html")
    assert hague.paragraphs[0].text.startswith("EMBOFFS delivered reftel points to Mr. Peter van der Vliet, Deputy")


def test_a_heading_in_capitals_with_no_rule_heads_the_paragraph_under_it() -> None:
    """"... they once espoused." / (blank) / "MORE BRUTAL KILLINGS" / (blank) / "4. (C) ...": the
    heading had ended the paragraph above (and the summary, when that paragraph was the summary)."""
    monterrey = parse_one("html/07MONTERREY527.html")
    headings = [p.heading for p in monterrey.paragraphs if p.heading]
    assert headings == ["MORE BRUTAL KILLINGS", "A DISTURBING RISE IN KIDNAPPINGS", "CONSEQUENCES FOR GREATER PUBLIC SECURITY", "FEAR AFFECTING MEDIA REPORTING"]
    assert not any(p.text.endswith(tuple(headings)) for p in monterrey.paragraphs)
    madrid = parse_one("html/09MADRID97.html")  # boxed in slashes: "//THE ALLEGATIONS//"
    assert madrid.paragraphs[1].heading == "THE ALLEGATIONS"
    assert madrid.summary is not None and not madrid.summary.endswith("ALLEGATIONS//")
    # A lettered item ("¶A. OVERVIEW OF ACTIVITIES:") and a redacted page marker are no headings.
    assert not any((p.heading or "").startswith(("¶", "A.")) for p in parse_one("html/06BUENOSAIRES109.html").paragraphs)
    assert not any("XXXX" in (p.heading or "") for p in parse_one("html/10BEIJING207.html").paragraphs)


def test_a_notice_or_a_ref_label_run_onto_a_field_s_line_is_taken_off_it() -> None:
    """"SUBJECT: ... PARADISE SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY", "B) BRASILIA" /
    "2314 SENSITIVE BUT UNCLASSIFIED; PLEASE PROTECT ACCORDINGLY": the notice is a caption, not the
    subject's or the citation's end. "... MARCH 24-28REF: A. CAIRO 452": the references, glued on
    after a digit, are read as references."""
    sao_paulo = parse_one("html/07SAOPAULO895.html")
    assert sao_paulo.subject == "BRAZIL: NOT A MULTIRACIAL, MULTICULTURAL PARADISE"
    assert "SENSITIVE BUT UNCLASSIFIED" in sao_paulo.captions
    cited = parse_one("html/06SAOPAULO1197.html")
    assert [r.text for r in cited.references] == ["SAO PAULO 675", "BRASILIA 2314"]
    assert "SENSITIVE BUT UNCLASSIFIED" in cited.captions and "SBU" in cited.controls
    cairo = parse_one("html/08CAIRO524.html")
    assert cairo.subject == "SCENESETTER FOR MINDEF TANTAWI’S VISIT TO THE U.S. MARCH 24-28"
    assert [r.reference_id for r in cairo.references] == ["08CAIRO452", "08CAIRO488", "08CAIRO507"]


def test_a_summary_opened_with_two_headings_a_slash_apart() -> None:
    """"Summary/Introduction: Egyptian-Israeli communications ...": the summary began "/Introduction:"."""
    cairo = parse_one("html/07CAIRO3503.html")
    assert cairo.summary is not None
    assert cairo.summary.startswith("Egyptian-Israeli communications have suffered because of Egypt's management")
    assert cairo.summary.endswith("thereby enable more cooperation.")


def test_a_corrected_copy_caption_with_what_was_corrected_and_aldac() -> None:
    """"C O R R E C T E D COPY CAPTION", "C O R R E C T E D C O P Y - Classification": the caption,
    and what the copy corrected, not lines the front matter did not understand; "ALDAC" (all
    diplomatic and consular posts) is a caption too."""
    for relative in ("html/10ISTANBUL19.html", "html/09MONTERREY102.html", "html/08ASTANA760.html"):
        cable = parse_one(relative)
        assert "CORRECTED COPY" in cable.captions, relative
        assert not any("not understood" in warning for warning in cable.warnings), relative
    assert "ALDAC" in parse_one("html/08STATE125686.html").captions


def test_a_heading_in_mixed_case_with_no_rule_heads_the_paragraph_under_it() -> None:
    """"... End Summary." / (blank) / "State and Local Police Infiltrated by Drug Cartels" / (blank) /
    "2. (SBU) ...": the heading had ended the paragraph above."""
    cases = {
        "html/09MONTERREY102.html": ["State and Local Police Infiltrated by Drug Cartels", "The Ugly: Impunity for the Drug Cartels"],
        "html/08BERLIN1387.html": ["Large majority expected for mandate renewal", "Comment"],
        "html/10CAIRO249.html": ["Unfavorable Investment Climate", "Growing Frustration with U.S. Assistance"],
        "html/10SANJOSE23.html": ["A Decisive Victory", "Foreign Policy"],
    }
    for relative, (first, last) in cases.items():
        paragraphs = parse_one(relative).paragraphs
        headings = [p.heading for p in paragraphs if p.heading]
        assert first in headings and last in headings, relative
        assert not any(p.text.endswith((first, last)) for p in paragraphs), relative
    # Not headings: a schedule's entry under a list, a quoted paper's first line, closing words.
    buenos_aires = parse_one("html/06BUENOSAIRES109.html").paragraphs
    assert not any((p.heading or "").startswith("Governor of Colorado") for p in buenos_aires)
    assert not any(p.heading == "Outline" for p in parse_one("html/05SANJOSE2249.html").paragraphs)
    assert not any("End Note" in (p.heading or "") for p in parse_one("html/05BUENOSAIRES496.html").paragraphs)


def test_a_date_time_group_with_two_precedences_gives_the_action_one() -> None:
    """"O P 280224Z MAR 09" (immediate for the addressees, priority for those informed), "O R
    181205Z NOV 75 ZFF4": the line was no date-time group line, and the precedence was lost."""
    assert parse_one("html/09STATE30049.html").precedence == "IMMEDIATE"
    libreville = parse_one("html-2011-08/7575LIBREVILLE1895.html")
    assert (libreville.precedence, libreville.dtg) == ("IMMEDIATE", "181205Z NOV 75")


def test_the_summary_of_a_report_in_numbered_sections() -> None:
    """09REYKJAVIK196, a yearly narcotics report: "Iceland's submission ...:" / "I. Summary ..." /
    "II. Status of Country ...". The first section is the summary; there was none."""
    reykjavik = parse_one("html/09REYKJAVIK196.html")
    assert reykjavik.summary is not None
    assert reykjavik.summary.startswith("Icelandic authorities confront limited, but increasing, levels")
    assert reykjavik.summary.endswith("Iceland is a party to the 1988 UN Drug Convention.")


def test_a_heading_a_blank_line_above_its_rule() -> None:
    """"Down but Not Out" / (blank) / "--------" / ... / "¶3. (SBU) ...", and a double-spaced page's
    box ("-----" / (blank) / "Economic Stability" / (blank) / "-----"): the rule underlined a blank
    line, and the heading stayed at the end of the paragraph above (10DHAKA27's summary ended with
    the next section's heading)."""
    bogota = parse_one("html/09BOGOTA3998.html")
    assert [p.heading for p in bogota.paragraphs[:3]] == ["Summary", "52,000 in Seven Years", "Down but Not Out"]
    assert bogota.paragraphs[0].number == 1  # the "Summary" heading is no paragraph of its own
    buenos_aires = parse_one("html/07BUENOSAIRES1244.html")
    assert buenos_aires.paragraphs[1].heading == "Economic Stability"
    assert not buenos_aires.paragraphs[0].text.endswith("Economic Stability")
    dhaka = parse_one("html/10DHAKA27.html")
    assert dhaka.summary is not None and dhaka.summary.endswith("a region that can use more of both.")
    # A box whose bottom rule has a stray pilcrow after it ("------------------- ¶").
    cairo = parse_one("html/09CAIRO79.html")
    assert cairo.paragraphs[1].heading == "A Pervasive Problem"
    assert cairo.paragraphs[0].text.endswith("End summary and comment.")
    # A rule under a paragraph's last sentence, across a blank line, underlines nothing.
    assert all(not (p.heading or "").endswith(".") for p in parse_one("html/05BUENOSAIRES496.html").paragraphs)


def test_a_double_spaced_heading_wrapped_onto_two_lines() -> None:
    """"NEAR-TERM WORRIES: BORDER FLARE-UP," / (blank) / "CHAVEZ'S UNPREDICTABILITY" / (blank) /
    "-----": one heading, its first line no longer the end of the paragraph above."""
    bogota = parse_one("html/09BOGOTA3421.html")
    headings = [p.heading for p in bogota.paragraphs if p.heading]
    assert "NEAR-TERM WORRIES: BORDER FLARE-UP, CHAVEZ'S UNPREDICTABILITY" in headings
    assert "LONGER TERM WORRIES: REGIONAL ISOLATION, MILITARY IMBALANCE, ECONOMIC DECLINE" in headings
    assert bogota.paragraphs[0].text.endswith("End Summary.")


def test_a_number_a_sentence_points_to_is_no_paragraph_across_a_blank_line() -> None:
    """08STATE93558: "... provide the non-paper in para" / (blank) / "¶6. ---- OBJECTIVES ----" and
    "... UNSCR 1737, para" / (blank) / "¶12. This model dewatering machine": the page put its pilcrow
    on the number the sentence points to. The paragraphs are 1 to 8, and the heading run in after
    the number heads paragraph 2."""
    cable = parse_one("html/08STATE93558.html")
    assert [p.number for p in cable.paragraphs] == list(range(1, 9))
    first, second, third = cable.paragraphs[:3]
    assert first.text.endswith("provide the non-paper in para 6.")
    assert (second.heading, second.marking) == ("OBJECTIVES", "S/REL CHINA")
    assert "provision of UNSCR 1737, para 12. This model dewatering machine" in third.text
    assert '"¶6." inside a sentence read as text' in cable.warnings


def test_without_its_pilcrows_the_number_stays_in_its_sentence_too() -> None:
    """The same text pasted without the page's pilcrows ("in para" / (blank) / "6. ---- OBJECTIVES")."""
    from reader.model import Source
    from reader.parse.cable_text import parse_cable_text
    from reader.parse.html_page import extract_page
    from tests.conftest import corpus_file

    text = extract_page(corpus_file("html/08STATE93558.html").read_text(encoding="utf-8")).text.replace("¶", "")
    cable = parse_cable_text(text, Source("08STATE93558.txt", "text", "utf-8"))
    assert [p.number for p in cable.paragraphs] == list(range(1, 9))
    assert cable.paragraphs[0].text.endswith("in para 6.")
    assert cable.paragraphs[1].heading == "OBJECTIVES"


def test_a_day_after_its_month_across_a_blank_line_is_no_paragraph() -> None:
    """09STATE60599: "... embargoed until 10:00 am Washington DC time June" / (blank) / "¶16. The State
    Department will also hold ..." is June 16, inside paragraph 9; paragraph 10 follows."""
    cable = parse_one("html/09STATE60599.html")
    assert [p.number for p in cable.paragraphs] == list(range(1, 13))
    assert "Washington DC time June 16. The State Department will also hold" in cable.paragraphs[8].text
