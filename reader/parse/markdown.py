"""Cable pages turned into Markdown-like text (the seed's form).

The page's pilcrow anchors became ``[1](#)`` (the pilcrow read as a "1") and
tag links became ``[PTER](#)``; both are turned back into plain cable text.
"""

from __future__ import annotations

import re

# A pilcrow anchor: "[1](#)" or "[¶](#par3)" right before a paragraph or REF label.
_PILCROW_LINK = re.compile(r"\[(?:1|¶)\]\(#[^)\s]*\)(?=[ \t]*(?:\d|[A-Z][.)]))")
_LINK = re.compile(r"\[([^\]\n]{0,200})\]\((?:#|/|https?:)[^)\s]*\)")

MARKDOWN_HINT = re.compile(r"\]\(#[^)\s]*\)")


def looks_like_markdown(text: str) -> bool:
    return MARKDOWN_HINT.search(text) is not None


def normalize_markdown(text: str) -> str:
    text = _PILCROW_LINK.sub("¶", text)
    return _LINK.sub(r"\1", text)
