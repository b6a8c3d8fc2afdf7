"""Importing files, folders and release CSVs into the library: streamed, resumable, cancellable.

Work is committed in transactions every few hundred cables; a crash or a kill
loses at most the open transaction. Run again, an import skips files that
have not changed since they were stored, and a release CSV resumes after the
last row it committed.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from reader.library.library import Library
from reader.model import ParseError, ParseResult
from reader.parse import iter_cable_files
from reader.parse.files import FileRead, parse_read, read_cable_file, release_rows

COMMIT_CABLES = 500
COMMIT_SECONDS = 2.0


@dataclass
class ImportReport:
    files: int = 0
    files_skipped: int = 0
    cables_added: int = 0
    cables_updated: int = 0
    rows_resumed: int = 0
    problems: list[ParseError] = field(default_factory=list)
    cancelled: bool = False

    @property
    def cables(self) -> int:
        return self.cables_added + self.cables_updated


ProgressCallback = Callable[[ImportReport, str], None]


class Importer:
    def __init__(
        self,
        library: Library,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        on_commit: Callable[[list[int]], None] | None = None,
    ) -> None:
        self.library = library
        self.report = ImportReport()
        self._on_progress = on_progress
        self._on_commit = on_commit
        self._cancel = cancel or threading.Event()
        self._pending = 0
        self._fresh: list[int] = []
        self._since = time.monotonic()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def finish(self) -> ImportReport:
        """Commit what is pending and report."""
        self._commit()
        self.report.cancelled = self.cancelled
        return self.report

    def run(self, paths: Iterable[str | os.PathLike[str]]) -> ImportReport:
        try:
            for path in paths:
                for name in iter_cable_files(path):
                    if self.cancelled:
                        break
                    self.import_file(name)
                if self.cancelled:
                    break
        finally:
            report = self.finish()
        return report

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

    def _commit(self) -> None:
        self.library.commit()
        fresh, self._fresh = self._fresh, []
        self._pending, self._since = 0, time.monotonic()
        if self._on_commit and fresh:
            self._on_commit(fresh)

    def _progress(self, current: str) -> None:
        if self._on_progress:
            self._on_progress(self.report, current)

    # -- files -------------------------------------------------------------------------

    def unchanged(self, read: FileRead) -> bool:
        """Whether the file is stored already, at this size and modification time."""
        return self.library.source_state(read.path) == (read.size, read.mtime)

    def import_file(self, name: str) -> None:
        read = read_cable_file(name)
        if isinstance(read, ParseError):
            self.report.files += 1
            self._problem(read)
        elif read.release:
            self.report.files += 1
            self._import_release(read.path, read.size, read.mtime)
        elif self.unchanged(read):
            self.report.files += 1
            self.report.files_skipped += 1
        else:
            self.store_parsed(parse_read(read), read)

    def store_parsed(self, result: ParseResult, read: FileRead) -> None:
        """Store one parsed file (parsed here or in a worker process)."""
        self.report.files += 1
        if isinstance(result, ParseError):
            self._problem(result)
            return
        self._begin()
        self._stored(*self.library.store(result, read.data, read.size, read.mtime))
        if self._due():
            self._commit()
            self._progress(read.path)

    def _import_release(self, name: str, size: int, mtime: float) -> None:
        state = self.library.release_state(name)
        resume_after = 0
        if state and state[:2] == (size, mtime):
            if state[3]:
                self.report.files_skipped += 1
                return
            resume_after = state[2]
        last_line = resume_after
        for result, text in release_rows(name, resume_after, self._row_resumed):
            if self.cancelled:
                break
            if isinstance(result, ParseError):
                self._problem(result)
                continue
            self._begin()
            self._stored(*self.library.store(result, text.encode("utf-8") if text else None))
            last_line = result.source.row or last_line
            if self._due():
                self.library.mark_release(name, size, mtime, last_line, finished=False)
                self._commit()
                self._progress(name)
        self._begin()
        self.library.mark_release(name, size, mtime, last_line, finished=not self.cancelled)
        self._commit()
        self._progress(name)

    def _row_resumed(self) -> None:
        self.report.rows_resumed += 1

    def _problem(self, problem: ParseError) -> None:
        self.report.problems.append(problem)
        self._progress(problem.source.path)


def import_paths(library: Library, paths: Iterable[str], **options) -> ImportReport:
    return Importer(library, **options).run(paths)
