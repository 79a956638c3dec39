"""Lineages: the clauses of a series of versions chained through the comparisons of consecutive ones.

Each consecutive pair of versions is compared once (``compare.compare``: each step is exactly what
``resdiff diff`` prints for the two texts), and every record of a step moves the lineages along:

* a pair (unchanged, editorial, modified) continues the old clause's lineage;
* a split continues it with its first part in the new reading order; every other part starts a
  lineage of its own (``split_from``) that inherits the origin, since its words first appeared there;
* a merge continues the oldest of the merged lineages (earliest origin, then reading order); the
  others end, merged into it;
* a deletion ends a lineage; an added clause starts one, unless its text pairs well with the last
  text of a lineage deleted in an earlier step: then that lineage is restored (cell kind
  ``restored``) and the record of the restoration is kept with the history.

The first version's cells have the kind ``first``: no step leads into them. Lineage ids (L1, L2, ...)
are given in order of creation, so a newer version added to a series keeps every id; the lineages
are listed in the order of the newest text, each ended one after the lineage it followed when it
was last there.

A step across missing versions compares the two texts on either side and names the symbols it
skips: those of the series (``series``: what a corpus index knows) and those the newer text recites
in its lineage paragraph ("Recalling its resolutions ..."), that sort strictly between the two.

Word provenance (``blame``) is carried through the same steps; ``stats`` counts, for each version,
the share of its words unchanged since the previous version and since the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import Any

from rapidfuzz.distance import Indel

from .align import alignment_class
from .blame import (
    Blame,
    BlamedClause,
    Piece,
    Span,
    carry,
    first_pieces,
    joined,
    split_clauses,
    tidied,
    word_count,
)
from .codes import char_codes
from .compare import compare
from .errors import InputError
from .languages import shared
from .languages.words import words as words_of
from .model import Clause, Resolution
from .records import (
    ADDED,
    DELETED,
    EDITORIAL,
    MERGED,
    MODIFIED,
    SPLIT,
    UNCHANGED,
    Change,
    Comparison,
)
from .redline import redline, tags_of
from .refs import SYMBOL_RE, parse_symbol, symbol_sort_key
from .report import document_label
from .series import lineage_citations

FIRST = "first"  # a cell of the first version: no step leads into it
RESTORED = "restored"
CHANGED_KINDS = frozenset({EDITORIAL, MODIFIED, SPLIT, MERGED, RESTORED})
RESTORE_MIN = 0.7  # word-order similarity an added clause needs to the last text of a deleted lineage
RESTORE_MARGIN = 0.05  # and how clearly it must beat the runner-up on either side
# how many versions back a deleted lineage may be restored from: the search scores every added clause
# against every lineage deleted within the window, so a series' tracing stays linear in its versions
# (unbounded, every step scored against all the deletions so far: quadratic)
RESTORE_WINDOW = 10


@dataclass(frozen=True)
class Version:
    symbol: str  # the symbol; a text without one is named by its file name
    session: int | None
    title: str | None
    adopted: str | None
    distributed: str | None = None  # the front page's distribution date: a draft's only date

    @classmethod
    def of(cls, resolution: Resolution) -> Version:
        label = document_label(resolution)
        return cls(label, resolution.session, resolution.title, resolution.adopted, resolution.distributed)

    @property
    def date(self) -> str | None:
        """The version's date: its adoption, else (a draft) its distribution."""
        return self.adopted or self.distributed

    def to_json(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "session": self.session,
            "title": self.title,
            "adopted": self.adopted,
            "distributed": self.distributed,
        }


@dataclass(frozen=True)
class Step:
    old: str
    new: str
    skipped: tuple[str, ...]  # the series' symbols between old and new that are not given
    comparison: Comparison

    def to_json(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "skipped": list(self.skipped),
            "summary": self.comparison.summary(),
            "changes": [change.to_json() for change in self.comparison.changes],
        }


@dataclass(frozen=True)
class Cell:
    keys: tuple[str, ...]
    kind: str  # the Change.kind of the step into this version, or first / restored
    tags: tuple[str, ...] = ()
    moved: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"keys": list(self.keys), "kind": self.kind, "tags": list(self.tags), "moved": self.moved}


