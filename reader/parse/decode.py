"""Bytes to text: detect the encoding users meet, and refuse what is not text.

Cable files come as UTF-8 (pages), ISO-8859-1 / cp1252 (raw release text,
where the pilcrow is byte 0xB6) and now and then UTF-16 from Windows tools.
"""

from __future__ import annotations

import codecs
import html
import re

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program (ELF binary)"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)

# Bytes 0x80-0x9F are C1 controls in ISO-8859-1 but letters and quotes in cp1252.
_CP1252_ONLY = re.compile(rb"[\x80-\x9f]")


# Every byte but the C0 controls that never stand in text (tab, newlines and form feed do).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


class NotText(ValueError):
    """The bytes are not a text file; the message says what they look like."""


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for UTF-16 text written without its byte-order mark (every
    other byte zero, as Latin text has it), else None."""
    half = len(head) // 2
    if half < 16:
        return None
    even_zeros, odd_zeros = head[0 : 2 * half : 2].count(0), head[1 : 2 * half : 2].count(0)
    if odd_zeros >= 0.9 * half and even_zeros <= 0.01 * half:
        return "utf-16-le"
    if even_zeros >= 0.9 * half and odd_zeros <= 0.01 * half:
        return "utf-16-be"
    return None


def without_zero_padding(data: bytes) -> tuple[bytes, int]:
    """``data`` without the zero bytes a copy or a disk left after the text (a cable file padded to
    its block's size), and how many there were. UTF-16 text, whose characters hold zero bytes, is
    left as it is; zero bytes inside the text still make it no text file (``sniff_binary``)."""
    if not data.endswith(b"\x00"):
        return data, 0
    text = data.rstrip(b"\x00")
    if not text or text.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(text[:8192]):
        return data, 0
    return text, len(data) - len(text)


def sniff_binary(head: bytes) -> str | None:
    """A description of a binary file format, or None when ``head`` looks like text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    sample = head[:8192]
    if b"\x00" in sample:
        return None if utf16_without_bom(sample) else "a binary file"
    controls = len(sample.translate(None, _NOT_CONTROL))
    if sample and controls / len(sample) > 0.05:
        return "a binary file"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and name the encoding; never raises on text input.

    Raises NotText for images, archives and other binary data.
    """
    what = sniff_binary(data[:8192])
    if what:
        raise NotText(f"this is {what}, not a cable")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return data[2:].decode("utf-16-le", errors="replace"), "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return data[2:].decode("utf-16-be", errors="replace"), "utf-16-be"
    if b"\x00" in data[:8192] and (utf16 := utf16_without_bom(data[:8192])):
        return data.decode(utf16, errors="replace"), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            # A multi-byte character cut off by truncation: keep the rest as UTF-8.
            return data.decode("utf-8", errors="replace"), "utf-8"
    if _CP1252_ONLY.search(data):
        return data.decode("cp1252", errors="replace"), "cp1252"
    return data.decode("iso-8859-1"), "iso-8859-1"


_ENTITY = re.compile(r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|amp|quot|lt|gt|apos);")


def decode_entities(text: str) -> str:
    """``&#8217;`` -> ``’``: character references the release left in cable text.

    Only numeric references and the five XML entities, written with their semicolon:
    a bare ``&`` in text (``AT&T``) stays as it is."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
