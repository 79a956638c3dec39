"""SYNTHETIC chains: series of yearly versions grown from a REAL resolution, with their ground truth.

Version 0 is a real, normalized resolution under its real symbol. Every later version is SYNTHETIC:
machine-made from the one before by realistic yearly edits, and given the symbol
``A/RES/<100+k>/<number>`` (sessions no resolution has yet) and a date in 2045 or later. The edits:
the lineage paragraph recites the previous version ("... and 80/52 of 1 December 2025 on ..."),
numbers are updated, words replaced, inserted and deleted, a paragraph is reworded, real
paragraphs taken from OTHER resolutions are inserted, paragraphs are deleted, moved, split and
merged, an operative verb is strengthened, a case or hyphen is changed, a paragraph deleted
years before is restored. None of these texts is a real resolution and none may be presented as one.

The generator keeps the ground truth history and blame are measured against:

* ``ident`` and ``events``: each paragraph gets an identity when it first appears; a split part
  gets a new one, descended from its parent's (a ``split`` event), a merged paragraph keeps its
  first part's, which the others' descend into (a ``merge`` event). A clause of a later version
  corresponds to a clause of an earlier one when its identity descends from the earlier one's
  (so the truth of any step, even across a missing year, follows).
* ``origin``: the version where the clause's lineage began (a split part: its parent's; a merged
  paragraph: the oldest part's; a restored one: its old lineage's).
* ``tokens``: every word with the version it has stood since, by the rules of ``resdiff.blame``: a
  change of case keeps the date, a restored paragraph dates from its restoration.

A seeded ``random.Random`` makes every chain deterministic.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import count

from rapidfuzz import fuzz, process

from resdiff.evolution import History
from resdiff.model import OPERATIVE, PREAMBULAR, SUBPARAGRAPH, Clause, Resolution
from resdiff.redline import editorial_key
from resdiff.series import LINEAGE_PARAGRAPH_RE

YEARS = 11  # edits after the real version 0: twelve versions in all
FIRST_SYNTHETIC_SESSION = 100
_TOKEN_RE = re.compile(r"[^\W_]+|\s+|.", re.DOTALL)
_WORD_RE = re.compile(r"[^\W_]+")
_VOCABULARY_RE = re.compile(r"[^\W\d_]{3,}")
_RECITED_RE = re.compile(r"[0-9]{1,3}/[0-9]{1,4} of [0-9]{1,2} [A-Z][a-z]+ [0-9]{4}")
_MONTHS = "January February March April May June July August September October November December".split()
_ADVERBS = ("Strongly", "Urgently", "Once again")
_EDITS = (
    "number",
    "words",
    "words",
    "reword",
    "insert",
    "delete",
    "move",
    "split",
    "merge",
    "editorial",
    "verb",
    "restore",
)

Token = tuple[str, int]  # text, the version it has stood since


@dataclass(frozen=True)
class ClauseTruth:
    key: str
    ident: int
    origin: int
    tokens: tuple[Token, ...]

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.tokens)


@dataclass(frozen=True)
class Chain:
    """The versions of a synthetic chain, their truth, and which of them a history is given."""

    name: str
    versions: tuple[Resolution, ...]
    truth: tuple[tuple[ClauseTruth, ...], ...]  # per version, its clauses in reading order
    edits: tuple[tuple[str, ...], ...]  # per version, the edits that made it
    events: tuple[tuple[tuple[str, int, int], ...], ...]  # per version: (split|merge, from, into)
    given: tuple[int, ...]  # the versions a history is given (all, or all but a missing year)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(v.symbol or "" for v in self.versions)

    @property
    def given_versions(self) -> list[Resolution]:
        return [self.versions[k] for k in self.given]

    def without(self, missing: int) -> Chain:
        """The chain with one version missing, as a series with a year not in the corpus."""
        given = tuple(k for k in self.given if k != missing)
        return replace(self, name=f"{self.name}-without-{missing}", given=given)

    def dated(self, version: int) -> str:
        """The label a history can give what first appeared in ``version``: that version's, or the
        next given one's when it is missing."""
        return self.labels[next(k for k in self.given if k >= version)]

    def pairs(self, old: int, new: int) -> set[tuple[str, str]]:
        """The true (old key, new key) pairs between any two versions: a new clause whose identity
        descends from the old one's."""
        events = [event for version in range(old + 1, new + 1) for event in self.events[version]]
        pairs = set()
        for a in self.truth[old]:
            descendants = {a.ident}
            for _, source, target in events:
                if source in descendants:
                    descendants.add(target)
            pairs |= {(a.key, b.key) for b in self.truth[new] if b.ident in descendants}
        return pairs


