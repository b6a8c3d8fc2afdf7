"""Loading runs off the GUI thread: rows arrive in batches, the event loop keeps turning, Cancel works."""

from __future__ import annotations

import io
import itertools
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from reader.model import ParseError, Source
from reader.parse.release_csv import read_release_rows
from reader.ui import loader as loader_module
from reader.ui.main_window import MainWindow
from reader.ui.problems_model import LIBRARY, ProblemsModel
from tests.conftest import REPO, SEED, SHARED_DATA, corpus_file


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory) -> Path:
    """2,000 real cables in nested folders (copies of three forms of real cables)."""
    root = tmp_path_factory.mktemp("big")
    sources = [
        SEED.read_bytes(),
        corpus_file("text/09PARIS1007.txt").read_bytes(),
        corpus_file("html/02BOGOTA3281.html").read_bytes(),
    ]
    suffixes = [".txt", ".txt", ".html"]
    for n in range(2000):
        folder = root / f"part{n // 250}"
        folder.mkdir(exist_ok=True)
        (folder / f"cable{n:05d}{suffixes[n % 3]}").write_bytes(sources[n % 3])
    return root


@contextmanager
def threads_calling(monkeypatch: pytest.MonkeyPatch, name: str) -> Iterator[set[int]]:
    """The threads that call the loader's ``name`` while the block runs."""
    threads: set[int] = set()
    original = getattr(loader_module, name)

    def spy(*args):
        threads.add(threading.get_ident())
        return original(*args)

    with monkeypatch.context() as patch:
        patch.setattr(loader_module, name, spy)
        yield threads


def test_the_event_loop_turns_while_a_large_folder_loads(qtbot, window: MainWindow, big_folder: Path, monkeypatch) -> None:
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(window.store.count()))
    shown: list[int] = []
    window.list_model.modelReset.connect(lambda: shown.append(window.list_model.rowCount()))
    with threads_calling(monkeypatch, "iter_cable_files") as job_threads:
        timer.start()
        with qtbot.waitSignal(window.loader.load_finished, timeout=120000) as finished:
            window.load_paths([str(big_folder)])
            assert window.progress.isVisible() and window.cancel_button.isVisible()
        timer.stop()
    assert finished.args == [False]
    assert window.store.count() == 2000
    assert job_threads and threading.get_ident() not in job_threads  # the job never ran on the GUI thread
    assert len({count for count in shown if 0 < count < 2000}) >= 2  # rows appeared batch by batch, not all at the end
    assert len(ticks) > 10  # the GUI thread kept serving its timer during the load
    assert any(0 < count < 2000 for count in ticks)  # ...and saw rows while more were coming
    assert not window.progress.isVisible() and not window.cancel_button.isVisible()
    assert window.count_label.text() == "2,000 cables"


def test_a_large_folder_loads_into_the_library_off_thread(qtbot, make_library_window, big_folder: Path) -> None:
    window = make_library_window()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(window.list_model.rowCount()))
    timer.start()
    with qtbot.waitSignal(window.loader.load_finished, timeout=180000) as finished:
        window.load_paths([str(big_folder)])
    timer.stop()
    assert finished.args == [False]
    # 2,000 files of three cables: one document per cable, each listing its ~667 sources.
    assert window.store.count() == 3
    assert len(window.store.sources(window.store.key_of_reference("06ALMATY2872"))) in (666, 667)
    assert len(ticks) > 10


def test_cancel_stops_the_load_and_keeps_what_was_loaded(qtbot, window: MainWindow, big_folder: Path) -> None:
    def cancel_on_first_rows(*_args) -> None:
        window.cancel_button.click()

    window.loader.cables_loaded.connect(cancel_on_first_rows)
    with qtbot.waitSignal(window.loader.load_finished, timeout=120000) as finished:
        window.load_paths([str(big_folder)])
    assert finished.args == [True]
    loaded = window.store.count()
    assert 0 < loaded < 2000
    assert window.statusBar().currentMessage() == "Loading cancelled"
    qtbot.wait(200)
    assert window.store.count() == loaded  # nothing arrives after the cancel


