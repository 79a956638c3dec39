"""Lineages through a series (``evolution.trace``), on the hand-written SYNTHETIC series of
tests/synthetic_history.py and on SYNTHETIC random resolutions (Hypothesis)."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from history_checks import assert_blame_agrees_with_the_last_step
from resdiff.compare import compare
from resdiff.errors import InputError
from resdiff.evolution import FIRST, RESTORED, History, longest_lived, most_edited, skipped_between, trace
from resdiff.model import Clause, Resolution
from strategies import resolutions
from synthetic_history import SYNTHETIC_SERIES, SYNTHETIC_V1, SYNTHETIC_V2, SYNTHETIC_V3

V1, V2, V3 = "A/RES/90/7", "A/RES/91/7", "A/RES/93/7"


@pytest.fixture(scope="module")
def history() -> History:
    return trace(SYNTHETIC_SERIES)


def _cells(history: History, key: str, version: int) -> list[tuple[str, ...] | None]:
    """The keys of the lineage holding ``key`` in ``version``, in every version."""
    return [cell.keys if cell else None for cell in history.lineage_of(key, version).cells]


def test_each_step_is_exactly_the_comparison_of_its_two_texts(history: History) -> None:
    for step, (old, new) in zip(history.steps, pairwise(SYNTHETIC_SERIES), strict=True):
        assert (step.old, step.new) == (old.symbol, new.symbol)
        assert step.to_json()["changes"] == compare(old, new).to_json()["changes"]
        assert step.to_json()["summary"] == compare(old, new).summary()


def test_every_clause_of_every_version_is_in_exactly_one_lineage(history: History) -> None:
    for number, version in enumerate(SYNTHETIC_SERIES):
        held = [key for lineage in history.lineages if (cell := lineage.cells[number]) for key in cell.keys]
        assert sorted(held) == sorted(c.key for c in version.clauses)


def test_a_lineage_survives_renumbering_and_moves(history: History) -> None:
    # "Stressing the role of civil society": PP3, PP3, then PP2 (swapped with "Noting")
    assert _cells(history, "PP2", 2) == [("PP3",), ("PP3",), ("PP2",)]
    # "Decides to remain seized": OP7, OP7, then OP6 once OP6 was deleted
    assert _cells(history, "OP6", 2) == [("OP7",), ("OP7",), ("OP6",)]
    noting = history.lineage_of("PP4", 2)
    assert noting.cells[2] is not None and noting.cells[2].moved


def test_a_split_continues_with_its_first_part_and_starts_a_lineage_for_the_others(history: History) -> None:
    first, second = history.lineage_of("OP2", 1), history.lineage_of("OP3", 1)
    assert [c.keys if c else None for c in first.cells] == [("OP2",), ("OP2",), ("OP2",)]
    assert [c.kind if c else None for c in first.cells] == [FIRST, "split", "editorial"]
    assert second.split_from == first.id
    assert second.origin == V1  # its words first appeared in the paragraph it was split from
    assert second.cells[0] is None and second.cells[1] is not None and second.cells[1].kind == "split"


def test_a_merge_continues_one_lineage_and_ends_the_others_merged_into_it(history: History) -> None:
    survivor = history.lineage_of("OP5", 1)
    merged = history.lineage_of("OP5", 0)
    assert survivor is history.lineage_of("OP4", 0)  # both as old: the first in reading order
    assert survivor.cells[1] is not None and survivor.cells[1].kind == "merged"
    assert merged.end is not None and merged.end.to_json() == {"at": V2, "how": "merged", "into": survivor.id}
    assert merged.cells[1:] == (None, None)


def test_a_deleted_clause_ends_its_lineage(history: History) -> None:
    invites = history.lineage_of("OP6", 1)
    assert invites.end is not None and (invites.end.at, invites.end.how) == (V3, "deleted")


def test_a_clause_deleted_and_added_again_is_restored_to_its_old_lineage(history: History) -> None:
    mindful = history.lineage_of("PP4", 0)
    assert [c.keys if c else None for c in mindful.cells] == [("PP4",), None, ("PP5",)]
    assert mindful.end is None and mindful.origin == V1
    restored = mindful.cells[2]
    assert restored is not None and restored.kind == RESTORED
    assert [r.lineage for r in history.restorations] == [mindful.id]
    assert history.restorations[0].change.new_text == SYNTHETIC_V3.clause("PP5").text


def test_a_clause_not_like_any_deleted_one_starts_a_lineage(history: History) -> None:
    welcoming = history.lineage_of("PP3", 2)
    assert welcoming.origin == V3 and welcoming.cells[:2] == (None, None)
    assert welcoming.cells[2] is not None and welcoming.cells[2].kind == "added"


def test_ids_are_given_in_order_of_creation_so_a_newer_version_keeps_them(history: History) -> None:
    shorter = trace(SYNTHETIC_SERIES[:2])
    for lineage in shorter.lineages:
        key = next(cell.keys[0] for cell in lineage.cells if cell)
        version = next(k for k, cell in enumerate(lineage.cells) if cell)
        assert history.lineage_of(key, version).id == lineage.id


def test_lineages_are_listed_in_the_newest_texts_order(history: History) -> None:
    order = [lineage.id for lineage in history.lineages]
    newest = [history.lineage_of(c.key, 2).id for c in SYNTHETIC_V3.clauses]
    assert [i for i in order if i in newest] == newest
    # an ended lineage stands right after the one it followed when it was last there
    merged_away = history.lineage_of("OP5", 0).id
    assert order[order.index(merged_away) - 1] == history.lineage_of("OP4", 0).id


def test_a_step_across_a_missing_version_names_it(history: History) -> None:
    assert [step.skipped for step in history.steps] == [(), ("A/RES/92/7",)]


def test_skipped_symbols_come_from_the_series_too() -> None:
    known = {"A/RES/92/7", "A/RES/89/12", "A/RES/94/7"}
    plain = replace(SYNTHETIC_V3, clauses=SYNTHETIC_V3.clauses[1:])  # no lineage paragraph
    assert skipped_between(SYNTHETIC_V2, plain, known, given={V2, V3}) == ("A/RES/92/7",)
    assert skipped_between(SYNTHETIC_V2, plain, set(), given={V2, V3}) == ()
    assert skipped_between(SYNTHETIC_V1, SYNTHETIC_V3, known, given={V1, V3}) == ("A/RES/91/7", "A/RES/92/7")
    no_symbol = replace(SYNTHETIC_V3, symbol=None)
    assert skipped_between(SYNTHETIC_V2, no_symbol, known, given={V2}) == ()


def test_drafts_sort_between_the_years_resolutions() -> None:
    draft = replace(SYNTHETIC_V3, symbol="A/C.1/93/L.7")
    revised = replace(SYNTHETIC_V3, symbol="A/C.1/93/L.7/Rev.1")
    steps = trace([SYNTHETIC_V2, draft, revised, SYNTHETIC_V3]).steps
    assert [s.new for s in steps] == ["A/C.1/93/L.7", "A/C.1/93/L.7/Rev.1", V3]
    assert trace([SYNTHETIC_V2, draft, revised, SYNTHETIC_V3]).clause_history("OP4@a/c.1/93/l.7/rev.1")
    with pytest.raises(InputError, match="oldest first"):
        trace([SYNTHETIC_V2, SYNTHETIC_V3, draft])
    with pytest.raises(InputError, match=re.escape("but A/C.1/93/L.7/Rev.1 comes after A/C.1/93/L.7")):
        trace([SYNTHETIC_V2, revised, draft])


def test_versions_out_of_order_given_twice_or_too_few_are_refused() -> None:
    with pytest.raises(InputError, match=f"oldest first, but {V3} comes after {V1}"):
        trace([SYNTHETIC_V3, SYNTHETIC_V1])
    with pytest.raises(InputError, match="given twice"):
        trace([SYNTHETIC_V1, SYNTHETIC_V1])
    with pytest.raises(InputError, match="at least two versions"):
        trace([SYNTHETIC_V1])


def test_stats_count_words_carried_over(history: History) -> None:
    first, second, third = history.stats
    assert (first.carried_over, first.since_first) == (None, 1.0)
    assert (second.added, second.deleted, second.modified, second.split, second.merged) == (0, 1, 4, 1, 1)
    assert (third.added, third.restored, third.deleted, third.editorial) == (1, 1, 1, 1)
    blame = history.blame()
    words = [
        w for c in blame.clauses for s in c.spans for w in s.text.split() if any(ch.isalnum() for ch in w)
    ]
    assert third.words >= len(words) - 5  # "85/10" is two words to the stats
    assert third.since_first is not None and third.carried_over is not None
    assert 0 < third.since_first < third.carried_over < 1


def test_most_edited_and_longest_lived(history: History) -> None:
    top = most_edited(history, 3)
    assert top[0] is history.lineage_of("PP1", 2)  # the lineage paragraph changes every year
    assert all(a.changes >= b.changes for a, b in pairwise(top))
    tiers = longest_lived(history)
    assert [present for present, _ in tiers] == [3, 2, 1]  # every tier, the most versions first
    assert all(lineage.present == present for present, group in tiers for lineage in group)
    assert sum(len(group) for _, group in tiers) == len(history.lineages)  # no tie left out
    assert tiers[0][1] == [lineage for lineage in history.lineages if lineage.present == 3]  # text order


def test_clause_history_gives_each_steps_record(history: History) -> None:
    clause = history.clause_history("OP4@93/7")
    assert clause.lineage is history.lineage_of("OP3", 0)
    assert clause.texts[0] == (SYNTHETIC_V1.clause("OP3").text,)
    first_step = clause.changes[0]
    assert first_step is not None and first_step.tags == ("verb",)
    assert (-1, "strong") in first_step.diff and (1, "grave") in first_step.diff
    restored = history.clause_history("PP5").changes
    assert restored[0] is not None and restored[0].kind == "deleted"
    assert restored[1] is not None and restored[1].kind == RESTORED


def test_clause_history_refuses_what_is_not_there(history: History) -> None:
    with pytest.raises(InputError, match="'OP9' is not a clause of A/RES/93/7; its clauses are PP1, PP2"):
        history.clause_history("OP9")
    with pytest.raises(InputError, match="'80/52' is not one of the versions traced"):
        history.clause_history("OP1@80/52")


def test_the_json_is_the_contract(history: History) -> None:
    data = history.to_json()
    assert list(data) == ["versions", "steps", "lineages", "stats", "restorations"]
    assert data["versions"][0] == {
        "symbol": V1,
        "session": 90,
        "title": SYNTHETIC_V1.title,
        "adopted": "2035-12-04",
        "distributed": None,  # added: a draft's date
    }
    assert set(data["steps"][1]) >= {"old", "new", "skipped", "summary", "changes"}
    lineage = data["lineages"][0]
    assert set(lineage) >= {"id", "origin", "cells", "end"}
    assert len(lineage["cells"]) == 3 and set(lineage["cells"][1]) >= {"keys", "kind", "tags"}
    assert set(data["stats"][0]) >= {
        "symbol",
        "clauses",
        "added",
        "deleted",
        "modified",
        "carried_over",
        "since_first",
    }


# --- SYNTHETIC random series (Hypothesis) ------------------------------------------------------


def _series(drawn: list[Resolution]) -> list[Resolution]:
    """Random resolutions made a series: symbols in order and one language (a series runs per
    language), so that only the clauses are random."""
    return [replace(r, symbol=f"A/RES/{k + 1}/1", language=drawn[0].language) for k, r in enumerate(drawn)]


@settings(max_examples=60, deadline=None)
@given(st.lists(resolutions(), min_size=2, max_size=4))
def test_any_series_puts_every_clause_in_one_lineage_and_blame_rebuilds_the_text(
    drawn: list[Resolution],
) -> None:
    series = _series(drawn)
    history = trace(series)
    for number, version in enumerate(series):
        held = [key for lineage in history.lineages if (cell := lineage.cells[number]) for key in cell.keys]
        assert sorted(held) == sorted(c.key for c in version.clauses)
    blame = history.blame()
    assert [c.key for c in blame.clauses] == [c.key for c in series[-1].clauses]
    for blamed in blame.clauses:
        assert blamed.text == series[-1].clause(blamed.key).text
        assert all(span.text for span in blamed.spans)
        assert all(a.since != b.since for a, b in pairwise(blamed.spans))


@settings(max_examples=60, deadline=None)
@given(resolutions(), st.data())
def test_blame_agrees_with_the_last_steps_redline(base: Resolution, data: st.DataObject) -> None:
    """Random edits (SYNTHETIC words) of a random resolution: whatever the aligner pairs, the dates of
    the last version's words follow the last step's redline."""
    words = data.draw(st.lists(st.sampled_from(["synthetic", "Widget", "the", ",", "of"]), max_size=3))
    edited = []
    for clause in base.clauses:
        cut = data.draw(st.integers(0, len(clause.text)))
        text = (
            clause.text[:cut] + " ".join(words) + clause.text[cut:]
            if data.draw(st.booleans())
            else clause.text
        )
        edited.append(
            replace(clause, text=text, verb=clause.verb if text.startswith(clause.verb or "") else None)
        )
    assert_blame_agrees_with_the_last_step(trace(_series([base, replace(base, clauses=tuple(edited))])))


def test_blame_agrees_with_the_last_step_of_the_synthetic_series(history: History) -> None:
    assert_blame_agrees_with_the_last_step(history)
    assert_blame_agrees_with_the_last_step(trace(SYNTHETIC_SERIES[:2]))


def test_a_series_of_one_unchanged_text_dates_every_word_from_the_first() -> None:
    clause = Clause("PP1", "Synthetic words standing still,")
    one = Resolution(symbol="A/RES/1/1", clauses=(clause,))
    blame = trace([one, replace(one, symbol="A/RES/2/1")]).blame()
    assert [(s.text, s.since) for s in blame.clauses[0].spans] == [(clause.text, "A/RES/1/1")]
    assert (blame.clauses[0].origin, blame.clauses[0].last_changed) == ("A/RES/1/1", "A/RES/1/1")
