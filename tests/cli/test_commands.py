"""The command line registers each sub-command from its own module, and imports only that one."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys

from reader.cli.main import COMMAND_MODULES, build_parser
from tests.conftest import REPO


def _choices(parser: argparse.ArgumentParser) -> set[str]:
    (subparsers,) = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return set(subparsers.choices)


def test_every_command_is_registered_by_the_module_the_table_names() -> None:
    assert _choices(build_parser([])) == set(COMMAND_MODULES)
    for name in dict.fromkeys(COMMAND_MODULES.values()):
        parser = argparse.ArgumentParser()
        module = importlib.import_module(name)
        (getattr(module, "add_parser", None) or module.add_parsers)(parser.add_subparsers())
        assert _choices(parser) == {command for command, owner in COMMAND_MODULES.items() if owner == name}


def test_parse_starts_without_the_library_the_review_or_the_exporters() -> None:
    probe = (
        "import json, sys; from reader.cli.main import build_parser; build_parser(['parse', 'x']);"
        "print(json.dumps(sorted({m.split('.')[1] for m in sys.modules if m.startswith('reader.')})))"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=60, check=True)
    loaded = set(json.loads(done.stdout))  # the packages of reader imported
    assert "parse" in loaded and "cli" in loaded
    assert not loaded & {"library", "review", "export", "ui"}


def test_help_names_every_command_and_an_unknown_one_is_refused() -> None:
    done = subprocess.run([sys.executable, "-m", "reader", "--help"], cwd=REPO, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and all(name in done.stdout for name in COMMAND_MODULES)
    wrong = subprocess.run([sys.executable, "-m", "reader", "parsee"], cwd=REPO, capture_output=True, text=True, timeout=60, check=False)
    assert wrong.returncode == 2 and "invalid choice" in wrong.stderr
