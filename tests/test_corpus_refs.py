"""Symbols, slugs, REF parsing and the series index: the pure rules under the corpus."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_synthetic import synthetic_resolution
from resdiff.errors import CorpusError, RefError
from resdiff.refs import (
    Ref,
    parse_ref,
    parse_symbol,
    safe_name,
    slugify,
    symbol_of_file_name,
    symbol_sort_key,
    validate_slug,
    validate_symbol,
)
from resdiff.series import build_index, lineage_citations


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        ("A/RES/72/54", "A/RES/72/54"),
        ("72/54", "A/RES/72/54"),
        ("a/res/72/54", "A/RES/72/54"),
        (" 72/54 ", "A/RES/72/54"),
        ("A_RES_72_54", "A/RES/72/54"),
        ("A/RES/ES-10/21", "A/RES/ES-10/21"),
        ("72/54B", "A/RES/72/54 B"),
        ("72/54 b", "A/RES/72/54 B"),
        ("72/54/../../x", None),
        ("/etc/passwd", None),
        ("A/72/409", None),
        ("cluster-munitions", None),
        ("A/C.1/80/L.52", "A/C.1/80/L.52"),
        ("a/c.1/80/l.43/rev.1", "A/C.1/80/L.43/Rev.1"),
        ("A_C.1_80_L.43_Rev.1", "A/C.1/80/L.43/Rev.1"),
        ("A/80/L.12", "A/80/L.12"),
        ("A/C.9/80/L.1", None),
        ("A/C.1/80/L.52/../x", None),
    ],
)
def test_parse_symbol_accepts_what_users_type(text: str, symbol: str | None) -> None:
    assert parse_symbol(text) == symbol


@pytest.mark.parametrize(
    "bad",
    [
        "72/54/../../x",
        "A/RES/72/54/../../x",
        "/etc/passwd",
        "A/RES/../54",
        "A/RES/72/54\n",
        "a/res/72/54",
        "",
    ],
)
def test_validate_symbol_refuses_anything_that_could_become_a_path(bad: str) -> None:
    with pytest.raises(CorpusError, match="refusing the symbol"):
        validate_symbol(bad, "input.txt")
    with pytest.raises(CorpusError):
        safe_name(bad)


def test_validate_symbol_refuses_a_missing_symbol() -> None:
    with pytest.raises(CorpusError, match="no document symbol"):
        validate_symbol(None, "input.txt")


def test_safe_name() -> None:
    assert safe_name("A/RES/72/54") == "A_RES_72_54.txt"
    assert safe_name("A/RES/ES-10/21") == "A_RES_ES-10_21.txt"
    assert safe_name("A/RES/72/54 B") == "A_RES_72_54_B.txt"


@given(
    st.sampled_from(["", "ES-", "S-"]),
    st.integers(1, 999),
    st.integers(1, 9999),
    st.sampled_from(["", " A", " Z"]),
)
def test_safe_names_are_plain_file_names_and_map_back(
    prefix: str, session: int, number: int, part: str
) -> None:
    symbol = f"A/RES/{prefix}{session}/{number}{part}"
    name = safe_name(validate_symbol(symbol, "x"))
    assert "/" not in name and ".." not in name and " " not in name
    assert symbol_of_file_name(name) == symbol


def test_symbol_of_file_name_ignores_other_files() -> None:
    assert symbol_of_file_name("series.json") is None
    assert symbol_of_file_name("a_res_72_54.txt") is None  # not a name safe_name makes
    assert symbol_of_file_name("A_RES_072_54.txt") is None


def test_symbols_sort_by_session_then_number() -> None:
    symbols = ["A/RES/80/52", "A/RES/63/71", "A/RES/72/54", "A/RES/70/54", "A/RES/72/6"]
    assert sorted(symbols, key=symbol_sort_key) == [
        "A/RES/63/71",
        "A/RES/70/54",
        "A/RES/72/6",
        "A/RES/72/54",
        "A/RES/80/52",
    ]


def test_a_years_drafts_sort_between_the_previous_resolution_and_its_own() -> None:
    symbols = ["A/RES/80/52", "A/C.1/80/L.52/Rev.1", "A/RES/79/58", "A/C.1/80/L.52"]
    assert sorted(symbols, key=symbol_sort_key) == [
        "A/RES/79/58",
        "A/C.1/80/L.52",
        "A/C.1/80/L.52/Rev.1",
        "A/RES/80/52",
    ]
    assert safe_name("A/C.1/80/L.43/Rev.1") == "A_C.1_80_L.43_Rev.1.txt"
    assert symbol_of_file_name("A_C.1_80_L.43_Rev.1.txt") == "A/C.1/80/L.43/Rev.1"


def test_slugify_is_deterministic_and_short() -> None:
    title = "Implementation of the Convention on Cluster Munitions"
    assert slugify(title) == "cluster-munitions"
    long = slugify("Word " * 40)
    assert len(long) <= 60 and not long.endswith("-")
    assert slugify("Café — déjà vu") == "cafe-deja-vu"
    assert validate_slug(slugify(title)) == slugify(title)


@pytest.mark.parametrize("bad", ["Cluster", "a/b", "..", "a--b", "-a", "x" * 61])
def test_validate_slug_refuses(bad: str) -> None:
    with pytest.raises(CorpusError, match="refusing the series name"):
        validate_slug(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A/RES/72/54", Ref("A/RES/72/54", symbol="A/RES/72/54")),
        ("72/54@HEAD~1", Ref("72/54@HEAD~1", symbol="A/RES/72/54", rev="HEAD~1")),
        ("cluster-munitions@2017", Ref("cluster-munitions@2017", series="cluster-munitions", year=2017)),
        (
            "cluster-munitions@2017@HEAD~1",
            Ref("cluster-munitions@2017@HEAD~1", series="cluster-munitions", year=2017, rev="HEAD~1"),
        ),
        (
            "cluster-munitions@abc123",
            Ref("cluster-munitions@abc123", series="cluster-munitions", rev="abc123"),
        ),
        ("cluster-munitions", Ref("cluster-munitions", series="cluster-munitions")),
    ],
)
def test_parse_ref(text: str, expected: Ref) -> None:
    assert parse_ref(text) == expected


@pytest.mark.parametrize("bad", ["no such thing.txt", "72/54@", "72/54@--all", "A/RES/72/54@HEAD 1", "../x"])
def test_parse_ref_refuses_with_the_forms_it_knows(bad: str) -> None:
    with pytest.raises(RefError):
        parse_ref(bad)


def test_lineage_comes_from_the_recalling_paragraph_only() -> None:
    resolution = synthetic_resolution(
        92, 4, recalls=((88, 5, "2033-12-03"), (91, 7, "2036-12-02")), other_cites=((50, 1),)
    )
    assert lineage_citations(resolution) == {"A/RES/88/5": "2033-12-03", "A/RES/91/7": "2036-12-02"}
    assert lineage_citations(synthetic_resolution(92, 4)) == {}


def test_build_index_orders_members_and_marks_the_lineage() -> None:
    newer = synthetic_resolution(
        92, 4, adopted="2037-12-05", recalls=((88, 5, "2033-12-03"), (91, 7, "2036-12-02"))
    )
    older = synthetic_resolution(91, 7, adopted="2036-12-02", recalls=((88, 5, "2033-12-03"),))
    index = build_index("widgets", [newer, older])
    assert [m.symbol for m in index.members] == ["A/RES/91/7", "A/RES/92/4"]
    assert [(e.symbol, e.adopted, e.present) for e in index.lineage] == [
        ("A/RES/88/5", "2033-12-03", False),
        ("A/RES/91/7", "2036-12-02", True),
        ("A/RES/92/4", "2037-12-05", True),
    ]
    assert index.dumps() == build_index("widgets", [older, newer]).dumps()
    assert dict(index.members[0].clauses)["operative"] == 1
