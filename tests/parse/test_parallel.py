"""Work on every core, in order: the pool gives what a single process gives, never loses work."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from reader.parse.batches import FileBatch, RowBatch, batches, parse_batch
from reader.parse.parallel import ordered_map
from tests.conftest import REPO


def _square(value: int) -> int:
    return value * value


def _die_on_seven(value: int) -> int:
    if value == 7 and os.getpid() != int(os.environ["CABLE_TEST_PARENT"]):
        os._exit(1)  # a worker dying as one killed for memory would
    return value


def test_results_come_in_the_order_of_the_work() -> None:
    assert list(ordered_map(_square, range(200), jobs=2)) == [n * n for n in range(200)]
    assert list(ordered_map(_square, range(5), jobs=1)) == [0, 1, 4, 9, 16]


def test_a_dead_worker_loses_no_work(monkeypatch) -> None:
    monkeypatch.setenv("CABLE_TEST_PARENT", str(os.getpid()))
    assert list(ordered_map(_die_on_seven, range(30), jobs=2, start_method="fork")) == list(range(30))


def test_a_pool_found_broken_when_handing_out_work_loses_none(monkeypatch) -> None:
    """A worker may die between two results: the pool then refuses new tasks at once."""
    submit = ProcessPoolExecutor.submit
    handed_out = []

    def breaking(self, function, task):
        if len(handed_out) >= 20:
            raise BrokenProcessPool("a worker died")
        handed_out.append(task)
        return submit(self, function, task)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", breaking)
    assert list(ordered_map(_square, range(50), jobs=2, start_method="fork")) == [n * n for n in range(50)]
    assert len(handed_out) == 20


def test_cancelling_stops_handing_out_work() -> None:
    cancel = threading.Event()
    seen = []
    for value in ordered_map(_square, range(10_000), jobs=2, cancel=cancel):
        seen.append(value)
        if len(seen) == 3:
            cancel.set()
    assert seen == [0, 1, 4]


def test_a_release_csv_is_cut_into_row_batches_in_place(corpus, tmp_path: Path) -> None:
    from tests.library.conftest import paris_cable, release_row

    release = tmp_path / "b.csv"
    with release.open("w", encoding="utf-8") as out:
        for serial in range(1, 151):
            header, body = paris_cable(serial)
            out.write(release_row(serial, f"09PARIS{serial}", body, header))
    (tmp_path / "a.txt").write_bytes((corpus / "seed" / "06ALMATY2872.txt").read_bytes())
    (tmp_path / "c.txt").write_bytes((corpus / "seed" / "06ALMATY2872.txt").read_bytes())
    cut = list(batches([str(tmp_path)]))
    assert [type(b).__name__ for b in cut] == ["FileBatch", "RowBatch", "RowBatch", "RowBatch", "FileBatch"]
    assert isinstance(cut[0], FileBatch) and cut[0].names == (str(tmp_path / "a.txt"),)
    rows = [cable for batch in cut if isinstance(batch, RowBatch) for cable in parse_batch(batch)]
    assert [cable.reference_id for cable in rows] == [f"09PARIS{n}" for n in range(1, 151)]
    # Named among plain files (a chunk made by hand), it is still read row by row.
    named = parse_batch(FileBatch((str(tmp_path / "a.txt"), str(release))))
    assert [cable.reference_id for cable in named] == ["06ALMATY2872", *(f"09PARIS{n}" for n in range(1, 151))]


def test_parse_on_two_processes_prints_what_one_prints(corpus) -> None:
    def run(jobs: str) -> bytes:
        done = subprocess.run(
            [sys.executable, "-m", "reader", "parse", str(corpus / "html"), str(corpus / "seed"), "--json", "--jobs", jobs],
            cwd=REPO,
            capture_output=True,
            check=False,
        )
        assert done.returncode in (0, 2), done.stderr[-2000:]
        return done.stdout

    one, two = run("1"), run("2")
    assert one == two and one.count(b'"reference_id"') > 300


def test_a_start_method_the_system_lacks_falls_back_to_spawn(monkeypatch) -> None:
    import multiprocessing

    asked: list[str] = []
    real = multiprocessing.get_context
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: asked.append(method) or real(method))
    assert list(ordered_map(_square, range(6), jobs=2, start_method="fork")) == [0, 1, 4, 9, 16, 25]
    assert asked[0] == "spawn"
