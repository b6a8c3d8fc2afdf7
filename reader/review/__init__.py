"""Reading a cable's markings as a declassification reviewer does: an audit of its markings,
the cable as it would be released at a lower level, and what changed between its versions.

Qt-free, between the parser and the library: it works on parsed cables and never changes them.
"""

from reader.review.audit import CODES, Finding, audit
from reader.review.release_view import RELEASE_LEVELS, ReleasedCable, ShownParagraph, released_copy
from reader.review.versions import VersionDiff, diff_versions

__all__ = [
    "CODES",
    "RELEASE_LEVELS",
    "Finding",
    "ReleasedCable",
    "ShownParagraph",
    "VersionDiff",
    "audit",
    "diff_versions",
    "released_copy",
]
