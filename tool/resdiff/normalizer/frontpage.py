"""Metadata from a resolution's front page and header: dates, session ordinals, agenda item, report,
distribution date, committee, a draft's symbol and sponsors, and the resolutions its clauses cite."""

from __future__ import annotations

import re

from ..languages import MONTH_NAMES
from ..languages.dates import iso_date
from ..model import Clause

DATE_RE = re.compile(rf"\b([0-9]{{1,2}})\s+({'|'.join(MONTH_NAMES)})\s+([0-9]{{4}})\b")
ADOPTED_RE = re.compile(r"adopted by the General Assembly on\s+([0-9]{1,2}\s+\w+\s+[0-9]{4})")
AGENDA_RE = re.compile(r"\bAgenda items?\s+([0-9]+(?:\s?\([a-z]+\))?)")
REPORT_RE = re.compile(r"\[on the reports? of the [^(\]]*\((A/[0-9]+/[^,)\s]+)")
DRAFT_RE = re.compile(r"\[without reference to a Main Committee\s*\((A/[^,)\s]+)")
SESSION_RE = re.compile(r"\b([A-Z][a-z]+(?:-[a-z]+)?)\s+session\b")
DISTRIBUTED_RE = re.compile(
    r"\bDistr\.:?\s*(?:General|Limited|Restricted)\s+([0-9]{1,2}\s+[A-Z][a-z]+\s+[0-9]{4})"
)
COMMITTEE_RE = re.compile(r"\b((?:First|Second|Third|Fourth|Fifth|Sixth)\s+Committee)\b")
# a draft's front page: "Australia, Austria, ... and Zambia: draft resolution" (or "revised draft")
# (an asterisk after the sponsor refers to a note: "Indonesia:* draft resolution", on behalf of a group)
DRAFT_LINE_RE = re.compile(
    r"^(?P<sponsors>.*?)\s*\*?\s*:\s*\*?\s*(?:revised\s+)?draft\s+resolution\s*$", re.I | re.S
)
DRAFT_SYMBOL_RE = re.compile(
    r"(?<![\w/])A/(?:C\.[1-6]/)?[0-9]{1,3}/L\.[0-9]{1,4}(?:/Rev\.[0-9]{1,2})?(?![\w/])"
)
# Member States whose names hold "and": a list of sponsors ends "..., X and Y", and these must stay whole
_NAMES_WITH_AND = (
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
)
# session ordinals as printed ("Seventy-second session"): the only place numbers are spelt out
_UNITS_WORDS = "first second third fourth fifth sixth seventh eighth ninth"
_TEENS_WORDS = (
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety"
_UNITS = {word: n for n, word in enumerate(_UNITS_WORDS.split(" "), 1)}
_TEENS = {word: n for n, word in enumerate(_TEENS_WORDS.split(" "), 10)}
_TENS = {word: 10 * n for n, word in enumerate(_TENS_WORDS.split(" "), 2)}
_TENTHS = {word.replace("y", "ieth"): n for word, n in _TENS.items()}  # twentieth, ..., ninetieth

_CITE_SCAN_RE = re.compile(
    r"(?P<other>\b(?:Council|Commission|Conference|Board)\s+resolutions?\b)"  # not the Assembly's
    r"|(?P<res>\b[Rr]esolutions?\b)"
    r"|(?P<stop>\b(?:[Dd]ecisions?|[Dd]ocuments?|[Rr]eports?)\b|;|\.(?=\s+[A-Z])|\.$)"
    r"|(?<![-/\w.])(?P<sym>(?:A/RES/)?(?P<es>E?S-)?(?P<s>[0-9]{1,3})/(?P<n>[0-9]{1,4})\b"
    r"(?:\s(?P<part>[A-Z]{1,2})\b(?![-/\w.]))?)"  # 63/71, 56/24 T, ES-10/21, S-27/2
)


def sponsors(text: str) -> tuple[str, ...]:
    """``A, B, C and D`` -> (A, B, C, D), names such as "Trinidad and Tobago" kept whole."""
    guarded = text
    for number, name in enumerate(_NAMES_WITH_AND):
        guarded = guarded.replace(name, f"\x00{number}\x00")
    items = [item.strip() for item in guarded.split(",")]
    if items and " and " in items[-1]:
        head, _, last = items[-1].rpartition(" and ")
        items[-1:] = [head.strip(), last.strip()]
    restored = []
    for item in items:
        for number, name in enumerate(_NAMES_WITH_AND):
            item = item.replace(f"\x00{number}\x00", name)
        item = item.strip(" *")
        if item:
            restored.append(item)
    return tuple(restored)


def first_date(text: str) -> str | None:
    """The ISO form of the first date written out in ``text``."""
    match = DATE_RE.search(text)
    return None if match is None else iso_date(match[1], match[2], match[3])


def ordinal(word: str) -> int | None:
    """``Seventy-second`` -> 72, ``Eightieth`` -> 80: sessions are printed as English ordinals."""
    word = word.lower()
    if word in _UNITS:
        return _UNITS[word]
    if word in _TEENS:
        return _TEENS[word]
    if word in _TENTHS:
        return _TENTHS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and unit in _UNITS:
        return _TENS[tens] + _UNITS[unit]
    return None


def cited_symbols(clauses: list[Clause]) -> list[str]:
    """Full symbols of the resolutions cited (``resolutions 63/71 ... and 70/54``), first-seen order."""
    found: dict[str, None] = {}  # ordered, and a lookup that stays cheap for thousands of citations
    for clause in clauses:
        if "esolution" not in clause.text:
            continue
        active = False
        for match in _CITE_SCAN_RE.finditer(clause.text):
            if match["res"]:
                active = True
            elif match["stop"] or match["other"]:
                active = False
            elif active and match["sym"]:
                symbol = f"A/RES/{match['es'] or ''}{int(match['s'])}/{int(match['n'])}" + (
                    f" {match['part']}" if match["part"] else ""
                )
                found.setdefault(symbol)
    return list(found)
