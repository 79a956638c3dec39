"""Hypothesis properties of the normalizer over GENERATED (synthetic) resolutions.

The texts are random word salad laid out like a resolution copied from a PDF viewer (hard-wrapped
lines, no markup); none of it is real resolution text.
"""

from __future__ import annotations

import io
import json
import re
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff import canonical
from resdiff.errors import InputError
from resdiff.model import UNSAFE_RE, Clause, Resolution, find_unsafe
from resdiff.normalize import normalize_bytes
from resdiff.readers import Block, RawText, safe
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


# every kind of character no field of the model may hold (model.UNSAFE_RE): C0 controls (the carriage
# return and ESC among them), DEL and C1 (U+009B opens a terminal's escape sequence), lone surrogates,
# the bidirectional embeddings, overrides and isolates, and the noncharacters of every plane
_XML_UNSAFE = st.one_of(  # those a Word file (XML) can carry
    st.integers(0x7F, 0x9F).map(chr),
    st.sampled_from(
        ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
    ),
    st.integers(0xFDD0, 0xFDEF).map(chr),
    st.tuples(st.integers(1, 16), st.integers(0xFFFE, 0xFFFF)).map(lambda p: chr(p[0] * 0x10000 + p[1])),
)
_UNSAFE = st.one_of(
    st.sampled_from(["\x01", "\x02", "\x0b", "\x0c", "\r", "\x1b", "\x1f", "\ufffe", "\uffff", "\ud800"]),
    _XML_UNSAFE,
)
# what a right-to-left text legitimately holds, and must keep: the implicit marks LRM, RLM and ALM,
# and the joiners ZWNJ and ZWJ
_KEPT = ("\u200e", "\u200f", "\u061c", "\u200c", "\u200d")


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


def _insert(text: str, insertions: list[tuple[int, str]]) -> str:
    for at, character in insertions:
        at %= len(text) + 1
        text = text[:at] + character + text[at:]
    return text


@given(
    plain_resolutions(),
    st.lists(st.tuples(st.integers(0, 10_000), _XML_UNSAFE), min_size=1, max_size=8),
    st.sampled_from(["docx", "markdown"]),
)
@settings(max_examples=30, deadline=None)
def test_no_unsafe_character_reaches_the_model_from_a_word_file_or_a_markdown_extraction(
    case: tuple[str, list[Clause]], insertions: list[tuple[int, str]], form: str
) -> None:
    """The DOCX reader (the characters XML can carry) and the Markdown-like extraction reader, whose
    footnote bodies and front matter are fields of their own."""
    text = _insert(case[0], insertions)
    if form == "docx":
        from docx import Document

        document = Document()
        for block in text.split("\n\n"):
            document.add_paragraph(block.replace("\n", " "))
        stream = io.BytesIO()
        document.save(stream)
        payload, name = stream.getvalue(), "synthetic.docx"
    else:
        front = _insert("---\nsymbol: A/RES/99/7\ntitle: Synthetic test title\n---\n\n", insertions)
        payload, name = (front + text + "\n[^1]: " + _insert("Synthetic note.", insertions)).encode(), "s.md"
    try:
        resolution = normalize_bytes(payload, name).resolution
    except InputError:
        return  # no longer a resolution: refused, never crashed
    for value in _model_strings(resolution):
        assert UNSAFE_RE.search(value) is None, value


@given(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",))),
    st.lists(st.tuples(st.integers(0, 10_000), _UNSAFE), max_size=6),
)
@settings(max_examples=300, deadline=None)
def test_safe_leaves_no_unsafe_character_in_any_reader_output_and_keeps_the_rest(
    text: str, insertions: list[tuple[int, str]]
) -> None:
    """``readers.safe`` is what every reader's output (PDF and DOCX included) goes through: after
    it, nothing unsafe in any block, emphasis, footnote, hint or notice; every other character (the
    right-to-left marks and the joiners among them) where it was."""
    dirty = _insert(text, insertions)
    raw = RawText(
        reader="synthetic",
        blocks=(Block(dirty, dirty),),
        footnotes=((1, dirty),),
        hints={"title": dirty},
        notices=(dirty,),
    )
    cleaned = safe(raw)
    for value in (
        cleaned.blocks[0].text,
        cleaned.blocks[0].emphasis,
        cleaned.footnotes[0][1],
        cleaned.hints["title"],
        cleaned.notices[0],
    ):
        assert value is not None and find_unsafe(value) is None and UNSAFE_RE.search(value) is None
        assert [c for c in value if c != " "] == [c for c in dirty if c != " " and not UNSAFE_RE.match(c)]


def test_right_to_left_marks_and_joiners_stay_in_the_clause() -> None:
    text = (
        "Resolution adopted by the General Assembly on 4 December 2030\n\n99/7. Synthetic test title\n\n"
        "The General Assembly,\n\nNoting that\u200f the synthetic\u061c text\u200e holds\u200c all\u200d "
        "marks,\n\n1. Decides to act.\n\n40th plenary meeting\n4 December 2030\n"
    )
    resolution = normalize_bytes(text.encode(), "synthetic.txt").resolution
    assert all(mark in resolution.clause("PP1").text for mark in _KEPT)


@pytest.mark.parametrize(
    ("character", "name"),
    [
        ("\r", "the control character U+000D"),
        ("\x9b", "the control character U+009B"),
        ("\u202e", "the bidirectional control U+202E"),
        ("\u2066", "the bidirectional control U+2066"),
        ("\ufdd0", "the noncharacter U+FDD0"),
        ("\U0010ffff", "the noncharacter U+10FFFF"),
    ],
)
def test_a_canonical_file_with_an_unsafe_character_names_it_and_its_line(character: str, name: str) -> None:
    """What the corpus reads (``canonical.load``): refused with the line, never a traceback later."""
    text = canonical.dump(Resolution(symbol="A/RES/99/7", clauses=(Clause("PP1", "Noting x,"),)))
    with pytest.raises(InputError, match=rf"^line 12 holds {re.escape(name)}; remove it$"):
        canonical.load(text.replace("Noting", "No" + character + "ting"))


def test_a_canonical_file_with_a_control_character_names_its_line() -> None:
    text = canonical.dump(Resolution(symbol="A/RES/99/7", clauses=(Clause("PP1", "Noting x,"),)))
    with pytest.raises(InputError, match=r"line 12 holds the control character U\+0001"):
        normalize_bytes(text.replace("Noting", "No\x01ting").encode(), "corpus.txt")
