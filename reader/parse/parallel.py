"""Independent work on every core, results in the order the work came in, memory flat.

Parsing one cable never depends on another, so ``parse`` and ``import`` hand chunks
of cables to worker processes. At most a small window of chunks is in flight, so a
release CSV of 1.9 GB streams through without piling up. A pool that cannot start,
or that loses a worker, never loses work: what is left is done in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def ordered_map(
    function: Callable[[Task], Result],
    tasks: Iterable[Task],
    jobs: int,
    cancel: threading.Event | None = None,
    start_method: str = "spawn",
) -> Iterator[Result]:
    """``function(task)`` for every task, in order, on ``jobs`` worker processes (here if ``jobs`` <= 1).

    ``start_method`` "fork" starts workers fastest, but only a process without threads may
    fork safely (the command line); the window's import thread uses "spawn".
    Stops early, leaving nothing running, once ``cancel`` is set or the caller stops iterating.
    """
    tasks = iter(tasks)
    if jobs <= 1:
        yield from _here(function, tasks, cancel)
        return
    if start_method not in multiprocessing.get_all_start_methods():  # no fork on Windows
        start_method = "spawn"
    try:
        pool = ProcessPoolExecutor(
            max_workers=jobs, mp_context=multiprocessing.get_context(start_method), initializer=_end_with, initargs=(os.getpid(),)
        )
    except (OSError, ValueError):  # no processes here
        yield from _here(function, tasks, cancel)
        return
    window = 8 * jobs  # enough to keep every worker busy while the writer waits on the disk
    pending: deque[tuple[Task, Future | None]] = deque()

    def submitted(task: Task) -> Future | None:
        """The task's future, or None once the pool is broken (it is then done here, in order)."""
        try:
            return pool.submit(function, task)
        except BrokenProcessPool:  # a worker died since the last result was taken
            return None

    try:
        for task in tasks:
            pending.append((task, submitted(task)))
            if len(pending) >= window:
                break
        while pending:
            if cancel is not None and cancel.is_set():
                return
            task, future = pending[0]
            try:
                if future is None:
                    raise BrokenProcessPool("a worker died before this task was handed out")
                result = future.result()
            except BrokenProcessPool:  # a worker died (out of memory?): finish in this process
                rest = [task for task, _future in pending]
                pending.clear()
                yield from _here(function, iter([*rest, *tasks]), cancel)
                return
            pending.popleft()
            following = next(tasks, _END)
            if following is not _END:
                pending.append((following, submitted(following)))  # type: ignore[arg-type]
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_END = object()


def _end_with(parent: int) -> None:
    """A worker's start: it ends once the process that started it is gone. Killed (``kill -9``,
    out of memory), that process cannot stop its workers, which would otherwise wait on
    their queue for ever."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def _here(function: Callable[[Task], Result], tasks: Iterator[Task], cancel: threading.Event | None) -> Iterator[Result]:
    for task in tasks:
        if cancel is not None and cancel.is_set():
            return
        yield function(task)
