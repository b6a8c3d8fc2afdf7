"""The typed cable model. Plain dataclasses: no Qt, no parsing."""

from reader.model.cable import (
    LEVELS,
    Cable,
    PageMetadata,
    Paragraph,
    Recipient,
    Reference,
    Routing,
    Section,
    Source,
)
from reader.model.result import ParseError, ParseResult

__all__ = [
    "LEVELS",
    "Cable",
    "PageMetadata",
    "Paragraph",
    "ParseError",
    "ParseResult",
    "Recipient",
    "Reference",
    "Routing",
    "Section",
    "Source",
]
