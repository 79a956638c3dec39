"""A series' index: its members and the lineage their citations give (pure: resolutions in, data out).

Which citations make the lineage: those recited in a member's *lineage paragraph*, the first
preambular paragraph that recalls the Assembly's own resolutions by their symbols ("Recalling its resolutions 63/71
of 2 December 2008 ... and 70/54 of 7 December 2015 ..."). Annual resolutions recite their
predecessors there; later paragraphs cite unrelated texts, which must not enter the lineage. The
lineage is that union plus the members themselves, oldest first, each marked present or missing;
an adoption date comes from the member itself, else from the citing text ("63/71 of 2 December 2008").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .dates import iso_date
from .model import CLAUSE_TYPES, PREAMBULAR, Resolution
from .refs import parse_symbol, safe_name, symbol_sort_key

INDEX_NAME = "series.json"
INDEX_FORMAT = 1
# "its resolutions 63/71 ...", "its previous resolutions ..., in particular resolution 79/56", "its various
# resolutions in the field of nuclear disarmament, including resolutions 60/72 ..."
LINEAGE_PARAGRAPH_RE = re.compile(
    r"\bits\s+(?:(?:previous|various|relevant|earlier)\s+)?resolutions?\b", re.IGNORECASE
)
# "63/71" in running text, not the tail of "A/72/409" nor a date like "1/2/2020"
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

    def to_json(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "session": self.session,
            "adopted": self.adopted,
            "title": self.title,
            "file": self.file,
            "clauses": dict(self.clauses),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Member:
        return cls(
            symbol=data["symbol"],
            session=data.get("session"),
            adopted=data.get("adopted"),
            title=data.get("title"),
            file=data["file"],
            clauses=tuple((kind, int(count)) for kind, count in (data.get("clauses") or {}).items()),
        )


@dataclass(frozen=True)
class LineageEntry:
    symbol: str
    adopted: str | None
    present: bool

    def to_json(self) -> dict[str, Any]:
        return {"symbol": self.symbol, "adopted": self.adopted, "present": self.present}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineageEntry:
        return cls(symbol=data["symbol"], adopted=data.get("adopted"), present=bool(data["present"]))


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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SeriesIndex:
        return cls(
            slug=data["slug"],
            title=data.get("title"),
            members=tuple(Member.from_json(m) for m in data.get("members") or ()),
            lineage=tuple(LineageEntry.from_json(e) for e in data.get("lineage") or ()),
        )

    def dumps(self) -> str:
        """The index file's text: deterministic, so that rebuilding an unchanged series changes nothing."""
        return json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"


def lineage_citations(resolution: Resolution) -> dict[str, str | None]:
    """Symbol -> adoption date (ISO, if given) of the resolutions the lineage paragraph recites: the first
    preambular paragraph that recalls the Assembly's own resolutions and recites one by its symbol (an
    earlier one may recall "its resolution 2286 (XXII)", which names no series member)."""
    own = {s for s in (parse_symbol(c) for c in resolution.cites) if s is not None}
    for clause in resolution.of_type(PREAMBULAR):
        if not LINEAGE_PARAGRAPH_RE.search(clause.text):
            continue
        found: dict[str, str | None] = {}
        for match in _CITATION_RE.finditer(clause.text):
            symbol = parse_symbol(match["symbol"])
            if symbol is None or symbol == resolution.symbol or (own and symbol not in own):
                continue
            date = iso_date(match["day"], match["month"], match["year"])
            if found.get(symbol) is None:
                found[symbol] = date
        if found:
            return found
    return {}


def clause_counts(resolution: Resolution) -> tuple[tuple[str, int], ...]:
    return tuple((kind, len(resolution.of_type(kind))) for kind in CLAUSE_TYPES)


def build_index(slug: str, resolutions: Iterable[Resolution]) -> SeriesIndex:
    """The index of a series from its members' texts (each must have a validated symbol)."""
    ordered = sorted(resolutions, key=lambda r: symbol_sort_key(r.symbol or ""))
    members = tuple(
        Member(
            symbol=r.symbol or "",
            session=r.session,
            adopted=r.adopted,
            title=r.title,
            file=safe_name(r.symbol or ""),
            clauses=clause_counts(r),
        )
        for r in ordered
    )
    dates: dict[str, str | None] = {m.symbol: m.adopted for m in members}
    for resolution in ordered:
        for symbol, date in lineage_citations(resolution).items():
            if dates.get(symbol) is None:
                dates[symbol] = date
    present = {m.symbol for m in members}
    lineage = tuple(
        LineageEntry(symbol=s, adopted=dates[s], present=s in present)
        for s in sorted(dates, key=symbol_sort_key)
    )
    title = next((r.title for r in reversed(ordered) if r.title), None)
    return SeriesIndex(slug=slug, title=title, members=members, lineage=lineage)
