"""Round 6 of the pairing: splits, merges and pairs that were also reworded, found from where the
words of each clause came from rather than from how alike two texts look.

A similarity reads two texts as wholes, so it cannot see a paragraph cut in two with each half
reworded and the halves set apart (A/RES/79/58 PP13 became 80/52 PP14 and PP17, with other
paragraphs between), nor a short paragraph that grew six times its length (78/32 PP13 became the
opening words of 79/58 PP14), nor paragraphs that became the items of a new one (79/56 OP5-OP8,
each of them an item of 80/34 OP11, without its verb). What each of those shows is provenance: the
words of one clause stand in the other, in the same order, in runs of words, with edits between.

So for every clause the rounds before left unpaired, this round aligns its words with those of
every unpaired clause on the other side (the longest common subsequence of the word sequences) and
keeps the matches that stand in runs of RUN words or more, each word weighed by its rarity (as in
``Words``), so that the boilerplate every clause shares carries next to nothing. Then, most
certain first:

1. a split: an old clause whose words went, in disjoint stretches, to two or more new clauses,
   each of which took most of its own words (PART) from it and from no clause more, and which
   between them carry most of the old one (COVER) and read joined closer to it than any alone;
   a merge likewise, the other way round;
2. parallel clauses joined or parted: a pair whose new text gained words that an unpaired clause of
   the same sentence beside it holds, where that clause stands mostly in it too ("the Fourth Special
   Session ... 2018" and "the Fifth Special Session ... 2023" became "the Fourth and Fifth Special
   Sessions ... 2018 and 2023"; ``_parallel``); a split likewise (78/29 OP6(c), on decision
   C-25/DEC.9, gave its closing words to the new item on C-28/DEC.12 beside it, 79/56 OP9(d)). Side
   by side only: a formula every part of a budget resolution repeats ("Endorses the conclusions
   ...") is no clause parted in two;
3. a pair: two clauses one of which stands nearly whole in the other (CONTAIN), by at least
   MIN_WORDS words, each the other's best source of words.

Unpaired clauses are few (a real pair of texts leaves a few dozen at most), and a pair whose
shared words could not reach the thresholds, whatever their order, is never aligned.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from rapidfuzz.distance import Indel

from .groups import JOIN_GAIN, JOIN_MIN
from .matcher import FREE_BUDGET
from .words import Words

RUN = 2  # words in a row that count as carried over: a lone shared word proves nothing
PART = 0.5  # share of a split part's own words (by weight) that came from the clause it split from
COVER = 0.6  # share of the split clause that its parts carry between them
OVERLAP = 0.2  # how much two parts may take of the same words of the split clause (an edit's slack)
CONTAIN = 0.95  # a pair: share of one side's words (by weight) carried over into the other: all but an edit
MIN_WORDS = 8  # a pair or a split part: words carried over, at least (a short formula proves little)


class _Link(NamedTuple):
    """What one old clause and one new clause share: word positions of each side, carried over."""

    old: frozenset[int]
    new: frozenset[int]
    into: float  # share of the new clause's weight carried over from the old
    out: float  # share of the old clause's weight carried over into the new


def groups_by_provenance(
    old_texts: Sequence[str],
    new_texts: Sequence[str],
    words: Words,
    pairs: Mapping[int, int] | None = None,
) -> list[tuple[list[int], list[int]]]:
    """Splits, merges and pairs among the given clauses (indexes into the two lists), splits and
    merges first. ``pairs`` are those of them the rounds before paired one to one (old -> new): such
    a pair may grow into a split or merge with unpaired clauses, never with another pair. Each
    clause ends in one group at most; a pair that grew is returned with its parts."""
    paired = dict(pairs or {})
    partner = {j: i for i, j in paired.items()}
    free_old = {i for i in range(len(old_texts)) if i not in paired}
    free_new = {j for j in range(len(new_texts)) if j not in partner}
    if not free_old and not free_new:
        return []
    if len(old_texts) * len(free_new) + len(free_old) * len(partner) > FREE_BUDGET:
        if len(free_old) * len(free_new) > FREE_BUDGET:
            return []
        paired, partner = {}, {}  # too many pairs to try: the unpaired clauses alone
    olds = {i: old_texts[i] for i in range(len(old_texts)) if paired or i in free_old}
    news = {j: new_texts[j] for j in range(len(new_texts)) if partner or j in free_new}
    links = _links(olds, news, words, paired, partner)
    used_old: set[int] = set()
    used_new: set[int] = set()
    found: list[tuple[list[int], list[int]]] = []
    # a clause's best source (or destination): the clause of the other side that carries most of it
    into: dict[int, dict[int, float]] = {}
    out: dict[int, dict[int, float]] = {}
    for (i, j), link in links.items():
        if paired.get(i) != j:
            into.setdefault(j, {})[i] = link.into
            out.setdefault(i, {})[j] = link.out
    source, target = _best(into), _best(out)
    for i in sorted(out):  # splits: one old clause, parts in the new text's order
        parts = [
            j for j in sorted(out[i]) if j not in partner and links[i, j].into >= PART and source[j] == i
        ]
        kept = paired.get(i)
        if kept is not None and (i, kept) not in links:
            continue  # a pair of texts without words: it stays as it is
        chosen = _disjoint(
            parts,
            [links[i, j].old for j in parts],
            [links[i, j].into for j in parts],
            None if kept is None else (kept, links[i, kept].old),
        )
        whole = (old_texts[i],)
        if len(chosen) > 1 and _stands(
            words.weights(old_texts[i]),
            [links[i, j].old for j in chosen],
            words.similarity(whole, [new_texts[j] for j in chosen]),
            max(words.similarity(whole, (new_texts[j],)) for j in chosen),
        ):
            found.append(([i], chosen))
            used_old.add(i)
            used_new.update(chosen)
    for j in sorted(into):  # merges: one new clause, parts in the old text's order
        if j in used_new:
            continue
        parts = [
            i
            for i in sorted(into[j])
            if i not in paired and i not in used_old and links[i, j].out >= PART and target[i] == j
        ]
        kept = partner.get(j)
        if kept is not None and (kept in used_old or (kept, j) not in links):
            continue
        chosen = _disjoint(
            parts,
            [links[i, j].new for i in parts],
            [links[i, j].out for i in parts],
            None if kept is None else (kept, links[kept, j].new),
        )
        whole = (new_texts[j],)
        if len(chosen) > 1 and _stands(
            words.weights(new_texts[j]),
            [links[i, j].new for i in chosen],
            words.similarity([old_texts[i] for i in chosen], whole),
            max(words.similarity((old_texts[i],), whole) for i in chosen),
        ):
            found.append((chosen, [j]))
            used_old.update(chosen)
            used_new.add(j)
    # parallel clauses joined: a pair's new text gained what an unpaired clause held (or lost to one)
    for i, j in sorted(paired.items()):
        if i in used_old or j in used_new or (i, j) not in links:
            continue
        merged = _parallel(
            words,
            (old_texts[i], new_texts[j]),
            i,
            {k: old_texts[k] for k in out if k not in paired and k not in used_old and target[k] == j},
            {
                k: links[k, j].out if len(links[k, j].new) >= MIN_WORDS else 0.0
                for k in out
                if (k, j) in links
            },
        )
        split = (
            []
            if merged
            else _parallel(
                words,
                (new_texts[j], old_texts[i]),
                j,
                {k: new_texts[k] for k in into if k not in partner and k not in used_new and source[k] == i},
                {
                    k: links[i, k].into if len(links[i, k].old) >= MIN_WORDS else 0.0
                    for k in into
                    if (i, k) in links
                },
            )
        )
        if merged:
            found.append((sorted([i, *merged]), [j]))
            used_old.update([i, *merged])
            used_new.add(j)
        elif split:
            found.append(([i], sorted([j, *split])))
            used_old.add(i)
            used_new.update([j, *split])
    # pairs: one side stands nearly whole in the other, each the other's best source
    for (i, j), link in sorted(links.items(), key=lambda item: (-_carried(item[1]), item[0])):
        if i in paired or j in partner or i in used_old or j in used_new:
            continue
        if (
            source[j] == i
            and target[i] == j
            and max(link.into, link.out) >= CONTAIN
            and len(link.new) >= MIN_WORDS
        ):
            found.append(([i], [j]))
            used_old.add(i)
            used_new.add(j)
    return found


def _links(
    old_texts: Mapping[int, str],
    new_texts: Mapping[int, str],
    words: Words,
    paired: Mapping[int, int],
    partner: Mapping[int, int],
) -> dict[tuple[int, int], _Link]:
    """Every pair of clauses that shares words in runs, with what it shares; a pair whose common
    words could not make PART of either side, wherever they stood, is not aligned at all, nor are
    two clauses each paired already (but a pair with itself, always)."""
    found: dict[tuple[int, int], _Link] = {}
    free_new = [j for j in new_texts if j not in partner]
    for i, text in old_texts.items():
        kept = paired.get(i)
        for j in [kept, *free_new] if kept is not None else list(new_texts):
            link = _link(text, new_texts[j], words, itself=j == kept)
            if link is not None:
                found[i, j] = link
    return found


def _link(old: str, new: str, words: Words, itself: bool) -> _Link | None:
    """What ``new`` carries over from ``old`` (None for too little to count, unless ``itself``:
    the two are a pair already, and what they share is wanted whatever it is)."""
    weights, other_weights = words.weights(old), words.weights(new)
    old_mass, new_mass = math.fsum(weights), math.fsum(other_weights)
    if not old_mass or not new_mass:
        return None
    if not itself:
        shared = words.words[old] & words.words[new]
        most_into = math.fsum(
            w for word, w in zip(words.found(new), other_weights, strict=True) if word in shared
        )
        most_out = math.fsum(w for word, w in zip(words.found(old), weights, strict=True) if word in shared)
        if most_into < PART * new_mass and most_out < PART * old_mass:
            return None
    old_positions: set[int] = set()
    new_positions: set[int] = set()
    for block in Indel.opcodes(words.sequence[old], words.sequence[new]):
        if block.tag == "equal" and block.src_end - block.src_start >= RUN:
            old_positions.update(range(block.src_start, block.src_end))
            new_positions.update(range(block.dest_start, block.dest_end))
    if not new_positions and not itself:
        return None
    into = math.fsum(other_weights[k] for k in sorted(new_positions)) / new_mass
    out = math.fsum(weights[k] for k in sorted(old_positions)) / old_mass
    return _Link(frozenset(old_positions), frozenset(new_positions), into, out)


def _best(shares: dict[int, dict[int, float]]) -> dict[int, int]:
    """Each clause's best counterpart by share (ties to the first in reading order)."""
    return {k: max(row, key=lambda other: (row[other], -other)) for k, row in shares.items()}


