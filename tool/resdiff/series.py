"""A series' index: its members and the lineage their citations give (pure: resolutions in, data out).

Which citations make the lineage: those recited in a member's *lineage paragraph*, the first
preambular paragraph that recalls the Assembly's own resolutions by their symbols ("Recalling its
resolutions 63/71 of 2 December 2008 ... and 70/54 of 7 December 2015 ..."). Annual resolutions recite their
predecessors there; later paragraphs cite unrelated texts, which must not enter the lineage. The
lineage is that union plus the members themselves, oldest first, each marked present or missing;
an adoption date comes from the member itself, else from the citing text ("63/71 of 2 December 2008").

A series holds each language of a text side by side (``Member.language``); its lineage runs per
language (``SeriesIndex.lineage_in``: present means present in that language). In a language other
than English the lineage paragraph is the first preambular paragraph that cites two or more
resolutions (the recital of the series: "Rappelant sa résolution 63/71 du 2 décembre 2008 ... et
ses résolutions 70/54 du 7 décembre 2015 ..."), and a cited resolution's date is the date printed
next to it (after it; in Chinese before it: "2008年12月2日第63/71号决议").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from .languages.dates import find_dates, iso_date
from .model import CLAUSE_TYPES, LANGUAGES, PREAMBULAR, Resolution
from .refs import ENGLISH, checked_file_name, parse_symbol, symbol_sort_key

INDEX_FORMAT = 1
# "its resolutions 63/71 ...", "its previous resolutions ..., in particular resolution 79/56", "its various
# resolutions in the field of nuclear disarmament, including resolutions 60/72 ..."
LINEAGE_PARAGRAPH_RE = re.compile(
    r"\bits\s+(?:(?:previous|various|relevant|earlier)\s+)?resolutions?\b", re.IGNORECASE
)
# "63/71" in running text, not the tail of "A/72/409" nor a date like "1/2/2020" (a Chinese text
# runs it into its words: "第63/71号")
_SYMBOL_RE = re.compile(
    r"(?<![A-Za-z0-9/])(?:A/RES/)?(?P<symbol>(?:ES-|S-)?[0-9]{1,3}/[0-9]{1,4})(?![A-Za-z0-9/])"
)
_CITATION_RE = re.compile(
    r"(?<![\w/])(?:A/RES/)?(?P<symbol>(?:ES-|S-)?[0-9]{1,3}/[0-9]{1,4})(?![\w/])"
    r"(?:\s+of\s+(?P<day>[0-9]{1,2})\s+(?P<month>[A-Za-z]+)\s+(?P<year>[0-9]{4}))?"
)


@dataclass(frozen=True)
class Member:
    symbol: str
    session: int | None
    adopted: str | None
    title: str | None
    file: str
    clauses: tuple[tuple[str, int], ...]  # (clause type, count) in CLAUSE_TYPES order
    distributed: str | None = None  # a draft's distribution date (its only date)
    language: str | None = None  # the text's language; None (English, or not said) is left out of the JSON

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "symbol": self.symbol,
            "session": self.session,
            "adopted": self.adopted,
            "title": self.title,
            "file": self.file,
            "clauses": dict(self.clauses),
        }
        if self.distributed is not None:  # drafts only: the index of a series without one is unchanged
            data["distributed"] = self.distributed
        if self.language is not None:
            data["language"] = self.language
        return data

    def in_language(self, language: str | None) -> bool:
        """Whether this member is the text in LANGUAGE (None and "en" are both English)."""
        return (self.language or "en") == (language or "en")


@dataclass(frozen=True)
class LineageEntry:
    symbol: str
    adopted: str | None
    present: bool
    distributed: str | None = None  # a draft's distribution date

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"symbol": self.symbol, "adopted": self.adopted, "present": self.present}
        if self.distributed is not None:
            data["distributed"] = self.distributed
        return data

    @property
    def date(self) -> str:
        """Its date as ``series`` shows it: adopted, a draft's "distributed 2025-10-14", or ''."""
        if self.adopted:
            return self.adopted
        return f"distributed {self.distributed}" if self.distributed else ""


