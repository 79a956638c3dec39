"""Bad input fails with one line naming the file and the problem (exit 2); odd input warns.

Every text here is SYNTHETIC (written for these tests, not real resolution text).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff import canonical
from resdiff.cli import main
from resdiff.errors import InputError
from resdiff.model import OPERATIVE, PREAMBULAR
from resdiff.normalize import normalize_bytes, normalize_path

SYNTHETIC_NOVEL_CHAPTER = """Chapter Three

The rain had not stopped for three days when Marguerite finally opened the letter. She read it
twice at the kitchen table, then folded it along its old creases and set it beside the kettle.

Her brother would come on Thursday, it said, and he would bring the dog. She laughed at that,
because the dog had been dead for a year, and then she did not laugh at all.

Outside, the river was climbing the steps of the old mill, one grey stone at a time.
"""

SYNTHETIC_HEADER = """Ninety-ninth session
Agenda item 1

Resolution adopted by the General Assembly on 3 March 2099

[without reference to a Main Committee (A/99/L.1)]

99/1. Synthetic test resolution

The General Assembly,
"""


def synthetic(body: str, closing: str = "\n1st plenary meeting\n3 March 2099\n") -> bytes:
    return (SYNTHETIC_HEADER + "\n" + body + "\n" + closing).encode("utf-8")


def run_cli(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["normalize", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_error(path: Path, words: str) -> None:
    started = time.perf_counter()
    code, out, err = run_cli(str(path))
    assert time.perf_counter() - started < 5  # generous; the bench measures the real figure
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert path.name in err and words in err


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "synthetic_empty.txt"
    path.write_bytes(b"")
    assert_one_line_error(path, "the file is empty")
    path.write_bytes(b"  \n\n\t\n")
    assert_one_line_error(path, "the file is empty")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    assert_one_line_error(path, "this is a binary file (it holds NUL bytes)")


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "synthetic_latin1.txt"
    path.write_bytes("The General Assembly,\n\n1. Décide".encode("latin-1"))
    assert_one_line_error(path, "not valid UTF-8 (at byte offset 27)")


def test_novel_chapter_is_not_a_resolution(tmp_path: Path) -> None:
    path = tmp_path / "synthetic_chapter.txt"
    path.write_text(SYNTHETIC_NOVEL_CHAPTER, encoding="utf-8")
    assert_one_line_error(path, "does not look like a resolution")


def test_50_mb_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "synthetic_huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: the refusal must not depend on reading it
    assert_one_line_error(path, "the file is 52.4 MB, more than the 5 MB")
    with pytest.raises(InputError, match="MB"):
        normalize_bytes(b"x" * (50 * 1024 * 1024), "synthetic_huge_stdin")


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    assert_one_line_error(tmp_path / "synthetic_absent.txt", "cannot read")


def test_library_errors_name_the_file() -> None:
    with pytest.raises(InputError, match=r"^synthetic\.txt: .*empty"):
        normalize_bytes(b"", "synthetic.txt")


def odd(body: bytes) -> tuple[list[str], list[str]]:
    normalized = normalize_bytes(body, "synthetic.txt")
    return [c.key for c in normalized.resolution.clauses], list(normalized.warnings)


def test_no_footnotes_and_no_warnings() -> None:
    keys, warnings = odd(synthetic("Noting a synthetic fact,\n\n1. Decides to test the normalizer."))
    assert keys == ["PP1", "OP1"]
    assert warnings == []


def test_no_preamble_warns() -> None:
    keys, warnings = odd(synthetic("1. Decides to test the normalizer;\n\n2. Also decides to stop here."))
    assert keys == ["OP1", "OP2"]
    assert any("no preambular paragraph" in w for w in warnings)


def test_single_unnumbered_operative_paragraph_warns() -> None:
    keys, warnings = odd(synthetic("Adopts the synthetic declaration annexed to the present resolution."))
    assert keys == ["OP1"]
    assert any("no numbered operative paragraph" in w for w in warnings)


def test_numbering_gap_keeps_printed_numbers_and_warns() -> None:
    keys, warnings = odd(
        synthetic("1. Decides one thing;\n\n2. Decides another;\n\n4. Decides a last thing.")
    )
    assert keys == ["OP1", "OP2", "OP4"]
    assert any("paragraph 4 follows paragraph 2" in w for w in warnings)


def test_unnumbered_operative_paragraph_gets_the_next_number() -> None:
    keys, warnings = odd(
        synthetic("1. Decides one thing;\n\nRequests another thing;\n\n3. Decides a last thing.")
    )
    assert keys == ["OP1", "OP2", "OP3"]
    assert any("has no number; numbered it 2" in w for w in warnings)


def test_marker_without_footnote_body_is_dropped_with_a_warning() -> None:
    normalized = normalize_bytes(synthetic("1. Decides to test the normalizer[^7]."), "synthetic.md")
    assert normalized.resolution.clause("OP1").text == "Decides to test the normalizer."
    assert normalized.resolution.clause("OP1").notes == ()
    assert any("marker 7 has no footnote body" in w for w in normalized.warnings)


def test_footnote_body_without_marker_warns() -> None:
    body = synthetic(
        "1. Decides to test the normalizer.", closing="\n1st plenary meeting\n\n---\n\n[^1]: Synthetic.\n"
    )
    normalized = normalize_bytes(body, "synthetic.md")
    assert any("footnote 1 has no marker" in w for w in normalized.warnings)


def test_odd_input_warns_on_stderr_and_quiet_silences(tmp_path: Path) -> None:
    path = tmp_path / "synthetic_gap.txt"
    path.write_bytes(synthetic("1. Decides one thing;\n\n3. Decides a last thing."))
    code, out, err = run_cli(str(path))
    assert code == 0 and out.startswith("# resdiff canonical 1\n")
    assert f"resdiff: warning: {path}: main body: paragraph 3 follows paragraph 1" in err
    code, out, err = run_cli("--quiet", str(path))
    assert code == 0 and err == ""


def test_every_odd_input_still_yields_operative_paragraphs() -> None:
    normalized = normalize_bytes(
        synthetic("Noting a synthetic fact,\n\nRequests a synthetic thing."), "s.txt"
    )
    assert [c.type for c in normalized.resolution.clauses] == [PREAMBULAR, OPERATIVE]
    assert normalized.resolution.clause("OP1").verb == "Requests"


def test_normalize_path_records_the_file_name_only(tmp_path: Path) -> None:
    path = tmp_path / "synthetic_named.txt"
    path.write_bytes(synthetic("1. Decides to test the normalizer."))
    source = normalize_path(path).resolution.source
    assert source is not None and source.name == "synthetic_named.txt"


_PIECES = st.sampled_from(
    [
        "1. ",
        "2. ",
        "(a) ",
        "(i) ",
        "[^1]",
        "¹",
        "\n",
        "\n\n",
        "The General Assembly,",
        "72/1. Synthetic",
        "Annex",
        "12th plenary meeting",
        "*x*",
        " word",
        "Word",
        ",",
        ";",
        ".",
        ":",
        "2024",
        "5 December 2025",
        "resolution 70/1 ",
        "---\n\n[^1]: Synthetic note.\n",
        "\x0c",
        "\u2011",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=20), max_size=60))
def test_any_text_is_a_resolution_or_one_input_error(pieces: list[str]) -> None:
    """Synthetic fragments in any order: never a crash, and whatever comes out round-trips."""
    try:
        normalized = normalize_bytes("".join(pieces).encode("utf-8", "surrogatepass"), "synthetic.txt")
    except InputError as error:
        assert "\n" not in str(error) and str(error).startswith("synthetic.txt: ")
        return
    resolution = normalized.resolution
    assert canonical.load(canonical.dump(resolution)) == resolution
    assert all(c.verb is None or c.text.startswith(c.verb) for c in resolution.clauses)


def test_unnumbered_block_before_the_next_number_continues_the_paragraph() -> None:
    """A page break after a full stop: the numbering goes on without a gap, so no number was lost."""
    normalized = normalize_bytes(
        synthetic("1. Decides one thing.\n\nIt also notes another.\n\n2. Requests a last thing."), "s.txt"
    )
    resolution = normalized.resolution
    assert [c.key for c in resolution.clauses] == ["OP1", "OP2"]
    assert resolution.clause("OP1").text == "Decides one thing. It also notes another."
    assert normalized.warnings == ("main body: no preambular paragraph found",)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_with_a_byte_order_mark_is_read_like_utf8(encoding: str) -> None:
    """Windows Notepad's "Unicode" is UTF-16 with a byte order mark; it was refused as a binary file."""
    text = synthetic("1. Decides one thing;\n\n2. Decides a last thing.").decode("utf-8")
    bom = {"utf-16": "", "utf-16-be": "\ufeff", "utf-16-le": "\ufeff"}[encoding]
    expected = normalize_bytes(text.encode("utf-8"), "synthetic.txt").resolution
    read = normalize_bytes((bom + text).encode(encoding), "synthetic.txt").resolution
    assert read.clauses == expected.clauses and read.symbol == expected.symbol == "A/RES/99/1"


def test_damaged_utf16_is_one_line() -> None:
    with pytest.raises(
        InputError, match=r"^synthetic.txt: damaged UTF-16 \(at byte offset 4\); save it as UTF-8$"
    ):
        normalize_bytes(b"\xff\xfeA\x00\x00\xd8", "synthetic.txt")
