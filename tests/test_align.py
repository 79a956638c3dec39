"""Clause alignment on SYNTHETIC resolutions (invented clauses in the style of resolutions; not
real resolution text)."""

from __future__ import annotations

from resdiff.align import Alignment, align
from resdiff.model import Clause, Resolution

SYNTHETIC_PP = [
    "Recalling its earlier resolutions on the protection of lighthouses and coastal beacons,",
    "Reaffirming the importance of international cooperation in the maintenance of maritime signals,",
    "Concerned about the growing number of abandoned beacons along remote coastlines,",
    "Noting with appreciation the work of the regional commissions on navigation safety,",
    "Welcoming the progress made by coastal States in restoring historic lighthouses,",
    "Welcoming also the contributions of volunteers and local communities to beacon upkeep,",
    "Welcoming further the launch of the global registry of maritime signals in 2023,",
]
SYNTHETIC_OP = [
    "Calls upon all States to protect lighthouses and coastal beacons under their jurisdiction;",
    "Encourages Member States to share best practices on the restoration of historic beacons;",
    "Requests the Secretary-General to submit a report on the implementation of the present resolution;",
    "Invites donors to contribute to the voluntary trust fund for maritime signals;",
    "Reiterates its call for the timely exchange of information on hazards to navigation;",
    "Reiterates its call for the timely exchange of information on the closure of harbours;",
    "Decides to include in the provisional agenda of its next session the item entitled "
    "\u201cProtection of lighthouses\u201d.",
]
UNRELATED_OP = "Expresses deep concern at the depletion of freshwater aquifers in arid mountain regions;"


def synthetic(pp: list[str], op: list[str], extra: tuple[Clause, ...] = ()) -> Resolution:
    """A SYNTHETIC resolution from texts, keyed as the normalizer keys them."""
    clauses = [Clause(f"PP{k}", text) for k, text in enumerate(pp, 1)]
    clauses += [Clause(f"OP{k}", text, verb=text.split()[0]) for k, text in enumerate(op, 1)]
    return Resolution(clauses=(*clauses, *extra))


def pairs(alignment: Alignment) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    return {(group.old, group.new) for group in alignment.groups}


def one_to_one(alignment: Alignment) -> dict[str, str]:
    return {g.old[0]: g.new[0] for g in alignment.groups if len(g.old) == len(g.new) == 1}


BASE = synthetic(SYNTHETIC_PP, SYNTHETIC_OP)


def test_identical_resolutions_pair_everything_in_place() -> None:
    alignment = align(BASE, BASE)
    assert one_to_one(alignment) == {c.key: c.key for c in BASE.clauses}
    assert not alignment.added and not alignment.deleted
    assert not any(g.moved for g in alignment.groups)


def test_renumbering_after_an_insertion() -> None:
    new = synthetic(SYNTHETIC_PP, [UNRELATED_OP, *SYNTHETIC_OP])
    alignment = align(BASE, new)
    assert alignment.added == ("OP1",)
    assert {k: v for k, v in one_to_one(alignment).items() if k.startswith("OP")} == {
        f"OP{k}": f"OP{k + 1}" for k in range(1, 8)
    }
    assert not any(g.moved for g in alignment.groups)


def test_deletion() -> None:
    new = synthetic(SYNTHETIC_PP[:2] + SYNTHETIC_PP[3:], SYNTHETIC_OP)
    alignment = align(BASE, new)
    assert alignment.deleted == ("PP3",)
    assert one_to_one(alignment)["PP4"] == "PP3"


def test_a_move_is_paired_and_flagged() -> None:
    ops = [SYNTHETIC_OP[k] for k in (0, 2, 3, 4, 5, 1, 6)]
    alignment = align(BASE, synthetic(SYNTHETIC_PP, ops))
    assert one_to_one(alignment)["OP2"] == "OP6"
    assert [g.old for g in alignment.groups if g.moved] == [("OP2",)]


