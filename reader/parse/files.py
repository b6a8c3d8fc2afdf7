"""Files and folders in, parse results out: one per cable, errors as values.

The only module here that touches the file system. A file that cannot be
read as a cable yields a ParseError with one clear sentence; nothing raises.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.model import Cable, ParseError, ParseResult, Source
from reader.parse.cable_text import parse_cable_text
from reader.parse.decode import NotText, decode_bytes, without_zero_padding
from reader.parse.html_page import extract_page
from reader.parse.markdown import looks_like_markdown, normalize_markdown
from reader.parse.release_csv import BadRow, ReleaseRow, looks_like_release_csv, open_release, read_release_rows

_PRE_TAG = re.compile(r"<pre\b", re.I)

MAX_CABLE_BYTES = 8 * 1024 * 1024
"""The longest real cable is well under 1 MB; past this a file is read in part."""

CABLE_SUFFIXES = frozenset({"", ".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".csv", ".cable"})
"""Files picked up when walking a folder (a file named explicitly is always read)."""


def detect_format(text: str) -> str:
    head = text[:4096].lstrip("\ufeff \n\r\t")
    if looks_like_release_csv(head):
        return "csv"
    lowered = head[:1024].lower()
    if lowered.startswith(("<?xml", "<!doctype", "<html")) or _PRE_TAG.search(text, 0, 200000):
        return "html"
    if looks_like_markdown(text[:200000]):
        return "markdown"
    return "text"


def looks_like_cable(cable: Cable) -> bool:
    return any(
        (
            cable.reference_id,
            cable.dtg,
            cable.banner,
            cable.subject,
            cable.from_,
            cable.tags,
            cable.eo_line,
            cable.references,
            cable.classified_by,
            cable.to,
            cable.info,
            cable.xmt,
            cable.signers,
            cable.declassify_on,
            any(p.number is not None for p in cable.paragraphs),
        )
    )


def parse_text(text: str, source: Source) -> Cable:
    """Parse decoded text of any single-cable form (page, Markdown-like, plain)."""
    metadata = None
    if source.format == "html":
        page = extract_page(text)
        text, metadata = page.text, page.metadata
    elif source.format == "markdown":
        text = normalize_markdown(text)
    return parse_cable_text(text, source, metadata)


def parse_bytes(data: bytes, path: str, truncated_from: int | None = None) -> ParseResult:
    """Parse one cable held in ``data`` (the file's bytes, or their first part)."""
    if not data.strip():
        return ParseError(Source(path, "unknown", None), "The file is empty.")
    data, padding = without_zero_padding(data)
    try:
        text, encoding = decode_bytes(data)
    except NotText as exc:
        return ParseError(Source(path, "binary", None), f"Not a cable: {exc}.")
    fmt = detect_format(text)
    source = Source(path, fmt, encoding)
    try:
        cable = parse_text(text, source)
    except RecursionError:
        return ParseError(source, "The file is too deeply nested to read.")
    if not looks_like_cable(cable):
        return ParseError(source, "No cable found: the file has no header, banner, subject or numbered paragraphs.")
    if truncated_from is not None:
        cable.warn(f"file is {truncated_from / 2**20:.0f} MB; only its first {MAX_CABLE_BYTES // 2**20} MB were read")
    if padding:
        cable.warn(f"{padding} zero bytes at the end of the file were left out")
    return cable


def unread_release_rows(
    path: str, skip_through: int = 0, on_skip: Callable[[], None] | None = None
) -> Iterator[ReleaseRow | BadRow]:
    """A release CSV's rows; rows on lines up to ``skip_through`` (already imported) are read
    past without being parsed, and ``on_skip`` is called for each."""
    with open_release(path) as stream:
        for row in read_release_rows(stream):
            if row.line <= skip_through:
                if on_skip:
                    on_skip()
                continue
            yield row


def parse_release_row(path: str, row: ReleaseRow | BadRow) -> ParseResult:
    source = Source(path, "csv", "utf-8", row.line)
    if isinstance(row, BadRow):
        return ParseError(source, f"Skipped a malformed CSV row at {row.message}.")
    return parse_cable_text(row.text, source, row.metadata)


def release_rows(
    path: str, skip_through: int = 0, on_skip: Callable[[], None] | None = None
) -> Iterator[tuple[ParseResult, str | None]]:
    """Each row of a release CSV parsed, with the row's text (None for a malformed row)."""
    for row in unread_release_rows(path, skip_through, on_skip):
        yield parse_release_row(path, row), (row.text if isinstance(row, ReleaseRow) else None)


@dataclass(frozen=True)
class FileRead:
    """A file's first bytes as read for parsing (empty for a release CSV, which streams)."""

    path: str
    data: bytes
    size: int
    mtime: float
    release: bool


def read_cable_file(path: str | os.PathLike[str]) -> FileRead | ParseError:
    """Read a file for parsing: at most MAX_CABLE_BYTES, nothing of a release CSV but its start."""
    name = os.fspath(path)
    try:
        stat = os.stat(name)
        with open(name, "rb") as handle:
            start = handle.read(4096)
            release = looks_like_release_csv(start.decode("utf-8", errors="replace"))
            data = b"" if release else start + handle.read(MAX_CABLE_BYTES - len(start))
    except IsADirectoryError:
        return ParseError(Source(name, "unknown", None), "This is a folder, not a file.")
    except OSError as exc:
        return ParseError(Source(name, "unknown", None), f"The file cannot be read: {exc.strerror or exc}.")
    return FileRead(name, data, stat.st_size, stat.st_mtime, release)


def is_release_csv(path: str | os.PathLike[str]) -> bool:
    """Whether a file starts like the release's cables.csv (whatever its name)."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(4096)
    except OSError:
        return False
    return looks_like_release_csv(start.decode("utf-8", errors="replace"))


def parse_read(read: FileRead) -> ParseResult:
    """Parse a (non-CSV) file that ``read_cable_file`` read."""
    return parse_bytes(read.data, read.path, read.size if read.size > MAX_CABLE_BYTES else None)


def parse_file(path: str | os.PathLike[str]) -> Iterator[ParseResult]:
    """Every cable in one file: one for a cable file, one per row for a release CSV."""
    read = read_cable_file(path)
    if isinstance(read, ParseError):
        yield read
    elif read.release:
        yield from (result for result, _text in release_rows(read.path))
    else:
        yield parse_read(read)


def iter_cable_files(path: str | os.PathLike[str]) -> Iterator[str]:
    """The path itself if it is a file, else the cable files below it, sorted."""
    root = os.fspath(path)
    if not os.path.isdir(root):
        yield root
        return
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in CABLE_SUFFIXES:
                yield os.path.join(folder, name)


def parse_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[ParseResult]:
    for path in paths:
        for name in iter_cable_files(path):
            yield from parse_file(name)
