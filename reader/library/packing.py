"""How a document is kept on disk: its model and the source text it came from, compressed once together.

A cable's paragraphs are its source text again, cleaned. Compressed apart, the two cost
the text twice; compressed as one stream (formats 4 to 7), the compressor found most of the
paragraphs in the source just before them and stored back-references, one for every line the
source wraps a paragraph over: 6% of a document of the release. Format 8 writes each paragraph
as runs of the source's words (``source_spans``), and only the words the parser changed as
literals, raw (not as JSON strings, whose escapes would break every match).

Layout of a document blob (library format 8 and later)::

    0x03 | zstd frame, cables dictionary ( <III lengths of source, literals, model> | source | literals | model JSON )

where the model's ``paragraph_region`` and ``paragraph_pieces`` say how each paragraph's text is
made of runs of the source's words and of the literals.

Older blobs are still read, and rewritten only by compacting: formats 5 to 7 wrote
``0x02 | zstd frame(...)`` with the paragraph texts written out in full in place of the literals
(their lengths in the model's ``paragraph_bytes``), format 4 the same payload as
``0x01 | zlib(...)``, format 3 the model alone as zlib-compressed JSON (first byte 0x78).
A source text kept on its own is a zstd frame (format 5 and later) or a zlib stream (before).
"""

from __future__ import annotations

import json
import struct
import zlib
from typing import Any

from reader.library import compression, source_spans
from reader.model import Cable
from reader.model.json_codec import cable_from_json, cable_to_json

DOCUMENT = 0x03
TEXTS_DOCUMENT = 0x02
ZLIB_DOCUMENT = 0x01
_LENGTHS = struct.Struct("<III")


def pack_document(cable: Cable, source_text: bytes | None) -> bytes:
    """The blob of a cable and (if given) the source text it was parsed from."""
    return bytes((DOCUMENT,)) + compression.compress(document_payload(cable, source_text))


def document_payload(cable: Cable, source_text: bytes | None) -> bytes:
    """What a document blob compresses: lengths, source, literal lines, model JSON."""
    return _payload_of(cable_to_json(cable), source_text or b"")


def _payload_of(data: dict[str, Any], source: bytes) -> bytes:
    """The payload of a model's JSON object (its paragraph texts taken out of it) and its source."""
    texts = [paragraph.pop("text").encode("utf-8", errors="surrogatepass") for paragraph in data["paragraphs"]]
    data["paragraph_region"], data["paragraph_pieces"], literals = source_spans.encode(source, texts)
    model = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8", errors="surrogatepass")
    joined = b"".join(literals)
    return _LENGTHS.pack(len(source), len(joined), len(model)) + source + joined + model


def _decompressed(blob: bytes) -> bytes | None:
    """What a blob of format 4 (zlib) or later (zstd) compresses; None for a format-3 one."""
    if not blob or blob[0] not in (DOCUMENT, TEXTS_DOCUMENT, ZLIB_DOCUMENT):
        return None
    rest = memoryview(blob)[1:]
    return zlib.decompress(rest) if blob[0] == ZLIB_DOCUMENT else compression.decompress(rest)


def _payload(blob: bytes) -> tuple[bytes, bytes, bytes] | None:
    """(source, literals or paragraph texts, model JSON) of a blob of format 4 or later; None for a format-3 one."""
    payload = _decompressed(blob)
    if payload is None:
        return None
    source_length, texts_length, model_length = _LENGTHS.unpack_from(payload)
    start = _LENGTHS.size
    source = payload[start : start + source_length]
    texts = payload[start + source_length : start + source_length + texts_length]
    model = payload[start + source_length + texts_length : start + source_length + texts_length + model_length]
    return source, texts, model


def _contents(blob: bytes) -> tuple[bytes, dict[str, Any]] | None:
    """(source, model JSON with its paragraph texts) of a blob of format 4 or later; None for a format-3 one."""
    parts = _payload(blob)
    if parts is None:
        return None
    source, stored, model = parts
    data = json.loads(model)
    if blob[0] == DOCUMENT:
        region = data.pop("paragraph_region")
        texts = source_spans.decode(source, region, data.pop("paragraph_pieces"), stored)
    else:
        texts, offset = [], 0
        for length in data.pop("paragraph_bytes"):
            texts.append(stored[offset : offset + length])
            offset += length
    for paragraph, text in zip(data["paragraphs"], texts, strict=True):
        paragraph["text"] = text.decode("utf-8", errors="surrogatepass")
    return source, data


def same_but_path(stored: bytes, new: bytes) -> bool:
    """Whether two document blobs hold the same source text, paragraphs and model, the path of the
    file they came from aside: a byte-identical copy of a file already stored."""
    if stored == new:
        return True
    if stored[:1] == new[:1]:  # one form: the same source and texts are the same pieces and literals
        old_parts, new_parts = _payload(stored), _payload(new)
        if old_parts is None or new_parts is None or old_parts[:2] != new_parts[:2]:
            return False
        old_model, new_model = json.loads(old_parts[2]), json.loads(new_parts[2])
    else:  # a document of an older format: compared as read
        old_contents, new_contents = _contents(stored), _contents(new)
        if old_contents is None or new_contents is None or old_contents[0] != new_contents[0]:
            return False
        old_model, new_model = old_contents[1], new_contents[1]
    old_model["source"].pop("path", None)
    new_model["source"].pop("path", None)
    return old_model == new_model


def model_json(blob: bytes) -> dict[str, Any]:
    """The stored model's JSON object, paragraph texts restored."""
    contents = _contents(blob)
    return json.loads(zlib.decompress(blob)) if contents is None else contents[1]


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
    """A document blob written again as this format writes it, at zstd ``level`` (an older one
    gets its paragraphs as runs of its source, a zlib one becomes zstd), or None: a format-3 blob
    (its model alone) is left as it is, and so is one that would not shrink."""
    contents = _contents(blob)
    if contents is None:
        return None
    source, data = contents
    packed = bytes((DOCUMENT,)) + compression.compress(_payload_of(data, source), level)
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
