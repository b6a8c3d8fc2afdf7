"""A release-sized cables.csv whose words vary the way real text does.

The 520 sample cables repeated 483 times would give every rare word of the samples
483 times its real document frequency, and a vocabulary of some 40,000 words where the
release has millions (names, places, numbers): the full-text index, search times and
compression would all be measured on unreal text. So each generated cable is a sample
cable (its header rewritten to one of the release's 251,287 reference ids, as before)
whose body keeps its common words and draws every rarer word afresh:

- The sample bodies' words are ranked by frequency. The 3,000 most frequent (function
  words, the vocabulary of diplomacy: "government", "minister", "embassy") stay, so
  the text keeps its shape and the parser its landmarks.
- Every other word is replaced by a draw from a Zipf distribution (exponent 1.2) over
  ranks 3,000 to 1,000,000: ranks the samples have map to the samples' own words, the
  rest to made-up words (syllables spelled from the rank), as the release's long tail
  of names and places would. The first 5,000 cables then hold 4.96 M words, 257,000
  of them distinct (the samples repeated: 24,500), and the vocabulary grows with the
  corpus as Heaps' law says real text does (half the words: 165,000 distinct, an
  exponent of about 0.64).
- A replaced word keeps the case style of the word it replaces (cables are mostly upper case).

The header is rewritten to the release id each row stands for, so that the list's
filters, sorts and timeline see the release's own spread of dates and senders, not the
samples' 520 values:

- the banner's station and serial, as the id writes them;
- the date: the id's year and the month ``cable2month.csv.gz`` gives it, in the DTG and in
  the CSV's date column alike (the sample's day, at most the 28th, and its time);
- the sender: the FM line and the origin column of a sample from the same station, else
  ``AMEMBASSY <station>`` and the origin the parser reads from it.

The rest of the header and the classification are the sample's, so every cable still
parses to its reference id, date, origin and classification. Deterministic: the same
count gives the same file.
"""

from __future__ import annotations

import bisect
import csv
import gzip
import itertools
import random
import re
from collections import Counter
from pathlib import Path

from reader.parse.banner import parse_banner, station_key
from reader.parse.dates import DTG, full_year
from reader.parse.origins import readable_origin

KEEP_COMMON = 3_000
TAIL = 1_000_000
ZIPF = 1.2
_WORD = re.compile(r"([A-Za-z]{3,})")
_FIRST_PARAGRAPH = re.compile(r"\n\s*(?:¶\s*)?1\.\s")
_SPLIT = re.compile(r"^(\d\d)([A-Z]+?)(\d+)$")
_SYLLABLES = [c + v for c in "bdfghklmnprstvz" for v in "aeiou"]
_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_FM_LINE = re.compile(r"(?m)^FM\s+(.+?)\s*$")
_CREATED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(.*)$")
_LAST_DAY = 28


def _made_up(rank: int) -> str:
    """A pronounceable word for a rank past the samples' vocabulary (a name, a place)."""
    letters = []
    while True:
        rank, digit = divmod(rank, len(_SYLLABLES))
        letters.append(_SYLLABLES[digit])
        if rank == 0:
            break
    return "".join(letters)


def read_templates(sample_csv: Path) -> list[tuple[list[str], int, str, str]]:
    """(row, banner line index, banner station, banner serial) of sample rows that have a banner."""
    out = []
    csv.field_size_limit(2**31 - 1)
    with sample_csv.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, escapechar="\\", doublequote=False):
            lines = row[7].split("\n")
            for index, line in enumerate(lines[:40]):
                banner = parse_banner(line)
                if banner:
                    out.append((row, index, banner.station, str(banner.serial)))
                    break
    return out