def test_a_small_load_parses_in_the_worker_thread(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    for n in range(20):
        (tmp_path / f"c{n}.txt").write_bytes(SEED.read_bytes())
    with (
        threads_calling(monkeypatch, "parse_file") as parse_threads,
        qtbot.waitSignal(window.loader.load_finished, timeout=60000),
    ):
        window.load_paths([str(tmp_path)])
    assert window.store.count() == 20
    assert parse_threads and threading.get_ident() not in parse_threads


def test_a_second_load_waits_for_the_first(qtbot, window: MainWindow, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "one.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b" / "two.txt").write_bytes(corpus_file("text/09PARIS1007.txt").read_bytes())
    done: list[bool] = []
    window.loader.load_finished.connect(done.append)
    window.load_paths([str(tmp_path / "a")])
    window.load_paths([str(tmp_path / "b")])
    qtbot.waitUntil(lambda: len(done) == 2 and not window.loader.is_running, timeout=30000)
    assert window.store.count() == 2


def test_a_release_csv_not_named_csv_among_many_files_is_imported_row_by_row(
    qtbot, make_library_window, tmp_path: Path
) -> None:
    """What makes a file a release CSV is how it starts, not its name, in a large drop as in a small one."""
    sample = SHARED_DATA / "cables-sample.csv"
    if not sample.exists():
        pytest.skip("../shared/data is not here")
    rows = list(itertools.islice(read_release_rows(io.StringIO(sample.read_text(encoding="utf-8"))), 5))
    lines = sample.read_text(encoding="utf-8").split("\n")[: rows[-1].line]
    for n in range(loader_module.PROCESS_THRESHOLD):  # enough files for the worker processes
        (tmp_path / f"cable{n:04d}.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "release-export.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    window = make_library_window()
    with qtbot.waitSignal(window.loader.load_finished, timeout=180000) as finished:
        window.load_paths([str(tmp_path)])
    assert finished.args == [False]
    problems = [window.problems.index(row, 1).data() for row in range(window.problems.rowCount())]
    assert not [p for p in problems if "release-export" in str(p)], problems
    for row in rows:
        assert window.store.key_of_reference(row.metadata.reference_id) is not None


_FULL_DISK_LOAD = """
import os, resource, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from reader.ui.loader import LoadJob
app = QCoreApplication([])
resource.setrlimit(resource.RLIMIT_FSIZE, (4_000_000, 4_000_000))  # no file may grow past 4 MB
job = LoadJob([sys.argv[1]], Path(sys.argv[2]), processes=0)
problems = []
job.batch_ready.connect(lambda _cables, found: problems.extend(found))
job.run()
print("\\n".join(problem.message for problem in problems))
"""


def test_a_load_that_fills_the_disk_tells_the_window_why(tmp_path: Path) -> None:
    """The import stops on a full disk; the window's problems say so (it used to hear nothing)."""
    sample = SHARED_DATA / "cables-sample.csv"
    if not sample.exists():
        pytest.skip("cables-sample.csv not here")
    done = subprocess.run(
        [sys.executable, "-c", _FULL_DISK_LOAD, str(sample), str(tmp_path / "library.sqlite3")],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "is the disk full" in done.stdout or "not enough free disk space" in done.stdout


def test_the_status_bar_tells_a_library_problem_from_files_that_could_not_be_read() -> None:
    problems = ProblemsModel()
    problems.add_problems([ParseError(Source("/cables/a.txt", "binary", None), "not a cable")])
    assert problems.summary() == "1 file could not be read"
    problems.add_problems([ParseError(Source("/home/me/library.sqlite3", LIBRARY, None), "not enough free disk space")])
    assert problems.summary() == "1 file could not be read; the library reported a problem"
