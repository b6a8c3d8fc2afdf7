"""Classification colours, and the light and dark palettes the window can use.

Colour is never the only signal: every coloured thing also says its level in words.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

LEVEL_COLOURS: dict[str | None, str] = {
    "TOP SECRET": "#ff8c00",
    "SECRET": "#c8102e",
    "CONFIDENTIAL": "#0033a0",
    "UNCLASSIFIED": "#007a33",
    None: "#6b7280",
}
"""SECRET red, CONFIDENTIAL blue, UNCLASSIFIED and SBU green, TOP SECRET orange, unmarked grey."""

LEGEND: tuple[tuple[str | None, str], ...] = (
    ("TOP SECRET", "TOP SECRET (TS)"),
    ("SECRET", "SECRET (S)"),
    ("CONFIDENTIAL", "CONFIDENTIAL (C)"),
    ("UNCLASSIFIED", "UNCLASSIFIED (U, SBU, LOU)"),
    (None, "Unmarked"),
)


def level_colour(level: str | None) -> QColor:
    return QColor(LEVEL_COLOURS.get(level, LEVEL_COLOURS[None]))


def text_on(level: str | None) -> QColor:
    """Black on orange, white on the darker colours: readable (WCAG AA) on each."""
    return QColor("#000000") if level == "TOP SECRET" else QColor("#ffffff")


def tint(level: str | None, base: QColor) -> QColor:
    """A pale wash of the level's colour over ``base``: the text on it stays readable."""
    colour = level_colour(level)
    alpha = 0.10 if base.lightness() > 128 else 0.22
    return QColor(
        round(base.red() * (1 - alpha) + colour.red() * alpha),
        round(base.green() * (1 - alpha) + colour.green() * alpha),
        round(base.blue() * (1 - alpha) + colour.blue() * alpha),
    )


def dark_palette() -> QPalette:
    palette = QPalette()
    window, base, text = QColor("#202124"), QColor("#17181a"), QColor("#e8eaed")
    palette.setColor(QPalette.ColorRole.Window, window)
    palette.setColor(QPalette.ColorRole.WindowText, text)
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#232427"))
    palette.setColor(QPalette.ColorRole.Text, text)
    palette.setColor(QPalette.ColorRole.Button, QColor("#2b2c2f"))
    palette.setColor(QPalette.ColorRole.ButtonText, text)
    palette.setColor(QPalette.ColorRole.ToolTipBase, window)
    palette.setColor(QPalette.ColorRole.ToolTipText, text)
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#9aa0a6"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#8ab4f8"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#000000"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#8ab4f8"))
    palette.setColor(QPalette.ColorRole.LinkVisited, QColor("#c58af9"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#80868b"))
    return palette


def light_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f3f4f6"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#111827"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f8fa"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#111827"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#e5e7eb"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#111827"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2563eb"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#1d4ed8"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#6b7280"))
    return palette


def apply_theme(dark: bool) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if dark else light_palette())
