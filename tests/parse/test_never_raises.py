"""Property: whatever is done to a real cable, the parser returns a model or an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.model import Cable, ParseError
from reader.model.json_codec import cable_from_json, cable_to_json
from reader.parse import parse_bytes
from tests.conftest import CORPUS

SOURCES = [
    "seed/06ALMATY2872.txt",
    "text/06NEWDELHI5138.txt",
    "html/02BOGOTA3281.html",
    "html/00HARARE6677.html",
    "html/09TALLINN325.html",
    "html-2011-08/72TEHRAN1164.html",
]
CABLE_WORDS = [
    "¶",
    "[1](#)",
    "1.",
    "15.",
    "(S//NF)",
    "(C)",
    "SUBJECT:",
    "REF:",
    "TAGS:",
    "E.O. 12958: DECL:",
    "Classified By:",
    "S E C R E T",
    "SECTION 01 OF 02",
    "FM AMEMBASSY",
    "TO RUEHC/SECSTATE WASHDC",
    "INFO",
    "DE RUEHTA #",
    "\r\n",
    "<pre>",
    "</pre>",
    "&#x000A;",
    "-----",
    "PAGE 02 X 1 01 OF 02 011200Z",
    "id: 1\n",
    "header ends",
    "\x00",
    "\ufffd",
]


def _texts() -> list[bytes]:
    found = [(CORPUS / name).read_bytes() for name in SOURCES if (CORPUS / name).exists()]
    if not found:
        pytest.skip("corpus not here")
    return found


SAMPLES = _texts() if CORPUS.exists() else []


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["cut", "delete", "insert", "word", "duplicate", "flip"]))
        at = draw(st.integers(0, len(data)))
        if kind == "cut":
            del data[at:]
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 400))]
        elif kind == "insert":
            data[at:at] = draw(st.text(max_size=60)).encode("utf-8", "surrogatepass")
        elif kind == "word":
            data[at:at] = draw(st.sampled_from(CABLE_WORDS)).encode()
        elif kind == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 2000))]
        elif kind == "flip" and data:
            index = min(at, len(data) - 1)
            data[index] = draw(st.integers(0, 255))
    return bytes(data)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_parse_never_raises_on_mutated_real_cables(data: bytes) -> None:
    result = parse_bytes(data, "mutated.txt")
    assert isinstance(result, (Cable, ParseError))
    if isinstance(result, Cable):
        # The JSON form is total too, and round-trips.
        assert cable_to_json(cable_from_json(cable_to_json(result))) == cable_to_json(result)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_parse_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    assert isinstance(parse_bytes(data, "noise"), (Cable, ParseError))


def test_samples_exist() -> None:
    assert len(SAMPLES) == len(SOURCES), [name for name in SOURCES if not (Path(CORPUS) / name).exists()]
