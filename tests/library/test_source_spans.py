"""Paragraph texts stored as runs of the source's words (reader/library/source_spans.py): exact on
every corpus cable, and on the kinds of line a parser makes from a source (wrapped, cleaned, a page
header in the middle, a list, another encoding)."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import pytest

from reader.library import source_spans
from reader.library.compression import compress
from reader.library.packing import TEXTS_DOCUMENT, pack_document, unpack_cable
from reader.model.json_codec import cable_to_json
from reader.parse import iter_cable_files, parse_file
from tests.conftest import corpus_file
from tests.library.conftest import format_7_payload

FORMS = ("seed", "text", "html", "html-2010", "html-2011-08")


def _corpus_files(corpus: Path) -> list[Path]:
    return [Path(name) for name in iter_cable_files(corpus) if Path(name).parent.name in FORMS]


def _round_trip(source: bytes, texts: list[bytes]) -> tuple[list, list[bytes]]:
    region, pieces, literals = source_spans.encode(source, texts)
    assert source_spans.decode(source, region, pieces, b"".join(literals)) == texts
    return pieces, literals


def test_the_words_of_a_source_are_what_split_finds(corpus: Path) -> None:
    odd = b"  \tA\x0bB\x0cC\r\nD  E\xc2\xa0F\x1cG&#x000A;H \n"
    assert source_spans.words_joined(odd) == b"A B C D E\xc2\xa0F\x1cG H"
    for path in _corpus_files(corpus):
        source = path.read_bytes()
        assert source_spans.words_joined(source) == b" ".join(source.replace(b"&#x000A;", b"\n").split()), path


def test_every_corpus_cable_reads_back_whole_and_its_text_is_stored_once(corpus: Path) -> None:
    """Each form: the document reads back as parsed; its paragraphs' bytes are almost all runs of the
    source (0.1% literal over the corpus when this was written); and it is smaller than the
    document of format 7, which wrote the texts out in full beside the source."""
    literal = defaultdict(int)
    text = defaultdict(int)
    size = defaultdict(int)
    size_before = defaultdict(int)
    for path in _corpus_files(corpus):
        source = path.read_bytes()
        form = path.parent.name
        for cable in parse_file(path):
            blob = pack_document(cable, source)
            assert cable_to_json(unpack_cable(blob)) == cable_to_json(cable), path
            texts = [paragraph.text.encode("utf-8") for paragraph in cable.paragraphs]
            _pieces, literals = _round_trip(source, texts)
            literal[form] += sum(map(len, literals))
            text[form] += sum(map(len, texts))
            size[form] += len(blob)
            size_before[form] += 1 + len(compress(format_7_payload(cable, source)))
    assert set(text) == set(FORMS)
    for form in FORMS:
        assert literal[form] < 0.02 * text[form], form
        if form in ("seed", "html-2011-08"):
            # A paragraph a line (the seed): one back-reference each before, no cheaper as a run;
            # pages of 190 KB around a short cable: the same size.
            assert size[form] < 1.02 * size_before[form]
        else:  # wrapped lines: 6% (pages) to 12% (texts) smaller when this was written
            assert size[form] < 0.97 * size_before[form], form


def test_a_wrapped_paragraph_is_one_run() -> None:
    source = b"SUBJECT: X \n \n1.  (SBU) International \nAtomic  Energy\r\n Agency. \n \n2. (C) Next one. \n"
    texts = [b"International Atomic Energy Agency.", b"Next one."]
    pieces, literals = _round_trip(source, texts)
    assert literals == []
    assert [len(p) for p in pieces] == [1, 1]


def test_a_word_the_parser_cleaned_is_a_literal_between_runs() -> None:
    source = b"1. (C) MILITARY CONTACTS IN SEPTEMBER, \n\xc2\xb62000.  THE GOC HAS REITERATED ITS DESIRE TO MEET.\n"
    text = b"MILITARY CONTACTS IN SEPTEMBER, 2000. THE GOC HAS REITERATED ITS DESIRE TO MEET."
    pieces, literals = _round_trip(source, [text])
    assert literals == [b"2000."]
    assert [type(p) for p in pieces[0]] == [list, int, list]


def test_a_page_header_inside_a_paragraph_is_skipped() -> None:
    source = b"2. (S) Prior to 1990, \n \nMANAMA 00000521  002 OF 002 \n \nforeign assets were held abroad. \n"
    pieces, literals = _round_trip(source, [b"Prior to 1990, foreign assets were held abroad."])
    assert literals == []
    assert len(pieces[0]) == 2 and pieces[0][1][0] > 1  # a second run, past the header


def test_a_list_inside_a_paragraph_keeps_its_lines() -> None:
    source = b"3. (U) Talking points: \n \n-- First, we \nagree. \n \n-- Second. \n"
    text = b"Talking points:\n\n-- First, we agree.\n\n-- Second."
    pieces, literals = _round_trip(source, [text])
    assert literals == []
    assert pieces[0].count(None) == 4


def test_a_text_read_out_of_order_or_twice_is_found_behind_the_cursor() -> None:
    source = b"1. Alpha beta gamma. 2. Delta epsilon zeta."
    pieces, literals = _round_trip(source, [b"Delta epsilon zeta.", b"Alpha beta gamma.", b"Alpha beta gamma."])
    assert literals == []
    assert pieces[1][0][0] < 0 and pieces[2][0][0] < 0


def test_a_source_in_another_encoding_costs_only_its_other_characters() -> None:
    source = "4. (C) The minister\u2019s view was clear: no deal this year.\n".encode("cp1252")
    text = "The minister\u2019s view was clear: no deal this year.".encode()
    _pieces, literals = _round_trip(source, [text])
    assert literals == ["minister\u2019s".encode()]


@pytest.mark.parametrize(
    "source",
    [b"", b"\x00\xff binary \x00", b"ab " * 3000, "Unicode \u00e9t\u00e9 \u2028 lines".encode("utf-16")],
    ids=["no source", "binary", "repetitive", "utf-16"],
)
def test_texts_without_a_source_like_them_are_literals_and_read_back(source: bytes) -> None:
    texts = [b"", b"a", b"ab ab ab b", b" leading and  double spaces ", b"\n\nbreaks\n", "\u00e9t\u00e9".encode()]
    _round_trip(source, texts)


def test_texts_edited_at_random_read_back_exactly(corpus: Path) -> None:
    """Paragraphs of real cables with words dropped, doubled, changed and rewrapped: whatever the
    encoder finds, the decoder gives back the same bytes."""
    chooser = random.Random(8)
    for path in _corpus_files(corpus)[::25]:
        source = path.read_bytes()
        for cable in parse_file(path):
            texts = []
            for paragraph in cable.paragraphs:
                words = paragraph.text.encode("utf-8").split(b" ")
                for _edit in range(3):
                    at = chooser.randrange(len(words))
                    kind = chooser.choice(("drop", "double", "change", "break"))
                    if kind == "drop" and len(words) > 1:
                        del words[at]
                    elif kind == "double":
                        words.insert(at, words[at])
                    elif kind == "change":
                        words[at] = words[at][::-1] + b"x"
                    else:
                        words[at] = words[at] + b"\n"
                texts.append(b" ".join(words))
            _round_trip(source, texts)


def test_an_older_document_is_still_read() -> None:
    """A document of formats 5 to 7 (paragraph texts written out) reads back as it did."""
    path = corpus_file("text/06NEWDELHI5138.txt")
    (cable,) = list(parse_file(path))
    old = bytes((TEXTS_DOCUMENT,)) + compress(format_7_payload(cable, path.read_bytes()))
    assert cable_to_json(unpack_cable(old)) == cable_to_json(cable)
    assert len(pack_document(cable, path.read_bytes())) < len(old)


def test_a_text_far_from_the_last_run_is_kept_as_a_literal() -> None:
    """Every search is bounded (``_FAR`` bytes around the last run), so that a long cable costs time
    in proportion to its length: a paragraph read back from much further away is stored as it is."""
    filler = b"Filler words of a long cable, wrapped \nat seventy characters or so. " * 2000
    source = b"1. (C) The opening paragraph. \n" + filler + b"\n2. (C) The closing one."
    texts = [b"The opening paragraph.", b"The closing one.", b"The opening paragraph."]
    assert len(source) > 2 * source_spans._FAR
    pieces, literals = _round_trip(source, texts)
    assert literals == [b"The closing one."]
    assert isinstance(pieces[0][0], list) and isinstance(pieces[2][0], list)