@dataclass
class _Para:
    clause_type: str
    tokens: list[Token]
    verb: str | None
    notes: tuple[str, ...]
    ident: int
    origin: int
    children: list[tuple[str, Clause, int]] = field(default_factory=list)  # (suffix, clause, ident)
    touched: bool = False  # edited this year: structural edits leave it alone

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.tokens)

    def words(self) -> list[int]:
        return [k for k, (text, _) in enumerate(self.tokens) if _WORD_RE.fullmatch(text)]


def tokens_of(text: str, since: int) -> list[Token]:
    return [(token, since) for token in _TOKEN_RE.findall(text)]


def donors_for(base: Resolution, others: Sequence[Resolution]) -> list[Clause]:
    """Real top-level paragraphs of OTHER resolutions that are not near copies of the base's own, nor
    recall the Assembly's own resolutions (inserted, such a paragraph could read as the lineage one)."""
    own = [editorial_key(c.text) for c in base.clauses]
    return [
        c
        for other in others
        if other.symbol != base.symbol
        for c in other.clauses
        if c.section == ""
        and c.type in (PREAMBULAR, OPERATIVE)
        and len(c.text.split()) >= 6
        and not LINEAGE_PARAGRAPH_RE.search(c.text)
        and process.extractOne(editorial_key(c.text), own, scorer=fuzz.ratio, score_cutoff=80) is None
    ]