@dataclass(frozen=True)
class End:
    at: str  # the first version without the lineage
    how: str  # deleted | merged
    into: str | None = None  # the lineage it was merged into

    def to_json(self) -> dict[str, Any]:
        return {"at": self.at, "how": self.how, "into": self.into}


@dataclass(frozen=True)
class Lineage:
    id: str
    origin: str
    cells: tuple[Cell | None, ...]  # one per version
    end: End | None = None
    split_from: str | None = None

    @property
    def present(self) -> int:
        return sum(cell is not None for cell in self.cells)

    @property
    def changes(self) -> int:
        """How many steps changed its text (moves alone are no change of text)."""
        return sum(cell is not None and cell.kind in CHANGED_KINDS for cell in self.cells)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "origin": self.origin,
            "cells": [cell.to_json() if cell else None for cell in self.cells],
            "end": self.end.to_json() if self.end else None,
            "split_from": self.split_from,
        }


@dataclass(frozen=True)
class Restoration:
    """A clause added in a step that brings back a lineage deleted earlier; ``change`` is the
    redline from the lineage's last text to the restored one."""

    lineage: str
    at: str
    change: Change

    def to_json(self) -> dict[str, Any]:
        return {"lineage": self.lineage, "at": self.at, "change": self.change.to_json()}


@dataclass(frozen=True)
class VersionStats:
    symbol: str
    clauses: int
    words: int
    added: int  # lineages that begin here (restored ones are counted apart)
    deleted: int
    modified: int
    editorial: int
    split: int
    merged: int
    restored: int
    carried_over: float | None  # share of the words unchanged since the previous version
    since_first: float | None  # share of the words unchanged since the first version

    def to_json(self) -> dict[str, Any]:
        return {
            "symbol": self.symbol,
            "clauses": self.clauses,
            "words": self.words,
            "added": self.added,
            "deleted": self.deleted,
            "modified": self.modified,
            "editorial": self.editorial,
            "split": self.split,
            "merged": self.merged,
            "restored": self.restored,
            "carried_over": self.carried_over,
            "since_first": self.since_first,
        }


@dataclass(frozen=True)
class ClauseHistory:
    """One lineage through the series: its text in every version and the record of every step."""

    clause: str
    symbol: str
    lineage: Lineage
    versions: tuple[Version, ...]
    texts: tuple[tuple[str, ...], ...]  # per version, the lineage's clause texts (empty: absent)
    changes: tuple[Change | None, ...]  # per step, the record that carried the lineage (None: absent)
    language: str | None = None  # the series' language (None: English), how the views set its text

    def to_json(self) -> dict[str, Any]:
        return {
            "clause": self.clause,
            "symbol": self.symbol,
            "language": self.language,
            "lineage": self.lineage.to_json(),
            "versions": [
                {
                    "symbol": version.symbol,
                    "keys": list(cell.keys) if cell else [],
                    "kind": cell.kind if cell else None,
                    "texts": list(texts),
                }
                for version, cell, texts in zip(self.versions, self.lineage.cells, self.texts, strict=True)
            ],
            "steps": [
                {"old": old.symbol, "new": new.symbol, "change": change.to_json() if change else None}
                for (old, new), change in zip(pairwise(self.versions), self.changes, strict=True)
            ],
        }


