"""An older library opened by the window is upgraded off the GUI thread, with a dialog saying so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from reader.library import schema
from reader.library.schema import SCHEMA_VERSION, LibraryError
from reader.library.sqlite import sqlite3
from reader.ui.library_upgrade import open_library_showing_upgrade
from tests.conftest import REPO

FORMAT_3_LIBRARY = REPO / "tests" / "data" / "library-format-3.sqlite3"


def test_a_format_3_library_is_upgraded_with_a_dialog_shown(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    shutil.copy(FORMAT_3_LIBRARY, path)
    seen: list[str] = []

    def look() -> None:
        seen.extend(w.labelText() for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible())

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(1)
    library = open_library_showing_upgrade(path)
    timer.stop()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert library.count() == 5
    assert any(f"from format 3 to {SCHEMA_VERSION}" in text for text in seen)
    library.close()
    again = open_library_showing_upgrade(path)  # current: opened at once
    assert again.count() == 5
    again.close()


def _dialogs_while_opening(qtbot, path: Path) -> tuple[list[str], object]:
    """The texts of the progress dialogs seen while the window opens ``path``, and the library."""
    seen: list[str] = []
    timer = QTimer()
    timer.timeout.connect(
        lambda: seen.extend(w.labelText() for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible())
    )
    timer.start(1)
    library = open_library_showing_upgrade(path)
    qtbot.wait(5)
    timer.stop()
    return seen, library


def test_a_format_5_library_is_upgraded_with_a_dialog_while_its_index_is_made_again(qtbot, tmp_path: Path) -> None:
    """5 -> 6 makes the full-text index again from every document: that takes a while, and says so."""
    path = tmp_path / "library.sqlite3"
    shutil.copy(REPO / "tests" / "data" / "library-format-5.sqlite3", path)
    seen, library = _dialogs_while_opening(qtbot, path)
    assert any(f"from format 5 to {SCHEMA_VERSION}" in text for text in seen)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    assert library.count() == 8
    library.close()


def test_a_format_6_library_is_upgraded_with_a_dialog_while_its_labels_are_made_again(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    shutil.copy(REPO / "tests" / "data" / "library-format-6.sqlite3", path)
    seen, library = _dialogs_while_opening(qtbot, path)
    assert any(f"from format 6 to {SCHEMA_VERSION}" in text for text in seen)
    assert library.count() == 9
    library.close()


def test_an_upgrade_of_settings_alone_opens_at_once_without_a_dialog(qtbot, tmp_path: Path, monkeypatch) -> None:
    """A step that changes a setting, not a table (as 4 -> 5 did), has nothing to wait for."""
    monkeypatch.setitem(schema.MIGRATIONS, 6, (schema.FULL_TEXT_MERGES,))
    path = tmp_path / "library.sqlite3"
    shutil.copy(REPO / "tests" / "data" / "library-format-6.sqlite3", path)
    seen, library = _dialogs_while_opening(qtbot, path)
    assert seen == []
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert library.count() == 9
    library.close()


def test_a_format_7_library_opens_at_once_without_a_dialog(qtbot, tmp_path: Path) -> None:
    """7 -> 8 rewrites nothing (a format-7 document is read as it is): the window waits for nothing."""
    path = tmp_path / "library.sqlite3"
    shutil.copy(REPO / "tests" / "data" / "library-format-7.sqlite3", path)
    seen, library = _dialogs_while_opening(qtbot, path)
    assert seen == []
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    assert library.count() == 9
    library.close()


def test_a_file_that_is_not_a_library_is_refused_as_before(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"not a database at all")
    with pytest.raises(LibraryError):
        open_library_showing_upgrade(path)
