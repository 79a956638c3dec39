"""The resolution model: frozen dataclasses whose ``to_json`` is the public JSON contract.

Clause keys carry the structure, so a key alone says what a clause is:

* ``PP7`` preambular, ``OP3`` operative, ``OP3(a)`` / ``OP3(a)(i)`` / ``PP4(a)`` sub-paragraph,
  ``FN2`` footnote, ``H1`` a heading inside the operative part;
* a multi-part resolution prefixes the part: ``A.PP1``, ``B.OP4(c)``; a Roman-numbered section of
  the operative part, whose numbering starts from 1 again, its numeral: ``II.OP3``, within a part
  ``A.II.OP3``;
* an annex prefixes ``ANNEX`` (or ``ANNEX-I``, ``ANNEX-II``): numbered annex paragraphs are
  ``ANNEX.P3``, their items ``ANNEX.P3(a)``, unnumbered annex text ``ANNEX.T2``, annex headings
  ``ANNEX.H1``;
* ``TB1`` a table (a scale of assessments, budget figures), in any section (``ANNEX.TB1``): its text
  is its rows, each row its cells, ``Member State | Scale || Afghanistan | 0.006 || ...`` (see
  ``table_rows``), so that a change is one cell's.

Footnotes are global (``FN1..FNn`` in marker order) whatever the section of the clause citing them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

PREAMBULAR = "preambular"
OPERATIVE = "operative"
SUBPARAGRAPH = "subparagraph"
FOOTNOTE = "footnote"
HEADING = "heading"
PARAGRAPH = "paragraph"  # a numbered paragraph of an annex
TEXT = "text"  # an unnumbered block of an annex
TABLE = "table"  # a table: rows of cells (not in CLAUSE_TYPES, whose counts series.json records)
ROW_SEPARATOR, CELL_SEPARATOR = " || ", " | "

CLAUSE_TYPES = (PREAMBULAR, OPERATIVE, SUBPARAGRAPH, FOOTNOTE, HEADING, PARAGRAPH, TEXT)

# section prefix (optional), then the local key
KEY_RE = re.compile(
    r"^(?:(?P<section>(?:[A-Z]\.)?[IVXLC]+|[A-Z]|ANNEX(?:-[IVXLC0-9]+)?)\.)?"
    r"(?P<local>(?P<kind>PP|OP|FN|H|P|TB|T)(?P<number>[0-9]+)(?P<items>(?:\([a-z0-9]+\))*))\Z"
)


@cache  # asked for every clause again and again while aligning; keys are few
def clause_type_of(key: str) -> str:
    """The clause type a key implies; raises ValueError for a malformed key."""
    match = KEY_RE.match(key)
    if match is None:
        raise ValueError(f"not a clause key: {key!r}")
    kind, items = match["kind"], match["items"]
    if items:
        if kind in ("PP", "OP", "P"):
            return SUBPARAGRAPH
        raise ValueError(f"only paragraphs have items: {key!r}")
    return {
        "PP": PREAMBULAR,
        "OP": OPERATIVE,
        "FN": FOOTNOTE,
        "H": HEADING,
        "P": PARAGRAPH,
        "T": TEXT,
        "TB": TABLE,
    }[kind]


def table_rows(text: str) -> tuple[tuple[str, ...], ...]:
    """A table clause's rows and cells (``a | b || c | d``); a cell's own ``|`` the reader wrote ``/``."""
    return tuple(tuple(row.split(CELL_SEPARATOR)) for row in text.split(ROW_SEPARATOR))


def table_text(rows: list[list[str]]) -> str:
    """The clause text of a table's rows (the inverse of ``table_rows``)."""
    return ROW_SEPARATOR.join(
        CELL_SEPARATOR.join(" ".join(cell.replace("|", "/").split()) for cell in row) for row in rows
    )


@cache
def section_of(key: str) -> str:
    """The section prefix of a key ('' for the resolution's main body)."""
    match = KEY_RE.match(key)
    if match is None:
        raise ValueError(f"not a clause key: {key!r}")
    return match["section"] or ""


@dataclass(frozen=True)
class Clause:
    """One clause; ``text`` is clean (no markup, markers, page furniture or line-end hyphens)."""

    key: str
    text: str
    notes: tuple[str, ...] = ()
    verb: str | None = None  # operative verb phrase, a prefix of ``text``

    @property
    def type(self) -> str:
        return clause_type_of(self.key)

    @property
    def section(self) -> str:
        return section_of(self.key)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"key": self.key, "type": self.type}
        if self.type == OPERATIVE:
            data["verb"] = self.verb
        data["text"] = self.text
        data["notes"] = list(self.notes)
        data["section"] = self.section
        return data


