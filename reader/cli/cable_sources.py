"""Where a command's cables come from: files and folders, or a library; problems are collected, not raised."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from reader.library.library import Library
from reader.library.paths import default_library_path
from reader.library.query import ListQuery
from reader.library.schema import LibraryError
from reader.model import Cable, ParseError
from reader.parse import parse_paths

BY_REFERENCE = ListQuery(sort="reference", descending=False)


def open_library(path: str | None, create: bool = False) -> Library | None:
    """The library at ``path`` (default: the user's), or None after saying why it cannot be opened.

    Only ``import`` creates a library; a command that reads one names a missing file instead of
    answering from an empty library it just made there."""
    where = Path(path) if path else default_library_path()
    if not create and not where.exists():
        print(f"error: there is no library at {where} (python -m reader import PATH... --library {where} makes one)", file=sys.stderr)
        return None
    try:
        return Library(where)
    except LibraryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def cables_from_paths(paths: list[str], problems: list[str]) -> Iterator[Cable]:
    """Every cable under ``paths``; a file that is no cable becomes a line in ``problems``."""
    for result in parse_paths(paths):
        if isinstance(result, ParseError):
            problems.append(f"{result.source.path}: {result.message}")
        else:
            yield result


def cables_from_library(path: str | None, problems: list[str], query: ListQuery = BY_REFERENCE) -> Iterator[Cable]:
    """The library's cables that ``query`` lists, in its order, read one at a time."""
    library = open_library(path)
    if library is None:
        problems.append("the library cannot be opened")
        return
    try:
        for key in library.query(query):
            yield library.get(key)
    finally:
        library.close()
