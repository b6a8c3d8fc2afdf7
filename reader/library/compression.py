"""zstd with a dictionary of cable text: how documents and source texts are compressed.

A cable is a few kilobytes, and most of what zlib stores of it is what every cable
repeats: the header's fields and routing lines, the markings, a web page's template,
the model's JSON keys. A zstd dictionary trained on real cables holds those once for
every document, so each document stores only what is its own. On the held-out half of
the corpus (``tests/bench/bench_compression.py``) this keeps a cable in a fifth less
space than zlib level 6 and a web page in a third of it, and compresses three (a cable)
to eight (a page) times faster: zlib was most of what an import spent beyond parsing.

The dictionary (``resources/data/cables.zstd-dict``, made by that benchmark with
``--write``) is part of the library format: every frame records the id of the dictionary
it needs, so it may never change; a better one would ship beside it under its own id.

zstd is in the standard library from Python 3.14 (``compression.zstd``); before, the
``backports.zstd`` package is the same module.
"""

from __future__ import annotations

import threading
from functools import lru_cache

try:
    from compression import zstd  # type: ignore[import-not-found]
except ImportError:  # Python < 3.14, or a 3.14 built without libzstd
    try:
        from backports import zstd  # type: ignore[import-not-found,no-redef]
    except ImportError as missing:
        raise ImportError(
            "Cable Reader needs zstd to read and write its library: this Python has no compression.zstd "
            "(it is older than 3.14, or was built without libzstd) and the backports.zstd package is not installed. "
            "Install it with: python -m pip install backports.zstd"
        ) from missing

from reader.resources import resource

LEVEL = 3
"""zstd level: 6 stores documents about 8% smaller in two to three times the time."""

DICTIONARY_FILE = "cables.zstd-dict"
DICTIONARY_ID = 609127877
"""The id the shipped dictionary carries, which every frame compressed with it names."""
_MAGIC = b"\x28\xb5\x2f\xfd"


class DictionaryMissing(RuntimeError):
    """The installation lacks the dictionary every stored document needs."""


@lru_cache(maxsize=1)
def dictionary() -> zstd.ZstdDict:
    """The cables dictionary, read once per process (and checked: another one could not read a single document)."""
    path = resource("data", DICTIONARY_FILE)
    try:
        found = zstd.ZstdDict(path.read_bytes())
    except (OSError, zstd.ZstdError) as exc:
        raise DictionaryMissing(f"Cable Reader is incompletely installed: {path} cannot be read ({exc}).") from exc
    if found.dict_id != DICTIONARY_ID:
        raise DictionaryMissing(f"Cable Reader is incompletely installed: {path} is not the dictionary it was built with.")
    return found


_per_thread = threading.local()


def _compressor(level: int) -> zstd.ZstdCompressor:
    """This thread's compressor at ``level`` for the dictionary in use: made once, since making one
    (and attaching the dictionary) cost a sixth of compressing a cable. A compressor serves one
    thread at a time."""
    shared = dictionary()
    if getattr(_per_thread, "dictionary", None) is not shared:
        _per_thread.compressors = {}
        _per_thread.dictionary = shared
    compressors: dict[int, zstd.ZstdCompressor] = _per_thread.compressors
    if level not in compressors:
        compressors[level] = zstd.ZstdCompressor(level, zstd_dict=shared.as_digested_dict)
    return compressors[level]


def compress(data: bytes, level: int = LEVEL) -> bytes:
    """One zstd frame of ``data``, compressed against the cables dictionary (any level reads back
    the same way: ``compaction`` compresses again at a higher one)."""
    return _compressor(level).compress(data, zstd.ZstdCompressor.FLUSH_FRAME)


def decompress(frame: bytes | memoryview) -> bytes:
    return zstd.decompress(frame, zstd_dict=dictionary())


def is_frame(blob: bytes | memoryview) -> bool:
    """Whether a blob is a zstd frame (a zlib stream starts with 0x78 instead)."""
    return bytes(blob[:4]) == _MAGIC
