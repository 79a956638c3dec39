"""The word-level redline and the change classification (texts here are short SYNTHETIC phrases
in the style of resolutions, or quoted from the real pair where named)."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resdiff.errors import InputError
from resdiff.redline import citations, editorial_key, kind_of, numbers, redline, tags_of

PIECES = st.sampled_from([*"ab1 ,;-_\u2011’'\n\t\u00a0", "States ", "Parties ", "119", "124 ", "  ", " \n "])
WORDY = st.lists(PIECES, max_size=30).map("".join)


def _old(diff: tuple[tuple[int, str], ...]) -> str:
    return "".join(text for op, text in diff if op <= 0)


def _new(diff: tuple[tuple[int, str], ...]) -> str:
    return "".join(text for op, text in diff if op >= 0)


def test_a_changed_number_is_one_replaced_word() -> None:
    diff = redline("a total of 119 States have joined", "a total of 124 States have joined")
    assert diff == ((0, "a total of "), (-1, "119"), (1, "124"), (0, " States have joined"))


def test_capitalisation_shows_as_whole_words() -> None:
    diff = redline("Calls upon States parties to act", "Urgently calls upon States Parties to act")
    assert (-1, "parties") in diff and (1, "Parties") in diff
    assert (0, " upon States ") in diff


def test_identical_and_empty_texts() -> None:
    assert redline("same text", "same text") == ((0, "same text"),)
    assert redline("", "") == ()
    assert redline("", "new") == ((1, "new"),)
    assert redline("old", "") == ((-1, "old"),)


# SYNTHETIC sentences in the style of a resolution: the same clause after different openings
_OPENINGS = ("Urges all States", "Calls upon every Member State", "Invites interested Governments and bodies")
_REST = "to take the necessary measures, in accordance with their obligations, to act"


def test_an_edit_reads_the_same_whatever_else_the_clause_says() -> None:
    """The cleanup slides a lone insertion or deletion to the boundary it scores best by the real
    characters around it (a space, a punctuation mark), so the same edit in the same place reads
    the same ("measures,{+ further+} in") whatever words the rest of the clause holds."""
    words = _REST.split(" ")
    for at in range(1, len(words)):
        longer = " ".join([*words[:at], "further", *words[at:]])
        edits = set()
        for opening in _OPENINGS:
            for old, new in (
                (f"{opening} {_REST}", f"{opening} {longer}"),
                (f"{opening} {longer}", f"{opening} {_REST}"),
            ):
                diff = redline(old, new)
                assert len(diff) == 3 and diff[1][1].strip() == "further", (at, diff)
                edits.add(diff[1][1])
        assert len(edits) == 1, (at, edits)
    # from the real pair, 72/54 PP4 -> 80/52 PP4 (text quoted from both)
    diff = redline(
        "impede post-conflict rehabilitation", "impede post-conflict reconciliation, rehabilitation"
    )
    assert diff == ((0, "impede post-conflict"), (1, " reconciliation,"), (0, " rehabilitation"))


@given(WORDY, WORDY)
def test_both_texts_rebuild_from_the_diff(old: str, new: str) -> None:
    diff = redline(old, new)
    assert _old(diff) == old
    assert _new(diff) == new
    assert all(text for _, text in diff)
    assert all(a[0] != b[0] for a, b in pairwise(diff))  # runs are merged


@given(WORDY, WORDY)
def test_no_edit_boundary_falls_inside_a_word(old: str, new: str) -> None:
    for text, side in ((old, -1), (new, 1)):
        cut = 0
        for op, part in redline(old, new):
            if op == -side:
                continue
            if 0 < cut < len(text):
                assert not (re.match(r"[^\W_]", text[cut - 1]) and re.match(r"[^\W_]", text[cut])), (
                    text,
                    cut,
                )
            cut += len(part)


def test_editorial_kinds() -> None:
    assert kind_of(redline("States parties", "States Parties")) == "editorial"
    assert kind_of(redline("non-governmental", "non\u2011governmental")) == "editorial"
    assert kind_of(redline("the Secretary-General's report", "the Secretary-General’s report")) == "editorial"
    assert kind_of(redline('entitled "Protecting lives"', "entitled “Protecting lives”")) == "editorial"
    assert kind_of(redline("to act,", "to act;")) == "editorial"
    assert kind_of(redline("military-to- military", "military-to-military")) == "editorial"
    assert (
        kind_of(redline("Convention on Cluster Munitions²", "Convention on Cluster Munitions")) == "editorial"
    )


def test_a_digit_left_in_the_text_is_a_digit_even_where_it_may_be_a_marker() -> None:
    """Hiding a real change is worse than showing a stray marker (SYNTHETIC phrases): the
    normalizer lifts footnote markers, so a digit that reaches the redline counts."""
    assert kind_of(redline("Disabilities, to address", "Disabilities, 1 to address")) == "modified"
    assert (
        kind_of(redline("as at 1 September 2035, States", "as at 1 September 2035, 12 States")) == "modified"
    )
    assert kind_of(redline("paragraph 5 of", "paragraph of")) == "modified"
    assert kind_of(redline("within 12 months,", "within months,")) == "modified"
    assert kind_of(redline("convene annual meetings", "convene 2 annual meetings")) == "modified"
    assert (
        kind_of(redline("Convention on Cluster Munitions²", "Convention on Cluster Munitions")) == "editorial"
    )


def test_the_separators_inside_a_number_are_not_punctuation() -> None:
    assert kind_of(redline("a total of 12.5 per cent", "a total of 125 per cent")) == "modified"
    assert kind_of(redline("US$ 1,250,000", "US$ 1.250.000")) == "modified"
    assert kind_of(redline("in 2015, 2016 and", "in 2015,2016 and")) == "editorial"  # a space alone


def test_numbers_and_cited_symbols_are_replaced_whole() -> None:
    assert redline("US$ 1,250,000", "US$ 1,300,000") == ((0, "US$ "), (-1, "1,250,000"), (1, "1,300,000"))
    assert redline("resolution 89/20 of", "resolution 90/20 of") == (
        (0, "resolution "),
        (-1, "89/20"),
        (1, "90/20"),
        (0, " of"),
    )
    assert (-1, "A/72/409") in redline("report (A/72/409).", "report (A/73/409).")
    assert (1, "1,001st") in redline("the 1,000th meeting", "the 1,001st meeting")
    assert (-1, "ES-10/21") in redline("resolution ES-10/21 of", "resolution ES-10/22 of")
    assert citations("resolutions ES-10/21, A/RES/ES-11/1 and S-27/2") == Counter(
        {"ES-10/21": 1, "A/RES/ES-11/1": 1, "S-27/2": 1}
    )


def test_a_linking_word_is_no_change_of_verb() -> None:
    """ "Also requests" repeats the verb of the paragraph before; "Urgently calls upon" changes it."""
    diff = redline("Requests the synthetic report;", "Also requests the synthetic report;")
    assert "verb" not in tags_of(diff, "Requests", "Also requests")
    assert "verb" not in tags_of(diff, "Expresses concern", "Hereby expresses its concern")
    assert "verb" in tags_of(diff, "Calls upon", "Urgently calls upon")


def test_a_term_with_a_slash_is_no_citation() -> None:
    diff = redline("to combat HIV/AIDS in", "to combat HIV and AIDS in")
    assert "citations" not in tags_of(diff, None, None)
    assert "citations" in tags_of(redline("resolution 89/20 of", "resolution 90/20 of"), None, None)


def test_a_changed_footnote_marker_alone_is_editorial() -> None:
    assert kind_of(redline("same words", "same words"), notes_match=False) == "editorial"
    assert kind_of(redline("same words", "same words"), notes_match=True) == "unchanged"


def test_modified_when_a_word_or_number_changes() -> None:
    assert kind_of(redline("119 States", "124 States")) == "modified"
    assert kind_of(redline("States parties", "States not parties")) == "modified"
    assert kind_of(redline("6371", "63/71")) == "editorial"  # only a slash: punctuation by the definition
    assert editorial_key("Non-Governmental  ORGANIZATIONS,") == "nongovernmentalorganizations"


def test_number_tag() -> None:
    assert tags_of(redline("a total of 119 States", "a total of 124 States"), None, None) == ("numbers",)
    assert tags_of(redline("held on 4 December 2017", "held on 4 November 2017"), None, None) == ("numbers",)
    assert tags_of(redline("the twelfth Meeting", "the thirteenth Meeting"), None, None) == ("numbers",)
    assert tags_of(redline("its eighty-first session", "its ninety-first session"), None, None) == (
        "numbers",
    )
    assert tags_of(redline("63/71 of 2 December", "63/71 of 2 December, and 70/54"), None, None) == (
        "citations",
    )
    assert (
        tags_of(
            redline("such services as may be necessary", "such services as might be necessary"), None, None
        )
        == ()
    )


def test_citation_tag_without_number_tag() -> None:
    tags = tags_of(redline("CCM/CONF/2015/7, annex I.", "CCM/CONF/2021/6, annex I."), None, None)
    assert tags == ("citations",)
    assert citations("resolutions 63/71 and 70/54 and A/72/409") == {"63/71": 1, "70/54": 1, "A/72/409": 1}
    assert citations("see A/72/409.") == citations("see A/72/409, annex") == {"A/72/409": 1}
    assert numbers("resolution 63/71 of 2 December 2008") == {"2": 1, "december": 1, "2008": 1}


def test_verb_tag() -> None:
    assert tags_of(
        redline("Calls upon States", "Urgently calls upon States"), "Calls upon", "Urgently calls upon"
    ) == ("verb",)
    assert tags_of(redline("Urges all", "urges all States"), "Urges", "urges") == ()
    assert tags_of(redline("x", "y"), None, "Decides") == ()


def test_a_clause_with_more_distinct_words_than_there_are_codes_is_refused_clearly() -> None:
    """SYNTHETIC: 170,000 different made-up words in one clause, past every code a word can take."""
    text = " ".join(f"w{number}" for number in range(170_000))
    with pytest.raises(InputError, match="too long to redline"):
        redline(text, "w0")


def test_more_kinds_of_whitespace_than_whitespace_codes_still_rebuild() -> None:
    """SYNTHETIC: 40 different runs of spaces (more than there are whitespace characters to code them)."""
    old = "".join(f"w{n}" + " " * n for n in range(1, 41))
    new = old.replace("w7", "x7").replace("w30", "")
    diff = redline(old, new)
    assert _old(diff) == old and _new(diff) == new
