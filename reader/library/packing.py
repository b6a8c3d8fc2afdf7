"""How a document is kept on disk: its model and the source text it came from, compressed once together.

A cable's paragraphs are its source text again, cleaned. Compressed apart, the two cost
the text twice; compressed as one stream, the compressor finds most of the paragraphs in the source
just before them and stores back-references instead. The paragraph texts are written raw
(not as JSON strings, whose escapes would break every match at a line end), after the
source and before the model's other fields.

Layout of a document blob (library format 5 and later)::

    0x02 | zstd frame, cables dictionary ( <III lengths of source, paragraph texts, model> | source | texts | model JSON )

Older blobs are still read and never rewritten: format 4 wrote the same payload as
``0x01 | zlib(...)``, format 3 the model alone as zlib-compressed JSON (first byte 0x78).
A source text kept on its own is a zstd frame (format 5 and later) or a zlib stream (before).
"""

from __future__ import annotations

import json
import struct
import zlib
from typing import Any

from reader.library import compression
from reader.model import Cable
from reader.model.json_codec import cable_from_json, cable_to_json

DOCUMENT = 0x02
ZLIB_DOCUMENT = 0x01
_LENGTHS = struct.Struct("<III")


def pack_document(cable: Cable, source_text: bytes | None) -> bytes:
    """The blob of a cable and (if given) the source text it was parsed from."""
    return bytes((DOCUMENT,)) + compression.compress(document_payload(cable, source_text))


def document_payload(cable: Cable, source_text: bytes | None) -> bytes:
    """What a document blob compresses: lengths, source, paragraph texts, model JSON."""
    data = cable_to_json(cable)
    texts = [paragraph.pop("text").encode("utf-8", errors="surrogatepass") for paragraph in data["paragraphs"]]
    data["paragraph_bytes"] = [len(text) for text in texts]
    model = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8", errors="surrogatepass")
    source = source_text or b""
    joined = b"".join(texts)
    return _LENGTHS.pack(len(source), len(joined), len(model)) + source + joined + model


def _decompressed(blob: bytes) -> bytes | None:
    """What a blob of format 5 (zstd) or 4 (zlib) compresses; None for a format-3 one."""
    if not blob or blob[0] not in (DOCUMENT, ZLIB_DOCUMENT):
        return None
    rest = memoryview(blob)[1:]
    return compression.decompress(rest) if blob[0] == DOCUMENT else zlib.decompress(rest)


def _payload(blob: bytes) -> tuple[bytes, bytes, bytes] | None:
    """(source, paragraph texts, model JSON) of a blob of format 5 or 4; None for a format-3 one."""
    payload = _decompressed(blob)
    if payload is None:
        return None
    source_length, texts_length, model_length = _LENGTHS.unpack_from(payload)
    start = _LENGTHS.size
    source = payload[start : start + source_length]
    texts = payload[start + source_length : start + source_length + texts_length]
    model = payload[start + source_length + texts_length : start + source_length + texts_length + model_length]
    return source, texts, model


def same_but_path(stored: bytes, new: bytes) -> bool:
    """Whether two document blobs hold the same source text, paragraphs and model, the path of the
    file they came from aside: a byte-identical copy of a file already stored."""
    if stored == new:
        return True
    old_parts, new_parts = _payload(stored), _payload(new)
    if old_parts is None or new_parts is None or old_parts[:2] != new_parts[:2]:
        return False
    old_model, new_model = json.loads(old_parts[2]), json.loads(new_parts[2])
    old_model["source"].pop("path", None)
    new_model["source"].pop("path", None)
    return old_model == new_model


def model_json(blob: bytes) -> dict[str, Any]:
    """The stored model's JSON object, paragraph texts restored."""
    parts = _payload(blob)
    if parts is None:
        return json.loads(zlib.decompress(blob))
    _source, texts, model = parts
    data = json.loads(model)
    offset = 0
    for paragraph, length in zip(data["paragraphs"], data.pop("paragraph_bytes"), strict=True):
        paragraph["text"] = texts[offset : offset + length].decode("utf-8", errors="surrogatepass")
        offset += length
    return data


def paragraph_texts(data: dict[str, Any]) -> list[str]:
    """The paragraph texts of a stored model's JSON object (``model_json``), in order."""
    return [paragraph["text"] for paragraph in data.get("paragraphs") or []]


def unpack_cable(blob: bytes) -> Cable:
    return cable_from_json(model_json(blob))


def document_source(blob: bytes) -> bytes | None:
    """The source text a document blob carries (None for a format-3 blob or a cable stored without one)."""
    parts = _payload(blob)
    return parts[0] or None if parts else None


def repack_document(blob: bytes, level: int) -> bytes | None:
    """A document blob compressed again at zstd ``level`` (a format-4 zlib one becomes a zstd one),
    or None: a format-3 blob (its model alone) is left as it is, and so is one that would not shrink."""
    payload = _decompressed(blob)
    if payload is None:
        return None
    packed = bytes((DOCUMENT,)) + compression.compress(payload, level)
    return packed if len(packed) < len(blob) else None


def repack_text(blob: bytes, level: int) -> bytes | None:
    """A source text kept on its own, compressed again at zstd ``level``; None if it would not shrink."""
    packed = compression.compress(unpack_text(blob), level)
    return packed if len(packed) < len(blob) else None


def pack_text(text: bytes) -> bytes:
    """A source text kept on its own (a second copy of a cable, from another file or release)."""
    return compression.compress(text)


def unpack_text(blob: bytes) -> bytes:
    return compression.decompress(blob) if compression.is_frame(blob) else zlib.decompress(blob)
