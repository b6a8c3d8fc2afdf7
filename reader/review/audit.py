"""The marking audit: where a cable's markings disagree with each other.

A cable carries its classification several times over: the banner, the ``ZNY
SSSSS`` security line of its header, each paragraph's portion marking, the
subject's marking, the Classified By line, the declassification date, and (in a
page or a CSV row) what the release itself says. Each finding names one
disagreement, with a stable code, a one-line message, and the paragraphs it
concerns (their index in ``cable.paragraphs``: numbers repeat where numbering
restarts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.model import LEVELS, Cable
from reader.parse.classification import level_of, marking_controls
from reader.review.portions import highest_level, paragraph_level

CODES: dict[str, str] = {
    "portion-above-banner": "a paragraph (or the subject) is marked above the banner",
    "banner-above-portions": "the banner is above every marked portion",
    "unmarked-paragraph": "a classified cable has numbered paragraphs without a portion marking",
    "security-line-mismatch": "the header's ZNY/ZNR security line names another level than the banner",
    "metadata-mismatch": "the page or release row gives another level than the cable's own text",
    "controls-mismatch": "a portion carries a control (NOFORN, ORCON...) that the banner and captions do not",
    "no-classified-by": "a classified cable has no Classified By line",
    "declassify-date-before-created": "the declassification date is before the cable was sent",
}
"""Every finding code, with what it means."""

# The security line's repeated letter: ZNY SSSSS (SECRET), ZNY CCCCC, ZNR UUUUU, ZNY EEEEE (EFTO).
_SECURITY_LETTERS = {"T": "TOP SECRET", "S": "SECRET", "C": "CONFIDENTIAL", "U": "UNCLASSIFIED", "E": "UNCLASSIFIED"}
_SECURITY = re.compile(r"^ZN[YR]\s+([TSCUE])\1{3,}\b")


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    paragraphs: tuple[int, ...] = ()
    """Indexes into ``cable.paragraphs`` the finding concerns."""

    def numbers(self, cable: Cable) -> list[int | None]:
        """The concerned paragraphs' numbers as written (None for unnumbered text)."""
        return [cable.paragraphs[i].number for i in self.paragraphs if i < len(cable.paragraphs)]


def _rank(level: str | None) -> int:
    return LEVELS.index(level) if level in LEVELS else -1


def _label(cable: Cable, indexes: list[int]) -> str:
    numbers = [str(cable.paragraphs[i].number) for i in indexes if cable.paragraphs[i].number is not None]
    unnumbered = len(indexes) - len(numbers)
    parts = []
    if numbers:
        parts.append(("paragraph " if len(numbers) == 1 else "paragraphs ") + ", ".join(numbers))
    if unnumbered:
        parts.append("the text before paragraph 1" if unnumbered == 1 else f"{unnumbered} unnumbered passages")
    return " and ".join(parts)


def _banner_level(cable: Cable) -> str | None:
    """The level the cable's own banner states (not one guessed from portions or the page)."""
    return cable.classification if cable.banner else None


def _portion_above_banner(cable: Cable, banner: str, highest_levels: list[str | None]) -> list[Finding]:
    above = [i for i, level in enumerate(highest_levels) if _rank(level) > _rank(banner)]
    findings = []
    if above:
        highest = max((highest_levels[i] for i in above), key=_rank)
        findings.append(
            Finding("portion-above-banner", f"{_label(cable, above)} marked {highest} under a {banner} banner", tuple(above))
        )
    subject_level = level_of(re.split(r"\s*(?://?|-)\s*", cable.subject_marking)[0]) if cable.subject_marking else None
    if _rank(subject_level) > _rank(banner):
        findings.append(
            Finding("portion-above-banner", f"the subject is marked ({cable.subject_marking}) under a {banner} banner")
        )
    return findings


def _banner_above_portions(banner: str, highest_levels: list[str | None]) -> list[Finding]:
    marked = [i for i, level in enumerate(highest_levels) if level]
    if _rank(banner) <= 0 or not marked:
        return []
    highest = max((highest_levels[i] for i in marked), key=_rank)
    if _rank(highest) >= _rank(banner):
        return []
    return [
        Finding(
            "banner-above-portions",
            f"the banner says {banner}, but no portion is marked above {highest} ({len(marked)} marked)",
            tuple(marked),
        )
    ]


def _unmarked(cable: Cable, level: str) -> list[Finding]:
    unmarked = [i for i, p in enumerate(cable.paragraphs) if p.number is not None and paragraph_level(p) is None]
    if _rank(level) <= 0 or not unmarked:
        return []
    numbered = sum(1 for p in cable.paragraphs if p.number is not None)
    scope = "none of its numbered paragraphs is marked" if len(unmarked) == numbered else f"{_label(cable, unmarked)} unmarked"
    return [Finding("unmarked-paragraph", f"a {level} cable: {scope}", tuple(unmarked))]


def _security_line(cable: Cable, banner: str) -> list[Finding]:
    security = cable.routing.security if cable.routing else None
    match = _SECURITY.match(security or "")
    if not match:
        return []
    stated = _SECURITY_LETTERS[match[1]]
    if stated == banner:
        return []
    return [Finding("security-line-mismatch", f"the security line {security.split()[0]} {match[1] * 5} says {stated}, the banner {banner}")]  # type: ignore[union-attr]


def _metadata(cable: Cable, own: str) -> list[Finding]:
    meta = cable.metadata
    if meta is None or not meta.classification:
        return []
    stated = level_of(meta.classification.split("//")[0])
    if stated is None or stated == own:
        return []
    source = "the release row" if cable.source.format == "csv" else "the page"
    return [Finding("metadata-mismatch", f"{source} says {meta.classification}, the cable's own text {own}")]


def _controls(cable: Cable) -> list[Finding]:
    findings = []
    marked = [(i, marking_controls(p.marking)) for i, p in enumerate(cable.paragraphs) if p.marking]  # each read once
    for control in ("NOFORN", "ORCON", "NOCONTRACT", "PROPIN"):  # restrictions; REL TO widens, and is not one
        carrying = [i for i, controls in marked if control in controls]
        if carrying and control not in cable.controls:
            findings.append(
                Finding(
                    "controls-mismatch",
                    f"{_label(cable, carrying)} marked {control}; the banner and captions are not",
                    tuple(carrying),
                )
            )
    return findings


def _dates(cable: Cable) -> list[Finding]:
    if cable.declassify_on and cable.created and cable.declassify_on < cable.created.date():
        return [
            Finding(
                "declassify-date-before-created",
                f"declassify on {cable.declassify_on.isoformat()}, before the cable was sent on {cable.created.date().isoformat()}",
            )
        ]
    return []


def audit(cable: Cable) -> list[Finding]:
    """Every finding of one cable, in the order of CODES."""
    findings: list[Finding] = []
    banner = _banner_level(cable)
    if banner:
        highest_levels = [highest_level(p) for p in cable.paragraphs]  # each paragraph read once for both
        findings += _portion_above_banner(cable, banner, highest_levels)
        findings += _banner_above_portions(banner, highest_levels)
    if cable.classification:
        findings += _unmarked(cable, cable.classification)
    if banner:
        findings += _security_line(cable, banner)
        findings += _metadata(cable, banner)
    findings += _controls(cable)
    if _rank(cable.classification) > 0 and not cable.classified_by:
        findings.append(Finding("no-classified-by", f"a {cable.classification} cable without a Classified By line"))
    findings += _dates(cable)
    order = list(CODES)
    return sorted(findings, key=lambda f: order.index(f.code))