@dataclass(frozen=True)
class SeriesIndex:
    slug: str
    title: str | None  # the newest member's title
    members: tuple[Member, ...]  # oldest first
    lineage: tuple[LineageEntry, ...]  # oldest first

    def to_json(self) -> dict[str, Any]:
        return {
            "format": INDEX_FORMAT,
            "slug": self.slug,
            "title": self.title,
            "members": [m.to_json() for m in self.members],
            "lineage": [e.to_json() for e in self.lineage],
        }

    def in_language(self, language: str | None) -> tuple[Member, ...]:
        """The members in one language (None: English)."""
        return tuple(m for m in self.members if m.in_language(language))

    def languages(self) -> tuple[str, ...]:
        """The languages the series holds texts in, in the UN's order (English first)."""
        held = {m.language or "en" for m in self.members}
        return tuple(language for language in LANGUAGES if language in held)

    def lineage_in(self, language: str | None) -> tuple[LineageEntry, ...]:
        """The lineage with each text present or missing in LANGUAGE (None: English)."""
        present = {m.symbol for m in self.in_language(language)}
        return tuple(
            LineageEntry(e.symbol, e.adopted, e.symbol in present, e.distributed) for e in self.lineage
        )

    def dumps(self) -> str:
        """The index file's text: deterministic, so that rebuilding an unchanged series changes nothing."""
        return json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"


def lineage_citations(resolution: Resolution) -> dict[str, str | None]:
    """Symbol -> adoption date (ISO, if given) of the resolutions the lineage paragraph recites: the first
    preambular paragraph that recalls the Assembly's own resolutions and recites one by its symbol (an
    earlier one may recall "its resolution 2286 (XXII)", which names no series member). Outside English,
    whose words are not known here, it is the first preambular paragraph that recites two symbols, each
    citation's date read beside it."""
    language = resolution.language
    english = language in (None, "en")
    own = {s for s in (parse_symbol(c) for c in resolution.cites) if s is not None}
    for clause in resolution.of_type(PREAMBULAR):
        if english and not LINEAGE_PARAGRAPH_RE.search(clause.text):
            continue
        if not english and len(_SYMBOL_RE.findall(clause.text)) < 2:
            continue
        found: dict[str, str | None] = {}
        dates = [] if english else find_dates(clause.text, language)
        for match in (_CITATION_RE if not dates else _SYMBOL_RE).finditer(clause.text):
            symbol = parse_symbol(match["symbol"])
            if symbol is None or symbol == resolution.symbol or (own and symbol not in own):
                continue
            if dates:
                date = _date_beside(match, dates, before=language == "zh")
            else:
                date = iso_date(match["day"], match["month"], match["year"])
            if found.get(symbol) is None:
                found[symbol] = date
        if found or not english:
            return found
    return {}


# a cited symbol and its date are printed side by side: "63/71 du 2 décembre 2008", "63/71, de 2 de
# diciembre de 2008", "63/71 от 2 декабря 2008 года", "63/71 المؤرخ 2 كانون الأول/ديسمبر 2008";
# Chinese puts the date first: "2008年12月2日第63/71号"
_DATE_GAP = 16


def _date_beside(match: re.Match[str], dates: list[tuple[int, int, str]], before: bool) -> str | None:
    for start, end, iso in dates:
        if before and 0 <= match.start() - end <= 2:
            return iso
        if not before and 0 <= start - match.end() <= _DATE_GAP:
            return iso
    return None


def clause_counts(resolution: Resolution) -> tuple[tuple[str, int], ...]:
    return tuple((kind, len(resolution.of_type(kind))) for kind in CLAUSE_TYPES)


