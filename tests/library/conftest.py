"""A library file per test, rows in the 2011 release's CSV format, and documents as format 7 wrote them."""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library.library import Library
from reader.model import Cable
from reader.model.json_codec import cable_to_json


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def release_row(number: int, refid: str, body: str, header: str = "", created: str = "7/24/2009 15:55") -> str:
    """One row of the release's cables.csv: every field quoted, ``\\"`` for a quote."""
    fields = [str(number), created, refid, "Embassy Paris", "CONFIDENTIAL", "", header, body]
    return ",".join('"' + f.replace("\\", "\\\\").replace('"', '\\"') + '"' for f in fields) + "\n"


def paris_cable(serial: int, words: str = "talks") -> tuple[str, str]:
    """(header, body) of a small Paris cable with the given serial number."""
    header = f"R 24{serial % 24:02d}55Z JUL 09\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC {serial}"
    body = (
        f"C O N F I D E N T I A L PARIS {serial:06d}\n\nSIPDIS\n\nE.O. 12958: DECL: 07/24/2019\nTAGS: PREL FR\n"
        f"SUBJECT: CABLE NUMBER {serial} ON {words.upper()}\n\nREF: STATE {serial + 1}\n\n"
        f"Classified By: Ambassador for reasons 1.4 (b) and (d).\n\n1. (C) The {words} went on; number {serial}.\n"
    )
    return header, body


def format_7_payload(cable: Cable, source: bytes) -> bytes:
    """What format 7 compressed: the source, then every paragraph text written out, then the model."""
    data = cable_to_json(cable)
    texts = [paragraph.pop("text").encode("utf-8") for paragraph in data["paragraphs"]]
    data["paragraph_bytes"] = [len(t) for t in texts]
    model = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    joined = b"".join(texts)
    return struct.pack("<III", len(source), len(joined), len(model)) + source + joined + model
