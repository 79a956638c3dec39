"""``resdiff history``, ``blame`` and ``timeline`` on the command line, with the hand-written
SYNTHETIC series of tests/synthetic_history.py as files and in a corpus (a real git repository)."""

from __future__ import annotations

import json
import re
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
from resdiff.model import Resolution
from resdiff.refs import short_symbol
from resdiff.render.history import render_blame, render_history
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
    assert (code, out, err) == (0, "", f"resdiff: wrote {name} (3 versions, 14 lineages)\n")
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
        "    [v1]Expresses [v2]grave [v1]concern at the use of synthetic widgets in\n    populated areas;"
        in out
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


def test_a_draft_has_its_distribution_date_wherever_a_version_has_a_date(
    widgets: Path, tmp_path: Path
) -> None:
    """``series``, history's heading and stats, blame's legend, the timeline's column: "(?)" and a
    blank before."""
    draft = replace(
        SYNTHETIC_V3,
        symbol="A/C.1/93/L.7",
        adopted=None,
        distributed="2038-10-20",
        committee="First Committee",
    )
    assert cli("add", "--series", "widgets", str(write_synthetic(tmp_path / "draft", draft))).exit_code == 0
    series = run("series", "widgets")[1].splitlines()
    assert "  present  A/C.1/93/L.7\tdistributed 2038-10-20" in series
    assert "  present  A/RES/93/7\t2038-12-06" in series
    code, out, err = run("history", "90/7", "91/7", "A/C.1/93/L.7")
    assert code == 0, err
    assert out.startswith("A/RES/90/7 (2035-12-04) → A/C.1/93/L.7 (distributed 2038-10-20)\n")
    assert any(line.startswith("A/C.1/93/L.7  2038-10-20  ") for line in out.splitlines())  # the stats
    versions = json.loads(run("history", "widgets", "--format", "json")[1])["versions"]
    assert [v["distributed"] for v in versions] == [None, None, "2038-10-20", None]
    assert "    [v3] A/C.1/93/L.7 (2038)" in run("blame", "A/C.1/93/L.7")[1]
    assert run("timeline", "widgets", "-o", "t.svg")[0] == 0
    picture = Path("t.svg").read_text(encoding="utf-8")
    assert (
        ">2038 draft</text>" in picture and "<title>A/C.1/93/L.7 (distributed 2038-10-20)</title>" in picture
    )


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["history", "-o", "h.md"], "resdiff: wrote h.md (3 versions, 14 lineages)\n"),
        (["history", "-o", "h.txt"], "resdiff: wrote h.txt (3 versions, 14 lineages)\n"),
        (["blame", "-o", "b.html"], "resdiff: wrote b.html (12 clauses of A/RES/93/7, 3 versions)\n"),
    ],
)
def test_history_and_blame_say_what_they_wrote(files: list[str], command: list[str], said: str) -> None:
    code, out, err = run(command[0], *files, *command[1:])
    assert code == 0 and out == "" and err == said
    assert Path(command[-1]).stat().st_size > 0
    code, out, err = run(command[0], *files)  # to stdout: the data, and nothing said
    assert code == 0 and out and err == ""


def test_help_lists_every_exit_status() -> None:
    out = run("--help")[1]
    assert "0 success, 1 texts differ" in out and "130 interrupted (Ctrl-C)" in out and "141 when" in out


def _yearly(count: int) -> tuple[Resolution, ...]:
    """The SYNTHETIC series stretched to ``count`` yearly versions (the later ones unchanged)."""
    versions = list(SYNTHETIC_SERIES)
    for number in range(len(versions), count):
        session = 90 + number + 1
        versions.append(
            replace(
                SYNTHETIC_V3, symbol=f"A/RES/{session}/7", session=session, adopted=f"{session + 1945}-12-04"
            )
        )
    return tuple(versions)


@pytest.mark.parametrize("width", [80, 60, 132])
def test_the_terminal_history_fits_the_width_in_panels(width: int) -> None:
    """Twelve versions: the lineage table is wrapped into panels (lineage and origin in each), as
    are the stats and the legend; nothing is lost."""
    history = trace(_yearly(12))
    out = render_history(history, "terminal", width=width)
    lines = out.splitlines()
    assert max(map(len, lines)) <= width
    headings = [line for line in lines if line.startswith("lineage  origin")]
    assert len(headings) > 1 if width < 132 else len(headings) >= 1
    shown = [name for line in headings for name in line.split()[2:]]
    assert shown == [short_symbol(v.symbol) for v in history.versions]  # each column once, in order
    for lineage in history.lineages:  # every row in every panel
        assert sum(line.split()[:1] == [lineage.id] for line in lines) == len(headings)
    stats = [line for line in lines if line.startswith("version ")]
    assert " ".join(name for line in stats for name in line.split("  ")[1:] if name).split() == (
        "date clauses words added restored deleted modified carried over since first".split()
    )


@pytest.mark.parametrize("width", [80, 50])
def test_blame_wraps_to_the_width_and_keeps_its_indent(width: int) -> None:
    blame = trace(SYNTHETIC_SERIES).blame()
    out = render_blame(blame, "terminal", width=width)
    body = out.split("\n\n", 1)[1]
    for clause, block in zip(blame.clauses, body.split("\n\n"), strict=True):
        heading, *text = block.rstrip("\n").split("\n")
        assert heading.startswith(clause.key + "  origin")
        assert all(line.startswith("    ") and not line.startswith("     ") for line in text)
        # a line breaks only at a space: past the width goes only a word whose date changes inside it
        assert all(len(line) <= width or len(line[: line.rindex(" ")]) <= width for line in text)
        joined = re.sub(r"\[v[0-9]+\]", "", " ".join(line[4:] for line in text))
        assert joined == " ".join(clause.text.split())  # every word, in order
    assert len(render_blame(blame, "terminal", width=50).splitlines()) > len(
        render_blame(blame, "terminal").splitlines()
    )


def test_blame_colours_neighbouring_versions_apart_along_an_ordered_palette() -> None:
    from resdiff.render.history_terminal import _VIRIDIS_256, _palette

    for count in range(2, len(_VIRIDIS_256) + 1):
        codes = _palette(count)
        assert all(a != b for a, b in pairwise(codes)), count  # neighbours differ
        assert [_VIRIDIS_256.index(code) for code in codes] == sorted(_VIRIDIS_256.index(c) for c in codes)
        assert codes[0] == _VIRIDIS_256[0] and codes[-1] == _VIRIDIS_256[-1]  # the whole range
    colored = render_blame(trace(SYNTHETIC_SERIES).blame(), "terminal", color=True)
    assert "\x1b[48;5;53m" in colored and "\x1b[48;5;220m" in colored  # the oldest, the newest
