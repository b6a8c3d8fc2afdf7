"""The ``python -m reader parse --json`` contract, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SEED, corpus_file

CONTRACT_KEYS = {
    "source",
    "reference_id",
    "created",
    "dtg",
    "precedence",
    "transmission_id",
    "from",
    "origin",
    "to",
    "info",
    "classification",
    "controls",
    "captions",
    "section",
    "for",
    "eo",
    "declassify_on",
    "eo_line",
    "tags",
    "tags_as_written",
    "subject",
    "subject_marking",
    "references",
    "classified_by",
    "reasons",
    "summary",
    "paragraphs",
    "signers",
    "partial",
    "warnings",
}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )


def test_parse_json_of_the_seed_has_every_contract_key() -> None:
    done = run_cli("parse", str(SEED), "--json")
    assert done.returncode == 0, done.stderr
    (cable,) = json.loads(done.stdout)
    assert set(cable) >= CONTRACT_KEYS
    assert cable["source"] == {"path": str(SEED), "format": "markdown", "encoding": "utf-8"}
    assert cable["reference_id"] == "06ALMATY2872"
    assert cable["created"] == "2006-08-10T00:49Z"
    assert cable["to"] == [{"route": "RUEHC", "name": "SECSTATE WASHDC", "precedence": "PRIORITY", "mcn": "6536"}]
    assert cable["section"] is None
    assert cable["declassify_on"] == "2016-08-08"
    assert cable["paragraphs"][4] == {
        "number": 5,
        "marking": "SBU",
        "level": "UNCLASSIFIED",
        "text": cable["paragraphs"][4]["text"],
        "heading": None,
    }
    assert set(cable["paragraphs"][0]) >= {"number", "marking", "level", "text"}
    assert cable["references"][0] == {"label": "A", "text": "ALMATY 2549", "reference_id": "06ALMATY2549"}


def test_a_bad_file_is_an_error_object_and_exit_status_2(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    done = run_cli("parse", str(tmp_path), "--json")
    assert done.returncode == 2
    results = json.loads(done.stdout)
    assert len(results) == 2
    errors = [r for r in results if "error" in r]
    assert errors == [
        {"source": {"path": str(tmp_path / "empty.txt"), "format": "unknown", "encoding": None}, "error": "The file is empty."}
    ]
    assert "Traceback" not in done.stderr


def test_folders_are_read_recursively_and_sections_serialise() -> None:
    path = corpus_file("text/06NEWDELHI5138.txt")
    done = run_cli("parse", str(path.parent), "--json")
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert len(results) == len(list(path.parent.glob("*.txt")))
    lines = done.stdout.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(results) + 2  # a cable a line
    assert [json.loads(line.rstrip(",")) for line in lines[1:-1]] == results
    by_id = {r["reference_id"]: r for r in results}
    assert by_id["06NEWDELHI5138"]["section"] == {"index": 1, "total": 3}
    assert by_id["06NEWDELHI5138"]["source"]["encoding"] == "iso-8859-1"


def test_the_table_form_for_people() -> None:
    done = run_cli("parse", str(SEED))
    assert done.returncode == 0
    assert done.stdout.startswith("06ALMATY2872")
    assert 'warning: paragraph "15." read as 5' in done.stdout


def test_usage_errors_are_argparse_errors() -> None:
    done = run_cli("parse")
    assert done.returncode == 2 and "usage:" in done.stderr
