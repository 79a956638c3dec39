"""SYNTHETIC mutation suite: variants of REAL resolutions with a known ground truth.

Every variant starts from a real, normalized resolution (OLD) and applies known edits to get a
SYNTHETIC "next year" (NEW): word edits, number updates, editorial-only edits, insertions of real
paragraphs taken from OTHER resolutions, deletions, moves, splits, merges, heavy rewording and
combinations, renumbering the keys as a real new year would. The NEW texts are machine-made and
are never presented as real resolution text. A seeded RNG makes the suite deterministic.

Only the top-level preambular and operative paragraphs of the main body are mutated (with their
sub-paragraphs travelling along); annexes and footnotes stay as they are.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rapidfuzz import fuzz, process

from resdiff.model import OPERATIVE, PREAMBULAR, SUBPARAGRAPH, Clause, Resolution
from resdiff.normalize import normalize_path
from resdiff.records import Comparison
from resdiff.redline import editorial_key

UNCHANGED, EDITORIAL, MODIFIED = "unchanged", "editorial", "modified"
_SEVERITY = {UNCHANGED: 0, EDITORIAL: 1, MODIFIED: 2}
_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_NUMBER_RE = re.compile(r"\b[0-9]{1,4}\b")
_CUT_RE = re.compile(r"; |, and |, ")


@dataclass
class _Unit:
    """A top-level paragraph with its sub-paragraphs, tracked through the mutations."""

    clause: Clause
    children: list[Clause]
    origin: tuple[str, ...]  # OLD keys this paragraph comes from (empty: inserted)
    kind: str = UNCHANGED
    split_part: bool = False  # one of several parts of a split OLD paragraph
    moved: bool = False  # placed elsewhere among the paragraphs of its type

    @property
    def type(self) -> str:
        return self.clause.type


@dataclass(frozen=True)
class Truth:
    """One expected record: OLD keys, NEW keys and the kind (pairs, splits, merges, adds, deletes)."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    kind: str
    moved: bool = False


@dataclass(frozen=True)
class Variant:
    name: str
    mutation: str
    old: Resolution
    new: Resolution
    truth: tuple[Truth, ...]