def test_two_paragraphs_swapped_around_a_third_are_the_moved_ones() -> None:
    """OP2 and OP4 trade places; OP3 stays where it was and is not flagged."""
    ops = [SYNTHETIC_OP[k] for k in (0, 3, 2, 1, 4, 5, 6)]
    alignment = align(BASE, synthetic(SYNTHETIC_PP, ops))
    assert sorted(g.old for g in alignment.groups if g.moved) == [("OP2",), ("OP4",)]


def test_a_split_paragraph_is_one_group() -> None:
    cut = SYNTHETIC_OP[2].index(" on the implementation")
    ops = [
        *SYNTHETIC_OP[:2],
        SYNTHETIC_OP[2][:cut] + ";",
        "Also requests it to report" + SYNTHETIC_OP[2][cut:],
        *SYNTHETIC_OP[3:],
    ]
    alignment = align(BASE, synthetic(SYNTHETIC_PP, ops))
    assert (("OP3",), ("OP3", "OP4")) in pairs(alignment)
    assert not alignment.added and not alignment.deleted


def test_merged_paragraphs_are_one_group() -> None:
    merged = SYNTHETIC_OP[0].rstrip(";") + ", and " + SYNTHETIC_OP[1][0].lower() + SYNTHETIC_OP[1][1:]
    alignment = align(BASE, synthetic(SYNTHETIC_PP, [merged, *SYNTHETIC_OP[2:]]))
    assert (("OP1", "OP2"), ("OP1",)) in pairs(alignment)
    assert not alignment.added and not alignment.deleted


# a SYNTHETIC operative paragraph with three requests, and the same three as three paragraphs
_THREE_REQUESTS = (
    "Requests the Secretary-General to establish a voluntary trust fund for beacon repairs, to appoint "
    "a special adviser on coastal navigation and to report to the General Assembly at its next session "
    "on the implementation of the present resolution;"
)
_THREE_PARAGRAPHS = [
    "Requests the Secretary-General to establish a voluntary trust fund for beacon repairs;",
    "Also requests the Secretary-General to appoint a special adviser on coastal navigation;",
    "Further requests the Secretary-General to report to the General Assembly at its next session "
    "on the implementation of the present resolution;",
]


def test_a_paragraph_split_in_three_is_one_group_with_all_its_parts() -> None:
    """Each third alone adds too little to join; two together do."""
    old = synthetic(SYNTHETIC_PP, [*SYNTHETIC_OP[:2], _THREE_REQUESTS, *SYNTHETIC_OP[3:]])
    new = synthetic(SYNTHETIC_PP, [*SYNTHETIC_OP[:2], *_THREE_PARAGRAPHS, *SYNTHETIC_OP[3:]])
    alignment = align(old, new)
    assert (("OP3",), ("OP3", "OP4", "OP5")) in pairs(alignment)
    assert not alignment.added and not alignment.deleted
    merged = align(new, old)
    assert (("OP3", "OP4", "OP5"), ("OP3",)) in pairs(merged)
    assert not merged.added and not merged.deleted


def test_a_paragraph_split_in_three_and_moved_past_another_is_still_one_group() -> None:
    """No third pairs alone once the move makes it cross its neighbours; joined, they match."""
    decides = SYNTHETIC_OP[-1]
    old = synthetic(SYNTHETIC_PP[:2], [decides, *_THREE_PARAGRAPHS])
    new = synthetic(SYNTHETIC_PP[:2], [_THREE_REQUESTS, decides])
    merged = align(old, new)
    assert (("OP2", "OP3", "OP4"), ("OP1",)) in pairs(merged)
    assert not merged.added and not merged.deleted
    split = align(new, old)
    assert (("OP1",), ("OP2", "OP3", "OP4")) in pairs(split)
    assert not split.added and not split.deleted


# SYNTHETIC clauses for round 6 (provenance): a paragraph split in two reworded halves set apart
_COUNT_AND_WITHDRAWAL = (
    "Noting that a total of 42 coastal States have joined the registry of maritime signals, 30 as full "
    "members and 12 as observers, albeit regretting the decision of one coastal State, exercising its "
    "sovereign right, to withdraw its beacons from the registry pursuant to its article 9,"
)
_COUNT = (
    "Noting that a total of 42 coastal States have joined the registry of maritime signals, 31 as full "
    "members, following the admission of a new member, and 11 as observers,"
)
_WITHDRAWAL = (
    "Noting that the annual meeting of the registry regretted the decision of one coastal State, "
    "exercising its sovereign right, to withdraw its beacons from the registry, effective 1 March 2025, "
    "pursuant to article 9 of the registry,"
)


