"""A series' index: its members and the lineage their citations give (pure: resolutions in, data out).

Which citations make the lineage: those recited in a member's *lineage paragraph*, the first
preambular paragraph that recalls the Assembly's own resolutions ("Recalling its resolutions 63/71
of 2 December 2008 ... and 70/54 of 7 December 2015 ..."). Annual resolutions recite their
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
from typing import Any

from .languages.dates import find_dates, iso_date
from .model import CLAUSE_TYPES, LANGUAGES, PREAMBULAR, Resolution
from .refs import parse_symbol, safe_name, symbol_sort_key

INDEX_NAME = "series.json"
INDEX_FORMAT = 1
# "its resolutions 63/71 ...", "its previous resolutions ..., in particular resolution 79/56"
LINEAGE_PARAGRAPH_RE = re.compile(r"\bits\s+(?:previous\s+)?resolutions?\b", re.IGNORECASE)
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
    language: str | None = None  # the text's language; None (English, or not said) is left out of the JSON

    def to_json(self) -> dict[str, Any]:
        data = {
            "symbol": self.symbol,
            "session": self.session,
            "adopted": self.adopted,
            "title": self.title,
            "file": self.file,
            "clauses": dict(self.clauses),
        }
        if self.language is not None:
            data["language"] = self.language
        return data

    def in_language(self, language: str | None) -> bool:
        """Whether this member is the text in LANGUAGE (None and "en" are both English)."""
        return (self.language or "en") == (language or "en")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Member:
        return cls(
            symbol=data["symbol"],
            session=data.get("session"),
            adopted=data.get("adopted"),
            title=data.get("title"),
            file=data["file"],
            clauses=tuple((kind, int(count)) for kind, count in (data.get("clauses") or {}).items()),
            language=data.get("language"),
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
        return tuple(LineageEntry(e.symbol, e.adopted, e.symbol in present) for e in self.lineage)

    def dumps(self) -> str:
        """The index file's text: deterministic, so that rebuilding an unchanged series changes nothing."""
        return json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"


def lineage_citations(resolution: Resolution) -> dict[str, str | None]:
    """Symbol -> adoption date (ISO, if given) of the resolutions the lineage paragraph recites."""
    language = resolution.language
    if language in (None, "en"):
        paragraph = next(
            (c.text for c in resolution.of_type(PREAMBULAR) if LINEAGE_PARAGRAPH_RE.search(c.text)), None
        )
    else:
        paragraph = next(
            (c.text for c in resolution.of_type(PREAMBULAR) if len(_SYMBOL_RE.findall(c.text)) >= 2), None
        )
    if paragraph is None:
        return {}
    own = {s for s in (parse_symbol(c) for c in resolution.cites) if s is not None}
    found: dict[str, str | None] = {}
    dates = find_dates(paragraph, language) if language not in (None, "en") else []
    for match in (_CITATION_RE if not dates else _SYMBOL_RE).finditer(paragraph):
        symbol = parse_symbol(match["symbol"])
        if symbol is None or symbol == resolution.symbol or (own and symbol not in own):
            continue
        if dates:
            date = _date_beside(match, dates, before=language == "zh")
        else:
            date = iso_date(match["day"], match["month"], match["year"])
        if found.get(symbol) is None:
            found[symbol] = date
    return found


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


def build_index(slug: str, resolutions: Iterable[Resolution]) -> SeriesIndex:
    """The index of a series from its members' texts (each must have a validated symbol)."""
    ordered = sorted(
        resolutions, key=lambda r: (symbol_sort_key(r.symbol or ""), LANGUAGES.index(r.language or "en"))
    )
    members = tuple(
        Member(
            symbol=r.symbol or "",
            session=r.session,
            adopted=r.adopted,
            title=r.title,
            file=safe_name(r.symbol or "", r.language),
            clauses=clause_counts(r),
            language=r.language if r.language != "en" else None,
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