def _carried(link: _Link) -> int:
    return len(link.new)


def _disjoint(
    parts: list[int],
    taken: list[frozenset[int]],
    shares: list[float],
    kept: tuple[int, frozenset[int]] | None = None,
) -> list[int]:
    """The parts, best first, that take words of the whole no part before them took (up to
    OVERLAP of their own), each carrying MIN_WORDS at least; in reading order. A part ``kept``
    (the whole's partner in a pair, with the words it took) comes first whatever it carries."""
    chosen: list[int] = [] if kept is None else [kept[0]]
    held: set[int] = set() if kept is None else set(kept[1])
    for k in sorted(range(len(parts)), key=lambda k: (-shares[k], parts[k])):
        positions = taken[k]
        if len(positions) >= MIN_WORDS and len(positions & held) <= OVERLAP * len(positions):
            chosen.append(parts[k])
            held |= positions
    return sorted(chosen)


def _stands(weights: Sequence[float], taken: list[frozenset[int]], joined: float, alone: float) -> bool:
    """Whether the parts carry COVER of the whole between them and read joined at least JOIN_MIN
    like it, and more like it than any part alone."""
    mass = math.fsum(weights)
    held = sorted(frozenset().union(*taken))
    cover = math.fsum(weights[k] for k in held) / mass if mass else 0.0
    return cover >= COVER and joined >= JOIN_MIN and joined > alone


