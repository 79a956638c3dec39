"""Parallel texts: do the language versions of one resolution have the same structure?

What the UN's editors and translators check by hand: the same clauses in the same order (parts,
sub-paragraphs, annexes, tables: the clause keys), the same footnotes anchored to the same clauses,
the same symbols cited and the same numbers and dates in each clause. Each version is compared with the
others clause by clause; where they disagree the versions are grouped by what they hold, and the
versions outside the largest group (ties: the group of the first version given, English first) are
named as the ones that differ, with each version's value and an excerpt of its clause.

The language rules (what a number or a date is in each language, which symbols a text cites) are
``languages.numbers``'; this module only compares.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import InputError
from .languages import numbers as language_numbers
from .model import AKN_ACKNOWLEDGEMENT, AKN_READER, LANGUAGES, Clause, Resolution

# the kinds of mismatch, in the order a clause's are listed
MISSING = "missing"  # a clause some versions have and others do not
ORDER = "order"  # the same clauses, in another order
FOOTNOTES = "footnotes"  # other footnote markers in a clause
CITATIONS = "citations"  # other symbols cited in a clause
NUMBERS = "numbers"  # other numbers or dates in a clause
KINDS = (MISSING, ORDER, FOOTNOTES, CITATIONS, NUMBERS)
EXCERPT = 160  # characters of a clause's text shown around what differs


@dataclass(frozen=True)
class Version:
    """One language version of the resolution, as read."""

    language: str
    symbol: str | None
    title: str | None
    source: str | None  # the file it was read from
    clauses: int

    def to_json(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "symbol": self.symbol,
            "title": self.title,
            "source": self.source,
            "clauses": self.clauses,
        }


@dataclass(frozen=True)
class Mismatch:
    """One clause on which the versions disagree: ``values`` gives each version's (``-`` where it lacks
    the clause), ``excerpts`` each version's text around what differs, ``languages`` the versions
    that differ from the others, and ``detail`` what differs in a line."""

    kind: str
    key: str
    languages: tuple[str, ...]
    detail: str
    values: tuple[tuple[str, str], ...]
    excerpts: tuple[tuple[str, str], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "key": self.key,
            "languages": list(self.languages),
            "detail": self.detail,
            "values": {language: value for language, value in self.values},
            "excerpts": {language: text for language, text in self.excerpts},
        }


@dataclass(frozen=True)
class ParallelCheck:
    """The versions of one resolution and every mismatch between them, in the clauses' order."""

    symbol: str | None
    versions: tuple[Version, ...]
    keys: int  # clause keys compared (the union of every version's)
    mismatches: tuple[Mismatch, ...]
    acknowledgement: str | None = None  # the United Nations named as the source of AKN4UN texts

    @property
    def counts(self) -> dict[str, int]:
        found = Counter(mismatch.kind for mismatch in self.mismatches)
        return {kind: found[kind] for kind in KINDS}

    def to_json(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "versions": [version.to_json() for version in self.versions],
            "keys": self.keys,
            "counts": self.counts,
            "mismatches": [mismatch.to_json() for mismatch in self.mismatches],
            "acknowledgement": self.acknowledgement,
        }


@dataclass(frozen=True)
class ParallelReport:
    """Every resolution checked, in the order given: what ``resdiff parallel`` prints."""

    checks: tuple[ParallelCheck, ...]
    # resolutions given in one language only (a glob over a session's folders finds many: the English
    # folder holds every text, the others only some), named rather than failing the whole run
    unchecked: tuple[str, ...] = ()

    @property
    def differs(self) -> bool:
        return any(check.mismatches for check in self.checks)

    @property
    def counts(self) -> dict[str, int]:
        return {kind: sum(check.counts[kind] for check in self.checks) for kind in KINDS}

    @property
    def acknowledgement(self) -> str | None:
        return next((c.acknowledgement for c in self.checks if c.acknowledgement), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "checks": [check.to_json() for check in self.checks],
            "counts": self.counts,
            "acknowledgement": self.acknowledgement,
            "unchecked": list(self.unchecked),
        }


