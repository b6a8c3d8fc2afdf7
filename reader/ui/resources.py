"""The window's bundled files: the sample cables and the icon (see ``reader.resources``)."""

from __future__ import annotations

from reader.resources import resource

SAMPLES = resource("samples")
ICON = resource("icons", "cable-reader.svg")
