"""Entry point of ``python -m reader``: one sub-command per job."""

from __future__ import annotations

import argparse
import sys

from reader import __version__
from reader.cli import export_command, library_commands, parse_command, review_commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m reader", description="Cable Reader")
    parser.add_argument("--version", action="version", version=f"cable-reader {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True)
    parse_command.add_parser(subparsers)
    library_commands.add_parsers(subparsers)
    review_commands.add_parsers(subparsers)
    export_command.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
