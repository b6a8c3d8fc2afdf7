"""Loading cables off the GUI thread, in batches, with progress, and cancellable.

The job runs in a worker QThread and never touches a widget. Many files are
parsed in worker processes: a parsing thread would hold Python's GIL, and every
call Qt makes back into Python on the GUI thread would wait for it. With a
library, the job also writes: it imports into its own connection and says which
keys it committed; without one, it hands the parsed cables to the GUI thread.
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
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from reader.library.import_work import import_work
from reader.library.importer import Importer
from reader.library.library import Library
from reader.library.schema import LibraryError
from reader.model import Cable, ParseError, ParseResult, Source
from reader.parse import iter_cable_files, parse_file
from reader.parse.batches import FileBatch, parse_batch
from reader.parse.files import is_release_csv
from reader.ui.problems_model import LIBRARY

BATCH_SECONDS = 0.1
BATCH_SIZE = 500
PROCESS_THRESHOLD = 200
"""Below this many files a worker process costs more to start than it saves."""
CHUNK_FILES = 25


class LoadJob(QObject):
    batch_ready = Signal(list, list)  # cables (memory mode), problems
    stored = Signal(int)  # cables committed to the library so far
    progress = Signal(int, int)  # files done, files in all
    finished = Signal(bool)  # True when cancelled

    def __init__(self, paths: Iterable[str], library_path: Path | None = None, processes: int | None = None) -> None:
        super().__init__()
        self._paths = [str(p) for p in paths]
        self._library_path = library_path
        self._cancel = threading.Event()
        self._processes = processes if processes is not None else max(1, (os.cpu_count() or 2) - 1)
        self._cables: list[Cable] = []
        self._problems: list[ParseError] = []
        self._last = time.monotonic()
        self._importer: Importer | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            self._run()
        except LibraryError as exc:  # the library cannot be opened, or a write failed (a full disk)
            problem = ParseError(Source(str(self._library_path), LIBRARY, None), str(exc))
            if self._importer is None:
                self._problems.append(problem)
            else:  # _flush relays only the importer's own problems
                self.batch_ready.emit([], [problem])
                self._importer.library.close()
        finally:
            self._flush(force=True)
            self.finished.emit(self.cancelled)

    def _run(self) -> None:
        files: list[str] = []
        for path in self._paths:
            for name in iter_cable_files(path):
                if self.cancelled:
                    return
                files.append(name)
        self.progress.emit(0, len(files))
        if self._library_path is not None:
            library = Library(self._library_path)
            # A release CSV's rows are parsed on worker processes too; this thread only writes.
            jobs = self._processes + 1 if self._processes > 0 else 1
            self._importer = Importer(library, cancel=self._cancel, on_commit=self._committed, jobs=jobs)
        # A release CSV (known by how it starts, whatever its name) streams through here, row by row.
        is_release = [is_release_csv(f) for f in files]
        releases = [f for f, release in zip(files, is_release, strict=True) if release]
        others = [f for f, release in zip(files, is_release, strict=True) if not release]
        done = 0
        if len(others) >= PROCESS_THRESHOLD and self._processes > 0:
            done = self._parse_in_processes(others, len(files))
        else:
            done = self._parse_here(others, len(files), 0)
        self._parse_here(releases, len(files), done)
        if self._importer is not None:
            report = self._importer.finish()
            self._problems.extend(p for p in report.problems if p not in self._problems)
            self._importer.library.close()

    # -- results ---------------------------------------------------------------------------

    def _committed(self, _keys: list[int]) -> None:
        assert self._importer is not None
        self.stored.emit(self._importer.report.cables)

    def _take(self, result: ParseResult) -> None:
        """A parsed cable for the window's memory (with a library, the importer stores instead)."""
        if isinstance(result, ParseError):
            self._problems.append(result)
        else:
            self._cables.append(result)

    def _flush(self, force: bool = False) -> None:
        now = time.monotonic()
        if self._importer is not None:
            fresh = self._importer.report.problems[len(self._problems) :]
            self._problems.extend(fresh)
            if fresh:
                self.batch_ready.emit([], fresh)
            self._last = now
            return
        if (self._cables or self._problems) and (force or now - self._last >= BATCH_SECONDS or len(self._cables) >= BATCH_SIZE):
            self.batch_ready.emit(self._cables, self._problems)
            self._cables, self._problems, self._last = [], [], now

    # -- parsing ---------------------------------------------------------------------------

    def _parse_here(self, files: list[str], total: int, done: int) -> int:
        for name in files:
            if self.cancelled:
                break
            if self._importer is not None:
                self._importer.import_file(name)  # streams a release CSV row by row, committing as it goes
            else:
                try:
                    for result in parse_file(name):
                        self._take(result)
                        if self.cancelled:
                            break
                        if len(self._cables) >= BATCH_SIZE:
                            self._flush()
                            time.sleep(0)  # let the GUI thread have the GIL
                except Exception as exc:  # a parser bug must not lose the rest of the load
                    self._take(ParseError(Source(name, "unknown", None), f"Could not be read: {exc!r}."))
            done += 1
            if time.monotonic() - self._last >= BATCH_SECONDS:
                self._flush()
                self.progress.emit(done, total)
        self.progress.emit(done, total)
        return done

    def _submit(self, pool: ProcessPoolExecutor, chunk: list[str]) -> Future:
        """A chunk's work: with a library, parsed and made into records in the worker (compressing
        and auditing too), so that this process only writes; without one, parsed cables."""
        if self._importer is not None:
            return pool.submit(import_work, FileBatch(tuple(chunk)))
        return pool.submit(parse_batch, FileBatch(tuple(chunk)))

    def _take_chunk(self, done: list) -> None:
        for item in done:
            if self._importer is not None:
                self._importer.take(item)
            else:
                self._take(item)

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
                pending[self._submit(pool, chunks[number])] = number
            while pending and not self.cancelled:
                finished, _ = wait(pending, timeout=BATCH_SECONDS, return_when=FIRST_COMPLETED)
                for future in finished:
                    number = pending.pop(future)
                    self._take_chunk(future.result())
                    completed.add(number)
                    done += len(chunks[number])
                    following = next(queue, None)
                    if following is not None and not self.cancelled:
                        pending[self._submit(pool, chunks[following])] = following
                if finished:
                    self._flush()
                    self.progress.emit(done, total)
        except BrokenProcessPool:  # a worker died (out of memory?): finish in this thread
            rest = [name for number, chunk in enumerate(chunks) if number not in completed for name in chunk]
            return self._parse_here(rest, total, done)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        return done


