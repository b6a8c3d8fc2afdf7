"""All 251,287 reference ids of the full release: is a cited cable in the release at all?"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "data" / "cable2month.csv.gz"


@lru_cache(maxsize=4)
def release_ids(path: Path = BUNDLED) -> frozenset[str]:
    """The ids (first column of ``cable2month.csv.gz``); empty when the file is missing."""
    try:
        with gzip.open(path, "rt", encoding="ascii", errors="replace") as handle:
            return frozenset(line.split(",", 1)[0].strip() for line in handle if line.strip())
    except OSError:
        return frozenset()
