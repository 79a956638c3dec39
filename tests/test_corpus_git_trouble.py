"""git trouble under the corpus: one line saying what is wrong and how to fix it, exit code 2 (never a
traceback, never exit 1, which means drift), and the corpus left as it was.

All texts are synthetic (see corpus_synthetic); every corpus is a real git repository in tmp_path,
damaged on purpose.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import git
import pytest

from corpus_synthetic import commits, make_corpus, run_resdiff, synthetic_source


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = make_corpus(tmp_path)
    first = tmp_path / "in" / "synthetic_91_7.txt"
    first.parent.mkdir()
    first.write_text(synthetic_source(91, 7), encoding="utf-8")
    assert run_resdiff("add", "--corpus", str(root), "--series", "widgets", str(first)).returncode == 0
    return root


@pytest.fixture
def newcomer(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "synthetic_92_1.txt"
    path.write_text(synthetic_source(92, 1, recalls=((91, 7, "2036-12-08"),)), encoding="utf-8")
    return path


def _one_line_error(root: Path, *args: str) -> str:
    """Run a command that must fail with exit 2 and one line on stderr; that line."""
    result = run_resdiff(*args, "--corpus", str(root))
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("resdiff: error: "), result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def test_a_stale_index_lock_is_named_with_the_way_out(root: Path, newcomer: Path) -> None:
    lock = root / ".git" / "index.lock"
    lock.touch()
    error = _one_line_error(root, "add", str(newcomer))
    assert str(lock) in error and "remove" in error and "retry" in error
    assert len(commits(root)) == 2 and not list(root.glob("*/A_RES_92_1.txt"))
    lock.unlink()
    assert run_resdiff("add", "--corpus", str(root), str(newcomer)).returncode == 0


def test_head_on_a_missing_branch_says_which_branch_to_switch_to(root: Path, newcomer: Path) -> None:
    repo = git.Repo(root)
    branch = repo.active_branch.name
    (root / ".git" / "HEAD").write_text("ref: refs/heads/synthetic-gone\n", encoding="utf-8")
    for args in (("add", str(newcomer)), ("verify",), ("log", "91/7")):
        error = _one_line_error(root, *args)
        assert "'synthetic-gone', which does not exist" in error
        assert f"checkout {branch}" in error
    (root / ".git" / "HEAD").write_text(f"ref: refs/heads/{branch}\n", encoding="utf-8")
    assert run_resdiff("verify", "--corpus", str(root)).returncode == 0


def test_a_corrupt_commit_object_is_reported_as_damage(root: Path, newcomer: Path) -> None:
    sha = git.Repo(root).head.commit.hexsha
    loose = root / ".git" / "objects" / sha[:2] / sha[2:]
    loose.chmod(0o644)
    loose.write_bytes(b"synthetic garbage, not a zlib stream")
    for args in (("verify",), ("log", "91/7"), ("add", str(newcomer)), ("show", "91/7@HEAD")):
        error = _one_line_error(root, *args)
        assert "is damaged" in error and "fsck" in error and sha[:10] in error


def test_a_garbage_head_file_is_not_mistaken_for_a_missing_repository(root: Path, newcomer: Path) -> None:
    branch = git.Repo(root).active_branch.name
    head = root / ".git" / "HEAD"
    head.write_text("synthetic garbage\n", encoding="utf-8")
    for args in (("verify",), ("add", str(newcomer)), ("log", "91/7")):
        error = _one_line_error(root, *args)
        assert "git init" not in error and "resdiff init" not in error
        assert f"{head} reads 'synthetic garbage'" in error and f"ref: refs/heads/{branch}" in error
    head.write_text(f"ref: refs/heads/{branch}\n", encoding="utf-8")
    assert run_resdiff("add", "--corpus", str(root), str(newcomer)).returncode == 0


def test_a_folder_outside_any_repository_is_told_to_init(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    shutil.rmtree(root / ".git")
    error = _one_line_error(root, "verify")
    assert "is not in a git repository" in error and "init" in error
