"""Where the library lives by default: the user's data folder, per platform conventions."""

from __future__ import annotations

import os
import sys
from pathlib import Path

LIBRARY_FILE = "library.sqlite3"


def data_folder() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "Cable Reader"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Cable Reader"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "cable-reader"


def default_library_path() -> Path:
    return data_folder() / LIBRARY_FILE
