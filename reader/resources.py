"""Where the bundled resources are: the release index, sample cables, icon, desktop file.

The repository keeps them in the top-level ``resources/`` folder; a wheel ships the same
folder inside the package as ``reader/bundled`` (mapped in ``pyproject.toml``). An
editable install leaves them where they are in the checkout. No Qt here: the parser
needs the release index as much as the window needs the icon.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_CANDIDATES = (_HERE / "bundled", _HERE.parent / "resources")


@lru_cache(maxsize=1)
def resources_root() -> Path:
    """The folder that holds ``data/``, ``samples/``, ``icons/`` and the desktop file."""
    return next((root for root in _CANDIDATES if (root / "data").is_dir()), _CANDIDATES[-1])


def resource(*parts: str) -> Path:
    """A bundled file or folder, e.g. ``resource("data", "cable2month.csv")``."""
    return resources_root().joinpath(*parts)
