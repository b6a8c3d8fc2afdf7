"""``cable-reader --install-desktop``: put the reader in the desktop's menu, as installed.

Writes the desktop entry and the icon into the user's XDG folders (the freedesktop.org
layout every Linux desktop reads), with ``Exec`` naming this installation's own
``cable-reader``, so that the menu and a file dropped on the launcher start this
install even when its folder is not on PATH. ``--uninstall-desktop`` removes both.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from reader.resources import resource

ENTRY_NAME = "cable-reader.desktop"
ICON_NAME = "cable-reader.svg"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def entry_path() -> Path:
    return data_home() / "applications" / ENTRY_NAME


def icon_path() -> Path:
    return data_home() / "icons" / "hicolor" / "scalable" / "apps" / ICON_NAME


def launcher() -> str:
    """This installation's ``cable-reader`` command, as an absolute path when it can be found."""
    script = Path(sys.argv[0])
    if script.name.startswith("cable-reader") and script.exists():
        return str(script.resolve())
    found = shutil.which("cable-reader")
    return found or "cable-reader"


def _quoted(command: str) -> str:
    return f'"{command}"' if " " in command else command


def install_desktop() -> list[Path]:
    """Write the entry and the icon; returns the files written."""
    entry, icon = entry_path(), icon_path()
    entry.parent.mkdir(parents=True, exist_ok=True)
    icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resource("icons", ICON_NAME), icon)
    lines = resource(ENTRY_NAME).read_text(encoding="utf-8").splitlines()
    lines = [f"Exec={_quoted(launcher())} %F" if line.startswith("Exec=") else line for line in lines]
    entry.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [entry, icon]


def uninstall_desktop() -> list[Path]:
    """Remove what ``install_desktop`` wrote; returns the files removed."""
    removed = []
    for path in (entry_path(), icon_path()):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed
