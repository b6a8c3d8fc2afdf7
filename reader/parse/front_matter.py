"""The lines between banner and first paragraph: captions, FOR, E.O., TAGS, SUBJECT,
REF and Classified By, in whatever order and wrapping a cable uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.parse.classification import unspace

CAPTION_WORDS = frozenset(
    {
        "SIPDIS",
        "SENSITIVE",
        "NOFORN",
        "EXDIS",
        "NODIS",
        "LIMDIS",
        "NOTAL",
        "STADIS",
        "CORRECTED COPY",
        "CORRECTEDCOPY",
        "EFTO",
        "E F T O",
        "ROGER CHANNEL",
        "CHEROKEE",
        "DEPT PASS",
        "FOR OFFICIAL USE ONLY",
        "SENSITIVE BUT UNCLASSIFIED",
        "SBU",
        "ORCON",
        "NOCONTRACT",
        "PROPIN",
        "DISSENT CHANNEL",
        "SPECAT",
        "DEA",
        "TERREP",
        "VISAS DONKEY",
        "INFORM CONSULS",
        "CODEL",
        "HANDLE AS SPECAT",
        "LIMITED OFFICIAL USE",
    }
)

EO_LINE = re.compile(r"^E\.?\s?O\.?\s*:?\s*(\d{5})\b\s*:?\s*(.*)$|^E\.O\.\s*:?\s*(.*)$", re.I)
_TAGS = re.compile(r"^TAGS?\s*:?\s+(.*)$", re.I)
_SUBJECT = re.compile(r"^SUBJ(?:ECT)?\s*[:.-]\s*(.*)$", re.I)
_REF = re.compile(r"^(?:REF|REFS|REFTEL|REFTELS|REFERENCES?)\b\s*[:.]?\s*(.*)$", re.I)
_CLASSIFIED_BY = re.compile(r"^(?:\(U\)\s*)?CLASSIFIED\s+BY\b\s*:?\s*(.*)$", re.I)
_FOR_LINE = re.compile(r"(^|\s)(FOR|PASS TO|PASS)\s", re.I)
_INLINE_LABEL = re.compile(r"\s+(REFS?:|REFTELS?:|CLASSIFIED BY:?|Classified By:?)\s+")
_REF_LABEL = re.compile(r"^(?:¶\s*)?(?:\(([A-Z])\)|([A-Z])[.)])\s")
PARAGRAPH_START = re.compile(r"^\s*(?:[¶\ufffd]\s*)?\d{1,3}\s*[.)](?=\s|\()\s*\S|^\s*[¶\ufffd]")  # not "1.4(B)"


@dataclass
class FrontMatter:
    captions: list[str] = field(default_factory=list)
    for_lines: list[str] = field(default_factory=list)
    eo_line: str | None = None
    tags_text: str | None = None
    subject: str | None = None
    ref_block: str | None = None
    classified_by_block: str | None = None
    other: list[str] = field(default_factory=list)
    """Lines among the front matter that are none of the above."""
    end: int = 0


def caption_words(line: str) -> list[str] | None:
    """The captions a line consists of, or None when it holds anything else."""
    text = " ".join(unspace(line.strip()).split()).upper().strip(" .\\")
    if not text:
        return None
    # "CORRECTED COPY --CHANGE OF CLASSIFICATION", "NOFORN (TEXT)": a caption and a note.
    lead = re.match(r"^([A-Z ]+?)\s*(?:--|\().*$", text)
    if lead and lead[1].strip() in CAPTION_WORDS:
        return [lead[1].strip()]
    text = text.replace(",", " ")
    if text in CAPTION_WORDS:
        return [text.replace("CORRECTEDCOPY", "CORRECTED COPY")]
    text = re.sub(r"\s*\(.*?\)\s*", " ", text).strip()
    if text in CAPTION_WORDS:
        return [text]
    words = text.split()
    if all(w in CAPTION_WORDS for w in words):
        return words
    return None


def _label(line: str) -> str | None:
    if EO_LINE.match(line):
        return "eo"
    if _TAGS.match(line):
        return "tags"
    if _SUBJECT.match(line):
        return "subject"
    if _REF.match(line):
        return "ref"
    if _CLASSIFIED_BY.match(line):
        return "classified_by"
    return None


def _continues(field_name: str, line: str, blank_before: bool, ref_letters: int) -> bool:
    """Whether ``line`` continues the multi-line field being read."""
    if _label(line) or caption_words(line):
        return False
    if field_name == "ref":
        match = _REF_LABEL.match(line)
        if match:
            letter = match[1] or match[2]
            return letter == chr(ord("A") + ref_letters) or not blank_before
        return not blank_before and not PARAGRAPH_START.match(line)
    if PARAGRAPH_START.match(line):
        return False
    return not blank_before and field_name in ("subject", "tags", "classified_by", "for")


def read_front_matter(lines: list[str]) -> FrontMatter:
    """Read the front matter at the top of ``lines``; ``end`` is where the text begins."""
    front = FrontMatter()
    parts: dict[str, list[str]] = {}
    current: str | None = None
    blank_before = False
    index = 0
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            blank_before = True
            continue
        if current and _continues(current, line, blank_before, _ref_letters(parts.get("ref"))):
            parts[current].append(line)
            blank_before = False
            continue
        label = _label(line)
        if label:
            current = label
            parts.setdefault(label, []).append(line)
        elif (words := caption_words(line)) is not None:
            front.captions += [w for w in words if w not in front.captions]
            current = None
        elif "subject" not in parts and "tags" not in parts and _FOR_LINE.search(line) and len(line) < 1000:
            current = "for"
            parts.setdefault("for", []).append(line)
        elif "subject" not in parts and _label_ahead(lines, index + 1):
            front.other.append(line)
            current = None
        else:
            break
        blank_before = False
    else:
        index = len(lines)
    front.end = index
    if "eo" in parts:
        front.eo_line = " ".join(" ".join(parts["eo"]).split())
    if "tags" in parts:
        front.tags_text = " ".join(parts["tags"])
    if "subject" in parts:
        subject = " ".join(" ".join(parts["subject"]).split())
        # Reflowed pages put "REF: ..." or "CLASSIFIED BY: ..." on the subject's line.
        pieces = _INLINE_LABEL.split(subject)
        front.subject = pieces[0].strip()
        for label, rest in zip(pieces[1::2], pieces[2::2], strict=False):
            name = "ref" if label.upper().startswith("REF") else "classified_by"
            parts.setdefault(name, []).append(label + " " + rest.strip())
    if "ref" in parts:
        front.ref_block = "\n".join(parts["ref"])
    if "classified_by" in parts:
        front.classified_by_block = " ".join(" ".join(parts["classified_by"]).split())
    front.for_lines = parts.get("for", [])
    return front


def _label_ahead(lines: list[str], start: int, window: int = 6) -> bool:
    """Whether an E.O., TAGS or SUBJECT line follows within a few lines (no paragraph first)."""
    seen = 0
    for line in lines[start:]:
        if not line.strip():
            continue
        if PARAGRAPH_START.match(line):
            return False
        if _label(line) in ("eo", "tags", "subject"):
            return True
        seen += 1
        if seen >= window:
            return False
    return False


def _ref_letters(ref_lines: list[str] | None) -> int:
    """How many lettered REF entries have been read (A. counts once)."""
    if not ref_lines:
        return 0
    text = " ".join(ref_lines)
    count = 0
    for match in re.finditer(r"(?:^|\s|¶|:)\(?([A-Z])[.)]\s", text):
        if match[1] == chr(ord("A") + count):
            count += 1
    return count


def subject_text(subject_line: str) -> str:
    match = _SUBJECT.match(subject_line)
    return (match[1] if match else subject_line).strip()


def tags_list(tags_text: str) -> list[str]:
    match = _TAGS.match(tags_text.strip())
    body = match[1] if match else tags_text
    return [t for t in re.split(r"[\s,;]+", body) if t]


def ref_text(block: str) -> str:
    """The REF block without its ``REF:`` label."""
    first, _, rest = block.strip().partition("\n")
    match = _REF.match(first)
    first = match[1] if match else first
    return first + ("\n" + rest if rest else "")


def classified_by_parts(block: str) -> tuple[str | None, list[str]]:
    """Who classified the cable and the reasons: ``("Pol-Econ Chief ...", ["1.4(b)", "1.4(d)"])``."""
    match = _CLASSIFIED_BY.match(block.strip())
    text = match[1] if match else block
    text = re.sub(r"^(?:classifi?e?d\s+by\s*:?\s*)", "", text.strip(), flags=re.I)
    split = _REASON_START.search(text)
    who = text[: split.start()] if split else text
    tail = text[split.start() :] if split else ""
    who = who.strip(" ,;.:-") or None
    return who, _reasons(tail)


_REASON_START = re.compile(
    r"[,;.]?\s*(?:\bfor\s+|\bunder\s+|\bper\s+)?(?:\breasons?\b|\brsns?\b|\bE\.?\s?O\.?\s*\d{5}|\b1\.[4-6]\b)",
    re.I,
)
_REASON = re.compile(
    r"(\d\.\d)\s*((?:[\s,&/]*(?:and|or)?[\s,&/]*\(?\s*[a-hA-H]\s*\)?(?![a-zA-Z0-9]|\.[a-zA-Z0-9]))*)",
    re.I,
)


def _reasons(text: str) -> list[str]:
    reasons: list[str] = []
    for match in _REASON.finditer(text):
        letters = re.findall(r"[a-h]", re.sub(r"\b(?:and|or)\b", " ", match[2], flags=re.I).lower())
        found = [f"{match[1]}({letter})" for letter in letters] or [match[1]]
        reasons += [r for r in found if r not in reasons]
    return reasons
