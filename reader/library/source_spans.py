"""A document's paragraph texts written as runs of its source text's words, so that each text is stored once.

A paragraph is the source's lines joined, white space made one space: "(SBU) International \\n
Atomic Energy Agency" becomes "International Atomic Energy Agency". Written out beside the
source, zstd stores such a text as one back-reference for every line of the source, a few bytes
each. Written as "skip 12 bytes, take 480", it costs a few bytes a paragraph: documents are 6%
smaller on the scale corpus, 12% for the corpus's text files. (A source whose paragraphs are one
line each, as Markdown copies are, gains nothing: its texts were one back-reference each.)

The source's words are read one space apart (``words_joined``). A paragraph's text is a list of
pieces: ``[skipped, length]``, the next ``length`` bytes of those words after skipping ``skipped``
past where the last run ended (negative: back), starting and ending at a word's edge; an
``int``, the length of a literal kept with the document; ``None``, a line break (a list inside a
paragraph keeps its lines). Pieces on one line are joined by a space. A line is one run when it
can be; else, if its words are one space apart, runs as long as the source goes along, with
literal words where it does not (a word the parser cleaned, a page header inside a
paragraph, a character in another encoding); else one literal. The match is exact by
construction: a run is written only where the text's bytes are the source's words, one space apart.
"""

from __future__ import annotations

import re

Piece = list[int] | int | None
"""``[skipped, length]`` bytes of the source's words, the byte length of a literal, or a line break."""

_WHITE = bytes.maketrans(b"\t\n\r\x0b\x0c", b"     ")
"""What ``bytes.split()`` splits at (ASCII white space), made spaces."""
_SPACES = re.compile(rb"  +")
_PAGE_LINE_BREAK = b"&#x000A;"
"""How the release's web pages write a line break inside the cable's text: a break between words too."""
_SPACE = 0x20
_TRIES = 8
"""Matches inside longer words tried before a run is given up (a bound for pathological input)."""
_NEAR = 512
"""How far past the last run the next one in the same line is looked for (past a page header, say)."""
_FAR = 65536
"""How far from the last run a run is looked for: every search a line that is no run makes is
bounded, so a long cable costs time in proportion to its length (a paragraph further away is kept
as a literal)."""
_FAR_MISSES = 32
"""Searches of all the words that may fail in a row before only the next few hundred bytes are searched."""
_ANCHOR = 4
"""Words that start a run inside a line that is no run (found, the run goes on as far as the source does)."""


def _with_breaks(source: bytes) -> bytes:
    return source.replace(_PAGE_LINE_BREAK, b"\n")


def words_joined(source: bytes) -> bytes:
    """The source's words one space apart (``b" ".join(source.split())``, without a list of every
    word), a web page's line breaks taken as breaks."""
    return _SPACES.sub(b" ", _with_breaks(source).translate(_WHITE)).strip(b" ")


class _Encoder:
    """Runs found in order through the source's words, and the literals kept."""

    def __init__(self, source: bytes) -> None:
        self.words = words_joined(source)
        self.cursor = 0  # where the last run ends in ``words``
        self.literals: list[bytes] = []
        self.far_misses = 0

    def pieces(self, text: bytes) -> list[Piece]:
        if b"\n" not in text and (run := self._next_run(text)):
            return [run]  # the usual case, first
        pieces: list[Piece] = []
        for number, line in enumerate(text.split(b"\n")):
            if number:
                pieces.append(None)
            if not line:
                continue
            run = self._next_run(line) or self._run(line)
            if run is not None:
                pieces.append(run)
            elif self.far_misses >= _FAR_MISSES or b" ".join(line.split()) != line:
                pieces.append(self._literal(line))  # (texts unlike their source: not word by word)
            else:
                pieces.extend(self._chunked(line))
        return pieces

    def _next_run(self, line: bytes) -> list[int] | None:
        """The run ``line`` is if its first match after the cursor is one (``_run`` tries harder)."""
        words, cursor = self.words, self.cursor
        high = cursor + (_NEAR if self.far_misses >= _FAR_MISSES else _FAR) + len(line)
        start = words.find(line, cursor, high) if line else -1
        stop = start + len(line)
        if start < 0 or (start and words[start - 1] != _SPACE) or (stop < len(words) and words[stop] != _SPACE):
            return None
        self.cursor = stop
        self.far_misses = 0
        return [start - cursor, len(line)]

    def _chunked(self, line: bytes) -> list[Piece]:
        """A line of single-spaced words as runs as long as the source goes along, literal words
        between (read by offsets: a line may be a whole cable's worth of words)."""
        pieces: list[Piece] = []
        at = 0
        while at < len(line):
            first_end = _words_end(line, at, 1)
            anchor_end = _words_end(line, at, _ANCHOR)
            anchor = line[at:anchor_end]
            run = self._run(anchor, _NEAR if pieces else None)
            if run is None and anchor_end != first_end:  # a word that differs may be among them: the first alone, close by
                anchor = line[at:first_end]
                run = self._run(anchor, _NEAR)
            last = pieces[-1] if pieces else None
            if run is None:
                word = line[at:first_end]
                if isinstance(last, int):  # literals side by side: one literal
                    self.literals[-1] += b" " + word
                    pieces[-1] = last + 1 + len(word)
                else:
                    pieces.append(self._literal(word))
                at = first_end + 1
                continue
            more = self._common_words(line, at, len(anchor), self.cursor - len(anchor))
            run[1] += more
            self.cursor += more
            at += run[1] + 1
            if isinstance(last, list) and run[0] == 1:  # the run goes on, past the space between
                last[1] += run[1] + 1
            else:
                pieces.append(run)
        return pieces

    def _common_words(self, line: bytes, at: int, known: int, start: int) -> int:
        """How many bytes past ``known`` the words of ``line`` from ``at`` go on as the source's words
        at ``start`` do, to a word's edge in both. Each byte is compared about once: the length is
        found by steps that double, then halve, each comparing only what is new."""
        words = self.words
        low, step = known, 64
        limit = min(len(line) - at, len(words) - start)
        while low < limit:
            probe = min(low + step, limit)
            if words.startswith(line[at + low : at + probe], start + low):
                low, step = probe, step * 2
                continue
            high = probe - 1  # the first difference is before ``probe``
            while low < high:
                middle = (low + high + 1) // 2
                if words.startswith(line[at + low : at + middle], start + low):
                    low = middle
                else:
                    high = middle - 1
            break
        end = start + low
        if (at + low == len(line) or line[at + low] == _SPACE) and (end == len(words) or words[end] == _SPACE):
            return low - known
        return line.rfind(b" ", at, at + low) - at - known

    def _literal(self, line: bytes) -> int:
        self.literals.append(line)
        return len(line)

    def _run(self, line: bytes, reach: int | None = None) -> list[int] | None:
        """The run ``line`` is, if it is one: anywhere, or within ``reach`` bytes after the cursor
        (always so, once searches of every word have failed many times in a row: texts unlike their
        source, say in another encoding, would cost a search of the whole source each)."""
        if reach is None and self.far_misses >= _FAR_MISSES:
            reach = _NEAR
        start = _run_start(self.words, line, self.cursor, reach)
        if start < 0:
            self.far_misses += reach is None
            return None
        self.far_misses = 0
        run = [start - self.cursor, len(line)]
        self.cursor = start + len(line)
        return run


