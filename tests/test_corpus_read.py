"""Reading the corpus: ``list``, ``show`` with every REF form, ``series``, errors, and no GitPython import.

All texts are synthetic (see corpus_synthetic); the corpus is a real git repository in tmp_path.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_synthetic import cli, make_corpus, run_python, run_resdiff, synthetic_resolution, write_synthetic
from resdiff import canonical
from resdiff.corpus import Corpus, find_corpus, resolve_ref
from resdiff.errors import RefError

FIRST = synthetic_resolution(91, 7, adopted="2036-12-02", recalls=((88, 5, "2033-12-03"),))
SECOND = synthetic_resolution(
    92, 4, adopted="2037-12-05", recalls=((88, 5, "2033-12-03"), (91, 7, "2036-12-02"))
)
CORRECTED = synthetic_resolution(
    92,
    4,
    adopted="2037-12-05",
    recalls=((88, 5, "2033-12-03"), (91, 7, "2036-12-02")),
    operative=("Synthetic corrected decision;",),
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """widgets: 91/7 (2036) and 92/4 (2037, then corrected)."""
    root = make_corpus(tmp_path)
    paths = [write_synthetic(tmp_path / "in", r) for r in (FIRST, SECOND)]
    assert cli("add", "--corpus", str(root), "--series", "widgets", *map(str, paths)).exit_code == 0
    fixed = write_synthetic(tmp_path / "fixed", CORRECTED)
    assert cli("add", "--corpus", str(root), "--replace", str(fixed)).exit_code == 0
    return root


def test_list_text_and_json(root: Path) -> None:
    text = cli("list", "--corpus", str(root)).output.splitlines()
    assert text == [
        "series\tsymbol\tsession\tadopted\tPP\tOP\tsub\tFN",
        "widgets\tA/RES/91/7\t91\t2036-12-02\t1\t1\t0\t0",
        "widgets\tA/RES/92/4\t92\t2037-12-05\t1\t1\t0\t0",
    ]
    rows = json.loads(cli("list", "widgets", "--corpus", str(root), "--format", "json").output)
    assert rows[0] == {
        "series": "widgets",
        "symbol": "A/RES/91/7",
        "session": 91,
        "adopted": "2036-12-02",
        "title": FIRST.title,
        "file": "widgets/A_RES_91_7.txt",
        "clauses": {
            "preambular": 1,
            "operative": 1,
            "subparagraph": 0,
            "footnote": 0,
            "heading": 0,
            "paragraph": 0,
            "text": 0,
        },
    }
    assert cli("list", "gadgets", "--corpus", str(root)).exit_code == 2


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("A/RES/91/7", FIRST),
        ("91/7", FIRST),
        ("a/res/91/7", FIRST),
        ("A_RES_91_7", FIRST),
        ("widgets@2036", FIRST),
        ("widgets@2037", CORRECTED),
        ("92/4@HEAD~1", SECOND),
        ("A/RES/92/4@HEAD", CORRECTED),
        ("widgets@2037@HEAD~1", SECOND),
    ],
)
def test_show_every_ref_form(root: Path, ref: str, expected: object) -> None:
    result = cli("show", "--corpus", str(root), ref)
    assert result.exit_code == 0, result.output
    assert result.output == canonical.dump(expected)  # type: ignore[arg-type]


def test_show_a_file_path_anywhere_and_at_a_revision(root: Path, tmp_path: Path) -> None:
    outside = write_synthetic(tmp_path / "elsewhere", synthetic_resolution(99, 9))
    assert cli("show", str(outside)).output == outside.read_text(encoding="utf-8")
    stored = root / "widgets" / "A_RES_92_4.txt"
    assert cli("show", str(stored)).output == canonical.dump(CORRECTED)
    assert cli("show", f"{stored}@HEAD~1").output == canonical.dump(SECOND)


def test_show_and_add_read_stdin(root: Path) -> None:
    text = canonical.dump(synthetic_resolution(99, 9))
    assert cli("show", "-", stdin=text).output == text
    added = cli("add", "--corpus", str(root), "-", stdin=text)
    assert "added\tA/RES/99/9" in added.output


def test_show_json_is_the_normalize_json_shape(root: Path) -> None:
    result = cli("show", "--corpus", str(root), "--format", "json", "91/7")
    assert json.loads(result.output) == FIRST.to_json()


def test_show_json_of_a_file_is_what_normalize_prints(tmp_path: Path) -> None:
    path = write_synthetic(tmp_path, synthetic_resolution(99, 9))
    assert (
        cli("show", "--format", "json", str(path)).output
        == cli("normalize", "--format", "json", str(path)).output
    )


def test_resolve_ref_works_without_a_corpus_for_files(tmp_path: Path) -> None:
    path = write_synthetic(tmp_path, synthetic_resolution(99, 9))
    assert resolve_ref(str(path), None) == synthetic_resolution(99, 9)
    with pytest.raises(RefError, match="no corpus"):
        resolve_ref("99/9", None)


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("91/8", "A/RES/91/8 is not in the corpus; closest: A/RES/91/7, .*; to compare it, add its text"),
        ("widget@2036", "no series 'widget'.*closest: widgets"),
        ("widgets@2040", "series widgets has no text of 2040; it has texts of 2036, 2037"),
        ("widgets@99999", "series widgets has no text of 99999; it has texts of 2036, 2037"),
        (
            "widgets",
            "ambiguous: series widgets holds widgets@2036 \\(A/RES/91/7\\), widgets@2037 \\(A/RES/92/4\\)",
        ),
        ("91/7@no-such-rev", "'no-such-rev' is not a revision"),
        ("no such file.txt", "neither a file, a symbol"),
    ],
)
def test_unknown_and_ambiguous_refs_name_the_closest_matches(root: Path, ref: str, message: str) -> None:
    result = cli("show", "--corpus", str(root), ref)
    assert result.exit_code == 2
    assert result.output.startswith("resdiff: error: ")
    assert len(result.output.splitlines()) == 1
    with pytest.raises(RefError, match=message):
        resolve_ref(ref, Corpus.open(root))


def test_two_members_adopted_in_one_year_are_ambiguous(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    paths = [
        write_synthetic(tmp_path / "in", synthetic_resolution(91, n, adopted=f"2036-0{n}-01")) for n in (1, 2)
    ]
    cli("add", "--corpus", str(root), "--series", "widgets", *map(str, paths))
    with pytest.raises(RefError, match="ambiguous"):
        resolve_ref("widgets@2036", Corpus.open(root))


def test_a_symbol_with_several_stored_parts_is_ambiguous(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    parts = [synthetic_resolution(91, 7, symbol=f"A/RES/91/7 {part}") for part in "AB"]
    paths = [write_synthetic(tmp_path / "in", r) for r in parts]
    assert cli("add", "--corpus", str(root), "--series", "widgets", *map(str, paths)).exit_code == 0
    with pytest.raises(RefError, match="ambiguous: the corpus holds the parts A/RES/91/7 A, A/RES/91/7 B"):
        resolve_ref("91/7", Corpus.open(root))
    assert resolve_ref("91/7b", Corpus.open(root)) == parts[1]


def test_series_json_gives_members_and_lineage(root: Path) -> None:
    data = json.loads(cli("series", "--corpus", str(root), "--format", "json").output)
    assert [e["symbol"] for e in data[0]["lineage"]] == ["A/RES/88/5", "A/RES/91/7", "A/RES/92/4"]
    assert [e["present"] for e in data[0]["lineage"]] == [False, True, True]


def test_finding_the_corpus(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nested = root / "widgets"
    assert find_corpus(None, cwd=nested) == Corpus(root)  # walking up from inside
    assert find_corpus(None, cwd=tmp_path) == Corpus(root)  # a project's corpus/ folder
    monkeypatch.setenv("RESDIFF_CORPUS", str(root))
    monkeypatch.chdir(tmp_path.parent)
    assert find_corpus() == Corpus(root)
    assert cli("show", "91/7").output == canonical.dump(FIRST)
    monkeypatch.setenv("RESDIFF_CORPUS", str(tmp_path / "nowhere"))
    result = cli("show", "91/7")
    assert result.exit_code == 2 and "resdiff init" in result.output


_NO_GIT = (
    "import sys\n"
    "from resdiff.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "except SystemExit as end:\n"
    "    assert not end.code, end.code\n"
    "assert 'git' not in sys.modules, 'git was imported'\n"
    "print('no git')\n"
)


@pytest.mark.parametrize(
    "args",
    [("list",), ("list", "--format", "json"), ("show", "91/7"), ("show", "widgets@2036", "--format", "json")],
)
def test_reading_commands_do_not_import_gitpython(root: Path, args: tuple[str, ...]) -> None:
    result = run_python(_NO_GIT, *args, "--corpus", str(root))
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("no git\n")


def test_showing_a_file_does_not_import_gitpython(tmp_path: Path) -> None:
    path = write_synthetic(tmp_path, synthetic_resolution(99, 9))
    result = run_python(_NO_GIT, "show", str(path))
    assert result.returncode == 0, result.stderr


def test_a_folder_that_is_not_a_corpus_is_refused(tmp_path: Path) -> None:
    result = run_resdiff("show", "--corpus", str(tmp_path), "91/7")
    assert result.returncode == 2
    assert "is not a resdiff corpus" in result.stderr


@pytest.mark.parametrize(
    ("character", "name"),
    [
        ("\r", "the control character U+000D"),
        ("\x9b", "the control character U+009B"),
        ("\u202e", "the bidirectional control U+202E"),
        ("\ufdd0", "the noncharacter U+FDD0"),
    ],
)
def test_a_corpus_text_holding_an_unsafe_character_is_one_line_naming_it(
    root: Path, character: str, name: str
) -> None:
    """A carriage return in a clause (someone's editor) gave a traceback in ``show``; a C1 control, a
    bidirectional override or a noncharacter reached the terminal raw."""
    path = root / "widgets" / "A_RES_91_7.txt"
    path.write_bytes(path.read_bytes().replace(b"Synthetic", character.encode() + b"Synthetic", 1))
    for args in (["show", "91/7"], ["diff", "91/7", "92/4"]):
        result = cli(*args, "--corpus", str(root))  # an exception would propagate: no traceback
        assert result.exit_code == 2
        assert "widgets/A_RES_91_7.txt is damaged (line " in result.stderr
        assert f" holds {name}; remove it)" in result.stderr
        assert character not in result.output
