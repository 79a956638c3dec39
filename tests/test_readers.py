"""Readers: format detection and each format's syntax (synthetic snippets, plus the real seed)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from resdiff.model import FOOTNOTE, Resolution
from resdiff.normalize import normalize_bytes, normalize_path
from resdiff.readers import read

SYNTHETIC_PDF_TEXT = """---
symbol: A/RES/99/2
title: "Synthetic title for a reader test :"
---

United Nations

99/2. Synthetic

The General Assembly,

1. Decides that a synthetic rule applies,3 as recalled;

---

[^1]: First synthetic note, wrapped over
    an indented line.

[^2]: Second synthetic note ending 1 August
[^2013]: (S/INF/99).
[^3]: Third.
"""


def test_pdf_text_front_matter_and_footnote_bodies() -> None:
    raw = read(SYNTHETIC_PDF_TEXT)
    assert raw.reader == "pdf-text" and raw.bare_markers
    assert raw.hints["symbol"] == "A/RES/99/2"
    assert raw.hints["title"] == "Synthetic title for a reader test :"
    assert raw.footnotes == (
        (1, "First synthetic note, wrapped over an indented line."),
        (2, "Second synthetic note ending 1 August 2013 (S/INF/99)."),  # ``[^2013]:`` was a wrapped line
        (3, "Third."),
    )
    assert [b.text for b in raw.blocks][-1] == "1. Decides that a synthetic rule applies,3 as recalled;"


def test_seed_format_markup() -> None:
    raw = read("72/1. T\n\n1. *Calls upon* all [63/71](#) States² to act;\n\n² Ibid., *Treaty Series*.\n")
    assert raw.reader == "seed-markdown"
    assert raw.footnotes == ((2, "Ibid., Treaty Series."),)
    assert raw.blocks[-1].text == "1. Calls upon all 63/71 States[^2] to act;"
    assert raw.blocks[-1].emphasis == "Calls upon"


def test_plain_text_is_the_fallback() -> None:
    raw = read("The General Assembly,\n\nNoting a synthetic\nfact,\n1. Decides to stop.\n")
    assert raw.reader == "plain-text"
    assert [b.text for b in raw.blocks] == [
        "The General Assembly,",
        "Noting a synthetic\nfact,",
        "1. Decides to stop.",
    ]


def _plain_rendering(seed: Resolution, blank_lines: bool) -> str:
    """The seed's own clauses, hard-wrapped at 70 columns as a PDF viewer copy would give them."""
    lines = [
        "Seventy-second session",
        "Agenda item 99 (hh)",
        "Resolution adopted by the General Assembly on 4 December 2017",
        "[on the report of the First Committee (A/72/409)]",
        "72/54. Implementation of the Convention on Cluster Munitions",
        "The General Assembly,",
    ]
    for clause in seed.clauses:
        if clause.type != FOOTNOTE:
            number = f"{clause.key[2:]}. " if clause.key.startswith("OP") else ""
            lines += textwrap.wrap(number + clause.text, 70)
            if blank_lines:
                lines.append("")
    lines += ["62nd plenary meeting", "4 December 2017"]
    return "\n".join(lines) + "\n"


@pytest.mark.shared
@pytest.mark.parametrize("blank_lines", [True, False])
def test_plain_text_copy_of_the_seed_normalizes_clause_for_clause(seed_path: Path, blank_lines: bool) -> None:
    seed = normalize_path(seed_path).resolution
    text = _plain_rendering(seed, blank_lines)
    assert "post-\nconflict" in text or "-\n" in text  # the wrapping did break at a hyphen somewhere
    normalized = normalize_bytes(text.encode("utf-8"), "synthetic_plain.txt")
    plain = normalized.resolution
    assert normalized.warnings == ()
    assert plain.source is not None and plain.source.reader == "plain-text"
    expected = [(c.key, c.text, c.verb) for c in seed.clauses if c.type != FOOTNOTE]
    assert [(c.key, c.text, c.verb) for c in plain.clauses] == expected
    for name in ("symbol", "session", "title", "adopted", "agenda_item", "report", "meeting", "cites"):
        assert getattr(plain, name) == getattr(seed, name), name
