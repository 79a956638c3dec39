"""A whole session against its predecessor: every resolution of the newer session paired with the one it
re-adopts, one ``compare`` per pair, and what is new or was not re-adopted (what ``resdiff session
--format json`` prints).

A pair is found from what the texts say, never from file names, strongest evidence first:

* ``recalls``: the new text's lineage paragraph ("Recalling its resolutions ... and 79/58 of 2 December
  2024", ``series.lineage_citations``) recites the older text: the Assembly's own account of the series;
* ``title``: the same title, compared without case, dash variants (a non-breaking hyphen in one year's
  "non-nuclear-weapon") or spacing;
* ``similar title``: titles that differ by a few words ("2025 review of ..." → "2026 review of ..."), in
  the same Main Committee.

Each older text pairs with at most one newer one, the strongest evidence first; among texts of equal
evidence (one title shared by several resolutions, as the Fifth Committee's are) the most similar words
decide. A newer text may pair with a text of any earlier session given (a biennial resolution with the
one two sessions back, which it recites).

What no pair explains is said with its reason:

* a new text (``new``) recites no predecessor given; if it recites one of the older session that is not
  among the texts, it is ``predecessor not given``; if its last predecessor is two or three sessions
  back, it is adopted every second or third session (``biennial``/``triennial``);
* an older text of the previous session that nothing re-adopts is ``not due this session`` where its own
  lineage paragraph shows it biennial or triennial (its last predecessor two or three sessions before
  it), else ``not re-adopted``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from rapidfuzz import fuzz

from .compare import compare
from .errors import InputError
from .evolution import carried_over
from .model import Resolution
from .records import TAG_CITATIONS, TAG_FOOTNOTES, TAG_NUMBERS, TAG_VERB, Comparison, doc_summary
from .refs import session_of, symbol_sort_key, title_key
from .series import lineage_citations

# evidence for a pair, strongest first
RECALLS = "recalls"
TITLE = "title"
SIMILAR_TITLE = "similar title"
_EVIDENCE = (RECALLS, TITLE, SIMILAR_TITLE)
_TITLE_RANK = {TITLE: 2, SIMILAR_TITLE: 1}
# rapidfuzz token_sort_ratio (0..100) of two title keys for a similar title; lower where the texts share
# most of their words (as sets, ``SAME_WORDS_MIN``): "Freedom of religion or belief" / "... and belief"
SIMILAR_TITLE_MIN = 90
SIMILAR_TITLE_WITH_WORDS = 80
SAME_WORDS_MIN = 0.6

# why a text has no pair
NEW = "new"
PREDECESSOR_NOT_GIVEN = "predecessor not given"
PERIODIC = "periodic"  # a newer text whose last predecessor is two or three sessions back
NOT_DUE = "not due this session"
NOT_YET = "not yet"  # its anniversary is after the newest text given
NOT_READOPTED = "not re-adopted"
_PERIODS = {2: "biennial", 3: "triennial"}
TAGS = (TAG_NUMBERS, TAG_CITATIONS, TAG_VERB, TAG_FOOTNOTES)

_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class Pair:
    """A text of the newer session, the text it re-adopts, why they pair, and their comparison."""

    old: Resolution
    new: Resolution
    evidence: tuple[str, ...]  # RECALLS, TITLE, SIMILAR_TITLE: every one that holds
    comparison: Comparison

    @cached_property
    def carried_over(self) -> float | None:
        """The share of the new text's words carried over unchanged (``history``'s figure)."""
        return carried_over(self.comparison)

    @property
    def changed(self) -> float:
        """How much changed, for sorting: the share of the new text's words not carried over."""
        return round(1.0 - self.carried_over, 3) if self.carried_over is not None else 1.0

    def tag_counts(self) -> dict[str, int]:
        return {tag: sum(1 for c in self.comparison.changes if tag in c.tags) for tag in TAGS}

    @cached_property
    def verbs(self) -> tuple[tuple[str, str, str | None, str | None, str], ...]:
        """``(old keys, new keys, old verb, new verb, direction)`` of every operative verb changed."""
        from .report import pair_label
        from .summary import summarize

        return tuple(
            (pair_label(v.old, ()), pair_label((), v.new), v.old_verb, v.new_verb, v.direction)
            for v in summarize(self.comparison).verbs
        )

    @property
    def vote_changes(self) -> tuple[tuple[str, str, str], ...]:
        return self.comparison.vote_changes

    @property
    def vote_moved(self) -> int:
        """How far the vote moved, for sorting: States that changed their vote where the sources name
        them, else the change of the three figures."""
        if self.vote_changes:
            return len(self.vote_changes)
        old, new = self.old.vote, self.new.vote
        if old is None or new is None:
            return 0
        return sum(
            abs((getattr(new, name) or 0) - (getattr(old, name) or 0))
            for name in ("yes", "no", "abstentions")
        )

    def to_json(self) -> dict[str, Any]:
        summary = self.comparison.summary()
        from .report import unrelated

        return {
            "old": doc_summary(self.old),
            "new": doc_summary(self.new),
            "evidence": list(self.evidence),
            "caution": unrelated(self.comparison),
            "summary": summary,
            "tags": self.tag_counts(),
            "verbs": [
                {"old": old, "new": new, "old_verb": ov, "new_verb": nv, "direction": direction}
                for old, new, ov, nv, direction in self.verbs
            ],
            "carried_over": self.carried_over,
            "changed": self.changed,
            "vote_changes": [
                {"state": state, "old": before, "new": after} for state, before, after in self.vote_changes
            ],
            "vote_moved": self.vote_moved,
        }


