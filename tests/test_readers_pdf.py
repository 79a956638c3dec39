"""The PDF reader, on SYNTHETIC PDFs written here by hand (Helvetica text, one stream a page)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from resdiff.cli import main
from resdiff.errors import InputError
from resdiff.normalize import normalize_bytes


def synthetic_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF: each page draws its lines top down, 14 points apart."""
    count = len(pages)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    font = 3 + 2 * count
    for index, lines in enumerate(pages):
        escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
        shown = [f"({line}) Tj T*" for line in escaped]
        stream = "\n".join(["BT", "/F1 11 Tf", "72 740 Td", "14 TL", *shown, "ET"]).encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * index} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


SYNTHETIC_PAGES = [
    [
        "Ninety-ninth session",
        "",
        "99/6. Synthetic PDF resolution",
        "",
        "The General Assembly,",
        "",
        "Noting a synthetic convention,1 whose text is long enough to wrap",
        "onto a second line and to run over the foot of the page into the",
        "",
        "1 Synthetic Treaty Series, vol. 1.",
        "",
        "99-12345 (E)",
    ],
    [
        "A/RES/99/6",
        "",
        "next page, where it ends,",
        "",
        "1. Decides to act on the synthetic convention.",
        "",
        "1st plenary meeting",
    ],
]


def test_pdf_text_layer_reads_like_a_viewer_copy() -> None:
    normalized = normalize_bytes(synthetic_pdf(SYNTHETIC_PAGES), "synthetic.pdf")
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
            "over the foot of the page into the next page, where it ends,",
            ("FN1",),
        ),
        ("OP1", "Decides to act on the synthetic convention.", ()),
        ("FN1", "Synthetic Treaty Series, vol. 1.", ()),
    ]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"%PDF-1.4\nnot a real PDF body\n", "cannot read it as a PDF"),
        (synthetic_pdf([[]]), "no text layer"),
    ],
)
def test_unreadable_pdf_is_one_input_error(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=rf"^synthetic\.pdf: .*{problem}") as caught:
        normalize_bytes(data, "synthetic.pdf")
    assert "\n" not in str(caught.value)


def test_damaged_pdf_logs_nothing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """pdfminer logs warnings on a damaged cross-reference table; none may reach the user."""
    data = synthetic_pdf(SYNTHETIC_PAGES).replace(b" 00000 n \n", b" x0000 n \n", 1)  # a bad xref entry
    path = tmp_path / "synthetic_damaged.pdf"
    path.write_bytes(data)
    with caplog.at_level(logging.WARNING):
        result = CliRunner().invoke(main, ["normalize", "--quiet", str(path)])
    assert result.exit_code == 0 and result.stderr == ""
    assert "\nOP1 *Decides* to act on the synthetic convention.\n" in result.stdout
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pdfminer")] == []
