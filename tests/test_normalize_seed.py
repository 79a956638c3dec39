"""The seed (A/RES/72/54, real text): every count and metadata field the issue asks for."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdiff import canonical
from resdiff.model import FOOTNOTE, OPERATIVE, PREAMBULAR, Resolution
from resdiff.normalize import normalize_bytes, normalize_path

pytestmark = pytest.mark.shared


@pytest.fixture
def seed(seed_path: Path) -> Resolution:
    normalized = normalize_path(seed_path)
    assert normalized.warnings == ()
    return normalized.resolution


def test_counts(seed: Resolution) -> None:
    assert len(seed.of_type(PREAMBULAR)) == 14
    assert len(seed.of_type(OPERATIVE)) == 9
    assert len(seed.of_type(FOOTNOTE)) == 4
    assert [c.key for c in seed.clauses][-4:] == ["FN1", "FN2", "FN3", "FN4"]


def test_metadata(seed: Resolution, seed_path: Path) -> None:
    assert seed.symbol == "A/RES/72/54"
    assert seed.session == 72
    assert seed.title == "Implementation of the Convention on Cluster Munitions"
    assert seed.adopted == "2017-12-04"
    assert seed.agenda_item == "99 (hh)"
    assert seed.report == "A/72/409"
    assert seed.meeting == "62nd plenary meeting"
    assert seed.cites == ("A/RES/63/71", "A/RES/70/54", "A/RES/71/45")
    assert seed.source is not None
    assert (seed.source.name, seed.source.reader) == (seed_path.name, "seed-markdown")
    assert len(seed.source.sha256) == 64


def test_pp7_rejoined_across_the_page_break(seed: Resolution) -> None:
    pp7 = seed.clause("PP7")
    assert pp7.text.startswith("Mindful of the need to coordinate adequately efforts")
    assert "Persons with Disabilities, to address the rights and needs of victims" in pp7.text
    assert pp7.text.endswith("discrimination among victims of various types of weapons,")
    assert pp7.notes == ("FN1",)
    assert seed.clause("FN1").text == "United Nations, Treaty Series, vol. 2515, No. 44910."
    assert seed.clause("PP8").text.startswith("Reaffirming that in cases not covered")


def test_markers_anchor_footnotes(seed: Resolution) -> None:
    assert seed.clause("PP8").notes == ("FN2",)
    assert seed.clause("PP12").notes == ("FN3", "FN4")
    assert seed.clause("OP1").notes == ("FN2",)  # ``Munitions²`` repeats an earlier footnote
    assert seed.clause("OP2").notes == ("FN4",)  # ``;⁴`` after the semicolon
    assert seed.clause("OP2").text.endswith("Dubrovnik Action Plan;")
    assert seed.clause("OP1").text.startswith(
        "Urges all States outside the Convention on Cluster Munitions to join"
    )


def test_verbs_are_the_italic_spans(seed: Resolution) -> None:
    verbs = [c.verb for c in seed.of_type(OPERATIVE)]
    assert verbs == [
        "Urges",
        "Stresses",
        "Expresses strong concern",
        "Urges",
        "Invites",
        "Reiterates",
        "Reiterates its invitation and encouragement",
        "Calls upon",
        "Decides",
    ]
    assert all(c.verb is None for c in seed.clauses if c.type != OPERATIVE)
    assert all(c.text.startswith(c.verb) for c in seed.of_type(OPERATIVE) if c.verb)


def test_text_is_clean(seed: Resolution) -> None:
    for clause in seed.clauses:
        assert not any(mark in clause.text for mark in ("*", "](#)", "[^", "¹", "²", "³", "⁴", "  ")), (
            clause.key
        )
    assert "military-to-military dialogue" in seed.clause("OP6").text


def test_canonical_file_round_trips_byte_for_byte(seed: Resolution) -> None:
    text = canonical.dump(seed)
    again = normalize_bytes(text.encode("utf-8"), "x.txt")
    assert canonical.dump(again.resolution) == text
    assert again.resolution == seed
