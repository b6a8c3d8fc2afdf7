"""How a document is compressed: zlib, zstd, and zstd with a dictionary of cables, on cables it never saw.

    python tests/bench/bench_compression.py [--write resources/data/cables.zstd-dict]

The samples are what the library compresses for each cable (``document_payload``: its
source, paragraph texts and model JSON) for every cable of ``../shared/corpus`` (web pages
of three releases, raw texts) and every row of the release-format CSV sample. They are
split by reference id: a dictionary is trained on one half, and every figure is measured
on the other half, so that it says what a user's own cables would see. For each form
(pages; CSV rows and texts) it prints the stored size against the payload, the
milliseconds a document takes to compress and to decompress, and the same for the
shipped dictionary (trained on both halves, so flattered on these samples).

``--write PATH`` trains the shipped dictionary on every sample and writes it; it was
made so (``compression.DICTIONARY_ID`` names the result). A benchmark: it asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.library import compression  # noqa: E402
from reader.library.compression import zstd  # noqa: E402
from reader.library.packing import document_payload  # noqa: E402
from reader.model import Cable  # noqa: E402
from reader.parse.files import iter_cable_files, parse_file, release_rows  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
SAMPLE_CSV = REPO.parent / "shared" / "data" / "cables-sample.csv"
DICTIONARY_BYTES = 256 * 1024
"""On the held-out half, 110 KiB (zstd's default) stores CSV rows 5% and pages 20% larger."""

Sample = tuple[str, str, bytes]  # (reference id, form, payload)


def samples() -> list[Sample]:
    """The payload of every corpus cable and every row of the CSV sample."""
    found: list[Sample] = []
    for name in iter_cable_files(CORPUS):
        for cable in parse_file(name):
            if isinstance(cable, Cable):
                form = "pages" if name.endswith(".html") else "texts and rows"
                found.append((cable.reference_id or name, form, document_payload(cable, Path(name).read_bytes())))
    for cable, text in release_rows(str(SAMPLE_CSV)):
        if isinstance(cable, Cable) and text is not None:
            found.append((cable.reference_id or "", "texts and rows", document_payload(cable, text.encode("utf-8"))))
    return found


def train(payloads: list[bytes]) -> zstd.ZstdDict:
    """A dictionary of the payloads, in a fixed shuffled order: zstd's trainer tunes itself on the
    last quarter of what it is given, which in corpus order would be CSV rows alone (pages then
    store twice as large)."""
    mixed = list(payloads)
    random.Random(0).shuffle(mixed)
    return zstd.train_dict(mixed, DICTIONARY_BYTES)


def _figures(name: str, payloads: list[bytes], pack: Callable[[bytes], bytes], unpack: Callable[[bytes], bytes]) -> str:
    start = time.perf_counter()
    packed = [pack(payload) for payload in payloads]
    packing = time.perf_counter() - start
    start = time.perf_counter()
    for blob in packed:
        unpack(blob)
    unpacking = time.perf_counter() - start
    stored, raw = sum(map(len, packed)), sum(map(len, payloads))
    return (
        f"  {name:32} {stored / raw:6.3f} of the payload, {stored / len(packed) / 1024:6.2f} KiB a document,"
        f" {packing / len(packed) * 1e3:6.3f} ms to compress, {unpacking / len(packed) * 1e3:6.3f} ms to decompress"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="train the dictionary on every sample and write it here")
    options = parser.parse_args()
    every = samples()
    if options.write:
        dictionary = train([payload for _id, _form, payload in every])
        options.write.write_bytes(dictionary.dict_content)
        print(f"wrote {options.write}: {len(dictionary.dict_content)} bytes, dictionary id {dictionary.dict_id}")
        return 0
    ids = sorted({reference_id for reference_id, _form, _payload in every})
    held_out = set(ids[1::2])
    half = train([payload for reference_id, _form, payload in every if reference_id not in held_out])
    print(f"{len(every)} samples of {len(ids)} cables; figures on the {len(held_out)} cables held out of training")
    for form in ("pages", "texts and rows"):
        payloads = [payload for reference_id, kind, payload in every if kind == form and reference_id in held_out]
        print(f"{form}: {len(payloads)} documents, {sum(map(len, payloads)) / len(payloads) / 1024:.1f} KiB of payload each")
        print(_figures("zlib level 6 (format 4)", payloads, lambda p: zlib.compress(p, 6), zlib.decompress))
        print(_figures(f"zstd level {compression.LEVEL}", payloads, lambda p: zstd.compress(p, compression.LEVEL), zstd.decompress))
        print(
            _figures(
                f"zstd {compression.LEVEL}, dictionary of the other half",
                payloads,
                lambda p: zstd.compress(p, compression.LEVEL, zstd_dict=half.as_digested_dict),
                lambda b: zstd.decompress(b, zstd_dict=half),
            )
        )
        print(_figures("zstd, shipped dictionary (seen)", payloads, compression.compress, compression.decompress))
    return 0


if __name__ == "__main__":
    sys.exit(main())
