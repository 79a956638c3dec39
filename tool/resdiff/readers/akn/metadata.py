"""A resolution's metadata from its AKN4UN markup: FRBR identification, cover page, preface, workflow,
conclusions and the recorded vote."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import NamedTuple

from ...model import Vote
from ...normalizer.frontpage import AGENDA_RE, COMMITTEE_RE, DRAFT_RE, REPORT_RE, sponsors
from ...normalizer.text import MEETING_RE, clean_text, strip_tokens
from .xmltree import Text, child_of, children_of, descendants, find_path, local, plain

# FRBRlanguage codes (ISO 639-2, both the bibliographic and the terminology forms) -> ISO 639-1
LANGUAGE_CODES = {
    "eng": "en",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "rus": "ru",
    "ara": "ar",
    "zho": "zh",
    "chi": "zh",
}
# the FRBR work URI's last step: ``80-52``, ``80-84A``, ``ES-10-21``
_FRBR_NUMBER_RE = re.compile(r"/(?P<es>E?S-)?(?P<s>[0-9]{1,3})-(?P<n>[0-9]{1,4})(?P<part>[A-Z]*)/?$")
_PREFACE_NUMBER_RE = re.compile(r"^(E?S-)?([0-9]{1,3})/([0-9]{1,4})\.?$")
# the counts of a ``voting`` element: the UN's three positions, and the members not voting and the total
# that ``render.akn`` writes where the model has them
_POSITIONS = {"inFavour": "yes", "against": "no", "abstaining": "abstain", "nonVoting": "non-voting"}
_TOTAL = "total"


def frbr(meta: ET.Element | None) -> tuple[str | None, str | None, str | None]:
    """The work's number (``80/52``, ``80/84 A``), adoption date and language from FRBR identification."""
    work = find_path(meta, "identification", "FRBRWork")
    uri = child_of(work, "FRBRuri")
    number = None
    if uri is not None and (match := _FRBR_NUMBER_RE.search(uri.get("value", ""))):
        number = f"{match['es'] or ''}{int(match['s'])}/{int(match['n'])}"
    adopted = (
        next((d.get("date") for d in children_of(work, "FRBRdate") if d.get("name") == "adoption"), None)
        if work is not None
        else None
    )
    language = child_of(find_path(meta, "identification", "FRBRExpression"), "FRBRlanguage")
    code = language.get("language", "").lower() if language is not None else ""
    return number, adopted, LANGUAGE_CODES.get(code)


def vote_of(meta: ET.Element | None) -> Vote | None:
    voting = find_path(meta, "analysis", "parliamentary", "voting")
    if voting is None:
        return None
    counts: dict[str, int | None] = {}
    voters: list[tuple[str, str]] = []
    for count in children_of(voting, "count"):
        refers = count.get("refersTo", "").lstrip("#")
        position = _TOTAL if refers == _TOTAL else _POSITIONS.get(refers)
        if position is None:
            continue
        value = count.get("value", "").strip()
        counts[position] = int(value) if value.isdigit() else None
        for voter in descendants(count, "organization"):
            name = clean_text("".join(voter.itertext()))
            if name:
                voters.append((name, position))
    if not counts:
        return None
    return Vote(
        yes=counts.get("yes"),
        no=counts.get("no"),
        abstentions=counts.get("abstain"),
        non_voting=counts.get("non-voting"),
        total=counts.get(_TOTAL),
        voters=tuple(voters),
    )


def listed_cites(meta: ET.Element | None) -> tuple[str, ...]:
    """The symbols a ``references`` element lists as cited (``TLCReference name="cites"``, as
    ``render.akn`` writes them); the UN's files list none, and their cites are found in the words
    and the links."""
    references = child_of(meta, "references")
    if references is None:
        return ()
    return tuple(
        symbol
        for node in children_of(references, "TLCReference")
        if node.get("name") == "cites" and (symbol := clean_text(node.get("showAs", "")))
    )


def sponsors_of(meta: ET.Element | None) -> tuple[str, ...]:
    names: list[str] = []
    for step in children_of(child_of(meta, "workflow") or ET.Element("x"), "step"):
        if step.get("outcome") in ("draftResolution", "draftResolutionAdditionalSponsors"):
            by = clean_text(step.get("by", ""))
            if by and by[:1].isupper():  # not "submitted by the Committee on Information"
                names += [n for n in sponsors(by) if n not in names]
    return tuple(names)


