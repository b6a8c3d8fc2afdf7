"""Shapes of whole lines that several readers of the text ask about."""

from __future__ import annotations

import re

RULE = re.compile(r"^\s*[-=_*]{4,}[-=_* ]*$")
"""A rule drawn with dashes, equals signs, underscores or asterisks."""

REDACTION_LINE = re.compile(r"^[\sX]*X{4,}[\sX.]*$")
"""A line of nothing but redaction marks (``XXXXXXXXXXXX``)."""

SENTENCE_END = tuple(".:;!?\"')]")
"""What a line that finishes a sentence ends with."""
