"""compare(): the records' shape and properties, on SYNTHETIC resolutions."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings

from resdiff.compare import compare
from resdiff.errors import InputError
from resdiff.model import Clause, Resolution
from resdiff.report import kind_label
from strategies import resolutions
from test_align import BASE, SYNTHETIC_OP, SYNTHETIC_PP, UNRELATED_OP, synthetic


def _all_keys(resolution: Resolution) -> list[str]:
    return [c.key for c in resolution.clauses]


@settings(max_examples=60, deadline=None)
@given(resolutions(), resolutions())
def test_every_clause_in_exactly_one_record_and_texts_rebuild(old: Resolution, new: Resolution) -> None:
    new = replace(new, language=old.language)  # texts in two languages are refused (below)
    comparison = compare(old, new)
    assert sorted(k for c in comparison.changes for k in c.old) == sorted(_all_keys(old))
    assert sorted(k for c in comparison.changes for k in c.new) == sorted(_all_keys(new))
    old_text = {c.key: c.text for c in old.clauses}
    new_text = {c.key: c.text for c in new.clauses}
    for change in comparison.changes:
        assert change.old_text == "\n".join(old_text[k] for k in change.old)
        assert change.new_text == "\n".join(new_text[k] for k in change.new)


def test_texts_in_two_languages_are_refused_with_the_fix() -> None:
    old = replace(BASE, language="fr")
    with pytest.raises(InputError, match=r"in French and English: compare two texts in one language .*@fr"):
        compare(old, replace(old, language="en"))
    assert compare(old, replace(old, language=None)).language == "fr"  # None: the source did not say


@settings(max_examples=40, deadline=None)
@given(resolutions())
def test_a_resolution_against_itself_is_all_unchanged(resolution: Resolution) -> None:
    comparison = compare(resolution, resolution)
    assert [c.kind for c in comparison.changes] == ["unchanged"] * len(resolution.clauses)
    assert [c.new for c in comparison.changes] == [(k,) for k in _all_keys(resolution)]
    assert not comparison.differs


def test_a_deletion_stands_where_it_stood() -> None:
    new = synthetic(SYNTHETIC_PP[:2] + SYNTHETIC_PP[3:], [UNRELATED_OP, *SYNTHETIC_OP])
    comparison = compare(BASE, new)
    order = [(c.kind, c.old, c.new) for c in comparison.changes][:4]
    assert order == [
        ("unchanged", ("PP1",), ("PP1",)),
        ("unchanged", ("PP2",), ("PP2",)),
        ("deleted", ("PP3",), ()),
        ("unchanged", ("PP4",), ("PP3",)),
    ]
    added = next(c for c in comparison.changes if c.kind == "added")
    assert added.new == ("OP1",) and added.diff == ((1, UNRELATED_OP),) and added.new_verb == "Expresses"


def test_a_first_clause_deleted_comes_first() -> None:
    comparison = compare(BASE, synthetic(SYNTHETIC_PP[1:], SYNTHETIC_OP))
    assert (comparison.changes[0].kind, comparison.changes[0].old) == ("deleted", ("PP1",))


def test_records_of_a_modified_pair() -> None:
    new_ops = [
        "Urgently calls upon all States to protect lighthouses and coastal beacons under their jurisdiction;",
        *SYNTHETIC_OP[1:],
    ]
    old = Resolution(
        clauses=tuple(
            Clause(c.key, c.text, verb="Calls upon" if c.key == "OP1" else c.verb) for c in BASE.clauses
        ),
    )
    new = Resolution(
        clauses=tuple(
            Clause(c.key, c.text, verb="Urgently calls upon" if c.key == "OP1" else c.verb)
            for c in synthetic(SYNTHETIC_PP, new_ops).clauses
        ),
    )
    change = next(c for c in compare(old, new).changes if c.old == ("OP1",))
    assert change.kind == "modified"
    assert change.tags == ("verb",)
    assert (change.old_verb, change.new_verb) == ("Calls upon", "Urgently calls upon")
    assert change.clause_type == "operative"
    assert 0 < change.similarity < 1 and round(change.similarity, 3) == change.similarity
    assert change.diff[:2] == ((-1, "Calls"), (1, "Urgently calls"))


def test_split_and_merge_records() -> None:
    cut = SYNTHETIC_OP[2].index(" on the implementation")
    parts = [SYNTHETIC_OP[2][:cut] + ";", "Also requests it to report" + SYNTHETIC_OP[2][cut:]]
    merged = SYNTHETIC_OP[0].rstrip(";") + ", and " + SYNTHETIC_OP[1][0].lower() + SYNTHETIC_OP[1][1:]
    comparison = compare(BASE, synthetic(SYNTHETIC_PP, [merged, *parts, *SYNTHETIC_OP[3:]]))
    kinds = {(c.old, c.new): c for c in comparison.changes}
    split = kinds[(("OP3",), ("OP2", "OP3"))]
    assert split.kind == "split" and split.new_text == "\n".join(parts)
    merge = kinds[(("OP1", "OP2"), ("OP1",))]
    assert merge.kind == "merged" and merge.old_text == "\n".join(SYNTHETIC_OP[:2])
    assert comparison.summary()["split"] == 1 and comparison.summary()["merged"] == 1


def test_a_footnote_marker_change_alone_is_editorial() -> None:
    old = Resolution(
        clauses=(
            Clause("PP1", SYNTHETIC_PP[0]),
            Clause("PP2", SYNTHETIC_PP[1]),
            Clause("FN1", "Ibid., annex."),
        ),
    )
    new = Resolution(
        clauses=(
            Clause("PP1", SYNTHETIC_PP[0], ("FN1",)),
            Clause("PP2", SYNTHETIC_PP[1]),
            Clause("FN1", "Ibid., annex."),
        ),
    )
    changes = compare(old, new).changes
    kinds = [(c.old, c.kind, c.tags) for c in changes]
    # the redline cannot show a marker: the "footnotes" tag says why the clause is editorial
    assert kinds == [
        (("PP1",), "editorial", ("footnotes",)),
        (("PP2",), "unchanged", ()),
        (("FN1",), "unchanged", ()),
    ]
    assert (changes[0].old_notes, changes[0].new_notes) == ((), ("FN1",))
    assert kind_label(changes[0]) == "editorial (footnotes none → FN1)"
    assert changes[0].to_json()["new_notes"] == ["FN1"]


_SCRIPT = """
import hashlib, json, sys
sys.path.insert(0, sys.argv[1])
from test_align import BASE, SYNTHETIC_OP, SYNTHETIC_PP, UNRELATED_OP, synthetic
from resdiff.compare import compare
new = synthetic(SYNTHETIC_PP[::-1][:5], [UNRELATED_OP, *SYNTHETIC_OP[1::2], SYNTHETIC_OP[0][:40]])
print(hashlib.sha256(json.dumps(compare(BASE, new).to_json()).encode()).hexdigest())
"""


def test_the_same_result_whatever_the_hash_seed() -> None:
    """Set order changes with PYTHONHASHSEED; the comparison must not."""
    tests = str(Path(__file__).parent)
    digests = {
        subprocess.run(
            [sys.executable, "-c", _SCRIPT, tests],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1