def test_a_reworded_split_whose_halves_stand_apart_is_one_group() -> None:
    """Each half reworded, an unchanged paragraph between them: no neighbour to grow, and neither
    half alike enough to pair alone; their words came from the old paragraph, in order."""
    old = synthetic([*SYNTHETIC_PP[:3], _COUNT_AND_WITHDRAWAL, *SYNTHETIC_PP[3:]], SYNTHETIC_OP)
    new = synthetic(
        [*SYNTHETIC_PP[:3], _COUNT, SYNTHETIC_PP[3], _WITHDRAWAL, *SYNTHETIC_PP[4:]], SYNTHETIC_OP
    )
    alignment = align(old, new)
    assert (("PP4",), ("PP4", "PP6")) in pairs(alignment)
    assert not alignment.added and not alignment.deleted
    assert one_to_one(alignment)["PP5"] == "PP5"
    merged = align(new, old)
    assert (("PP4", "PP6"), ("PP4",)) in pairs(merged)
    assert not merged.added and not merged.deleted


def test_a_paragraph_that_grew_many_times_its_length_still_pairs() -> None:
    """Its words stand whole at the start of the new one: the similarity of the two is low."""
    short = "Emphasizing the need to make further efforts in accelerating the restoration of beacons,"
    grown = (
        short[:-1] + ", and acknowledging the call by coastal States and other stakeholders, as a matter "
        "of priority, to all States that have not yet done so, to join the registry of maritime signals "
        "and, in particular in the current context, to prevent any withdrawal, to promote universal "
        "adherence to and strict observance of its norms, including to discourage, in every possible "
        "way, the neglect, dismantling and sale of historic lighthouses,"
    )
    old = synthetic([*SYNTHETIC_PP[:4], short, *SYNTHETIC_PP[4:]], SYNTHETIC_OP)
    new = synthetic([*SYNTHETIC_PP[:4], grown, *SYNTHETIC_PP[4:]], SYNTHETIC_OP)
    assert one_to_one(align(old, new))["PP5"] == "PP5"
    assert one_to_one(align(new, old))["PP5"] == "PP5"


_NOTES = [
    "Takes note with great concern of the report of the regional commission on navigation safety of "
    "12 May 2023 on the beacons lost along the northern coastline;",
    "Also takes note of the report of the regional commission on navigation safety of 3 April 2024, "
    "which found no grounds to conclude that the southern beacons had been dismantled;",
]
_ITEMS = [
    "The report of the regional commission on navigation safety of 12 May 2023 on the beacons lost "
    "along the northern coastline;",
    "The report of the regional commission on navigation safety of 3 April 2024, which found no "
    "grounds to conclude that the southern beacons had been dismantled;",
]


def test_paragraphs_that_became_the_items_of_a_new_one_pair_with_them() -> None:
    """Operative paragraphs and items are two classes; the items' words came from the paragraphs."""
    old = synthetic(SYNTHETIC_PP, [*SYNTHETIC_OP[:3], *_NOTES, *SYNTHETIC_OP[3:]])
    recalls = Clause("OP4", "Recalls:", verb="Recalls")
    items = tuple(Clause(f"OP4({letter})", text) for letter, text in zip("ab", _ITEMS, strict=True))
    clauses = synthetic(SYNTHETIC_PP, SYNTHETIC_OP[:3]).clauses
    rest = [Clause(f"OP{k}", text, verb=text.split()[0]) for k, text in enumerate(SYNTHETIC_OP[3:], 5)]
    new = Resolution(clauses=(*clauses, recalls, *items, *rest))
    alignment = align(old, new)
    assert {("OP4",): ("OP4(a)",), ("OP5",): ("OP4(b)",)}.items() <= dict(pairs(alignment)).items()
    assert alignment.added == ("OP4",) and not alignment.deleted


