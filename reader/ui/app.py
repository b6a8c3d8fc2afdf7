"""``cable-reader [PATH...]``: open the window; ``--screenshot OUT.png`` renders it and exits."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import __version__
from reader.desktop_entry import install_desktop, uninstall_desktop
from reader.library.library import Library
from reader.library.paths import default_library_path
from reader.library.schema import LibraryError
from reader.library.store import CableStore, MemoryStore
from reader.review import RELEASE_LEVELS
from reader.ui.colours import apply_theme
from reader.ui.library_upgrade import open_library_showing_upgrade
from reader.ui.main_window import MainWindow
from reader.ui.resources import ICON, SAMPLES
from reader.ui.settings import default_settings

SCREENSHOT_SIZE = (1440, 900)
SWITCH_INTERVAL = 0.001
"""Seconds a Python thread may hold the GIL: short, so the window answers while work runs."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cable-reader", description="Read US diplomatic cables.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="cable files or folders to open")
    parser.add_argument("--library", metavar="DB", help=f"the library file (default: {default_library_path()})")
    parser.add_argument("--memory", action="store_true", help="keep this session's cables in memory only, no library")
    parser.add_argument("--screenshot", metavar="OUT.png", help="load, select the first cable, save the window, exit")
    parser.add_argument("--select", metavar="REFID", help="with --screenshot: the cable to show (default: the first)")
    parser.add_argument("--released-at", choices=RELEASE_LEVELS, metavar="LEVEL", help="show cables as released at LEVEL")
    parser.add_argument("--tab", choices=("paragraphs", "versions", "graph"), help="with --screenshot: the tab to show")
    parser.add_argument("--paragraph", type=int, metavar="N", help="with --screenshot: scroll to paragraph N of the cable")
    parser.add_argument("--dark", action="store_true", help="use the dark theme")
    parser.add_argument("--settings", metavar="FILE", help="settings file (default: the user's)")
    parser.add_argument("--install-desktop", action="store_true", help="add the reader to the desktop's menu (XDG), then exit")
    parser.add_argument("--uninstall-desktop", action="store_true", help="remove it from the desktop's menu, then exit")
    parser.add_argument("--version", action="version", version=f"cable-reader {__version__}")
    return parser


def _settings(path: str | None) -> QSettings:
    return QSettings(path, QSettings.Format.IniFormat) if path else default_settings()


def open_store(args: argparse.Namespace, quiet: bool) -> CableStore:
    """The library, or memory when asked or when the library cannot be opened (said, never overwritten)."""
    if args.memory:
        return MemoryStore()
    try:
        path = Path(args.library or default_library_path())
        return Library(path) if quiet else open_library_showing_upgrade(path)
    except LibraryError as exc:
        if quiet:
            print(f"cable-reader: {exc} Working in memory only.", file=sys.stderr)
        else:
            QMessageBox.critical(None, "Cable Reader", f"{exc}\n\nThis session keeps its cables in memory only.")
        return MemoryStore()


def take_screenshot(
    window: MainWindow, out: str, select: str | None = None, tab: str | None = None, paragraph: int | None = None
) -> int:
    """Save the window to ``out`` once loading is done; the exit status says if it worked."""
    window.list_pane.table.setFocus()
    if select:
        window.select_reference(select)
    elif window.list_model.rowCount():
        window.select_row(0)
    if tab in ("versions", "graph"):
        window.reading_pane.setCurrentWidget(getattr(window.reading_pane, tab))
    cable = window.current_cable()
    if paragraph is not None and cable is not None:
        index = next((i for i, p in enumerate(cable.paragraphs) if p.number == paragraph), None)
        if index is not None:
            window.reading_pane.show_paragraph(index)
    QApplication.processEvents()
    ok = window.grab().save(out)
    print(f"screenshot {'saved to' if ok else 'could not be saved to'} {out}", file=sys.stderr)
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.install_desktop or args.uninstall_desktop:
        changed = install_desktop() if args.install_desktop else uninstall_desktop()
        for path in changed:
            print(f"{'wrote' if args.install_desktop else 'removed'} {path}")
        return 0
    sys.setswitchinterval(SWITCH_INTERVAL)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Cable Reader")
    app.setOrganizationName("CableReader")
    app.setApplicationVersion(__version__)
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    store = open_store(args, quiet=bool(args.screenshot))
    window = MainWindow(_settings(args.settings), store)
    apply_theme(args.dark or window.settings.dark)
    if args.dark:
        window.dark_action.setChecked(True)
    if args.released_at:
        window.paragraph_view.set_release_level(args.released_at)
    paths = [str(Path(p).resolve()) for p in args.paths]
    if not paths and store.count() == 0:
        paths = [str(SAMPLES)]  # a new user sees a working reader at once
    if args.screenshot:
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    if args.paths and not args.screenshot:
        window.remember(paths)
    if not args.screenshot:
        window.load_paths(paths)
        return app.exec()

    result: list[int] = []

    def finish(_cancelled: bool = False) -> None:
        if window.loader.is_running:
            return
        if window.list_model.refreshing:  # the list's last refresh is still being asked
            QTimer.singleShot(20, finish)
            return
        QTimer.singleShot(200, lambda: (result.append(take_screenshot(window, args.screenshot, args.select, args.tab, args.paragraph)), app.quit()))

    window.loader.load_finished.connect(finish)
    if paths:
        window.load_paths(paths)
    else:
        finish()
    app.exec()
    window.loader.cancel()
    window.loader.wait()
    return result[0] if result else 1


if __name__ == "__main__":
    raise SystemExit(main())
