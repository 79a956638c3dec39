"""What a demanding user ran into: file modes, Ctrl-C, misleading messages, odd REFs and paths.

Every text here is SYNTHETIC (see corpus_synthetic and synthetic_report); corpora are real git
repositories in tmp_path.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_synthetic import cli, make_corpus, run_resdiff, synthetic_resolution, write_synthetic
from resdiff import canonical
from resdiff.cli import main
from synthetic_report import SYNTHETIC_OLD


@pytest.fixture
def umask_022() -> Iterator[int]:
    """The usual umask, whatever the test runner's is."""
    previous = os.umask(0o022)
    try:
        yield 0o644
    finally:
        os.umask(previous)


def run(*args: str) -> tuple[int, str, str]:
    result = cli(*args)
    return result.exit_code, result.stdout, result.stderr


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- file modes ------------------------------------------------------------------------------


def test_corpus_files_get_normal_permissions(tmp_path: Path, umask_022: int) -> None:
    root = make_corpus(tmp_path)
    text = write_synthetic(tmp_path / "in", synthetic_resolution(91, 7))
    assert cli("add", "--corpus", str(root), "--series", "widgets", str(text)).exit_code == 0
    written = [
        root / ".resdiff-corpus",
        root / "widgets" / "A_RES_91_7.txt",
    ]
    assert {path.name: mode(path) for path in written} == {path.name: umask_022 for path in written}


def test_normalize_output_file_gets_normal_permissions_and_dash_is_stdout(
    pair: tuple[str, str], umask_022: int
) -> None:
    assert run("normalize", pair[0], "-o", "out.txt")[0] == 0
    assert mode(Path("out.txt")) == umask_022
    assert Path("out.txt").read_text(encoding="utf-8") == canonical.dump(SYNTHETIC_OLD)
    code, out, _ = run("normalize", pair[0], "-o", "-")
    assert code == 0 and out == canonical.dump(SYNTHETIC_OLD)
    assert not Path("-").exists()


# --- Ctrl-C ----------------------------------------------------------------------------------