def group(resolutions: Sequence[Resolution]) -> list[list[Resolution]]:
    """Texts given in any order put together by resolution (their symbol), each resolution's versions
    in the UN's order of languages (English first), the resolutions in the order first given. Two
    texts of one resolution in the same language are refused: which one is the version?"""
    by_symbol: dict[str | None, list[Resolution]] = {}
    for resolution in resolutions:
        by_symbol.setdefault(resolution.symbol, []).append(resolution)
    groups = []
    for symbol, versions in by_symbol.items():
        seen: set[str] = set()
        for version in versions:
            language = version.language or "en"
            if language in seen:
                raise InputError(
                    f"two texts of {symbol or 'a resolution without a symbol'} in {language}: give one "
                    "file per language"
                )
            seen.add(language)
        groups.append(sorted(versions, key=lambda r: LANGUAGES.index(r.language or "en")))
    return groups


def check(versions: Sequence[Resolution]) -> ParallelCheck:
    """Compare the language versions of one resolution; raises ``InputError`` for fewer than two."""
    if len(versions) < 2:
        symbol = versions[0].symbol if versions else None
        raise InputError(
            f"{symbol or 'the resolution'}: only one language version given; a parallel check needs two "
            "or more (--langs en,fr or one file per language)"
        )
    languages = [v.language or "en" for v in versions]
    texts = {language: {c.key: c for c in v.clauses} for language, v in zip(languages, versions, strict=True)}
    order = _union_order([[c.key for c in v.clauses] for v in versions])
    mismatches: list[Mismatch] = []
    mismatches += _missing(order, languages, texts)
    mismatches += _order(languages, versions)
    for key in order:
        present = [language for language in languages if key in texts[language]]
        if len(present) < 2:
            continue
        clauses = {language: texts[language][key] for language in present}
        for kind, value_of in _CHECKS:
            found = _disagreement(kind, key, clauses, value_of)
            if found is not None:
                mismatches.append(found)
    return ParallelCheck(
        symbol=next((v.symbol for v in versions if v.symbol), None),
        versions=tuple(
            Version(language, v.symbol, v.title, v.source.name if v.source else None, len(v.clauses))
            for language, v in zip(languages, versions, strict=True)
        ),
        keys=len(order),
        mismatches=tuple(mismatches),
        acknowledgement=(
            AKN_ACKNOWLEDGEMENT if any(v.source and v.source.reader == AKN_READER for v in versions) else None
        ),
    )


def check_all(resolutions: Sequence[Resolution]) -> ParallelReport:
    """Every resolution among RESOLUTIONS (any order, any mix) checked across its versions; one given
    in a single language is named as unchecked, and only when no resolution has two versions is that
    an error (``check``'s)."""
    groups = group(resolutions)
    checkable = [versions for versions in groups if len(versions) > 1]
    if not checkable:
        return ParallelReport((check(groups[0] if groups else []),))
    alone = [versions[0] for versions in groups if len(versions) < 2]
    unchecked = tuple(text.symbol or "a resolution without a symbol" for text in alone)
    return ParallelReport(tuple(check(versions) for versions in checkable), unchecked)


def _union_order(orders: list[list[str]]) -> list[str]:
    """Every key of every version, each where it first stands: the first version's order, a key only
    another has after the key that precedes it there."""
    merged: list[str] = []
    for keys in orders:
        for index, key in enumerate(keys):
            if key in merged:
                continue
            before = next((k for k in reversed(keys[:index]) if k in merged), None)
            merged.insert(merged.index(before) + 1 if before is not None else 0, key)
    return merged


def _missing(order: list[str], languages: list[str], texts: dict[str, dict[str, Clause]]) -> list[Mismatch]:
    found = []
    for key in order:
        absent = tuple(language for language in languages if key not in texts[language])
        if not absent:
            continue
        have = [language for language in languages if key in texts[language]]
        found.append(
            Mismatch(
                kind=MISSING,
                key=key,
                languages=absent,
                detail=f"not in {', '.join(absent)} (in {', '.join(have)})",
                values=tuple((language, "present" if language in have else "-") for language in languages),
                excerpts=tuple((language, _excerpt(texts[language][key].text, "")) for language in have),
            )
        )
    return found


