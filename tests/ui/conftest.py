"""Fixtures for window tests: a fresh settings file and windows that load and wait."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QScrollBar

from reader.library.library import Library
from reader.library.store import CableStore, MemoryStore
from reader.ui.main_window import MainWindow
from tests.conftest import SEED


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


def _window_factory(qtbot, settings_file: Path, store: Callable[[], CableStore]) -> Iterator[Callable[[], MainWindow]]:
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        fresh = not settings_file.exists()
        window = MainWindow(QSettings(str(settings_file), QSettings.Format.IniFormat), store())
        qtbot.addWidget(window)
        if fresh:
            window.resize(1280, 800)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.loader.cancel()
        window.loader.wait(5000)
        if isinstance(window.store, Library):
            window.store.close()


@pytest.fixture
def make_window(qtbot, settings_file: Path) -> Iterator[Callable[[], MainWindow]]:
    """Windows that keep their cables in memory."""
    yield from _window_factory(qtbot, settings_file, MemoryStore)


@pytest.fixture
def make_library_window(qtbot, settings_file: Path, tmp_path: Path) -> Iterator[Callable[[], MainWindow]]:
    """Windows on one library file in ``tmp_path`` (a second call is a second window on it)."""
    yield from _window_factory(qtbot, settings_file, lambda: Library(tmp_path / "library.sqlite3"))


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


@pytest.fixture
def load(qtbot) -> Callable[[MainWindow, list], None]:
    """Load paths through the window's own loading path and wait until it is done and listed."""

    def run(window: MainWindow, paths: list) -> None:
        with qtbot.waitSignal(window.loader.load_finished, timeout=60000):
            window.load_paths([str(p) for p in paths])
        qtbot.waitUntil(lambda: not window.list_model.refreshing, timeout=10000)  # the list's last refresh

    return run


@pytest.fixture
def scrolled_to_the_end(qtbot, load, tmp_path: Path) -> Callable[[MainWindow], tuple[QScrollBar, int]]:
    """Load 60 cables into a small window and scroll its list to the end: (the scroll bar, its place)."""

    def run(window: MainWindow) -> tuple[QScrollBar, int]:
        folder = tmp_path / "sixty"
        folder.mkdir()
        seed = SEED.read_text(encoding="utf-8")
        for n in range(60):
            (folder / f"c{n}.txt").write_text(seed.replace("002872", f"{3000 + n:06d}"), encoding="utf-8")
        load(window, [folder])
        window.resize(900, 500)
        qtbot.wait(50)
        bar = window.list_pane.table.verticalScrollBar()
        bar.setValue(bar.maximum())
        assert bar.value() > 0
        return bar, bar.value()

    return run


@pytest.fixture
def apply_filters(qtbot) -> Callable[[MainWindow], None]:
    """Apply a window's filter and search boxes as the window does (a library is asked off the
    GUI thread) and wait until the list shows the answer."""

    def run(window: MainWindow) -> None:
        window.list_pane.apply_filters()
        qtbot.waitUntil(lambda: not window.list_model.refreshing, timeout=10000)

    return run
