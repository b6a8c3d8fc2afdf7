"""Sort keys of reference ids, shared by every layer that sorts cables."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"(\d+)")


def natural_key(reference_id: str | None) -> str:
    """``06ALMATY2872`` before ``06ALMATY10001``: digit runs padded so that text order is number order.

    A plain string, so Qt and SQLite compare it natively."""
    if not reference_id:
        return "\uffff"
    return _DIGITS.sub(lambda m: m[1].zfill(12), reference_id)
