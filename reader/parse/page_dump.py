"""The ``id: / date: / refid: ... header ends`` dump some page bodies carry.

The dump's fields become page metadata; its header lines are kept only when the
text has no header of its own.
"""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, datetime

from reader.model import PageMetadata

_DUMP = re.compile(r"(?ms)^id:[ \t]*\d+[ \t]*\n(?P<fields>.*?)^-{3,}[ \t]*header ends[ \t]*-{3,}[ \t]*$\n?")
_DUMP_FIELD = re.compile(r"^(id|date|refid|origin|classification|destination):[ \t]*(.*)$", re.M)


def take_dump(text: str) -> tuple[str, PageMetadata | None]:
    """The text without the dump, and what the dump says of the cable."""
    match = _DUMP.search(text) if "header ends" in text else None
    if not match:
        return text, None
    fields = dict(_DUMP_FIELD.findall(match["fields"]))
    header = match["fields"].split("header:", 1)[1] if "header:" in match["fields"] else ""
    before = text[: match.start()]
    after = text[match.end() :]
    # Some pages show a cut-off preview of the body ("...Brian A. Nicho...") before the dump and
    # the whole body after it: the preview goes, from the line the body starts with.
    first_line = next((line.strip() for line in after.split("\n") if line.strip()), "")
    preview = before.find("\n" + first_line) if first_line else -1
    if preview >= 0:
        before = before[: preview + 1]
    keep = "" if re.search(r"(?m)^FM\s", before) else header
    created = None
    with contextlib.suppress(ValueError):
        created = datetime.strptime(fields.get("date", "").strip(), "%m/%d/%Y %H:%M").replace(tzinfo=UTC)
    meta = PageMetadata(
        reference_id=fields.get("refid", "").strip() or None,
        created=created,
        classification=fields.get("classification", "").strip() or None,
        origin=fields.get("origin", "").strip() or None,
        references=tuple(r for r in re.split(r"[|,\s]+", fields.get("destination", "")) if r),
    )
    return before + keep + "\n" + after, meta
