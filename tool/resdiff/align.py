"""Pair the clauses of two resolutions by content, never by number.

Clauses are compared within one alignment class (preambular with preambular, operative with
operative, annex paragraphs with annex paragraphs, ...). Within a class the pairing is built in
rounds, most certain first, because a false pairing is worse than a missed one:

1. identical texts: found once on each side, they pair first; found more than once (boilerplate,
   or 2,000 copies of one clause), their copies pair by order within each stretch between the
   pairs of the first kind that keep their order, where both sides hold as many copies (or too
   many to leave to the rounds), which costs no similarity at all;
2. anchors: pairs that are each other's unambiguous best match and very similar;
3. best-first greedy on word similarity, boosted where the neighbours are already paired (the
   positional prior that tells near-duplicate boilerplate apart) and penalised where the pair
   would cross the order of the pairs around it;
4. gaps: in a stretch between two ordered pairs, a weaker match is accepted when it stands out
   clearly from every other clause of its row and column, because its position corroborates it;
5. splits and merges: an unpaired neighbour joins a pair when the joined text explains a good
   share of what the single clause failed to match (``aligner.groups``);
6. provenance: splits, merges and pairs that were also reworded, wherever their parts stand, and
   paragraphs that became items of another (or items paragraphs), found from where each clause's
   words came from, in order, rather than from how alike the texts look (``aligner.provenance``).
   The preamble and the operative part stay apart here too;
7. across: a paragraph the preamble handed to the operative part ("Taking note of the report" ->
   "Takes note of the report") or back, left deleted on one side and added on the other within one
   part, pairs (as a move) when the two are each other's unambiguous best match and as similar as
   an anchor (ANCHOR, MARGIN), and its opener changed (the new operative verb is not the old
   preamble's opener, or back): a text kept word for word, opener and all, or a short formula both
   share, did not cross (``_across``).

Footnotes are aligned last: a footnote follows the clause it is anchored to, so FNk of OLD and FNj
of NEW get a bonus when a clause citing FNk is paired with a clause citing FNj.

Where both texts are divided into parts (``A.``, ``B.``; sections ``I.``, ``II.``), the parts are
paired first, by their words (a part added in front shifts every letter after it; ``aligner.parts``),
and a clause pairs only within its part's counterpart: the boilerplate every part repeats ("Decides
to remain seized of the matter") stays in its part. A part with no counterpart was dropped, or is
new: its clauses are deleted or added (a part's clauses share the template of every other part's,
which must not make a new part a modified old one).

The time grows about linearly with the input, whatever it holds: the rounds, whose cost grows
faster, only ever see a class within FREE_BUDGET and CLASS_BUDGET (far beyond any real
resolution); a larger one keeps its identical pairs and is aligned window by window
(``_align_in_windows``), and what is done with the whole class takes n log n steps at most.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from .aligner.footnotes import NO_BONUS, Bonus, WindowBonus, footnote_bonus
from .aligner.groups import grow, unseeded_groups
from .aligner.matcher import ANCHOR, MARGIN, ClassMatcher, fits
from .aligner.order import longest_increasing, moved_groups
from .aligner.parts import is_annex, part_pairs
from .aligner.provenance import groups_by_provenance
from .aligner.words import Words
from .languages import shared
from .model import FOOTNOTE, HEADING, KEY_RE, OPERATIVE, PREAMBULAR, Clause, Resolution

WINDOW = 50  # clauses a side in a window of a long stretch


class Group(NamedTuple):
    """Clauses of OLD and NEW that correspond: 1-1 pair, split (1 -> n) or merge (n -> 1).

    Internal to align -> compare, so a NamedTuple: immutable like a frozen dataclass, but cheaper
    to define, which every ``resdiff diff`` pays at import."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    similarity: float  # word similarity of the joined texts, 0..1
    moved: bool = False


