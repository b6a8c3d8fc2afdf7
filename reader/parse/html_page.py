"""Cable pages saved from the public cable site: metadata table plus <pre> blocks."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.model import PageMetadata

# Found with str.find as the site writes its tags (a lazy regex over a 70 kB page is slow),
# then by these regexes, in any case, for pages saved by other tools.
_TABLE_ANY_CASE = re.compile(r"<table[^>]*class=['\"]cable['\"][^>]*>(.*?)</table>", re.S | re.I)
_CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S | re.I)
_PRE_ANY_CASE = re.compile(r"<pre[^>]*>(.*?)</pre>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S | re.I)
_HEAD_JUNK = re.compile(r"<(script|style|head)[^>]*>.*?</\1>", re.S | re.I)


@dataclass(frozen=True)
class PageParts:
    text: str
    metadata: PageMetadata | None


def strip_tags(fragment: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities (``&#x000A;``) decoded."""
    text = _TAG.sub("", fragment).replace("&#x000A;", "\n")
    return html.unescape(text) if "&" in text else text


_PAGE_TIME = re.compile(r"^\s*(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)\s*$")


def parse_page_time(value: str) -> datetime | None:
    """``2006-08-10 00:49`` (UTC); None for anything else. (A regex: strptime is slow.)"""
    match = _PAGE_TIME.match(value)
    if not match:
        return None
    try:
        return datetime(*map(int, match.groups()), tzinfo=UTC)  # type: ignore[misc]
    except ValueError:
        return None


def _metadata(page: str) -> PageMetadata | None:
    table = _cable_table(page)
    if table is None:
        return None
    cells = [" ".join(strip_tags(c).split()) for c in _CELL.findall(table)]
    if len(cells) < 5:
        return None
    refid, created, released, classification, origin = cells[:5]
    return PageMetadata(
        reference_id=refid or None,
        created=parse_page_time(created),
        released=parse_page_time(released),
        classification=classification or None,
        origin=origin or None,
    )


def _cable_table(page: str) -> str | None:
    """The inside of the page's ``<table class='cable'>``."""
    marker = page.find("class='cable'")
    if marker < 0:
        marker = page.find('class="cable"')
    if marker >= 0:
        start = page.find(">", marker)
        end = page.find("</table>", start)
        if page.rfind("<table", 0, marker) >= 0 and start >= 0 and end >= 0:
            return page[start + 1 : end]
    match = _TABLE_ANY_CASE.search(page)
    return match.group(1) if match else None


def _pre_blocks(page: str) -> list[str]:
    """The contents of every ``<pre>`` block, found with str.find (a lazy regex is slow here)."""
    blocks: list[str] = []
    position = 0
    while (start := page.find("<pre", position)) >= 0:
        if page[start + 4 : start + 5] not in (">", " ", "\t", "\n"):
            position = start + 4
            continue
        open_end = page.find(">", start)
        close = page.find("</pre>", open_end)
        if open_end < 0 or close < 0:
            break
        blocks.append(page[open_end + 1 : close])
        position = close + 6
    return blocks


def extract_page(page: str) -> PageParts:
    """The cable text (all <pre> blocks, in order) and the page's own metadata."""
    blocks = _pre_blocks(page) or _PRE_ANY_CASE.findall(page)
    if blocks:
        text = "\n\n".join(strip_tags(block) for block in blocks)
    else:
        body = _BODY.search(page)
        text = strip_tags(_HEAD_JUNK.sub("", body.group(1) if body else page))
    return PageParts(text=text, metadata=_metadata(page))
