"""A corpus from someone else is data: everything resdiff reads from it resolves inside it, and what
does not is flagged by ``verify``, never followed, never a traceback.

Each case is built for real in tmp_path: an index an older resdiff kept, naming ``/dev/zero`` or a
file outside, nested 200,000 deep or of the wrong types; a series folder, a text and a source that
are symbolic links out of the corpus; a cache and a journal in git's folder that name files
outside. The texts are SYNTHETIC (corpus_synthetic).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from corpus_synthetic import clean, make_corpus, run_resdiff, synthetic_resolution, write_synthetic
from resdiff import canonical
from resdiff.corpus import journal


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = make_corpus(tmp_path)
    text = write_synthetic(tmp_path / "in", synthetic_resolution(91, 7))
    assert run_resdiff("add", "--series", "widgets", "--corpus", str(root), str(text)).returncode == 0
    return root


def _run(root: Path, *args: str) -> tuple[int, str, str]:
    done = run_resdiff(*args, "--corpus", str(root))
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stdout, done.stderr


OLD_INDEXES = {
    "a member file of /dev/zero": json.dumps({"format": 1, "members": [{"file": "/dev/zero"}]}),
    "a member file outside": json.dumps({"format": 1, "members": [{"file": "../../outside.txt"}]}),
    "nested 200,000 deep": "[" * 200_000 + "]" * 200_000,
    "wrong types": json.dumps({"format": 1, "slug": 7, "members": "A_RES_91_7.txt", "lineage": [3]}),
}


@pytest.mark.parametrize("case", sorted(OLD_INDEXES))
def test_an_index_in_the_corpus_is_never_read_and_verify_names_it(root: Path, case: str) -> None:
    (root.parent / "outside.txt").write_text("synthetic text outside the corpus\n", encoding="utf-8")
    (root / "widgets" / "series.json").write_text(OLD_INDEXES[case], encoding="utf-8")
    for command in (("list",), ("series",), ("show", "91/7"), ("show", "widgets@2036"), ("log", "91/7")):
        code, out, _ = _run(root, *command)
        assert code == 0 and "outside the corpus" not in out
    code, out, _ = _run(root, "verify")
    assert code == 1
    lines = [line for line in out.splitlines() if "series.json" in line]
    assert lines[0].startswith("widgets/series.json: an index written by an older resdiff")
    assert lines[1:] == ["widgets/series.json: not committed (changed or untracked in git)"]
    assert _run(root, "verify", "--repair")[0] == 0


def _outside_series(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    write_synthetic(folder, synthetic_resolution(93, 1), name="A_RES_93_1.txt")
    return folder


def test_a_series_folder_linked_out_of_the_corpus_is_not_followed_and_is_flagged(
    root: Path, tmp_path: Path
) -> None:
    (root / "gadgets").symlink_to(_outside_series(tmp_path), target_is_directory=True)
    code, out, _ = _run(root, "list")
    assert code == 0 and "93/1" not in out
    code, _, err = _run(root, "show", "93/1")
    assert code == 2 and "not in the corpus" in err
    code, _, err = _run(root, "show", "gadgets@2038")
    assert code == 2 and "no series 'gadgets'" in err
    code, out, _ = _run(root, "verify")
    assert code == 1 and "gadgets: a symbolic link" in out
    code, out, _ = _run(root, "verify", "--repair")
    assert code == 1 and "gadgets: a symbolic link" in out
    assert (tmp_path / "elsewhere" / "A_RES_93_1.txt").is_file()


def test_a_text_linked_out_of_the_corpus_or_to_a_device_is_not_read(root: Path, tmp_path: Path) -> None:
    outside = _outside_series(tmp_path) / "A_RES_93_1.txt"
    (root / "widgets" / "A_RES_93_1.txt").symlink_to(outside)
    (root / "widgets" / "A_RES_93_2.txt").symlink_to("/dev/zero")
    code, out, _ = _run(root, "list")
    assert code == 0 and "93/1" not in out and "93/2" not in out
    for ref in ("93/1", "93/2"):
        code, _, err = _run(root, "show", ref)
        assert code == 2 and err.count("\n") == 1
    code, out, _ = _run(root, "verify", "--repair")
    assert code == 1
    assert (
        "widgets/A_RES_93_1.txt: a symbolic link" in out and "widgets/A_RES_93_2.txt: a symbolic link" in out
    )


def test_a_source_linked_out_of_the_corpus_is_flagged_and_not_read(root: Path, tmp_path: Path) -> None:
    import hashlib

    data = b"synthetic source bytes outside the corpus\n"
    outside = tmp_path / "outside-source"
    outside.write_bytes(data)
    sources = root / "sources"
    sources.mkdir(exist_ok=True)
    (sources / hashlib.sha256(data).hexdigest()).symlink_to(outside)
    code, out, _ = _run(root, "verify")
    assert code == 1 and f"sources/{hashlib.sha256(data).hexdigest()}: a symbolic link" in out


def test_a_cache_in_git_folder_that_lies_is_thrown_away(root: Path) -> None:
    assert _run(root, "list")[0] == 0
    cache = root / ".git" / "resdiff-index" / "root.json"
    forged = json.loads(cache.read_text(encoding="utf-8"))
    texts = forged["folders"]["widgets"]["texts"]
    texts["A_RES_91_7.txt"][2][3] = "A synthetic forged title"
    texts["A_RES_91_7.txt"][2][0] = "A/RES/99/9"  # a symbol its file name does not say
    cache.write_text(json.dumps(forged), encoding="utf-8")
    code, out, _ = _run(root, "series", "--format", "json")
    assert code == 0 and "forged" not in out and "A/RES/91/7" in out


def test_a_journal_naming_files_outside_the_corpus_touches_none_of_them(root: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("synthetic file outside the corpus\n", encoding="utf-8")
    folder = root / ".git" / "resdiff" / "root"
    folder.mkdir(parents=True)
    for rel in ("../victim.txt", "widgets/../../victim.txt"):
        record = {"format": 1, "summary": "x", "head": None, "commit": True}
        record["paths"] = {rel: {"before": None, "after": None, "found": None}}
        (folder / journal.JOURNAL).write_text(json.dumps(record), encoding="utf-8")
        code, _, err = _run(root, "verify", "--repair")
        assert code == 2 and err.count("\n") == 1 and "cannot be read" in err
        assert victim.read_text(encoding="utf-8") == "synthetic file outside the corpus\n"
    (root / "link").symlink_to(tmp_path, target_is_directory=True)
    record["paths"] = {"link/victim.txt": {"before": None, "after": None, "found": None}}
    (folder / journal.JOURNAL).write_text(json.dumps(record), encoding="utf-8")
    code, _, err = _run(root, "verify", "--repair")
    assert code == 2 and "not in the corpus" in err and victim.exists()
    (folder / journal.JOURNAL).write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    code, _, err = _run(root, "list")
    assert code == 2 and err.count("\n") == 1 and str(folder / journal.JOURNAL) in err
    os.unlink(root / "link")
    (folder / journal.JOURNAL).unlink()
    assert _run(root, "verify")[0] == 0 and clean(root)


def test_a_text_with_a_carriage_return_or_wrong_types_is_one_line(root: Path) -> None:
    stored = root / "widgets" / "A_RES_91_7.txt"
    text = canonical.dump(synthetic_resolution(91, 7))
    stored.write_text(text.replace("session: 91", "session: ninety-one"), encoding="utf-8")
    code, _, err = _run(root, "show", "91/7")
    assert code == 2 and err.count("\n") == 1 and str(stored) in err
