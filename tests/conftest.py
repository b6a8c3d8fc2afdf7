"""Shared fixtures. Qt runs headless: a platform that cannot start aborts the process."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Nothing a test runs may touch the user's own library or settings, child processes included.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="cable-reader-test-data-")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="cable-reader-test-config-")

import pytest

from reader.model import Cable
from reader.parse import parse_file

REPO = Path(__file__).resolve().parents[1]
CORPUS = (REPO.parent / "shared" / "corpus").resolve()
SHARED_DATA = (REPO.parent / "shared" / "data").resolve()
SEED = CORPUS / "seed" / "06ALMATY2872.txt"


def corpus_file(relative: str) -> Path:
    path = CORPUS / relative
    if not path.exists():
        pytest.skip(f"corpus file {relative} is not here")
    return path


def corpus_cable(relative: str) -> Cable:
    """The one cable a corpus file holds, parsed."""
    (result,) = list(parse_file(corpus_file(relative)))
    assert isinstance(result, Cable), result
    return result


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not here")
    return CORPUS