class Loader(QObject):
    """Starts load jobs one after the other on a worker thread and relays what they find."""

    cables_loaded = Signal(list)
    cables_stored = Signal(int)
    problems_found = Signal(list)
    progress = Signal(int, int)
    load_started = Signal()
    load_finished = Signal(bool)  # True when cancelled

    def __init__(self, library_path: Path | None = None, parent=None) -> None:
        super().__init__(parent)
        self._library_path = library_path
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
        thread = self._thread
        return thread.wait(milliseconds) if thread is not None else True

    def _start(self, paths: list[str]) -> None:
        job = LoadJob(paths, self._library_path)
        thread = QThread(self)
        job.moveToThread(thread)
        thread.started.connect(job.run)
        job.batch_ready.connect(self._relay_batch)
        job.stored.connect(self.cables_stored)
        job.progress.connect(self.progress)
        job.finished.connect(self._job_finished)
        # quit() is thread-safe: called in the worker as it ends, so wait() below never stalls.
        job.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
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
        # Both objects are deleted here, once the thread has ended, never by a queued deleteLater
        # that could run before this slot.
        job, thread = self._job, self._thread
        self._job, self._thread = None, None
        if thread is not None:
            thread.wait()
            thread.deleteLater()
        if job is not None:
            job.deleteLater()
        self.load_finished.emit(cancelled)
        if self._queue and not cancelled:
            self._start(self._queue.pop(0))


__all__ = ["LoadJob", "Loader"]