def _parallel(
    words: Words, pair: tuple[str, str], at: int, candidates: Mapping[int, str], carried: Mapping[int, float]
) -> list[int]:
    """The clauses among ``candidates`` (each the best counterpart of the pair's other text) that
    were joined to a pair's text or parted from it, where the clauses are parallel: the same
    sentence about different things ("the Fourth Special Session ... 2018" and "the Fifth Special
    Session ... 2023" became "the Fourth and Fifth Special Sessions ... 2018 and 2023"). Each part
    carries the sentence the pair carries too, so the parts are not disjoint and, read joined,
    repeat it: what shows the join is that the words ``pair`` gained, from its own text (first)
    to its counterpart's, are the other clause's own. A clause joins when most of it stands in the
    counterpart in runs (``carried``: PART, of MIN_WORDS words at least), it is parallel to the pair's
    own text (``_alike``: the same sentence) and it holds JOIN_GAIN of
    what the counterpart gained that the parts so far do not explain; most explaining first."""
    have = set(words.words[pair[0]])
    want = words.words[pair[1]]
    options = [k for k in candidates if carried.get(k, 0.0) >= PART and _alike(words, candidates[k], pair[0])]
    chosen: list[int] = []
    while options:
        # parallel sentences stand side by side (items of a list, paragraphs in a row): a part is
        # next to the pair's own clause (``at``) or to a part already chosen
        beside = {at, *chosen}
        near = [k for k in options if k - 1 in beside or k + 1 in beside]
        if not near:
            break
        gap = want - have
        mass = words.mass(frozenset(gap))
        if not mass:
            break
        share = {k: words.mass(gap & words.words[candidates[k]]) / mass for k in near}
        k = max(near, key=lambda k: (share[k], -k))
        if share[k] < JOIN_GAIN:
            break
        chosen.append(k)
        options.remove(k)
        have |= words.words[candidates[k]]
    return chosen


def _alike(words: Words, one: str, other: str) -> bool:
    """Whether two clauses are parallel: they open with the same word (the same verb: "Recalling
    ...", "Recalling also ..."; "Decision C-25/DEC.9 ...", "Decision C-28/DEC.12 ...") and PART of
    the shorter's words stand in the other in order, each word counting alike: the same sentence
    whose rare words (the things it is about) differ. Two acts that end alike ("Welcomes the report
    ... to allow the implementation of ...", "Calls upon Member States to support ... to allow the
    implementation of ...") are not one sentence."""
    first, second = words.sequence[one], words.sequence[other]
    if not first or not second or first[0] != second[0]:
        return False
    common = (len(first) + len(second) - Indel.distance(first, second)) // 2
    return common >= PART * min(len(first), len(second))
