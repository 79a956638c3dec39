"""Symbols, series slugs and REFs: pure string rules, no I/O and no git.

A symbol becomes a file name only through ``safe_name``, which accepts nothing that
``SYMBOL_RE`` did not validate first: that is what keeps ``72/54/../../x`` out of the file system.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .errors import CorpusError, RefError
from .model import LANGUAGES

ENGLISH = "en"

# A/RES/72/54, A/RES/ES-10/21, A/RES/S-27/2, A/RES/72/54 B (a part of a multi-part resolution)
RESOLUTION_RE = re.compile(
    r"^A/RES/(?P<session>(?:ES-|S-)?[1-9][0-9]{0,2})/(?P<number>[1-9][0-9]{0,3})(?: (?P<part>[A-Z]))?\Z"
)
# drafts: A/C.1/80/L.52 (a Main Committee's), A/C.1/80/L.43/Rev.1 (revised), A/80/L.12 (the plenary's)
DRAFT_RE = re.compile(
    r"^A/(?:C\.(?P<committee>[1-6])/)?(?P<session>(?:ES-|S-)?[1-9][0-9]{0,2})/L\.(?P<number>[1-9][0-9]{0,3})"
    r"(?:/Rev\.(?P<revision>[1-9][0-9]?))?\Z"
)
SYMBOL_RE = re.compile(f"{RESOLUTION_RE.pattern}|{DRAFT_RE.pattern.replace('?P<', '?P<d_')}")
# what users type: any case, with or without "A/RES/", part letter with or without a space
_LOOSE_SYMBOL_RE = re.compile(
    r"^(?:A/RES/)?(?P<session>(?:ES-|S-)?[0-9]{1,3})/(?P<number>[0-9]{1,4})(?: ?(?P<part>[A-Z]))?\Z"
)
# the file-name form (A_RES_72_54), so that a file stem also works as a REF
_STEM_RE = re.compile(
    r"^A_RES_(?P<session>(?:ES-|S-)?[0-9]{1,3})_(?P<number>[0-9]{1,4})(?:_(?P<part>[A-Z]))?\Z"
)
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# what a REF reads as a year after a slug: up to six digits (a commit is named by more, or HEAD~N)
_REF_YEAR_RE = re.compile(r"^[0-9]{1,6}\Z")
MAX_SLUG_LENGTH = 60
FILE_SUFFIX = ".txt"
SOURCES = "sources"  # the corpus folder holding the bytes texts were normalized from: never a series


_LOOSE_DRAFT_RE = re.compile(
    r"^A[/_](?:C\.(?P<committee>[0-9])[/_])?(?P<session>(?:ES-|S-)?[0-9]{1,3})[/_]L\.(?P<number>[0-9]{1,4})"
    r"(?:[/_]REV\.(?P<revision>[0-9]{1,2}))?\Z"
)


def parse_symbol(text: str) -> str | None:
    """The canonical symbol a user's spelling stands for (``72/54`` -> ``A/RES/72/54``), or None."""
    candidate = text.strip().upper()
    draft = _LOOSE_DRAFT_RE.match(candidate)
    if draft is not None:
        symbol = "A/" + (f"C.{draft['committee']}/" if draft["committee"] else "")
        symbol += f"{_session(draft['session'])}/L.{int(draft['number'])}"
        symbol += f"/Rev.{int(draft['revision'])}" if draft["revision"] else ""
        return symbol if DRAFT_RE.match(symbol) else None
    match = _LOOSE_SYMBOL_RE.match(candidate) or _STEM_RE.match(candidate)
    if match is None:
        return None
    symbol = f"A/RES/{_session(match['session'])}/{int(match['number'])}"
    if match["part"]:
        symbol = f"{symbol} {match['part']}"
    return symbol if SYMBOL_RE.match(symbol) else None


def _session(text: str) -> str:
    """``080`` -> ``80``, ``ES-010`` -> ``ES-10``."""
    kind, _, session = text.rpartition("-")
    return f"{kind + '-' if kind else ''}{int(session)}"


def validate_symbol(symbol: str | None, origin: str) -> str:
    """The symbol, if it is strictly well formed; a refusal naming ``origin`` otherwise."""
    if symbol is None:
        raise CorpusError(
            f"{origin}: no document symbol (A/RES/<session>/<number>) found in its heading; "
            "a text without a symbol cannot be stored in the corpus"
        )
    if SYMBOL_RE.match(symbol) is None:
        raise CorpusError(
            f"{origin}: refusing the symbol {symbol!r}: a corpus symbol must read A/RES/<session>/<number> "
            "(e.g. A/RES/72/54), or be a draft's (A/C.1/80/L.52); fix the heading of the text"
        )
    return symbol


def safe_name(symbol: str, language: str | None = None) -> str:
    """The corpus file name of a validated symbol in a language: ``A/RES/72/54`` -> ``A_RES_72_54.txt``
    (English, or a text whose language is not known), ``A_RES_80_52.fr.txt`` (each other language
    beside it)."""
    if SYMBOL_RE.match(symbol) is None:
        raise CorpusError(f"refusing to form a file name from the symbol {symbol!r}")
    if language is not None and language not in LANGUAGES:
        raise CorpusError(f"refusing to form a file name in the language {language!r}")
    return checked_file_name(symbol, language)


