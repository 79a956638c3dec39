"""``resdiff diff`` and ``resdiff report`` end to end (CliRunner), on SYNTHETIC files and the real pair."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from resdiff import canonical
from resdiff.cli import _common, diff_commands, main
from resdiff.compare import compare
from resdiff.errors import InputError
from resdiff.model import Clause, Resolution
from synthetic_report import SYNTHETIC_NEW, SYNTHETIC_OLD


def _run(*args: str, input: bytes | str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_json_is_exactly_the_comparison(pair: tuple[str, str]) -> None:
    code, out, err = _run("diff", *pair, "--format", "json")
    assert code == 0, err
    expected = json.dumps(compare(SYNTHETIC_OLD, SYNTHETIC_NEW).to_json(), ensure_ascii=False, indent=2)
    assert out == expected + "\n"


def test_json_diff_loads_no_other_renderer_nor_heavy_library(tmp_path: Path, pair: tuple[str, str]) -> None:
    program = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from resdiff.cli import main\n"
        f"result = CliRunner().invoke(main, ['diff', {pair[0]!r}, {pair[1]!r}, '--format', 'json'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    modules = set(done.stdout.split())
    assert "resdiff.render.json" in modules
    heavy = {"docx", "git", "lxml", "resdiff.render.html", "resdiff.render.docx", "resdiff.render.markdown"}
    heavy |= {"resdiff.summary", "resdiff.corpus", "resdiff.readers.pdf", "resdiff.readers.docx"}
    assert not heavy & modules


def test_exit_code_follows_diff(pair: tuple[str, str]) -> None:
    old, new = pair
    assert _run("diff", old, new)[0] == 0
    assert _run("diff", old, new, "--exit-code")[0] == 1
    assert _run("diff", old, old, "--exit-code")[0] == 0


def _synthetic_one_clause(text: str) -> Resolution:
    return Resolution("A/RES/90/9", 90, "Synthetic", "2035-01-01", clauses=(Clause("PP1", text),))


def test_ignore_editorial_makes_an_editorial_only_difference_equal(tmp_path: Path, pair: object) -> None:
    base = _synthetic_one_clause("Noting that 119 States parties have joined,")
    edited = _synthetic_one_clause("Noting that 119 States Parties have joined,")
    (tmp_path / "a.txt").write_text(canonical.dump(base), encoding="utf-8")
    (tmp_path / "b.txt").write_text(canonical.dump(edited), encoding="utf-8")
    assert _run("diff", "a.txt", "b.txt", "--exit-code")[0] == 1
    code, out, _ = _run("diff", "a.txt", "b.txt", "--exit-code", "--ignore-editorial", "--format", "json")
    assert code == 0
    assert json.loads(out)["summary"]["editorial"] == 0


def test_changes_only_leaves_out_unchanged_clauses(pair: tuple[str, str]) -> None:
    full = json.loads(_run("diff", *pair, "--format", "json")[1])["changes"]
    changed = json.loads(_run("diff", *pair, "--format", "json", "--changes-only")[1])["changes"]
    assert changed == [c for c in full if c["kind"] != "unchanged" or c["moved"]]
    assert len(changed) < len(full)


def test_terminal_output_is_plain_when_not_a_terminal(pair: tuple[str, str]) -> None:
    code, out, _ = _run("diff", *pair)
    assert code == 0
    assert "\x1b[" not in out
    assert "[-Calls upon-]{+Urges+}" in out


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class _Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdout", _Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert diff_commands._use_color(None)
    assert diff_commands._use_color("-")
    assert not diff_commands._use_color("out.txt")
    monkeypatch.setenv("NO_COLOR", "1")
    assert not diff_commands._use_color(None)


def test_docx_needs_an_output_file(pair: tuple[str, str]) -> None:
    code, out, err = _run("diff", *pair, "--format", "docx")
    assert code == 2
    assert "-o FILE.docx" in err
    assert out == ""


def test_docx_to_a_pipe_is_the_binary_file(pair: tuple[str, str]) -> None:
    result = CliRunner().invoke(main, ["diff", *pair, "--format", "docx", "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert zipfile.is_zipfile(io.BytesIO(result.stdout_bytes))


def test_binary_output_is_refused_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class _TerminalBytes(io.BytesIO):
        def isatty(self) -> bool:
            return True

    terminal = io.TextIOWrapper(_TerminalBytes())
    monkeypatch.setattr("sys.stdout", terminal)
    with pytest.raises(InputError, match=r"-o FILE\.docx"):
        _common.write_output(b"PK\x03\x04", "-")
    assert terminal.buffer.getvalue() == b""


def test_output_file_is_written_whole_with_normal_permissions(tmp_path: Path, pair: tuple[str, str]) -> None:
    code, out, _ = _run("diff", *pair, "--format", "markdown", "-o", "out.md")
    assert code == 0 and out == ""
    assert (tmp_path / "out.md").read_text(encoding="utf-8").startswith("# Changes: A/RES/90/7 → A/RES/98/3")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt", "old.txt", "out.md"]  # no temporary left
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((tmp_path / "out.md").stat().st_mode) == 0o666 & ~umask


def test_unwritable_output_is_one_line_and_exit_2(pair: tuple[str, str]) -> None:
    code, _, err = _run("diff", *pair, "-o", "missing-folder/out.txt")
    assert code == 2
    assert err.startswith("resdiff: error: cannot write missing-folder/out.txt")
    assert len(err.strip().splitlines()) == 1


def test_unknown_input_is_one_line_and_exit_2(pair: tuple[str, str]) -> None:
    code, _, err = _run("diff", pair[0], "no-such-file.txt")
    assert code == 2
    assert err.startswith("resdiff: error:")
    assert "Traceback" not in err


def test_stdin_is_dash(pair: tuple[str, str]) -> None:
    code, out, _ = _run("diff", "-", pair[1], "--format", "json", input=canonical.dump(SYNTHETIC_OLD))
    assert code == 0
    assert out == _run("diff", *pair, "--format", "json")[1]
    assert _run("diff", "-", "-", input="")[0] == 2


@pytest.mark.parametrize(
    ("name", "marker"), [("r.html", b"<!DOCTYPE html>"), ("r.md", b"# Changes"), ("r.docx", b"PK")]
)
def test_report_takes_its_format_from_the_extension(
    tmp_path: Path, pair: tuple[str, str], name: str, marker: bytes
) -> None:
    code, out, err = _run("report", *pair, "-o", name)
    assert code == 0, err
    assert (tmp_path / name).read_bytes().startswith(marker)
    assert f"resdiff: wrote {name}" in err
    assert out == ""


def test_report_with_an_unknown_extension_asks_for_format(pair: tuple[str, str]) -> None:
    code, _, err = _run("report", *pair, "-o", "report.pdf")
    assert code == 2
    assert "--format" in err
    assert _run("report", *pair, "-o", "report.pdf", "--format", "html")[0] == 0


def test_corpus_refs_and_revisions_name_the_same_texts(tmp_path: Path, pair: tuple[str, str]) -> None:
    from resdiff.corpus import add_files, init_corpus

    corpus = init_corpus(tmp_path / "corpus")
    add_files(corpus, [tmp_path / name for name in pair])
    expected = _run("diff", *pair, "--format", "json")[1]
    for refs in (("90/7", "98/3"), ("A/RES/90/7@HEAD", "synthetic-widgets-convention@2043")):
        code, out, err = _run("diff", *refs, "--corpus", str(corpus.root), "--format", "json")
        assert code == 0, err
        assert out == expected
    code, _, err = _run("diff", "90/8", "98/3", "--corpus", str(corpus.root))
    assert code == 2
    assert "90/8" in err and len(err.strip().splitlines()) == 1


# --- the real pair (72/54 of 2017 and 80/52 of 2025) ----------------------------------------------------


@pytest.mark.shared
@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "json", "docx"])
def test_the_real_pair_renders_in_every_format(
    tmp_path: Path, seed_path: Path, res_80_52_path: Path, fmt: str
) -> None:
    target = tmp_path / f"out.{fmt}"
    code, _, err = _run("diff", str(seed_path), str(res_80_52_path), "--format", fmt, "-o", str(target))
    assert code == 0, err
    assert target.stat().st_size > 5000


@pytest.mark.shared
def test_the_real_report_shows_the_counts_of_compare(
    tmp_path: Path, seed_path: Path, res_80_52_path: Path
) -> None:
    from resdiff.normalize import normalize_path

    comparison = compare(normalize_path(seed_path).resolution, normalize_path(res_80_52_path).resolution)
    code, _, err = _run("report", str(seed_path), str(res_80_52_path), "-o", str(tmp_path / "report.html"))
    assert code == 0, err
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    for kind, count in comparison.summary().items():
        assert f'<td id="count-{kind}" class="count" data-kind="{kind}">{count}</td>' in page
    assert "A/RES/72/54 → A/RES/80/52" in page


def test_two_different_resolutions_get_a_caution_on_stderr(tmp_path: Path) -> None:
    """SYNTHETIC texts: the caution is a message (stderr); the data on stdout is unchanged."""
    lighthouses = Resolution(
        title="Synthetic lighthouses",
        clauses=(
            Clause("PP1", "Recalling the synthetic convention on lighthouses,"),
            Clause("OP1", "Decides to act."),
        ),
    )
    orchards = Resolution(
        title="Synthetic orchards",
        clauses=(
            Clause("PP1", "Recognizing the synthetic harvest of apples,"),
            Clause("OP1", "Urges all to plant."),
        ),
    )
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(canonical.dump(lighthouses), encoding="utf-8")
    new.write_text(canonical.dump(orchards), encoding="utf-8")
    code, out, err = _run("diff", str(old), str(new), "--format", "json")
    assert code == 0
    assert "have different titles and share only 0 of the 2 clauses of the shorter text" in err
    for name in ("caution.md", "caution.html", "caution.docx"):  # the circulated document says it too
        assert _run("report", str(old), str(new), "-o", str(tmp_path / name))[0] == 0
    assert "**Caution:**" in (tmp_path / "caution.md").read_text(encoding="utf-8")
    assert 'id="caution"' in (tmp_path / "caution.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "caution.docx") as package:
        assert "Caution: " in package.read("word/document.xml").decode("utf-8")
    assert json.loads(out)["summary"]["added"] == 2
    code, _, err = _run("diff", str(old), str(old))
    assert code == 0 and "warning" not in err


def _same_clauses(tmp_path: Path, field: str, old_value: str, new_value: str) -> tuple[Path, Path]:
    """Two SYNTHETIC texts with the same clauses, one metadata field corrected."""
    clauses = (
        Clause("PP1", "Recalling the synthetic convention on lighthouses,"),
        Clause("OP1", "Decides to act."),
    )
    paths = tmp_path / "old.txt", tmp_path / "new.txt"
    for path, value in zip(paths, (old_value, new_value), strict=True):
        resolution = Resolution(symbol="A/RES/90/1", clauses=clauses, **{field: value})
        path.write_text(canonical.dump(resolution), encoding="utf-8")
    return paths


def test_exit_code_counts_a_corrected_adoption_date(tmp_path: Path) -> None:
    """The same clauses, the adoption date corrected; the terminal header shows both dates."""
    old, new = _same_clauses(tmp_path, "adopted", "2035-12-04", "2035-12-05")
    code, out, _ = _run("diff", str(old), str(new), "--exit-code")
    assert code == 1
    assert out.startswith("A/RES/90/1 (2035-12-04) → A/RES/90/1 (2035-12-05)\n")
    assert _run("diff", str(old), str(old), "--exit-code")[0] == 0


@pytest.mark.parametrize(
    ("name", "start"), [("out.html", b"<!DOCTYPE html>"), ("out.md", b"# Changes"), ("out.docx", b"PK")]
)
def test_diff_to_a_file_takes_the_format_its_extension_names(
    tmp_path: Path, pair: tuple[str, str], name: str, start: bytes
) -> None:
    code, _, err = _run("diff", *pair, "-o", str(tmp_path / name))
    assert code == 0, err
    assert (tmp_path / name).read_bytes().startswith(start)
    code, _, _ = _run("diff", *pair, "-o", str(tmp_path / "out.diff"))  # any other: the terminal's plain text
    assert code == 0 and (tmp_path / "out.diff").read_text(encoding="utf-8").startswith("A/RES/")
    code, _, _ = _run("diff", *pair, "--format", "json", "-o", str(tmp_path / "forced.html"))  # --format wins
    assert code == 0 and (tmp_path / "forced.html").read_text(encoding="utf-8").startswith("{")


def test_a_corrected_agenda_item_is_named_where_exit_code_counts_it(tmp_path: Path) -> None:
    """Only the agenda item differs; every format says so, and JSON carries it."""
    old, new = _same_clauses(tmp_path, "agenda_item", "12", "13")
    code, out, _ = _run("diff", str(old), str(new), "--exit-code")
    assert code == 1 and "Also changed: agenda item 12 → 13." in out
    for fmt in ("markdown", "html"):
        assert "agenda item 12 → 13" in _run("diff", str(old), str(new), "--format", fmt)[1], fmt
    data = json.loads(_run("diff", str(old), str(new), "--format", "json")[1])
    assert (data["old"]["agenda_item"], data["new"]["agenda_item"]) == ("12", "13")