@dataclass(frozen=True)
class History:
    """A series traced: its versions, the steps between them, its lineages and per-version stats."""

    versions: tuple[Version, ...]
    steps: tuple[Step, ...]
    lineages: tuple[Lineage, ...]  # in display order (the newest text's order)
    stats: tuple[VersionStats, ...]
    restorations: tuple[Restoration, ...]
    resolutions: tuple[Resolution, ...]
    last_pieces: tuple[tuple[str, tuple[Piece, ...]], ...]  # the last version's (key, word pieces)

    def to_json(self) -> dict[str, Any]:
        return {
            "versions": [v.to_json() for v in self.versions],
            "steps": [s.to_json() for s in self.steps],
            "lineages": [lineage.to_json() for lineage in self.lineages],
            "stats": [s.to_json() for s in self.stats],
            "restorations": [r.to_json() for r in self.restorations],
        }

    @property
    def language(self) -> str | None:
        """The series' language (tracing refuses two), None where no version says (English)."""
        return next((r.language for r in self.resolutions if r.language), None)

    def lineage_of(self, key: str, version: int) -> Lineage:
        for lineage in self.lineages:
            cell = lineage.cells[version]
            if cell is not None and key in cell.keys:
                return lineage
        raise KeyError(key)

    def blame(self) -> Blame:
        """The last version's clauses with their words dated (what ``resdiff blame`` prints)."""
        last = len(self.versions) - 1
        labels = [v.symbol for v in self.versions]
        clauses = []
        for key, pieces in self.last_pieces:
            lineage = self.lineage_of(key, last)
            changed = [k for k, cell in enumerate(lineage.cells) if cell and cell.kind != UNCHANGED]
            clauses.append(
                BlamedClause(
                    key=key,
                    origin=lineage.origin,
                    last_changed=labels[changed[-1]] if changed else lineage.origin,
                    spans=tuple(Span(text, labels[since]) for text, since in tidied(pieces)),
                    lineage=lineage.id,
                )
            )
        dates = tuple(v.date for v in self.versions)
        return Blame(
            labels[-1], tuple(labels), tuple(clauses), self.resolutions[-1].title, dates, self.language
        )

    def record(self, lineage: Lineage, step: int) -> Change | None:
        """The record that carried a lineage through a step: the step's record of its clause (a
        split's or merge's record covers the whole group), the restoration that brought it back,
        or None where it is absent on both sides."""
        before, after = lineage.cells[step], lineage.cells[step + 1]
        old_records, new_records = self._records[step]
        if after is not None:
            if after.kind == RESTORED:
                return self._restored[lineage.id, self.versions[step + 1].symbol]
            return new_records[after.keys[0]]
        return old_records[before.keys[0]] if before is not None else None

    @cached_property
    def _records(self) -> list[tuple[dict[str, Change], dict[str, Change]]]:
        """Per step, its records by old key and by new key."""
        return [
            (
                {key: c for c in step.comparison.changes for key in c.old},
                {key: c for c in step.comparison.changes for key in c.new},
            )
            for step in self.steps
        ]

    @cached_property
    def _restored(self) -> dict[tuple[str, str], Change]:
        return {(r.lineage, r.at): r.change for r in self.restorations}

    def version_index(self, ref: str | None) -> int:
        """The version a user names (``80/52``, ``A/RES/80/52``, a file name); the last if None."""
        if ref is None:
            return len(self.versions) - 1
        wanted = parse_symbol(ref) or ref
        for index, version in enumerate(self.versions):
            if version.symbol in (wanted, ref):
                return index
        names = ", ".join(v.symbol for v in self.versions)
        raise InputError(f"{ref!r} is not one of the versions traced ({names})")

    def clause_history(self, spec: str) -> ClauseHistory:
        """``OP10@80/52`` (or ``OP10``: in the last version): that clause's lineage in every version."""
        key, _, ref = spec.partition("@")
        at = self.version_index(ref or None)
        try:
            lineage = self.lineage_of(key, at)
        except KeyError:
            keys = [c.key for c in self.resolutions[at].clauses]
            shown = ", ".join(keys[:12]) + (", ..." if len(keys) > 12 else "")
            raise InputError(
                f"{key!r} is not a clause of {self.versions[at].symbol}; its clauses are {shown}"
            ) from None
        texts = tuple(
            tuple(r.clause(k).text for k in cell.keys) if cell else ()
            for r, cell in zip(self.resolutions, lineage.cells, strict=True)
        )
        changes = tuple(self.record(lineage, number) for number in range(len(self.steps)))
        return ClauseHistory(
            key, self.versions[at].symbol, lineage, self.versions, texts, changes, self.language
        )


def most_edited(history: History, count: int = 10) -> list[Lineage]:
    """The lineages whose text changed most often (ties: the longest-lived, then by id)."""
    edited = [lineage for lineage in history.lineages if lineage.changes]
    return sorted(edited, key=lambda lineage: (-lineage.changes, -lineage.present, _id_number(lineage)))[
        :count
    ]


def longest_lived(history: History, tiers: int = 3) -> list[tuple[int, list[Lineage]]]:
    """The lineages grouped by how many versions they are in, the most first, ``tiers`` groups (each
    in the newest text's order): in a long series many clauses are in every version, so a ranking of
    ten would be ten ties."""
    groups: dict[int, list[Lineage]] = {}
    for lineage in history.lineages:
        groups.setdefault(lineage.present, []).append(lineage)
    return sorted(groups.items(), key=lambda group: -group[0])[:tiers]


