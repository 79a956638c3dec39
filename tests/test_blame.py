"""Word provenance carried through one redline (``resdiff.blame``), on SYNTHETIC clause texts."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.blame import Piece, carry, joined, merged, split_clauses, tidied
from resdiff.redline import redline
from strategies import sentences


def _step(old: list[Piece], new_text: str, version: int) -> list[Piece]:
    old_text = "".join(text for text, _ in old)
    return merged(carry(old, redline(old_text, new_text), version))


def test_kept_text_keeps_its_date_and_inserted_text_takes_the_new_version() -> None:
    old = [("Expresses strong concern at the synthetic widgets;", 0)]
    assert _step(old, "Expresses strong concern at the use of synthetic widgets;", 1) == [
        ("Expresses strong concern at the ", 0),
        ("use of ", 1),
        ("synthetic widgets;", 0),
    ]


def test_a_replaced_word_dates_from_the_replacement() -> None:
    old = [("Expresses ", 0), ("strong", 1), (" concern;", 0)]
    assert _step(old, "Expresses grave concern;", 2) == [("Expresses ", 0), ("grave", 2), (" concern;", 0)]


def test_a_change_of_case_or_punctuation_keeps_the_date() -> None:
    old = [("Noting that 119 States parties have joined", 3), (",", 5)]
    assert _step(old, "Noting that 119 States Parties have joined;", 7) == [
        ("Noting that 119 States Parties have joined", 3),
        (";", 5),
    ]
    hyphen = [("non-governmental organizations", 2)]
    assert _step(hyphen, "non\u2011governmental organizations", 4) == [
        ("non\u2011governmental organizations", 2)
    ]


def test_words_a_larger_replacement_deletes_and_puts_back_keep_their_date() -> None:
    """The redline's cleanup folds "concern" into one replacement; it still stood."""
    old_text, new_text = "Expresses strong concern at the reports", "Voices grave concern over reports"
    assert redline(old_text, new_text)[:2] == (
        (-1, "Expresses strong concern at the"),
        (1, "Voices grave concern over"),
    )
    assert _step([(old_text, 0)], new_text, 1) == [
        ("Voices grave ", 1),
        ("concern", 0),
        (" over", 1),
        (" reports", 0),
    ]


def test_a_split_group_is_cut_back_into_its_clauses() -> None:
    old = [("Requests the Secretary-General to convene meetings and to report to the Assembly;", 0)]
    new = (
        "Requests the Secretary-General to convene meetings;\n"
        "Also requests the Secretary-General to report to the Assembly;"
    )
    first, second = split_clauses(carry(old, redline(old[0][0], new), 1), 2)
    assert "".join(t for t, _ in first) + "\n" + "".join(t for t, _ in second) == new
    assert first[0] == ("Requests the Secretary-General to convene meetings", 0)
    assert ("Also requests the Secretary-General", 1) in second and second[-1] == (
        " to report to the Assembly;",
        0,
    )


def test_a_merged_group_reads_its_clauses_joined() -> None:
    parts = [[("Encourages States to share information;", 0)], [("Encourages States to cooperate;", 2)]]
    old = joined(parts)
    new = "Encourages States to share information and to cooperate;"
    old_text = "".join(text for text, _ in old)
    (result,) = split_clauses(carry(old, redline(old_text, new), 3), 1)
    assert "".join(t for t, _ in result) == new
    assert result[0] == ("Encourages States to share information", 0)
    assert result[-1] == (" to cooperate;", 2)


def test_a_blank_piece_takes_the_date_before_it_when_shown() -> None:
    assert tidied([("A", 0), (" ", 1), ("B", 0), (" ", 2)]) == [("A B ", 0)]
    assert tidied([(" ", 1), ("B", 0)]) == [(" ", 1), ("B", 0)]


@settings(max_examples=200, deadline=None)
@given(sentences, sentences, st.integers(0, 3))
def test_carried_pieces_concatenate_to_the_new_text(old: str, new: str, cut: int) -> None:
    """SYNTHETIC random words: however the old text's dates are laid out, the new pieces spell the
    new text, and every date is an old one or the new version."""
    points = sorted({len(old) * k // 4 for k in range(cut + 1)} | {len(old)})
    pieces = [(old[a:b], k) for k, (a, b) in enumerate(pairwise(points))]
    result = carry(pieces, redline(old, new), 9)
    assert "".join(text for text, _ in result) == new
    assert {since for _, since in result} <= {since for _, since in pieces} | {9}
