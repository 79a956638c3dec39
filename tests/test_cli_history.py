"""``resdiff history``, ``blame`` and ``timeline`` on the command line, with the hand-written
SYNTHETIC series of tests/synthetic_history.py as files and in a corpus (a real git repository)."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest

from corpus_synthetic import cli, make_corpus, write_synthetic
from resdiff import canonical
from resdiff.evolution import trace
from synthetic_history import SYNTHETIC_SERIES, SYNTHETIC_V1, SYNTHETIC_V2, SYNTHETIC_V3


def run(*args: str) -> tuple[int, str, str]:
    result = cli(*args)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The SYNTHETIC series as canonical files in the current folder, outside any corpus."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RESDIFF_CORPUS", raising=False)
    names = []
    for number, resolution in enumerate(SYNTHETIC_SERIES, start=1):
        name = f"v{number}.txt"
        (tmp_path / name).write_text(canonical.dump(resolution), encoding="utf-8")
        names.append(name)
    return names


@pytest.fixture
def widgets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus holding the SYNTHETIC series as the series ``widgets``; the current folder is outside it."""
    root = make_corpus(tmp_path)
    paths = [str(write_synthetic(tmp_path / "in", r)) for r in SYNTHETIC_SERIES]
    assert cli("add", "--corpus", str(root), "--series", "widgets", *paths).exit_code == 0
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RESDIFF_CORPUS", str(root))
    return root


def test_json_is_exactly_what_the_library_returns(files: list[str]) -> None:
    code, out, err = run("history", *files, "--format", "json")
    assert code == 0, err
    assert out == json.dumps(trace(SYNTHETIC_SERIES).to_json(), ensure_ascii=False, indent=2) + "\n"
    code, out, err = run("blame", *files, "--format", "json")
    assert code == 0, err
    assert out == json.dumps(trace(SYNTHETIC_SERIES).blame().to_json(), ensure_ascii=False, indent=2) + "\n"


def test_each_step_is_what_diff_prints_for_its_two_texts(files: list[str]) -> None:
    steps = json.loads(run("history", *files, "--format", "json")[1])["steps"]
    for step, (old, new) in zip(steps, pairwise(files), strict=True):
        diff = json.loads(run("diff", old, new, "--format", "json")[1])
        assert step["changes"] == diff["changes"]
        assert step["summary"] == diff["summary"]
        assert (step["old"], step["new"]) == (diff["old"]["symbol"], diff["new"]["symbol"])


def test_blame_spans_rebuild_every_clause_of_the_last_text(files: list[str]) -> None:
    blame = json.loads(run("blame", *files, "--format", "json")[1])
    assert blame["symbol"] == SYNTHETIC_V3.symbol
    assert blame["versions"] == [r.symbol for r in SYNTHETIC_SERIES]
    for clause in blame["clauses"]:
        assert "".join(span["text"] for span in clause["spans"]) == SYNTHETIC_V3.clause(clause["key"]).text
        assert {"key", "origin", "last_changed", "spans"} <= set(clause)


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("out.md", "# History: A/RES/90/7"),
        ("out.html", "<!DOCTYPE html>"),
        ("out.txt", "A/RES/90/7 (2035-12-04)"),
    ],
)
def test_the_output_files_extension_chooses_the_format(files: list[str], name: str, start: str) -> None:
    code, out, err = run("history", *files, "-o", name)
    assert (code, out, err) == (0, "", "")
    assert Path(name).read_text(encoding="utf-8").startswith(start)


def test_clause_shows_the_redline_of_every_step(files: list[str]) -> None:
    code, out, err = run("history", *files, "--clause", "OP4@93/7")
    assert code == 0, err
    assert "Expresses [-strong-]{+grave+} concern" in out
    assert out.startswith("OP4 in A/RES/93/7: lineage L7, origin A/RES/90/7")
    data = json.loads(run("history", *files, "--clause", "PP5", "--format", "json")[1])
    assert [v["kind"] for v in data["versions"]] == ["first", None, "restored"]
    assert data["steps"][0]["change"]["kind"] == "deleted"