def checked_file_name(symbol: str, language: str | None) -> str:
    """``safe_name`` of a symbol and language already checked (the index forms 20,000 of them)."""
    suffix = FILE_SUFFIX if language in (None, ENGLISH) else f".{language}{FILE_SUFFIX}"
    return symbol.replace("/", "_").replace(" ", "_") + suffix


def _split_file_name(name: str) -> tuple[str, str | None] | None:
    """(stem, language) of a corpus file name, or None for a name that is none."""
    if not name.endswith(FILE_SUFFIX):
        return None
    stem = name[: -len(FILE_SUFFIX)]
    head, dot, language = stem.rpartition(".")
    if dot and language in LANGUAGES and language != ENGLISH:
        return head, language
    return stem, None


def symbol_of_file_name(name: str) -> str | None:
    """The symbol a corpus file name stands for, or None for a name ``safe_name`` never makes."""
    split = _split_file_name(name)
    if split is None:
        return None
    symbol = parse_symbol(split[0])
    return symbol if symbol is not None and safe_name(symbol, split[1]) == name else None


def language_of_file_name(name: str) -> str | None:
    """The language a corpus file name says (``A_RES_80_52.fr.txt``: fr); None for English's own names."""
    split = _split_file_name(name)
    return None if split is None else split[1]


def short_symbol(symbol: str) -> str:
    """How resolutions cite each other: ``A/RES/72/54`` -> ``72/54`` (a draft keeps its whole symbol)."""
    return symbol.removeprefix("A/RES/")


@functools.lru_cache(maxsize=1 << 16)  # a pure function, called for every member of every series listed
def symbol_sort_key(symbol: str) -> tuple[int, int, int, str, str]:
    """Orders symbols by session, a session's drafts before its resolutions, then by number (ES-/S-
    sessions after regular sessions of that number): a series reads 79/58, A/C.1/80/L.52, 80/52."""
    match = RESOLUTION_RE.match(symbol)
    draft = DRAFT_RE.match(symbol) if match is None else None
    if draft is not None:
        kind = draft["session"].split("-")[0] if "-" in draft["session"] else ""
        order = f"{kind}:{draft['committee'] or ''}:{int(draft['revision'] or 0):02d}"
        return (int(draft["session"].split("-")[-1]), 0, int(draft["number"]), order, "")
    if match is None:
        return (10**6, 0, 0, "", symbol)
    session = match["session"]
    kind = session.split("-")[0] if "-" in session else ""
    return (int(session.split("-")[-1]), 1, int(match["number"]), kind, match["part"] or "")


def session_of(symbol: str) -> int | None:
    """The regular session a symbol belongs to (None for special and emergency special sessions)."""
    match = RESOLUTION_RE.match(symbol) or DRAFT_RE.match(symbol)
    if match is None or "-" in match["session"]:
        return None
    return int(match["session"])


def validate_slug(slug: str) -> str:
    if len(slug) > MAX_SLUG_LENGTH or SLUG_RE.match(slug) is None:
        raise CorpusError(
            f"refusing the series name {slug!r}: use lower-case letters, digits and single hyphens "
            f"(at most {MAX_SLUG_LENGTH} characters), e.g. cluster-munitions"
        )
    if slug == SOURCES:
        raise CorpusError(f"refusing the series name {slug!r}: the corpus keeps its sources in {SOURCES}/")
    return slug


_DASHES_RE = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_SLUG_STOP_WORDS = frozenset(
    ("a", "an", "and", "as", "at", "by", "for", "from", "in", "its", "of", "on", "the", "to", "with")
)
# What many annual resolutions lead with and names no subject: "Implementation of the Convention on
# Cluster Munitions" is the series on cluster munitions, as the UN's own files call it.
_GENERIC_LEAD_RE = re.compile(r"^implementation\s+of\s+(?:the\s+)?", re.IGNORECASE)
_CONVENTION_RE = re.compile(r"^convention\s+on\s+(?:the\s+)?(?P<subject>\S.*)$", re.IGNORECASE)
# "Prohibition of the Development, Production, Stockpiling and Use of Chemical Weapons and on Their
# Destruction": what a convention prohibits is named after the last "of"
_PROHIBITION_RE = re.compile(r"^prohibitions?\b.*\bof\s+(?:the\s+)?(?P<object>\S.*?)$", re.IGNORECASE)
_DESTRUCTION_RE = re.compile(r"\s+and\s+on\s+their\s+destruction\s*$", re.IGNORECASE)
_RELATIVE_CLAUSE_RE = re.compile(r"\s+which\s+.*$", re.IGNORECASE)