def test_a_shared_formula_is_no_provenance() -> None:
    """A short citation standing almost whole in a longer paragraph that cites another resolution
    is not the same paragraph (round 6 alone: the rounds before pair by position too); nor is a
    paragraph of the preamble ever an operative one, however much of it the operative one holds."""
    from resdiff.aligner.provenance import groups_by_provenance
    from resdiff.aligner.words import Words

    recalls = Clause("PP1", "Recalling its resolution 79/42 of 2 December 2024,")
    cites = Clause(
        "PP1",
        "Recalling its resolution 79/57 of 2 December 2024, in which it stressed the need for the "
        "registry to cover every coastline,",
    )
    grown = Clause(
        "PP1",
        recalls.text[:-1] + ", in which it stressed the need for the registry to cover every coastline,",
    )
    clauses = [Clause(f"PP{k}", text) for k, text in enumerate(SYNTHETIC_PP, 2)]
    words = Words([recalls, cites, grown, *clauses])
    assert groups_by_provenance([recalls.text], [cites.text], words) == []
    assert groups_by_provenance([recalls.text], [grown.text], words) == [([0], [0])]
    moved = synthetic(SYNTHETIC_PP[:-1], [_COUNT_AND_WITHDRAWAL, *SYNTHETIC_OP])
    alignment = align(synthetic([*SYNTHETIC_PP[:-1], _COUNT_AND_WITHDRAWAL], SYNTHETIC_OP), moved)
    assert alignment.deleted == ("PP7",) and alignment.added == ("OP1",)


def test_a_paragraph_the_preamble_hands_to_the_operative_part_is_a_move() -> None:
    """SYNTHETIC: "Taking note of the report ..." in the preamble becomes "Takes note of the report
    ..." in the operative part: one paragraph moved across, not one deleted and another added."""
    report = "the report of the Secretary-General on the registry of maritime signals and coastal beacons"
    old = synthetic([*SYNTHETIC_PP, f"Taking note of {report},"], SYNTHETIC_OP)
    new = synthetic(SYNTHETIC_PP, [f"Takes note of {report};", *SYNTHETIC_OP])
    alignment = align(old, new)
    last = f"PP{len(SYNTHETIC_PP) + 1}"
    assert one_to_one(alignment)[last] == "OP1"
    assert last not in alignment.deleted and "OP1" not in alignment.added
    assert next(g for g in alignment.groups if g.old == (last,)).moved


def test_heavy_rewording_still_pairs() -> None:
    reworded = (
        "Urgently calls upon all States and regional organizations to protect and restore the "
        "lighthouses and coastal beacons under their jurisdiction or control;"
    )
    alignment = align(BASE, synthetic(SYNTHETIC_PP, [reworded, *SYNTHETIC_OP[1:]]))
    assert one_to_one(alignment)["OP1"] == "OP1"


def test_an_unrelated_replacement_is_not_paired() -> None:
    alignment = align(BASE, synthetic(SYNTHETIC_PP, [*SYNTHETIC_OP[:3], UNRELATED_OP, *SYNTHETIC_OP[4:]]))
    assert alignment.deleted == ("OP4",)
    assert alignment.added == ("OP4",)


def test_near_duplicate_boilerplate_pairs_by_content_and_position() -> None:
    """Two "Reiterates its call ..." paragraphs, one reworded, with a third added in between."""
    ops = [
        *SYNTHETIC_OP[:4],
        "Reiterates its call for the timely exchange of information on hazards to safe navigation;",
        "Reiterates its call for the timely exchange of information on the state of beacons;",
        SYNTHETIC_OP[5],
        SYNTHETIC_OP[6],
    ]
    alignment = align(BASE, synthetic(SYNTHETIC_PP, ops))
    mapping = one_to_one(alignment)
    assert mapping["OP5"] == "OP5" and mapping["OP6"] == "OP7"
    assert alignment.added == ("OP6",)


def test_preambular_never_pairs_with_operative() -> None:
    new = synthetic(SYNTHETIC_PP[:-1], [SYNTHETIC_PP[-1], *SYNTHETIC_OP])
    alignment = align(BASE, new)
    assert alignment.deleted == ("PP7",)
    assert alignment.added == ("OP1",)


