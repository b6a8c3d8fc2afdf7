"""Importing a release CSV: streamed, bad rows reported by line, resumable, safe from kills and a second writer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from reader.library.importer import Importer, import_paths
from reader.library.library import Library
from reader.library.query import ListQuery
from reader.library.sqlite import sqlite3
from tests.conftest import REPO
from tests.library.conftest import paris_cable, release_row


def write_release(path: Path, count: int, start: int = 1, bad_rows: tuple[int, ...] = ()) -> None:
    with path.open("w", encoding="utf-8") as out:
        for serial in range(start, start + count):
            if serial in bad_rows:
                out.write(f'"{serial}","7/24/2009 15:55","09PARIS{serial}","Embassy Paris"\n')
                continue
            header, body = paris_cable(serial, words='the "quoted" talks' if serial % 7 == 0 else "talks")
            out.write(release_row(serial, f"09PARIS{serial}", body, header))


def test_a_release_csv_imports_with_bad_rows_reported_by_line(library: Library, tmp_path: Path) -> None:
    release = tmp_path / "cables.csv"
    write_release(release, 300, bad_rows=(5, 120))
    report = import_paths(library, [str(release)])
    assert report.cables_added == 298
    lines = release.read_text(encoding="utf-8").split("\n")
    bad_lines = [n for n, line in enumerate(lines, start=1) if line.endswith('"Embassy Paris"')]
    assert len(bad_lines) == 2
    assert [(p.source.row, p.message) for p in report.problems] == [
        (line, f"Skipped a malformed CSV row at line {line}: expected 8 fields, found 4.") for line in bad_lines
    ]
    cable = library.get(library.key_of_reference("09PARIS7"))
    assert cable.subject == 'CABLE NUMBER 7 ON THE "QUOTED" TALKS'
    assert cable.metadata is not None and cable.metadata.reference_id == "09PARIS7"
    assert [r.reference_id for r in cable.references] == ["09STATE8"]
    assert library.source_text(library.key_of_reference("09PARIS7")).decode().count("PARIS 000007") == 1
    assert library.query(ListQuery(cites="09STATE8")) == [library.key_of_reference("09PARIS7")]


def test_a_cancelled_import_resumes_where_it_stopped(library: Library, tmp_path: Path, monkeypatch) -> None:
    import reader.library.importer as importer_module

    monkeypatch.setattr(importer_module, "COMMIT_CABLES", 100)
    release = tmp_path / "cables.csv"
    write_release(release, 1000)
    cancel = threading.Event()
    commits: list[int] = []

    def after_commit(keys: list[int]) -> None:
        commits.append(len(keys))
        if len(commits) == 3:
            cancel.set()

    first = Importer(library, cancel=cancel, on_commit=after_commit).run([str(release)])
    assert first.cancelled
    stored = library.count()
    assert 300 <= stored < 1000
    second = import_paths(library, [str(release)])
    assert second.rows_resumed >= 300
    assert second.cables_added == 1000 - stored
    assert library.count() == 1000
    third = import_paths(library, [str(release)])
    assert (third.files_skipped, third.cables) == (1, 0)


def _children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux; none found elsewhere)."""
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def test_a_killed_import_loses_nothing_committed_and_leaves_a_sound_library(tmp_path: Path) -> None:
    release = tmp_path / "cables.csv"
    write_release(release, 4000)
    db = tmp_path / "library.sqlite3"
    command = [sys.executable, "-m", "reader", "import", str(release), "--library", str(db)]
    child = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as probe:
                    if probe.execute("SELECT count(*) FROM cables").fetchone()[0] >= 500:
                        break
            except sqlite3.OperationalError:
                continue
    workers = _children(child.pid)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    deadline = time.monotonic() + 15
    while any(_running(worker) for worker in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [worker for worker in workers if _running(worker)], "the killed import's workers outlived it"
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    library = Library(db)
    committed = library.count()
    assert 500 <= committed < 4000
    report = import_paths(library, [str(release)])
    assert library.count() == 4000
    assert report.rows_resumed >= committed - 1
    assert library.query(ListQuery(search="talks")) and len(library.query(ListQuery(search="talks"))) == 4000
    library.close()


def test_two_writers_on_one_library_do_not_corrupt_it(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    write_release(first, 600, start=1)
    write_release(second, 600, start=10_001)
    Library(db).close()
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "reader", "import", str(p), "--library", str(db)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for p in (first, second)
    ]
    for child in children:
        child.wait(timeout=180)
        assert child.returncode == 0, child.stderr.read()
    library = Library(db)
    assert library.count() == 1200
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    library.close()


def test_import_memory_is_bounded_by_a_row_not_the_file(tmp_path: Path) -> None:
    release = tmp_path / "cables.csv"
    write_release(release, 6000)
    db = tmp_path / "library.sqlite3"
    code = (
        "import resource, sys; from reader.cli.main import main; main(['import', sys.argv[1], '--library', sys.argv[2]]);"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    small = subprocess.run(
        [sys.executable, "-c", code, str(release), str(db)], cwd=REPO, capture_output=True, text=True, check=True
    )
    write_release(release, 24000, start=50_000)
    large = subprocess.run(
        [sys.executable, "-c", code, str(release), str(tmp_path / "l2.sqlite3")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    small_kib, large_kib = int(small.stdout.split()[-1]), int(large.stdout.split()[-1])
    assert large_kib < small_kib * 1.25 + 10_000, (small_kib, large_kib)  # 4x the rows, about the same memory
