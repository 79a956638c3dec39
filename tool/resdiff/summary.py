"""The summary a change report opens with, as data: counts, new and dropped paragraphs, numbers and
dates updated, operative verbs strengthened or weakened.

Computed from the records only when a report shows it (``report.Report.summary``), so that
``resdiff diff --format json`` never loads it.

The operative-verb scale is ordinal and deliberately small: within one family of verbs a later
tier is stronger; inside a tier an intensifier raises the strength ("strongly", "urgently",
"grave" > "strong", "serious", "deep", "with appreciation" > none). Verbs of different families,
or phrases the scale does not know, are reported as "changed" rather than guessed.

* acknowledgement: Notes < Takes note < Welcomes
* exhortation: Invites < Encourages < Calls upon < Urges < Urgently calls upon = Strongly urges < Demands
* concern: Expresses concern < Deplores < Condemns

A verb in another language is placed on the scale by the English verb it renders
(``languages.verbs.english``: the pairing the UN's own parallel texts give); numbers and dates are
read as the text's language writes them (``languages.dates``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from .languages import MONTH_NAMES
from .languages.dates import date_pattern, number_word_pattern
from .model import Resolution
from .records import ADDED, DELETED, KINDS, TAG_NUMBERS, TAG_VERB, Change, Comparison
from .redline import verb_core
from .report import pair_label

STRENGTHENED = "strengthened"
WEAKENED = "weakened"
CHANGED = "changed"

# summary headings every renderer uses: the keys of a new paragraph are NEW's, of a dropped one OLD's
ADDED_HEADING = "New paragraphs (numbered as in the new text)"
DELETED_HEADING = "Dropped paragraphs (numbered as in the old text)"
NUMBERS_HEADING = "Numbers and dates updated"
VERBS_HEADING = "Operative verbs strengthened or weakened"

_VERB_FAMILIES: dict[str, tuple[tuple[str, ...], ...]] = {
    "acknowledgement": (("notes",), ("takes note",), ("welcomes",)),
    "exhortation": (
        ("invites",),
        ("encourages",),
        ("calls upon", "calls on"),
        ("urges",),
        ("urgently calls upon", "urgently calls on", "strongly urges"),
        ("demands",),
    ),
    "concern": (("expresses concern",), ("deplores",), ("condemns",)),
}
_VERB_TIERS: dict[str, tuple[str, int]] = {
    phrase: (family, tier)
    for family, tiers in _VERB_FAMILIES.items()
    for tier, phrases in enumerate(tiers)
    for phrase in phrases
}
# words that change the strength of the verb they qualify, and how much
_INTENSIFIERS = {
    "strongly": 2,
    "urgently": 2,
    "grave": 2,
    "strong": 1,
    "serious": 1,
    "deep": 1,
    "deeply": 1,
    "with appreciation": 1,
    "with satisfaction": 1,
}
_INTENSIFIER_RE = re.compile(r"\b(?:" + "|".join(sorted(_INTENSIFIERS, key=len, reverse=True)) + r")\b")

_MONTHS = "|".join(MONTH_NAMES)
_NUMBER_WORDS = (
    r"(?:[a-z]+-)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]+teen|[a-z]+teenth|[a-z]+tieth|hundredth)"
)


@cache
def _value_re(language: str | None = None) -> re.Pattern[str]:
    """A value is a date as LANGUAGE writes it (in English also a span of days: "14 to 18 September
    2026", "30 August to 2 September 2022"), a year range, a number, or a number written out; the
    summary lists values, never the words around them. A cited symbol (72/54, A/RES/72/54) is matched
    too, so that it is never read as two numbers, but it is not a value. Compiled on first use:
    ``resdiff diff --format json`` never needs it."""
    other = number_word_pattern(language)
    english = language in (None, "en")
    words = rf"|\b(?i:{_NUMBER_WORDS})\b" if english else f"|{other}" if other else ""
    dates = (
        rf"(?:\b\d{{1,2}}(?:\s+(?:{_MONTHS}))?\s*(?:\bto\b|\band\b|[-–])\s*)?"
        rf"(?:\b\d{{1,2}}\s+)?\b(?:{_MONTHS})\b(?:\s+\d{{4}})?"
        if english
        else date_pattern(language)
    )
    return re.compile(
        r"(?P<symbol>(?<![A-Za-z0-9])(?:[A-Z]+/)*[0-9]+/[0-9]+(?:/[A-Za-z0-9]+)*)"
        rf"|{dates}"
        r"|\d+(?:[.,]\d+)*(?:\s*[-–]\s*\d+)?" + words
    )


@dataclass(frozen=True)
class ClauseNote:
    """A paragraph the summary names: its keys and its text (new text if added, old if dropped)."""

    keys: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class ValueUpdate:
    old: str  # "" when the values were only added
    new: str  # "" when they were only dropped
    place: str = ""  # a table's cell: its row label and column head ("Atlantis, Scale")

    @property
    def label(self) -> str:
        """'119 → 124'; values only added or dropped read as such, not as '— → 4 December 2017'; a
        table's cell says which ('Atlantis, Scale: 0.006 → 0.007')."""
        where = f"{self.place}: " if self.place else ""
        if not self.old:
            return f"{where}added {self.new}"
        if not self.new:
            return f"{where}dropped {self.old}"
        return f"{where}{self.old} → {self.new}"


@dataclass(frozen=True)
class NumberUpdate:
    old: tuple[str, ...]
    new: tuple[str, ...]
    updates: tuple[ValueUpdate, ...]


@dataclass(frozen=True)
class VerbChange:
    old: tuple[str, ...]
    new: tuple[str, ...]
    old_verb: str | None
    new_verb: str | None
    direction: str  # STRENGTHENED, WEAKENED or CHANGED

    @property
    def label(self) -> str:
        return f"{self.old_verb or '—'} → {self.new_verb or '—'}"


@dataclass(frozen=True)
class Summary:
    counts: tuple[tuple[str, int], ...]  # every kind of records.KINDS, then "moved"
    added: tuple[ClauseNote, ...]
    deleted: tuple[ClauseNote, ...]
    numbers: tuple[NumberUpdate, ...]
    verbs: tuple[VerbChange, ...]

    def sections(self) -> tuple[SummarySection, ...]:
        """The summary's lists in reading order, as plain text: each renderer only lays them out."""
        return (
            SummarySection("added", ADDED_HEADING, tuple(_clause_item(n) for n in self.added)),
            SummarySection("deleted", DELETED_HEADING, tuple(_clause_item(n) for n in self.deleted)),
            SummarySection(
                "numbers",
                NUMBERS_HEADING,
                tuple(
                    SummaryItem(
                        pair_label(n.old, n.new), "; ".join(u.label for u in n.updates) or "see the redline"
                    )
                    for n in self.numbers
                ),
            ),
            SummarySection(
                "verbs",
                VERBS_HEADING,
                tuple(SummaryItem(pair_label(v.old, v.new), v.label, v.direction) for v in self.verbs),
            ),
        )


@dataclass(frozen=True)
class SummaryItem:
    """One line of a summary list: the clause keys, what it says, and a remark ("strengthened")."""

    keys: str
    text: str
    remark: str | None = None


@dataclass(frozen=True)
class SummarySection:
    id: str  # added, deleted, numbers, verbs
    heading: str
    items: tuple[SummaryItem, ...]


def _clause_item(note: ClauseNote) -> SummaryItem:
    return SummaryItem(" + ".join(note.keys), note.text)


def summarize(comparison: Comparison) -> Summary:
    counts = comparison.summary()
    changes = comparison.changes
    language = comparison.language
    return Summary(
        counts=tuple((name, counts[name]) for name in (*KINDS, "moved")),
        added=tuple(ClauseNote(c.new, c.new_text) for c in changes if c.kind == ADDED),
        deleted=tuple(ClauseNote(c.old, c.old_text) for c in changes if c.kind == DELETED),
        numbers=tuple(
            NumberUpdate(c.old, c.new, _updates(c, language)) for c in changes if TAG_NUMBERS in c.tags
        ),
        verbs=tuple(_verb_change(comparison, c) for c in changes if TAG_VERB in c.tags),
    )


# --- numbers and dates --------------------------------------------------------------------------


def _updates(change: Change, language: str | None) -> tuple[ValueUpdate, ...]:
    """A record's number updates; a table's cell by cell, each naming its cell (the table's text
    run together would pair one row's figures with another's), for the cells both tables have (a
    row or column added or dropped is the table's news, not a figure updated)."""
    if change.table is None:
        return value_updates(change.diff, language)
    return tuple(
        replace(update, place=f"{cell.row}, {cell.column}")
        for cell in change.cells
        if cell.old is not None and cell.new is not None
        for update in value_updates(cell.diff, language)
    )


def value_updates(diff: tuple[tuple[int, str], ...], language: str | None = None) -> tuple[ValueUpdate, ...]:
    """The numbers and dates a redline replaces, as whole values ("4 December 2017" →
    "1 December 2025", never "4" → "1" and "2017" → "2025"; "2017年12月4日" whole), in reading order."""
    old_text = "".join(text for op, text in diff if op <= 0)
    new_text = "".join(text for op, text in diff if op >= 0)
    hunks: list[tuple[int, int, int, int]] = []
    old_at = new_at = 0
    for op, text in diff:
        if op == 0:
            old_at += len(text)
            new_at += len(text)
            continue
        old_end = old_at + (len(text) if op < 0 else 0)
        new_end = new_at + (len(text) if op > 0 else 0)
        if hunks and hunks[-1][1] == old_at and hunks[-1][3] == new_at:
            hunks[-1] = (hunks[-1][0], old_end, hunks[-1][2], new_end)
        else:
            hunks.append((old_at, old_end, new_at, new_end))
        old_at, new_at = old_end, new_end
    value_re = _value_re(language)
    old_matches = list(value_re.finditer(old_text))
    new_matches = list(value_re.finditer(new_text))
    widened: list[tuple[int, int, int, int]] = []
    for old_start, old_end, new_start, new_end in hunks:
        old_start, old_end = _widen(old_text, old_start, old_end, old_matches, language)
        new_start, new_end = _widen(new_text, new_start, new_end, new_matches, language)
        if widened and (old_start < widened[-1][1] or new_start < widened[-1][3]):
            previous = widened.pop()
            old_start, new_start = previous[0], previous[2]
            old_end, new_end = max(old_end, previous[1]), max(new_end, previous[3])
        widened.append((old_start, old_end, new_start, new_end))
    updates = []
    for old_start, old_end, new_start, new_end in widened:
        old_part = old_text[old_start:old_end].strip(" ,;:.")
        new_part = new_text[new_start:new_end].strip(" ,;:.")
        old_values, new_values = _values(old_part, value_re), _values(new_part, value_re)
        if old_values == new_values:
            continue  # words or citations changed here, not numbers
        updates.append(ValueUpdate(", ".join(old_values), ", ".join(new_values)))
    return tuple(updates)


def _values(text: str, value_re: re.Pattern[str]) -> list[str]:
    return [match[0] for match in value_re.finditer(text) if not match["symbol"]]


def _widen(
    text: str, start: int, end: int, values: list[re.Match[str]], language: str | None
) -> tuple[int, int]:
    """Grow a span to whole words and to any value or symbol it cuts or touches from inside (a
    Chinese text has no spaces: there the redline's own words, never split, are the words)."""
    is_word = _is_word if language != "zh" else _is_latin_word
    while 0 < start < len(text) and is_word(text[start - 1]) and is_word(text[start]):
        start -= 1
    while 0 < end < len(text) and is_word(text[end - 1]) and is_word(text[end]):
        end += 1
    for match in values:
        if (match.start() < end and start < match.end()) or start == end == match.start():
            start, end = min(start, match.start()), max(end, match.end())
    return start, end


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "/"


def _is_latin_word(char: str) -> bool:
    return (char.isascii() and char.isalnum()) or char == "/"


# --- operative verbs ----------------------------------------------------------------------------


def verb_strength(phrase: str, language: str | None = None) -> tuple[str, int, int] | None:
    """(family, tier, intensity) of an operative verb phrase, or None when the scale does not know it
    (a phrase in another language: the English verb it renders, where the verb tables know it)."""
    if language not in (None, "en"):
        from .languages import verbs

        english = verbs.english(phrase, language)
        if english is None:
            return None
        phrase = english
    text = verb_core(phrase)  # no strength in "Also urges", "Further requests", "Expresses its concern"
    if text in _VERB_TIERS:
        family, tier = _VERB_TIERS[text]
        return family, tier, 0
    intensity = max((_INTENSIFIERS[m[0]] for m in _INTENSIFIER_RE.finditer(text)), default=0)
    plain = " ".join(_INTENSIFIER_RE.sub(" ", text).split())
    if plain not in _VERB_TIERS:
        return None
    family, tier = _VERB_TIERS[plain]
    return family, tier, intensity


def verb_direction(old_verb: str | None, new_verb: str | None, language: str | None = None) -> str:
    old = verb_strength(old_verb, language) if old_verb else None
    new = verb_strength(new_verb, language) if new_verb else None
    if old is None or new is None or old[0] != new[0] or old[1:] == new[1:]:
        return CHANGED
    return STRENGTHENED if new[1:] > old[1:] else WEAKENED


def _verb_change(comparison: Comparison, change: Change) -> VerbChange:
    old_verb = change.old_verb or _first_verb(comparison.old, change.old)
    new_verb = change.new_verb or _first_verb(comparison.new, change.new)
    direction = verb_direction(old_verb, new_verb, comparison.language)
    return VerbChange(change.old, change.new, old_verb, new_verb, direction)


def _first_verb(resolution: Resolution, keys: tuple[str, ...]) -> str | None:
    """A record may come without its verbs (its verb fields are optional): the clauses have them."""
    return next((c.verb for c in resolution.clauses if c.key in keys and c.verb), None)
