"""The outcome of reading one file or row: a cable, or one clear error."""

from __future__ import annotations

from dataclasses import dataclass

from reader.model.cable import Cable, Source


@dataclass(frozen=True)
class ParseError:
    """A file that cannot be read as a cable, with one sentence saying why."""

    source: Source
    message: str


ParseResult = Cable | ParseError
