"""The real pair: A/RES/72/54 (2017, the seed) against its successor A/RES/80/52 (2025).

The expected pairing was worked out by reading both texts side by side; it is pinned as keys and
kinds only (the texts live in ../shared). Judgement calls, recorded here so they stay deliberate:

* 72/54 PP12 (Dubrovnik Declaration and Action Plan of the First Review Conference) is succeeded by
  80/52 PP18 (Lausanne Declaration and Action Plan of the second Review Conference), and so their
  footnotes FN3 -> FN3; FN4 ("Ibid., annex III.", the Dubrovnik Action Plan) has no successor.
* 72/54 PP13 (the 2016 political declaration on 2030) has no successor.
* 72/54 OP9 ("Decides to remain seized of the matter") is not the same decision as 80/52 OP11
  ("Decides to include in the provisional agenda of its eighty-first session ..."): deleted and added.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resdiff.compare import compare
from resdiff.normalize import normalize_path
from resdiff.records import Comparison

pytestmark = pytest.mark.shared

# (old keys, new keys, kind), in NEW's reading order with deletions where they stood
EXPECTED = [
    ("PP1", "PP1", "modified"),
    ("PP2", "PP2", "unchanged"),
    ("PP3", "PP3", "modified"),
    ("PP4", "PP4", "modified"),
    ("PP5", "PP5", "modified"),
    ("", "PP6", "added"),
    ("", "PP7", "added"),
    ("PP6", "PP8", "unchanged"),
    ("PP7", "PP9", "modified"),
    ("PP8", "PP10", "unchanged"),
    ("PP9", "PP11", "modified"),
    ("PP10", "PP12", "editorial"),  # non-governmental written with U+2011
    ("", "PP13", "added"),
    ("PP11", "PP14", "modified"),
    ("", "PP15", "added"),
    ("", "PP16", "added"),
    ("", "PP17", "added"),
    ("PP12", "PP18", "modified"),
    ("PP13", "", "deleted"),
    ("PP14", "PP19", "modified"),
    ("", "PP20", "added"),
    ("", "PP21", "added"),
    ("", "PP22", "added"),
    ("", "PP23", "added"),
    ("OP1", "OP1", "modified"),
    ("OP2", "OP2", "modified"),
    ("OP3", "OP3", "modified"),
    ("OP4", "OP4", "editorial"),  # States parties -> States Parties
    ("OP5", "OP5", "unchanged"),
    ("OP6", "OP6", "editorial"),  # States not parties -> States not Parties
    ("OP7", "OP7", "modified"),
    ("", "OP8", "added"),
    ("", "OP9", "added"),
    ("OP8", "OP10", "modified"),
    ("OP9", "", "deleted"),
    ("", "OP11", "added"),
    ("FN1", "FN1", "unchanged"),
    ("FN2", "FN2", "unchanged"),
    ("FN3", "FN3", "modified"),
    ("FN4", "", "deleted"),
]


@pytest.fixture
def comparison(seed_path: Path, res_80_52_path: Path) -> Comparison:
    return compare(normalize_path(seed_path).resolution, normalize_path(res_80_52_path).resolution)


def test_pairing_and_kinds_are_pinned(comparison: Comparison) -> None:
    found = [(" ".join(c.old), " ".join(c.new), c.kind) for c in comparison.changes]
    assert found == EXPECTED


def test_nothing_moved(comparison: Comparison) -> None:
    assert not [c for c in comparison.changes if c.moved]


def test_tags_of_the_pinned_modifications(comparison: Comparison) -> None:
    tags = {(c.old[0] if c.old else "", c.new[0] if c.new else ""): c.tags for c in comparison.changes}
    assert "verb" in tags[("OP8", "OP10")]  # Calls upon -> Urgently calls upon
    assert "verb" in tags[("OP3", "OP3")]  # Expresses strong concern -> Expresses grave concern
    assert {"numbers", "citations"} <= set(tags[("PP1", "PP1")])  # the series recited up to 79/58
    assert "numbers" in tags[("PP11", "PP14")]  # 119 States -> 124 States
    assert "citations" in tags[("FN3", "FN3")]  # CCM/CONF/2015/7 -> CCM/CONF/2021/6
    assert tags[("OP1", "OP1")] == ("footnotes",)  # its FN2 marker is gone in 2025; the words carry no tag
    assert "footnotes" in tags[("OP2", "OP2")]  # it cited FN4 ("Ibid., annex III."), dropped in 2025


def test_one_number_is_one_replaced_word(comparison: Comparison) -> None:
    noting = next(c for c in comparison.changes if c.new == ("PP14",))
    assert (-1, "119") in noting.diff and (1, "124") in noting.diff


def test_verbs_are_reported(comparison: Comparison) -> None:
    dues = next(c for c in comparison.changes if c.new == ("OP10",))
    assert (dues.old_verb, dues.new_verb) == ("Calls upon", "Urgently calls upon")
    assert dues.clause_type == "operative"
