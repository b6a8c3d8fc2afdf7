"""User search text to a safe FTS5 query, and snippets of where it matched.

Whatever is typed (quotes, ``*``, ``NEAR``, ``-``, brackets) becomes quoted
terms: FTS syntax in a search box never raises and never changes the meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchTerms:
    match: str | None
    """The FTS5 MATCH expression, or None when nothing searchable was typed."""
    words: tuple[str, ...]
    """The words to highlight."""


def parse_search(text: str) -> SearchTerms:
    """``"nord stream" pipe* -x NEAR`` -> ``"nord stream" "pipe"* "x" "NEAR"`` (all must match)."""
    parts: list[str] = []
    words: list[str] = []
    for match in _TOKEN.finditer(text or ""):
        phrase, bare = match.group(1), match.group(2)
        if phrase is not None:
            tokens = _WORD.findall(phrase)
            if tokens:
                parts.append('"' + " ".join(tokens) + '"')
                words.extend(tokens)
            continue
        prefix = bare.endswith("*")
        tokens = _WORD.findall(bare)
        for index, token in enumerate(tokens):
            star = "*" if prefix and index == len(tokens) - 1 else ""
            parts.append(f'"{token}"{star}')
            words.append(token)
    return SearchTerms(" ".join(parts) or None, tuple(dict.fromkeys(words)))


def snippet(text: str, words: tuple[str, ...], width: int = 180) -> str:
    """A stretch of ``text`` around the first matched word, ellipsised."""
    flat = " ".join(text.split())
    if not flat:
        return ""
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")", re.I) if words else None
    found = pattern.search(flat) if pattern else None
    if not found:
        return flat[:width] + ("…" if len(flat) > width else "")
    start = max(0, found.start() - width // 3)
    end = min(len(flat), start + width)
    start = max(0, min(start, end - width))
    if start > 0:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < found.start() else start
    return ("…" if start > 0 else "") + flat[start:end] + ("…" if end < len(flat) else "")
