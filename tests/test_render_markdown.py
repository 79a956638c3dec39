"""The Markdown report: ~~deleted~~ and **inserted**, and no resolution text ever read as markup."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from resdiff.records import Change, Comparison
from resdiff.render.markdown import escape, redline, render
from resdiff.report import build_report
from synthetic_report import SYNTHETIC_HOSTILE, synthetic_comparison

_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: any ASCII punctuation may be backslash-escaped


def _live_specials(text: str) -> list[str]:
    """Metacharacters not preceded by an escaping backslash."""
    live, index = [], 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] in "`*_[]<>|~&#":
            live.append(text[index])
        index += 1
    return live


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)


@given(st.text(alphabet=st.sampled_from(list("ab 1.)\\`*_[]<>|~&#-+=!()\n")), max_size=40))
def test_escaping_keeps_the_text_and_leaves_no_live_metacharacter(text: str) -> None:
    escaped = escape(text)
    assert _unescape(escaped) == text
    assert not _live_specials(escaped)
    for line in escaped.split("\n"):
        assert not re.match(r"\s*([-+=>]|\d+[.)])", line), line


def test_deletions_are_struck_and_insertions_bold_with_spaces_outside_the_marks() -> None:
    output = render(build_report(synthetic_comparison()))
    assert "~~Calls upon~~**Urges** all States" in output
    assert "Expresses **grave** concern" in output
    assert "meetings ~~and~~**;**" in output


def test_hostile_text_is_escaped() -> None:
    output = render(build_report(synthetic_comparison()))
    assert SYNTHETIC_HOSTILE not in output
    assert f"**{escape(SYNTHETIC_HOSTILE)}**" in output
    assert "\\<script\\>" in output


def test_summary_table_and_sections() -> None:
    output = render(build_report(synthetic_comparison()))
    assert "| unchanged | editorial | modified | added | deleted | split | merged | moved |" in output
    assert "| 2 | 1 | 3 | 1 | 1 | 1 | 1 | 1 |" in output
    assert "- **PP1 → PP2**: 2 December 2034 → 1 December 2042" in output
    assert "- **OP3 → OP4**: Expresses concern → Expresses grave concern (strengthened)" in output


def _expected_marks(change: Change, op: int) -> list[str]:
    """What a viewer must show struck (op -1) or bold (op 1): each marked run, line by line."""
    return [part.strip() for o, text in change.diff if o == op for part in text.split("\n") if part.strip()]


def _viewer_marks(change: Change) -> tuple[list[str], list[str], str]:
    """Struck runs, bold runs and left-over text, as a CommonMark + GFM-strikethrough viewer shows them."""
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py is absent: pip install .[test]")
    page = markdown_it.MarkdownIt("commonmark").enable("strikethrough").render(redline(change))
    struck = [html.unescape(m) for m in re.findall(r"<s>(.*?)</s>", page, re.DOTALL)]
    bold = [html.unescape(m) for m in re.findall(r"<strong>(.*?)</strong>", page, re.DOTALL)]
    return struck, bold, html.unescape(re.sub(r"<[^>]+>", "", page))


def _check_viewer(comparison: Comparison) -> None:
    for change in comparison.changes:
        struck, bold, text = _viewer_marks(change)
        assert struck == _expected_marks(change, -1), change
        assert bold == _expected_marks(change, 1), change
        assert "~~" not in text and "**" not in text, change


def test_a_markdown_viewer_shows_every_synthetic_redline_mark() -> None:
    _check_viewer(synthetic_comparison())


_PUNCTUATED = st.text(alphabet=st.sampled_from(list("ab ,;.()*_~-")), min_size=1)


@st.composite
def _redline_diffs(draw: st.DrawFn) -> tuple[tuple[int, str], ...]:
    """Diffs shaped like diff-match-patch's: equal runs between a deletion and/or an insertion."""
    ops: list[tuple[int, str]] = []
    for _ in range(draw(st.integers(1, 4))):
        for op in (0, -1, 1):
            text = draw(st.one_of(st.none(), _PUNCTUATED))
            if text is None:
                continue
            if ops and ops[-1][0] == op:
                ops[-1] = (op, ops[-1][1] + text)
            else:
                ops.append((op, text))
    return tuple(ops)


@given(_redline_diffs())
@example(((1, ";"), (-1, " "), (1, ";")))  # a struck space between two insertions
@example(((0, "    "), (1, "a")))  # four leading spaces would make a code block
def test_a_markdown_viewer_shows_every_mark_around_punctuation(diff: tuple[tuple[int, str], ...]) -> None:
    change = Change("modified", ("OP1",), ("OP1",), diff)
    struck, bold, _ = _viewer_marks(change)
    assert struck == _expected_marks(change, -1)
    assert bold == _expected_marks(change, 1)


@pytest.mark.shared
def test_a_markdown_viewer_shows_every_redline_mark_of_the_real_pair(
    seed_path: Path, res_80_52_path: Path
) -> None:
    from resdiff.compare import compare
    from resdiff.normalize import normalize_path

    _check_viewer(compare(normalize_path(seed_path).resolution, normalize_path(res_80_52_path).resolution))