@dataclass(frozen=True)
class Unpaired:
    """A text no pair explains, and why: ``status`` is one of the reasons above, ``note`` says it in words."""

    resolution: Resolution
    status: str
    note: str
    predecessor: str | None = None  # the last predecessor it recites, where that says something

    def to_json(self) -> dict[str, Any]:
        return {
            **doc_summary(self.resolution),
            "status": self.status,
            "note": self.note,
            "predecessor": self.predecessor,
        }


@dataclass(frozen=True)
class SessionComparison:
    old_session: int
    new_session: int
    pairs: tuple[Pair, ...]  # in the newer session's order
    new: tuple[Unpaired, ...]  # newer texts without a pair
    not_readopted: tuple[Unpaired, ...]  # texts of the older session that nothing re-adopts
    left_out: tuple[str, ...] = ()  # texts given that belong to neither session, or are drafts

    def counts(self) -> dict[str, Any]:
        """How many pairs (and by which evidence), new texts and texts not re-adopted (and why)."""
        statuses = [u.status for u in (*self.new, *self.not_readopted)]
        return {
            "pairs": len(self.pairs),
            "new": len(self.new),
            "not_readopted": len(self.not_readopted),
            "left_out": len(self.left_out),
            "evidence": {e: sum(1 for p in self.pairs if e in p.evidence) for e in _EVIDENCE},
            "status": {
                status: statuses.count(status)
                for status in (NEW, PREDECESSOR_NOT_GIVEN, PERIODIC, NOT_DUE, NOT_YET, NOT_READOPTED)
            },
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "old_session": self.old_session,
            "new_session": self.new_session,
            "counts": self.counts(),
            "pairs": [p.to_json() for p in self.pairs],
            "new": [u.to_json() for u in self.new],
            "not_readopted": [u.to_json() for u in self.not_readopted],
            "left_out": list(self.left_out),
        }


def split_sessions(
    texts: Sequence[Resolution], old_session: int | None = None, new_session: int | None = None
) -> tuple[int, int]:
    """The two sessions to compare: those given, else the newest session among the texts and the one
    before it (``old_session`` defaults to ``new_session - 1``)."""
    sessions = sorted({s for s in (_session(t) for t in texts if not t.is_draft) if s is not None})
    if new_session is None:
        if not sessions:
            raise InputError("none of the texts names its session (no A/RES/NN/... symbol): give resolutions")
        new_session = sessions[-1]
    if old_session is None:
        old_session = new_session - 1
    if old_session >= new_session:
        raise InputError(
            f"session {old_session} is not older than session {new_session}: give the older first"
        )
    return old_session, new_session