class _Mutator:
    def __init__(self, base: Resolution, donors: Sequence[Clause], rng: random.Random) -> None:
        self.base = base
        self.rng = rng
        self.donors = donors
        self.units: list[_Unit] = []
        self.rest: list[Clause] = []  # clauses that are not mutated (annex, footnotes, ...)
        for clause in base.clauses:
            if clause.section == "" and clause.type in (PREAMBULAR, OPERATIVE):
                self.units.append(_Unit(clause, [], (clause.key,)))
            elif clause.section == "" and clause.type == SUBPARAGRAPH and self.units:
                self.units[-1].children.append(clause)
            else:
                self.rest.append(clause)
        self.vocabulary = sorted({w for c in base.clauses for w in _WORD_RE.findall(c.text)})

    # --- helpers -------------------------------------------------------------------------

    def _candidates(self, test: Callable[[_Unit], bool] = lambda unit: True) -> list[int]:
        return [k for k, unit in enumerate(self.units) if unit.origin and not unit.children and test(unit)]

    def _set_text(self, index: int, text: str, kind: str) -> None:
        unit = self.units[index]
        verb = unit.clause.verb
        if verb is not None and not text.startswith(verb):
            verb = None
        unit.clause = replace(unit.clause, text=text, verb=verb)
        if _SEVERITY[kind] > _SEVERITY[unit.kind]:
            unit.kind = kind

    def _inside_split(self, position: int) -> bool:
        """Whether inserting at ``position`` would come between the parts of a split paragraph."""
        if not 0 < position < len(self.units):
            return False
        before, after = self.units[position - 1], self.units[position]
        return before.split_part and after.split_part and before.origin == after.origin

    def _word_spans(self, text: str) -> list[re.Match[str]]:
        return list(_WORD_RE.finditer(text))

    # --- mutations (each returns False where it does not apply) ---------------------------

    def word_edit(self) -> bool:
        targets = self._candidates(lambda unit: len(self._word_spans(unit.clause.text)) >= 6)
        if not targets or len(self.vocabulary) < 10:
            return False
        for index in self.rng.sample(targets, min(len(targets), self.rng.randint(1, 3))):
            text = self.units[index].clause.text
            spans = self._word_spans(text)
            for span in sorted(
                self.rng.sample(spans[1:], min(len(spans) - 1, self.rng.randint(1, 3))),
                key=lambda m: -m.start(),
            ):
                word = self.rng.choice([w for w in self.vocabulary if w.casefold() != span[0].casefold()])
                action = self.rng.choice(("replace", "insert", "delete"))
                if action == "replace":
                    text = text[: span.start()] + word + text[span.end() :]
                elif action == "insert":
                    text = text[: span.start()] + word + " " + text[span.start() :]
                else:
                    text = text[: span.start()] + text[span.end() :].lstrip(" ")
            if editorial_key(text) != editorial_key(self.units[index].clause.text):
                self._set_text(index, text, MODIFIED)
        return True

    def number_update(self) -> bool:
        targets = self._candidates(lambda unit: _NUMBER_RE.search(unit.clause.text) is not None)
        if not targets:
            return False
        for index in self.rng.sample(targets, min(len(targets), 2)):
            text = self.units[index].clause.text
            match = self.rng.choice(list(_NUMBER_RE.finditer(text)))
            number = str(int(match[0]) + self.rng.randint(1, 9))
            self._set_text(index, text[: match.start()] + number + text[match.end() :], MODIFIED)
        return True

    def editorial(self) -> bool:
        targets = self._candidates(lambda unit: len(self._word_spans(unit.clause.text)) >= 3)
        if not targets:
            return False
        for index in self.rng.sample(targets, min(len(targets), self.rng.randint(1, 3))):
            text = self.units[index].clause.text
            style = self.rng.choice(("case", "hyphen", "quote", "space", "punctuation", "line-end"))
            if style == "hyphen" and "-" in text:
                text = text.replace("-", "\u2011")
            elif style == "line-end" and re.search(r"\w-\w", text):  # "military-to- military"
                hyphen = self.rng.choice(list(re.finditer(r"(?<=\w)-(?=\w)", text)))
                text = text[: hyphen.end()] + " " + text[hyphen.end() :]
            elif style == "quote" and ("'" in text or "’" in text or '"' in text or "“" in text):
                text = text.translate(str.maketrans({"'": "’", "’": "'", '"': "“", "“": '"', "”": '"'}))
            elif style == "space":
                span = self.rng.choice(self._word_spans(text))
                text = text[: span.end()] + "  " + text[span.end() :].lstrip(" ")
            elif style == "punctuation" and text[-1:] in ",;.":
                text = text[:-1] + {",": ";", ";": ".", ".": ";"}[text[-1]]
            else:
                span = self.rng.choice(self._word_spans(text)[1:])
                word = span[0]
                flipped = word[0].lower() + word[1:] if word[0].isupper() else word[0].upper() + word[1:]
                text = text[: span.start()] + flipped + text[span.end() :]
            if text != self.units[index].clause.text:
                self._set_text(index, text, EDITORIAL)
        return True

    def heavy_reword(self) -> bool:
        targets = self._candidates(lambda unit: len(self._word_spans(unit.clause.text)) >= 12)
        if not targets:
            return False
        index = self.rng.choice(targets)
        text = self.units[index].clause.text
        spans = self._word_spans(text)[1:]
        chosen = self.rng.sample(spans, len(spans) * self.rng.randint(30, 45) // 100)
        for span in sorted(chosen, key=lambda m: -m.start()):
            word = self.rng.choice(self.vocabulary)
            text = text[: span.start()] + word + text[span.end() :]
        self._set_text(index, text, MODIFIED)
        return True

    def insert(self) -> bool:
        for _ in range(self.rng.randint(1, 3)):
            clause_type = self.rng.choice((PREAMBULAR, OPERATIVE))
            donors = [c for c in self.donors if c.type == clause_type]
            positions = [k for k, unit in enumerate(self.units) if unit.type == clause_type]
            if not donors or not positions:
                continue
            donor = self.rng.choice(donors)
            at = self.rng.choice([k for k in [*positions, positions[-1] + 1] if not self._inside_split(k)])
            self.units.insert(at, _Unit(replace(donor, notes=()), [], ()))
        return any(not unit.origin for unit in self.units)

    def delete(self) -> bool:
        targets = [k for k, unit in enumerate(self.units) if unit.origin and not unit.split_part]
        if len(targets) < 4:
            return False
        for index in sorted(self.rng.sample(targets, self.rng.randint(1, 3)), reverse=True):
            del self.units[index]
        return True

    def move(self) -> bool:
        targets = self._candidates(lambda unit: not unit.split_part)
        if len(targets) < 4:
            return False
        index = self.rng.choice(targets)
        unit = self.units.pop(index)
        same = [k for k, other in enumerate(self.units) if other.type == unit.type]
        ends = [*same, same[-1] + 1] if same else []
        options = [k for k in ends if abs(k - index) >= 2 and not self._inside_split(k)]
        if not options:
            self.units.insert(index, unit)
            return False
        unit.moved = True
        self.units.insert(self.rng.choice(options), unit)
        return True

    def split(self) -> bool:
        def cuttable(unit: _Unit) -> bool:
            return any(
                len(unit.clause.text[: m.start()].split()) >= 8
                and len(unit.clause.text[m.end() :].split()) >= 8
                for m in _CUT_RE.finditer(unit.clause.text)
            )

        targets = self._candidates(
            lambda unit: cuttable(unit) and unit.kind == UNCHANGED and len(unit.origin) == 1
        )
        if not targets:
            return False
        index = self.rng.choice(targets)
        unit = self.units[index]
        text = unit.clause.text
        cuts = [
            m
            for m in _CUT_RE.finditer(text)
            if len(text[: m.start()].split()) >= 8 and len(text[m.end() :].split()) >= 8
        ]
        cut = self.rng.choice(cuts)
        first = text[: cut.start()] + ";"
        second = text[cut.end() :]
        second = second[0].upper() + second[1:]
        unit.clause = replace(unit.clause, text=first)
        unit.split_part = True
        part = _Unit(replace(unit.clause, text=second, verb=None, notes=()), [], unit.origin, split_part=True)
        self.units.insert(index + 1, part)
        return True

    def merge(self) -> bool:
        order = {clause.key: number for number, clause in enumerate(self.base.clauses)}
        pairs = [
            k
            for k in range(len(self.units) - 1)
            if all(
                len(u.origin) == 1 and not u.children and not u.split_part and u.kind == UNCHANGED
                for u in self.units[k : k + 2]
            )
            and self.units[k].type == self.units[k + 1].type
            and order[self.units[k + 1].origin[0]] == order[self.units[k].origin[0]] + 1
        ]
        if not pairs:
            return False
        index = self.rng.choice(pairs)
        first, second = self.units[index], self.units.pop(index + 1)
        text = (
            first.clause.text.rstrip(",;.")
            + ", and "
            + second.clause.text[0].lower()
            + second.clause.text[1:]
        )
        first.clause = replace(first.clause, text=text, notes=first.clause.notes + second.clause.notes)
        first.origin = first.origin + second.origin
        return True

    def replace_paragraph(self) -> bool:
        """A paragraph dropped and a foreign one put in its place, opening with the same word if
        any does: the bait for a false pairing."""
        targets = [k for k, unit in enumerate(self.units) if unit.origin and not unit.split_part]
        if not targets:
            return False
        index = self.rng.choice(targets)
        gone = self.units[index].clause
        donors = [c for c in self.donors if c.type == gone.type]
        alike = [c for c in donors if c.text.split()[0] == gone.text.split()[0]]
        if not donors:
            return False
        self.units[index] = _Unit(replace(self.rng.choice(alike or donors), notes=()), [], ())
        return True

    def renumber(self) -> bool:
        """An operative paragraph inserted first: every later operative key shifts."""
        donors = [c for c in self.donors if c.type == OPERATIVE]
        positions = [k for k, unit in enumerate(self.units) if unit.type == OPERATIVE]
        if not donors or len(positions) < 2:
            return False
        self.units.insert(positions[0], _Unit(replace(self.rng.choice(donors), notes=()), [], ()))
        return True

    # --- result ----------------------------------------------------------------------------

    def build(self, name: str, mutation: str) -> Variant:
        clauses: list[Clause] = []
        counters = {PREAMBULAR: 0, OPERATIVE: 0}
        new_keys: list[tuple[_Unit, str]] = []
        for unit in self.units:
            counters[unit.type] += 1
            prefix = "PP" if unit.type == PREAMBULAR else "OP"
            key = f"{prefix}{counters[unit.type]}"
            clauses.append(replace(unit.clause, key=key))
            new_keys.append((unit, key))
            for child in unit.children:
                clauses.append(replace(child, key=key + child.key[len(unit.clause.key) :]))
        body_end = len(clauses)
        clauses += self.rest
        new = replace(self.base, clauses=tuple(clauses))

        truth: list[Truth] = []
        by_origin: dict[tuple[str, ...], list[str]] = {}
        for unit, key in new_keys:
            if not unit.origin:
                truth.append(Truth((), (key,), "added"))
                continue
            by_origin.setdefault(unit.origin, []).append(key)
        for unit, key in new_keys:
            keys = by_origin.get(unit.origin)
            if not unit.origin or keys is None or keys[0] != key:
                continue
            if len(keys) > 1:
                kind = "split"
            elif len(unit.origin) > 1:
                kind = "merged"
            else:
                kind = unit.kind
            truth.append(Truth(unit.origin, tuple(keys), kind, unit.moved))
            for child in unit.children:
                truth.append(Truth((child.key,), (key + child.key[len(unit.clause.key) :],), UNCHANGED))
        kept = {k for t in truth for k in t.old}
        for unit_clause in self.base.clauses:
            in_body = unit_clause.section == "" and unit_clause.type in (PREAMBULAR, OPERATIVE, SUBPARAGRAPH)
            if in_body and unit_clause.key not in kept:
                truth.append(Truth((unit_clause.key,), (), "deleted"))
        truth += [Truth((c.key,), (c.key,), UNCHANGED) for c in clauses[body_end:]]
        return Variant(name=name, mutation=mutation, old=self.base, new=new, truth=tuple(truth))


MUTATIONS: dict[str, Callable[[_Mutator], bool]] = {
    "word-edit": _Mutator.word_edit,
    "number-update": _Mutator.number_update,
    "editorial": _Mutator.editorial,
    "insert": _Mutator.insert,
    "delete": _Mutator.delete,
    "move": _Mutator.move,
    "split": _Mutator.split,
    "merge": _Mutator.merge,
    "renumber": _Mutator.renumber,
    "replace": _Mutator.replace_paragraph,
    "heavy-reword": _Mutator.heavy_reword,
}
_COMBINABLE = (
    "word-edit",
    "number-update",
    "editorial",
    "insert",
    "delete",
    "move",
    "split",
    "merge",
    "heavy-reword",
    "replace",
)


def load_bases(paths: Iterable[Path]) -> list[tuple[str, Resolution]]:
    """The real resolutions the variants start from, normalized."""
    return [(Path(p).stem, normalize_path(p).resolution) for p in sorted(paths)]


def variants(bases: Sequence[tuple[str, Resolution]], seed: int = 4, per_base: int = 5) -> list[Variant]:
    """``per_base`` variants of each base (mutation types taken in turn, then combinations)."""
    rng = random.Random(seed)
    kinds = [*MUTATIONS, "combination"]
    result: list[Variant] = []
    turn = 0
    for number, (name, base) in enumerate(bases):
        own = [editorial_key(c.text) for c in base.clauses]
        donors = [
            c
            for other, (_, res) in enumerate(bases)
            if other != number
            for c in res.clauses
            if c.section == ""
            and c.type in (PREAMBULAR, OPERATIVE)
            and len(c.text.split()) >= 6
            # a near copy of one of the base's own paragraphs would make the truth ambiguous
            and process.extractOne(editorial_key(c.text), own, scorer=fuzz.ratio, score_cutoff=80) is None
        ]
        made = attempts = 0
        while made < per_base and attempts < per_base * 3:
            attempts += 1
            mutation = kinds[turn % len(kinds)]
            turn += 1
            mutator = _Mutator(base, donors, rng)
            if mutation == "combination":
                steps = rng.sample(_COMBINABLE, 3)
                applied = [step for step in steps if MUTATIONS[step](mutator)]
                ok = len(applied) >= 2
            else:
                ok = MUTATIONS[mutation](mutator)
            if ok:
                result.append(mutator.build(f"{name}:{mutation}:{made}", mutation))
                made += 1
    return result


@dataclass
class Score:
    """Pair-level F1, kind accuracy on correctly paired clauses, and split/merge detection."""

    true_pairs: int = 0
    found_pairs: int = 0
    right_pairs: int = 0
    kinds: int = 0
    right_kinds: int = 0
    changed_kinds: int = 0  # the same, for the clauses a mutation touched (editorial or modified)
    changed_right_kinds: int = 0
    groups: int = 0
    right_groups: int = 0
    # the same pair counts restricted to the mutated clauses (unchanged ones are easy to pair)
    changed_true: int = 0
    changed_found: int = 0
    changed_right: int = 0
    moved_true: int = 0  # moves made, moves reported, moves reported right
    moved_found: int = 0
    moved_right: int = 0
    failures: list[str] = field(default_factory=list)

    def add(self, variant: Variant, comparison: Comparison) -> None:
        expected = {(o, n) for t in variant.truth for o in t.old for n in t.new}
        found = {(o, n) for c in comparison.changes for o in c.old for n in c.new}
        self.true_pairs += len(expected)
        self.found_pairs += len(found)
        self.right_pairs += len(expected & found)
        touched = [t for t in variant.truth if t.kind != UNCHANGED or t.moved]
        touched_old = {o for t in touched for o in t.old}
        touched_new = {n for t in touched for n in t.new}
        changed_expected = {(o, n) for o, n in expected if o in touched_old or n in touched_new}
        changed_found = {(o, n) for o, n in found if o in touched_old or n in touched_new}
        self.changed_true += len(changed_expected)
        self.changed_found += len(changed_found)
        self.changed_right += len(changed_expected & changed_found)
        for pair in sorted(expected ^ found):
            self.failures.append(f"{variant.name}: {'missed' if pair in expected else 'false'} pair {pair}")
        records = {(c.old, c.new): c for c in comparison.changes}
        truly_moved = {(t.old, t.new) for t in variant.truth if t.moved}
        found_moved = {(c.old, c.new) for c in comparison.changes if c.moved}
        self.moved_true += len(truly_moved)
        self.moved_found += len(found_moved)
        self.moved_right += len(truly_moved & found_moved)
        for truth in variant.truth:
            record = records.get((truth.old, truth.new))
            if truth.kind in (UNCHANGED, EDITORIAL, MODIFIED) and record is not None:
                self.kinds += 1
                self.changed_kinds += truth.kind != UNCHANGED
                if record.kind == truth.kind:
                    self.right_kinds += 1
                    self.changed_right_kinds += truth.kind != UNCHANGED
                else:
                    self.failures.append(
                        f"{variant.name}: {truth.old}->{truth.new} is {record.kind}, expected {truth.kind}"
                    )
            if truth.kind in ("split", "merged"):
                self.groups += 1
                if record is not None and record.kind == truth.kind:
                    self.right_groups += 1
                else:
                    self.failures.append(
                        f"{variant.name}: {truth.kind} {truth.old}->{truth.new} not reported"
                    )

    @property
    def precision(self) -> float:
        return self.right_pairs / self.found_pairs if self.found_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.right_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def changed_f1(self) -> float:
        """F1 over the pairs that touch a mutated clause."""
        total = self.changed_true + self.changed_found
        return 2 * self.changed_right / total if total else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.right_kinds / self.kinds if self.kinds else 1.0

    @property
    def changed_kind_accuracy(self) -> float:
        return self.changed_right_kinds / self.changed_kinds if self.changed_kinds else 1.0

    @property
    def group_rate(self) -> float:
        return self.right_groups / self.groups if self.groups else 1.0
