"""Where the bundled resources are: icons, sample cables, the desktop file.

The package is installed editable (``pip install -e .``), so the repository's
``resources/`` folder sits next to ``reader/``.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
SAMPLES = RESOURCES / "samples"
ICON = RESOURCES / "icons" / "cable-reader.svg"
