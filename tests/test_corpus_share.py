"""A corpus shared through a git remote: two analysts clone one corpus, add texts, pull and push
with plain git, and resdiff follows.

The remote is a real bare repository in tmp_path; every git and resdiff command is a real process.
Adds to different texts (one series or two) merge with no conflict in either merge order and
through a rebase, since the series index is derived from the texts and never committed. Two
corrections of one text conflict as git conflicts; ``resdiff conflicts`` shows them clause by
clause and takes a side. The texts are SYNTHETIC (corpus_synthetic).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from corpus_synthetic import make_corpus, run_resdiff, synthetic_source

IDENTITY = {
    "GIT_AUTHOR_NAME": "Synthetic Analyst",
    "GIT_AUTHOR_EMAIL": "analyst@example.invalid",
    "GIT_COMMITTER_NAME": "Synthetic Analyst",
    "GIT_COMMITTER_EMAIL": "analyst@example.invalid",
    "GIT_EDITOR": "true",
}


def _git(repo: Path, *args: str, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **IDENTITY},
        timeout=120,
    )
    assert done.returncode in ok, (args, done.stdout, done.stderr)
    return done


def _resdiff(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_resdiff(*args, "--corpus", str(repo), env=IDENTITY)


def _add(repo: Path, tmp: Path, name: str, text: str, *options: str) -> None:
    path = tmp / "in" / repo.name / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    added = _resdiff(repo, "add", *options, str(path))
    assert added.returncode == 0, added.stderr


@pytest.fixture
def team(tmp_path: Path) -> tuple[Path, Path]:
    """A bare remote holding a corpus of one text, and two analysts' clones of it."""
    remote = tmp_path / "remote.git"
    _git(tmp_path, "init", "-q", "--bare", str(remote))
    _git(remote, "symbolic-ref", "HEAD", "refs/heads/main")
    first = make_corpus(tmp_path / "first")
    _add(first, tmp_path, "synthetic_91_7.txt", synthetic_source(91, 7), "--series", "widgets")
    _git(first, "push", "-q", str(remote), "HEAD:refs/heads/main")
    clones = []
    for name in ("ana", "ben"):
        _git(tmp_path, "clone", "-q", str(remote), str(tmp_path / name))
        clones.append(tmp_path / name)
    return clones[0], clones[1]


