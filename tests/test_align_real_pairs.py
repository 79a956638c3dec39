"""Splits, merges and moves on REAL predecessor pairs of ../shared (read in place), as a careful reader
judged them, clause by clause, reading both texts (issue 16, section 3): every group that
``resdiff diff`` reports on the 39 PDF pairs, and the groups read on pairs of the UN's AKN4UN XML of
sessions 79 -> 80 (source: United Nations, DGACM; unofficial copies), right and wrong alike, so that
neither a right pairing is lost nor a wrong one comes back.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from conftest import SHARED, _need
from resdiff.compare import compare
from resdiff.model import Resolution
from resdiff.normalize import normalize_path
from resdiff.records import Comparison

pytestmark = pytest.mark.shared

UN_PDF = SHARED / "data" / "un-pdf"
AKN = SHARED / "data" / "akn"


@cache
def _read(path: Path) -> Resolution:
    return normalize_path(_need(path)).resolution


def _pdf(symbol: str) -> Path:
    session, number = symbol.split("/")
    return UN_PDF / f"ga-res-{session}" / f"A_RES_{session}_{number}.pdf"


def _akn(symbol: str) -> Path:
    session, number = symbol.split("/")
    folder = _need(AKN / f"{session}session" / "English")
    found = sorted(folder.glob(f"A_RES_{session}_{number}-*.xml"))
    assert found, f"{symbol} is not in {folder}"
    return found[0]


@cache
def _compare(old: Path, new: Path) -> Comparison:
    return compare(_read(old), _read(new))


def _groups(comparison: Comparison) -> set[tuple[str, str, str]]:
    """Every split, merge and moved clause: (kind or 'moved', old keys, new keys) joined with '+'."""
    return {
        (
            "moved" if c.moved and c.kind not in ("split", "merged") else c.kind,
            "+".join(c.old),
            "+".join(c.new),
        )
        for c in comparison.changes
        if c.kind in ("split", "merged") or c.moved
    }


# (old, new): every split, merge and move the PDF pair shows, each read and judged right
PDF_GROUPS = {
    ("79/56", "80/34"): {
        # the Fourth (2018) and Fifth (2023) Special Sessions, two parallel sentences, now one
        ("merged", "PP7+PP8", "PP8"),
        ("moved", "OP24", "OP13"),  # grave concern at the use of chemical weapons, brought forward
        ("moved", "OP19", "OP17"),
        ("moved", "OP20", "OP18"),
    },
    ("79/58", "80/52"): {("split", "PP13", "PP14+PP17")},
    # the item on decision C-25/DEC.9 lost its closing words to the new item on C-28/DEC.12
    ("78/29", "79/56"): {("split", "OP6(c)", "OP9(c)+OP9(d)")},
    ("79/34", "80/35"): {("moved", "PP11", "PP13")},
    ("79/40", "80/38"): {("moved", "OP33", "OP8")},
}
PDF_PLAIN = [  # pairs with no split, merge or move: a reader finds none either
    ("79/3", "80/2"),
    ("79/17", "80/18"),
    ("79/20", "80/20"),
    ("79/21", "80/21"),
    ("79/237", "80/16"),
    ("79/54", "80/43"),  # OP6 (the preparatory meeting of 2025) is gone, not joined to OP5
    ("78/32", "79/58"),
]


@pytest.mark.parametrize(("pair", "expected"), sorted(PDF_GROUPS.items()), ids=lambda v: str(v))
def test_the_groups_of_a_pdf_pair(pair: tuple[str, str], expected: set[tuple[str, str, str]]) -> None:
    assert _groups(_compare(_pdf(pair[0]), _pdf(pair[1]))) == expected


@pytest.mark.parametrize("pair", PDF_PLAIN, ids=str)
def test_a_pdf_pair_without_groups(pair: tuple[str, str]) -> None:
    assert _groups(_compare(_pdf(pair[0]), _pdf(pair[1]))) == set()


# (old, new): groups of AKN pairs read by eye; present (True) or absent (False, a wrong pairing once made)
AKN_GROUPS = [
    # "Recognizing further the importance of close cooperation ..." and "Noting the research framework
    # agreement ..." are one paragraph now
    ("79/85", "80/75", ("merged", "PP16+PP17", "PP16"), True),
    # paragraph 309 of the Doha Programme of Action and Qatar's offer to host the review, now two
    ("79/218", "80/150", ("split", "OP56", "OP57+OP58"), True),
    # Agenda 2063 of the African Union joined the list of outcomes recalled in PP6
    ("79/227", "80/157", ("merged", "PP5+PP14", "PP6"), True),
    # the International Days of resolutions 2142 (XXI), 62/122 and 78/323, recalled in one paragraph
    ("79/161", "80/193", ("merged", "PP31+PP32+PP34", "PP33"), True),
    # the 2025 Conference in Nice (PP12, its decision to hold it) joined the Lisbon and New York
    # Conferences recalled in PP11, each a declaration endorsed
    ("79/144", "80/110", ("merged", "PP11+PP12", "PP11"), True),
    # OP17 ("Also calls upon Member States to continue to support ...") ends as OP8 does, but is
    # another act: not joined to it
    ("79/181", "80/220", ("merged", "OP8+OP17", "OP8"), False),
    # a formula every part repeats ("Endorses the conclusions and recommendations ..."): no split
    ("79/258", "80/243", ("split", "A.OP2", "B.OP2+M.OP3"), False),
]


@pytest.mark.parametrize(("old", "new", "group", "present"), AKN_GROUPS, ids=lambda v: str(v))
def test_a_group_of_an_akn_pair(old: str, new: str, group: tuple[str, str, str], present: bool) -> None:
    assert (group in _groups(_compare(_akn(old), _akn(new)))) is present


# paragraphs that crossed between the preamble and the operative part, read on both texts
# ("Taking note of the report" -> "Takes note of the report", and back): (old, new, old key, new key)
AKN_CROSSED = [
    ("79/144", "80/110", "PP31", "OP80"),
    ("79/144", "80/110", "PP32", "OP85"),
    ("79/202", "80/135", "OP6", "PP25"),
    ("79/182", "80/221", "PP49", "OP10"),
    ("79/186", "80/225", "OP10", "PP8"),
    ("79/186", "80/225", "OP11", "PP9"),
    ("79/128", "80/169", "OP4", "PP10"),
]


@pytest.mark.parametrize(("old", "new", "old_key", "new_key"), AKN_CROSSED, ids=str)
def test_a_paragraph_crossed_between_preamble_and_operative_part(
    old: str, new: str, old_key: str, new_key: str
) -> None:
    changes = [c for c in _compare(_akn(old), _akn(new)).changes if c.old == (old_key,)]
    assert len(changes) == 1 and changes[0].new == (new_key,) and changes[0].moved
    across = "from the preamble" if old_key.startswith("PP") else "from the operative part"
    assert any(tag.startswith(across) for tag in changes[0].tags)