def _workflow(meta: ET.Element | None, outcome: str) -> ET.Element | None:
    workflow = child_of(meta, "workflow")
    if workflow is None:
        return None
    return next((s for s in children_of(workflow, "step") if s.get("outcome") == outcome), None)


class Cover(NamedTuple):
    symbol: str | None
    session: int | None
    distributed: str | None
    agenda_item: str | None
    report: str | None
    committee: str | None


def cover_of(cover: ET.Element | None) -> Cover:
    symbol = session = distributed = agenda = report = committee = None
    for node in cover.iter() if cover is not None else ():
        name = local(node.tag)
        if name == "docNumber" and symbol is None:
            symbol = plain(node) or None
        elif name == "session" and session is None:
            value = node.get("value", "")
            session = int(value) if value.isdigit() else None
        elif name == "docDate" and distributed is None:
            distributed = node.get("date")
        elif name == "inline" and node.get("name") == "agenda item" and agenda is None:
            match = AGENDA_RE.search(plain(node))
            agenda = match[1] if match else (node.get("title") or None)
        elif name == "docProponent" and report is None:
            text = plain(node)
            match = REPORT_RE.search(text) or DRAFT_RE.search(text)
            report = match[1] if match else None
            found = COMMITTEE_RE.search(text)
            committee = " ".join(found[1].split()) if found else None
    return Cover(symbol, session, distributed, agenda, report, committee)


def meeting_of(conclusions: ET.Element | None) -> tuple[str | None, str | None]:
    """The closing meeting line (``52nd plenary meeting``) and its date."""
    location = next(descendants(conclusions, "location"), None)
    text = plain(location) if location is not None else plain(conclusions)
    match = MEETING_RE.match(text)
    meeting = match[1] if match else (text or None)
    date = next((d.get("date") for d in descendants(conclusions, "docDate") if d.get("date")), None)
    return meeting, date


def preface_of(preface: ET.Element | None, text: Text) -> tuple[str | None, str | None]:
    """The body heading: ``80/52.`` and the title."""
    number = plain(find_path(preface, "p", "docNumber"))
    title_element = find_path(preface, "p", "docTitle")
    title = clean_text(strip_tokens(text.of(title_element))) if title_element is not None else ""
    return number or None, title or None


# --- the resolution -----------------------------------------------------------------------------


def step_as(meta: ET.Element | None, outcome: str) -> str | None:
    step = _workflow(meta, outcome)
    if step is None:
        return None
    value = step.get("as") or step.get("by") or ""
    return value if value.startswith("A/") else None


def symbol_of(preface: str | None, cover: str | None, frbr: str | None) -> str | None:
    """``A/RES/80/52``: from the body heading (``80/52.``) as the PDF reader takes it, else the cover
    page's symbol, else the FRBR work's number."""
    if preface and (match := _PREFACE_NUMBER_RE.match(preface)):
        return f"A/RES/{match[1] or ''}{int(match[2])}/{int(match[3])}"
    if cover and cover.startswith("A/"):
        return cover
    return f"A/RES/{frbr}" if frbr else None


# a General Assembly resolution a link points at: ``.../fr/A/RES/63/71``, ``.../A/RES/46/36L`` (part L)
_LINKED_RESOLUTION_RE = re.compile(
    r"/A/RES/(?P<es>E?S-)?(?P<s>[0-9]{1,3})/(?P<n>[0-9]{1,4})(?P<part>[A-Z]?)$"
)
# the elements outside the text: the links there are no citations
_NOT_TEXT = frozenset({"meta", "coverPage", "preface"})


def linked_resolutions(document: ET.Element) -> list[str]:
    """The resolutions the text's links (``a href``, ``ref href``) point at, as ``cited_symbols``
    spells them (``A/RES/63/71``, ``A/RES/46/36 L``), in the order they stand: the citations of a
    text in any language, where the words before them ("résolution", "резолюция", "القرار", "第...号
    决议") are its language's."""
    found: dict[str, None] = {}
    for part in document:
        if local(part.tag) in _NOT_TEXT:
            continue
        for node in part.iter():
            if local(node.tag) not in ("a", "ref"):
                continue
            match = _LINKED_RESOLUTION_RE.search(node.get("href", "").split("?")[0].rstrip("/"))
            if match:
                symbol = f"A/RES/{match['es'] or ''}{int(match['s'])}/{int(match['n'])}"
                found.setdefault(symbol + (f" {match['part']}" if match["part"] else ""))
    return list(found)
