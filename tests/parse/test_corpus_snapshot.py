"""The parse of every corpus file is what the stored snapshot says, field by field.

Speed work must not change a single field; the snapshot is refreshed only with
fidelity work (``python tests/parse/corpus_snapshot.py --refresh``).
"""

from __future__ import annotations

from tests.parse.corpus_snapshot import SNAPSHOT, differences, load_snapshot, parse_corpus


def test_the_corpus_parses_as_the_snapshot_says(corpus) -> None:
    stored = load_snapshot(SNAPSHOT)
    current = parse_corpus(corpus)
    assert len(stored) >= 600
    found = differences(stored, current)
    assert not found, f"{len(found)} fields differ from the snapshot, e.g.:\n" + "\n".join(found[:40])


def test_a_changed_field_is_named() -> None:
    before = {"a.txt": [{"subject": "X", "tags": ["PREL"]}]}
    after = {"a.txt": [{"subject": "Y", "tags": ["PREL"]}], "b.txt": []}
    assert differences(before, after) == ["b.txt: new file", "a.txt#0: subject"]
