"""The parser on odd, large inputs: does its time grow with the input's size, or faster?

    python tests/bench/bench_pathological.py [--size 200000] [--factor 4] [--baseline CHECKOUT] [--import]

A file made of one shape repeated (a pilcrow head, a REF line, a page marker, a boxed
heading, a routing line...) is parsed at ``--size`` bytes and at ``--factor`` times that,
and the two times are printed with their ratio (a shape read only under a banner, such as lines
cut off with "...", gets one banner first): a parser whose work grows with the input
takes about ``--factor`` times as long on the larger file, one that compares each line with
all the others takes the square of it. A user who drops a strange 2 MB file on the window
waits for the import worker; such a file once took five minutes (300,000 "¶ 1." heads,
looked ahead through the rest of the list for each). Beside each shape, the floor: reading
the bytes and one regex pass over them. ``--baseline`` measures another checkout (say the
commit before a change) in a child process, shape by shape. ``--import`` times what an import's
worker does with the file instead: parse it, then make the library's record of it (its document
compressed, its paragraphs found in its source). A benchmark: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"

SHAPES: dict[str, str] = {
    "pilcrow heads on one line": "\u00b6 1. ",
    "pilcrow heads": "\u00b61. (C) Text of the paragraph.\n",
    "numbered paragraphs": "5. (C) Text here.\n\n",
    "REF lines": "REF: A. ROME 1234 B. STATE 5678\n",
    "numbered REF lines": "REF: 1. ROME 1234\n2. STATE 5678\n",
    "lettered items": "A. ROME 1234\n",
    "page markers": "CONFIDENTIAL\n\nPAGE 02 ROME 01196 01 OF 02 082030Z\n",
    "banners": "C O N F I D E N T I A L SECTION 01 OF 02 ROME 001234\n\nSIPDIS\n\n",
    "headings": "Heading Here\n------------\n\n",
    "headings with no rule": "Text ends here.\n\n\nA Heading in Mixed Case\n\n\n5. (C) Text.\n",
    "boxed headings on one line": "------ Heading ------ text. ",
    "classified-by lines": "Classified By: Ambassador John Doe for reasons 1.4 (b)\n",
    "subject lines": "SUBJECT: THE SUBJECT\n",
    "tags lines": "TAGS: PREL PGOV\n",
    "cut-off banners": "S E C R E T ROME 001234 ... ",
    "quotes and commas": '"",\n',
    "Markdown anchors": "[1](#)1. (C) Text.\n\n",
    "page markers on one line": "ROME 00001234 001.2 OF 002 ",
    "signature lines": "SMITH\n",
    "summaries": "SUMMARY: text. END SUMMARY.\n",
    "double-spaced prose": "the Ambassador met with\n\nGovernor Romero, to review the\n\n",
    "routing lines": "RUEHLP/AMEMBASSY LA PAZ MAR LIMA 1234\n",
    "FM and TO lines": "FM AMEMBASSY ROME\nTO SECSTATE WASHDC\n",
    "words on one line": "the REF: 1. (C) SUBJECT: ROME 1234 ... ------ TAGS: E.O. ",
    "cut-off lines under a banner": "more words here...\n",
    "end-of-text marks": "TEXT\nNNNN\n",
    "quoted in an e-mail": "> 1. (C) Text of the paragraph.\n>\n",
    "header lines that never end": (
        "THE TEXT GOES ON\n CONFIDENTIAL PTQ1866 ACTION AF-00\nINFO LOG-00 NP-00 /012W\n"
        "O 291359Z NOV 00 FM AMEMBASSY HARARE TO SECSTATE WASHDC\nE.O. 12958: DECL: 11/29/10 TAGS: PGOV\n"
    ),
    "later sections without TAGS": " CONFIDENTIAL PTQ1866\nFM AMEMBASSY HARARE\nC O N F I D E N T I A L SECTION 02 OF 03 HARARE 006677\n",
    "old telegram section headers": (
        "THE TEXT GOES ON\n CONFIDENTIAL PTQ1866 ACTION AF-00\nINFO LOG-00 NP-00 /012W\nO 291359Z NOV 00 FM AMEMBASSY HARARE"
        " TO SECSTATE WASHDC\nC O N F I D E N T I A L SECTION 02 OF 03 HARARE 006677\nE.O. 12958: DECL: 11/29/10 TAGS: PGOV\n"
    ),
    "wrapped paragraphs in UTF-16": "5. (C) A paragraph wrapped over\nthree lines of the source, as a\ntelegram was.\n\n",
}
_ENCODINGS = {"wrapped paragraphs in UTF-16": "utf-16"}
"""Shapes written in another encoding than UTF-8."""
_BANNER_FIRST = {"cut-off lines under a banner": "C O N F I D E N T I A L ROME 000123\n\nSUBJECT: X\n\n1. (C) Text.\n"}
"""Shapes read only under a banner: the banner once, then the shape repeated."""


def _repeated(name: str, size: int) -> bytes:
    unit = SHAPES[name]
    return (_BANNER_FIRST.get(name, "") + unit * max(1, size // len(unit))).encode(_ENCODINGS.get(name, "utf-8"))


def measure(checkout: Path, size: int, factor: int, importing: bool = False) -> dict[str, list[float]]:
    """For each shape: [floor small, floor large, parse small, parse large] in seconds (with
    ``importing``, parse and record instead of parse)."""
    sys.path.insert(0, str(checkout))
    from reader.library.records import record_of
    from reader.model import Cable
    from reader.parse import parse_bytes

    def work(data: bytes) -> None:
        cable = parse_bytes(data, "odd.txt")
        if importing and isinstance(cable, Cable):
            record_of(cable, data)

    work(b"1. (U) Warm up.\n")
    head = re.compile(rb"\n[ \t]*\d{1,2}\.[ \t]")
    figures: dict[str, list[float]] = {}
    for name in SHAPES:
        floors, parses = [], []
        for data in (_repeated(name, size), _repeated(name, size * factor)):
            start = time.perf_counter()
            head.findall(bytes(data))
            floors.append(time.perf_counter() - start)
            start = time.perf_counter()
            work(data)
            parses.append(time.perf_counter() - start)
        figures[name] = floors + parses
    return figures


def _in_child(checkout: Path, size: int, factor: int, importing: bool) -> dict[str, list[float]]:
    command = [sys.executable, __file__, "--measure", str(checkout), "--size", str(size), "--factor", str(factor)]
    command += ["--import"] if importing else []
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000, help="bytes of the smaller file")
    parser.add_argument("--factor", type=int, default=4, help="how many times larger the second file is")
    parser.add_argument("--baseline", type=Path, help="another checkout to measure beside this one")
    parser.add_argument("--import", dest="importing", action="store_true", help="parse and record, as an import does")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # a child: measure this checkout, print JSON
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.size, args.factor, args.importing)))
        return 0
    runs = {"this checkout": _in_child(REPO, args.size, args.factor, args.importing)}
    if args.baseline:
        runs["baseline"] = _in_child(args.baseline, args.size, args.factor, args.importing)
    large = args.size * args.factor
    print(f"each shape repeated to {args.size:,} and {large:,} bytes; times in seconds; linear growth = x{args.factor}")
    for checkout, figures in runs.items():
        print(f"\n{checkout}:")
        work = "record" if args.importing else "parse"
        print(f"  {'shape':28s} {'floor':>7s} {'floor x':>8s} {work:>8s} {work + ' x':>9s} {'growth':>7s}")
        for name, (floor_small, floor_large, small, big) in figures.items():
            growth = big / small if small else float("nan")
            flag = "  superlinear" if growth > 2 * args.factor and big > 0.5 else ""
            print(f"  {name:28s} {floor_small:7.4f} {floor_large:8.4f} {small:8.3f} {big:9.3f} {growth:6.1f}x{flag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