def test_a_footnote_follows_the_clause_it_is_anchored_to() -> None:
    """Both footnotes read "Ibid.": only their anchors tell them apart."""
    old = synthetic(SYNTHETIC_PP[:2], SYNTHETIC_OP[:1], (Clause("FN1", "Ibid., annex."),))
    old = Resolution(
        clauses=(old.clauses[0], Clause("PP2", SYNTHETIC_PP[1], ("FN1",)), *old.clauses[2:]),
    )
    new = Resolution(
        clauses=(
            Clause("PP1", SYNTHETIC_PP[0]),
            Clause("PP2", SYNTHETIC_PP[3], ("FN1",)),
            Clause("PP3", SYNTHETIC_PP[1], ("FN2",)),
            Clause("OP1", SYNTHETIC_OP[0], verb="Calls upon"),
            Clause("FN1", "Ibid., annex."),
            Clause("FN2", "Ibid., annex."),
        ),
    )
    alignment = align(old, new)
    assert one_to_one(alignment)["FN1"] == "FN2"
    assert alignment.added == ("PP2", "FN1")


def test_a_footnote_cited_by_another_clause_is_another_footnote_however_alike() -> None:
    """The clause citing one treaty is dropped, a clause citing another added: their footnotes
    differ only in the volume and number, yet they are two footnotes (SYNTHETIC numbers)."""
    old = Resolution(
        clauses=(
            Clause("PP1", SYNTHETIC_PP[0]),
            Clause("PP2", SYNTHETIC_PP[2], ("FN1",)),
            Clause("OP1", SYNTHETIC_OP[0], verb="Calls upon"),
            Clause("FN1", "United Nations, Treaty Series, vol. 9999, No. 12345."),
        )
    )
    new = Resolution(
        clauses=(
            Clause("PP1", SYNTHETIC_PP[0]),
            Clause("PP2", SYNTHETIC_PP[4], ("FN1",)),
            Clause("OP1", SYNTHETIC_OP[0], verb="Calls upon"),
            Clause("FN1", "United Nations, Treaty Series, vol. 8888, No. 54321."),
        )
    )
    alignment = align(old, new)
    assert set(alignment.deleted) == {"PP2", "FN1"} and set(alignment.added) == {"PP2", "FN1"}
    # the same footnote text, cited by a clause that is not the old one's partner, still pairs
    same = Resolution(clauses=(*new.clauses[:3], Clause("FN1", old.clause("FN1").text)))
    assert (("FN1",), ("FN1",)) in pairs(align(old, same))
    # but not an "Ibid.": the same words cite whatever the note before cites
    ibid_old = Resolution(clauses=(*old.clauses[:3], Clause("FN1", "Ibid., annex III.")))
    ibid_new = Resolution(clauses=(*new.clauses[:3], Clause("FN1", "Ibid., annex III.")))
    assert not any(g.old == ("FN1",) for g in align(ibid_old, ibid_new).groups)


def test_annex_paragraphs_pair_with_annex_paragraphs() -> None:
    annex = (Clause("ANNEX.P1", SYNTHETIC_PP[2]), Clause("ANNEX.P2", SYNTHETIC_OP[3]))
    new_annex = (Clause("ANNEX.P1", SYNTHETIC_OP[3]),)
    alignment = align(synthetic([], [], annex), synthetic([], [], new_annex))
    assert one_to_one(alignment) == {"ANNEX.P2": "ANNEX.P1"}
    assert alignment.deleted == ("ANNEX.P1",)


def test_deterministic() -> None:
    new = synthetic(SYNTHETIC_PP[::-1], [UNRELATED_OP, *SYNTHETIC_OP[::2]])
    assert align(BASE, new) == align(BASE, new)


