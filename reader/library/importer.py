"""Importing files, folders and release CSVs into the library: streamed, resumable, cancellable.

Work is committed in transactions every few hundred cables; a crash or a kill
loses at most the open transaction. Run again, an import skips files that
have not changed since they were stored, and a release CSV resumes after the
last row it committed.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from reader.library.import_work import FileOutcome, ImportTask, Outcome, ReleaseEnd, ReleaseStart, RowOutcome, import_work
from reader.library.library import Library
from reader.library.records import CableRecord
from reader.library.schema import library_error
from reader.library.sqlite import sqlite3
from reader.model import ParseError
from reader.parse.batches import batches, release_batches
from reader.parse.parallel import ordered_map

BULK_BYTES = 64 * 2**20
BYTES_A_CABLE = 8 * 2**10
"""About what a cable takes in a release CSV (1.9 GB for 251,287 rows): to compare files with a library."""
COMMIT_CABLES = 2000
COMMIT_SECONDS = 2.0
ANALYZE_AFTER = 5000
"""An import that adds this many cables refreshes the planner's statistics at the end."""


@dataclass
class ImportReport:
    files: int = 0
    files_skipped: int = 0
    cables_added: int = 0
    cables_updated: int = 0
    rows_resumed: int = 0
    problems: list[ParseError] = field(default_factory=list)
    cancelled: bool = False
    building_indexes: bool = False
    """The cables are in; the list's indexes, deferred, are being built."""

    @property
    def cables(self) -> int:
        return self.cables_added + self.cables_updated


ProgressCallback = Callable[[ImportReport, str], None]