def _id_number(lineage: Lineage) -> int:
    return int(lineage.id[1:])


# --- tracing -----------------------------------------------------------------------------------


class _Line:
    """A lineage while it is being traced."""

    def __init__(self, number: int, origin: int, versions: int, split_from: str | None = None) -> None:
        self.id = f"L{number}"
        self.origin = origin
        self.cells: list[Cell | None] = [None] * versions
        self.end: tuple[int, str, str | None] | None = None
        self.split_from = split_from
        self.last: tuple[int, Clause] | None = None  # the version it was last in, and its first clause

    def place(self, version: int, cell: Cell, clause: Clause) -> None:
        self.cells[version] = cell
        self.last = (version, clause)


def trace(versions: Sequence[Resolution], series: Sequence[str] = ()) -> History:
    """Trace a series given oldest first; ``series`` lists the symbols the series is known to have
    (a corpus index's lineage), so that a step across missing ones names them."""
    if len(versions) < 2:
        raise InputError("a history needs at least two versions, oldest first")
    labels = [document_label(v) for v in versions]
    _check_order(versions, labels)
    return _Tracer(versions, labels, set(series)).run()


def _check_order(versions: Sequence[Resolution], labels: Sequence[str]) -> None:
    seen: set[str] = set()
    for label in labels:
        if label in seen:
            raise InputError(f"{label} is given twice; give each version once, oldest first")
        seen.add(label)
    for older, newer in pairwise(versions):
        if _orderable(older, newer) and _sort_key(older) > _sort_key(newer):
            raise InputError(
                f"versions must be given oldest first, but {older.symbol} comes after {newer.symbol}"
            )


def _orderable(*versions: Resolution) -> bool:
    """Whether the versions all have well-formed symbols, which have an order."""
    return all(v.symbol and SYMBOL_RE.match(v.symbol) for v in versions)


def _sort_key(version: Resolution) -> tuple[int, int, int, str, str]:
    return symbol_sort_key(version.symbol or "")


def skipped_between(old: Resolution, new: Resolution, known: set[str], given: set[str]) -> tuple[str, ...]:
    """The series' symbols strictly between two versions (by symbol order) that are not given."""
    if not _orderable(old, new):
        return ()
    low, high = _sort_key(old), _sort_key(new)
    candidates = known | set(lineage_citations(new))
    between = [s for s in candidates if SYMBOL_RE.match(s) and low < symbol_sort_key(s) < high]
    return tuple(sorted((s for s in between if s not in given), key=symbol_sort_key))


