"""Hypothesis strategies for SYNTHETIC resolutions (random words, not real resolution text)."""

from __future__ import annotations

from hypothesis import strategies as st

from resdiff.model import LANGUAGES, POSITIONS, Clause, Resolution, Source, Vote

_WORDS = st.sampled_from(
    (
        "the of States Parties Convention and to in its all United Nations 2017 119 article 7 implementation "
        "humanitarian (a) military-to-military non‑governmental “Protecting” Secretary-General’s [bracketed] "
        "*starred* \\backslash 63/71 A/72/409 – , ; : ."
    ).split(" ")
)
_VERBS = st.sampled_from(
    ["Urges", "Calls upon", "Urgently calls upon", "Decides", "Expresses strong concern"]
)
sentences = st.lists(_WORDS, min_size=1, max_size=25).map(" ".join)
symbols = st.builds(
    lambda s, n, part: f"A/RES/{s}/{n}{part}",
    st.integers(1, 99),
    st.integers(1, 400),
    st.sampled_from(["", " B"]),
)
draft_symbols = st.builds(
    lambda c, s, n, rev: f"A/{c}{s}/L.{n}{rev}",
    st.sampled_from(["", "C.1/", "C.3/"]),
    st.integers(1, 99),
    st.integers(1, 99),
    st.sampled_from(["", "/Rev.1"]),
)
_COUNT = st.one_of(st.none(), st.integers(0, 193))
_VOTERS = st.lists(
    st.tuples(
        st.sampled_from(["SYNTHETIC REPUBLIC", "NETHERLANDS (KINGDOM OF THE)", "CÔTE D’IVOIRE", "TÜRKİYE"]),
        st.sampled_from(POSITIONS),
    ),
    max_size=4,
).map(tuple)
votes = st.builds(
    Vote, yes=_COUNT, no=_COUNT, abstentions=_COUNT, non_voting=_COUNT, total=_COUNT, voters=_VOTERS
)
_SPONSOR = st.sampled_from(
    ["Synthetic Republic", "Netherlands (Kingdom of the)", "Lao People’s Democratic Republic"]
)


@st.composite
def resolutions(draw: st.DrawFn) -> Resolution:
    """A resolution with any mix of clause kinds, optional metadata and footnotes."""
    footnote_count = draw(st.integers(0, 4))
    notes = (
        st.lists(st.sampled_from([f"FN{i}" for i in range(1, footnote_count + 1)]), max_size=2, unique=True)
        if footnote_count
        else st.just([])
    )
    clauses: list[Clause] = []
    for index in range(1, draw(st.integers(0, 5)) + 1):
        clauses.append(Clause(f"PP{index}", draw(sentences), tuple(draw(notes))))
    for index in range(1, draw(st.integers(0, 5)) + 1):
        verb = draw(_VERBS)
        clauses.append(Clause(f"OP{index}", f"{verb} {draw(sentences)}", tuple(draw(notes)), verb))
        for letter in "ab"[: draw(st.integers(0, 2))]:
            clauses.append(Clause(f"OP{index}({letter})", draw(sentences), tuple(draw(notes))))
    if draw(st.booleans()):
        clauses.append(Clause("ANNEX.H1", draw(sentences)))
        clauses.append(Clause("ANNEX.P1", draw(sentences)))
    for index in range(1, footnote_count + 1):
        clauses.append(Clause(f"FN{index}", draw(sentences)))
    optional = st.one_of(st.none(), sentences)
    plain_source = st.builds(
        Source, name=st.just("synthetic file.txt"), sha256=st.just("0" * 64), reader=st.just("plain-text")
    )
    fetched_source = st.builds(
        Source,
        name=st.just("A_RES_99_1-EN.pdf"),
        sha256=st.just("1" * 64),
        reader=st.just("pdf"),
        url=st.just("https://library.example/record/1/files/A_RES_99_1-EN.pdf?withWatermark=0"),
        record=st.one_of(st.none(), st.just("1")),
        language=st.one_of(st.none(), st.just("en")),
        retrieved=st.one_of(st.none(), st.just("2026-12-01")),
    )
    return Resolution(
        symbol=draw(st.one_of(st.none(), symbols, draft_symbols)),
        session=draw(st.one_of(st.none(), st.integers(1, 99))),
        title=draw(optional),
        adopted=draw(st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))),
        agenda_item=draw(st.one_of(st.none(), st.just("99 (hh)"))),
        report=draw(st.one_of(st.none(), st.just("A/72/409"))),
        meeting=draw(st.one_of(st.none(), st.just("62nd plenary meeting"))),
        cites=tuple(draw(st.lists(symbols, max_size=3, unique=True))),
        clauses=tuple(clauses),
        source=draw(st.one_of(st.none(), plain_source, fetched_source)),
        distributed=draw(st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))),
        committee=draw(st.one_of(st.none(), st.just("First Committee"))),
        sponsors=tuple(draw(st.lists(_SPONSOR, max_size=3, unique=True))),
        vote=draw(st.one_of(st.none(), votes.filter(lambda v: any(v.to_json().values())))),
        language=draw(st.one_of(st.none(), st.sampled_from(LANGUAGES))),
    )
