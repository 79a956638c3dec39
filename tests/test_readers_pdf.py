"""The PDF reader, on SYNTHETIC PDFs laid out like the UN's (``synthetic_pdf``)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from resdiff.cli import main
from resdiff.errors import InputError
from resdiff.normalize import normalize_bytes
from synthetic_pdf import synthetic_un_pdf

SYNTHETIC_PAGES = [
    [
        "Ninety-ninth session",
        "Agenda item 12",
        "",
        "Resolution adopted by the General Assembly on 3 January 2031",
        "",
        "99/6. Synthetic PDF resolution",
        "",
        ">*The General Assembly,*",
        "",
        ">*Noting* a synthetic convention,^1 whose text is long enough to wrap",
        "onto a second line and to run over the foot of the page into the",
        "---",
        "^1 Synthetic Treaty Series, vol. 1.",
    ],
    [
        "@head",
        "next page, where it ends with a military-to-",
        "military word,",
        "",
        "1.|*Decides* to act on the synthetic convention.",
        "",
        ">1st plenary meeting",
    ],
]


def test_pdf_layout_gives_clauses_footnotes_and_no_furniture() -> None:
    normalized = normalize_bytes(synthetic_un_pdf(SYNTHETIC_PAGES), "synthetic.pdf")
    resolution = normalized.resolution
    assert normalized.warnings == ()
    assert resolution.source is not None and resolution.source.reader == "pdf"
    assert (resolution.symbol, resolution.session, resolution.title) == (
        "A/RES/99/6",
        99,
        "Synthetic PDF resolution",
    )
    assert [(c.key, c.text, c.notes) for c in resolution.clauses] == [
        (
            "PP1",
            "Noting a synthetic convention, whose text is long enough to wrap onto a second line and to run "
            "over the foot of the page into the next page, where it ends with a military-to-military word,",
            ("FN1",),
        ),
        ("OP1", "Decides to act on the synthetic convention.", ()),
        ("FN1", "Synthetic Treaty Series, vol. 1.", ()),
    ]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"%PDF-1.4\nnot a real PDF body\n", "cannot read it as a PDF"),
        (synthetic_un_pdf([[]], furniture=False), "no text layer"),
    ],
)
def test_unreadable_pdf_is_one_input_error(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=rf"^synthetic\.pdf: .*{problem}") as caught:
        normalize_bytes(data, "synthetic.pdf")
    assert "\n" not in str(caught.value)


def test_damaged_pdf_logs_nothing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A damaged cross-reference table is repaired silently: no warning may reach the user."""
    data = synthetic_un_pdf(SYNTHETIC_PAGES).replace(b" 00000 n \n", b" x0000 n \n", 1)  # a bad xref entry
    path = tmp_path / "synthetic_damaged.pdf"
    path.write_bytes(data)
    with caplog.at_level(logging.WARNING):
        result = CliRunner().invoke(main, ["normalize", "--quiet", str(path)])
    assert result.exit_code == 0 and result.stderr == ""
    assert "\nOP1 *Decides* to act on the synthetic convention.\n" in result.stdout
    assert caplog.records == []


def test_a_short_pdf_without_a_session_line_still_shows_its_paragraphs() -> None:
    """Few lines: every gap may be a paragraph's, and indented first lines as many as lines at the edge."""
    pages = [
        [
            "Resolution adopted by the General Assembly on 3 January 2031",
            "",
            "90/58. Synthetic PDF resolution",
            "",
            ">*The General Assembly,*",
            "",
            ">*Noting* a fact,",
            "",
            "1.|*Decides* to act.",
            "",
            ">1st plenary meeting",
        ]
    ]
    normalized = normalize_bytes(synthetic_un_pdf(pages, symbol="A/RES/90/58"), "synthetic.pdf")
    resolution = normalized.resolution
    assert normalized.warnings == ()
    assert (resolution.symbol, resolution.title, resolution.meeting) == (
        "A/RES/90/58",
        "Synthetic PDF resolution",
        "1st plenary meeting",
    )
    assert [(c.key, c.text, c.verb) for c in resolution.clauses] == [
        ("PP1", "Noting a fact,", None),
        ("OP1", "Decides to act.", "Decides"),
    ]
