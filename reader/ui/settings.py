"""What the window remembers between runs: geometry, splitters, columns, folder, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

RECENT_LIMIT = 10


def default_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "CableReader", "cable-reader")


class WindowSettings:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(key, value)

    @property
    def last_folder(self) -> str:
        value = self._settings.value("files/lastFolder", "")
        return value if isinstance(value, str) and Path(value).is_dir() else str(Path.home())

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self._settings.setValue("files/lastFolder", folder)

    @property
    def recent(self) -> list[str]:
        value = self._settings.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in (value or []) if isinstance(v, str)]

    def add_recent(self, paths: list[str]) -> None:
        recent = [p for p in self.recent if p not in paths]
        self._settings.setValue("files/recent", (list(paths) + recent)[:RECENT_LIMIT])

    def clear_recent(self) -> None:
        self._settings.setValue("files/recent", [])

    @property
    def dark(self) -> bool:
        return str(self._settings.value("view/dark", "false")).lower() == "true"

    @dark.setter
    def dark(self, value: bool) -> None:
        self._settings.setValue("view/dark", "true" if value else "false")

    def sync(self) -> None:
        self._settings.sync()