class _Grower:
    def __init__(self, base: Resolution, donors: Sequence[Clause], rng: random.Random, steady: bool) -> None:
        self.base = base
        self.steady = steady
        self.rng = rng
        self.donors = list(donors)
        rng.shuffle(self.donors)
        self.idents = count(1)
        self.paras: list[_Para] = []
        self.rest: list[tuple[Clause, int]] = []
        for clause in base.clauses:
            if clause.section == "" and clause.type in (PREAMBULAR, OPERATIVE):
                self.paras.append(
                    _Para(
                        clause.type,
                        tokens_of(clause.text, 0),
                        clause.verb,
                        clause.notes,
                        next(self.idents),
                        0,
                    )
                )
            elif clause.section == "" and clause.type == SUBPARAGRAPH and self.paras:
                parent = self.paras[-1]
                suffix = clause.key[clause.key.index("(") :]
                parent.children.append((suffix, clause, next(self.idents)))
            else:
                self.rest.append((clause, next(self.idents)))
        self.vocabulary = sorted({w for c in base.clauses for w in _VOCABULARY_RE.findall(c.text)})
        self.size = len(self.paras)
        self.graveyard: list[tuple[_Para, int]] = []  # deleted paragraphs and where they stood
        self.cites = list(base.cites)
        self.version = 0
        self.events: list[tuple[str, int, int]] = []  # this year's splits and merges

    # --- helpers -------------------------------------------------------------------------------

    def _free(self) -> list[int]:
        """Paragraphs no edit touched this year, without sub-paragraphs; never one that recalls the
        Assembly's own resolutions (the lineage paragraph, which a series only extends: ``recital``),
        so that the lineage paragraph stays the one the series index reads, as in the real series."""
        return [
            k
            for k, p in enumerate(self.paras)
            if not p.touched and not p.children and not LINEAGE_PARAGRAPH_RE.search(p.text)
        ]

    def _new(self, text: str) -> list[Token]:
        return tokens_of(text, self.version)

    def _word(self) -> str:
        return self.rng.choice(self.vocabulary)

    def _positions(self, clause_type: str) -> list[int]:
        same = [k for k, p in enumerate(self.paras) if p.clause_type == clause_type]
        return [*same, same[-1] + 1] if same else []

    # --- yearly edits (each returns whether it applied) ---------------------------------------

    def recital(self, symbol: str, adopted: str) -> bool:
        """The lineage paragraph recites the previous version."""
        para = next((p for p in self.paras if LINEAGE_PARAGRAPH_RE.search(p.text)), None)
        if para is None or para.clause_type != PREAMBULAR:
            return False
        text = para.text
        recited = list(_RECITED_RE.finditer(text))
        if not recited:
            return False
        year, month, day = adopted.split("-")
        short = symbol.removeprefix("A/RES/")
        addition = f" and {short} of {int(day)} {_MONTHS[int(month) - 1]} {year}"
        last = recited[-1]
        at = _token_index(para.tokens, last.end())
        para.tokens[at:at] = self._new(addition)
        before = text[: last.start()]
        if before.endswith(" and "):
            start = _token_index(para.tokens, len(before) - len(" and "))
            para.tokens[start : start + 3] = [(",", self.version), (" ", self.version)]
        self.cites.append(symbol)
        para.touched = True
        return True

    def number(self) -> bool:
        options = [
            (k, t)
            for k in self._free()
            for t, (text, _) in enumerate(self.paras[k].tokens)
            if text.isdigit() and len(text) <= 4 and not _in_symbol(self.paras[k].tokens, t)
        ]
        if not options:
            return False
        k, t = self.rng.choice(options)
        para = self.paras[k]
        para.tokens[t] = (str(int(para.tokens[t][0]) + self.rng.randint(1, 9)), self.version)
        para.touched = True
        return True

    def words(self) -> bool:
        targets = [k for k in self._free() if len(self.paras[k].words()) >= 6]
        if not targets:
            return False
        for k in self.rng.sample(targets, min(len(targets), self.rng.randint(1, 2))):
            para = self.paras[k]
            for _ in range(self.rng.randint(1, 3)):
                at = self.rng.choice(para.words()[1:])
                action = self.rng.choice(("replace", "insert", "delete"))
                if action == "replace":
                    para.tokens[at] = (self._word(), self.version)
                elif action == "insert":
                    para.tokens[at:at] = [(self._word(), self.version), (" ", self.version)]
                elif at + 1 < len(para.tokens) and para.tokens[at + 1][0] == " ":
                    del para.tokens[at : at + 2]
            para.touched = True
        return True

    def reword(self) -> bool:
        targets = [k for k in self._free() if len(self.paras[k].words()) >= 12]
        if not targets:
            return False
        para = self.paras[self.rng.choice(targets)]
        words = para.words()[1:]
        for at in self.rng.sample(words, len(words) * self.rng.randint(30, 45) // 100):
            para.tokens[at] = (self._word(), self.version)
        para.touched = True
        return True

    def insert(self) -> bool:
        done = False
        for _ in range(self.rng.randint(1, 2)):
            clause_type = self.rng.choice((PREAMBULAR, OPERATIVE))
            positions = self._positions(clause_type)
            donor = next((d for d in self.donors if d.type == clause_type), None)
            if donor is None or not positions:
                continue
            self.donors.remove(donor)
            para = _Para(
                clause_type,
                self._new(donor.text),
                donor.verb,
                (),
                next(self.idents),
                self.version,
                touched=True,
            )
            self.paras.insert(self.rng.choice(positions), para)
            done = True
        return done

    def delete(self) -> bool:
        targets = self._free()
        if len(targets) < 6:
            return False
        k = self.rng.choice(targets)
        para = self.paras.pop(k)
        self.graveyard.append((para, self.version))
        return True

    def move(self) -> bool:
        targets = self._free()
        if len(targets) < 6:
            return False
        k = self.rng.choice(targets)
        para = self.paras.pop(k)
        options = [p for p in self._positions(para.clause_type) if abs(p - k) >= 2]
        if not options:
            self.paras.insert(k, para)
            return False
        para.touched = True
        self.paras.insert(self.rng.choice(options), para)
        return True

    def split(self) -> bool:
        options = []
        for k in self._free():
            text = self.paras[k].text
            for cut in re.finditer(r"; |, and |, ", text):
                if len(text[: cut.start()].split()) >= 8 and len(text[cut.end() :].split()) >= 8:
                    options.append((k, cut.start(), cut.end()))
        if not options:
            return False
        k, start, end = self.rng.choice(options)
        para = self.paras[k]
        first = [*para.tokens[: _token_index(para.tokens, start)], (";", self.version)]
        second = para.tokens[_token_index(para.tokens, end) :]
        head, since = second[0]
        second[0] = (head[0].upper() + head[1:], since)  # a change of case: the word stands
        para.tokens = first
        para.touched = True
        part = _Para(para.clause_type, second, None, (), next(self.idents), para.origin, touched=True)
        self.events.append(("split", para.ident, part.ident))
        self.paras.insert(k + 1, part)
        return True

    def merge(self) -> bool:
        free = set(self._free())
        pairs = [
            k
            for k in range(len(self.paras) - 1)
            if k in free and k + 1 in free and self.paras[k].clause_type == self.paras[k + 1].clause_type
        ]
        if not pairs:
            return False
        k = self.rng.choice(pairs)
        first, second = self.paras[k], self.paras.pop(k + 1)
        tokens = list(first.tokens)
        while tokens and tokens[-1][0] in ",;.":
            tokens.pop()
        head, since = second.tokens[0]
        tail = [(head[0].lower() + head[1:], since), *second.tokens[1:]]
        first.tokens = tokens + self._new(", and ") + tail
        first.notes = first.notes + second.notes
        self.events.append(("merge", second.ident, first.ident))
        first.origin = min(first.origin, second.origin)
        first.touched = True
        return True

    def editorial(self) -> bool:
        options = [k for k in self._free() if len(self.paras[k].words()) >= 3]
        if not options:
            return False
        para = self.paras[self.rng.choice(options)]
        hyphens = [
            t
            for t in range(1, len(para.tokens) - 1)
            if para.tokens[t][0] == "-"
            and _WORD_RE.fullmatch(para.tokens[t - 1][0])
            and _WORD_RE.fullmatch(para.tokens[t + 1][0])
        ]
        if hyphens and self.rng.random() < 0.5:
            para.tokens[self.rng.choice(hyphens)] = ("\u2011", self.version)
        else:
            at = self.rng.choice(para.words()[1:])
            word, since = para.tokens[at]
            flipped = word[0].lower() + word[1:] if word[0].isupper() else word[0].upper() + word[1:]
            para.tokens[at] = (flipped, since)  # a change of case: the word stands
        para.touched = True
        return True

    def verb(self) -> bool:
        options = [k for k in self._free() if self.paras[k].clause_type == OPERATIVE and self.paras[k].verb]
        if not options:
            return False
        para = self.paras[self.rng.choice(options)]
        assert para.verb is not None
        adverb = self.rng.choice(_ADVERBS)
        head, since = para.tokens[0]
        para.tokens = [*self._new(adverb + " "), (head[0].lower() + head[1:], since), *para.tokens[1:]]
        para.verb = f"{adverb} {para.verb[0].lower()}{para.verb[1:]}"
        para.touched = True
        return True

    def restore(self) -> bool:
        options = [(p, at) for p, at in self.graveyard if at < self.version and not p.children]
        if not options:
            return False
        para, _ = self.rng.choice(options)
        self.graveyard = [(p, at) for p, at in self.graveyard if p is not para]
        positions = self._positions(para.clause_type)
        if not positions:
            return False
        para.tokens = [(text, self.version) for text, _ in para.tokens]  # it did not stand meanwhile
        para.touched = True
        self.paras.insert(self.rng.choice(positions), para)
        return True

    # --- versions -------------------------------------------------------------------------------

    def year(self, previous: Resolution) -> tuple[Resolution, tuple[ClauseTruth, ...], tuple[str, ...]]:
        self.version += 1
        self.events = []
        for para in self.paras:
            para.touched = False
        applied = []
        if previous.symbol and previous.adopted and self.recital(previous.symbol, previous.adopted):
            applied.append("recital")
        for edit in self.rng.sample(_EDITS, self.rng.randint(3, 5)):
            if getattr(self, edit)():
                applied.append(edit)
        if self.steady:  # as many paragraphs as the base, give or take one: each year costs the same
            if len(self.paras) > self.size + 1 and self.delete():
                applied.append("delete")
            elif len(self.paras) < self.size - 1 and self.insert():
                applied.append("insert")
        session = FIRST_SYNTHETIC_SESSION + self.version
        number = (self.base.symbol or "A/RES/0/1").rsplit("/", 1)[1]
        resolution, truth = self.build(f"A/RES/{session}/{number}", session)
        return resolution, truth, tuple(applied)

    def build(self, symbol: str | None, session: int | None) -> tuple[Resolution, tuple[ClauseTruth, ...]]:
        clauses: list[Clause] = []
        truth: list[ClauseTruth] = []
        numbers = {PREAMBULAR: 0, OPERATIVE: 0}
        for para in self.paras:
            numbers[para.clause_type] += 1
            key = f"{'PP' if para.clause_type == PREAMBULAR else 'OP'}{numbers[para.clause_type]}"
            text = para.text
            verb = para.verb if para.verb and text.startswith(para.verb) else None
            clauses.append(Clause(key, text, para.notes, verb if para.clause_type == OPERATIVE else None))
            truth.append(ClauseTruth(key, para.ident, para.origin, tuple(para.tokens)))
            for suffix, child, ident in para.children:
                clauses.append(replace(child, key=key + suffix))
                truth.append(ClauseTruth(key + suffix, ident, 0, ((child.text, 0),)))
        for clause, ident in self.rest:
            clauses.append(clause)
            truth.append(ClauseTruth(clause.key, ident, 0, ((clause.text, 0),)))
        if self.version == 0:
            return self.base, tuple(truth)
        day = 1 + self.version % 7
        resolution = replace(
            self.base,
            symbol=symbol,
            session=session,
            adopted=f"{2045 + self.version}-12-{day:02d}",
            cites=tuple(dict.fromkeys(self.cites)),
            clauses=tuple(clauses),
            source=None,
        )
        return resolution, tuple(truth)


def _token_index(tokens: Sequence[Token], offset: int) -> int:
    """The index of the token starting at a character offset of the joined text."""
    position = 0
    for index, (text, _) in enumerate(tokens):
        if position >= offset:
            return index
        position += len(text)
    return len(tokens)


def _in_symbol(tokens: Sequence[Token], at: int) -> bool:
    """A number that is part of a symbol or a longer number ("63/71", "1,250", "2.5")."""
    neighbours = [tokens[k][0] for k in (at - 1, at + 1) if 0 <= k < len(tokens)]
    return any(n in "/.,-" and n for n in neighbours) and any(
        0 <= k < len(tokens) and tokens[k][0].isdigit() for k in (at - 2, at + 2)
    )


def synthetic_chain(
    name: str, base: Resolution, donors: Sequence[Clause], seed: int, years: int = YEARS, steady: bool = False
) -> Chain:
    """A chain of ``years`` + 1 versions: the real ``base`` and ``years`` synthetic successors (with
    ``steady``, each as long as the base, give or take a paragraph: what a bench of lengths needs)."""
    grower = _Grower(base, donors, random.Random(seed), steady)
    first, truth = grower.build(base.symbol, base.session)
    versions, truths, edits = [first], [truth], [()]
    events: list[tuple[tuple[str, int, int], ...]] = [()]
    for _ in range(years):
        version, truth, applied = grower.year(versions[-1])
        versions.append(version)
        truths.append(truth)
        edits.append(applied)
        events.append(tuple(grower.events))
    for version, truth in zip(versions, truths, strict=True):
        assert [c.key for c in version.clauses] == [t.key for t in truth]
        assert all(c.text == t.text for c, t in zip(version.clauses, truth, strict=True))
    given = tuple(range(len(versions)))
    return Chain(
        f"synthetic-{name}-{seed}", tuple(versions), tuple(truths), tuple(edits), tuple(events), given
    )


@dataclass
class ChainScore:
    """Pairing F1 over steps, origin accuracy over clauses, word provenance over the last version."""

    true_pairs: int = 0
    found_pairs: int = 0
    right_pairs: int = 0
    clauses: int = 0
    right_origins: int = 0
    words: int = 0
    right_words: int = 0
    failures: list[str] = field(default_factory=list)

    def add_pairs(self, name: str, expected: set[tuple[str, str]], found: set[tuple[str, str]]) -> None:
        self.true_pairs += len(expected)
        self.found_pairs += len(found)
        self.right_pairs += len(expected & found)
        for pair in sorted(expected ^ found):
            self.failures.append(f"{name}: {'missed' if pair in expected else 'false'} pair {pair}")

    @property
    def f1(self) -> float:
        total = self.true_pairs + self.found_pairs
        return 2 * self.right_pairs / total if total else 1.0

    @property
    def origin_accuracy(self) -> float:
        return self.right_origins / self.clauses if self.clauses else 1.0

    @property
    def provenance(self) -> float:
        return self.right_words / self.words if self.words else 1.0


def score_chain(chain: Chain, history: History, total: ChainScore) -> None:
    """Adds one traced chain to ``total``: every step's pairs, the origin of every clause of every
    version after the first, and the date of every word of the last version."""
    given = chain.given
    for number, step in enumerate(history.steps):
        found = {(o, n) for change in step.comparison.changes for o in change.old for n in change.new}
        total.add_pairs(
            f"{chain.name} {step.old}->{step.new}", chain.pairs(given[number], given[number + 1]), found
        )
    for position, version in enumerate(given[1:], start=1):
        for truth in chain.truth[version]:
            origin = history.lineage_of(truth.key, position).origin
            total.clauses += 1
            if origin == chain.dated(truth.origin):
                total.right_origins += 1
            else:
                total.failures.append(
                    f"{chain.name} {chain.labels[version]} {truth.key}: origin {origin}, "
                    f"expected {chain.dated(truth.origin)}"
                )
    blame = history.blame()
    for clause, truth in zip(blame.clauses, chain.truth[given[-1]], strict=True):
        dates = [span.since for span in clause.spans for _ in span.text]
        offset = 0
        for text, since in truth.tokens:
            for word in _WORD_RE.finditer(text):
                total.words += 1
                expected = chain.dated(since)
                if dates[offset + word.start()] == expected:
                    total.right_words += 1
                else:
                    total.failures.append(
                        f"{chain.name} {clause.key} word {word[0]!r}: since {dates[offset + word.start()]}, "
                        f"expected {expected}"
                    )
            offset += len(text)
