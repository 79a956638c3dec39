"""Alignment pairs the parts of divided resolutions with each other, and annexed texts year to year.
Every clause here is SYNTHETIC (invented in the style of resolutions; not real resolution text)."""

from __future__ import annotations

from resdiff.align import align
from resdiff.compare import compare
from resdiff.model import Clause, Resolution

SEIZED = "Decides to remain seized of the matter."


def _part(letter: str, topic: str, extra: str) -> tuple[Clause, ...]:
    return (
        Clause(f"{letter}.H1", f"Synthetic {topic}"),
        Clause(f"{letter}.PP1", f"Recalling its synthetic resolutions on {topic} and {extra},"),
        Clause(f"{letter}.OP1", f"Welcomes the synthetic report on {topic} and {extra};", verb="Welcomes"),
        Clause(f"{letter}.OP2", SEIZED, verb="Decides"),
    )


OLD = Resolution(
    clauses=(*_part("A", "lighthouses", "coastal beacons"), *_part("B", "harbours", "tide gauges"))
)
# a part inserted in front: every letter after it shifts
NEW = Resolution(
    clauses=(
        *_part("A", "fisheries", "deep-sea trawling"),
        *_part("B", "lighthouses", "coastal beacons"),
        *_part("C", "harbours", "tide gauges"),
    )
)


def test_parts_pair_by_their_words_and_their_boilerplate_stays_in_its_part() -> None:
    alignment = align(OLD, NEW)
    pairs = {g.old[0]: g.new[0] for g in alignment.groups if len(g.old) == len(g.new) == 1}
    assert pairs == {
        "A.H1": "B.H1", "A.PP1": "B.PP1", "A.OP1": "B.OP1", "A.OP2": "B.OP2",
        "B.H1": "C.H1", "B.PP1": "C.PP1", "B.OP1": "C.OP1", "B.OP2": "C.OP2",
    }  # fmt: skip
    assert set(alignment.added) == {"A.H1", "A.PP1", "A.OP1", "A.OP2"}
    assert not alignment.deleted
    report = compare(OLD, NEW)
    assert report.summary()["added"] == 4 and report.summary()["unchanged"] == 8


def test_parts_that_changed_places_keep_their_boilerplate() -> None:
    """The two parts trade places: each part's identical last paragraph pairs with its own part's, not
    with the one that now stands where it stood."""
    swapped = Resolution(
        clauses=(*_part("A", "harbours", "tide gauges"), *_part("B", "lighthouses", "coastal beacons"))
    )
    alignment = align(OLD, swapped)
    pairs = {g.old[0]: g.new[0] for g in alignment.groups if len(g.old) == len(g.new) == 1}
    assert pairs["A.OP2"] == "B.OP2" and pairs["B.OP2"] == "A.OP2"
    assert pairs["A.OP1"] == "B.OP1" and pairs["B.PP1"] == "A.PP1"


def _yearly_part(letter: str, topic: str, year: int) -> tuple[Clause, ...]:
    return (
        Clause(f"{letter}.H1", f"Synthetic {topic}"),
        Clause(f"{letter}.PP1", f"Recalling its synthetic resolutions on {topic} adopted in {year},"),
        Clause(f"{letter}.OP1", f"Welcomes the synthetic report of {year} on {topic};", verb="Welcomes"),
        Clause(
            f"{letter}.OP2", "Requests the Secretary-General to report at its next session;", verb="Requests"
        ),
        Clause(f"{letter}.OP3", SEIZED, verb="Decides"),
    )


def test_a_dropped_part_and_a_new_one_keep_their_boilerplate_to_themselves() -> None:
    """Old parts A, B, C; new A, B (old C) and C (new): without pairing the parts, old B's last two
    paragraphs (the same words in every part) paired with new B's, which is old C."""
    old = Resolution(
        clauses=(
            *_yearly_part("A", "lighthouses", 2020),
            *_yearly_part("B", "harbours", 2020),
            *_yearly_part("C", "canals", 2020),
        )
    )
    new = Resolution(
        clauses=(
            *_yearly_part("A", "lighthouses", 2021),
            *_yearly_part("B", "canals", 2021),
            *_yearly_part("C", "fisheries", 2021),
        )
    )
    alignment = align(old, new)
    pairs = {g.old[0]: g.new[0] for g in alignment.groups if len(g.old) == len(g.new) == 1}
    assert {k: v for k, v in pairs.items() if k.startswith("C.")} == {
        "C.H1": "B.H1", "C.PP1": "B.PP1", "C.OP1": "B.OP1", "C.OP2": "B.OP2", "C.OP3": "B.OP3",
    }  # fmt: skip
    assert pairs["A.OP2"] == "A.OP2"
    assert set(alignment.deleted) == {f"B.{k}" for k in ("H1", "PP1", "OP1", "OP2", "OP3")}
    assert set(alignment.added) == {f"C.{k}" for k in ("H1", "PP1", "OP1", "OP2", "OP3")}


