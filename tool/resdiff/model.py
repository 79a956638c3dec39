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


# how a Member State voted, as ``Vote.voters`` records it (AKN4UN's inFavour / against / abstaining; the
# UN's voting records' Y / N / A; a member present but not voting, or absent, is ``non-voting``)
POSITIONS = ("yes", "no", "abstain", "non-voting")


@dataclass(frozen=True)
class Vote:
    """A recorded vote (the Digital Library's Voting Data record, an AKN4UN ``voting`` element); None where
    the source gives no figure. ``voters`` says how each Member State voted, where the source names them:
    ``(state, position)`` pairs in the source's order, the state's name as the source spells it."""

    yes: int | None = None
    no: int | None = None
    abstentions: int | None = None
    non_voting: int | None = None
    total: int | None = None
    voters: tuple[tuple[str, str], ...] = ()

    def position_of(self) -> dict[str, str]:
        """Each named State's position, by its name in upper case (sources differ in case)."""
        return {state.upper(): position for state, position in self.voters}

    def changed_voters(self, later: Vote) -> tuple[tuple[str, str, str], ...]:
        """``(state, position here, position in later)`` for every State whose vote differs, in
        ``later``'s order, then those only this vote names; empty unless both votes name their voters.
        A State one vote names and the other does not was not voting there (absent or not voting)."""
        if not self.voters or not later.voters:
            return ()
        before, after = self.position_of(), later.position_of()
        names = {state.upper(): state for state, _ in self.voters} | {
            state.upper(): state for state, _ in later.voters
        }
        order = list(after) + [state for state in before if state not in after]
        return tuple(
            (names[state], before.get(state, "non-voting"), after.get(state, "non-voting"))
            for state in order
            if before.get(state, "non-voting") != after.get(state, "non-voting")
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "yes": self.yes,
            "no": self.no,
            "abstentions": self.abstentions,
            "non_voting": self.non_voting,
            "total": self.total,
            "voters": [{"state": state, "vote": position} for state, position in self.voters],
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


# what no field of the model may hold, whatever the input (``readers.safe`` cleans the readers' output of
# them, a canonical file holding one is refused, the renderers show U+FFFD in their place):
# * C0 controls but tab and line feed (layout, which the normalizer turns into spaces), the carriage
#   return included (a terminal goes back to the start of the line), DEL and the C1 controls (U+009B is
#   a terminal's escape sequence opener, as ESC is);
# * lone surrogates (a JSON escape can make them), which no encoder writes;
# * the bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069), which make
#   a terminal or a page show text in another order than it is read; the implicit marks a right-to-left
#   text legitimately holds (U+200E, U+200F, U+061C) and the joiners (U+200C, U+200D) are not among them;
# * the noncharacters: U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+1FFFF, ...).
_UNSAFE_BMP = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff"
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@cache
def _unsafe_re() -> re.Pattern[str]:
    """``UNSAFE_RE``, compiled on first use: its 17 ranges cost the ``re`` compiler about 2 ms in every
    process, and most commands find no character beyond the BMP that needs it."""
    return re.compile(
        f"[{_UNSAFE_BMP}" + "".join(f"\\U{plane:04x}fffe-\\U{plane:04x}ffff" for plane in range(1, 17)) + "]"
    )


def __getattr__(name: str) -> re.Pattern[str]:
    """``model.UNSAFE_RE`` (every character no field may hold), made on first use (``_unsafe_re``)."""
    if name == "UNSAFE_RE":
        return _unsafe_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# the same but any code point from U+1FFFE on: a search of this class is ten times as fast (a class of
# many astral ranges is not a bitmap), and beyond the BMP only noncharacters and the rare CJK extensions
# match it, which ``find_unsafe`` then checks with the exact pattern
_QUICK_UNSAFE_RE = re.compile(f"[{_UNSAFE_BMP}\U0001fffe-\U0010ffff]")


def find_unsafe(text: str) -> re.Match[str] | None:
    """The first character of ``text`` no field of the model may hold (see ``UNSAFE_RE``), quickly."""
    match = _QUICK_UNSAFE_RE.search(text)
    if match is None or match[0] <= "\uffff":
        return match
    return _unsafe_re().search(text, match.start())


def without_unsafe(text: str) -> str:
    """``text`` with each unsafe character made a space, but a bidirectional control, which is no
    more than an instruction on how to lay the letters out, dropped (a space would split a word)."""
    if find_unsafe(text) is None:
        return text
    return _unsafe_re().sub(lambda m: "" if m[0] in _BIDI_CONTROLS else " ", text)


def unsafe_name(character: str) -> str:
    """What an unsafe character is, in a message: 'the control character U+001B'."""
    code = ord(character)
    if character in _BIDI_CONTROLS:
        kind = "the bidirectional control"
    elif 0xD800 <= code <= 0xDFFF:
        kind = "the lone surrogate"
    elif code < 0xA0:
        kind = "the control character"
    else:
        kind = "the noncharacter"
    return f"{kind} U+{code:04X}"


# a resolution's metadata, in the order the canonical header gives it; a change to any of these is a
# change of the text (``diff --exit-code``)
METADATA = ("symbol", "session", "title", "adopted", "agenda_item", "report", "meeting", "cites")
# metadata that only some renderings carry (a front page's distribution date, a draft's committee and
# sponsors, the vote a library record holds): kept and shown, but their absence in one rendering is no
# change of the text
EXTRA_METADATA = ("language", "distributed", "committee", "sponsors", "vote")
# the reader of the UN's own XML (AKN4UN), whose terms ask that the United Nations be named as its source
AKN_READER = "akn4un"
AKN_ACKNOWLEDGEMENT = (
    "Text from the United Nations' AKN4UN XML: source United Nations, Department for General Assembly and "
    "Conference Management (DGACM); unofficial copies for informational purposes."
)
# the six official languages of the United Nations, by their ISO 639-1 codes
LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
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
    language: str | None = None  # ISO 639-1 (``LANGUAGES``), from the source; None where it does not say

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
            "language": self.language,
        }


@dataclass(frozen=True)
class Normalized:
    """A normalizer's answer: the resolution, plus what looked wrong in the input."""

    resolution: Resolution
    warnings: tuple[str, ...] = field(default=())
