"""``cable-reader [PATH...]``: open the window; ``--screenshot OUT.png`` renders it and exits."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.ui.colours import apply_theme
from reader.ui.main_window import MainWindow
from reader.ui.resources import ICON, SAMPLES
from reader.ui.settings import default_settings

SCREENSHOT_SIZE = (1440, 900)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cable-reader", description="Read US diplomatic cables.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="cable files or folders to open")
    parser.add_argument("--screenshot", metavar="OUT.png", help="load, select the first cable, save the window, exit")
    parser.add_argument("--select", metavar="REFID", help="with --screenshot: the cable to show (default: the first)")
    parser.add_argument("--dark", action="store_true", help="use the dark theme")
    parser.add_argument("--settings", metavar="FILE", help="settings file (default: the user's)")
    parser.add_argument("--version", action="version", version=f"cable-reader {__version__}")
    return parser


def _settings(path: str | None) -> QSettings:
    return QSettings(path, QSettings.Format.IniFormat) if path else default_settings()


def take_screenshot(window: MainWindow, out: str, select: str | None = None) -> int:
    """Save the window to ``out`` once loading is done; the exit status says if it worked."""
    window.list_pane.table.setFocus()
    if select:
        window.select_reference(select)
    elif window.list_pane.proxy.rowCount():
        window.select_proxy_row(0)
    QApplication.processEvents()
    ok = window.grab().save(out)
    print(f"screenshot {'saved to' if ok else 'could not be saved to'} {out}", file=sys.stderr)
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Cable Reader")
    app.setOrganizationName("CableReader")
    app.setApplicationVersion(__version__)
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    settings = _settings(args.settings)
    window = MainWindow(settings)
    apply_theme(args.dark or window.settings.dark)
    if args.dark:
        window.dark_action.setChecked(True)
    paths = [str(Path(p).resolve()) for p in args.paths] or [str(SAMPLES)]
    if args.screenshot:
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    window.load_paths(paths)
    if args.paths and not args.screenshot:
        window.remember(paths)
    if args.screenshot:
        result: list[int] = []

        def finish(_cancelled: bool) -> None:
            if window.loader.is_running:
                return
            QTimer.singleShot(200, lambda: (result.append(take_screenshot(window, args.screenshot, args.select)), app.quit()))

        window.loader.load_finished.connect(finish)
        app.exec()
        window.loader.cancel()
        window.loader.wait()
        return result[0] if result else 1
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
