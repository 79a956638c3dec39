"""The terminal redline: coloured when asked, git-style plain markers otherwise."""

from __future__ import annotations

import click

from resdiff.render.terminal import render
from resdiff.report import build_report, named_lookalikes
from synthetic_report import synthetic_comparison

STRIKE, UNDERLINE, RED, GREEN = "\x1b[9m", "\x1b[4m", "\x1b[31m", "\x1b[32m"


def test_plain_output_uses_word_diff_markers_and_no_escape_codes() -> None:
    output = render(build_report(synthetic_comparison()), color=False)
    assert "\x1b[" not in output
    assert "[-Calls upon-]{+Urges+} all States to join the Convention;" in output
    assert "{+grave +}concern" in output


def test_colour_output_strikes_deletions_in_red_and_underlines_insertions_in_green() -> None:
    output = render(build_report(synthetic_comparison()), color=True)
    assert click.style("Calls upon", fg="red", strikethrough=True) in output
    assert click.style("Urges", fg="green", underline=True) in output
    for code in (STRIKE, UNDERLINE, RED, GREEN):
        assert code in output
    assert "[-" not in output and "{+" not in output
    assert click.unstyle(output) == click.unstyle(output.replace("\x1b[0m", ""))


def test_coloured_and_plain_output_show_the_same_text() -> None:
    report = build_report(synthetic_comparison())
    plain = render(report, color=False)
    coloured = click.unstyle(render(report, color=True))
    assert plain.replace("[-", "").replace("-]", "").replace("{+", "").replace("+}", "") == coloured


def test_each_line_of_a_split_is_indented_and_marked_on_its_own() -> None:
    output = render(build_report(synthetic_comparison()), color=False)
    assert "    Requests the Secretary-General to convene meetings[- and-]{+;+}\n" in output
    assert "    {+Also requests the Secretary-General+} to report to the General Assembly;\n" in output


def test_a_hyphen_become_non_breaking_is_editorial_and_says_so_in_plain_text() -> None:
    """``post[---]{+‑+}conflict`` read as nothing changed: the look-alike characters are named."""
    from resdiff.compare import compare
    from resdiff.evolution import trace
    from resdiff.model import Clause, Resolution
    from resdiff.render.history import render_clause
    from resdiff.render.timeline import svg

    text = "Noting the synthetic post-conflict programme and its non-governmental partners,"
    old = Resolution(symbol="A/RES/91/7", adopted="2036-12-01", clauses=(Clause("PP1", text),))
    new = Resolution(
        symbol="A/RES/92/7",
        adopted="2037-12-01",
        clauses=(Clause("PP1", text.replace("post-", "post\u2011").replace("its ", "its\u00a0")),),
    )
    comparison = compare(old, new)
    assert [change.kind for change in comparison.changes] == ["editorial"]
    out = render(build_report(comparison))
    assert "post[-⟨hyphen-minus⟩-]{+⟨non-breaking hyphen⟩+}conflict" in out
    assert "its[-⟨space⟩-]{+⟨no-break space⟩+}non-governmental" in out
    history = trace((old, new))
    assert "post[-⟨hyphen-minus⟩-]{+⟨non-breaking hyphen⟩+}conflict" in render_clause(
        history.clause_history("PP1"), "terminal"
    )
    assert "post[-⟨hyphen-minus⟩-]{+⟨non-breaking hyphen⟩+}conflict" in svg(history)  # the hover text
    assert comparison.changes[0].diff != named_lookalikes(comparison.changes[0].diff)  # the data unchanged
    assert named_lookalikes(((0, "a"), (-1, " "), (0, "b"))) == ((0, "a"), (-1, " "), (0, "b"))  # no swap
