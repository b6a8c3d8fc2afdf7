"""The header panel's content: every header field of a cable, as escaped HTML.

Cable text is data: every value goes through ``html.escape``; the only links
are ``cable:REFID`` for reference ids that are letters and digits alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from reader.library.query import Summary
from reader.model import Cable, Recipient
from reader.model.json_codec import format_utc
from reader.review import Finding
from reader.ui.colours import LEVEL_COLOURS, text_on

SAFE_REFERENCE = re.compile(r"^[0-9A-Z]{4,40}$")
LINK_SCHEME = "cable:"
FINDING_SCHEME = "finding:"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _recipient(recipient: Recipient) -> str:
    parts = [(recipient.route + "/" if recipient.route else "") + recipient.name]
    if recipient.precedence:
        parts.append(recipient.precedence)
    if recipient.mcn:
        parts.append(f"MCN {recipient.mcn}")
    return _e(" · ".join(parts))


def _chip(level: str | None, label: str) -> str:
    colour = LEVEL_COLOURS.get(level, LEVEL_COLOURS[None])
    text = text_on(level).name()
    return f'<span style="background-color:{colour}; color:{text}; font-weight:600">&nbsp;{_e(label)}&nbsp;</span>'


def _references(cable: Cable, is_loaded: Callable[[str], bool], exists: Callable[[str], bool | None]) -> str:
    items = []
    for ref in cable.references:
        label = f"{_e(ref.label)}. " if ref.label else ""
        if ref.reference_id and SAFE_REFERENCE.match(ref.reference_id):
            link = f'<a href="{LINK_SCHEME}{ref.reference_id}">{_e(ref.reference_id)}</a>'
            if is_loaded(ref.reference_id):
                state = ""
            elif exists(ref.reference_id) is False:
                state = ' <span style="color:#9ca3af">(not in the release)</span>'
            else:
                state = ' <span style="color:#9ca3af">(not loaded)</span>'
            items.append(f"{label}{link}{state} <span style='color:#6b7280'>{_e(ref.text)}</span>")
        else:
            items.append(f"{label}{_e(ref.text)} <span style='color:#9ca3af'>(not a cable)</span>")
    return "<br>".join(items)


def _markings(cable: Cable, findings: list[Finding]) -> str:
    """The marking audit's findings, each a link to the first paragraph it concerns."""
    if not findings:
        return "<span style='color:#15803d'>consistent: no finding</span>"
    items = []
    for number, finding in enumerate(findings):
        code = f"<b>{_e(finding.code)}</b>"
        if finding.paragraphs:
            code = f'<a href="{FINDING_SCHEME}{number}">{code}</a>'
        items.append(f"{code} <span style='color:#6b7280'>{_e(finding.message)}</span>")
    return "<br>".join(items)


def _cited_by(citing: list[Summary]) -> str:
    items = []
    for summary in citing:
        refid = summary.reference_id or ""
        link = f'<a href="{LINK_SCHEME}{refid}">{_e(refid)}</a>' if SAFE_REFERENCE.match(refid) else _e(refid or "?")
        items.append(f"{link} <span style='color:#6b7280'>{_e(summary.subject or '')}</span>")
    return "<br>".join(items)


