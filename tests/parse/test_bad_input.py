"""Bad input: a clear one-line error or a best-effort cable with warnings, never a traceback."""

from __future__ import annotations

import io
import os
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from reader.model import Cable, ParseError
from reader.parse import parse_file, parse_paths
from reader.parse.decode import NotText, decode_bytes
from tests.conftest import SEED, corpus_file

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


def _only(path: Path):
    results = list(parse_file(path))
    assert len(results) == 1
    return results[0]


def _assert_one_sentence(error: ParseError) -> None:
    assert "\n" not in error.message and error.message.endswith(".")
    assert "Traceback" not in error.message


def test_empty_and_blank_files(tmp_path: Path) -> None:
    for name, data in (("empty.txt", b""), ("blank.txt", b"\n \r\n\t\n")):
        path = tmp_path / name
        path.write_bytes(data)
        error = _only(path)
        assert isinstance(error, ParseError)
        assert error.message == "The file is empty."


def test_images_and_archives_are_named(tmp_path: Path) -> None:
    png = tmp_path / "cable.png"
    png.write_bytes(PNG)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("06ALMATY2872.txt", SEED.read_bytes() if SEED.exists() else b"x")
    zipped = tmp_path / "cables.zip.txt"
    zipped.write_bytes(buffer.getvalue())
    noise = tmp_path / "noise.bin"
    noise.write_bytes(bytes(range(256)) * 64)
    messages = {p.name: _only(p) for p in (png, zipped, noise)}
    assert all(isinstance(m, ParseError) for m in messages.values())
    assert "PNG image" in messages["cable.png"].message
    assert "ZIP archive" in messages["cables.zip.txt"].message
    assert "binary file" in messages["noise.bin"].message
    for error in messages.values():
        _assert_one_sentence(error)


def test_a_text_that_is_not_a_cable(tmp_path: Path) -> None:
    path = tmp_path / "recipe.txt"
    path.write_text("Mix the flour and the water.\nBake for an hour.\n", encoding="utf-8")
    error = _only(path)
    assert isinstance(error, ParseError)
    assert error.message.startswith("No cable found")
    _assert_one_sentence(error)


def test_a_truncated_cable_keeps_what_it_has(tmp_path: Path) -> None:
    data = SEED.read_bytes()
    path = tmp_path / "cut.txt"
    path.write_bytes(data[: data.index(b"SUBJECT") + 30])
    cable = _only(path)
    assert isinstance(cable, Cable)
    assert cable.reference_id == "06ALMATY2872"
    assert cable.subject == "KAZAKHSTAN: MFA UNWIL"
    assert cable.paragraphs == []


def test_a_utf8_cable_cut_inside_a_character(tmp_path: Path) -> None:
    data = "UNCLAS PARIS 000001\n\nSUBJECT: CAFÉ\n\n1. (U) Café ".encode() + "é".encode()[:1]
    path = tmp_path / "cut.txt"
    path.write_bytes(data)
    cable = _only(path)
    assert isinstance(cable, Cable) and cable.source.encoding == "utf-8"
    assert cable.subject == "CAFÉ"


def test_encodings_are_detected_and_recorded() -> None:
    assert decode_bytes("¶1. (C) café".encode())[1] == "utf-8"
    assert decode_bytes(b"\xb61. (C) caf\xe9")[1] == "iso-8859-1"
    assert decode_bytes(b"\xb61. (C) \x93quoted\x94")[1] == "cp1252"
    assert decode_bytes(b"\xb61. (C) \x93quoted\x94")[0] == "¶1. (C) \u201cquoted\u201d"
    assert decode_bytes("\ufeff¶1.".encode())[1] == "utf-8-sig"
    assert decode_bytes("¶1. (C)".encode("utf-16"))[0] == "¶1. (C)"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_byte_order_mark_is_read(encoding: str, tmp_path: Path) -> None:
    """Every other byte zero is UTF-16 that lost its BOM, not a binary file."""
    raw = corpus_file("text/09PARIS1007.txt").read_bytes()
    path = tmp_path / "utf16.txt"
    path.write_bytes(raw.decode("latin-1").encode(encoding))
    cable = _only(path)
    assert isinstance(cable, Cable) and cable.source.encoding == encoding
    assert cable.reference_id == "09PARIS1007" and cable.signers == _only(corpus_file("text/09PARIS1007.txt")).signers


