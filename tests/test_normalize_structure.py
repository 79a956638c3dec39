"""Structure the real data does not show: multi-part resolutions, several annexes, odd footnote
numbering, metadata from the session line. Every text here is SYNTHETIC."""

from __future__ import annotations

from resdiff.normalize import normalize_bytes
from resdiff.normalizer.verbs import derive_verb

SYNTHETIC_TWO_PARTS = """Ninety-ninth session
Agenda item 2

99/3. Synthetic two-part resolution

A

Synthetic first topic

The General Assembly,

Noting a first synthetic fact,

1. Decides a first synthetic thing;

2. Requests a second synthetic thing.

1st plenary meeting
3 March 2099

B

Synthetic second topic

The General Assembly,

Noting a second synthetic fact,

1. Decides a third synthetic thing.

1st plenary meeting
3 March 2099
"""


def test_multi_part_resolution_keeps_each_part_with_its_own_numbering() -> None:
    normalized = normalize_bytes(SYNTHETIC_TWO_PARTS.encode("utf-8"), "synthetic_parts.txt")
    resolution = normalized.resolution
    assert [c.key for c in resolution.clauses] == [
        "A.H1", "A.PP1", "A.OP1", "A.OP2", "B.H1", "B.PP1", "B.OP1",
    ]  # fmt: skip
    assert resolution.clause("A.H1").text == "Synthetic first topic"
    assert resolution.title == "Synthetic two-part resolution"
    assert resolution.meeting == "1st plenary meeting" and resolution.adopted == "2099-03-03"
    assert normalized.warnings == ()


SYNTHETIC_TWO_ANNEXES = """Ninety-ninth session
Agenda item 3

The General Assembly,

1. Decides a synthetic thing;[^2]

2. Takes note of a synthetic report.[^1]

4th plenary meeting
5 March 2099

Annex I

Synthetic first annex

1. A first synthetic paragraph.

2. A second synthetic paragraph:

(a) An item;

(b) Another item.

Annex II

A synthetic block of text.

---

[^1]: Synthetic note one.

[^2]: Synthetic note two.
"""


def test_several_annexes_session_ordinal_and_footnotes_renumbered_by_first_marker() -> None:
    normalized = normalize_bytes(SYNTHETIC_TWO_ANNEXES.encode("utf-8"), "synthetic_annexes.md")
    resolution = normalized.resolution
    assert [c.key for c in resolution.clauses] == [
        "OP1", "OP2",
        "ANNEX-I.H1", "ANNEX-I.P1", "ANNEX-I.P2", "ANNEX-I.P2(a)", "ANNEX-I.P2(b)",
        "ANNEX-II.T1",
        "FN1", "FN2",
    ]  # fmt: skip
    assert resolution.symbol is None and resolution.title is None  # absent, not guessed
    assert resolution.session == 99  # from "Ninety-ninth session"
    assert resolution.adopted == "2099-03-05"  # from the closing meeting line
    assert resolution.clause("OP1").notes == ("FN1",)
    assert resolution.clause("FN1").text == "Synthetic note two."  # the source's 2 is cited first
    assert resolution.clause("OP2").verb == "Takes note"
    assert any("renumbered" in w for w in normalized.warnings)


def test_derived_verbs() -> None:
    assert derive_verb("Urgently calls upon States to act;") == "Urgently calls upon"
    assert derive_verb("Also decides to act;") == "Also decides"
    assert derive_verb("Invites and encourages States to act;") == "Invites and encourages"
    assert (
        derive_verb("Expresses its deep concern at the synthetic situation;") == "Expresses its deep concern"
    )
    assert derive_verb("Calls once again upon all States to act;") == "Calls once again upon"
    assert derive_verb("Decides to remain seized of the matter.") == "Decides"
    # a real opening (A/RES/80/23, OP2): the verb stands after a clause, so none leads the text
    assert derive_verb("Pending the total elimination of nuclear weapons, urges those States to act;") is None
    for opening in (
        "As",
        "Thus",
        "Nevertheless",
        "Whereas",
        "Regardless",
        "Emphasis",
        "Progress",
        "Its",
        "Always",
    ):
        assert derive_verb(f"{opening} synthetic States shall act;") is None, opening
    assert derive_verb("Also stresses the synthetic point;") == "Also stresses"
    assert derive_verb("Acknowledges the synthetic point;") == "Acknowledges"
    assert derive_verb("Hereby decides to act;") == "Hereby decides"
    assert derive_verb("Also, decides to act;") == "Also, decides"
    assert derive_verb("Also, calls upon States to act;") == "Also, calls upon"
    assert derive_verb("Hereby takes note of the synthetic report;") == "Hereby takes note"
    assert derive_verb("Therefore decides to act;") == "Therefore decides"


