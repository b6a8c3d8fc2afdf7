"""Entry point of ``python -m reader``: one sub-command per job."""

from __future__ import annotations

import argparse
import importlib
import sys

from reader import __version__

COMMAND_MODULES = {
    "parse": "reader.cli.parse_command",
    "import": "reader.cli.library_commands",
    "search": "reader.cli.library_commands",
    "show": "reader.cli.library_commands",
    "graph": "reader.cli.library_commands",
    "compact": "reader.cli.library_commands",
    "audit": "reader.cli.review_commands",
    "diff": "reader.cli.review_commands",
    "export": "reader.cli.export_command",
}
"""The module that registers each sub-command. Only the named command's module is imported:
``parse`` then starts without the library's, the review's and the exporters' modules, a third
of its start-up. Help, or a name not known, imports them all."""


def _named_command(argv: list[str]) -> str | None:
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return first if first in COMMAND_MODULES else None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser of ``argv``'s command (of every command when it names none)."""
    parser = argparse.ArgumentParser(prog="python -m reader", description="Cable Reader")
    parser.add_argument("--version", action="version", version=f"cable-reader {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True)
    command = _named_command(sys.argv[1:] if argv is None else argv)
    names = [COMMAND_MODULES[command]] if command else list(dict.fromkeys(COMMAND_MODULES.values()))
    for name in names:
        module = importlib.import_module(name)
        register = getattr(module, "add_parser", None) or module.add_parsers
        register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser(argv).parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