def test_binary_with_zero_bytes_is_still_refused() -> None:
    with pytest.raises(NotText):
        decode_bytes(bytes(range(256)) * 40)


def test_wrong_encoding_never_crashes(tmp_path: Path) -> None:
    raw = corpus_file("text/09PARIS1007.txt").read_bytes()
    mojibake = tmp_path / "mojibake.txt"
    mojibake.write_bytes(raw.decode("latin-1").encode("utf-8").decode("latin-1").encode("utf-8"))
    cable = _only(mojibake)
    assert isinstance(cable, Cable) and cable.reference_id == "09PARIS1007"


def test_a_200_mb_file_is_read_in_part_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.write(SEED.read_bytes())
        out.write(b"\n")
        line = b"more text that goes on and on " * 4 + b"\n"
        block = line * (2**20 // len(line))
        for _ in range(200):
            out.write(block)
    assert path.stat().st_size >= 190 * 2**20
    tracemalloc.start()
    cable = _only(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(cable, Cable) and cable.reference_id == "06ALMATY2872"
    assert any("only its first 8 MB were read" in w for w in cable.warnings)
    assert peak < 120 * 2**20


def test_a_folder_with_unreadable_files_still_parses_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "06ALMATY2872.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "a" / "picture.txt").write_bytes(PNG)
    locked = tmp_path / "a" / "locked.txt"
    locked.write_bytes(SEED.read_bytes())
    os.chmod(locked, 0)
    (tmp_path / "notes.tsv").write_text("not picked up from a folder\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden\n", encoding="utf-8")
    try:
        results = list(parse_paths([tmp_path]))
    finally:
        os.chmod(locked, 0o644)
    names = sorted(Path(r.source.path).name for r in results)
    assert names == ["06ALMATY2872.txt", "locked.txt", "picture.txt"]
    by_name = {Path(r.source.path).name: r for r in results}
    assert isinstance(by_name["06ALMATY2872.txt"], Cable)
    assert isinstance(by_name["picture.txt"], ParseError)
    if os.geteuid() != 0:  # root reads any file
        assert isinstance(by_name["locked.txt"], ParseError)
        assert by_name["locked.txt"].message.startswith("The file cannot be read")


def test_a_missing_path_and_a_folder_given_as_a_file(tmp_path: Path) -> None:
    (missing,) = list(parse_paths([tmp_path / "nope.txt"]))
    assert isinstance(missing, ParseError) and missing.message.startswith("The file cannot be read")
    (folder,) = list(parse_file(tmp_path))
    assert isinstance(folder, ParseError) and folder.message == "This is a folder, not a file."


def test_a_cable_padded_with_zero_bytes_is_read(tmp_path: Path) -> None:
    """A cable file a copy or a disk padded with zero bytes to its block's size was refused as a
    binary file. The padding is left out, with a warning; UTF-16 text keeps its zero bytes."""
    raw = corpus_file("text/09PARIS1007.txt").read_bytes()
    original = _only(corpus_file("text/09PARIS1007.txt"))
    padded = tmp_path / "09PARIS1007.txt"
    padded.write_bytes(raw + bytes(3000))
    cable = _only(padded)
    assert isinstance(cable, Cable)
    assert [p.text for p in cable.paragraphs] == [p.text for p in original.paragraphs]
    assert "3000 zero bytes at the end of the file were left out" in cable.warnings
    wide = tmp_path / "wide.txt"
    wide.write_bytes(raw.decode("latin-1").encode("utf-16-le") + bytes(8))
    assert isinstance(_only(wide), Cable) and _only(wide).reference_id == "09PARIS1007"
    inside = tmp_path / "inside.txt"  # zero bytes inside the text: not a text file
    inside.write_bytes(raw[:1000] + bytes(2) + raw[1000:])
    assert isinstance(_only(inside), ParseError)