def _series(repo: Path) -> dict[str, list[str]]:
    listed = _resdiff(repo, "series", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    return {index["slug"]: [m["symbol"] for m in index["members"]] for index in json.loads(listed.stdout)}


def _two_adds(ana: Path, ben: Path, tmp: Path) -> None:
    """Ana adds a text to the widgets series; Ben adds another to it, and one of a new series."""
    _add(ana, tmp, "synthetic_92_1.txt", synthetic_source(92, 1, recalls=((91, 7, "2036-12-08"),)))
    _add(ben, tmp, "synthetic_92_5.txt", synthetic_source(92, 5, recalls=((91, 7, "2036-12-08"),)))
    _add(ben, tmp, "synthetic_92_9.txt", synthetic_source(92, 9, title="Synthetic gadget registry"))


@pytest.mark.parametrize("first_to_push", ["ana", "ben"])
def test_adds_to_one_series_and_to_two_merge_with_no_conflict_in_either_order(
    team: tuple[Path, Path], tmp_path: Path, first_to_push: str
) -> None:
    ana, ben = team
    _two_adds(ana, ben, tmp_path)
    pusher, puller = (ana, ben) if first_to_push == "ana" else (ben, ana)
    _git(pusher, "push", "-q", "origin", "main")
    pulled = _git(puller, "pull", "--no-rebase", "--no-edit", "origin", "main")
    assert "CONFLICT" not in pulled.stdout
    _git(puller, "push", "-q", "origin", "main")
    _git(pusher, "pull", "-q", "--no-rebase", "origin", "main")
    for repo in (ana, ben):
        assert _series(repo) == {
            "widgets": ["A/RES/91/7", "A/RES/92/1", "A/RES/92/5"],
            "synthetic-gadget-registry": ["A/RES/92/9"],
        }
        checked = _resdiff(repo, "verify")
        assert checked.returncode == 0, checked.stdout + checked.stderr
    assert not list(ana.rglob("series.json"))


def test_a_rebase_of_concurrent_adds_replays_with_no_conflict(
    team: tuple[Path, Path], tmp_path: Path
) -> None:
    ana, ben = team
    _two_adds(ana, ben, tmp_path)
    _git(ana, "push", "-q", "origin", "main")
    rebased = _git(ben, "pull", "--rebase", "origin", "main")
    assert "CONFLICT" not in rebased.stdout + rebased.stderr
    assert len(_git(ben, "log", "--format=%H").stdout.split()) == 5  # init, 91/7, ana's, ben's two
    assert _series(ben)["widgets"] == ["A/RES/91/7", "A/RES/92/1", "A/RES/92/5"]
    checked = _resdiff(ben, "verify")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def _corrections(ana: Path, ben: Path, tmp: Path) -> None:
    """Ana and Ben each correct the same clause of 91/7, differently."""
    for repo, wording in ((ana, "Decides to keep synthetic widgets very safe;"), (ben, "Decides anew;")):
        _add(repo, tmp, "synthetic_91_7.txt", synthetic_source(91, 7, operative=(wording,)), "--replace")


def test_two_corrections_of_one_clause_conflict_and_are_shown_and_resolved_clause_by_clause(
    team: tuple[Path, Path], tmp_path: Path
) -> None:
    ana, ben = team
    _corrections(ana, ben, tmp_path)
    _git(ana, "push", "-q", "origin", "main")
    pulled = _git(ben, "pull", "--no-rebase", "origin", "main", ok=(1,))
    assert "CONFLICT" in pulled.stdout and "widgets/A_RES_91_7.txt" in pulled.stdout
    # reading commands name the conflict and the way through it, never "restore it from git"
    shown = _resdiff(ben, "show", "91/7")
    assert shown.returncode == 2 and shown.stderr.count("\n") == 1
    assert (
        "is in conflict (a git merge is in progress)" in shown.stderr and "resdiff conflicts" in shown.stderr
    )
    listed = _resdiff(ben, "list")
    assert listed.returncode == 0 and "widgets/A_RES_91_7.txt is in conflict" in listed.stderr
    checked = _resdiff(ben, "verify")
    assert checked.returncode == 1
    assert "widgets/A_RES_91_7.txt: in conflict (a git merge is in progress" in checked.stdout
    for result in (shown, listed, checked):
        assert "restore" not in result.stdout + result.stderr
    refused = _resdiff(ben, "add", str(tmp_path / "in" / "ben" / "synthetic_91_7.txt"))
    assert refused.returncode == 2 and "a git merge is in progress" in refused.stderr
    # clause by clause: OP1 and the source line changed on both sides
    report = _resdiff(ben, "conflicts", "--format", "json")
    assert report.returncode == 0, report.stderr
    [conflict] = json.loads(report.stdout)["conflicts"]
    assert conflict["symbol"] == "A/RES/91/7" and conflict["path"] == "widgets/A_RES_91_7.txt"
    by_key = {d["key"]: d for d in conflict["differences"]}
    assert set(by_key) == {"source", "OP1"}
    assert by_key["OP1"]["both_changed"]
    assert by_key["OP1"]["ours"] == "*Decides* anew;" and "very safe" in by_key["OP1"]["theirs"]
    assert by_key["OP1"]["base"] == "*Decides* to keep synthetic widgets safe;"
    terminal = _resdiff(ben, "conflicts")
    assert "  OP1: changed on both sides" in terminal.stdout and "--take ours|theirs" in terminal.stderr
    # take theirs (Ana's), commit the merge: the corpus is whole again, explained by Ana's source
    taken = _resdiff(ben, "conflicts", "--take", "theirs", "91/7")
    assert taken.returncode == 0, taken.stderr
    assert "widgets/A_RES_91_7.txt: took theirs" in taken.stderr
    _git(ben, "commit", "-q", "--no-edit")
    assert "very safe" in _resdiff(ben, "show", "91/7").stdout
    checked = _resdiff(ben, "verify")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "nothing is in conflict" in _resdiff(ben, "conflicts").stderr


def test_a_correction_conflict_in_a_rebase_is_shown_with_the_rebase_way_on(
    team: tuple[Path, Path], tmp_path: Path
) -> None:
    ana, ben = team
    _corrections(ana, ben, tmp_path)
    _git(ana, "push", "-q", "origin", "main")
    _git(ben, "pull", "--rebase", "origin", "main", ok=(1,))
    terminal = _resdiff(ben, "conflicts")
    assert "OP1: changed on both sides" in terminal.stdout and "git rebase --continue" in terminal.stderr
    assert _resdiff(ben, "conflicts", "--take", "ours", "--all").returncode == 0
    _git(ben, "-c", "core.editor=true", "rebase", "--continue")
    assert "very safe" in _resdiff(ben, "show", "91/7").stdout  # in a rebase, ours is the upstream
    assert _resdiff(ben, "verify").returncode == 0


def test_repair_mends_a_merge_of_indexes_an_older_resdiff_committed(
    team: tuple[Path, Path], tmp_path: Path
) -> None:
    """Corpora made before the index was derived keep series.json in git: concurrent adds conflict on
    it, and ``verify --repair`` takes it out of the merge whatever state the merge left it in."""
    ana, ben = team
    for repo in (ana, ben):
        (repo / "widgets" / "series.json").write_text(f'{{"synthetic": "{repo.name}"}}\n', encoding="utf-8")
    _git(ana, "add", "widgets/series.json")
    _git(ana, "commit", "-q", "-m", "synthetic: an index as an older resdiff committed it")
    _git(ana, "push", "-q", "origin", "main")
    _git(ben, "add", "widgets/series.json")
    _git(ben, "commit", "-q", "-m", "synthetic: another index")
    _two_adds(ana, ben, tmp_path)
    _git(ana, "push", "-q", "origin", "main")
    pulled = _git(ben, "pull", "--no-rebase", "origin", "main", ok=(1,))
    assert "CONFLICT" in pulled.stdout and "series.json" in pulled.stdout
    assert _series(ben)["widgets"] == ["A/RES/91/7", "A/RES/92/1", "A/RES/92/5"]  # the texts merged
    repaired = _resdiff(ben, "verify", "--repair")
    assert "removed the series.json an older resdiff kept in widgets from the merge" in repaired.stderr
    _git(ben, "commit", "-q", "--no-edit")
    checked = _resdiff(ben, "verify")
    assert checked.returncode == 0, checked.stdout + checked.stderr
