"""The core is Qt-free: model, parse, library and cli never load PySide6 (see STYLE.md)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

QT_FREE = ["reader.model", "reader.model.json_codec", "reader.parse", "reader.review", "reader.export", "reader.library", "reader.cli.main"]


@pytest.mark.parametrize("module", QT_FREE)
def test_core_modules_do_not_load_qt(module: str) -> None:
    code = f"import sys, importlib; importlib.import_module({module!r}); print('PySide6' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_lower_layers_do_not_import_upper_ones() -> None:
    order = ["model", "parse", "review", "export", "library", "ui"]
    for index, layer in enumerate(order):
        for path in (REPO / "reader" / layer).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            for upper in [*order[index + 1 :], "cli"]:
                assert f"reader.{upper}" not in text, f"{path} reaches up to reader.{upper}"