class Alignment(NamedTuple):
    """Every clause of OLD and NEW in exactly one group, or deleted, or added."""

    groups: tuple[Group, ...]
    deleted: tuple[str, ...]  # keys of OLD clauses with no counterpart
    added: tuple[str, ...]  # keys of NEW clauses with no counterpart


def alignment_class(clause: Clause) -> tuple[str, str]:
    """Which clauses may pair: same type, in the same kind of section.

    The parts of a multi-part resolution (A., B.) are all its body: a paragraph may move from
    one part to another, or a single-part resolution be divided into parts. Annexes are another
    kind. Footnotes are global.
    """
    if clause.type == FOOTNOTE:
        return ("", FOOTNOTE)
    return ("annex" if clause.section.startswith("ANNEX") else "body", clause.type)


def _align_class(
    old: Sequence[Clause],
    new: Sequence[Clause],
    words: Words,
    bonus: Bonus,
    track_moves: bool = True,
) -> tuple[list[Group], list[str], list[str]]:
    old_texts = [c.text for c in old]
    new_texts = [c.text for c in new]
    matcher = ClassMatcher(old_texts, new_texts, words, bonus)
    if matcher.too_large():
        return _align_in_windows(old, new, words, bonus, matcher, track_moves)
    matcher.run()

    groups: list[tuple[list[int], list[int]]] = []
    used_old, used_new = set(matcher.old_to_new), set(matcher.new_to_old)
    # a split shows as one old clause paired with one part, the other parts left unpaired
    for i, j in sorted(matcher.old_to_new.items()):
        # a part may join unless barred (a footnote cited elsewhere: see FOOTNOTE_ELSEWHERE)
        def new_part(k: int, i: int = i) -> bool:
            return k not in used_new and bonus.get((i, k), 0.0) >= 0

        def old_part(k: int, j: int = j) -> bool:
            return k not in used_old and bonus.get((k, j), 0.0) >= 0

        news = grow(j, old_texts[i], new_texts, new_part, words)
        olds = [i] if len(news) > 1 else grow(i, new_texts[j], old_texts, old_part, words)
        used_new.update(news)
        used_old.update(olds)
        groups.append((olds, news))
    if not bonus:  # footnotes are not split or merged without an anchor
        groups += unseeded_groups(old_texts, new_texts, used_old, used_new, words)

    moved = moved_groups(groups) if track_moves else set()
    result = [
        Group(
            old=tuple(old[k].key for k in olds),
            new=tuple(new[k].key for k in news),
            similarity=words.similarity([old_texts[k] for k in olds], [new_texts[k] for k in news]),
            moved=index in moved,
        )
        for index, (olds, news) in enumerate(groups)
    ]
    deleted = [c.key for k, c in enumerate(old) if k not in used_old]
    added = [c.key for k, c in enumerate(new) if k not in used_new]
    return result, deleted, added