@dataclass(frozen=True)
class Source:
    """Where a normalized text came from: kept so that any corpus text can be traced back.

    A fetched file also records where it was fetched from (``url``, the UN Digital Library ``record``
    id, its ``language``, the ISO date it was ``retrieved``), so a stored text can be fetched again."""

    name: str  # file name (not a path: paths differ between machines)
    sha256: str  # of the bytes read
    reader: str  # which reader parsed it: seed-markdown, pdf-text, plain-text, canonical, ...
    url: str | None = None
    record: str | None = None
    language: str | None = None
    retrieved: str | None = None

    @property
    def fetched(self) -> bool:
        return self.url is not None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "sha256": self.sha256, "reader": self.reader}
        if self.fetched:
            data |= {
                "url": self.url,
                "record": self.record,
                "language": self.language,
                "retrieved": self.retrieved,
            }
        return data


@dataclass(frozen=True)
class Vote:
    """A recorded vote (UN Digital Library field 996); None where the record gives no figure."""

    yes: int | None = None
    no: int | None = None
    abstentions: int | None = None
    non_voting: int | None = None
    total: int | None = None

    def to_json(self) -> dict[str, int | None]:
        return {
            "yes": self.yes,
            "no": self.no,
            "abstentions": self.abstentions,
            "non_voting": self.non_voting,
            "total": self.total,
        }

    def __str__(self) -> str:
        """``155 in favour, 2 against, 10 abstentions`` (non-voting members only when known)."""
        parts = [
            f"{self.yes if self.yes is not None else '?'} in favour",
            f"{self.no if self.no is not None else '?'} against",
            f"{self.abstentions if self.abstentions is not None else '?'} abstentions",
        ]
        if self.non_voting is not None:
            parts.append(f"{self.non_voting} non-voting")
        return ", ".join(parts)


# what no field of the model may hold: C0 controls and DEL (line breaks and tabs are layout, which the
# normalizer turns into spaces) and the noncharacters U+FFFE and U+FFFF; PDF and DOCX extractions produce
# such characters, and XML (Word) cannot carry them. (Lone surrogates, which only a JSON escape can make
# in text that was decoded strictly, are the extraction reader's to remove.) The readers' output is
# cleaned of them (``readers.safe``), and a canonical file holding one is refused.
UNSAFE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

# a resolution's metadata, in the order the canonical header gives it; a change to any of these is a
# change of the text (``diff --exit-code``)
METADATA = ("symbol", "session", "title", "adopted", "agenda_item", "report", "meeting", "cites")
# metadata that only some renderings carry (a front page's distribution date, a draft's committee and
# sponsors, the vote a library record holds): kept and shown, but their absence in one rendering is no
# change of the text
EXTRA_METADATA = ("distributed", "committee", "sponsors", "vote")
# a draft's symbol: A/C.1/80/L.52, A/C.1/80/L.43/Rev.1, A/80/L.12
DRAFT_MARK = "/L."


@dataclass(frozen=True)
class Resolution:
    """A resolution's metadata and ordered clauses; absent metadata is None, never guessed."""

    symbol: str | None = None
    session: int | None = None
    title: str | None = None
    adopted: str | None = None  # ISO date
    agenda_item: str | None = None
    report: str | None = None
    meeting: str | None = None
    cites: tuple[str, ...] = ()
    clauses: tuple[Clause, ...] = ()
    source: Source | None = None
    distributed: str | None = None  # ISO date of the front page's "Distr.:" line
    committee: str | None = None  # a draft's Main Committee ("First Committee")
    sponsors: tuple[str, ...] = ()  # a draft's sponsors, as its front page lists them
    vote: Vote | None = None

    @property
    def is_draft(self) -> bool:
        """A draft resolution (``A/C.1/80/L.52``) rather than an adopted one."""
        return self.symbol is not None and DRAFT_MARK in self.symbol

    def clause(self, key: str) -> Clause:
        for clause in self.clauses:
            if clause.key == key:
                return clause
        raise KeyError(key)

    def of_type(self, clause_type: str) -> list[Clause]:
        return [c for c in self.clauses if c.type == clause_type]

    def to_json(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "session": self.session,
            "title": self.title,
            "adopted": self.adopted,
            "agenda_item": self.agenda_item,
            "report": self.report,
            "meeting": self.meeting,
            "cites": list(self.cites),
            "source": self.source.to_json() if self.source else None,
            "clauses": [c.to_json() for c in self.clauses],
            "distributed": self.distributed,
            "committee": self.committee,
            "sponsors": list(self.sponsors),
            "vote": self.vote.to_json() if self.vote else None,
        }


@dataclass(frozen=True)
class Normalized:
    """A normalizer's answer: the resolution, plus what looked wrong in the input."""

    resolution: Resolution
    warnings: tuple[str, ...] = field(default=())
