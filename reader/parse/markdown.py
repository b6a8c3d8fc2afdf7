"""Cable pages turned into Markdown: the seed's form, and whole pages a converter rendered.

In the seed's form the page's pilcrow anchors became ``[1](#)`` (the pilcrow read as
a "1"), or a bare "1", and tag links became ``[PTER](#)``; all are turned back into plain
cable text.

A converter given the whole page (html2text, markdownify) also renders the page's
links with their targets (``[PREL](/tag/PREL_0.html)``, a title after the target),
its metadata table as a pipe table, and the cable's ``<pre>`` blocks as code blocks:
fenced (lines of backticks around them) or indented by four spaces. The fences go and
the indented blocks are set back, so the cable's own lines read as they were written.
"""

from __future__ import annotations

import re

# A pilcrow anchor: "[1](#)" or "[¶](#par3)" right before a paragraph or REF label.
_PILCROW_LINK = re.compile(r"\[(?:1|¶)\]\((?:#|[^)\s]*#par)[^)\s]*\)(?=[ \t]*(?:\d|[A-Z][.)]))")
_LINK = re.compile(r"\[([^\]\n]{0,200})\]\((?:#|/|https?:)[^)\s]*(?:\s+\"[^\"\n]{0,200}\")?\)")
# A code fence alone on its line: "```", "```` ```", "`" and "` `" (html2text's <code><pre>), "~~~".
_FENCE = re.compile(r"(?m)^[ \t]*(?:`+[ \t]*)+(?:[A-Za-z]\w*)?[ \t]*$|^[ \t]*~{3,}[ \t]*$")
_INDENT = "    "
_MIN_BLOCK_LINES = 3

# A bare "1" for the page's pilcrow before a lettered item or a REF label ("1B. STATE 126156") or
# before a year the page took for a paragraph number ("in ¶2004." as "12004."): "1B." is no label
# a cable writes. (Before a number it is left: "12." may be the cable's own number, which the page
# gave no pilcrow; the paragraph reader weighs both readings.)
_ONE_FOR_A_PILCROW = re.compile(r"(?m)^([ \t]*)1(?=[A-Z][.)]\s|(?:19|20)\d\d\b)")

MARKDOWN_HINT = re.compile(r"\]\((?:#|/|https?://)[^)\s]*\)")


def looks_like_markdown(text: str) -> bool:
    return MARKDOWN_HINT.search(text) is not None


def _without_code_indent(text: str) -> str:
    """Indented code blocks set back by their four spaces. A block opens after a blank line and
    runs while lines start with four spaces or are blank; a short one stays as it is: it is more
    likely a cable's own indented line (a REF list's second entry) than a rendered block."""
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        opens = lines[index].startswith(_INDENT) and lines[index].strip() and (index == 0 or not lines[index - 1].strip())
        if not opens:
            index += 1
            continue
        end = index
        while end < len(lines) and (lines[end].startswith(_INDENT) or not lines[end].strip()):
            end += 1
        block = lines[index:end]
        if sum(1 for line in block if line.strip()) >= _MIN_BLOCK_LINES:
            lines[index:end] = [line[len(_INDENT) :] if line.startswith(_INDENT) else "" for line in block]
        index = end
    return "\n".join(lines)


def normalize_markdown(text: str) -> str:
    text = _PILCROW_LINK.sub("¶", text)
    text = _LINK.sub(r"\1", text)
    if "`" in text or "~~~" in text:
        text = _FENCE.sub("", text)
    if "\n" + _INDENT in text:
        text = _without_code_indent(text)
    return _ONE_FOR_A_PILCROW.sub(r"\1¶", text)