def _align_in_windows(
    old: Sequence[Clause],
    new: Sequence[Clause],
    words: Words,
    bonus: Bonus,
    matcher: ClassMatcher,
    track_moves: bool,
) -> tuple[list[Group], list[str], list[str]]:
    """A class too large for the rounds (thousands of clauses, or of clauses left unpaired): its
    identical texts stay paired as ``matcher`` paired them, and what they left is aligned window
    by window, each window a class of its own: the unpaired clauses of one stretch between two
    pairs that keep their order, cut where the stretch is itself too large into blocks of at most
    WINDOW clauses a side (and what the blocks leave unpaired tried once more together, for the
    pairs a cut parted). The cost grows with the class, not with its square or cube; the price
    is that a clause both edited and moved to another stretch shows as deleted and added."""
    pairs = sorted(matcher.old_to_new.items())
    chain = [pairs[k] for k in longest_increasing([j for _, j in pairs])]
    chain_old, chain_new = [i for i, _ in chain], [j for _, j in chain]
    stretch_old: dict[int, list[int]] = {}
    stretch_new: dict[int, list[int]] = {}
    for i in matcher.free_old:
        stretch_old.setdefault(bisect_left(chain_old, i), []).append(i)
    for j in matcher.free_new:
        stretch_new.setdefault(bisect_left(chain_new, j), []).append(j)

    groups: list[tuple[list[int], list[int], float]] = [([i], [j], 1.0) for i, j in pairs]
    deleted: list[str] = []
    added: list[str] = []
    old_index = {c.key: k for k, c in enumerate(old)}
    new_index = {c.key: k for k, c in enumerate(new)}

    def window(window_old: list[int], window_new: list[int]) -> tuple[list[str], list[str]]:
        """Align one window as a class of its own; what it left unpaired."""
        found, gone, fresh = _align_class(
            [old[i] for i in window_old],
            [new[j] for j in window_new],
            words,
            WindowBonus(bonus, window_old, window_new),
            track_moves=False,
        )
        groups.extend(
            ([old_index[k] for k in g.old], [new_index[k] for k in g.new], g.similarity) for g in found
        )
        return gone, fresh

    for stretch in sorted(set(stretch_old) | set(stretch_new)):
        olds, news = stretch_old.get(stretch, []), stretch_new.get(stretch, [])
        if fits(len(olds), len(news)):
            gone, fresh = window(olds, news)
        else:
            blocks = -(-max(len(olds), len(news)) // WINDOW)  # a ceiling
            gone, fresh = [], []
            for block in range(blocks):
                left = window(
                    olds[block * len(olds) // blocks : (block + 1) * len(olds) // blocks],
                    news[block * len(news) // blocks : (block + 1) * len(news) // blocks],
                )
                gone += left[0]
                fresh += left[1]
            # a pair the cut between two blocks parted (the two sides' blocks drift apart where
            # one side has more clauses): what the blocks left, together, if it fits
            if gone and fresh and fits(len(gone), len(fresh)):
                gone, fresh = window([old_index[k] for k in gone], [new_index[k] for k in fresh])
        deleted += gone
        added += fresh

    groups.sort(key=lambda group: group[0][0])
    moved = moved_groups([(olds, news) for olds, news, _ in groups]) if track_moves else set()
    result = [
        Group(
            old=tuple(old[k].key for k in olds),
            new=tuple(new[k].key for k in news),
            similarity=similarity,
            moved=index in moved,
        )
        for index, (olds, news, similarity) in enumerate(groups)
    ]
    deleted.sort(key=old_index.__getitem__)
    added.sort(key=new_index.__getitem__)
    return result, deleted, added


def _by_class(
    clauses: Sequence[Clause], parts: dict[str, str] | None = None, side: str = ""
) -> dict[tuple[str, str], list[Clause]]:
    """Clauses by alignment class; ``parts``: a body part's (an annex's) counterpart pair (see
    ``aligner.parts``), which narrows the class to that pair of parts (a part without one: a class of
    its own on ``side``), where parts (annexes) were paired."""
    classes: dict[tuple[str, str], list[Clause]] = {}
    paired = {"annex" if is_annex(section) else "body" for section in parts or ()}
    for clause in clauses:
        where, kind = alignment_class(clause)
        if parts and where in paired:
            where = f"{where}/{parts.get(clause.section) or side + clause.section}"
        classes.setdefault((where, kind), []).append(clause)
    return classes


def _part(clause: Clause, where: str) -> tuple[str, str] | None:
    """The section (``where``: its class's, so a part pairs only with its counterpart) and the kind of
    paragraph (preambular, operative, annex paragraph or text) a clause or its item belongs to; None
    for footnotes and headings."""
    if clause.type in (FOOTNOTE, HEADING):
        return None
    match = KEY_RE.match(clause.key)
    return (where, match["kind"] if match else "")


def _by_provenance(
    old: Resolution,
    new: Resolution,
    words: Words,
    groups: list[Group],
    deleted: list[str],
    added: list[str],
    classes: tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]],
) -> tuple[list[Group], list[str], list[str]]:
    """Round 6 (``aligner.provenance``) on what the classes left unpaired, with the pairs they
    made (a pair may grow into a split or merge with unpaired clauses), paragraphs and their items
    together (a paragraph may become an item of another, or an item a paragraph), but the preamble
    apart from the operative part, as in the classes; footnotes and headings stay apart. A class
    that gained a group has its moves told again. ``classes``: each clause's class (see ``_by_class``),
    by key, of OLD and of NEW."""
    old_by_key, new_by_key = {c.key: c for c in old.clauses}, {c.key: c for c in new.clauses}
    old_class, new_class = classes

    def old_part(clause: Clause) -> tuple[str, str] | None:
        return _part(clause, old_class[clause.key][0])

    def new_part(clause: Clause) -> tuple[str, str] | None:
        return _part(clause, new_class[clause.key][0])

    gone, fresh = set(deleted), set(added)
    pairs = {
        g.old[0]: g.new[0]
        for g in groups
        if len(g.old) == len(g.new) == 1 and old_part(old_by_key[g.old[0]]) == new_part(new_by_key[g.new[0]])
    }
    parts = {old_part(c) for c in old.clauses if c.key in gone} | {
        new_part(c) for c in new.clauses if c.key in fresh
    }
    found: list[Group] = []
    for part in sorted(parts - {None}, key=str):
        olds = [c for c in old.clauses if (c.key in gone or c.key in pairs) and old_part(c) == part]
        news = [c for c in new.clauses if (c.key in fresh or c.key in pairs.values()) and new_part(c) == part]
        new_index = {c.key: k for k, c in enumerate(news)}
        kept = {k: new_index[pairs[c.key]] for k, c in enumerate(olds) if c.key in pairs}
        if len(kept) == len(olds) == len(news):
            continue  # nothing unpaired
        for old_parts, new_parts in groups_by_provenance(
            [c.text for c in olds], [c.text for c in news], words, kept
        ):
            found.append(
                Group(
                    old=tuple(olds[k].key for k in old_parts),
                    new=tuple(news[k].key for k in new_parts),
                    similarity=words.similarity(
                        [olds[k].text for k in old_parts], [news[k].text for k in new_parts]
                    ),
                )
            )
    if not found:
        return groups, deleted, added
    # the pairs that grew give way to their groups
    grown = {key for g in found for key in g.old if key in pairs}
    groups = [g for g in groups if not (len(g.old) == 1 and g.old[0] in grown)]
    paired_old = {key for group in found for key in group.old}
    paired_new = {key for group in found for key in group.new}
    # a group within one class may have moved against the class's other pairs
    touched = {old_class[g.old[0]] for g in found if old_class[g.old[0]] == new_class[g.new[0]]}
    groups = groups + found
    if touched:
        old_position = {c.key: k for k, c in enumerate(old.clauses)}
        new_position = {c.key: k for k, c in enumerate(new.clauses)}
        for cls in touched:
            members = [k for k, g in enumerate(groups) if old_class[g.old[0]] == cls == new_class[g.new[0]]]
            moved = moved_groups(
                [([old_position[groups[k].old[0]]], [new_position[groups[k].new[0]]]) for k in members]
            )
            for index, k in enumerate(members):
                groups[k] = groups[k]._replace(moved=index in moved)
    return (
        groups,
        [key for key in deleted if key not in paired_old],
        [key for key in added if key not in paired_new],
    )


def _crossed(old: Clause, new: Clause) -> bool:
    """Whether OLD and NEW are a preambular and an operative paragraph (either way) whose opener
    changed: the operative one's verb does not open the preambular one."""
    kinds = {old.type, new.type}
    if kinds != {PREAMBULAR, OPERATIVE}:
        return False
    preambular, operative = (old, new) if old.type == PREAMBULAR else (new, old)
    verb = (operative.verb or "").casefold()
    return not verb or not preambular.text.casefold().startswith(verb)


def _across(
    old: Resolution,
    new: Resolution,
    words: Words,
    deleted: list[str],
    added: list[str],
    classes: tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]],
) -> tuple[list[Group], list[str], list[str]]:
    """Round 7: a deleted paragraph and an added one of the other class (preamble, operative part)
    in the same part pair when they are each other's unambiguous best (by MARGIN) and at least as
    similar as an anchor (ANCHOR), and crossed (``_crossed``). Always a move: it left its class."""
    old_class, new_class = classes
    old_by_key, new_by_key = {c.key: c for c in old.clauses}, {c.key: c for c in new.clauses}
    gone = [old_by_key[k] for k in deleted if old_by_key[k].type in (PREAMBULAR, OPERATIVE)]
    fresh = [new_by_key[k] for k in added if new_by_key[k].type in (PREAMBULAR, OPERATIVE)]
    if not gone or not fresh:
        return [], deleted, added
    score = {
        (o.key, n.key): words.similarity([o.text], [n.text])
        for o in gone
        for n in fresh
        if old_class[o.key][0] == new_class[n.key][0] and _crossed(o, n)
    }

    def best(key: str, side: int) -> tuple[str, float, float]:
        """The best counterpart of KEY, its score and the runner-up's."""
        rivals = sorted(((s, pair[1 - side]) for pair, s in score.items() if pair[side] == key), reverse=True)
        runner = rivals[1][0] if len(rivals) > 1 else 0.0
        return rivals[0][1], rivals[0][0], runner

    found: list[Group] = []
    for (o, n), similarity in sorted(score.items()):
        if similarity < ANCHOR:
            continue
        to_new, to_old = best(o, 0), best(n, 1)
        if to_new[0] == n and to_old[0] == o and similarity - max(to_new[2], to_old[2]) >= MARGIN:
            found.append(Group(old=(o,), new=(n,), similarity=similarity, moved=True))
    paired_old = {g.old[0] for g in found}
    paired_new = {g.new[0] for g in found}
    return (
        found,
        [k for k in deleted if k not in paired_old],
        [k for k in added if k not in paired_new],
    )