Region = tuple[int, int]


def encode(source: bytes, texts: list[bytes]) -> tuple[Region, list[list[Piece]], list[bytes]]:
    """The part of the source the texts are looked for in, each text's pieces, and the literals
    the pieces count, in order."""
    region = text_region(source, texts)
    encoder = _Encoder(source[region[0] : region[1]])
    return region, [encoder.pieces(text) for text in texts], encoder.literals


def text_region(source: bytes, texts: list[bytes]) -> Region:
    """From the first text's first words to the last text's last word, as the source has them (the
    whole source if it has them otherwise): a web page is ten times its cable, and the words of the
    part before and after need not be read, now or when the texts are read back."""
    first = next((text for text in texts if text.strip()), None)
    if first is None:
        return 0, 0
    last = next(text for text in reversed(texts) if text.strip())
    first_words = first.split(None, 2)
    start = source.find(b" ".join(first_words[:2]))
    if start < 0:
        start = source.find(first_words[0])
    last_word = last.rsplit(None, 1)[-1]
    end = source.rfind(last_word)
    end = len(source) if end < 0 else end + len(last_word)
    return (0, len(source)) if start < 0 or end <= start else (start, end)


def _words_end(line: bytes, at: int, count: int) -> int:
    """Where the ``count``-th word from ``at`` ends (the space after it, or the line's end)."""
    end = at - 1
    for _word in range(count):
        end = line.find(b" ", end + 1)
        if end < 0:
            return len(line)
    return end


def _run_start(words: bytes, line: bytes, cursor: int, reach: int | None = None) -> int:
    """Where ``line`` stands in ``words`` as whole words: after the cursor if it can, else before it
    (a paragraph quoted again, or read out of order), within ``_FAR`` bytes either way; or only
    within ``reach`` bytes after the cursor; -1 if nowhere within a few tries."""
    if reach is not None:
        windows = [(cursor, cursor + reach + len(line))]
    else:
        windows = [(cursor, cursor + _FAR + len(line)), (max(0, cursor - _FAR), cursor + len(line))]
    for low, high in windows:
        start = words.find(line, low, high)
        for _try in range(_TRIES):
            if start < 0:
                break
            stop = start + len(line)
            if (start == 0 or words[start - 1] == _SPACE) and (stop == len(words) or words[stop] == _SPACE):
                return start
            start = words.find(line, start + 1, high)
    return -1


def decode(source: bytes, region: Region, pieces_of_texts: list[list[Piece]], literals: bytes) -> list[bytes]:
    """The texts ``encode`` was given, from the source, the region, their pieces and the literals joined."""
    words = words_joined(source[region[0] : region[1]])
    texts = []
    cursor = 0
    offset = 0
    for pieces in pieces_of_texts:
        lines: list[bytes] = []
        line: list[bytes] = []
        for piece in pieces:
            if piece is None:
                lines.append(b" ".join(line))
                line = []
            elif isinstance(piece, int):
                line.append(literals[offset : offset + piece])
                offset += piece
            else:
                start = cursor + piece[0]
                cursor = start + piece[1]
                line.append(words[start:cursor])
        lines.append(b" ".join(line))
        texts.append(b"\n".join(lines))
    return texts