class Importer:
    """Parses in ``jobs`` worker processes (here when 1) and writes, in order, in this one."""

    def __init__(
        self,
        library: Library,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        on_commit: Callable[[list[int]], None] | None = None,
        jobs: int = 1,
        start_method: str = "spawn",
        defer_list_indexes: bool = False,
    ) -> None:
        self.library = library
        self._defer_list_indexes = defer_list_indexes
        self.report = ImportReport()
        self._on_progress = on_progress
        self._on_commit = on_commit
        self._cancel = cancel or threading.Event()
        self._jobs = jobs
        self._start_method = start_method
        self._pending = 0
        self._fresh: list[int] = []
        self._since = time.monotonic()
        self._release: ReleaseStart | None = None
        self._release_line = 0
        self._failed = False
        """A write failed (a full disk): nothing more is written."""

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def finish(self) -> ImportReport:
        """Commit what is pending and report."""
        self._commit()
        # (A deferred index build ends with an ANALYZE of its own.)
        if self.report.cables_added >= ANALYZE_AFTER and not self.report.building_indexes and not self._failed:
            with self._writing():
                self.library.analyze()
        self.report.cancelled = self.cancelled
        return self.report

    def run(self, paths: Iterable[str | os.PathLike[str]]) -> ImportReport:
        deferred = self.library.list_indexes_deferred(self._building_indexes) if self._defer_list_indexes else contextlib.nullcontext()
        try:
            with deferred:
                try:
                    self._import(paths)
                finally:
                    self._commit()
        finally:
            report = self.finish()
        return report

    def _building_indexes(self) -> None:
        self.report.building_indexes = True
        self._progress("")

    def import_file(self, name: str) -> None:
        """One file (a release CSV streams through, committing as it goes)."""
        self._import([name])

    def _import(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        outcomes = ordered_map(import_work, self._tasks(paths), self._jobs, self._cancel, self._start_method)
        try:
            for batch in outcomes:
                for outcome in batch:
                    self.take(outcome)
                if self.cancelled:
                    break
        finally:
            outcomes.close()
            if self._release is not None:  # cancelled inside a release: it resumes from here next time
                self._end_release(finished=False)

    # -- the work, in order ------------------------------------------------------------

    def _tasks(self, paths: Iterable[str | os.PathLike[str]]) -> Iterator[ImportTask]:
        return batches([os.fspath(p) for p in paths], release=self._release_tasks, wanted=self._changed)

    def _changed(self, name: str) -> bool:
        """Whether a file needs reading: not stored yet, or changed since (the worker's read says why a file fails)."""
        try:
            stat = os.stat(name)
        except OSError:
            return True
        if self.library.source_state(name) != (stat.st_size, stat.st_mtime):
            return True
        self.report.files += 1
        self.report.files_skipped += 1
        return False

    def _release_tasks(self, name: str) -> Iterator[ImportTask]:
        stat = os.stat(name)
        size, mtime = stat.st_size, stat.st_mtime
        state = self.library.release_state(name)
        resume_after = 0
        if state and state[:2] == (size, mtime):
            if state[3]:
                self.report.files += 1
                self.report.files_skipped += 1
                return
            resume_after = state[2]
        yield ReleaseStart(name, size, mtime, resume_after)
        yield from release_batches(name, resume_after, self._row_resumed)
        yield ReleaseEnd(name)

    def take(self, outcome: Outcome) -> None:
        """Store one outcome of ``import_work`` (from this importer's workers or the window's)."""
        with self._writing():
            self._take(outcome)

    def _take(self, outcome: Outcome) -> None:
        if isinstance(outcome, FileOutcome):
            self.report.files += 1
            if isinstance(outcome.record, ParseError):
                self._problem(outcome.record)
            else:
                self._store(outcome.record, outcome.path, outcome.size, outcome.mtime)
        elif isinstance(outcome, RowOutcome):
            self._release_line = outcome.line
            if isinstance(outcome.record, ParseError):
                self._problem(outcome.record)
            else:
                assert self._release is not None
                self._store(outcome.record, self._release.path)
        elif isinstance(outcome, ReleaseStart):
            self.report.files += 1
            self._release, self._release_line = outcome, outcome.resume_after
        else:
            self._end_release(finished=not self.cancelled)

    def _store(self, record: CableRecord, current: str, size: int | None = None, mtime: float | None = None) -> None:
        self._begin()
        self._stored(*self.library.store_record(record, size, mtime))
        if self._due():
            self._commit()
            self._progress(current)

    def _end_release(self, finished: bool) -> None:
        release, self._release = self._release, None
        assert release is not None
        if self._failed:  # its rows since the last commit are gone: the stored line stays as it was
            return
        with self._writing():
            self._begin()
            self.library.mark_release(release.path, release.size, release.mtime, self._release_line, finished=finished)
        self._commit()
        self._progress(release.path)

    # -- transactions ------------------------------------------------------------------

    def _begin(self) -> None:
        self.library.begin()

    def _stored(self, key: int, is_new: bool) -> None:
        if is_new:
            self.report.cables_added += 1
            self._fresh.append(key)
        else:
            self.report.cables_updated += 1
        self._pending += 1

    def _due(self) -> bool:
        return self._pending >= COMMIT_CABLES or time.monotonic() - self._since >= COMMIT_SECONDS

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One of the import's writes. Should it fail (a full disk), the open transaction is given
        up and nothing more is written, so that what was committed stays true (a release resumes
        after the last row it committed), and the user reads why, not SQLite's words."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            self._failed = True
            self.library.abandon()
            raise library_error(self.library.path, exc) from exc

    def _commit(self) -> None:
        if self._failed:
            return
        with self._writing():
            if self._release is not None and self._pending:  # how far the release got, in the same transaction
                self.library.mark_release(
                    self._release.path, self._release.size, self._release.mtime, self._release_line, finished=False
                )
            self.library.commit()
        fresh, self._fresh = self._fresh, []
        self._pending, self._since = 0, time.monotonic()
        if self._on_commit and fresh:
            self._on_commit(fresh)

    def _progress(self, current: str) -> None:
        if self._on_progress:
            self._on_progress(self.report, current)

    def _row_resumed(self) -> None:
        self.report.rows_resumed += 1

    def _problem(self, problem: ParseError) -> None:
        self.report.problems.append(problem)
        self._progress(problem.source.path)


def is_bulk(library: Library, paths: Iterable[str | os.PathLike[str]]) -> bool:
    """Whether files (a release CSV, say) are at least ``BULK_BYTES`` and more than the library
    already holds: an import of them builds the list's indexes at its end (``defer_list_indexes``).
    Folders are not walked to know: an import of one keeps the indexes as it goes."""
    size = 0
    for path in paths:
        with contextlib.suppress(OSError):
            if os.path.isfile(path):
                size += os.path.getsize(path)
    return size >= BULK_BYTES and library.count() * BYTES_A_CABLE < size


def import_paths(library: Library, paths: Iterable[str], **options) -> ImportReport:
    return Importer(library, **options).run(paths)