def align(old: Resolution, new: Resolution) -> Alignment:
    """Pair the clauses of OLD and NEW; every clause ends in exactly one group, or added/deleted."""
    words = Words(old.clauses + new.clauses, shared(old.language, new.language))
    old_parts, new_parts = part_pairs(old, new)
    old_classes = _by_class(old.clauses, old_parts, "old:")
    new_classes = _by_class(new.clauses, new_parts, "new:")
    groups: list[Group] = []
    deleted: list[str] = []
    added: list[str] = []
    footnote_class = ("", FOOTNOTE)
    for cls in sorted(set(old_classes) | set(new_classes)):
        if cls == footnote_class:
            continue
        olds, news = old_classes.get(cls, []), new_classes.get(cls, [])
        found, gone, fresh = _align_class(olds, news, words, NO_BONUS)
        groups += found
        deleted += gone
        added += fresh
    classes = (
        {c.key: cls for cls, clauses in old_classes.items() for c in clauses},
        {c.key: cls for cls, clauses in new_classes.items() for c in clauses},
    )
    groups, deleted, added = _by_provenance(old, new, words, groups, deleted, added, classes)
    crossed, deleted, added = _across(old, new, words, deleted, added, classes)
    groups += crossed
    old_notes, new_notes = old_classes.get(footnote_class, []), new_classes.get(footnote_class, [])
    bonus = footnote_bonus(old, new, groups, old_notes, new_notes)
    # footnotes are numbered in marker order: their order follows the clauses, it is no move
    found, gone, fresh = _align_class(old_notes, new_notes, words, bonus, track_moves=False)
    return Alignment(groups=tuple(groups + found), deleted=tuple(deleted + gone), added=tuple(added + fresh))