def test_front_matter_symbol_is_a_cross_check() -> None:
    body = "---\nsymbol: A/RES/99/9\n---\n\n99/8. Synthetic\n\nThe General Assembly,\n\n1. Decides to act.\n"
    normalized = normalize_bytes(body.encode("utf-8"), "synthetic.md")
    assert normalized.resolution.symbol == "A/RES/99/8"  # the body heading wins
    assert any("front matter says A/RES/99/9" in w for w in normalized.warnings)
    headless = "---\nsymbol: A/RES/99/9\n---\n\nThe General Assembly,\n\n1. Decides to act.\n"
    normalized = normalize_bytes(headless.encode("utf-8"), "synthetic.md")
    assert (normalized.resolution.symbol, normalized.resolution.session) == ("A/RES/99/9", 99)


def test_page_furniture_between_and_inside_paragraphs_is_removed() -> None:
    text = (
        "99/4. Synthetic furniture test\n\nThe General Assembly,\n\n"
        "Noting a synthetic fact that runs over a page break and\n\n"
        "99-12345 (E)\n\n*9912345*\n\nA/RES/99/4\n\n2/3\n\nSynthetic furniture test\n\n"
        "goes on after it,\n\n"
        "1. Decides that A/RES/99/1 stays in the text;\n\n"
        "2. Requests a\nUnited Nations\nreport.\n"
    )
    normalized = normalize_bytes(text.encode("utf-8"), "synthetic.txt")
    resolution = normalized.resolution
    assert [c.key for c in resolution.clauses] == ["PP1", "OP1", "OP2"]
    assert resolution.clause("PP1").text == (
        "Noting a synthetic fact that runs over a page break and goes on after it,"
    )
    assert resolution.clause("OP1").text == "Decides that A/RES/99/1 stays in the text;"
    assert resolution.clause("OP2").text == "Requests a United Nations report."
    assert resolution.cites == ()  # a symbol alone is no "resolution 99/1" citation


def test_cites_are_the_assemblys_resolutions_only() -> None:
    text = (
        "99/7. Synthetic\n\nThe General Assembly,\n\n"
        "Recalling its resolutions 63/71 of 2 December 2008 and 70/54 E, and Human Rights Council "
        "resolution 52/12, its decision 77/512, document A/80/257 and resolution S-10/2,\n\n"
        "1. Decides to act as in resolution 99/7 and in resolutions 63/71 and 71/45.\n"
    )
    resolution = normalize_bytes(text.encode("utf-8"), "synthetic.txt").resolution
    # S-10/2 is the Assembly's own (its tenth special session); the Council's 52/12 is not
    assert resolution.cites == ("A/RES/63/71", "A/RES/70/54 E", "A/RES/S-10/2", "A/RES/71/45")


def test_cites_of_special_and_emergency_special_sessions() -> None:
    text = (
        "99/8. Synthetic\n\nThe General Assembly,\n\n"
        "Recalling its resolutions ES-10/21 and A/RES/ES-11/1 and resolution S-27/2,\n\n"
        "1. Decides to act.\n"
    )
    resolution = normalize_bytes(text.encode("utf-8"), "synthetic.txt").resolution
    assert resolution.cites == ("A/RES/ES-10/21", "A/RES/ES-11/1", "A/RES/S-27/2")


def test_a_heading_whose_title_wraps_below_the_symbol() -> None:
    text = (
        "99/9.\nSynthetic lighthouses\n\nThe General Assembly,\n\n"
        "Recalling the synthetic convention,\n\n1. Decides to act.\n"
    )
    resolution = normalize_bytes(text.encode("utf-8"), "synthetic.txt").resolution
    assert (resolution.symbol, resolution.title) == ("A/RES/99/9", "Synthetic lighthouses")


def test_no_heading_at_all_is_said() -> None:
    text = "The General Assembly,\n\nRecalling the synthetic convention,\n\n1. Decides to act.\n"
    normalized = normalize_bytes(text.encode("utf-8"), "synthetic.txt")
    assert normalized.resolution.symbol is None
    assert any("no body heading" in warning for warning in normalized.warnings)


def test_the_heading_of_a_special_session_resolution() -> None:
    """SYNTHETIC texts headed as emergency special and special session resolutions are."""
    for heading, symbol in (("ES-99/3. Synthetic", "A/RES/ES-99/3"), ("S-99/2. Synthetic", "A/RES/S-99/2")):
        body = "The General Assembly,\n\nRecalling the synthetic convention,\n\n1. Decides to act.\n"
        text = f"{heading}\n\n{body}"
        normalized = normalize_bytes(text.encode("utf-8"), "synthetic.txt")
        resolution = normalized.resolution
        assert (resolution.symbol, resolution.title, resolution.session) == (symbol, "Synthetic", None)
        assert not any("no body heading" in warning for warning in normalized.warnings)


def test_a_heading_without_a_title_is_said() -> None:
    text = "99/9.\n\nThe General Assembly,\n\nRecalling the synthetic convention,\n\n1. Decides to act.\n"
    normalized = normalize_bytes(text.encode("utf-8"), "synthetic.txt")
    assert normalized.resolution.symbol == "A/RES/99/9" and normalized.resolution.title is None
    assert "the body heading A/RES/99/9 has no title" in normalized.warnings