def compare_sessions(
    texts: Sequence[Resolution],
    old_session: int | None = None,
    new_session: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SessionComparison:
    """Pair the newer session's texts with their predecessors among the older texts and compare each
    pair. ``texts`` may hold texts of any session; those newer than ``new_session``, and drafts, are left
    out."""
    old_session, new_session = split_sessions(texts, old_session, new_session)
    by_symbol: dict[str, Resolution] = {}
    left_out: list[str] = []
    for text in texts:
        session = _session(text)
        label = text.symbol or (text.source.name if text.source else "a text without a symbol")
        if text.is_draft or session is None or session > new_session or text.symbol in by_symbol:
            left_out.append(label)
            continue
        by_symbol[text.symbol or ""] = text
    newer = sorted((t for t in by_symbol.values() if _session(t) == new_session), key=_order)
    older = sorted((t for t in by_symbol.values() if (_session(t) or 0) < new_session), key=_order)
    if not newer:
        raise InputError(f"no text of session {new_session} among those given")
    matches = _match(newer, older, old_session)
    pairs = []
    for done, text in enumerate(newer, start=1):
        if text.symbol in matches:
            predecessor, evidence = matches[text.symbol or ""]
            pairs.append(Pair(predecessor, text, evidence, compare(predecessor, text)))
        if progress is not None:
            progress(done, len(newer))
    paired_old = {p.old.symbol or "": p.new.symbol or "" for p in pairs}
    unpaired_new = tuple(
        _why_new(t, old_session, by_symbol, paired_old) for t in newer if t.symbol not in matches
    )
    last = max((t.adopted for t in newer if t.adopted), default=None)
    not_readopted = tuple(
        _why_not_readopted(t, last)
        for t in older
        if _session(t) == old_session and t.symbol not in paired_old
    )
    return SessionComparison(
        old_session, new_session, tuple(pairs), unpaired_new, not_readopted, tuple(sorted(left_out))
    )


def _session(text: Resolution) -> int | None:
    return text.session if text.session is not None else session_of(text.symbol or "")


def _order(text: Resolution) -> tuple[int, int, int, str, str]:
    return symbol_sort_key(text.symbol or "")


def _match(
    newer: Sequence[Resolution], older: Sequence[Resolution], old_session: int
) -> dict[str, tuple[Resolution, tuple[str, ...]]]:
    """New symbol -> (its predecessor, the evidence), one to one, strongest evidence first: the title
    (the same, then similar), then whether the new text recites the old one, then the previous session
    before older ones, then the closer words."""
    titles = {t.symbol: title_key(t.title) for t in (*newer, *older)}
    bare = {symbol: _without_numbers(title) for symbol, title in titles.items()}
    words: dict[str | None, set[str]] = {}

    def overlap(old: Resolution, new: Resolution) -> float:
        a, b = (words.setdefault(t.symbol, _words(t)) for t in (old, new))
        return len(a & b) / len(a | b) if a | b else 0.0

    candidates: list[tuple[tuple[float, ...], Resolution, Resolution, tuple[str, ...]]] = []
    for text in newer:
        recalled = set(lineage_citations(text))
        title = titles[text.symbol]
        for old in older:
            old_title = titles[old.symbol]
            named = None
            if title and old_title == title:
                named = TITLE
            elif title and old_title and old.committee == text.committee:
                series = _series_title(title)
                if bare[old.symbol] == bare[text.symbol] or (series and series == _series_title(old_title)):
                    # "... to the seventy-ninth session" / "... to the eightieth session"; "Global health and
                    # foreign policy: rethinking ..." / "...: accelerating ..." (a series title, a subtitle)
                    named = SIMILAR_TITLE
                else:
                    ratio = fuzz.token_sort_ratio(title, old_title)
                    if ratio >= SIMILAR_TITLE_MIN or (
                        ratio >= SIMILAR_TITLE_WITH_WORDS and overlap(old, text) >= SAME_WORDS_MIN
                    ):
                        named = SIMILAR_TITLE
            recalls = old.symbol in recalled
            if named is None and not recalls:
                continue
            evidence = tuple(e for e in (RECALLS if recalls else None, named) if e)
            rank = (
                float(_TITLE_RANK.get(named, 0) if named else 0),
                float(recalls),
                -float(new_session_gap(old, old_session)),
                overlap(old, text),
            )
            candidates.append((rank, old, text, evidence))
    candidates.sort(key=lambda c: (c[0], _order(c[2]), _order(c[1])), reverse=True)
    matches: dict[str, tuple[Resolution, tuple[str, ...]]] = {}
    taken: set[str | None] = set()
    for _, old, text, evidence in candidates:
        if text.symbol in matches or old.symbol in taken:
            continue
        if evidence == (RECALLS,) and _unrelated(old, text):
            continue  # it follows up the text it recites, but is another resolution ("Modalities of ...")
        matches[text.symbol or ""] = (old, evidence)
        taken.add(old.symbol)
    return matches


def _unrelated(old: Resolution, new: Resolution) -> bool:
    """Whether two texts of different titles look like two resolutions rather than two years of one
    (``report.unrelated``: the caution ``diff`` gives, the one rule for it)."""
    from .report import unrelated

    return unrelated(compare(old, new)) is not None


def _series_title(title: str) -> str | None:
    """The part of a title before its subtitle ("Global health and foreign policy: ..."), if it has one."""
    head, colon, _ = title.partition(": ")
    return head if colon and len(head.split()) >= 3 else None


def _without_numbers(title: str) -> str:
    """A title key without its numbers, ordinals and number words (``redline.numbers``, the one rule
    for them): a session's ordinal or a year in a title changes every session."""
    from .redline import numbers

    found = numbers(title)
    return " ".join(word for word in _WORD_RE.findall(title) if word not in found)


def new_session_gap(old: Resolution, old_session: int) -> int:
    """How many sessions before the older session a text is (0: of that session)."""
    return max(0, old_session - (_session(old) or old_session))


def _words(text: Resolution) -> set[str]:
    return set(_WORD_RE.findall(" ".join(c.text for c in text.clauses).casefold()))


def _last_predecessor(text: Resolution) -> tuple[str, int] | None:
    """The most recent earlier resolution its lineage paragraph recites, with its session."""
    session = _session(text)
    found = [
        (symbol, cited)
        for symbol in lineage_citations(text)
        if (cited := session_of(symbol)) is not None and session is not None and cited < session
    ]
    return max(found, key=lambda item: (item[1], symbol_sort_key(item[0]))) if found else None


def _why_new(
    text: Resolution, old_session: int, given: dict[str, Resolution], paired: dict[str, str]
) -> Unpaired:
    last = _last_predecessor(text)
    if last is None:
        return Unpaired(text, NEW, "new: it recites no earlier resolution of its own as its predecessor")
    symbol, session = last
    gap = (_session(text) or 0) - session
    if session == old_session and symbol not in given:
        return Unpaired(
            text, PREDECESSOR_NOT_GIVEN, f"its predecessor {symbol} is not among the texts given", symbol
        )
    if symbol in paired:
        return Unpaired(text, NEW, f"new: it recites {symbol}, which {paired[symbol]} re-adopts", symbol)
    if symbol in given:
        return Unpaired(
            text,
            NEW,
            f"new: it follows up {symbol}, which it recites, but is another text (another title, and fewer "
            "than half of its clauses pair)",
            symbol,
        )
    if gap in _PERIODS:
        return Unpaired(
            text,
            PERIODIC,
            f"{_PERIODS[gap]}: not adopted at session {old_session}; its last predecessor is {symbol}",
            symbol,
        )
    return Unpaired(
        text, NEW, f"new: the last resolution it recites is {symbol}, of session {session}", symbol
    )


def _why_not_readopted(text: Resolution, newest: str | None) -> Unpaired:
    """Why nothing re-adopts an older text: not due (a biennial or triennial series), not yet (its year
    is not over in the texts given: they end before its anniversary), or not re-adopted."""
    if text.adopted and newest and _anniversary(text.adopted) > newest:
        return Unpaired(
            text,
            NOT_YET,
            f"not yet: adopted on {text.adopted}, and the newer session's texts given end on {newest}",
        )
    last = _last_predecessor(text)
    if last is not None:
        symbol, session = last
        gap = (_session(text) or 0) - session
        if gap in _PERIODS:
            due = (_session(text) or 0) + gap
            return Unpaired(
                text,
                NOT_DUE,
                f"not due this session: {_PERIODS[gap]} (it recites {symbol}); next due at session {due}",
                symbol,
            )
    return Unpaired(text, NOT_READOPTED, "not re-adopted: no text of the newer session re-adopts it")


def _anniversary(date: str) -> str:
    """The same day a year later (ISO), where a successor adopted at the same point of the next session
    would stand; 29 February's is 1 March."""
    year, rest = date.split("-", 1)
    return f"{int(year) + 1:04d}-{'03-01' if rest == '02-29' else rest}"

