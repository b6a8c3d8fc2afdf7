"""``python -m reader ...``: the command line."""

from reader.cli.main import main

raise SystemExit(main())
