"""Any subset of a cable's lines parses into whatever fields it holds."""

from __future__ import annotations

from reader.model import Cable
from reader.parse import parse_bytes
from tests.conftest import SEED

LINES = SEED.read_text(encoding="utf-8").split("\n") if SEED.exists() else []


def fragment(start: str, end: str | None = None) -> Cable:
    first = next(i for i, line in enumerate(LINES) if line.startswith(start))
    last = next(i for i, line in enumerate(LINES) if end and line.startswith(end)) if end else len(LINES)
    result = parse_bytes("\n".join(LINES[first:last]).encode(), "fragment.txt")
    assert isinstance(result, Cable), result
    return result


def test_a_header_alone() -> None:
    cable = fragment("VZCZCXRO6298", "S E C R E T")
    assert cable.transmission_id == "VZCZCXRO6298"
    assert cable.dtg == "100049Z AUG 06" and cable.precedence == "PRIORITY"
    assert cable.from_ == "AMEMBASSY ALMATY" and len(cable.info) == 3
    assert cable.paragraphs == []
    # No banner, but the FM line, the DE line's serial and the DTG name one cable of the release.
    assert cable.reference_id == "06ALMATY2872"
    assert "reference id 06ALMATY2872 read from the FM and DE lines (no banner)" in cable.warnings


def test_a_ref_block_alone() -> None:
    cable = fragment("REF: A. ALMATY 2549", "Classified By")
    assert [r.text for r in cable.references] == ["ALMATY 2549", "STATE 126156"]
    assert [r.reference_id for r in cable.references] == [None, None]  # no year known: no id guessed


def test_a_body_without_header() -> None:
    cable = fragment("S E C R E T ALMATY")
    assert cable.classification == "SECRET" and cable.banner == "S E C R E T ALMATY 002872"
    # The banner has no year and the DTG is missing: the release holds ALMATY 2872 once.
    assert cable.reference_id == "06ALMATY2872"
    assert "reference id 06ALMATY2872 inferred from the release index" in cable.warnings
    assert [p.number for p in cable.paragraphs] == [1, 2, 3, 4, 5, 6]
    assert cable.signers == ["ORDWAY"]


def test_paragraphs_alone() -> None:
    cable = fragment("[1](#)1. (S) Summary")
    assert [p.marking for p in cable.paragraphs] == ["S", "S", "S", "S", "SBU", "S"]
    assert cable.summary is not None and cable.summary.startswith("In an August 2 meeting")
