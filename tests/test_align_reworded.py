"""Splits, merges and pairs that were also reworded, on the REAL pairs of ../shared (read in place).

Each was worked out by reading the two texts side by side (issue 16, section 3); before round 6 of
the alignment (``aligner.provenance``) each showed as deleted + added:

* A/RES/79/58 PP13 (124 States have joined ... Lithuania's decision to withdraw) was split into
  80/52 PP14 (the count, now with Vanuatu's accession) and PP17 (the Meeting regretted Lithuania's
  withdrawal), with two paragraphs between;
* 78/32 PP13 ("Emphasizing the need to make further efforts in accelerating the universalization
  process,") is the opening of 79/58 PP14, six times its length;
* 79/56 OP5-OP8 (four paragraphs taking note of fact-finding reports) are the items (a)-(d) of
  80/34 OP11 ("Recalls:"), each without its verb; OP11 itself is new;
* 79/56 PP7 (the Fourth Special Session of the review Conference, 2018) and PP8 (the Fifth, 2023)
  are parallel sentences joined into 80/34 PP8 ("the Fourth and Fifth Special Sessions ... in 2018
  and 2023"): each part carries the whole shared sentence, so only the words the new text gained
  ("Fifth", "2023", PP8's own) show the merge.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from conftest import GA80, SHARED, _need
from resdiff.compare import compare
from resdiff.evolution import trace
from resdiff.model import Resolution
from resdiff.normalize import normalize_path
from resdiff.records import Comparison

pytestmark = pytest.mark.shared

UN_PDF = SHARED / "data" / "un-pdf"
PYMUPDF = UN_PDF / "pymupdf-json"


@cache
def _read(path: Path) -> Resolution:
    return normalize_path(_need(path)).resolution


def _compare(old: Path, new: Path) -> Comparison:
    return compare(_read(old), _read(new))


def _record(comparison: Comparison, new_key: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    change = next(c for c in comparison.changes if new_key in c.new)
    return change.old, change.new, change.kind


# each real pair in the renderings ../shared holds: the official PDFs, and the extractions the
# series tests read (PyMuPDF's JSON, the Markdown-like text)
CLUSTER = [
    (UN_PDF / "ga-res-79" / "A_RES_79_58.pdf", UN_PDF / "ga-res-80" / "A_RES_80_52.pdf"),
    (PYMUPDF / "ga-res-79" / "A_RES_79_58.json", GA80 / "A_RES_80_52.md"),
]
CLUSTER_BEFORE = [
    (UN_PDF / "ga-res-78" / "A_RES_78_32.pdf", UN_PDF / "ga-res-79" / "A_RES_79_58.pdf"),
    (PYMUPDF / "ga-res-78" / "A_RES_78_32.json", PYMUPDF / "ga-res-79" / "A_RES_79_58.json"),
]
CHEMICAL = [
    (UN_PDF / "ga-res-79" / "A_RES_79_56.pdf", UN_PDF / "ga-res-80" / "A_RES_80_34.pdf"),
    (PYMUPDF / "ga-res-79" / "A_RES_79_56.json", GA80 / "A_RES_80_34.md"),
]


@pytest.mark.parametrize(("old", "new"), CLUSTER, ids=["pdf", "extractions"])
def test_a_paragraph_split_in_two_reworded_halves_set_apart(old: Path, new: Path) -> None:
    comparison = _compare(old, new)
    assert _record(comparison, "PP14") == (("PP13",), ("PP14", "PP17"), "split")
    assert not any("PP13" in c.old for c in comparison.changes if c.kind == "deleted")
    assert _record(comparison, "PP16")[:2] == (("PP14",), ("PP16",))  # what stands between is unchanged


@pytest.mark.parametrize(("old", "new"), CLUSTER_BEFORE, ids=["pdf", "extractions"])
def test_a_short_paragraph_that_grew_six_times_its_length(old: Path, new: Path) -> None:
    assert _record(_compare(old, new), "PP14") == (("PP13",), ("PP14",), "modified")


@pytest.mark.parametrize(("old", "new"), CHEMICAL, ids=["pdf", "extractions"])
def test_paragraphs_that_became_the_items_of_a_new_one(old: Path, new: Path) -> None:
    comparison = _compare(old, new)
    for old_key, item in zip(("OP5", "OP6", "OP7", "OP8"), "abcd", strict=True):
        found = _record(comparison, f"OP11({item})")
        assert found[:2] == ((old_key,), (f"OP11({item})",)), found
        assert found[2] == "modified"
    assert _record(comparison, "OP11") == ((), ("OP11",), "added")  # "Recalls:" is new
    # their footnotes follow them: the fact-finding reports are cited as before
    notes = {
        c.old[0]: c.new[0] for c in comparison.changes if c.clause_type == "footnote" and c.old and c.new
    }
    assert notes["FN10"] == "FN14" and notes["FN17"] == "FN21"


@pytest.mark.parametrize(("old", "new"), CHEMICAL, ids=["pdf", "extractions"])
def test_two_parallel_paragraphs_joined_into_one(old: Path, new: Path) -> None:
    comparison = _compare(old, new)
    assert _record(comparison, "PP8") == (("PP7", "PP8"), ("PP8",), "merged")
    assert not any(
        c.kind == "deleted" and "PP8" in c.old for c in comparison.changes if c.clause_type != "footnote"
    )


def test_history_keeps_the_origin_of_the_reworded_parts() -> None:
    """The new clauses are no longer new lineages: 80/52 PP17 inherits 79/58 PP13's origin, and the
    items of 80/34 OP11 continue the lineages of 79/56 OP5-OP8."""
    cluster = trace([_read(p) for p in (*CLUSTER_BEFORE[0], CLUSTER[0][1])])
    lineage = {line.cells[-1].keys[0]: line for line in cluster.lineages if line.cells[-1]}
    assert lineage["PP17"].origin == lineage["PP14"].origin == "A/RES/78/32"
    assert lineage["PP17"].split_from == lineage["PP14"].id
    chemical = trace([_read(p) for p in CHEMICAL[0]])
    lineage = {line.cells[-1].keys[0]: line for line in chemical.lineages if line.cells[-1]}
    for item in "abcd":
        assert lineage[f"OP11({item})"].origin == "A/RES/79/56"
    assert lineage["OP11"].origin == "A/RES/80/34"