def test_blame_terminal_marks_where_the_date_changes(files: list[str]) -> None:
    code, out, _ = run("blame", *files)
    assert code == 0
    assert (
        "    [v1]Expresses [v2]grave[v1] concern at the use of synthetic widgets in populated areas;" in out
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["history", "v1.txt"], "v1.txt is one text, not a series"),
        (["history", "v3.txt", "v1.txt"], "oldest first, but A/RES/93/7 comes after A/RES/90/7"),
        (["history", "v1.txt", "v1.txt"], "A/RES/90/7 is given twice"),
        (["history", "v1.txt", "v2.txt", "--clause", "OP9"], "'OP9' is not a clause of A/RES/91/7"),
        (["history", "v1.txt", "v2.txt", "-o", "out.docx"], "cannot tell the format of 'out.docx'"),
        (["blame", "v1.txt", "missing.txt"], "'missing.txt' is neither a file"),
        (["timeline", "v1.txt", "v2.txt", "-o", "out.png"], "cannot tell the format of 'out.png'"),
        (["history", "-", "-"], "only one REF can be '-'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(files: list[str], args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("resdiff: error: ") and message in err


def test_plain_files_learn_a_gap_from_the_newer_texts_lineage_paragraph(
    files: list[str], tmp_path: Path
) -> None:
    steps = json.loads(run("history", *files, "--format", "json")[1])["steps"]
    assert [s["skipped"] for s in steps] == [[], ["A/RES/92/7"]]
    unrecited = replace(SYNTHETIC_V3, clauses=SYNTHETIC_V3.clauses[1:])
    (tmp_path / "v3-bare.txt").write_text(canonical.dump(unrecited), encoding="utf-8")
    steps = json.loads(run("history", "v1.txt", "v3-bare.txt", "--format", "json")[1])["steps"]
    assert steps[0]["skipped"] == []


def test_a_series_in_the_corpus_is_traced_oldest_first(widgets: Path) -> None:
    code, out, err = run("history", "widgets", "--format", "json")
    assert code == 0, err
    assert [v["symbol"] for v in json.loads(out)["versions"]] == [r.symbol for r in SYNTHETIC_SERIES]
    assert json.loads(out) == trace(SYNTHETIC_SERIES).to_json()


def test_one_corpus_text_is_traced_from_its_series_first_member(widgets: Path) -> None:
    history = json.loads(run("history", "widgets@2036", "--format", "json")[1])
    assert [v["symbol"] for v in history["versions"]] == [SYNTHETIC_V1.symbol, SYNTHETIC_V2.symbol]
    blame = json.loads(run("blame", "93/7", "--format", "json")[1])
    assert blame == json.loads(run("blame", "widgets", "--format", "json")[1])
    assert blame["versions"] == [r.symbol for r in SYNTHETIC_SERIES]


def test_corpus_refs_learn_a_gap_from_the_series_index(widgets: Path, tmp_path: Path) -> None:
    """90/7 then a text reciting nothing: the index still knows 91/7 stands between them."""
    unrecited = replace(SYNTHETIC_V3, clauses=SYNTHETIC_V3.clauses[1:])
    bare = write_synthetic(tmp_path / "bare", unrecited)
    steps = json.loads(run("history", "90/7", str(bare), "--format", "json")[1])["steps"]
    assert steps[0]["skipped"] == ["A/RES/91/7", "A/RES/92/7"]  # the index's lineage: members and recitals
    assert json.loads(run("history", "90/7", "91/7", "93/7", "--format", "json")[1])["steps"][1][
        "skipped"
    ] == ["A/RES/92/7"]


def test_a_series_of_one_text_says_how_to_go_on(widgets: Path) -> None:
    code, _, err = run("history", "90/7")
    assert code == 2
    assert err == (
        "resdiff: error: A/RES/90/7 in series widgets has no earlier text in the corpus to trace it from; "
        "add earlier years with 'resdiff add', or give the versions as files, oldest first\n"
    )


def test_timeline_writes_a_self_contained_svg_and_page(files: list[str]) -> None:
    code, out, err = run("timeline", *files, "-o", "t.svg")
    assert (code, out) == (0, "")
    assert err == "resdiff: wrote t.svg (3 versions, 14 lineages)\n"
    root = ElementTree.fromstring(Path("t.svg").read_text(encoding="utf-8"))
    groups = root.findall(".//{http://www.w3.org/2000/svg}g[@class='lineage']")
    assert [g.get("id") for g in groups] == [lineage.id for lineage in trace(SYNTHETIC_SERIES).lineages]
    assert run("timeline", *files, "-o", "t.html")[0] == 0
    page = Path("t.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg " in page
    assert "http" not in page.replace("http://www.w3.org/2000/svg", "").replace("http://example.org", "")


def test_the_diff_command_loads_none_of_the_history_machinery(tmp_path: Path, files: list[str]) -> None:
    program = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from resdiff.cli import main\n"
        f"result = CliRunner().invoke(main, ['diff', {files[0]!r}, {files[1]!r}, '--format', 'json'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    modules = set(done.stdout.split())
    assert "resdiff.cli.history_commands" not in modules  # commands load on first use
    lazy = {"resdiff.evolution", "resdiff.blame", "resdiff.render.history", "resdiff.render.timeline"}
    assert not lazy & modules


def test_a_draft_is_accepted_wherever_a_symbol_is(widgets: Path, tmp_path: Path) -> None:
    """A SYNTHETIC First Committee draft of 93/7 in the series: it sorts before the year's resolution."""
    draft = replace(SYNTHETIC_V3, symbol="A/C.1/93/L.7", adopted=None, committee="First Committee")
    added = cli("add", "--series", "widgets", str(write_synthetic(tmp_path / "draft", draft)))
    assert added.exit_code == 0, added.stderr
    history = json.loads(run("history", "widgets", "--format", "json")[1])
    order = ["A/RES/90/7", "A/RES/91/7", "A/C.1/93/L.7", "A/RES/93/7"]
    assert [v["symbol"] for v in history["versions"]] == order
    assert [s["skipped"] for s in history["steps"]] == [[], ["A/RES/92/7"], []]
    code, out, err = run("history", "widgets", "--clause", "OP4@a/c.1/93/l.7")
    assert code == 0, err
    assert out.startswith("OP4 in A/C.1/93/L.7: lineage L7, origin A/RES/90/7")
    blame = json.loads(run("blame", "A/C.1/93/L.7", "--format", "json")[1])
    assert blame["versions"] == order[:3]
    assert run("timeline", "widgets", "-o", "t.svg")[0] == 0
    assert ">draft</text>" in Path("t.svg").read_text(encoding="utf-8")
