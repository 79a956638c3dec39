"""``resdiff init`` and ``resdiff add``: commits, re-adds, corrections, series, refusals, rollback.

All texts are synthetic (see corpus_synthetic); every test uses a real git repository in tmp_path.
"""

from __future__ import annotations

import json
from pathlib import Path

import git
import pytest

from corpus_synthetic import (
    SYNTHETIC_TITLE,
    clean,
    cli,
    commits,
    make_corpus,
    synthetic_resolution,
    write_synthetic,
)
from resdiff import canonical
from resdiff.corpus import MARKER, Corpus, add_files, journal


def test_init_creates_a_committed_empty_corpus(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    assert (root / MARKER).is_file()
    assert git.Repo(root).working_tree_dir == str(root)
    assert [c.message.strip() for c in commits(root)] == ["resdiff: create the corpus"]
    assert cli("list", "--corpus", str(root), "--format", "json").stdout.strip() == "[]"
    assert cli("init", str(root)).exit_code == 2


def test_init_inside_a_repository_reuses_it(tmp_path: Path) -> None:
    git.Repo.init(tmp_path)
    root = tmp_path / "corpus"
    assert cli("init", str(root)).exit_code == 0
    assert not (root / ".git").exists()
    assert commits(tmp_path)[0].stats.files.keys() == {"corpus/.resdiff-corpus"}


def test_add_commits_the_text_and_the_series_index_is_derived_from_it(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    source = write_synthetic(tmp_path / "in", synthetic_resolution(91, 7))
    result = cli("add", "--corpus", str(root), "--series", "widgets", str(source))
    assert result.exit_code == 0, result.output
    assert "added\tA/RES/91/7\twidgets/A_RES_91_7.txt" in result.output
    stored = root / "widgets" / "A_RES_91_7.txt"
    assert stored.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    assert not (root / "widgets" / "series.json").exists()  # derived data: never committed
    series = cli("series", "widgets", "--format", "json", "--corpus", str(root))
    [index] = json.loads(series.output)
    assert index["title"] == SYNTHETIC_TITLE
    assert [m["file"] for m in index["members"]] == ["A_RES_91_7.txt"]
    head = commits(root)[0]
    assert "A/RES/91/7" in str(head.message)
    assert set(head.stats.files) == {"widgets/A_RES_91_7.txt"}
    assert clean(root)


def test_readding_the_same_text_makes_no_commit(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    source = write_synthetic(tmp_path / "in", synthetic_resolution(91, 7))
    cli("add", "--corpus", str(root), str(source))
    before = len(commits(root))
    result = cli("add", "--corpus", str(root), str(source))
    assert result.exit_code == 0
    assert "unchanged\tA/RES/91/7" in result.output
    assert "nothing to commit" in result.output
    assert len(commits(root)) == before


def test_a_different_text_needs_replace_and_keeps_history(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    first = synthetic_resolution(91, 7, operative=("Synthetic decision one;", "Synthetic decision two;"))
    cli("add", "--corpus", str(root), str(write_synthetic(tmp_path / "a", first)))
    corrected = synthetic_resolution(
        91, 7, operative=("Synthetic decision one, corrected;", "Synthetic decision two;", "Synthetic three;")
    )
    source = write_synthetic(tmp_path / "b", corrected)
    refused = cli("add", "--corpus", str(root), str(source))
    assert refused.exit_code == 2
    assert "--replace" in refused.output
    assert clean(root)

    replaced = cli("add", "--corpus", str(root), "--replace", "-m", "Fix a synthetic typo", str(source))
    assert replaced.exit_code == 0, replaced.output
    assert "replaced\tA/RES/91/7" in replaced.output
    head = commits(root)[0]
    assert str(head.message).startswith("Fix a synthetic typo\n")
    assert "A/RES/91/7" in str(head.message)

    log = cli("log", "--corpus", str(root), "91/7")
    assert log.exit_code == 0, log.output
    lines = log.output.splitlines()
    assert "Fix a synthetic typo" in lines[0]
    assert "    changed: OP1" in lines
    assert "    added: OP3" in lines
    assert "resdiff: add A/RES/91/7" in log.output

    previous = cli("show", "--corpus", str(root), "91/7@HEAD~1")
    assert previous.output == canonical.dump(first)


def test_series_by_citation_then_by_title_then_new(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    base = synthetic_resolution(91, 7, recalls=((88, 5, "2033-12-03"),))
    cli("add", "--corpus", str(root), "--series", "widgets", str(write_synthetic(tmp_path / "a", base)))
    # recites a member (91/7) under another title: joins by citation
    citing = synthetic_resolution(93, 2, title="Synthetic renamed widgets", recalls=((91, 7, "2036-12-02"),))
    # shares the title, cites nothing: joins by title
    titled = synthetic_resolution(95, 1)
    # neither: a new series named after its title
    other = synthetic_resolution(94, 3, title="Synthetic gadget registry")
    paths = [write_synthetic(tmp_path / "b", r) for r in (citing, titled, other)]
    result = cli("add", "--corpus", str(root), *map(str, paths))
    assert result.exit_code == 0, result.output
    assert "added\tA/RES/93/2\twidgets/A_RES_93_2.txt" in result.output
    assert "added\tA/RES/95/1\twidgets/A_RES_95_1.txt" in result.output
    assert "added\tA/RES/94/3\tsynthetic-gadget-registry/A_RES_94_3.txt" in result.output
    assert len(commits(root)) == 3  # init, first add, one commit for the three texts
    series = cli("series", "--corpus", str(root), "widgets")
    assert series.output.splitlines() == [
        "widgets: Synthetic cooperation on widget safety",
        "  missing  A/RES/88/5\t2033-12-03",
        f"  present  A/RES/91/7\t{base.adopted}",
        f"  present  A/RES/93/2\t{citing.adopted}",
        f"  present  A/RES/95/1\t{titled.adopted}",
    ]


def test_reciting_only_a_missing_ancestor_does_not_join_a_series(tmp_path: Path) -> None:
    """A shared ancestor is weak evidence (many texts recall the same landmark resolution)."""
    root = make_corpus(tmp_path)
    base = synthetic_resolution(91, 7, recalls=((88, 5, "2033-12-03"),))
    cli("add", "--corpus", str(root), "--series", "widgets", str(write_synthetic(tmp_path / "a", base)))
    cousin = synthetic_resolution(93, 2, title="Synthetic cousin", recalls=((88, 5, "2033-12-03"),))
    result = cli("add", "--corpus", str(root), str(write_synthetic(tmp_path / "b", cousin)))
    assert "synthetic-cousin/A_RES_93_2.txt" in result.output


def test_texts_of_one_call_see_each_others_new_series(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    first = synthetic_resolution(91, 7, title="Synthetic first title")
    renamed = synthetic_resolution(92, 1, title="Synthetic second title", recalls=((91, 7, "2036-12-02"),))
    paths = [write_synthetic(tmp_path / "in", r) for r in (renamed, first)]
    result = cli("add", "--corpus", str(root), *map(str, paths))
    assert result.output.splitlines()[:2] == [
        "added\tA/RES/91/7\tsynthetic-first-title/A_RES_91_7.txt",
        "added\tA/RES/92/1\tsynthetic-first-title/A_RES_92_1.txt",
    ]


def test_a_new_series_name_never_merges_two_titles(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    stem = "Synthetic convention on the prohibition of the development production and stockpiling"
    one = synthetic_resolution(91, 7, title=f"{stem} of widgets")
    two = synthetic_resolution(91, 8, title=f"{stem} of gadgets")
    paths = [write_synthetic(tmp_path / "in", r) for r in (one, two)]
    lines = cli("add", "--corpus", str(root), *map(str, paths)).output.splitlines()
    slug = "synthetic-convention-prohibition-development-production"
    assert lines[:2] == [
        f"added\tA/RES/91/7\t{slug}/A_RES_91_7.txt",
        f"added\tA/RES/91/8\t{slug}-2/A_RES_91_8.txt",
    ]


def test_a_text_cited_by_a_series_member_joins_that_series(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    newer = synthetic_resolution(93, 2, recalls=((91, 7, "2036-12-02"),))
    cli("add", "--corpus", str(root), "--series", "widgets", str(write_synthetic(tmp_path / "a", newer)))
    older = synthetic_resolution(91, 7, title="Synthetic older title")
    result = cli("add", "--corpus", str(root), str(write_synthetic(tmp_path / "b", older)))
    assert "widgets/A_RES_91_7.txt" in result.output


def test_two_linked_series_need_an_explicit_choice(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    one = synthetic_resolution(91, 7, title="Synthetic one")
    two = synthetic_resolution(92, 8, title="Synthetic two")
    cli("add", "--corpus", str(root), "--series", "one", str(write_synthetic(tmp_path / "a", one)))
    cli("add", "--corpus", str(root), "--series", "two", str(write_synthetic(tmp_path / "b", two)))
    both = synthetic_resolution(93, 1, recalls=((91, 7, "2036-12-02"), (92, 8, "2037-12-03")))
    result = cli("add", "--corpus", str(root), str(write_synthetic(tmp_path / "c", both)))
    assert result.exit_code == 2
    assert "one, two" in result.output and "--series" in result.output


@pytest.mark.parametrize("symbol", ["A/RES/72/54/../../x", "/etc/passwd", "../../outside", "A/RES/72/54/x"])
def test_refused_symbols_write_nothing(tmp_path: Path, symbol: str) -> None:
    root = make_corpus(tmp_path)
    source = write_synthetic(
        tmp_path / "in", synthetic_resolution(91, 7, symbol=symbol), name="synthetic.txt"
    )
    result = cli("add", "--corpus", str(root), "--series", "widgets", str(source))
    assert result.exit_code == 2
    assert "refusing the symbol" in result.output
    assert sorted(p.name for p in tmp_path.rglob("*") if ".git" not in p.parts) == sorted(
        ["corpus", ".resdiff-corpus", "in", "synthetic.txt"]
    )
    assert len(commits(root)) == 1


def test_refused_series_names(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    source = write_synthetic(tmp_path / "in", synthetic_resolution(91, 7))
    result = cli("add", "--corpus", str(root), "--series", "../escape", str(source))
    assert result.exit_code == 2
    assert "refusing the series name" in result.output


def test_add_refuses_to_overwrite_uncommitted_changes_and_says_how_to_proceed(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    cli("add", "--corpus", str(root), str(write_synthetic(tmp_path / "a", synthetic_resolution(91, 7))))
    stored = next(root.glob("*/A_RES_91_7.txt"))
    edited = stored.read_text(encoding="utf-8") + "OP9 synthetic hand edit\n"
    stored.write_text(edited, encoding="utf-8")
    corrected = synthetic_resolution(91, 7, operative=("Synthetic corrected decision;",))
    result = cli("add", "--replace", "--corpus", str(root), str(write_synthetic(tmp_path / "b", corrected)))
    assert result.exit_code == 2
    assert "uncommitted changes" in result.output and "git checkout --" in result.output
    assert stored.read_text(encoding="utf-8") == edited
    # a text the add does not write is left as it is, and not committed
    other = cli(
        "add", "--corpus", str(root), str(write_synthetic(tmp_path / "c", synthetic_resolution(92, 1)))
    )
    assert other.exit_code == 0, other.output
    assert stored.read_text(encoding="utf-8") == edited
    assert "A_RES_91_7.txt" not in str(commits(root)[0].stats.files)


def test_inside_a_larger_repository_only_corpus_files_are_committed(tmp_path: Path) -> None:
    repo = git.Repo.init(tmp_path)
    (tmp_path / "staged.txt").write_text("staged by the user\n", encoding="utf-8")
    (tmp_path / "dirty.txt").write_text("not staged\n", encoding="utf-8")
    root = tmp_path / "corpus"
    assert cli("init", str(root)).exit_code == 0
    repo.index.add(["staged.txt"])
    source = write_synthetic(tmp_path / "inputs", synthetic_resolution(91, 7))
    result = cli("add", "--corpus", str(root), str(source))
    assert result.exit_code == 0, result.output
    for commit in commits(tmp_path):
        assert all(path.startswith("corpus/") for path in commit.stats.files)
    status = repo.git.status("--porcelain").splitlines()
    assert "A  staged.txt" in status  # still staged, not committed
    assert "?? dirty.txt" in status


def test_the_author_defaults_to_resdiff_without_git_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    root = make_corpus(tmp_path)
    cli("add", "--corpus", str(root), str(write_synthetic(tmp_path / "a", synthetic_resolution(91, 7))))
    head = commits(root)[0]
    assert (head.author.name, head.author.email) == ("resdiff", "resdiff@localhost")
    with git.Repo(root).config_writer() as config:
        config.set_value("user", "name", "Synthetic Editor")
        config.set_value("user", "email", "editor@example.org")
    cli("add", "--corpus", str(root), str(write_synthetic(tmp_path / "b", synthetic_resolution(92, 1))))
    assert commits(root)[0].author.name == "Synthetic Editor"


def test_an_interrupted_add_leaves_the_corpus_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_corpus(tmp_path)
    first = synthetic_resolution(91, 7)
    cli("add", "--corpus", str(root), "--series", "widgets", str(write_synthetic(tmp_path / "a", first)))
    snapshot = {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and ".git" not in p.parts}

    def interrupted(name: str) -> None:
        if name == "commit written":  # the last step before HEAD moves
            raise KeyboardInterrupt

    monkeypatch.setattr(journal, "checkpoint", interrupted)
    corrected = synthetic_resolution(91, 7, operative=("Synthetic corrected decision;",))
    newcomer = synthetic_resolution(92, 1)
    paths = [write_synthetic(tmp_path / "b", r) for r in (corrected, newcomer)]
    with pytest.raises(KeyboardInterrupt):
        add_files(Corpus.open(root), paths, replace=True)
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and ".git" not in p.parts} == snapshot
    assert clean(root)
    assert len(commits(root)) == 2
