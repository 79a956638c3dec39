"""Hostile binary files: decompression bombs (a PDF stream, a DOCX part, inflating to gigabytes) and
encrypted PDFs, all SYNTHETIC, built here in tmp_path (tests/synthetic_bombs.py).

The bombs are read by a real ``resdiff`` process whose address space is limited (RLIMIT_AS, 1 GB,
half a 2.9 GB bomb): a regression that inflates a bomb fails the test with an out-of-memory error
(or PDFium's abort) instead of eating the machine.
"""

from __future__ import annotations

import io
import re
import resource
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from conftest import SHARED, _need
from resdiff.errors import InputError
from resdiff.normalize import normalize_bytes
from resdiff.readers import MAX_INFLATED
from resdiff.readers.pdf import _lzw, inflated_size
from synthetic_bombs import docx_bomb, pdf_bomb, pdf_with_stream, zlib_bomb

GIGABYTE = 1 << 30
MEMORY = GIGABYTE  # what the process may map: reading a real 4-page PDF takes less than 0.7 GB
BOMB = 2900 << 20  # 2.9 GB of spaces


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _normalize_with_a_memory_limit(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from resdiff.cli import main; main(sys.argv[1:])",
            "normalize",
            str(path),
        ],
        preexec_fn=_limit_memory,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(("kind", "build"), [("PDF", pdf_bomb), ("DOCX", docx_bomb)])
def test_a_decompression_bomb_is_refused_in_plain_words_within_the_memory_limit(
    tmp_path: Path, kind: str, build: object
) -> None:
    path = build(tmp_path / f"synthetic-bomb.{kind.lower()}", BOMB)  # type: ignore[operator]
    assert path.stat().st_size < 5_000_000  # under the file size cap: only what it inflates to tells
    result = _normalize_with_a_memory_limit(path)
    assert result.returncode == 2, result.stderr[-2000:]
    assert result.stderr == (
        f"resdiff: error: {path.name}: the {kind} inflates past 50 MB: not a resolution (a decompression "
        "bomb?); give the resolution's own file, or its text\n"
    )
    assert result.stdout == ""


def test_the_memory_limit_is_one_a_real_pdf_is_read_within(tmp_path: Path) -> None:
    """The limit the bombs are read under does not refuse what a resolution needs (else the test
    above could pass for the wrong reason)."""
    path = _need(SHARED / "data" / "un-pdf" / "ga-res-80" / "A_RES_80_5.pdf")
    result = _normalize_with_a_memory_limit(path)
    assert result.returncode == 0 and result.stdout.startswith("# resdiff canonical 1\nsymbol: A/RES/80/5\n")


@pytest.mark.shared
def test_the_cap_is_far_above_what_the_real_pdfs_inflate_to() -> None:
    """The 94 official PDFs inflate to 1.2 MB at most (80/5); the cap is 40 times that."""
    paths = sorted(_need(SHARED / "data" / "un-pdf").glob("*/*.pdf"))
    assert len(paths) == 94
    sizes = {path.name: inflated_size(path.read_bytes(), MAX_INFLATED) for path in paths}
    assert max(sizes.values()) == sizes["A_RES_80_5.pdf"] < MAX_INFLATED / 40
    assert min(sizes.values()) > 100_000  # the scan found their content streams


def test_a_bomb_behind_other_filters_or_a_hidden_filter_name_is_measured() -> None:
    """The chain a stream's dictionary names is followed (hex, then Flate), a name the scan cannot
    see (behind a string holding "obj") is made up for by trying Flate anyway, run-length is counted."""
    bomb = zlib_bomb(64 << 20)
    chained = pdf_with_stream(bomb.hex().encode() + b">", b"/Filter [/ASCIIHexDecode /FlateDecode]")
    assert inflated_size(chained, MAX_INFLATED) > MAX_INFLATED
    hidden = pdf_with_stream(bomb, b"/Filter /FlateDecode /Note (0 0 obj)")
    assert inflated_size(hidden, MAX_INFLATED) > MAX_INFLATED
    runs = pdf_with_stream(b"\x81 " * 1_000_000 + b"\x80", b"/Filter /RunLengthDecode")  # 128 spaces a pair
    assert inflated_size(runs, 10 * MAX_INFLATED) == 128_000_000
    assert inflated_size(pdf_with_stream(zlib.compress(b"BT ET"), b"/Filter /FlateDecode"), MAX_INFLATED) == 5


def test_lzw_decodes_the_example_of_the_pdf_reference() -> None:
    """ISO 32000-1, 7.4.4.2: 45 45 45 45 45 65 45 45 45 66 encodes as 80 0B 60 50 22 0C 0C 85 01."""
    assert b"".join(_lzw([bytes.fromhex("800B6050220C0C8501")])) == bytes(
        [45, 45, 45, 45, 45, 65, 45, 45, 45, 66]
    )


def test_an_encrypted_pdf_says_it_is_password_protected() -> None:
    from pypdf import PdfWriter

    for user_password, message in (
        ("synthetic", "the PDF is password-protected; save a copy without the password, or give its text"),
        ("", "the PDF is encrypted (password-protected by its owner); save a copy without the protection"),
    ):
        writer = PdfWriter()
        writer.add_blank_page(612, 792)
        writer.encrypt(user_password=user_password, owner_password="synthetic-owner", algorithm="RC4-128")
        stream = io.BytesIO()
        writer.write(stream)
        with pytest.raises(InputError, match=f"^synthetic\\.pdf: {re.escape(message)}"):
            normalize_bytes(stream.getvalue(), "synthetic.pdf")
