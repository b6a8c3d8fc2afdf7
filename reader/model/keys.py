"""Sort and filter keys of cables, shared by every store that sorts and filters them."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"(\d+)")


def natural_key(reference_id: str | None) -> str:
    """``06ALMATY2872`` before ``06ALMATY10001``: digit runs padded so that text order is number order.

    A plain string, so Qt and SQLite compare it natively."""
    if not reference_id:
        return "\uffff"
    return _DIGITS.sub(lambda m: m[1].zfill(12), reference_id)


def filter_text(reference_id: str | None, origin: str | None, subject: str | None, tags: list[str]) -> str:
    """What the list's filter box searches: id, origin, subject and tags, lower case."""
    return " ".join((reference_id or "", origin or "", subject or "", " ".join(tags))).lower()