def header_rows(
    cable: Cable,
    is_loaded: Callable[[str], bool] = lambda _ref: False,
    exists: Callable[[str], bool | None] = lambda _ref: None,
    citing: list[Summary] | None = None,
    findings: list[Finding] | None = None,
) -> list[tuple[str, str]]:
    """(label, HTML value) pairs for every field the cable has (``findings``: the marking audit's)."""
    rows: list[tuple[str, str]] = []

    def add(label: str, value: str | None) -> None:
        if value:
            rows.append((label, value))

    add("Reference ID", f"<b>{_e(cable.reference_id)}</b>" if cable.reference_id else None)
    created = format_utc(cable.created)
    if created or cable.dtg:
        when = _e(created.replace("T", " ").replace("Z", " UTC")) if created else "unknown"
        add("Created", when + (f" <span style='color:#6b7280'>(DTG {_e(cable.dtg)})</span>" if cable.dtg else ""))
    add("Precedence", _e(cable.precedence) if cable.precedence else None)
    add("Classification", _chip(cable.classification, cable.classification or "UNKNOWN") if cable.classification else None)
    add("Controls", _e(", ".join(cable.controls)) if cable.controls else None)
    if findings is not None:
        add(f"Markings ({len(findings)})" if findings else "Markings", _markings(cable, findings))
    add("Captions", _e(", ".join(cable.captions)) if cable.captions else None)
    add("Banner", _e(cable.banner) if cable.banner else None)
    if cable.section:
        add("Section", f"{cable.section.index} of {cable.section.total}")
    add("From", _e(cable.from_) + (f" — {_e(cable.origin)}" if cable.origin else "") if cable.from_ else _e(cable.origin or ""))
    add("To", "<br>".join(_recipient(r) for r in cable.to))
    add("Info", "<br>".join(_recipient(r) for r in cable.info))
    add("Excluded (XMT)", "<br>".join(_recipient(r) for r in cable.xmt))
    add("For", _e(cable.for_).replace("\n", "<br>") if cable.for_ else None)
    if cable.eo_line:
        decl = f"declassify on {cable.declassify_on.isoformat()}" if cable.declassify_on else "no declassification date"
        add("E.O.", f"{_e(cable.eo or '?')} — {decl}<br><span style='color:#6b7280'>{_e(cable.eo_line)}</span>")
    add("Tags", _tags(cable) if cable.tags else None)
    if cable.subject:
        marking = f"<span style='color:#6b7280'>({_e(cable.subject_marking)})</span> " if cable.subject_marking else ""
        add("Subject", marking + _e(cable.subject))
    add("References", _references(cable, is_loaded, exists) if cable.references else None)
    add("Cited by", _cited_by(citing) if citing else None)
    if cable.classified_by or cable.reasons:
        reasons = f" — reasons {_e(', '.join(cable.reasons))}" if cable.reasons else ""
        add("Classified by", _e(cable.classified_by or "?") + reasons)
    add("Signed", _e(", ".join(cable.signers)) if cable.signers else None)
    if cable.partial:
        add("Record", "partial extract of the original cable")
    if cable.transmission_id or cable.routing:
        routing = cable.routing
        parts = [cable.transmission_id or ""]
        if routing:
            if routing.prosign:
                parts.append(" ".join([routing.prosign, *routing.indicators]))
            if routing.station:
                parts.append(f"DE {routing.station} #{routing.serial or '?'} {routing.julian or ''}".rstrip())
            if routing.security:
                parts.append(routing.security)
        add("Transmission", "<br>".join(_e(p) for p in parts if p))
    source = cable.source
    where = f"{_e(source.path)}" + (f", row {source.row}" if source.row else "")
    add(
        "Source",
        f"{where}<br><span style='color:#6b7280'>{_e(source.format)}, {_e(source.encoding or 'unknown encoding')}</span>",
    )
    meta = cable.metadata
    if meta:
        facts = [
            meta.reference_id,
            format_utc(meta.created),
            meta.classification,
            meta.origin,
            f"released {format_utc(meta.released)}" if meta.released else None,
        ]
        add("Page metadata", _e(" · ".join(f for f in facts if f)))
    if cable.warnings:
        items = "".join(f"<li>{_e(w)}</li>" for w in cable.warnings)
        add(f"Warnings ({len(cable.warnings)})", f"<ul style='margin:0; -qt-list-indent:1'>{items}</ul>")
    return rows


def _tags(cable: Cable) -> str:
    """The tags, ``·``-separated (a tag may hold spaces and commas), and how the cable wrote them
    where that differs."""
    shown = " · ".join(_e(t) for t in cable.tags)
    written = [t for t in cable.tags_as_written if t.upper() not in cable.tags]
    if written:
        shown += f"<br><span style='color:#6b7280'>as written: {_e(' '.join(cable.tags_as_written))}</span>"
    return shown


def header_html(
    cable: Cable | None,
    is_loaded: Callable[[str], bool] = lambda _ref: False,
    exists: Callable[[str], bool | None] = lambda _ref: None,
    citing: list[Summary] | None = None,
    findings: list[Finding] | None = None,
) -> str:
    if cable is None:
        return "<p style='color:#6b7280'>Select a cable in the list.</p>"
    body = []
    for label, value in header_rows(cable, is_loaded, exists, citing, findings):
        warn = label.startswith("Warnings")
        style = " style='background-color:#fff4ce; color:#3d2e00'" if warn else ""
        body.append(
            f"<tr{style}><td style='padding:2px 8px 2px 0; color:{'#3d2e00' if warn else '#6b7280'};'"
            f" valign='top'><nobr>{_e(label)}</nobr></td><td style='padding:2px 0'>{value}</td></tr>"
        )
    return "<table cellspacing='0' width='100%'>" + "".join(body) + "</table>"