class WordDrawer:
    """Draws the rare words of a body from a Zipf tail over the samples' words and made-up ones."""

    def __init__(self, bodies: list[str], seed: int = 251287) -> None:
        counts = Counter(word.lower() for body in bodies for word in _WORD.findall(body))
        ranked = [word for word, _count in counts.most_common()]
        self.common = frozenset(ranked[:KEEP_COMMON])
        self._known = ranked
        # Cumulative weights of ranks KEEP_COMMON..TAIL, in steps that grow with the rank
        # (a bucket of ranks shares a weight), so that the table stays small.
        self._starts: list[int] = []
        self._cumulative: list[float] = []
        total, rank = 0.0, KEEP_COMMON
        while rank < TAIL:
            width = max(1, rank // 200)
            total += width * rank**-ZIPF
            self._starts.append(rank)
            self._cumulative.append(total)
            rank += width
        self._total = total
        self._random = random.Random(seed)

    def word(self) -> str:
        bucket = bisect.bisect_left(self._cumulative, self._random.random() * self._total)
        start = self._starts[bucket]
        following = self._starts[bucket + 1] if bucket + 1 < len(self._starts) else TAIL
        rank = start + self._random.randrange(max(1, following - start))
        return self._known[rank] if rank < len(self._known) else _made_up(rank)


def _respell(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    if like[0].isupper():
        return word.capitalize()
    return word


def vary_body(body: str, drawer: WordDrawer) -> str:
    """The body with every rare word (after the header) drawn afresh."""
    found = _FIRST_PARAGRAPH.search(body)
    start = found.start() if found else min(len(body), 1500)
    pieces = _WORD.split(body[start:])
    for index in range(1, len(pieces), 2):
        if pieces[index].lower() not in drawer.common:
            pieces[index] = _respell(drawer.word(), pieces[index])
    return body[:start] + "".join(pieces)


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def senders(templates: list[tuple[list[str], int, str, str]]) -> dict[str, tuple[str, str]]:
    """Station key -> (FM line's sender, origin column), as the samples from that station write them."""
    found: dict[str, tuple[str, str]] = {}
    for row, _index, station, _serial in templates:
        if fm := _FM_LINE.search(row[6]):
            found.setdefault(station_key(station), (fm[1], row[3]))
    return found


def sender_of(station: str, known: dict[str, tuple[str, str]]) -> tuple[str, str]:
    if station in known:
        return known[station]
    fm = f"AMEMBASSY {station}"
    return fm, readable_origin(fm) or station


def redate(header: str, created: str, year: int, month: int) -> tuple[str, str]:
    """The header's DTG and the CSV's date column moved to ``month`` of ``year`` (same day, at most the 28th)."""
    dtg = DTG.search(header)
    if dtg:
        day = min(int(dtg["day"]), _LAST_DAY)
        written_year = str(year) if len(dtg["year"]) == 4 else f"{year % 100:02d}"
        moved = f"{day:02d}{dtg['hour']}{dtg['minute']}Z {_MONTHS[month - 1]} {written_year}"
        header = header[: dtg.start()] + moved + header[dtg.end() :]
        return header, f"{month}/{day}/{year} {int(dtg['hour'])}:{dtg['minute']}"
    if parts := _CREATED.match(created):
        return header, f"{month}/{min(int(parts[2]), _LAST_DAY)}/{year}{parts[4]}"
    return header, created


def generate(path: Path, count: int, sample_csv: Path, ids_gz: Path) -> None:
    """Write ``count`` rows in the release's format, one for each of the first ``count`` release ids."""
    templates = read_templates(sample_csv)
    drawer = WordDrawer([row[7] for row, *_rest in templates])
    known_senders = senders(templates)
    with gzip.open(ids_gz, "rt", encoding="ascii") as handle:
        ids = [line.strip().split(",") for line in itertools.islice(handle, count) if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for number, (refid, month) in enumerate(ids, start=1):
            row, index, station, serial = templates[number % len(templates)]
            match = _SPLIT.match(refid)
            if not match:
                continue
            year, new_station, new_serial = match.groups()
            body = row[7].split("\n")
            body[index] = body[index].replace(station, new_station, 1).replace(serial.zfill(6), new_serial.zfill(6), 1)
            if new_serial.zfill(6) not in body[index]:
                body[index] = re.sub(r"\d{1,7}(?!.*\d)", new_serial.zfill(6), body[index], count=1)
            header, created = redate(row[6], row[1], full_year(year), int(month))
            fm, origin = sender_of(new_station, known_senders)
            header = _FM_LINE.sub(lambda _m, fm=fm: f"FM {fm}", header, count=1)
            text = vary_body("\n".join(body), drawer)
            fields = [str(number), created, refid, origin, row[4], row[5], header, text]
            out.write(",".join(_quote(f) for f in fields) + "\n")