def series_subject(title: str) -> str:
    """The words of a title that name its series' subject (see ``slugify``)."""
    subject = _GENERIC_LEAD_RE.sub("", title.strip())
    convention = _CONVENTION_RE.match(subject)
    if convention and subject != title.strip():  # only an implemented convention: its subject is the series
        subject = _DESTRUCTION_RE.sub("", convention["subject"])
        prohibited = _PROHIBITION_RE.match(subject)
        if prohibited:
            subject = prohibited["object"]
        subject = _RELATIVE_CLAUSE_RE.sub("", subject)
    return subject


def plain_title(title: str) -> str:
    """A title with its typographic variants read as their plain forms: every dash (a non-breaking
    hyphen in one year's "non-nuclear-weapon", a minus) a hyphen, curly quotes straight, any run of
    spaces one space. Two years of one title often differ in nothing else."""
    text = _DASHES_RE.sub("-", unicodedata.normalize("NFKC", title)).translate(_QUOTES)
    return " ".join(text.split())


def title_key(title: str | None) -> str:
    """A title as pairing compares it: the same words whatever their case, dashes, quotes or spacing."""
    return plain_title(title).casefold().rstrip(" .") if title else ""


def slugify(title: str) -> str:
    """A deterministic series name from a title: its subject's words less the small ones, cut at a word
    boundary, never inside a hyphenated compound ("non-nuclear-weapon" comes whole or not at all, so a
    compound is never left as a stub like "non"). The title is read plain (``plain_title``), so the
    years of one title get one name whatever their dashes; a word's apostrophe joins it ("people's"
    -> peoples). The subject drops a leading "Implementation of the", and of an implemented
    convention keeps what the convention is on (or prohibits):

    "Implementation of the Convention on Cluster Munitions" -> cluster-munitions
    "Implementation of the Convention on the Prohibition of the Development, Production, Stockpiling
    and Use of Chemical Weapons and on Their Destruction" -> chemical-weapons
    "Implementation of the Declaration of the Indian Ocean as a Zone of Peace"
    -> declaration-indian-ocean-zone-peace
    "The Arms Trade Treaty" -> arms-trade-treaty
    """
    subject = unicodedata.normalize("NFKD", series_subject(plain_title(title)))
    ascii_title = subject.encode("ascii", "ignore").decode("ascii").lower().replace("'", "")
    slug = ""
    for compound in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", ascii_title):
        words = "-".join(w for w in compound.split("-") if w not in _SLUG_STOP_WORDS)
        if not words:
            continue
        longer = f"{slug}-{words}" if slug else words
        if len(longer) > MAX_SLUG_LENGTH:
            break
        slug = longer
    return slug


@dataclass(frozen=True)
class Ref:
    """A REF that is not a file path: a symbol, or a series with an optional year; maybe in a language
    (None: not named, which is English where the corpus has it) and at a revision."""

    text: str
    symbol: str | None = None
    series: str | None = None
    year: int | None = None
    rev: str | None = None
    language: str | None = None


def parse_ref(ref: str) -> Ref:
    """Split a REF: after a symbol, ``@`` starts a language or a revision; after a slug, a year, then
    a language, then a revision.

    A slug never contains ``/``, so ``slug@2017`` and ``72/54@HEAD~1`` cannot be confused; a part of
    up to six digits right after a slug is always read as a year (``slug@99999``: a year with no text).
    A part that is exactly one of the six language codes (``en fr es ru ar zh``) right after the symbol
    or year is the language (``80/52@fr``, ``80/52@fr@HEAD~1``, ``cluster-munitions@2025@zh``); any
    other part is a git revision (a branch named like a language code is reached as ``heads/fr``).
    """
    head, at, tail = ref.partition("@")
    symbol = parse_symbol(head)
    if symbol is not None:
        language, tail, at = _language(tail) if at else (None, tail, at)
        return Ref(text=ref, symbol=symbol, rev=_rev(ref, tail) if at else None, language=language)
    slug = head.strip().lower()
    if not SLUG_RE.match(slug):
        raise RefError(
            f"{ref!r} is neither a file, a symbol (A/RES/72/54, 72/54) nor a series (cluster-munitions@2017)"
        )
    if not at:
        return Ref(text=ref, series=slug)
    first, at2, rest = tail.partition("@")
    year = None
    if _REF_YEAR_RE.match(first):
        year, tail, at = int(first), rest, at2
        if not at:
            return Ref(text=ref, series=slug, year=year)
    language, tail, at = _language(tail)
    return Ref(text=ref, series=slug, year=year, rev=_rev(ref, tail) if at else None, language=language)


def _language(tail: str) -> tuple[str | None, str, str]:
    """(language, what follows it, "@" if anything does) of a REF's part after an ``@``."""
    first, at, rest = tail.partition("@")
    if first in LANGUAGES:
        return first, rest, at
    return None, tail, "@"


def _rev(ref: str, rev: str) -> str:
    if not rev or rev.startswith("-") or any(c.isspace() for c in rev):
        raise RefError(f"{ref!r}: {rev!r} is not a git revision (try HEAD~1 or a commit sha after '@')")
    return rev