class TextSummary(NamedTuple):
    """What a series index needs of one text: its member record's facts and its lineage citations
    (symbol, ISO date or None). Small, so that the corpus can keep one per text in its cache; a named
    tuple, immutable as a frozen dataclass is but four times quicker to make (``list`` of 20,000
    texts makes 20,000 of them)."""

    symbol: str
    session: int | None
    adopted: str | None
    title: str | None
    clauses: tuple[tuple[str, int], ...]
    lineage: tuple[tuple[str, str | None], ...]
    distributed: str | None = None  # a draft's distribution date
    language: str | None = None

    @classmethod
    def of(cls, resolution: Resolution) -> TextSummary:
        return cls(
            symbol=resolution.symbol or "",
            session=resolution.session,
            adopted=resolution.adopted,
            title=resolution.title,
            clauses=clause_counts(resolution),
            lineage=tuple(lineage_citations(resolution).items()),
            distributed=resolution.distributed if resolution.is_draft else None,
            language=resolution.language,
        )

    def to_row(self) -> list[Any]:
        """A compact JSON row (the cache holds tens of thousands of them)."""
        return [
            self.symbol,
            self.session,
            self.adopted,
            self.title,
            [n for _, n in self.clauses],
            self.lineage,
            self.distributed,
            self.language,
        ]

    @classmethod
    def from_row(cls, row: Any) -> TextSummary:
        """The summary a row holds; ValueError when the row is not one ``to_row`` writes.

        Written for speed (``list`` of 20,000 texts checks 20,000 rows): exact type tests, no generator
        per row, and one shared tuple of clause counts for every row with the same counts."""
        if type(row) is not list or len(row) != 8:
            raise ValueError("not a text summary")
        symbol, session, adopted, title, counts, lineage, distributed, language = row
        if (
            type(symbol) is not str
            or type(session) not in _INT_OR_NONE
            or type(adopted) not in _STR_OR_NONE
            or type(title) not in _STR_OR_NONE
            or type(distributed) not in _STR_OR_NONE
            or (language is not None and language not in LANGUAGES)
            or type(counts) is not list
            or type(lineage) is not list
        ):
            raise ValueError("not a text summary")
        clauses = _COUNTS.get(tuple(counts))
        if clauses is None:
            if len(counts) != len(CLAUSE_TYPES) or not all(type(n) is int and n >= 0 for n in counts):
                raise ValueError("not a text summary")
            clauses = _COUNTS.setdefault(tuple(counts), tuple(zip(CLAUSE_TYPES, counts, strict=True)))
        cited = []
        for entry in lineage:
            if type(entry) is not list or len(entry) != 2:
                raise ValueError("not a text summary")
            cited_symbol, date = entry
            if type(cited_symbol) is not str or type(date) not in _STR_OR_NONE:
                raise ValueError("not a text summary")
            cited.append((cited_symbol, date))
        return cls(symbol, session, adopted, title, clauses, tuple(cited), distributed, language)


_INT_OR_NONE = frozenset((int, type(None)))
_STR_OR_NONE = frozenset((str, type(None)))
# clause counts -> their (type, count) pairs, shared by every summary with those counts (few distinct)
_COUNTS: dict[tuple[int, ...], tuple[tuple[str, int], ...]] = {}


def build_index(slug: str, texts: Iterable[Resolution | TextSummary]) -> SeriesIndex:
    """The index of a series from its members' texts or their summaries (each with a validated symbol)."""
    ordered = _ordered(texts)
    members = _members(ordered)
    distributed = {m.symbol: m.distributed for m in members}
    dates: dict[str, str | None] = {m.symbol: m.adopted for m in members}
    for summary in ordered:
        for symbol, date in summary.lineage:
            if dates.get(symbol) is None:
                dates[symbol] = date
    lineage = tuple(
        LineageEntry(s, dates[s], s in distributed, distributed.get(s))
        for s in sorted(dates, key=symbol_sort_key)
    )
    title = next((r.title for r in reversed(ordered) if r.title), None)
    return SeriesIndex(slug=slug, title=title, members=members, lineage=lineage)


def build_members(texts: Iterable[Resolution | TextSummary]) -> tuple[Member, ...]:
    """``build_index(...).members`` without the lineage: what ``list`` shows of each series."""
    return _members(_ordered(texts))


def _ordered(texts: Iterable[Resolution | TextSummary]) -> list[TextSummary]:
    summaries = [t if isinstance(t, TextSummary) else TextSummary.of(t) for t in texts]
    order = LANGUAGES.index
    return sorted(summaries, key=lambda r: (symbol_sort_key(r.symbol), order(r.language or ENGLISH)))


def _members(ordered: list[TextSummary]) -> tuple[Member, ...]:
    return tuple(  # positional, as in Member's fields: this runs for every text ``list`` shows
        Member(
            r.symbol,
            r.session,
            r.adopted,
            r.title,
            checked_file_name(r.symbol, r.language),  # symbols are validated (see build_index)
            r.clauses,
            r.distributed,
            r.language if r.language != ENGLISH else None,
        )
        for r in ordered
    )
