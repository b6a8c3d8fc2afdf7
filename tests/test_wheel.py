"""The package installed from a wheel (not editable) carries its resources: the parser finds
the release index there, and the window its samples and icon."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CORPUS, REPO

# The test venv holds an editable install, whose import hook would fill in what the wheel lacks.
NO_EDITABLE_FINDER = (
    "import sys\n"
    "sys.meta_path = [f for f in sys.meta_path if 'editable' not in (str(getattr(f, '__module__', '')) + str(getattr(f, '__name__', ''))).lower()]\n"
)


@pytest.mark.slow
def test_a_wheel_install_parses_with_its_bundled_release_index(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy: a build/ folder left in the checkout would hide missing packages
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    for folder in ("reader", "resources"):
        shutil.copytree(REPO / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("cable_reader-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("reader/bundled/data/cable2month.csv", "reader/bundled/data/cables.zstd-dict", "reader/bundled/icons/cable-reader.svg", "reader/bundled/cable-reader.desktop"):
        assert needed in names
    assert any(n.startswith("reader/bundled/samples/") for n in names)
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "reader").rglob("*.py")}
    assert modules <= names, sorted(modules - names)  # every package of reader/, listed in pyproject.toml
    target = tmp_path / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr[-2000:]
    page = CORPUS / "html" / "04AMMAN1288.html"
    if not page.exists():
        pytest.skip("corpus not here")
    script = (
        NO_EDITABLE_FINDER + "import sys\n"
        "from pathlib import Path\n"
        "import reader\n"
        f"assert Path(reader.__file__).is_relative_to({str(target)!r}), reader.__file__\n"
        "from reader.resources import resources_root\n"
        "from reader.parse import parse_text\n"
        "from reader.model import Source\n"
        "text = Path(sys.argv[1]).read_text(encoding='utf-8').split('</table>', 1)[1]\n"
        "cable = parse_text(text, Source('page.html', 'html', 'utf-8'))\n"
        "from reader.library.packing import pack_document, unpack_cable\n"
        "assert unpack_cable(pack_document(cable, None)).reference_id == cable.reference_id\n"  # the dictionary is there
        "print(resources_root())\n"
        "print(cable.reference_id)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run([sys.executable, "-c", script, str(page)], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    root, reference_id = done.stdout.split()
    assert Path(root) == target / "reader" / "bundled"
    assert reference_id == "04AMMAN1288"  # inferred from the release index the wheel carries

    # The window, from the installed wheel, opens on the samples it carries, with its icon.
    window = (
        NO_EDITABLE_FINDER + "import sys\n"
        "from reader.ui.resources import ICON, SAMPLES\n"
        "print(SAMPLES, ICON.exists(), len(list(SAMPLES.iterdir())))\n"
        "from reader.ui.app import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    shot = tmp_path / "window.png"
    env = {**env, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "xdg")}
    options = ["--memory", "--settings", str(tmp_path / "settings.ini"), "--screenshot", str(shot)]
    opened = subprocess.run([sys.executable, "-c", window, *options], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert opened.returncode == 0, opened.stderr
    samples, icon, count = opened.stdout.split()[:3]
    assert Path(samples) == target / "reader" / "bundled" / "samples" and icon == "True" and int(count) >= 10
    assert shot.stat().st_size > 10_000
    installed_entry = subprocess.run(
        [sys.executable, "-c", window, "--install-desktop"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert installed_entry.returncode == 0, installed_entry.stderr
    entry = tmp_path / "xdg" / "applications" / "cable-reader.desktop"
    assert "Icon=cable-reader" in entry.read_text(encoding="utf-8")
    assert (tmp_path / "xdg" / "icons" / "hicolor" / "scalable" / "apps" / "cable-reader.svg").exists()
    removed = subprocess.run(
        [sys.executable, "-c", window, "--uninstall-desktop"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert removed.returncode == 0 and not entry.exists()
