"""The scale benchmark's corpus: release-shaped rows whose rarer words vary like real text."""

from __future__ import annotations

import gzip
import itertools
import re
from pathlib import Path

from reader.model import Cable
from reader.parse import parse_file
from tests.bench.scale_corpus import generate
from tests.conftest import SHARED_DATA


def test_generated_rows_parse_to_release_ids_dates_and_senders_with_a_growing_vocabulary(tmp_path: Path) -> None:
    sample = SHARED_DATA / "cables-sample.csv"
    if not sample.exists():
        import pytest

        pytest.skip("../shared/data is not here")
    path = tmp_path / "cables.csv"
    generate(path, 1200, sample, SHARED_DATA / "cable2month.csv.gz")
    cables = list(parse_file(path))
    assert len(cables) >= 1100 and all(isinstance(c, Cable) for c in cables)
    identified = [c for c in cables if c.reference_id == (c.metadata.reference_id if c.metadata else None)]
    assert len(identified) / len(cables) > 0.85  # some samples name their id where the rewrite does not reach
    # Dates and senders are the release's own, not the 520 samples': the month cable2month gives,
    # the origin column the parser reads from the FM line, and more senders than one sample's.
    with gzip.open(SHARED_DATA / "cable2month.csv.gz", "rt", encoding="ascii") as handle:
        months = dict(line.strip().split(",") for line in itertools.islice(handle, 1200))
    dated = [c for c in identified if c.created and c.reference_id in months]
    assert len(dated) > 0.85 * len(cables)
    assert all(c.created.month == int(months[c.reference_id]) for c in dated)
    assert all(c.metadata and c.origin == c.metadata.origin for c in cables)
    assert len({c.origin for c in cables}) >= 50
    words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", path.read_text(encoding="utf-8"))]
    first, second = set(words[: len(words) // 2]), set(words)
    # Repeated samples would add almost no new words in the second half; real text keeps adding them.
    assert len(second) > 1.4 * len(first) and len(second) > 50_000