def test_an_undivided_text_against_a_divided_one_pairs_across_its_parts() -> None:
    undivided = Resolution(
        clauses=tuple(
            c.__class__(c.key.split(".", 1)[1], c.text, verb=c.verb)
            for c in _part("A", "lighthouses", "coastal beacons")
        )
    )
    alignment = align(undivided, NEW)
    pairs = {g.old[0]: g.new[0] for g in alignment.groups if len(g.old) == len(g.new) == 1}
    assert pairs["PP1"] == "B.PP1" and pairs["OP1"] == "B.OP1"


def _adopting(year: int, annex: list[str]) -> Resolution:
    """A SYNTHETIC resolution whose operative part adopts the programme of action annexed to it."""
    return Resolution(
        clauses=(
            Clause("PP1", f"Recalling its synthetic resolution of {year - 1} on the programme of action,"),
            Clause(
                "OP1",
                "Adopts the synthetic programme of action annexed to the present resolution.",
                verb="Adopts",
            ),
            Clause("ANNEX.H1", "Synthetic programme of action"),
            *(Clause(f"ANNEX.P{n}", text) for n, text in enumerate(annex, 1)),
        )
    )


PROGRAMME = [
    "We, the synthetic delegates, commit to protect every lighthouse and coastal beacon.",
    "We recognize the work of volunteers and local communities in the upkeep of beacons.",
    "We will share best practices on the restoration of historic lighthouses by 2030.",
    "We call for the timely exchange of information on hazards to navigation.",
]


def test_an_annexed_texts_numbered_paragraphs_are_aligned_year_to_year() -> None:
    """The annex's paragraphs are the substance: renumbered by an insertion, reworded, split, they pair
    as operative paragraphs do, and the change records say how."""
    new_programme = [
        PROGRAMME[0],
        "We welcome the synthetic registry of maritime signals launched this year.",
        PROGRAMME[1].replace("volunteers", "volunteers, youth"),
        "We will share best practices on the restoration of historic lighthouses by 2035.",
        PROGRAMME[3],
    ]
    report = compare(_adopting(2030, PROGRAMME), _adopting(2031, new_programme))
    kinds = {(c.old, c.new): c.kind for c in report.changes if c.clause_type == "paragraph"}
    assert kinds == {
        (("ANNEX.P1",), ("ANNEX.P1",)): "unchanged",
        ((), ("ANNEX.P2",)): "added",
        (("ANNEX.P2",), ("ANNEX.P3",)): "modified",
        (("ANNEX.P3",), ("ANNEX.P4",)): "modified",
        (("ANNEX.P4",), ("ANNEX.P5",)): "unchanged",
    }
    numbers = next(c for c in report.changes if c.new == ("ANNEX.P4",))
    assert "numbers" in numbers.tags


def test_round_six_keeps_a_dropped_part_and_a_new_one_apart() -> None:
    """Old parts A (lighthouses) and B; new A (old B) and B (fisheries, new), whose first paragraph
    carries old A's whole, and more: round 6 (provenance), which pairs a paragraph standing nearly
    whole in another, sees the parts' classes too, so a dropped part's clauses stay deleted and a new
    part's added (and nothing is told moved across parts)."""
    carried = (
        "Welcomes the synthetic report of the committee on the maintenance of coastal lighthouses "
        "and their beacons"
    )
    harbours = "Welcomes the synthetic report on harbours and tide gauges;"
    fisheries = tuple(
        Clause(f"B.OP{k}", text, verb=text.split()[0])
        for k, text in enumerate(
            (
                "Urges flag States to register every synthetic trawler with the regional fisheries bodies;",
                "Invites coastal nations to share catch data on deep-sea stocks, bycatch and discards;",
                "Encourages observers aboard vessels fishing the high seas beyond national jurisdiction;",
                "Calls for synthetic quotas on cod, hake and toothfish in seamount ecosystems;",
                "Stresses monitoring by satellite of transshipment at sea between reefers and longliners;",
            ),
            start=2,
        )
    )

    def part(letter: str, topic: str, first: str, more: tuple[Clause, ...] = ()) -> tuple[Clause, ...]:
        return (
            Clause(f"{letter}.H1", f"Synthetic {topic}"),
            Clause(f"{letter}.PP1", f"Recalling its synthetic resolutions on {topic},"),
            Clause(f"{letter}.OP1", first, verb="Welcomes"),
            *more,
            Clause(f"{letter}.OP9", SEIZED, verb="Decides"),
        )

    old = Resolution(clauses=(*part("A", "lighthouses", carried + ";"), *part("B", "harbours", harbours)))
    new = Resolution(
        clauses=(
            *part("A", "harbours", harbours),
            *part(
                "B",
                "fisheries",
                carried + ", and calls for a synthetic survey of trawling grounds;",
                fisheries,
            ),
        )
    )
    alignment = align(old, new)
    pairs = {g.old[0]: g.new[0] for g in alignment.groups}
    assert pairs == {"B.H1": "A.H1", "B.PP1": "A.PP1", "B.OP1": "A.OP1", "B.OP9": "A.OP9"}
    assert set(alignment.deleted) == {"A.H1", "A.PP1", "A.OP1", "A.OP9"}
    assert "B.OP1" in alignment.added and not any(g.moved for g in alignment.groups)


