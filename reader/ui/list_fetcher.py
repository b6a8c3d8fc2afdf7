"""The list's rows asked of a library off the GUI thread: loading's refreshes, sorts, filters.

While cables are imported the list is asked again every REFRESH_MS. On the whole release,
one asking (every key in the list's order and the timeline's counts per month) takes about
0.2 s: done on the GUI thread, the window stood still for a quarter of a second in every 0.7,
and for up to as long at each click on a column or pause in typing a filter. Here a worker
thread asks on a connection of its own (the library is in WAL mode, so it reads beside the
importer's writes) and hands the answer back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from reader.library.library import Library
from reader.library.query import ListQuery, MonthCounts
from reader.library.schema import LibraryError
from reader.library.sqlite import sqlite3


@dataclass(frozen=True)
class ListAnswer:
    """What a list query asked in the background found: everything a refresh shows."""

    generation: int
    keys: list[int]
    months: MonthCounts
    total: int
    """Cables in the library, filtered or not (for the status bar's count)."""


def answer_query(library: Library, generation: int, query: ListQuery) -> ListAnswer:
    """Ask one list query and everything shown with it (the work the worker thread does)."""
    return ListAnswer(generation, library.query(query), library.month_counts(query), library.count())


class _Worker(QObject):
    answered = Signal(object)  # ListAnswer
    failed = Signal(int, str)  # generation, message

    def __init__(self, path: Path, latest: Callable[[], int]) -> None:
        super().__init__()
        self._path = path
        self._latest = latest
        self.library: Library | None = None
        self.asking: int | None = None
        """The generation being asked now, if any (read by the GUI thread to interrupt it)."""

    @Slot(int, object)
    def fetch(self, generation: int, query: ListQuery) -> None:
        while generation >= self._latest():  # else a newer query was asked meanwhile: nobody waits for this one
            try:
                if self.library is None:
                    self.library = Library(self._path)
                self.asking = generation
                answer = answer_query(self.library, generation, query)
            except sqlite3.OperationalError as exc:
                if "interrupt" in str(exc):
                    continue  # a newer query stopped this one (or, by a hair, this very one: asked again)
                self.failed.emit(generation, str(exc))
            except (LibraryError, sqlite3.Error) as exc:
                self.failed.emit(generation, str(exc))
            else:
                self.answered.emit(answer)
            finally:
                self.asking = None
            return


_STOPPED = 2**62
"""The generation a stopped fetcher holds as the latest: older than it, every query is dropped."""


class ListFetcher(QObject):
    """Asks list queries of the library at ``path`` on a thread of its own, one after another.

    ``fetch`` returns at once; ``answered`` (on the GUI thread) carries the answer, tagged with
    the generation it was asked with, so that the model can drop an answer it no longer wants.
    Generations only grow: a query still waiting when a newer one is asked is not asked at all,
    and one being asked is interrupted (a first letter typed in the filter box reads every row)."""

    answered = Signal(object)  # ListAnswer
    failed = Signal(int, str)
    _ask = Signal(int, object)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = Path(path)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._latest = 0
        app = QCoreApplication.instance()
        if app is not None:  # a thread still running when Python tears Qt down aborts the process
            app.aboutToQuit.connect(self.stop)

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def fetch(self, generation: int, query: ListQuery) -> None:
        if self._thread is None:
            self._start()
        self._latest = generation
        worker = self._worker
        if worker is not None and worker.library is not None and worker.asking is not None and worker.asking < generation:
            worker.library.interrupt()  # the query it is asking is out of date: the new one need not wait for it
        self._ask.emit(generation, query)

    def _start(self) -> None:
        worker = _Worker(self._path, lambda: self._latest)
        thread = QThread(self)
        thread.setObjectName("list fetcher")
        worker.moveToThread(thread)
        self._ask.connect(worker.fetch)
        worker.answered.connect(self.answered)
        worker.failed.connect(self.failed)
        thread.start()
        self._thread, self._worker = thread, worker

    def stop(self) -> None:
        """End the thread, interrupting the query it is asking, and close its connection."""
        thread, worker = self._thread, self._worker
        if thread is None or worker is None:
            return
        self._thread = self._worker = None
        self._ask.disconnect(worker.fetch)
        self._latest = _STOPPED  # whatever it is asking, nobody waits for
        thread.quit()
        while not thread.wait(100):
            if worker.library is not None and worker.asking is not None:
                worker.library.interrupt()  # (again: one that comes between two statements stops nothing)
        if worker.library is not None:
            worker.library.close()  # the thread has ended: nothing else uses the connection
        worker.deleteLater()
