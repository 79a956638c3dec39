"""Golden files: every layout of a traced series for the hand-written SYNTHETIC series
(tests/synthetic_history.py), byte for byte.

Rewrite them after an intended change with
``RESDIFF_UPDATE_GOLDEN=1 pytest tests/test_render_history_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from resdiff.evolution import History, trace
from resdiff.render import timeline
from resdiff.render.history import render_blame, render_clause, render_history
from synthetic_history import SYNTHETIC_SERIES

GOLDEN = Path(__file__).parent / "golden"
CASES: dict[str, Callable[[History], str]] = {
    "history.terminal.txt": lambda h: render_history(h, "terminal"),
    "history.color.txt": lambda h: render_history(h, "terminal", color=True),
    "history.md": lambda h: render_history(h, "markdown"),
    "history.html": lambda h: render_history(h, "html"),
    "history.json": lambda h: render_history(h, "json"),
    "clause.terminal.txt": lambda h: render_clause(h.clause_history("OP4"), "terminal"),
    "clause.md": lambda h: render_clause(h.clause_history("PP5"), "markdown"),
    "clause.html": lambda h: render_clause(h.clause_history("OP3"), "html"),
    "clause.json": lambda h: render_clause(h.clause_history("OP5"), "json"),
    "blame.terminal.txt": lambda h: render_blame(h.blame(), "terminal"),
    "blame.color.txt": lambda h: render_blame(h.blame(), "terminal", color=True),
    "blame.md": lambda h: render_blame(h.blame(), "markdown"),
    "blame.html": lambda h: render_blame(h.blame(), "html"),
    "blame.json": lambda h: render_blame(h.blame(), "json"),
    "timeline.svg": timeline.svg,
    "timeline.html": timeline.html,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_the_golden_file(name: str) -> None:
    output = CASES[name](trace(SYNTHETIC_SERIES))
    path = GOLDEN / f"synthetic-series.{name}"
    if os.environ.get("RESDIFF_UPDATE_GOLDEN") == "1":
        path.write_text(output, encoding="utf-8")
    assert path.exists(), f"{path} is missing: create it with RESDIFF_UPDATE_GOLDEN=1"
    message = f"{name} changed; if that is intended, rerun with RESDIFF_UPDATE_GOLDEN=1"
    assert output == path.read_text(encoding="utf-8"), message


def test_every_renderer_escapes_the_hostile_synthetic_text() -> None:
    history = trace(SYNTHETIC_SERIES)
    pages = [render_blame(history.blame(), "html"), render_clause(history.clause_history("PP3"), "html")]
    for output in [*pages, timeline.html(history), timeline.svg(history)]:
        assert "<script>" not in output and "&lt;script&gt;" in output
    assert "<script>" not in render_history(history, "html")
    assert "\\<script\\>" in render_blame(history.blame(), "markdown")


# what a terminal obeys (ESC, the C1 CSI U+009B, a carriage return) or reorders (a bidirectional
# override and isolate), and noncharacters; the normalizer and the canonical reader let none of them
# in, but a ``Resolution`` built in code can carry them, and no renderer may pass them on
HOSTILE = "\x1b[2J\x9b2J\r\u202e\u2066\ufdd0\U0010ffff"


def test_no_renderer_of_a_series_passes_on_a_control_or_override() -> None:
    from dataclasses import replace

    series = tuple(
        replace(
            text,
            title=f"Synthetic{HOSTILE} title",
            clauses=tuple(replace(c, text=c.text[:9] + HOSTILE + c.text[9:]) for c in text.clauses),
        )
        for text in SYNTHETIC_SERIES
    )
    history = trace(series)
    outputs = {name: render(history) for name, render in CASES.items() if not name.endswith(".json")}
    for name, output in outputs.items():
        kept = set(output) & set(HOSTILE.replace("[2J", "").replace("2J", ""))
        if name.endswith("color.txt"):  # the renderer's own colour sequences, and only those
            kept.discard("\x1b")
            assert "\x1b[2J" not in output, name
        assert not kept, (name, kept)
        assert "\ufffd" in output, name  # shown where it stood
    assert "\\u001b[2J" in render_history(history, "json")  # the data, exactly
