"""Cable pages saved from the public cable site: metadata table plus <pre> blocks."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.model import PageMetadata

_TABLE = re.compile(r"<table[^>]*class=['\"]cable['\"][^>]*>(.*?)</table>", re.S | re.I)
_CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S | re.I)
_PRE = re.compile(r"<pre[^>]*>(.*?)</pre>", re.S | re.I)
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


def parse_page_time(value: str) -> datetime | None:
    try:
        return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
    except ValueError:
        return None


def _metadata(page: str) -> PageMetadata | None:
    table = _TABLE.search(page)
    if not table:
        return None
    cells = [" ".join(strip_tags(c).split()) for c in _CELL.findall(table.group(1))]
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


def extract_page(page: str) -> PageParts:
    """The cable text (all <pre> blocks, in order) and the page's own metadata."""
    blocks = _PRE.findall(page)
    if blocks:
        text = "\n\n".join(strip_tags(block) for block in blocks)
    else:
        body = _BODY.search(page)
        text = strip_tags(_HEAD_JUNK.sub("", body.group(1) if body else page))
    return PageParts(text=text, metadata=_metadata(page))
