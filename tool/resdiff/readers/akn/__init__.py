"""The UN's own XML of a resolution: AKN4UN, the Akoma Ntoso 3.0 profile in which the United Nations
(Department for General Assembly and Conference Management, DGACM) publishes the General Assembly's
resolutions of sessions 74 on, in its six official languages. The United Nations is the source of these
files, and its terms ask that it be acknowledged wherever they are used.

The XML is exact structure (every preambular paragraph a ``container``, every operative paragraph a
``paragraph`` with its ``num``, every footnote an ``authorialNote`` where its marker stands), so this reader
builds the ``Resolution`` itself instead of handing raw blocks to the text normalizer; the text rules it
shares with the other readers (cleaning, footnote tokens, citations, the verb of an English paragraph
printed without italics) are the normalizer's, so both give the same clause for the same words.

Modules: ``xmltree`` (safe parsing, text of elements), ``metadata`` (FRBR, cover page, workflow, vote),
``walker`` (the body into units), ``keys`` (units into clause keys); this module puts them together.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ...model import AKN_READER, Clause, Normalized, Resolution, Source
from ...normalizer.frontpage import cited_symbols
from ...normalizer.text import TOKEN_RE, clean_text, roman, strip_tokens
from ...normalizer.verbs import derive_verb
from .keys import LETTERS, Keys, letter_of, settle_unnumbered, split_parts
from .metadata import (
    cover_of,
    frbr,
    linked_resolutions,
    listed_cites,
    meeting_of,
    preface_of,
    sponsors_of,
    step_as,
    symbol_of,
    vote_of,
)
from .walker import Unit, Walker
from .xmltree import AKN_NS, MAX_DEPTH, AknError, Text, child_of, descendants, detect, local, parse

READER = AKN_READER
__all__ = ["AKN_NS", "MAX_DEPTH", "READER", "AknError", "detect", "parse", "read"]


def read(data: bytes, source: Source) -> Normalized:
    """Read an AKN4UN document into the model; raises ``AknError`` for XML it cannot read."""
    root = parse(data)
    document = next((c for c in root if local(c.tag) in ("statement", "documentCollection")), None)
    if document is None:
        raise AknError("the akomaNtoso element holds no statement or documentCollection")
    warnings: list[str] = []
    bodies: list[str] = []
    text = Text(bodies)
    meta = child_of(document, "meta")
    frbr_number, frbr_adopted, language = frbr(meta)
    cover = cover_of(child_of(document, "coverPage"))
    preface_number, title = preface_of(child_of(document, "preface"), text)
    meeting, meeting_date = meeting_of(child_of(document, "conclusions"))
    keys = Keys(warnings)
    attachments = [child_of(document, "attachments")]
    if local(document.tag) == "documentCollection":
        components = [c for c in descendants(root, "component") if child_of(c, "statement") is not None]
        used: set[str] = set()
        for ordinal, component in enumerate(components, 1):
            statement = child_of(component, "statement")
            assert statement is not None
            letter, part_title = preface_of(child_of(statement, "preface"), text)
            walker = Walker(text)
            if part_title:
                walker.units.append(Unit("H", part_title))
            _statement_body(walker, statement)
            if meeting is None and walker.closing:
                meeting = walker.closing[0]
            parts = split_parts(settle_unnumbered(walker.units))
            if len(parts) == 1 and letter_of((letter or "").rstrip(". "), ordinal) not in used:
                letters = [letter_of((letter or "").rstrip(". "), ordinal)]
            else:  # a part that is itself in parts (I, II; A, B): each its own letter, in order
                letters = [c for c in LETTERS if c not in used][: len(parts)]
            for part_letter, (_, units) in zip(letters, parts, strict=False):
                used.add(part_letter)
                keys.new_part(f"{part_letter}.")
                keys.feed(units)
            attachments.append(child_of(statement, "attachments"))
            if meeting is None:
                meeting, meeting_date = meeting_of(child_of(statement, "conclusions"))
            if language is None or frbr_adopted is None:
                _, adopted, spoken = frbr(child_of(statement, "meta"))
                language, frbr_adopted = language or spoken, frbr_adopted or adopted
    else:
        walker = Walker(text)
        _statement_body(walker, document)
        if meeting is None and walker.closing:
            meeting = walker.closing[0]
        for prefix, units in split_parts(settle_unnumbered(walker.units)):
            keys.new_part(prefix)
            keys.feed(units)
    annexes = [annex for element in attachments for annex in Walker(text).annexes(element)]
    for number, annex in enumerate(annexes, 1):
        keys.new_part("ANNEX." if len(annexes) == 1 else f"ANNEX-{roman(number)}.")
        keys.feed(annex, annex=True)
    clauses, footnotes = _clauses(keys.records, bodies, warnings, language in (None, "en"))
    cited = cited_symbols(clauses + footnotes)  # as the other readers cite, then the links' citations
    symbol = symbol_of(preface_number, cover.symbol, frbr_number)
    session = cover.session
    if session is None and symbol and (match := re.search(r"/([0-9]{1,3})/", symbol)):
        session = int(match[1])
    resolution = Resolution(
        symbol=symbol,
        session=session,
        title=title,
        adopted=frbr_adopted or meeting_date,
        agenda_item=cover.agenda_item,
        report=cover.report or step_as(meta, "recommendedForAdoption"),
        meeting=meeting,
        cites=listed_cites(meta)
        or tuple(c for c in dict.fromkeys(cited + linked_resolutions(document)) if c != symbol),
        clauses=tuple(clauses + footnotes),
        source=Source(name=source.name, sha256=source.sha256, reader=READER),
        distributed=cover.distributed,
        committee=cover.committee,
        sponsors=sponsors_of(meta),
        vote=vote_of(meta),
        language=language,
    )
    if not resolution.of_type("operative"):
        warnings.append("no operative paragraph found")
    return Normalized(resolution, tuple(dict.fromkeys(warnings)))


def _statement_body(walker: Walker, statement: ET.Element) -> None:
    """A statement's preambles and bodies in document order (a resolution in parts I, II may give each
    part a ``preamble`` and a ``mainBody`` of its own); a preamble after the first may open a part."""
    for child in statement:
        name = local(child.tag)
        if name == "preamble":
            if walker.units:
                walker.units.append(Unit("PART"))
            walker.preamble(child)
        elif name == "mainBody":
            walker.body(child)


def _clauses(
    records: list[list[object]], bodies: list[str], warnings: list[str], english: bool
) -> tuple[list[Clause], list[Clause]]:
    """Clauses with their footnotes (``FN1..FNn`` in marker order), and the footnote clauses; the verb
    of an operative paragraph printed without italics is derived from the words only in English."""
    clauses: list[Clause] = []
    used: set[int] = set()
    filled = {n for n, body in enumerate(bodies, 1) if clean_text(strip_tokens(body))}
    for key, raw, verb in records:
        assert isinstance(key, str) and isinstance(raw, str)
        notes: list[str] = []
        for match in TOKEN_RE.finditer(raw):
            note = f"FN{match[1]}"
            used.add(int(match[1]))
            if int(match[1]) in filled and note not in notes:
                notes.append(note)
        clause_text = strip_tokens(raw)
        if not clause_text:
            continue
        verb_text = verb if isinstance(verb, str) and clause_text.startswith(verb) else None
        if english and key.rsplit(".", 1)[-1].startswith("OP") and "(" not in key and verb_text is None:
            verb_text = derive_verb(clause_text)
        if not key.rsplit(".", 1)[-1].startswith("OP") or "(" in key:
            verb_text = None
        clauses.append(Clause(key=key, text=clause_text, notes=tuple(notes), verb=verb_text))
    footnotes = []
    for number, body in enumerate(bodies, 1):
        footnote = clean_text(strip_tokens(body))
        if footnote:
            footnotes.append(Clause(key=f"FN{number}", text=footnote))
        elif number in used:
            warnings.append(f"footnote {number} is empty")
    return clauses, footnotes