def test_ctrl_c_is_one_line_and_exit_130(pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Click's own handling prints "Aborted!" and exits 1, which --exit-code users read as "differ"."""
    import resdiff.compare

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(resdiff.compare, "compare", interrupted)
    code, out, err = run("diff", *pair, "--exit-code")
    assert (code, out, err) == (130, "", "resdiff: interrupted\n")


# --- messages that pointed the wrong way -------------------------------------------------------


@pytest.fixture
def widgets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus with the SYNTHETIC 91/7 in series widgets; the current folder is outside it."""
    root = make_corpus(tmp_path)
    text = write_synthetic(tmp_path / "in", synthetic_resolution(91, 7))
    assert cli("add", "--corpus", str(root), "--series", "widgets", str(text)).exit_code == 0
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RESDIFF_CORPUS", str(root))
    return root


def test_a_mistyped_file_name_is_not_reported_as_a_missing_series(widgets: Path) -> None:
    code, _, err = run("diff", "old-version", "in/synthetic_A_RES_91_7.txt")
    assert code == 2
    assert (
        err
        == f"resdiff: error: 'old-version' is neither a file nor a series of {widgets}; it holds widgets\n"
    )


def test_an_unknown_series_with_a_year_lists_the_series_there_are(widgets: Path) -> None:
    code, _, err = run("show", "tools@2036")
    assert (code, err) == (
        2,
        f"resdiff: error: 'tools@2036': no series 'tools' in {widgets}; it holds widgets\n",
    )


def test_a_folder_given_as_a_text_is_named_as_a_folder(widgets: Path) -> None:
    code, _, err = run("diff", "in", "91/7")
    assert (code, err) == (
        2,
        "resdiff: error: in is a folder: give a resolution file, or a REF such as 72/54\n",
    )
    code, _, err = run("normalize", "in")
    assert (code, err) == (2, "resdiff: error: in: is a folder; give a resolution file\n")


def test_an_unreadable_file_is_named_by_the_path_given(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "A_RES_91_7.txt"
    code, _, err = run("normalize", str(missing))
    assert code == 2
    assert (
        err
        == f"resdiff: error: {missing}: cannot read the file (No such file or directory); check the path\n"
    )


def test_log_of_a_file_outside_the_corpus_says_so(widgets: Path) -> None:
    code, _, err = run("log", "in/synthetic_A_RES_91_7.txt")
    assert code == 2 and err.count("\n") == 1
    assert "is a file outside the corpus" in err and "name a corpus text by its symbol" in err


def test_log_of_a_corpus_file_is_its_history(widgets: Path) -> None:
    code, out, _ = run("log", str(widgets / "widgets" / "A_RES_91_7.txt"))
    assert code == 0 and out == run("log", "91/7")[1] != ""


def test_every_command_help_has_a_one_line_summary_and_an_example() -> None:
    code, out, _ = run("--help")
    listed = out.split("Commands:\n")[1].splitlines()
    assert code == 0 and listed and not [line for line in listed if line.endswith("...")]
    for command in ("normalize", "init", "add", "list", "show", "log", "series", "diff", "report"):
        code, out, _ = run(command, "--help")
        assert code == 0 and f"  resdiff {command} " in out, command


# --- odd but valid paths -------------------------------------------------------------------------


def test_unicode_file_names_with_spaces_work_everywhere(widgets: Path, umask_022: int) -> None:
    odd = Path("résolution ancienne 91 7.txt")
    odd.write_text(canonical.dump(synthetic_resolution(91, 7)), encoding="utf-8")
    assert run("diff", str(odd), "91/7", "--exit-code")[0] == 0
    assert run("report", str(odd), "91/7", "-o", "rapport é.html")[0] == 0
    assert mode(Path("rapport é.html")) == umask_022
    assert run("add", str(odd))[0] == 0  # identical text: nothing to commit


# --- a damaged corpus ----------------------------------------------------------------------------


def test_a_damaged_corpus_text_is_one_line_naming_it(widgets: Path) -> None:
    text = widgets / "widgets" / "A_RES_91_7.txt"
    for damage in (b"\xff\xfe not UTF-8", b"no header\n"):
        text.write_bytes(damage)
        code, out, err = run("show", "91/7")
        assert (code, out) == (2, "") and err.count("\n") == 1
        assert err.startswith(f"resdiff: error: {text} is damaged (") and "resdiff verify" in err


def test_verify_reports_an_old_index_that_is_not_utf8_without_reading_it(widgets: Path) -> None:
    (widgets / "widgets" / "series.json").write_bytes(b"\xff")
    assert run("list")[0] == 0
    code, out, _ = run("verify")
    assert code == 1
    assert any(
        line.startswith("widgets/series.json: an index written by an older") for line in out.splitlines()
    )


def test_listing_an_empty_corpus_says_it_is_empty(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    for command in ("list", "series"):
        code, _, err = run(command, "--corpus", str(root))
        assert (
            code == 0
            and err == f"resdiff: the corpus {root} holds no texts yet; add some with 'resdiff add FILE...'\n"
        )


# --- init and add in places they cannot work -----------------------------------------------------


def test_init_refuses_an_empty_path_a_non_empty_folder_and_an_unwritable_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("init", "")
    assert code == 2 and "give the folder" in err and not (tmp_path / ".resdiff-corpus").exists()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "mine.txt").write_text("x", encoding="utf-8")
    code, _, err = run("init", "notes")
    assert (code, err) == (
        2,
        "resdiff: error: notes is not empty; create the corpus in a new or empty folder\n",
    )
    (tmp_path / "readonly").write_text("a file, so no folder can be made below it", encoding="utf-8")
    code, _, err = run("init", "readonly/corpus")
    assert code == 2 and err.startswith("resdiff: error: cannot create a corpus in readonly/corpus (")


def test_a_failed_write_during_add_is_one_line_and_leaves_the_corpus_clean(
    widgets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import resdiff.corpus.journal

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(resdiff.corpus.journal, "_write", disk_full)
    newcomer = write_synthetic(Path("more"), synthetic_resolution(92, 1))
    code, _, err = run("add", str(newcomer))
    assert code == 2 and err.count("\n") == 1 and "No space left on device" in err
    assert run("verify")[0] == 0


def test_show_names_the_file_its_warnings_are_about(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``show FILE`` printed the normalizer's warnings without saying which input they were about."""
    monkeypatch.chdir(tmp_path)
    Path("synthetic_gap.txt").write_text(
        "91/7. Synthetic widgets\n\nThe General Assembly,\n\n"
        "1. Decides one thing;\n\n3. Decides a last thing.\n",
        encoding="utf-8",
    )
    code, _, err = run("show", "synthetic_gap.txt")
    assert (
        code == 0
        and err
        and all(line.startswith("resdiff: warning: synthetic_gap.txt: ") for line in err.splitlines())
    )


def test_a_bad_lock_timeout_breaks_no_reading_command_and_is_one_line_for_add(
    widgets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RESDIFF_LOCK_TIMEOUT was parsed at import: any command, even ``list``, died with a traceback."""
    monkeypatch.setenv("RESDIFF_LOCK_TIMEOUT", "soon")
    done = run_resdiff("list")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    newcomer = write_synthetic(Path("more"), synthetic_resolution(92, 1))
    code, _, err = run("add", str(newcomer))
    assert (code, err) == (
        2,
        "resdiff: error: RESDIFF_LOCK_TIMEOUT='soon' is not a number of seconds; set it to e.g. 60\n",
    )


# --- odd REFs --------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["show", "log", "normalize", "diff"])
def test_a_name_too_long_for_the_file_system_is_one_line(widgets: Path, command: str) -> None:
    """Path.is_file raised ENAMETOOLONG instead of answering False: a traceback."""
    args = [command, "x" * 5000] + (["91/7"] if command == "diff" else [])
    code, out, err = run(*args)
    assert (code, out) == (2, "") and err.startswith("resdiff: error: ") and err.count("\n") == 1


@pytest.mark.parametrize("rev", ["HEAD:../../etc/passwd", "HEAD:widgets", "HEAD^{tree}"])
def test_a_revision_that_is_not_a_commit_is_one_line(widgets: Path, rev: str) -> None:
    """GitPython's rev_parse raised KeyError for "HEAD:path" forms: a traceback."""
    code, out, err = run("show", f"91/7@{rev}")
    assert (code, out) == (2, "") and err == f"resdiff: error: {rev!r} is not a revision of {widgets}\n"


def test_verify_reports_an_unreadable_text_instead_of_stopping(
    widgets: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(Root reads any file, so the permission error is simulated.)"""
    import os

    opener = os.open

    def denied(path: str | Path, *args: int) -> int:
        if Path(path).name == "A_RES_91_7.txt":
            raise PermissionError(13, "Permission denied")
        return opener(path, *args)

    monkeypatch.setattr(os, "open", denied)
    code, out, _ = run("verify")
    assert code == 1 and "widgets/A_RES_91_7.txt: cannot be read (Permission denied)" in out.splitlines()


def test_show_of_a_file_needs_no_corpus_even_with_a_stale_resdiff_corpus(
    pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``diff FILE FILE`` ignored a RESDIFF_CORPUS naming no corpus, but ``show FILE`` refused to run."""
    monkeypatch.setenv("RESDIFF_CORPUS", str(tmp_path / "gone"))
    code, out, err = run("show", pair[0])
    assert (code, out, err) == (0, canonical.dump(SYNTHETIC_OLD), "")


# --- a sweep of bad input: one line on stderr and exit 2, never a traceback ------------------------

BAD_INVOCATIONS = [
    ("normalize", "missing.txt"),
    ("normalize", "in"),
    ("normalize", "empty.txt"),
    ("normalize", "binary.bin"),
    ("show", "missing.txt"),
    ("show", "99/99"),
    ("show", "widgets@1999"),
    ("show", "91/7@no-such-rev"),
    ("show", "91/7@"),
    ("show", "../../etc"),
    ("show", "a\x01b"),
    ("log", "99/99"),
    ("log", "91/7@HEAD"),
    ("series", "NoSuchSeries"),
    ("list", "no-such-series"),
    ("diff", "-", "-"),
    ("diff", "91/7", "empty.txt"),
    ("diff", "91/7", "91/7", "-o", "nowhere/out.txt"),
    ("report", "91/7", "91/7", "-o", "out.pdf"),
    ("report", "91/7", "91/7", "-o", "nowhere/out.html"),
    ("add", "empty.txt"),
    ("add", "--series", "Bad Slug", "in/synthetic_A_RES_91_7.txt"),
    ("init", "in/synthetic_A_RES_91_7.txt/below"),
]


@pytest.mark.parametrize("args", BAD_INVOCATIONS, ids=" ".join)
def test_bad_input_is_one_line_and_exit_2(widgets: Path, args: tuple[str, ...]) -> None:
    Path("empty.txt").write_bytes(b"")
    Path("binary.bin").write_bytes(b"\x00\x01\x02")
    result = CliRunner().invoke(main, list(args), input="")
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
        result.exception
    )
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("resdiff: error: ") and result.stderr.count("\n") == 1, result.stderr


def test_a_replaced_output_file_keeps_its_mode_but_a_corpus_file_gets_the_normal_one(
    widgets: Path, umask_022: int
) -> None:
    Path("private.html").write_text("old report", encoding="utf-8")
    Path("private.html").chmod(0o600)
    assert run("report", "91/7", "91/7", "-o", "private.html")[0] == 0
    assert mode(Path("private.html")) == 0o600  # the user's choice for their own file
    stored = widgets / "widgets" / "A_RES_91_7.txt"
    stored.chmod(0o600)  # as resdiff's earlier versions left every corpus file
    corrected = synthetic_resolution(91, 7, operative=("Synthetic corrected decision;",))
    assert run("add", "--replace", str(write_synthetic(Path("fix"), corrected)))[0] == 0
    assert mode(stored) == umask_022
