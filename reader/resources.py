"""Where the bundled resources are: the release index, sample cables, icon, desktop file.

The repository keeps them in the top-level ``resources/`` folder; a wheel ships the same
folder as the package ``reader.bundled`` (mapped in ``pyproject.toml``). An editable
install maps that package onto the folder too, so both installs find them the same way.
No Qt here: the parser needs the release index as much as the window needs the icon.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

_REPOSITORY_RESOURCES = Path(__file__).resolve().parents[1] / "resources"


@lru_cache(maxsize=1)
def resources_root() -> Path:
    """The folder that holds ``data/``, ``samples/``, ``icons/`` and the desktop file."""
    try:
        root = Path(str(resources.files("reader.bundled")))
    except (ModuleNotFoundError, TypeError):
        return _REPOSITORY_RESOURCES
    return root if (root / "data").is_dir() else _REPOSITORY_RESOURCES


def resource(*parts: str) -> Path:
    """A bundled file or folder, e.g. ``resource("data", "cable2month.csv.gz")``."""
    return resources_root().joinpath(*parts)
