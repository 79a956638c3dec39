"""The derived caches in git's folder (``catalog``: the index, and the links ``add`` places texts by)
follow every change plain git makes to the texts, are thrown away when they are not of their exact
form, and are trusted where nothing changed (no text is read again). The texts are SYNTHETIC.

The cache's two-second doubt about recent changes is switched off (``_RACY_NS = 0``), so that these
tests show what the folder keys alone catch: without that, every change here would be read again
anyway for being recent.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
from pathlib import Path

import pytest

from corpus_synthetic import cli, make_corpus, synthetic_resolution, write_synthetic
from resdiff.corpus import catalog

IDENTITY = {
    "GIT_AUTHOR_NAME": "Synthetic Analyst",
    "GIT_AUTHOR_EMAIL": "analyst@example.invalid",
    "GIT_COMMITTER_NAME": "Synthetic Analyst",
    "GIT_COMMITTER_EMAIL": "analyst@example.invalid",
}


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env={**os.environ, **IDENTITY}
    )
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(catalog, "_RACY_NS", 0)
    root = make_corpus(tmp_path)
    _add(root, tmp_path, synthetic_resolution(91, 7), "--series", "widgets")
    return root


def _add(root: Path, tmp_path: Path, resolution: object, *options: str) -> str:
    path = write_synthetic(tmp_path / "in", resolution)  # type: ignore[arg-type]
    result = cli("add", *options, "--corpus", str(root), str(path))
    assert result.exit_code == 0, result.output
    return result.output


def _op_counts(root: Path) -> dict[str, str]:
    lines = cli("list", "--corpus", str(root)).output.splitlines()[1:]
    return {line.split("\t")[1]: line.split("\t")[5] for line in lines}


def test_a_text_changed_by_plain_git_is_never_missed(root: Path, tmp_path: Path) -> None:
    """A checkout, a pull, a reset: each rewrites the file, so its folder's entry changes."""
    stored = root / "widgets" / "A_RES_91_7.txt"
    assert _op_counts(root) == {"A/RES/91/7": "1"}  # the cache now trusts the folder
    longer = synthetic_resolution(91, 7, operative=("Synthetic first decision;", "Synthetic second;"))
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(root), str(clone))
    write_synthetic(clone / "widgets", longer, name=stored.name)
    _git(clone, "commit", "-q", "-am", "synthetic correction made in a clone")
    _git(root, "pull", "-q", "--no-rebase", str(clone), "HEAD")
    assert _op_counts(root) == {"A/RES/91/7": "2"}
    _git(root, "checkout", "HEAD~1", "--", "widgets/A_RES_91_7.txt")
    assert _op_counts(root) == {"A/RES/91/7": "1"}
    _git(root, "reset", "-q", "--hard", "HEAD")
    assert _op_counts(root) == {"A/RES/91/7": "2"}


def test_add_places_texts_by_series_that_plain_git_brought(root: Path, tmp_path: Path) -> None:
    """The links cache ``add`` reads is kept by folder too: a series pulled from a clone is seen."""
    _add(root, tmp_path, synthetic_resolution(91, 8, title="A synthetic unrelated title"))
    links = root / ".git" / "resdiff-index" / "root.links.json"
    assert links.is_file()
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", str(root), str(clone))
    gadgets = synthetic_resolution(92, 5, title="Synthetic gadgets")
    write_synthetic(clone / "gadgets", gadgets, name="A_RES_92_5.txt")
    _git(clone, "add", "gadgets")
    _git(clone, "commit", "-q", "-m", "a synthetic series added with plain git")
    _git(root, "pull", "-q", "--no-rebase", str(clone), "HEAD")
    successor = synthetic_resolution(93, 5, title="Synthetic gadgets", recalls=((92, 5, "2037-12-06"),))
    assert "gadgets/A_RES_93_5.txt" in _add(root, tmp_path, successor)


@pytest.mark.parametrize(
    "forged",
    [
        "[" * 200_000 + "]" * 200_000,
        json.dumps({"format": 1, "folders": {"widgets": [None, "A/RES/91/7", [], []]}}),
        json.dumps({"format": 1, "folders": {"widgets": [None, [["nested"]], [], []]}}),
        json.dumps({"format": 1, "folders": {"widgets": {"key": None}}}),
        json.dumps({"format": 99, "folders": {}}),
    ],
)
def test_a_links_cache_not_of_its_form_is_thrown_away(root: Path, tmp_path: Path, forged: str) -> None:
    links = root / ".git" / "resdiff-index" / "root.links.json"
    links.parent.mkdir(exist_ok=True)
    links.write_text(forged, encoding="utf-8")
    successor = synthetic_resolution(92, 7, recalls=((91, 7, "2036-12-08"),), title="Synthetic renamed")
    assert "widgets/A_RES_92_7.txt" in _add(root, tmp_path, successor)
    assert json.loads(links.read_text(encoding="utf-8"))["format"] == catalog.LINKS_FORMAT


def test_an_unchanged_folder_is_taken_from_the_cache_in_every_language(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A French text's cache entry is trusted as an English one's is (its file name has ``.fr``)."""
    french = dataclasses.replace(synthetic_resolution(91, 7), language="fr")
    _add(root, tmp_path, french, "--series", "widgets")
    catalog.scan(root)  # brought up to date, trusted from now on
    read: list[str] = []
    summary = catalog._summary

    def counted(data: bytes, symbol: str, where: str) -> object:
        read.append(where)
        return summary(data, symbol, where)

    monkeypatch.setattr(catalog, "_summary", counted)
    os.utime(root / "widgets", ns=(1, 1))  # the folder changed: each file is checked by its own key
    scanned = catalog.scan(root)
    assert sorted(scanned.series["widgets"]) == ["A_RES_91_7.fr.txt", "A_RES_91_7.txt"] and read == []