def _annex(label: str, topic: str, extra: str, review: int) -> tuple[Clause, ...]:
    """A SYNTHETIC annex: its title, two paragraphs on its topic, and a closing paragraph in the
    words every annex of the text uses, with the year of its review."""
    return (
        Clause(f"{label}.H1", f"Synthetic programme on {topic}"),
        Clause(f"{label}.P1", f"We commit to the upkeep of {topic} and {extra} in every region."),
        Clause(f"{label}.P2", f"We will report on {topic} to the synthetic conference."),
        Clause(f"{label}.P3", f"We will review this programme at the synthetic conference of {review}."),
    )


def _annexed(*annexes: tuple[Clause, ...]) -> Resolution:
    return Resolution(
        clauses=(
            Clause("PP1", "Recalling its synthetic resolutions on maritime signals,"),
            Clause(
                "OP1", "Adopts the synthetic programmes annexed to the present resolution.", verb="Adopts"
            ),
            *(clause for annex in annexes for clause in annex),
        )
    )


def _pairs(old: Resolution, new: Resolution) -> dict[str, str]:
    return {g.old[0]: g.new[0] for g in align(old, new).groups if len(g.old) == len(g.new) == 1}


def test_annexes_pair_annex_with_annex() -> None:
    """An annex inserted in front renumbers those after it: each old annex pairs with its counterpart
    (by its words), and a closing paragraph stays in its annex: old II's (review in 2030) pairs with
    its counterpart's (now 2031), not with the new annex's, word for word old II's (before: it did)."""
    old = _annexed(
        _annex("ANNEX-I", "lighthouses", "coastal beacons", 2031),
        _annex("ANNEX-II", "harbours", "tide gauges", 2030),
    )
    new = _annexed(
        _annex("ANNEX-I", "fisheries", "deep-sea trawling", 2030),
        _annex("ANNEX-II", "lighthouses", "coastal beacons", 2031),
        _annex("ANNEX-III", "harbours", "tide gauges", 2031),
    )
    alignment = align(old, new)
    pairs = _pairs(old, new)
    assert {key: value for key, value in pairs.items() if key.startswith("ANNEX")} == {
        f"ANNEX-{a}.{local}": f"ANNEX-{b}.{local}"
        for a, b in (("I", "II"), ("II", "III"))
        for local in ("H1", "P1", "P2", "P3")
    }
    assert set(alignment.added) == {"ANNEX-I.H1", "ANNEX-I.P1", "ANNEX-I.P2", "ANNEX-I.P3"}
    assert not alignment.deleted


def test_a_dropped_annex_keeps_its_clauses_to_itself() -> None:
    """Old annexes I (lighthouses, review in 2031) and II (harbours, 2030); new a single annex
    (harbours, now 2031): old I's closing paragraph, word for word the new annex's, is dropped with its
    annex (before: it paired, and old II's was dropped); old II's pairs, modified."""
    old = _annexed(
        _annex("ANNEX-I", "lighthouses", "coastal beacons", 2031),
        _annex("ANNEX-II", "harbours", "tide gauges", 2030),
    )
    new = _annexed(_annex("ANNEX", "harbours", "tide gauges", 2031))
    assert _pairs(old, new)["ANNEX-II.P3"] == "ANNEX.P3"
    assert set(align(old, new).deleted) == {"ANNEX-I.H1", "ANNEX-I.P1", "ANNEX-I.P2", "ANNEX-I.P3"}
