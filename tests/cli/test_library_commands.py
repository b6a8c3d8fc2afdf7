"""``import``, ``search``, ``show``, ``graph`` and ``compact`` on one library, as a user runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED, corpus_file


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "library.sqlite3"
    folder = corpus_file("html/07ROME877.html").parent
    done = run_cli("import", str(SEED), str(folder), "--library", str(path))
    assert done.returncode == 0, done.stderr
    assert "imported" in done.stdout and "0 problems" in done.stdout
    return path


def test_search_json_gives_ranked_hits_with_snippets(db: Path) -> None:
    done = run_cli("search", "guantanamo detainees", "--library", str(db), "--json")
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert hits and set(hits[0]) == {"reference_id", "subject", "snippet", "rank"}
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    assert "06ALMATY2872" in [h["reference_id"] for h in hits]
    assert all("etainee" in (h["snippet"] + h["subject"]).lower() for h in hits)


def test_search_filters_and_fts_syntax(db: Path) -> None:
    done = run_cli(
        "search", "the", "--library", str(db), "--json", "--classification", "SECRET", "--control", "NOFORN", "--limit", "5"
    )
    assert done.returncode == 0
    assert len(json.loads(done.stdout)) <= 5
    for text in ('"', "NEAR(", "-x", "*", "a AND", "a -b"):
        done = run_cli("search", "--library", str(db), "--json", "--", text)  # "--": a query may start with "-"
        assert done.returncode == 0, done.stderr
        assert isinstance(json.loads(done.stdout), list)


def test_show_json_is_the_parse_json_with_sources_and_citations(db: Path) -> None:
    done = run_cli("show", "07ROME877", "--library", str(db), "--json")
    assert done.returncode == 0, done.stderr
    cable = json.loads(done.stdout)
    assert cable["reference_id"] == "07ROME877"
    assert cable["library"]["cited_by"] == ["07ROME1494"]
    assert cable["library"]["sources"][0]["path"].endswith("07ROME877.html")
    parsed = json.loads(run_cli("parse", cable["library"]["sources"][0]["path"], "--json").stdout)[0]
    assert {k: v for k, v in cable.items() if k != "library"} == parsed
    missing = run_cli("show", "99NOWHERE1", "--library", str(db), "--json")
    assert missing.returncode == 2 and "not in the library" in missing.stderr


def test_a_library_that_is_not_ours_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("not a database", encoding="utf-8")
    done = run_cli("search", "x", "--library", str(notes))
    assert done.returncode == 2
    assert "not a Cable Reader library" in done.stderr and "Traceback" not in done.stderr
    assert notes.read_text(encoding="utf-8") == "not a database"


def test_graph_json_gives_nodes_and_edges(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    cables = [corpus_file("html/09CAIRO2404.html"), corpus_file("html/09CAIRO2348.html")]
    assert run_cli("import", *map(str, cables), "--library", str(library)).returncode == 0
    done = run_cli("graph", "09CAIRO2404", "--library", str(library), "--json")
    assert done.returncode == 0, done.stderr
    graph = json.loads(done.stdout)
    states = {n["reference_id"]: (n["distance"], n["state"]) for n in graph["nodes"]}
    assert states["09CAIRO2404"] == (0, "loaded") and states["09CAIRO2348"] == (1, "loaded")
    assert states["09CAIRO1176"] == (2, "not-loaded") and states["09STATE55370"][1] == "not-in-release"
    assert {"from": "09CAIRO2348", "to": "09CAIRO1176"} in graph["edges"]
    one_hop = json.loads(run_cli("graph", "09CAIRO2404", "--library", str(library), "--depth", "1", "--json").stdout)
    assert "09CAIRO1176" not in {n["reference_id"] for n in one_hop["nodes"]}


@pytest.mark.parametrize(
    "command", [["search", "nord"], ["show", "06ALMATY2872"], ["audit"], ["export", "-o", "out.json"], ["compact"]]
)
def test_a_reading_command_names_a_missing_library_and_makes_none(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "nowhere" / "library.sqlite3"
    args = [*command, "--library", str(missing)]
    if command[-1] == "out.json":
        args[-3] = str(tmp_path / "out.json")
    done = run_cli(*args)
    assert done.returncode != 0
    assert f"there is no library at {missing}" in done.stderr
    assert not missing.exists() and not missing.parent.exists()


def test_compact_makes_the_library_smaller_and_it_searches_as_before(db: Path, tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    shutil.copy(db, library)
    hits = run_cli("search", "nuclear", "--library", str(library), "--json").stdout
    done = run_cli("compact", "--library", str(library), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"compacted {library}: ") and "documents and" in done.stdout
    assert library.stat().st_size < db.stat().st_size
    assert run_cli("search", "nuclear", "--library", str(library), "--json").stdout == hits
