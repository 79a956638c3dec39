"""Hypothesis properties of the normalizer over GENERATED (synthetic) resolutions.

The texts are random word salad laid out like a resolution copied from a PDF viewer (hard-wrapped
lines, no markup); none of it is real resolution text.
"""

from __future__ import annotations

import json
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff import canonical
from resdiff.errors import InputError
from resdiff.model import UNSAFE_RE, Clause, Resolution
from resdiff.normalize import normalize_bytes
from strategies import resolutions

_WORDS = st.sampled_from(
    [
        "the",
        "of",
        "States",
        "Convention",
        "and",
        "to",
        "in",
        "its",
        "all",
        "humanitarian",
        "implementation",
        "military-to-military",
        "2017",
        "119",
        "article",
        "7",
        "non‑governmental",
        "“Protecting”",
        "Secretary-General’s",
        "region",
        "world",
    ]
)
_PREAMBULAR_OPENERS = st.sampled_from(["Recalling", "Noting", "Welcoming also", "Deeply concerned by"])
_OPERATIVE = st.sampled_from(
    ["Urges", "Decides", "Requests", "Invites", "Calls upon", "Expresses strong concern"]
)
_OBJECTS = st.sampled_from(["all", "the", "its"])
_body = st.lists(_WORDS, min_size=3, max_size=40).map(" ".join)


@st.composite
def plain_resolutions(draw: st.DrawFn) -> tuple[str, list[Clause]]:
    """A synthetic resolution as hard-wrapped plain text, with the clauses it must yield (a preambular
    paragraph reads "Opener that ...": English word order, which the normalizer relies on to tell a
    paragraph going on after a page break, "...,\n\nStockpiling and Use of ...", from a new one)."""
    width = draw(st.integers(40, 100))
    clauses: list[Clause] = []
    for index in range(1, draw(st.integers(0, 6)) + 1):
        clauses.append(Clause(f"PP{index}", f"{draw(_PREAMBULAR_OPENERS)} that {draw(_body)},"))
    count = draw(st.integers(1, 6))
    for index in range(1, count + 1):
        verb = draw(_OPERATIVE)
        end = "." if index == count else ";"
        clauses.append(Clause(f"OP{index}", f"{verb} {draw(_OBJECTS)} {draw(_body)}{end}", verb=verb))
    lines = [
        "Resolution adopted by the General Assembly on 4 December 2030",
        "",
        "99/7. Synthetic test title",
        "",
    ]
    lines += ["The General Assembly,", ""]
    for clause in clauses:
        label = clause.key[2:] + ". " if clause.key.startswith("OP") else ""
        wrapped = textwrap.wrap(label + clause.text, width, break_on_hyphens=False, break_long_words=False)
        lines += [*wrapped, ""]
    lines += ["40th plenary meeting", "4 December 2030", ""]
    return "\n".join(lines), clauses


@given(plain_resolutions())
@settings(max_examples=60, deadline=None)
def test_plain_text_yields_its_clauses_and_normalizing_again_changes_nothing(
    case: tuple[str, list[Clause]],
) -> None:
    text, expected = case
    resolution = normalize_bytes(text.encode(), "synthetic.txt").resolution
    assert [(c.key, c.text, c.verb) for c in resolution.clauses] == [
        (c.key, c.text, c.verb) for c in expected
    ]
    assert resolution.symbol == "A/RES/99/7"
    assert resolution.adopted == "2030-12-04"
    assert resolution.meeting == "40th plenary meeting"
    again = normalize_bytes(canonical.dump(resolution).encode(), "again.txt").resolution
    assert again == resolution


@given(resolutions())
@settings(max_examples=100, deadline=None)
def test_a_canonical_text_normalizes_to_itself_byte_for_byte(resolution: Resolution) -> None:
    text = canonical.dump(resolution)
    assert canonical.dump(normalize_bytes(text.encode(), "corpus.txt").resolution) == text


_UNSAFE = st.sampled_from(
    ["\x01", "\x02", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\ufffe", "\uffff", "\ud800"]
)


def _model_strings(resolution: Resolution) -> list[str]:
    """Every string any field of the model holds, clause texts, verbs, notes and sources included."""
    data = resolution.to_json()
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found


@given(plain_resolutions(), st.lists(st.tuples(st.integers(0, 10_000), _UNSAFE), min_size=1, max_size=12))
@settings(max_examples=80, deadline=None)
def test_no_control_character_reaches_any_field_of_the_model(
    case: tuple[str, list[Clause]], insertions: list[tuple[int, str]]
) -> None:
    """Control characters anywhere (the heading and title included) are gone from every field."""
    text = case[0]
    for at, character in insertions:
        at %= len(text) + 1
        text = text[:at] + character + text[at:]
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate as a JSON escape would give it
    for name, payload in (
        ("synthetic.txt", data),
        ("synthetic.json", ('{"text": ' + json.dumps(text) + "}").encode()),
    ):
        try:
            resolution = normalize_bytes(payload, name).resolution
        except InputError:
            continue  # not UTF-8 (the surrogate), or no longer a resolution: refused, never crashed
        for value in _model_strings(resolution):
            assert UNSAFE_RE.search(value) is None, value
        again = normalize_bytes(canonical.dump(resolution).encode(), "again.txt").resolution
        assert again == resolution


def test_a_canonical_file_with_a_control_character_names_its_line() -> None:
    text = canonical.dump(Resolution(symbol="A/RES/99/7", clauses=(Clause("PP1", "Noting x,"),)))
    with pytest.raises(InputError, match=r"line 12 holds the control character U\+0001"):
        normalize_bytes(text.replace("Noting", "No\x01ting").encode(), "corpus.txt")
