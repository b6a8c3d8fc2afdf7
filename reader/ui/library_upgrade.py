"""Opening a library of an older format: the one-time upgrade runs off the GUI thread, shown.

A release-sized library takes about two minutes to move to a new format; a
window that stayed blank for that long would look hung. The upgrade (SQLite's work,
which lets go of Python's lock) runs on a plain thread while a busy dialog says what
is happening and the event loop keeps the screen painted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.library.library import Library
from reader.library.schema import SCHEMA_VERSION, stored_format, upgrade_rewrites
from reader.ui.busy import run_showing


def open_library_showing_upgrade(path: Path, parent: QWidget | None = None) -> Library:
    """``Library(path)``; when the file is of an older format, with a dialog while it is upgraded.

    Raises what ``Library`` raises (``LibraryError`` for a file it refuses)."""
    found = stored_format(path)
    if found is None or found >= SCHEMA_VERSION or not upgrade_rewrites(found):
        return Library(path)  # nothing to wait for: at most the format number changes
    outcome: dict[str, object] = {}

    def upgrade() -> None:
        try:
            outcome["library"] = Library(path)
        except BaseException as exc:  # handed to the GUI thread, raised there
            outcome["error"] = exc

    dialog = QProgressDialog(
        f"Upgrading the library {path.name} from format {found} to {SCHEMA_VERSION}.\n"
        "This happens once; a library of the whole release takes about two minutes.",
        "",
        0,
        0,
        parent,
    )
    dialog.setWindowTitle("Cable Reader")
    dialog.setCancelButton(None)  # a half-done upgrade is rolled back, but stopping it here gains nothing
    run_showing(dialog, upgrade, "library-upgrade")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["library"]  # type: ignore[return-value]
