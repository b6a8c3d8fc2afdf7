"""Dataclasses for one parsed cable and its parts.

Every field a reader may want to see is here, typed; anything the parser
repaired or guessed is recorded in ``Cable.warnings`` rather than hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

LEVELS: tuple[str, ...] = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
"""Classification levels, lowest first; SBU and LOU are UNCLASSIFIED."""


@dataclass(frozen=True)
class Source:
    """Where a cable came from: the file, its detected form and encoding."""

    path: str
    format: str
    encoding: str | None
    row: int | None = None
    """Line number of the row in a release CSV file, else None."""


@dataclass(frozen=True)
class Recipient:
    """One TO / INFO / XMT addressee line, e.g. ``RUEHC/SECSTATE WASHDC PRIORITY 6536``."""

    name: str
    route: str | None = None
    precedence: str | None = None
    mcn: str | None = None


@dataclass(frozen=True)
class Reference:
    """One REF entry; ``reference_id`` is None when it does not cite a cable."""

    label: str | None
    text: str
    reference_id: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A numbered paragraph with its portion marking as written and its level."""

    number: int | None
    marking: str | None
    level: str | None
    text: str
    heading: str | None = None
    """A section heading (underlined with dashes) printed just before it."""


@dataclass(frozen=True)
class Section:
    index: int
    total: int


@dataclass(frozen=True)
class Routing:
    """The transmission lines: prosign and routing indicators, DE and security line."""

    prosign: str | None = None
    indicators: tuple[str, ...] = ()
    station: str | None = None
    serial: str | None = None
    julian: str | None = None
    security: str | None = None


@dataclass(frozen=True)
class PageMetadata:
    """What a cable page's metadata table or a release CSV row says of the cable."""

    reference_id: str | None = None
    created: datetime | None = None
    released: datetime | None = None
    classification: str | None = None
    origin: str | None = None
    references: tuple[str, ...] = ()


@dataclass
class Cable:
    """One cable, as complete as its source allows."""

    source: Source
    reference_id: str | None = None
    created: datetime | None = None
    dtg: str | None = None
    precedence: str | None = None
    transmission_id: str | None = None
    routing: Routing | None = None
    from_: str | None = None
    origin: str | None = None
    to: list[Recipient] = field(default_factory=list)
    info: list[Recipient] = field(default_factory=list)
    xmt: list[Recipient] = field(default_factory=list)
    banner: str | None = None
    classification: str | None = None
    controls: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    section: Section | None = None
    for_: str | None = None
    eo: str | None = None
    declassify_on: date | None = None
    eo_line: str | None = None
    tags: list[str] = field(default_factory=list)
    """Normalised: upper case, as the TAGS handbook spells them, each once."""
    tags_as_written: list[str] = field(default_factory=list)
    """Each tag as the cable writes it (``prel``, ``MOPPS``, ``PHUMBA``), so a filter finds every variant."""
    subject: str | None = None
    subject_marking: str | None = None
    """The subject line's own portion marking (``C/NF`` in ``SUBJECT: (C/NF) ...``)."""
    references: list[Reference] = field(default_factory=list)
    classified_by: str | None = None
    reasons: list[str] = field(default_factory=list)
    summary: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    signers: list[str] = field(default_factory=list)
    partial: bool = False
    metadata: PageMetadata | None = None
    warnings: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    @property
    def level_rank(self) -> int:
        """Index into LEVELS, -1 when the classification is unknown; for sorting."""
        return LEVELS.index(self.classification) if self.classification in LEVELS else -1
