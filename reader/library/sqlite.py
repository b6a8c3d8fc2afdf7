"""The SQLite the library runs on: a recent one where the system's is old.

Python's ``sqlite3`` module uses the system's SQLite. On Debian 12 and its kin that is 3.40
(2022), whose FTS5 ranks the hits of a search for a common word ("president": 128,000 on the
release) in 83 ms. The ``sqlean.py`` package is the same module around SQLite 3.50: 66 ms, the
same hits in the same order, and the searches of the scale benchmark a fifth faster (its
inserts are 3% slower). ``pysqlite3-binary`` (3.51) ranked faster still, but its SQLite keeps
every temporary file in memory: a VACUUM of the release's library would hold 2 GB. sqlean.py
ships builds up to Python 3.13 (when this was written) and is asked for on Linux only; where
it is not installed, the standard module serves. The file format is the same either way: a
library written by one is read by the other. Only one of them may open a library in a
process: two SQLites in one process do not see each other's locks.

sqlean.py can also load its own extensions, among them a ``unicode`` one that would redefine
``NOCASE``, by which the list's indexes are sorted: they stay off, whatever the environment says.
"""

from __future__ import annotations

try:
    import sqlean as sqlite3  # type: ignore[import-not-found]
except ImportError:  # not installed: the standard module
    import sqlite3  # type: ignore[no-redef]
else:
    sqlite3.extensions.disable_all()

__all__ = ["sqlite3"]