class _Tracer:
    def __init__(self, versions: Sequence[Resolution], labels: Sequence[str], known: set[str]) -> None:
        self.versions = list(versions)
        self.labels = list(labels)
        # one language through the series (a series runs per language: mixing two is refused)
        self.language: str | None = None
        for version in self.versions:
            self.language = shared(self.language, version.language)
        self.known = known
        self.lines: list[_Line] = []
        self.restorations: list[Restoration] = []

    def _new_line(self, origin: int, split_from: str | None = None) -> _Line:
        line = _Line(len(self.lines) + 1, origin, len(self.versions), split_from)
        self.lines.append(line)
        return line

    def run(self) -> History:
        first = self.versions[0]
        current: dict[str, _Line] = {}
        pieces: dict[str, list[Piece]] = {}
        for clause in first.clauses:
            line = self._new_line(0)
            line.place(0, Cell((clause.key,), FIRST), clause)
            current[clause.key] = line
            pieces[clause.key] = first_pieces(clause.text, 0)
        stats = [self._stats(0, pieces, None)]
        steps = []
        given = {v.symbol for v in self.versions if v.symbol}
        for number, (old, new) in enumerate(pairwise(self.versions), start=1):
            comparison = compare(old, new)
            skipped = skipped_between(old, new, self.known, given)
            steps.append(Step(self.labels[number - 1], self.labels[number], skipped, comparison))
            restored = self._restorations(comparison, new, number)
            current = self._step(comparison, new, number, current, restored)
            pieces = carry_step(comparison, new, number, pieces)
            stats.append(self._stats(number, pieces, (comparison, len(restored))))
        last = self.versions[-1]
        return History(
            versions=tuple(Version.of(v) for v in self.versions),
            steps=tuple(steps),
            lineages=tuple(self._freeze(line) for line in self._display_order()),
            stats=tuple(stats),
            restorations=tuple(self.restorations),
            resolutions=tuple(self.versions),
            last_pieces=tuple((c.key, tuple(pieces[c.key])) for c in last.clauses),
        )

    # --- lineages ----------------------------------------------------------------------------

    def _step(
        self,
        comparison: Comparison,
        new: Resolution,
        number: int,
        current: dict[str, _Line],
        restored: dict[str, tuple[_Line, Change]],
    ) -> dict[str, _Line]:
        clauses = {c.key: c for c in new.clauses}
        following: dict[str, _Line] = {}
        for change in comparison.changes:
            if change.kind == DELETED:
                current[change.old[0]].end = (number, DELETED, None)
                continue
            if change.kind == ADDED:
                key = change.new[0]
                if key in restored:
                    line, record = restored[key]
                    line.place(number, Cell((key,), RESTORED, record.tags), clauses[key])
                else:
                    line = self._new_line(number)
                    line.place(number, Cell((key,), ADDED), clauses[key])
                following[key] = line
                continue
            olds = [current[key] for key in change.old]
            # a merge continues the oldest lineage (min keeps the first of equals: reading order)
            survivor = min(olds, key=lambda line: line.origin)
            for line in olds:
                if line is not survivor:
                    line.end = (number, MERGED, survivor.id)
            for position, key in enumerate(change.new):
                line = survivor if position == 0 else self._new_line(survivor.origin, survivor.id)
                line.place(number, Cell((key,), change.kind, change.tags, change.moved), clauses[key])
                following[key] = line
        return following

    def _restorations(
        self, comparison: Comparison, new: Resolution, number: int
    ) -> dict[str, tuple[_Line, Change]]:
        """Added clauses that bring back a lineage deleted in an earlier step: mutual best matches
        within one alignment class, each clearly ahead of any rival on either side."""
        added = [new.clause(c.new[0]) for c in comparison.changes if c.kind == ADDED]
        gone = [
            (line, line.last[1])
            for line in self.lines
            if line.end is not None
            and line.end[1] == DELETED
            and number - RESTORE_WINDOW <= line.end[0] < number
            and line.last
        ]
        if not added or not gone:
            return {}
        words = {c.text: words_of(c.text.casefold(), self.language) for c in [*added, *(c for _, c in gone)]}
        codes = char_codes(word for found in words.values() for word in found)
        coded = {text: "".join(map(codes.__getitem__, found)) for text, found in words.items()}
        scores = {
            (a, g): float(Indel.normalized_similarity(coded[clause.text], coded[old.text]))
            for a, clause in enumerate(added)
            for g, (_, old) in enumerate(gone)
            if alignment_class(old) == alignment_class(clause)
        }
        # the two best scores of each added clause and of each deleted lineage: a candidate's best rival
        # is the best other score on its row or its column (one look-up, not a scan of all scores)
        rows: dict[int, list[tuple[float, int]]] = {}
        columns: dict[int, list[tuple[float, int]]] = {}
        for (a, g), score in scores.items():
            _keep_two(rows.setdefault(a, []), (score, g))
            _keep_two(columns.setdefault(g, []), (score, a))
        found: dict[str, tuple[_Line, Change]] = {}
        taken: set[int] = set()
        for (a, g), score in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
            if score < RESTORE_MIN:
                break
            if added[a].key in found or g in taken:
                continue
            rival = max(
                [s for s, other in rows[a] if other != g] + [s for s, other in columns[g] if other != a],
                default=None,
            )
            if rival is not None and rival > score - RESTORE_MARGIN:
                continue
            line, old = gone[g]
            found[added[a].key] = (line, self._restoration(line, old, added[a], number))
            taken.add(g)
        return found

    def _restoration(self, line: _Line, old: Clause, new: Clause, number: int) -> Change:
        line.end = None
        diff = redline(old.text, new.text, self.language)
        unchanged = old.text == new.text
        change = Change(
            kind=RESTORED,
            old=(old.key,),
            new=(new.key,),
            diff=diff,
            similarity=1.0 if unchanged else round(float(Indel.normalized_similarity(old.text, new.text)), 3),
            tags=() if unchanged else tags_of(diff, old.verb, new.verb, self.language),
            clause_type=new.type,
            old_verb=old.verb,
            new_verb=new.verb,
            old_notes=old.notes,
            new_notes=new.notes,
        )
        self.restorations.append(Restoration(line.id, self.labels[number], change))
        return change

    def _display_order(self) -> list[_Line]:
        """The newest text's order; a lineage absent from it goes right after the lineage it
        followed in the newest version it was in."""
        order: list[_Line] = []
        placed: set[str] = set()
        for version in range(len(self.versions) - 1, -1, -1):
            at_key = {cell.keys[0]: line for line in self.lines if (cell := line.cells[version])}
            anchor = -1  # where in ``order`` the last lineage met in this version stands
            for clause in self.versions[version].clauses:
                line = at_key.get(clause.key)
                if line is None:
                    continue
                if line.id in placed:
                    anchor = order.index(line)
                    continue
                anchor += 1
                order.insert(anchor, line)
                placed.add(line.id)
        return order

    def _freeze(self, line: _Line) -> Lineage:
        end = None
        if line.end is not None:
            at, how, into = line.end
            end = End(self.labels[at], how, into)
        return Lineage(line.id, self.labels[line.origin], tuple(line.cells), end, line.split_from)

    # --- words -------------------------------------------------------------------------------

    def _stats(
        self, number: int, pieces: dict[str, list[Piece]], step: tuple[Comparison, int] | None
    ) -> VersionStats:
        version = self.versions[number]
        words = older = first = 0
        for clause_pieces in pieces.values():
            for text, since in clause_pieces:
                count = word_count(text, self.language)
                words += count
                older += count if since < number else 0
                first += count if since == 0 else 0
        counts: dict[str, int] = {}
        restored = 0
        if step is not None:
            counts = step[0].summary()
            restored = step[1]
        return VersionStats(
            symbol=self.labels[number],
            clauses=len(version.clauses),
            words=words,
            added=counts.get(ADDED, 0) - restored,
            deleted=counts.get(DELETED, 0),
            modified=counts.get(MODIFIED, 0),
            editorial=counts.get(EDITORIAL, 0),
            split=counts.get(SPLIT, 0),
            merged=counts.get(MERGED, 0),
            restored=restored,
            carried_over=round(older / words, 3) if step is not None and words else None,
            since_first=round(first / words, 3) if words else None,
        )