def test_parts_of_a_resolution_are_its_body_and_annexes_stay_apart() -> None:
    """A text divided into parts A and B keeps its pairs; annex text never pairs with body text."""
    parts = (
        Clause("A.PP1", SYNTHETIC_PP[0]),
        Clause("A.OP1", SYNTHETIC_OP[0], verb="Calls upon"),
        Clause("B.OP1", SYNTHETIC_OP[1], verb="Encourages"),
        Clause("ANNEX.P1", SYNTHETIC_OP[2]),
    )
    alignment = align(synthetic(SYNTHETIC_PP[:1], SYNTHETIC_OP[:3]), synthetic([], [], parts))
    assert one_to_one(alignment) == {"PP1": "A.PP1", "OP1": "A.OP1", "OP2": "B.OP1"}
    assert alignment.deleted == ("OP3",) and alignment.added == ("ANNEX.P1",)


def test_a_duplicated_paragraph_pairs_by_its_neighbours_not_its_relative_position() -> None:
    """Two identical paragraphs in OLD, the first dropped; many added at the end of NEW put the
    survivor nearer, in relative position, to the dropped one. Its neighbours tell them apart."""
    twice = SYNTHETIC_OP[4]
    others = [SYNTHETIC_OP[k] for k in (0, 1, 2, 3, 5, 6)]
    old = synthetic([], [others[0], twice, *others[1:], twice])
    new = synthetic([], [others[0], *others[1:], twice, *SYNTHETIC_PP])
    alignment = align(old, new)
    assert one_to_one(alignment)["OP8"] == "OP7"
    assert alignment.deleted == ("OP2",)


# --- repeated clauses, and classes too large for the rounds ---------------------------------------


def test_copies_of_one_clause_pair_in_order_and_none_moves() -> None:
    """400 copies of one clause took 31 s: each copy pairs with its copy, in place."""
    copies = synthetic([], ["Decides x;"] * 400)
    alignment = align(copies, copies)
    assert one_to_one(alignment) == {c.key: c.key for c in copies.clauses}
    assert not alignment.added and not alignment.deleted and not any(g.moved for g in alignment.groups)


def test_a_copy_dropped_before_a_unique_clause_is_the_one_dropped() -> None:
    """Unequal numbers of copies are left to the rounds, which read the neighbours: no move."""
    a, b, c = SYNTHETIC_OP[:3]
    alignment = align(synthetic([], [a, b, a, c]), synthetic([], [b, a, c]))
    assert one_to_one(alignment) == {"OP2": "OP1", "OP3": "OP2", "OP4": "OP3"}
    assert alignment.deleted == ("OP1",) and not any(g.moved for g in alignment.groups)


def test_copies_of_two_clauses_interleaved_differently_keep_their_order() -> None:
    """Each text's copies paired by order would cross; the pairs that keep their order stand."""
    a, b, c, d = SYNTHETIC_OP[:4]
    old = synthetic([], [c, a, b, d, a, a, b, a, b])
    new = synthetic([], [c, a, b, d, a, b, a, b, a])
    alignment = align(old, new)
    assert sum(g.moved for g in alignment.groups) == 1
    assert not alignment.added and not alignment.deleted


def test_a_class_too_large_for_the_rounds_still_pairs_its_edited_clauses() -> None:
    """1,500 clauses, every tenth edited, one moved: aligned in windows (only a clause both edited
    and moved to another stretch would show as deleted and added)."""
    texts = [
        f"Decides to consider synthetic item {k} of the programme at session {k + 7};" for k in range(1500)
    ]
    edited = [t.replace("consider", "consider further") if k % 10 == 0 else t for k, t in enumerate(texts)]
    edited.insert(3, edited.pop(701))
    old, new = synthetic([], texts), synthetic([], edited)
    alignment = align(old, new)
    assert not alignment.added and not alignment.deleted
    assert len(one_to_one(alignment)) == 1500
    moved = [g for g in alignment.groups if g.moved]
    assert [(g.old, g.new) for g in moved] == [(("OP702",), ("OP4",))]


def test_a_long_stretch_with_nothing_identical_is_cut_into_blocks_without_losing_pairs() -> None:
    """600 clauses all edited, one inserted at the start: the blocks of the two sides drift apart,
    and the pairs a cut parts are found again."""
    texts = [
        f"Decides to consider synthetic item {k} of the programme at session {k + 7};" for k in range(600)
    ]
    edited = ["Decides to open a synthetic newcomer;"] + [
        t.replace("consider", "consider further") for t in texts
    ]
    alignment = align(synthetic([], texts), synthetic([], edited))
    assert one_to_one(alignment) == {f"OP{k}": f"OP{k + 1}" for k in range(1, 601)}
    assert alignment.added == ("OP1",) and not alignment.deleted
    assert not any(g.moved for g in alignment.groups)


