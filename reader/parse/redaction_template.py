"""The block the 2010 release printed where it redacted a cable's banner.

    ID: 245489
    ORIGIN: XXXXXXXXXXXX
    DATE: XXXXXXXXXXXX
    SOURCE: Embassy Beijing
    CLASSIFICATION: SECRET
    MISC: XXXXXXXXXXXX
    DESTINATION: XXXXXXXXXXXX

It says what the banner would have said: the level (and controls) and the sender, in the
release's naming. Read, its lines leave the text; left in, each was a front-matter line
"not understood".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.parse.classification import level_of, marking_controls
from reader.parse.line_shapes import REDACTION_LINE

_FIELDS = "ORIGIN|DATE|SOURCE|CLASSIFICATION|MISC|DESTINATION"
_TEMPLATE = re.compile(r"(?m)^[ \t]*ID:[ \t]*\d+[ \t]*\n(?P<fields>(?:[ \t]*(?:" + _FIELDS + r"):[^\n]*(?:\n|$)){3,6})")
_FIELD = re.compile(r"(?m)^[ \t]*(" + _FIELDS + r"):[ \t]*(.*?)[ \t]*$")


@dataclass(frozen=True)
class RedactionTemplate:
    """What the block says of the cable (None where it is redacted too)."""

    level: str | None
    controls: tuple[str, ...]
    source: str | None


def take_redaction_template(text: str) -> tuple[str, RedactionTemplate | None]:
    """The text without the block, and what the block says; the text as it was when it has none."""
    match = _TEMPLATE.search(text) if "CLASSIFICATION:" in text else None
    if match is None:
        return text, None
    fields = {name: value for name, value in _FIELD.findall(match["fields"]) if value and not REDACTION_LINE.match(value)}
    classification = fields.get("CLASSIFICATION", "")
    level = level_of(classification.split("//")[0]) if classification else None
    controls = tuple(marking_controls("X//" + classification.split("//", 1)[1])) if "//" in classification else ()
    template = RedactionTemplate(level, controls, fields.get("SOURCE"))
    return text[: match.start()] + text[match.end() :], template
