"""``audit`` and ``diff`` on the command line, on real cables and on a library."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SEED, corpus_file


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )


def test_audit_json_gives_one_object_per_cable() -> None:
    done = run_cli("audit", str(SEED), str(corpus_file("html/08BERLIN1387.html")), "--json")
    assert done.returncode == 0, done.stderr
    seed, berlin = json.loads(done.stdout)
    assert seed == {"reference_id": "06ALMATY2872", "classification": "SECRET", "source": str(SEED), "findings": []}
    assert berlin["findings"] == [
        {"code": "portion-above-banner", "message": "paragraph 10 marked SECRET under a CONFIDENTIAL banner", "paragraphs": [10]}
    ]


def test_audit_summary_counts_each_code() -> None:
    done = run_cli("audit", str(corpus_file("html/09STATE124636.html")), str(corpus_file("html/06MONTEVIDEO1179.html")), "--summary", "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["cables"] == 2 and summary["with_findings"] == 2
    assert summary["codes"]["banner-above-portions"] == 1 and summary["codes"]["no-classified-by"] == 1
    assert summary["codes"]["security-line-mismatch"] == 0


def test_audit_of_a_library_and_diff_of_its_versions(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    older, newer = corpus_file("html-2010/10ASTANA72.html"), corpus_file("html/10ASTANA72.html")
    assert run_cli("import", str(older), str(newer), str(SEED), "--library", str(library)).returncode == 0
    audited = run_cli("audit", "--library", str(library), "--json")
    assert audited.returncode == 0, audited.stderr
    assert sorted(c["reference_id"] for c in json.loads(audited.stdout)) == ["06ALMATY2872", "10ASTANA72"]
    diffed = run_cli("diff", "10ASTANA72", "--library", str(library), "--json")
    assert diffed.returncode == 0, diffed.stderr
    diff = json.loads(diffed.stdout)
    assert {diff["before"], diff["after"]} == {str(older), str(newer)}
    assert diff["redactions_lifted"] + diff["redactions_added"] == 4
    assert diff["fields"] == [
        {"field": "E.O. line", "before": diff["fields"][0]["before"], "after": diff["fields"][0]["after"]}
    ]


def test_diff_of_two_files_and_of_a_cable_with_one_version(tmp_path: Path) -> None:
    done = run_cli("diff", str(corpus_file("html-2010/08PARIS1698.html")), str(corpus_file("html/08PARIS1698.html")))
    assert done.returncode == 0, done.stderr
    assert "0 redactions added, 1 lifted" in done.stdout
    library = tmp_path / "library.sqlite3"
    run_cli("import", str(SEED), "--library", str(library))
    alone = run_cli("diff", "06ALMATY2872", "--library", str(library))
    assert alone.returncode == 2 and "1 version(s) of this cable" in alone.stderr