def test_the_longest_increasing_run_is_the_one_the_quadratic_search_found() -> None:
    """The Fenwick tree search against the search it replaced, on every order of up to 7 values
    and on random longer ones."""
    import random
    from itertools import permutations

    from resdiff.aligner.order import longest_increasing as _longest_increasing

    def quadratic(values: list[int]) -> list[int]:
        rank = {value: r for r, value in enumerate(sorted(values))}
        shift = [abs(rank[value] - position) for position, value in enumerate(values)]
        best: list[tuple[int, int]] = []
        previous: list[int] = []
        for k, value in enumerate(values):
            before = max((j for j in range(k) if values[j] < value), key=lambda j: (best[j], -j), default=-1)
            length, total = best[before] if before >= 0 else (0, 0)
            best.append((length + 1, total - shift[k]))
            previous.append(before)
        kept = []
        position = max(range(len(values)), key=lambda k: (best[k], -k), default=-1)
        while position >= 0:
            kept.append(position)
            position = previous[position]
        return kept[::-1]

    for size in range(8):
        for order in permutations(range(size)):
            assert _longest_increasing(list(order)) == quadratic(list(order)), order
    rng = random.Random(54)
    for _ in range(200):
        values = rng.sample(range(1000), rng.randint(8, 60))
        assert _longest_increasing(values) == quadratic(values), values


def test_a_run_s_ceiling_is_never_below_its_similarity() -> None:
    """The bound that spares most scores of split and merge candidates must never hide one."""
    import random

    from resdiff.aligner.words import Words as _Words

    rng = random.Random(72)
    vocabulary = [f"w{k}" for k in range(25)] + ["the", "of", "States"]
    for _ in range(300):
        texts = [" ".join(rng.choices(vocabulary, k=rng.randint(0, 12))) for _ in range(6)]
        words = _Words([Clause(f"OP{k}", text) for k, text in enumerate(texts)])
        many, other = texts[:5], texts[5]
        ceiling = words.ceiling(many, other)
        for start in range(5):
            for end in range(start + 1, 6):
                run = list(range(start, end))
                value = words.similarity([many[k] for k in run], (other,))
                assert ceiling(run) >= value
                assert ceiling.most(range(5), 4) >= value or len(run) > 4


def test_the_footnote_bonus_without_a_table_is_the_table() -> None:
    """Every pair of anchored footnotes without a bonus is barred, unless it is the same note."""
    import random

    from resdiff.aligner.footnotes import FOOTNOTE_ELSEWHERE
    from resdiff.aligner.footnotes import FootnoteBonus as _FootnoteBonus
    from resdiff.aligner.footnotes import refers_back as _refers_back

    rng = random.Random(80)
    for _ in range(200):
        old = [Clause(f"FN{k}", rng.choice(["Ibid.", "A/1.", "A/2.", "A/3."])) for k in range(6)]
        new = [Clause(f"FN{k}", rng.choice(["Ibid.", "A/1.", "A/2.", "A/3."])) for k in range(6)]
        explicit = {(rng.randrange(6), rng.randrange(6)): 0.35 for _ in range(rng.randint(0, 4))}
        anchored_old, anchored_new = (
            set(rng.sample(range(6), rng.randint(0, 6))),
            set(rng.sample(range(6), 3)),
        )
        table = dict(explicit)
        for i in anchored_old:
            for j in anchored_new:
                same = old[i].text == new[j].text and not _refers_back(old[i].text)
                if (i, j) not in table and not same:
                    table[i, j] = FOOTNOTE_ELSEWHERE
        bonus = _FootnoteBonus(explicit, anchored_old, anchored_new, old, new)
        assert bool(bonus) == bool(table)
        assert all(bonus.get((i, j), 0.0) == table.get((i, j), 0.0) for i in range(6) for j in range(6))
