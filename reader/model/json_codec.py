"""The stable JSON form of a cable (the `parse --json` contract) and back.

Keys are only ever added, never renamed: other tools build on them.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from reader.model.cable import (
    Cable,
    PageMetadata,
    Paragraph,
    Recipient,
    Reference,
    Routing,
    Section,
    Source,
)
from reader.model.result import ParseError, ParseResult

_MINUTE_FORMAT = "%Y-%m-%dT%H:%MZ"


def format_utc(value: datetime | None) -> str | None:
    return value.strftime(_MINUTE_FORMAT) if value else None


def parse_utc(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.strptime(value, _MINUTE_FORMAT).replace(tzinfo=UTC)


def _source(source: Source) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": source.path,
        "format": source.format,
        "encoding": source.encoding,
    }
    if source.row is not None:
        data["row"] = source.row
    return data


def _recipient(recipient: Recipient) -> dict[str, Any]:
    return {
        "route": recipient.route,
        "name": recipient.name,
        "precedence": recipient.precedence,
        "mcn": recipient.mcn,
    }


def _metadata(meta: PageMetadata | None) -> dict[str, Any] | None:
    if meta is None:
        return None
    return {
        "reference_id": meta.reference_id,
        "created": format_utc(meta.created),
        "released": format_utc(meta.released),
        "classification": meta.classification,
        "origin": meta.origin,
        "references": list(meta.references),
    }


def _routing(routing: Routing | None) -> dict[str, Any] | None:
    if routing is None:
        return None
    return {
        "prosign": routing.prosign,
        "indicators": list(routing.indicators),
        "station": routing.station,
        "serial": routing.serial,
        "julian": routing.julian,
        "security": routing.security,
    }


def cable_to_json(cable: Cable) -> dict[str, Any]:
    """The documented JSON object of one cable."""
    return {
        "source": _source(cable.source),
        "reference_id": cable.reference_id,
        "created": format_utc(cable.created),
        "dtg": cable.dtg,
        "precedence": cable.precedence,
        "transmission_id": cable.transmission_id,
        "routing": _routing(cable.routing),
        "from": cable.from_,
        "origin": cable.origin,
        "to": [_recipient(r) for r in cable.to],
        "info": [_recipient(r) for r in cable.info],
        "xmt": [_recipient(r) for r in cable.xmt],
        "banner": cable.banner,
        "classification": cable.classification,
        "controls": list(cable.controls),
        "captions": list(cable.captions),
        "section": ({"index": cable.section.index, "total": cable.section.total} if cable.section else None),
        "for": cable.for_,
        "eo": cable.eo,
        "declassify_on": cable.declassify_on.isoformat() if cable.declassify_on else None,
        "eo_line": cable.eo_line,
        "tags": list(cable.tags),
        "tags_as_written": list(cable.tags_as_written),
        "subject": cable.subject,
        "subject_marking": cable.subject_marking,
        "references": [{"label": r.label, "text": r.text, "reference_id": r.reference_id} for r in cable.references],
        "classified_by": cable.classified_by,
        "reasons": list(cable.reasons),
        "summary": cable.summary,
        "paragraphs": [
            {
                "number": p.number,
                "marking": p.marking,
                "level": p.level,
                "text": p.text,
                "heading": p.heading,
            }
            for p in cable.paragraphs
        ],
        "signers": list(cable.signers),
        "partial": cable.partial,
        "metadata": _metadata(cable.metadata),
        "warnings": list(cable.warnings),
    }


def result_to_json(result: ParseResult) -> dict[str, Any]:
    if isinstance(result, ParseError):
        return {"source": _source(result.source), "error": result.message}
    return cable_to_json(result)


def _recipients(items: list[dict[str, Any]]) -> list[Recipient]:
    return [
        Recipient(
            name=item["name"],
            route=item.get("route"),
            precedence=item.get("precedence"),
            mcn=item.get("mcn"),
        )
        for item in items
    ]


def cable_from_json(data: dict[str, Any]) -> Cable:
    """Rebuild a Cable from its JSON object (used by the library's store)."""
    src = data["source"]
    routing = data.get("routing")
    meta = data.get("metadata")
    section = data.get("section")
    declassify = data.get("declassify_on")
    return Cable(
        source=Source(src["path"], src["format"], src.get("encoding"), src.get("row")),
        reference_id=data.get("reference_id"),
        created=parse_utc(data.get("created")),
        dtg=data.get("dtg"),
        precedence=data.get("precedence"),
        transmission_id=data.get("transmission_id"),
        routing=(
            Routing(
                prosign=routing.get("prosign"),
                indicators=tuple(routing.get("indicators") or ()),
                station=routing.get("station"),
                serial=routing.get("serial"),
                julian=routing.get("julian"),
                security=routing.get("security"),
            )
            if routing
            else None
        ),
        from_=data.get("from"),
        origin=data.get("origin"),
        to=_recipients(data.get("to") or []),
        info=_recipients(data.get("info") or []),
        xmt=_recipients(data.get("xmt") or []),
        banner=data.get("banner"),
        classification=data.get("classification"),
        controls=list(data.get("controls") or []),
        captions=list(data.get("captions") or []),
        section=Section(section["index"], section["total"]) if section else None,
        for_=data.get("for"),
        eo=data.get("eo"),
        declassify_on=date.fromisoformat(declassify) if declassify else None,
        eo_line=data.get("eo_line"),
        tags=list(data.get("tags") or []),
        tags_as_written=list(data.get("tags_as_written") or []),
        subject=data.get("subject"),
        subject_marking=data.get("subject_marking"),
        references=[Reference(r.get("label"), r["text"], r.get("reference_id")) for r in data.get("references") or []],
        classified_by=data.get("classified_by"),
        reasons=list(data.get("reasons") or []),
        summary=data.get("summary"),
        paragraphs=[
            Paragraph(p.get("number"), p.get("marking"), p.get("level"), p["text"], p.get("heading"))
            for p in data.get("paragraphs") or []
        ],
        signers=list(data.get("signers") or []),
        partial=bool(data.get("partial")),
        metadata=(
            PageMetadata(
                reference_id=meta.get("reference_id"),
                created=parse_utc(meta.get("created")),
                released=parse_utc(meta.get("released")),
                classification=meta.get("classification"),
                origin=meta.get("origin"),
                references=tuple(meta.get("references") or ()),
            )
            if meta
            else None
        ),
        warnings=list(data.get("warnings") or []),
    )