def carry_step(
    comparison: Comparison, new: Resolution, number: int, pieces: dict[str, list[Piece]]
) -> dict[str, list[Piece]]:
    """Each clause's word pieces after the step (a restored clause dates from this version)."""
    following: dict[str, list[Piece]] = {}
    texts = {c.key: c.text for c in new.clauses}
    for change in comparison.changes:
        if change.kind == DELETED:
            continue
        if change.kind == ADDED:
            key = change.new[0]
            following[key] = first_pieces(texts[key], number)
            continue
        if change.kind == UNCHANGED:
            following[change.new[0]] = pieces[change.old[0]]
            continue
        old = joined([pieces[key] for key in change.old])
        parts = split_clauses(carry(old, change.diff, number, comparison.language), len(change.new))
        following.update(zip(change.new, parts, strict=True))
    return following


def carried_over(comparison: Comparison) -> float | None:
    """The share of NEW's words carried over unchanged from OLD: the ``carried_over`` figure ``history``
    gives a step, for one pair (``session`` reports it for every pair)."""
    pieces = {c.key: first_pieces(c.text, 0) for c in comparison.old.clauses}
    words = older = 0
    for clause_pieces in carry_step(comparison, comparison.new, 1, pieces).values():
        for text, since in clause_pieces:
            count = word_count(text, comparison.language)
            words += count
            older += count if since < 1 else 0
    return round(older / words, 3) if words else None


def _keep_two(best: list[tuple[float, int]], entry: tuple[float, int]) -> None:
    """Keep the two highest (score, index) entries in ``best``, highest first."""
    best.append(entry)
    best.sort(reverse=True)
    del best[2:]
