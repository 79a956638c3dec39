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
