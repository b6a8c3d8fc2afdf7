"""``cable-reader`` as a program: the screenshot mode, the bundled samples, the desktop entry."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from reader.resources import resources_root
from reader.ui.resources import ICON, SAMPLES
from tests.conftest import REPO, SEED


def run_app(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [
        sys.executable,
        "-m",
        "reader.ui.app",
        "--settings",
        str(tmp_path / "settings.ini"),
        "--library",
        str(tmp_path / "library.sqlite3"),
        *args,
    ]
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_screenshot_of_the_seed(tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    done = run_app("--screenshot", str(out), str(SEED), tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1440, 900)
    # The classification banner of a SECRET cable is red (#c8102e) somewhere in the picture.
    reds = sum(
        1 for x in range(0, image.width(), 8) for y in range(0, image.height(), 8) if image.pixelColor(x, y).name() == "#c8102e"
    )
    assert reds > 50


def test_no_paths_opens_the_bundled_samples(tmp_path: Path) -> None:
    out = tmp_path / "samples.png"
    done = run_app("--screenshot", str(out), "--select", "02BOGOTA3281", "--dark", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert QImage(str(out)).width() == 1440
    assert len(list(SAMPLES.iterdir())) >= 10


def test_the_next_start_opens_on_the_library_without_loading(tmp_path: Path) -> None:
    first = run_app("--screenshot", str(tmp_path / "one.png"), tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    again = run_app("--screenshot", str(tmp_path / "two.png"), "--select", "06ALMATY2872", tmp_path=tmp_path)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "two.png").exists()


def test_a_library_that_is_not_ours_is_left_alone_and_the_window_still_opens(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    library.write_text("my notes", encoding="utf-8")
    done = run_app("--screenshot", str(tmp_path / "shot.png"), str(SEED), tmp_path=tmp_path)
    assert done.returncode == 0
    assert "not a Cable Reader library" in done.stderr and "memory only" in done.stderr
    assert library.read_text(encoding="utf-8") == "my notes"


def test_resources_are_complete() -> None:
    assert ICON.exists()
    desktop = (resources_root() / "cable-reader.desktop").read_text(encoding="utf-8")
    assert "Exec=cable-reader %F" in desktop and "Icon=cable-reader" in desktop
    assert (REPO / "resources" / "screenshot.png").exists()  # the README's picture