def _order(languages: list[str], versions: Sequence[Resolution]) -> list[Mismatch]:
    """The first key where a version's order of the keys all versions share leaves the first's."""
    shared = set.intersection(*({c.key for c in v.clauses} for v in versions))
    sequences = {
        language: [c.key for c in v.clauses if c.key in shared]
        for language, v in zip(languages, versions, strict=True)
    }
    reference = sequences[languages[0]]
    found = []
    for language in languages[1:]:
        sequence = sequences[language]
        at = next((i for i, (a, b) in enumerate(zip(reference, sequence, strict=True)) if a != b), None)
        if at is None:
            continue
        found.append(
            Mismatch(
                kind=ORDER,
                key=reference[at],
                languages=(language,),
                detail=f"{language} has {sequence[at]} where {languages[0]} has {reference[at]}",
                values=(
                    (languages[0], " ".join(reference[at : at + 4])),
                    (language, " ".join(sequence[at : at + 4])),
                ),
                excerpts=(),
            )
        )
    return found


def _notes(clauses: dict[str, Clause]) -> dict[str, Counter[str]]:
    return {language: Counter(clause.notes) for language, clause in clauses.items()}


def _symbols(clauses: dict[str, Clause]) -> dict[str, Counter[str]]:
    return {language: language_numbers.symbols(clause.text) for language, clause in clauses.items()}


def _values(clauses: dict[str, Clause]) -> dict[str, Counter[str]]:
    """Each version's numbers and dates, with those it writes in words where its language's words are
    read ("thirteenth" and "13a" and "第十三" agree); where a version whose words are not read (Russian,
    Arabic) is among them, a value any version wrote in words is left out: that version may well write
    it in words too, and so hold it unseen."""
    digits = {language: language_numbers.values(c.text, language) for language, c in clauses.items()}
    words = {language: language_numbers.word_values(c.text, language) for language, c in clauses.items()}
    if all(language_numbers.reads_words(language) for language in clauses):
        return {language: digits[language] + words[language] for language in clauses}
    from_words = {value for counter in words.values() for value in counter}
    return {
        language: Counter({v: n for v, n in counter.items() if v not in from_words})
        for language, counter in digits.items()
    }


_CHECKS: tuple[tuple[str, Callable[[dict[str, Clause]], dict[str, Counter[str]]]], ...] = (
    (FOOTNOTES, _notes),
    (CITATIONS, _symbols),
    (NUMBERS, _values),
)


def _disagreement(
    kind: str,
    key: str,
    clauses: dict[str, Clause],
    values_of: Callable[[dict[str, Clause]], dict[str, Counter[str]]],
) -> Mismatch | None:
    """The mismatch of one kind in one clause, or None where every version holds the same values."""
    held = values_of(clauses)
    groups: dict[tuple[tuple[str, int], ...], list[str]] = {}
    for language, counter in held.items():
        groups.setdefault(tuple(sorted(counter.items())), []).append(language)
    if len(groups) == 1:
        return None
    majority = max(groups.values(), key=len)  # the first largest group: the first version's in a tie
    expected = held[majority[0]]
    differing = tuple(language for language in clauses if language not in majority)
    details = []
    for language in differing:
        extra = held[language] - expected
        lacking = expected - held[language]
        words = []
        if lacking:
            words.append("lacks " + ", ".join(_spell(lacking)))
        if extra:
            words.append("has " + ", ".join(_spell(extra)))
        details.append(f"{language} " + " and ".join(words))
    focus = {
        language: next(iter((held[language] - expected) or (expected - held[language]) or held[language]), "")
        for language in clauses
    }
    return Mismatch(
        kind=kind,
        key=key,
        languages=differing,
        detail="; ".join(details) + f" (as {', '.join(majority)})",
        values=tuple((language, ", ".join(_spell(counter)) or "none") for language, counter in held.items()),
        excerpts=tuple(
            (language, _excerpt(clause.text, focus[language] if kind != FOOTNOTES else ""))
            for language, clause in clauses.items()
        ),
    )


def _spell(counter: Counter[str]) -> list[str]:
    """Values in the order they first stand, a value held twice as ``63/71 ×2``."""
    return [value if count == 1 else f"{value} ×{count}" for value, count in counter.items()]


def _excerpt(text: str, focus: str) -> str:
    """About ``EXCERPT`` characters of a clause around the first place FOCUS (a value or a symbol)
    stands in it as written, else the clause's opening (a month is ``--12``, a number in words)."""
    if len(text) <= EXCERPT:
        return text
    at = text.find(focus) if focus else -1
    if at < 0:
        return text[:EXCERPT].rstrip() + " …"
    start = max(0, at - EXCERPT // 2)
    end = min(len(text), start + EXCERPT)
    start = max(0, end - EXCERPT)
    return ("… " if start else "") + text[start:end].strip() + (" …" if end < len(text) else "")
