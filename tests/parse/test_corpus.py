"""The whole corpus parses; the cable's own text agrees with the page's metadata table."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reader.model import Cable, Source
from reader.parse import parse_paths
from reader.parse.cable_text import parse_cable_text
from reader.parse.classification import level_of
from reader.parse.decode import decode_bytes
from reader.parse.html_page import extract_page


@dataclass
class Agreement:
    compared: int = 0
    agreed: int = 0
    absent: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.agreed / self.compared if self.compared else 0.0


@pytest.fixture(scope="module")
def corpus_results(corpus: Path) -> list:
    return list(parse_paths([corpus]))


def test_every_corpus_file_parses_into_a_cable(corpus: Path, corpus_results: list) -> None:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        manifest = {row["file"]: row["reference_id"] for row in csv.DictReader(handle, delimiter="\t")}
    assert len(corpus_results) == len(manifest)
    failures = [r for r in corpus_results if not isinstance(r, Cable)]
    assert failures == []
    wrong = []
    for cable in corpus_results:
        relative = Path(cable.source.path).relative_to(corpus).as_posix()
        if cable.reference_id != manifest[relative]:
            wrong.append((relative, cable.reference_id))
    # Two ids the release got wrong and the cable's own text gets right: 09EFTOLONDON2187 keeps
    # "EFTO" from the banner; 7575LIBREVILLE1895 doubles the year of "C O N F I D E N T I A L 75 LIBREVILLE 1895".
    assert sorted(wrong) == [
        ("html-2011-08/7575LIBREVILLE1895.html", "75LIBREVILLE1895"),
        ("html/09EFTOLONDON2187.html", "09LONDON2187"),
    ]


def _text_only(path: Path) -> tuple[Cable, object]:
    """The page's cable text alone, under a name that says nothing of the cable (the file's own
    name, an id, would give the id the text is measured on)."""
    text, encoding = decode_bytes(path.read_bytes())
    page = extract_page(text)
    return parse_cable_text(page.text, Source("cable text.html", "html", encoding)), page.metadata


def test_cable_text_agrees_with_page_metadata(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fields = {name: Agreement() for name in ("reference_id", "created", "classification", "origin")}
    pages = sorted(corpus.glob("html*/*.html"))
    for path in pages:
        cable, meta = _text_only(path)
        assert meta is not None, path
        pairs = {
            "reference_id": (cable.reference_id, meta.reference_id),
            # Page times differ from the DTG by minutes (a site artefact): compare to the hour.
            "created": (
                cable.created and cable.created.strftime("%Y-%m-%d %H"),
                meta.created and meta.created.strftime("%Y-%m-%d %H"),
            ),
            "classification": (cable.classification, level_of((meta.classification or "").split("//")[0])),
            "origin": (cable.origin, meta.origin),
        }
        for name, (from_text, from_page) in pairs.items():
            tally = fields[name]
            if from_text is None:
                tally.absent += 1
                continue
            tally.compared += 1
            if from_text == from_page:
                tally.agreed += 1
            else:
                tally.misses.append(f"{path.name}: text {from_text!r}, page {from_page!r}")
    with capsys.disabled():
        print(f"\ncable text vs page metadata over {len(pages)} pages:")
        for name, tally in fields.items():
            print(
                f"  {name:<15} {tally.agreed}/{tally.compared} agree ({tally.rate:.1%}); "
                f"{tally.absent} pages do not carry it in the text"
            )
            for miss in tally.misses:
                print(f"    miss: {miss}")
    for name, tally in fields.items():
        assert tally.rate >= 0.99, (name, tally.misses)
        assert tally.compared >= 0.85 * len(pages), name
