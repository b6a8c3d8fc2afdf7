"""Loading cables off the GUI thread, in batches, with progress, and cancellable.

The job runs in a worker QThread and never touches a widget: it parses and
hands results back through queued signals; the window adds them to its model.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
import time
from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from reader.model import Cable, ParseError, ParseResult, Source
from reader.parse import iter_cable_files, parse_file

BATCH_SECONDS = 0.1
BATCH_SIZE = 500
PROCESS_THRESHOLD = 200
"""Below this many files a worker process costs more to start than it saves."""
CHUNK_FILES = 25


def parse_files(names: list[str]) -> list[ParseResult]:
    """Parse a chunk of files (runs in a worker process: Qt-free, picklable results)."""
    results: list[ParseResult] = []
    for name in names:
        try:
            results.extend(parse_file(name))
        except Exception as exc:  # a parser bug must not lose the rest of the load
            results.append(ParseError(Source(name, "unknown", None), f"Could not be read: {exc!r}."))
    return results


class LoadJob(QObject):
    """Walks the paths and parses every file, handing results back in batches of about 100 ms.

    Parsing runs in worker processes when there are many files: a parsing thread would hold
    Python's GIL, and every call Qt makes back into Python on the GUI thread would wait for it.
    """

    batch_ready = Signal(list, list)  # cables, problems
    progress = Signal(int, int)  # files done, files in all
    finished = Signal(bool)  # True when cancelled

    def __init__(self, paths: Iterable[str], processes: int | None = None) -> None:
        super().__init__()
        self._paths = [str(p) for p in paths]
        self._cancel = threading.Event()
        self._processes = processes if processes is not None else max(1, (os.cpu_count() or 2) - 1)
        self._cables: list[Cable] = []
        self._problems: list[ParseError] = []
        self._last = time.monotonic()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        files: list[str] = []
        for path in self._paths:
            for name in iter_cable_files(path):
                if self.cancelled:
                    break
                files.append(name)
        self.progress.emit(0, len(files))
        large = [f for f in files if _is_release_csv(f)]
        small = [f for f in files if f not in set(large)]
        done = 0
        if len(small) >= PROCESS_THRESHOLD and self._processes > 0:
            done = self._parse_in_processes(small, len(files))
        else:
            done = self._parse_here(small, len(files), 0)
        self._parse_here(large, len(files), done)
        self._flush(force=True)
        self.finished.emit(self.cancelled)

    def _take(self, results: Iterable[ParseResult]) -> None:
        for result in results:
            (self._problems if isinstance(result, ParseError) else self._cables).append(result)

    def _flush(self, force: bool = False) -> None:
        now = time.monotonic()
        if (self._cables or self._problems) and (force or now - self._last >= BATCH_SECONDS or len(self._cables) >= BATCH_SIZE):
            self.batch_ready.emit(self._cables, self._problems)
            self._cables, self._problems, self._last = [], [], now

    def _parse_here(self, files: list[str], total: int, done: int) -> int:
        for name in files:
            if self.cancelled:
                break
            try:
                for result in parse_file(name):
                    self._take([result])
                    if self.cancelled:
                        break
                    if len(self._cables) >= BATCH_SIZE:
                        self._flush()
                        time.sleep(0)  # let the GUI thread have the GIL
            except Exception as exc:  # a parser bug must not lose the rest of the load
                self._take([ParseError(Source(name, "unknown", None), f"Could not be read: {exc!r}.")])
            done += 1
            if time.monotonic() - self._last >= BATCH_SECONDS:
                self._flush()
                self.progress.emit(done, total)
        self.progress.emit(done, total)
        return done

    def _parse_in_processes(self, files: list[str], total: int) -> int:
        chunks = [files[i : i + CHUNK_FILES] for i in range(0, len(files), CHUNK_FILES)]
        done = 0
        try:
            pool = ProcessPoolExecutor(max_workers=self._processes, mp_context=multiprocessing.get_context("spawn"))
        except (OSError, ValueError):  # no processes here: parse in this thread instead
            return self._parse_here(files, total, 0)
        completed: set[int] = set()
        try:
            pending: dict[Future, int] = {}
            queue = iter(range(len(chunks)))
            for number in itertools.islice(queue, 2 * self._processes + 2):
                pending[pool.submit(parse_files, chunks[number])] = number
            while pending and not self.cancelled:
                finished, _ = wait(pending, timeout=BATCH_SECONDS, return_when=FIRST_COMPLETED)
                for future in finished:
                    number = pending.pop(future)
                    self._take(future.result())
                    completed.add(number)
                    done += len(chunks[number])
                    following = next(queue, None)
                    if following is not None and not self.cancelled:
                        pending[pool.submit(parse_files, chunks[following])] = following
                if finished:
                    self._flush()
                    self.progress.emit(done, total)
        except BrokenProcessPool:  # a worker died (out of memory?): finish in this thread
            rest = [name for number, chunk in enumerate(chunks) if number not in completed for name in chunk]
            return self._parse_here(rest, total, done)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        return done


def _is_release_csv(name: str) -> bool:
    """Release CSV files stream row by row in this thread; a process would hand all rows back at once."""
    return name.lower().endswith(".csv")


class Loader(QObject):
    """Starts load jobs one after the other on a worker thread and relays what they find."""

    cables_loaded = Signal(list)
    problems_found = Signal(list)
    progress = Signal(int, int)
    load_started = Signal()
    load_finished = Signal(bool)  # True when cancelled

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._job: LoadJob | None = None
        self._queue: list[list[str]] = []

    @property
    def is_running(self) -> bool:
        return self._job is not None

    def load(self, paths: Iterable[str]) -> None:
        paths = [str(p) for p in paths]
        if not paths:
            return
        if self.is_running:
            self._queue.append(paths)
            return
        self._start(paths)

    def cancel(self) -> None:
        self._queue.clear()
        if self._job is not None:
            self._job.cancel()

    def wait(self, milliseconds: int = 10000) -> bool:
        """Block until the worker thread ends (for shutdown)."""
        return self._thread.wait(milliseconds) if self._thread is not None else True

    def _start(self, paths: list[str]) -> None:
        job = LoadJob(paths)
        thread = QThread(self)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.batch_ready.connect(self._relay_batch)
        job.progress.connect(self.progress)
        job.finished.connect(self._job_finished)
        # quit() is thread-safe: called in the worker as it ends, so wait() below never stalls.
        job.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(job.deleteLater)
        thread.finished.connect(thread.deleteLater)
        self._job, self._thread = job, thread
        self.load_started.emit()
        thread.start()

    @Slot(list, list)
    def _relay_batch(self, cables: list, problems: list) -> None:
        if cables:
            self.cables_loaded.emit(cables)
        if problems:
            self.problems_found.emit(problems)

    @Slot(bool)
    def _job_finished(self, cancelled: bool) -> None:
        self._job = None
        if self._thread is not None:
            self._thread.wait(5000)
        self._thread = None
        self.load_finished.emit(cancelled)
        if self._queue and not cancelled:
            self._start(self._queue.pop(0))
