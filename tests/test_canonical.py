"""The canonical clause-per-line format: round trips, determinism, and clear errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from resdiff import canonical
from resdiff.errors import InputError
from resdiff.model import Clause, Resolution, Source, Vote
from strategies import resolutions

SYNTHETIC = Resolution(
    symbol="A/RES/99/1",
    session=99,
    title="Synthetic test resolution",
    adopted="2030-01-02",
    agenda_item="12 (b)",
    report="A/99/500",
    meeting="40th plenary meeting",
    cites=("A/RES/98/7", "A/RES/56/24 T"),
    clauses=(
        Clause("PP1", "Recalling its resolution 98/7,", ("FN1",)),
        Clause("PP2", "[Bracketed] text starting with a bracket,"),
        Clause("OP1", "Urgently calls upon all States to act;", ("FN1", "FN2"), "Urgently calls upon"),
        Clause("OP1(a)", "*starred* item;"),
        Clause("OP2", "\\backslash first."),
        Clause("FN1", "Synthetic footnote one."),
        Clause("FN2", "Synthetic footnote two."),
    ),
    source=Source("synthetic input.txt", "ab" * 32, "plain-text"),
)

EXPECTED = """# resdiff canonical 1
symbol: A/RES/99/1
session: 99
title: Synthetic test resolution
adopted: 2030-01-02
agenda_item: 12 (b)
report: A/99/500
meeting: 40th plenary meeting
cites: A/RES/98/7, A/RES/56/24 T
source: plain-text sha256:{sha} synthetic input.txt

PP1 [FN1] Recalling its resolution 98/7,
PP2 \\[Bracketed] text starting with a bracket,
OP1 [FN1 FN2] *Urgently calls upon* all States to act;
OP1(a) \\*starred* item;
OP2 \\\\backslash first.
FN1 Synthetic footnote one.
FN2 Synthetic footnote two.
""".format(sha="ab" * 32)


def test_dump_is_the_documented_format() -> None:
    assert canonical.dump(SYNTHETIC) == EXPECTED


def test_load_reads_it_back() -> None:
    assert canonical.load(EXPECTED) == SYNTHETIC


def test_absent_metadata_stays_absent() -> None:
    bare = Resolution()
    assert canonical.load(canonical.dump(bare)) == bare
    assert "symbol:\n" in canonical.dump(bare)


@given(resolutions())
@settings(max_examples=200, deadline=None)
def test_round_trip(resolution: Resolution) -> None:
    text = canonical.dump(resolution)
    assert canonical.load(text) == resolution
    assert canonical.dump(canonical.load(text)) == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("hello\n", "not a canonical resdiff file"),
        (EXPECTED.replace("session: 99", "session: ninety"), "must be a number"),
        (EXPECTED.replace("FN2 Synthetic", "FN1 Synthetic"), "appears twice"),
        (EXPECTED.replace("OP2 ", "XX2 "), "not a clause key"),
        (EXPECTED.replace("PP1 [FN1] Recalling", "PP1 *Recalling*"), "only operative"),
        (EXPECTED.replace("adopted:", "adoption:"), "expected the header field 'adopted:'"),
    ],
)
def test_bad_canonical_text_names_the_problem(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        canonical.load(text)


SYNTHETIC_DRAFT = Resolution(
    symbol="A/C.1/99/L.7/Rev.1",
    session=99,
    title="Synthetic test resolution",
    clauses=(Clause("PP1", "Recalling its resolution 98/7,"),),
    source=Source(
        "A_C.1_99_L.7_Rev.1-EN.pdf",
        "cd" * 32,
        "pdf",
        url="https://library.example/record/9/files/A_C.1_99_L.7_Rev.1-EN.pdf",
        record="9",
        language="en",
        retrieved="2031-01-05",
    ),
    distributed="2030-10-15",
    committee="First Committee",
    sponsors=("Synthetic Republic", "Netherlands (Kingdom of the)"),
    vote=Vote(yes=150, no=2, abstentions=20, voters=(("SYNTHETIC REPUBLIC", "yes"), ("TÜRKİYE", "abstain"))),
    language="fr",
)


def test_optional_header_fields_follow_source_only_when_present() -> None:
    text = canonical.dump(SYNTHETIC_DRAFT)
    header = text.split("\n\n")[0].splitlines()
    assert header[10:] == [
        "language: fr",
        "distributed: 2030-10-15",
        "committee: First Committee",
        "sponsors: Synthetic Republic; Netherlands (Kingdom of the)",
        "vote: yes=150 no=2 abstentions=20",
        "voters: yes=SYNTHETIC REPUBLIC; abstain=TÜRKİYE",
        "origin: record=9 language=en retrieved=2031-01-05 "
        "url=https://library.example/record/9/files/A_C.1_99_L.7_Rev.1-EN.pdf",
    ]
    assert canonical.load(text) == SYNTHETIC_DRAFT
    assert "distributed:" not in EXPECTED  # a text without them keeps the nine fields of format 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("vote: yes=many", "must be numbers"),
        ("vote: yes=" + "9" * 5000, "at most 4 digits"),
        ("voters: maybe=SYNTHETIC REPUBLIC", "POSITION=STATE"),
        ("voters: yes=", "POSITION=STATE"),
        ("language: xx", "must be one of en, fr"),
        ("vote: ayes=3", "KEY=VALUE"),
        ("origin: url", "KEY=VALUE"),
    ],
)
def test_bad_optional_fields_name_the_line(line: str, message: str) -> None:
    text = EXPECTED.replace("synthetic input.txt\n", f"synthetic input.txt\n{line}\n")
    with pytest.raises(InputError, match=message):
        canonical.load(text)


def test_a_verb_must_prefix_the_text() -> None:
    clause = Clause("OP1", "Decides to act.", verb="Urges")
    with pytest.raises(ValueError, match="not a plain prefix"):
        canonical.dump(Resolution("A/RES/1/1", 1, clauses=(clause,)))
