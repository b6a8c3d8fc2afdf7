"""The main window's menus: File, Edit, View, Help, and the actions the window keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from reader import __version__
from reader.review import RELEASE_LEVELS
from reader.ui.compact_dialog import can_compact, compact_library

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """Create the menus; the actions other code reaches stay on the window as attributes."""
    file_menu = window.menuBar().addMenu("&File")
    window.open_action = QAction("&Open Files…", window, shortcut=QKeySequence.StandardKey.Open, triggered=window.open_files)
    window.open_folder_action = QAction(
        "Open &Folder…", window, shortcut=QKeySequence("Ctrl+Shift+O"), triggered=window.open_folder
    )
    file_menu.addAction(window.open_action)
    file_menu.addAction(window.open_folder_action)
    window.recent_menu = file_menu.addMenu("Open &Recent")
    window.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(window, window.recent_menu))
    file_menu.addSeparator()
    window.export_selected_action = QAction(
        "&Export Selected Cables…", window, shortcut=QKeySequence("Ctrl+E"), triggered=lambda: window.export_cables(True)
    )
    window.export_list_action = QAction("Export the Filtered &List…", window, triggered=lambda: window.export_cables(False))
    for action in (window.export_selected_action, window.export_list_action):
        action.setToolTip("PDF, JSON, CSV or plain text, from the file's ending; the release view applies")
        file_menu.addAction(action)
    file_menu.addSeparator()
    window.compact_action = QAction("&Compact the Library…", window, triggered=lambda: compact_library(window))
    window.compact_action.setToolTip("Compress the documents harder and give free space back to the disk (about 6% smaller)")
    window.compact_action.setEnabled(can_compact(window))
    file_menu.addAction(window.compact_action)
    file_menu.addSeparator()
    file_menu.addAction(QAction("&Quit", window, shortcut=QKeySequence.StandardKey.Quit, triggered=window.close))

    edit_menu = window.menuBar().addMenu("&Edit")
    find = QAction("&Find…", window, shortcut=QKeySequence.StandardKey.Find)
    find.triggered.connect(lambda: (window.list_pane.filter_box.setFocus(), window.list_pane.filter_box.selectAll()))
    edit_menu.addAction(find)
    edit_menu.addAction(QAction("Copy Paragraphs", window, triggered=window.paragraph_view.copy_selection))
    edit_menu.addAction(QAction("Copy Whole Cable", window, triggered=window.paragraph_view.copy_all))

    view_menu = window.menuBar().addMenu("&View")
    view_menu.addAction(window.problems_dock.toggleViewAction())
    window.dark_action = QAction("&Dark Theme", window, checkable=True)
    window.dark_action.setChecked(window.settings.dark)
    window.dark_action.toggled.connect(window.set_dark)
    view_menu.addAction(window.dark_action)
    view_menu.addAction(
        QAction("Clear &Filters", window, shortcut=QKeySequence("Ctrl+L"), triggered=window.list_pane.clear_filters)
    )
    _release_menu(window, view_menu.addMenu("Show as &Released At"))

    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction(QAction("&About Cable Reader", window, triggered=lambda: _about(window)))


def _release_menu(window: MainWindow, menu: QMenu) -> None:
    """View > Show as Released At: the same choice as the paragraph pane's, kept in step with it."""
    group = QActionGroup(menu)
    actions: dict[str | None, QAction] = {}
    for level, label in ((None, "As &Classified"), *((level, level.title()) for level in RELEASE_LEVELS)):
        action = QAction(label, menu, checkable=True)
        action.setChecked(level is None)
        action.triggered.connect(lambda _checked=False, chosen=level: window.paragraph_view.set_release_level(chosen))
        group.addAction(action)
        menu.addAction(action)
        actions[level] = action
    window.paragraph_view.release_level_changed.connect(lambda level: actions[level].setChecked(True))


def fill_recent_menu(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    recent = window.settings.recent
    for path in recent:
        action = menu.addAction(path)
        action.triggered.connect(lambda _checked=False, p=path: (window.remember([p]), window.load_paths([p])))
    if recent:
        menu.addSeparator()
        menu.addAction("Clear Recent", window.settings.clear_recent)
    else:
        menu.addAction("No recent files").setEnabled(False)


def _about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        "About Cable Reader",
        f"Cable Reader {__version__}\n\nReads US diplomatic cables: header fields, portion markings, references.",
    )
