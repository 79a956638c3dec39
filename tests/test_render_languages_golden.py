"""Golden files in each of the six languages: the change report in every text format (terminal,
Markdown, HTML, JSON) and, for French, Arabic and Chinese (an alphabetic language other than English,
right to left, no spaces), the history, blame and timeline, byte for byte.

The texts are SYNTHETIC (tests/synthetic_languages.py: invented content in each language's forms,
never UN text), not the real AKN4UN files of ../shared. Why: a report or a blame prints the text it
compares, so a golden of a real resolution would copy the UN's text into the project, which the project
does not do; a golden of what the tool derives alone (keys, kinds, tags) would not show what these
files are for, that every renderer lays out each script right. Unlike tests/synthetic_report.py, the
comparison is made by ``compare`` and ``trace`` themselves, so the files also pin the language rules
(words per script, dates, numbers, verbs) as they meet the renderers; the real series are checked in
tests/test_languages_real.py and tests/test_history_languages_browser.py.

Rewrite them after an intended change with
``RESDIFF_UPDATE_GOLDEN=1 pytest tests/test_render_languages_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from resdiff.compare import compare
from resdiff.evolution import History, trace
from resdiff.render import render, timeline
from resdiff.render.history import render_blame, render_history
from resdiff.report import build_report
from synthetic_languages import LANGUAGES, synthetic_series, synthetic_version

GOLDEN = Path(__file__).parent / "golden" / "languages"
REPORTS = {
    "terminal": "report.terminal.txt",
    "markdown": "report.md",
    "html": "report.html",
    "json": "report.json",
}
SERIES: dict[str, Callable[[History], str]] = {
    "history.terminal.txt": lambda h: render_history(h, "terminal"),
    "history.md": lambda h: render_history(h, "markdown"),
    "history.html": lambda h: render_history(h, "html"),
    "history.json": lambda h: render_history(h, "json"),
    "blame.terminal.txt": lambda h: render_blame(h.blame(), "terminal"),
    "blame.md": lambda h: render_blame(h.blame(), "markdown"),
    "blame.html": lambda h: render_blame(h.blame(), "html"),
    "blame.json": lambda h: render_blame(h.blame(), "json"),
    "timeline.html": timeline.html,
}
SERIES_LANGUAGES = ("fr", "ar", "zh")


def _check(output: str, path: Path) -> None:
    if os.environ.get("RESDIFF_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(output, encoding="utf-8")
    assert path.exists(), f"{path} is missing: create it with RESDIFF_UPDATE_GOLDEN=1"
    message = f"{path.name} changed; if that is intended, rerun with RESDIFF_UPDATE_GOLDEN=1"
    assert output == path.read_text(encoding="utf-8"), message


@pytest.mark.parametrize("fmt", sorted(REPORTS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_report_matches_the_golden_file(language: str, fmt: str) -> None:
    comparison = compare(synthetic_version(language, 0), synthetic_version(language, 2))
    output = render(build_report(comparison), fmt)
    assert isinstance(output, str)
    _check(output, GOLDEN / f"synthetic-{language}.{REPORTS[fmt]}")


@pytest.mark.parametrize("name", sorted(SERIES))
@pytest.mark.parametrize("language", SERIES_LANGUAGES)
def test_series_output_matches_the_golden_file(language: str, name: str) -> None:
    output = SERIES[name](trace(synthetic_series(language)))
    _check(output, GOLDEN / f"synthetic-series-{language}.{name}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_reads_its_changes_alike(language: str) -> None:
    """The same invented change in every language gets the same kinds and tags: what the goldens
    show is the language rules at work, not one language's accident."""
    comparison = compare(synthetic_version(language, 0), synthetic_version(language, 2))
    records = json.loads(render(build_report(comparison), "json"))["changes"]
    found = {(tuple(r["old"]), tuple(r["new"])): (r["kind"], sorted(r["tags"])) for r in records}
    english = compare(synthetic_version("en", 0), synthetic_version("en", 2))
    expected = {(tuple(r.old), tuple(r.new)): (r.kind, sorted(r.tags)) for r in english.changes}
    if language in ("ru", "ar"):  # their number words inflect past a list: only digits and months count
        expected[("OP2",), ("OP2",)] = expected[("OP3",), ("OP4",)] = ("modified", [])
    assert found == expected
    op1 = next(r for r in records if r["new"] == ["OP1"])
    assert "verb" in op1["tags"]
    pp1 = next(r for r in records if r["new"] == ["PP1"])
    assert {"citations", "numbers"} <= set(pp1["tags"])  # the dates recited are numbers
