"""``resdiff verify``: a sound corpus passes; hand edits, index drift and uncommitted files are caught.

All texts are synthetic (see corpus_synthetic); the corpus is a real git repository in tmp_path.
"""

from __future__ import annotations

import json
from pathlib import Path

import git
import pytest

from corpus_synthetic import cli, make_corpus, synthetic_resolution, write_synthetic


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = make_corpus(tmp_path)
    paths = [write_synthetic(tmp_path / "in", synthetic_resolution(s, n)) for s, n in ((91, 7), (92, 4))]
    assert cli("add", "--corpus", str(root), "--series", "widgets", *map(str, paths)).exit_code == 0
    return root


def _commit_all(root: Path) -> None:
    repo = git.Repo(root)
    repo.git.add("-A")
    repo.git.commit("-q", "-m", "synthetic hand edit")


def test_a_sound_corpus_passes(root: Path) -> None:
    result = cli("verify", "--corpus", str(root))
    assert result.exit_code == 0, result.output
    assert "is consistent" in result.output


def test_a_hand_edited_file_is_drift_even_when_committed(root: Path) -> None:
    stored = root / "widgets" / "A_RES_91_7.txt"
    edited = stored.read_text(encoding="utf-8").replace("\ntitle: Synthetic", "\ntitle:  Synthetic")
    stored.write_text(edited, "utf-8")
    result = cli("verify", "--corpus", str(root))
    assert result.exit_code == 1
    assert "widgets/A_RES_91_7.txt: not committed" in result.output
    _commit_all(root)
    result = cli("verify", "--corpus", str(root))
    assert result.exit_code == 1
    assert "widgets/A_RES_91_7.txt: not canonical" in result.output


def test_a_text_edited_in_place_reaches_the_derived_index_once_verify_has_read_it(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit in place leaves the folder's entry as it was, so the cache cannot see it by itself
    (the cache's two-second doubt about recent changes is switched off to show it)."""
    from resdiff.corpus import catalog

    monkeypatch.setattr(catalog, "_RACY_NS", 0)
    stored = root / "widgets" / "A_RES_91_7.txt"

    def op_count() -> str:
        [row] = [line for line in cli("list", "--corpus", str(root)).output.splitlines() if "91/7" in line]
        return row.split("\t")[5]

    assert op_count() == "1"  # the cache now trusts the folder
    stored.write_text(stored.read_text(encoding="utf-8") + "OP2 *Synthetic* added by hand;\n", "utf-8")
    assert op_count() == "1"  # stale, as documented
    cli("verify", "--corpus", str(root))
    assert op_count() == "2"


def test_index_edits_files_and_names_are_checked(root: Path) -> None:
    (root / "widgets" / "series.json").write_text(json.dumps({"format": 1}), encoding="utf-8")
    (root / "widgets" / "notes.md").write_text("synthetic stray file\n", encoding="utf-8")
    (root / "widgets" / "A_RES_91_7.txt").rename(root / "widgets" / "A_RES_91_8.txt")
    _commit_all(root)
    lines = cli("verify", "--corpus", str(root)).output.splitlines()
    assert "widgets/A_RES_91_8.txt: holds A/RES/91/7, not the A/RES/91/8 its name says" in lines
    assert "widgets/notes.md: unexpected file (corpus files are named like A_RES_72_54.txt)" in lines
    assert any(line.startswith("widgets/series.json: an index written by an older resdiff") for line in lines)


def test_a_file_saved_with_windows_line_ends_is_drift(root: Path) -> None:
    stored = root / "widgets" / "A_RES_92_4.txt"
    stored.write_bytes(stored.read_bytes().replace(b"\n", b"\r\n"))
    _commit_all(root)
    result = cli("verify", "--corpus", str(root))
    assert result.exit_code == 1
    assert "widgets/A_RES_92_4.txt: " in result.output


def test_untracked_files_are_drift(root: Path, tmp_path: Path) -> None:
    write_synthetic(root / "gadgets", synthetic_resolution(93, 1), name="A_RES_93_1.txt")
    lines = cli("verify", "--corpus", str(root)).output.splitlines()
    assert "gadgets/A_RES_93_1.txt: not committed (changed or untracked in git)" in lines
