"""The command line: ``python -m reader parse PATH... --json`` and friends. No Qt."""
