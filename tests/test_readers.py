"""Readers: format detection and each format's syntax (synthetic snippets, plus the real seed)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

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


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _plain_rendering(seed_text: str, blank_lines: bool) -> str:
    """The seed's own text as a PDF viewer copy gives it (a synthetic rendering of real text): no
    markup, superscripts as plain digits (``Disabilities,1``), footnote bodies as ``1 United
    Nations, ...`` lines where the page breaks were, every paragraph hard-wrapped at 70 columns."""
    lines: list[str] = []
    for block in re.split(r"\n\s*\n", seed_text):
        block = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", block).replace("*", "")
        block = re.sub("^([⁰¹²³⁴⁵⁶⁷⁸⁹]+) ", lambda m: m[1].translate(_SUPERSCRIPTS) + " ", block.strip())
        for paragraph in block.translate(_SUPERSCRIPTS).split("\n"):
            lines += textwrap.wrap(paragraph, 70)
        if blank_lines and block:
            lines.append("")
    return "\n".join(lines) + "\n"


@pytest.mark.shared
@pytest.mark.parametrize("blank_lines", [True, False])
def test_plain_text_copy_of_the_seed_normalizes_clause_for_clause(seed_path: Path, blank_lines: bool) -> None:
    seed = normalize_path(seed_path).resolution
    text = _plain_rendering(seed_path.read_text(encoding="utf-8"), blank_lines)
    assert "Disabilities,1\n" in text and "\n1 United Nations, Treaty Series" in text
    assert "post-\nconflict" in text  # the wrapping broke a word at its hyphen
    normalized = normalize_bytes(text.encode("utf-8"), "synthetic_plain.txt")
    plain = normalized.resolution
    assert normalized.warnings == ()
    assert plain.source is not None and plain.source.reader == "plain-text"
    assert [(c.key, c.text, c.notes, c.verb) for c in plain.clauses] == [
        (c.key, c.text, c.notes, c.verb) for c in seed.clauses
    ]
    for name in ("symbol", "session", "title", "adopted", "agenda_item", "report", "meeting", "cites"):
        assert getattr(plain, name) == getattr(seed, name), name


def test_plain_text_footnote_bodies_are_the_next_number_at_a_line_start() -> None:
    text = (
        "Noting a first synthetic fact that fills this line up to the wrap,1\n"
        "1 A synthetic footnote body long enough to be wrapped onto a second\n"
        "line.\n"
        "2 December 2099 is a date in a paragraph, not footnote 2,\n"
        "1 is not a footnote either: footnote 1 was already read.\n"
    )
    raw = read(text)
    assert raw.footnotes == ((1, "A synthetic footnote body long enough to be wrapped onto a second line."),)
    assert [b.text for b in raw.blocks] == [  # the paragraph goes on after the page's footnote
        "Noting a first synthetic fact that fills this line up to the wrap,1\n"
        "2 December 2099 is a date in a paragraph, not footnote 2,\n"
        "1 is not a footnote either: footnote 1 was already read."
    ]
