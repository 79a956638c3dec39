"""The report as data: filtering, summary, number/date updates and the operative-verb scale."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

from resdiff.compare import compare
from resdiff.model import Clause, Resolution, Source
from resdiff.normalize import normalize_path
from resdiff.records import EDITORIAL, UNCHANGED, Change
from resdiff.render import render
from resdiff.report import build_report, filter_comparison, keys_label, unrelated
from resdiff.summary import (
    CHANGED,
    STRENGTHENED,
    WEAKENED,
    ClauseNote,
    ValueUpdate,
    summarize,
    value_updates,
    verb_direction,
    verb_strength,
)
from synthetic_report import synthetic_comparison


def test_summary_of_the_synthetic_comparison() -> None:
    summary = summarize(synthetic_comparison())
    assert dict(summary.counts) == {
        "unchanged": 2,
        "editorial": 1,
        "modified": 3,
        "added": 1,
        "deleted": 1,
        "split": 1,
        "merged": 1,
        "moved": 1,
    }
    assert [note.keys for note in summary.added] == [("PP4",)]
    assert summary.deleted == (ClauseNote(("OP6",), "Invites observers to attend;"),)
    assert [(n.old, n.new, n.updates) for n in summary.numbers] == [
        (("PP1",), ("PP2",), (ValueUpdate("2 December 2034", "1 December 2042"),))
    ]
    assert [(v.new, v.old_verb, v.new_verb, v.direction) for v in summary.verbs] == [
        (("OP1",), "Calls upon", "Urges", STRENGTHENED),
        (("OP4",), "Expresses concern", "Expresses grave concern", STRENGTHENED),
    ]


def test_ignore_editorial_shows_and_counts_editorial_records_as_unchanged() -> None:
    comparison = filter_comparison(synthetic_comparison(), ignore_editorial=True)
    record = next(c for c in comparison.changes if c.new == ("PP3",))
    assert record.kind == UNCHANGED
    assert record.diff == ((0, "Noting that 119 States Parties have ratified the Convention,"),)
    assert record.similarity == 1.0
    assert comparison.summary()[EDITORIAL] == 0
    assert comparison.summary()[UNCHANGED] == 3


def test_changes_only_drops_unchanged_records_but_keeps_a_moved_one() -> None:
    comparison = filter_comparison(synthetic_comparison(), changes_only=True)
    kept = [(c.kind, c.new) for c in comparison.changes if c.kind == UNCHANGED]
    assert kept == [(UNCHANGED, ("PP1",))]  # moved; OP7 → OP6 is gone
    assert len(comparison.changes) == len(synthetic_comparison().changes) - 1
    assert comparison.summary() == synthetic_comparison().summary()  # the dropped record is still counted


def test_a_comparison_that_only_differs_editorially_does_not_differ_when_ignored() -> None:
    only_editorial = synthetic_comparison().changes[2]
    assert only_editorial.kind == EDITORIAL
    comparison = synthetic_comparison()
    single = type(comparison)(comparison.old, comparison.old, (only_editorial,))  # same metadata
    assert single.differs
    assert not build_report(single, ignore_editorial=True).comparison.differs


def test_a_corrected_adoption_date_or_title_is_a_difference() -> None:
    comparison = synthetic_comparison()
    same = type(comparison)(comparison.old, comparison.old, ())
    assert not same.differs
    for field, value in (("adopted", "2035-12-05"), ("title", "Synthetic widgets"), ("meeting", "99th")):
        assert type(comparison)(comparison.old, replace(comparison.old, **{field: value}), ()).differs, field


@pytest.mark.parametrize(
    ("diff", "expected"),
    [
        # a date is one value, however the redline cut it
        (
            ((0, "adopted on "), (-1, "4"), (1, "1"), (0, " December "), (-1, "2017"), (1, "2025"), (0, ",")),
            [("4 December 2017", "1 December 2025")],
        ),
        (((0, "Noting that "), (-1, "119"), (1, "124"), (0, " States")), [("119", "124")]),
        (
            ((0, "its ninety-"), (-1, "first"), (1, "ninth"), (0, " session")),
            [("ninety-first", "ninety-ninth")],
        ),
        (
            ((0, "at its "), (-1, "seventy-second"), (1, "eightieth"), (0, " session")),
            [("seventy-second", "eightieth")],
        ),
        (((0, "for "), (-1, "2017"), (1, "2024–2025"), (0, ",")), [("2017", "2024–2025")]),
        # citations and plain words are not numbers
        (((0, "resolution A/RES/"), (-1, "72"), (1, "80"), (0, "/54 of")), []),
        (((0, "States "), (-1, "parties"), (1, "Parties")), []),
        (((0, "in "), (1, "December "), (0, "2017")), [("2017", "December 2017")]),
        # the values only, never the words around them (SYNTHETIC phrases)
        (
            (
                (0, "the "),
                (-1, "ninth Meeting of States Parties to"),
                (1, "second Review Conference of"),
                (0, " x"),
            ),
            [("ninth", "second")],
        ),
        (((0, "70/54"), (1, " and 72/54 of 4 December 2017"), (0, " on")), [("", "4 December 2017")]),
        (((0, "the "), (-1, "second Review Conference"), (1, "Meetings"), (0, " of")), [("second", "")]),
        # a span of days is one value
        (
            (
                (0, "held from "),
                (-1, "7 to 11"),
                (1, "14 to 18"),
                (0, " September "),
                (-1, "2015"),
                (1, "2026"),
            ),
            [("7 to 11 September 2015", "14 to 18 September 2026")],
        ),
        (
            ((0, "from "), (-1, "23 to 27 November 2020"), (1, "30 August to 2 September 2022"), (0, ",")),
            [("23 to 27 November 2020", "30 August to 2 September 2022")],
        ),
    ],
)
def test_value_updates(diff: tuple[tuple[int, str], ...], expected: list[tuple[str, str]]) -> None:
    assert [(u.old, u.new) for u in value_updates(diff)] == expected


def test_value_labels_say_added_and_dropped_rather_than_a_dash() -> None:
    updates = [ValueUpdate("119", "124"), ValueUpdate("", "4 December 2017"), ValueUpdate("2030", "")]
    assert [u.label for u in updates] == ["119 → 124", "added 4 December 2017", "dropped 2030"]


@pytest.mark.parametrize(
    ("old", "new", "direction"),
    [
        ("Notes", "Takes note", STRENGTHENED),
        ("Takes note", "Welcomes", STRENGTHENED),
        ("Invites", "Encourages", STRENGTHENED),
        ("Encourages", "Calls upon", STRENGTHENED),
        ("Calls upon", "Urges", STRENGTHENED),
        ("Urges", "Urgently calls upon", STRENGTHENED),
        ("Strongly urges", "Demands", STRENGTHENED),
        ("Expresses concern", "Expresses grave concern", STRENGTHENED),
        ("Expresses strong concern", "Expresses grave concern", STRENGTHENED),
        ("Expresses grave concern", "Expresses its concern", WEAKENED),
        ("Strongly condemns", "Condemns", WEAKENED),
        ("Urges", "Calls upon", WEAKENED),
        ("Also calls upon", "Calls upon", CHANGED),  # "also" carries no strength
        ("Strongly urges", "Urgently calls upon", CHANGED),  # same tier
        ("Welcomes", "Urges", CHANGED),  # different families are not comparable
        ("Requests", "Decides", CHANGED),  # not on the scale
        (None, "Urges", CHANGED),
    ],
)
def test_verb_direction(old: str | None, new: str, direction: str) -> None:
    assert verb_direction(old, new) == direction


_PHRASES = st.sampled_from(
    [
        "Notes",
        "Takes note",
        "Welcomes",
        "Invites",
        "Encourages",
        "Strongly encourages",
        "Calls upon",
        "Also calls upon",
        "Urges",
        "Strongly urges",
        "Urgently calls upon",
        "Demands",
        "Expresses concern",
        "Expresses strong concern",
        "Expresses grave concern",
        "Deplores",
        "Condemns",
        "Strongly condemns",
        "Requests",
        "Decides",
        "Reaffirms",
    ]
)


@given(_PHRASES, _PHRASES)
def test_the_verb_scale_is_antisymmetric(old: str, new: str) -> None:
    forward, backward = verb_direction(old, new), verb_direction(new, old)
    assert (forward, backward) in {(STRENGTHENED, WEAKENED), (WEAKENED, STRENGTHENED), (CHANGED, CHANGED)}


def test_unknown_verbs_are_off_the_scale() -> None:
    assert verb_strength("Requests") is None
    assert verb_strength("Strongly urges") == verb_strength("Urgently calls upon")


def test_verbs_missing_from_a_record_come_from_the_clauses() -> None:
    comparison = synthetic_comparison()
    record = next(c for c in comparison.changes if c.new == ("OP1",))
    bare = Change(record.kind, record.old, record.new, record.diff, record.similarity, tags=record.tags)
    stripped = type(comparison)(comparison.old, comparison.new, (bare,))
    (verb,) = summarize(stripped).verbs
    assert (verb.old_verb, verb.new_verb, verb.direction) == ("Calls upon", "Urges", STRENGTHENED)


def test_keys_label_shows_old_and_new_numbers() -> None:
    labels = [keys_label(c) for c in synthetic_comparison().changes]
    assert labels[:4] == ["PP3 → PP1", "PP1 → PP2", "PP2 → PP3", "— → PP4"]
    assert "OP2 → OP2 + OP3" in labels
    assert "OP4 + OP5 → OP5" in labels
    assert "OP6 → —" in labels


def test_a_report_names_the_files_its_texts_were_read_from() -> None:
    """A circulated report could not be traced back to the files it compared."""
    comparison = synthetic_comparison()
    assert build_report(comparison).sources is None  # built by hand: nothing to name
    old = replace(comparison.old, source=Source("synthetic_old.md", "ab" * 32, "seed-markdown"))
    new = replace(comparison.new, source=Source("synthetic new.pdf", "cd" * 32, "pdf-text"))
    report = build_report(replace(comparison, old=old, new=new))
    label = (
        "Texts read: old from synthetic_old.md (sha256 abababababab); "
        "new from synthetic new.pdf (sha256 cdcdcdcdcdcd)."
    )
    assert report.sources == label
    assert f'<p class="meta" id="sources">{label}</p>' in str(render(report, "html"))
    assert f"*{label.replace('_', chr(92) + '_')}*" in str(render(report, "markdown"))
    assert label in [p.text for p in Document(io.BytesIO(bytes(render(report, "docx")))).paragraphs]


def test_a_retitled_resolution_says_so_in_every_text_format() -> None:
    """The header showed only the new title, so a renamed resolution looked unrenamed."""
    comparison = synthetic_comparison()
    assert build_report(comparison).retitled is None
    old_title = "Synthetic gadgets & widgets convention"
    report = build_report(replace(comparison, old=replace(comparison.old, title=old_title)))
    label = f"Retitled; the old title was: {old_title}"
    assert report.retitled == label
    assert f"\n{label}\n" in str(render(report, "terminal"))
    assert f"\n{label.replace('&', chr(92) + '&')}\n" in str(render(report, "markdown"))
    assert f'<p class="meta" id="retitled">{label.replace("&", "&amp;")}</p>' in str(render(report, "html"))
    assert label in [p.text for p in Document(io.BytesIO(bytes(render(report, "docx")))).paragraphs]


def test_changes_only_says_how_many_clauses_it_left_out_in_every_format() -> None:
    """With --changes-only, unchanged clauses vanished from the listing without a word."""
    assert build_report(synthetic_comparison()).omitted is None
    report = build_report(synthetic_comparison(), changes_only=True)
    note = "1 unchanged clause is left out (--changes-only)."
    assert report.omitted == note
    assert f"\n{note}\n" in str(render(report, "terminal"))
    assert f"\n{note}\n" in str(render(report, "markdown"))
    assert f'<p id="omitted">{note}</p>' in str(render(report, "html"))
    assert note in [p.text for p in Document(io.BytesIO(bytes(render(report, "docx")))).paragraphs]


def _resolution(title: str, texts: list[str]) -> Resolution:
    """A SYNTHETIC resolution: one preambular paragraph per text."""
    return Resolution(title=title, clauses=tuple(Clause(f"PP{k}", t) for k, t in enumerate(texts, 1)))


_SYNTHETIC_TEXTS = [
    "Recalling the synthetic convention on lighthouses and its protocols,",
    "Noting the work of the synthetic committee on coastal beacons,",
    "Welcoming the synthetic report on the maintenance of harbour lights,",
    "Stressing the importance of synthetic cooperation among maritime States,",
]


def test_a_retitled_successor_that_keeps_its_clauses_is_no_cause_for_caution() -> None:
    old = _resolution("Synthetic lighthouses", _SYNTHETIC_TEXTS)
    new = _resolution(
        "Synthetic lighthouses and beacons", [*_SYNTHETIC_TEXTS[:3], "Deciding on synthetic matters,"]
    )
    assert unrelated(compare(old, new)) is None
    assert unrelated(compare(old, replace(old, title="Synthetic lighthouses"))) is None


def test_two_different_resolutions_are_named_as_such() -> None:
    old = _resolution("Synthetic lighthouses", _SYNTHETIC_TEXTS)
    new = _resolution(
        "Synthetic orchards",
        [
            "Recognizing the synthetic harvest of apples in temperate regions,",
            "Concerned about synthetic frost damage to blossoming trees,",
            "Stressing the importance of synthetic cooperation among maritime States,",
        ],
    )
    caution = unrelated(compare(old, new))
    assert caution is not None and "share only 1 of the 3 clauses of the shorter text" in caution
    assert build_report(compare(old, new), changes_only=True).caution == caution


def test_the_real_pair_is_one_series_and_other_80th_session_texts_are_not(
    seed_path: Path, res_80_52_path: Path, ga80_paths: list[Path]
) -> None:
    seed = normalize_path(seed_path).resolution
    assert unrelated(compare(seed, normalize_path(res_80_52_path).resolution)) is None
    others = [p for p in ga80_paths if p.name != res_80_52_path.name][::9]  # a spread of topics
    for path in others:
        assert unrelated(compare(seed, normalize_path(path).resolution)) is not None, path.name


def test_without_a_title_to_compare_the_pairing_alone_decides() -> None:
    old = _resolution("Synthetic lighthouses", _SYNTHETIC_TEXTS)
    texts = [
        "Recognizing the synthetic harvest of apples in temperate regions,",
        "Concerned about synthetic frost damage to blossoming trees,",
        _SYNTHETIC_TEXTS[3],
    ]
    caution = unrelated(compare(old, replace(_resolution("", texts), title=None)))
    assert caution is not None
    assert caution.endswith(
        " share only 1 of the 3 clauses of the shorter text: are they two years of the same resolution?"
    )
    assert "titles" not in caution
    assert unrelated(compare(old, replace(old, title=None))) is None  # an untitled copy of the same text
