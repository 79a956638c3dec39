"""The sources a corpus keeps, and what ``verify`` makes of them; one size limit everywhere; indexes.

* ``add`` keeps the bytes each text was normalized from in ``sources/<sha256>``, in the same commit;
* ``verify`` normalizes them again: a hand edit committed with git is "not explained by its source";
  a text whose source is not kept is counted once, not drift; ``--sources DIR`` finds it by SHA-256;
* a text that differs only by its ``source:`` line (a renamed or re-encoded file) is unchanged;
* ``add`` refuses a text over ``normalize.MAX_BYTES``, and ``verify`` agrees;
* ``list`` says which texts it cannot show, and ``verify --repair`` rebuilds the index.

All texts are synthetic (see corpus_synthetic) except the shipped corpus's, checked against the seed
in ../shared when it is there.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import git
import pytest

from conftest import ROOT, SHARED
from corpus_synthetic import (
    clean,
    cli,
    commits,
    make_corpus,
    run_resdiff,
    synthetic_resolution,
    synthetic_source,
    write_synthetic,
)
from resdiff import canonical, normalize
from resdiff.corpus import Corpus, Incoming, add_texts, explains
from resdiff.errors import CorpusError

TEXT = Path("widgets") / "A_RES_91_7.txt"


def _source(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = make_corpus(tmp_path)
    source = _source(tmp_path / "in", "synthetic_91_7.txt", synthetic_source(91, 7))
    assert cli("add", "--corpus", str(root), "--series", "widgets", str(source)).exit_code == 0
    return root


def _commit_all(root: Path, message: str = "synthetic hand edit") -> None:
    repo = git.Repo(root)
    repo.git.add("-A")
    repo.git.commit("-q", "-m", message)


def test_add_keeps_the_source_in_the_same_commit(root: Path, tmp_path: Path) -> None:
    data = (tmp_path / "in" / "synthetic_91_7.txt").read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    assert (root / "sources" / sha).read_bytes() == data
    assert set(commits(root)[0].stats.files) == {str(TEXT), f"sources/{sha}"}
    stored = canonical.load((root / TEXT).read_text(encoding="utf-8"))
    assert stored.source is not None and stored.source.sha256 == sha
    assert stored.source.name == "synthetic_91_7.txt"
    result = cli("verify", "--corpus", str(root))
    assert result.exit_code == 0, result.output
    assert "1 text(s) checked against their source" in result.output
    assert "could not be checked" not in result.output


def test_a_hand_edit_committed_with_git_is_not_explained_by_its_source(root: Path) -> None:
    text = (root / TEXT).read_text(encoding="utf-8")
    edited = text.replace(
        "*Decides* to keep synthetic widgets safe;", "*Decides* to keep synthetic gadgets safe;"
    )
    assert edited != text
    (root / TEXT).write_text(edited, encoding="utf-8")
    _commit_all(root)
    result = cli("verify", "--corpus", str(root))
    assert result.exit_code == 1
    assert result.output.startswith(f"{TEXT.as_posix()}: not explained by its source (sources/")


def test_texts_without_a_kept_source_are_counted_once_not_drift(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    paths = [write_synthetic(tmp_path / "in", synthetic_resolution(91, n)) for n in (7, 8)]
    assert cli("add", "--corpus", str(root), "--series", "widgets", *map(str, paths)).exit_code == 0
    assert not (root / "sources").exists()  # canonical files record a source they were not made from here
    result = run_resdiff("verify", "--corpus", str(root))
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "could not be checked" in line]
    assert len(lines) == 1 and lines[0].startswith("resdiff: 2 text(s) could not be checked against a source")
    assert "--sources DIR" in lines[0]


def test_sources_elsewhere_are_found_by_their_sha256(root: Path, tmp_path: Path) -> None:
    """An older corpus keeps no sources: --sources DIR checks its texts against the files in DIR,
    whatever their names."""
    git.Repo(root).git.rm("-q", "-r", "sources")
    _commit_all(root, "synthetic: a corpus from before sources/")
    elsewhere = tmp_path / "archive" / "deeper"
    elsewhere.mkdir(parents=True)
    (elsewhere / "renamed.txt").write_bytes((tmp_path / "in" / "synthetic_91_7.txt").read_bytes())
    (elsewhere / "unrelated.txt").write_text("synthetic noise\n", encoding="utf-8")
    unchecked = cli("verify", "--corpus", str(root))
    assert unchecked.exit_code == 0 and "1 text(s) could not be checked" in unchecked.output
    checked = cli("verify", "--corpus", str(root), "--sources", str(tmp_path / "archive"))
    assert checked.exit_code == 0, checked.output
    assert "1 text(s) checked against their source" in checked.output
    assert "could not be checked" not in checked.output
    stored = root / TEXT
    stored.write_text(stored.read_text(encoding="utf-8").replace("widgets safe", "gadgets safe"), "utf-8")
    _commit_all(root)
    caught = cli("verify", "--corpus", str(root), "--sources", str(tmp_path / "archive"))
    assert caught.exit_code == 1
    assert f"not explained by its source ({elsewhere / 'renamed.txt'}, synthetic_91_7.txt)" in caught.output
    missing = cli("verify", "--corpus", str(root), "--sources", str(tmp_path / "nowhere"))
    assert missing.exit_code == 2 and "not a folder" in missing.output


@pytest.mark.shared
def test_the_shipped_corpus_is_checked_against_the_seed(seed_path: Path) -> None:
    shipped = ROOT / "corpus"
    plain = run_resdiff("verify", "--corpus", str(shipped))
    assert plain.returncode == 0, plain.stderr
    assert "1 text(s) could not be checked against a source (A/RES/72/54)" in plain.stderr
    seeds = run_resdiff("verify", "--corpus", str(shipped), "--sources", str(SHARED / "seeds"))
    assert seeds.returncode == 0, seeds.stderr
    assert "is consistent (1 text(s) checked against their source)" in seeds.stderr
    assert "could not be checked" not in seeds.stderr
    assert not (shipped / "sources").exists()  # the seed is read in place, never copied


def test_a_renamed_or_reencoded_file_of_the_same_text_is_unchanged(root: Path, tmp_path: Path) -> None:
    text = (tmp_path / "in" / "synthetic_91_7.txt").read_text(encoding="utf-8")
    renamed = _source(tmp_path / "again", "synthetic_renamed.txt", text)
    reencoded = tmp_path / "again" / "synthetic_utf16.txt"
    reencoded.write_bytes(text.encode("utf-16"))  # with its byte order mark
    before = len(commits(root))
    for path in (renamed, reencoded):
        result = cli("add", "--corpus", str(root), str(path))
        assert result.exit_code == 0, result.output
        assert "unchanged\tA/RES/91/7" in result.output and "nothing to commit" in result.output
    assert len(commits(root)) == before and clean(root)


def test_a_canonical_file_corrected_by_hand_is_kept_as_its_own_source(root: Path, tmp_path: Path) -> None:
    exported = cli("show", "--corpus", str(root), "91/7").output
    corrected = _source(
        tmp_path / "fix",
        "synthetic_fixed.txt",
        exported.replace("widgets safe;", "widgets safe at all times;"),
    )
    refused = cli("add", "--corpus", str(root), str(corrected))
    assert refused.exit_code == 2 and "--replace" in refused.output
    result = cli("add", "--corpus", str(root), "--replace", str(corrected))
    assert result.exit_code == 0, result.output
    sha = hashlib.sha256(corrected.read_bytes()).hexdigest()
    assert f"kept as its source: sources/{sha}" in result.output
    assert f"source: canonical sha256:{sha} synthetic_fixed.txt" in (root / TEXT).read_text(encoding="utf-8")
    verified = cli("verify", "--corpus", str(root))
    assert verified.exit_code == 0, verified.output
    assert "1 text(s) checked against their source" in verified.output


def test_a_source_explains_a_text_whose_header_says_more_but_not_otherwise() -> None:
    """Header fields the source does not give (say, from a catalogue record) may be filled in."""
    base = synthetic_resolution(91, 7)
    assert base.agenda_item is not None
    assert explains(dataclasses.replace(base, agenda_item=None), base)
    assert not explains(base, dataclasses.replace(base, agenda_item="synthetic other item"))
    assert not explains(base, dataclasses.replace(base, clauses=base.clauses[:-1]))
    assert explains(base, dataclasses.replace(base, source=None))


def test_add_texts_stores_normalized_texts_with_their_sources_and_extra_files(tmp_path: Path) -> None:
    """The API a fetch command uses: texts already normalized, the bytes they came from, extra files."""
    root = make_corpus(tmp_path)
    data = synthetic_source(91, 7).encode("utf-8")
    resolution = normalize.normalize_bytes(data, "synthetic_91_7.txt").resolution
    sha = hashlib.sha256(data).hexdigest()
    incoming = Incoming(resolution, "https://example.org/synthetic_91_7.txt", data)
    extra = {f"sources/{sha}.record.xml": b"<synthetic/>\n"}
    result = add_texts(Corpus.open(root), [incoming], series="widgets", extra_files=extra)
    assert result.commit is not None and [a.action for a in result.added] == ["added"]
    assert set(commits(root)[0].stats.files) == {
        str(TEXT),
        f"sources/{sha}",
        f"sources/{sha}.record.xml",
    }
    assert cli("verify", "--corpus", str(root)).exit_code == 0
    for bad in ("widgets/notes.txt", f"sources/{sha}", "sources/../escape", "sources/.hidden"):
        with pytest.raises(CorpusError, match="refusing to store"):
            add_texts(Corpus.open(root), [incoming], extra_files={bad: b"x"})


def test_a_damaged_stored_source_is_reported(root: Path) -> None:
    stored = next((root / "sources").iterdir())
    stored.write_bytes(stored.read_bytes() + b"synthetic damage\n")
    _commit_all(root)
    result = cli("verify", "--corpus", str(root))
    assert result.exit_code == 1
    assert f"sources/{stored.name}: damaged" in result.output


# --- one size limit ------------------------------------------------------------------------------


def _oversized_source() -> bytes:
    """A SYNTHETIC text under MAX_BYTES whose canonical form is over it: its header lists in full
    (A/RES/1/2) the 5,000 resolutions its first paragraph cites in short (1/2)."""
    cited = ", ".join(f"{s}/{n}" for s in range(1, 6) for n in range(1, 1000))
    head = "91/7. Synthetic oversized widgets\n\nThe General Assembly,\n\n"
    head += f"Recalling its resolutions {cited},\n\n"
    room = normalize.MAX_BYTES - len(head) - 200
    padding = "Noting " + "synthetic widget safety " * (room // 24) + "as explained,"
    return (head + padding + "\n\n1. Decides to keep synthetic widgets safe.\n").encode("utf-8")


def test_add_refuses_a_text_over_the_limit_and_verify_agrees(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    data = _oversized_source()
    assert len(data) <= normalize.MAX_BYTES
    source = tmp_path / "synthetic_oversized.txt"
    source.write_bytes(data)
    refused = run_resdiff("add", "--corpus", str(root), "--series", "widgets", str(source))
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr
    assert "its canonical text is 5.1 MB, more than the 5 MB a resolution may have" in refused.stderr
    assert len(commits(root)) == 1 and clean(root)
    # the same text committed by hand: verify says the same
    (root / "widgets").mkdir()
    text = canonical.dump(normalize.normalize_bytes(data, source.name).resolution)
    (root / TEXT).write_text(text, encoding="utf-8")
    _commit_all(root)
    verified = cli("verify", "--corpus", str(root))
    assert verified.exit_code == 1
    assert f"{TEXT.as_posix()}: its canonical text is 5.1 MB, more than the 5 MB" in verified.output


# --- indexes -----------------------------------------------------------------------------------


def test_an_index_an_older_resdiff_committed_is_not_read_and_repair_removes_it(
    root: Path, tmp_path: Path
) -> None:
    second = _source(
        tmp_path / "in", "synthetic_92_1.txt", synthetic_source(92, 1, recalls=((91, 7, "2036-12-08"),))
    )
    assert cli("add", "--corpus", str(root), str(second)).exit_code == 0
    (root / "widgets" / "series.json").write_text('{"format": 1, "members": [{"file": "/dev/zero"}]}\n')
    _commit_all(root, "synthetic: an index as an older resdiff kept it")
    listed = run_resdiff("list", "--corpus", str(root))
    assert listed.returncode == 0 and "A/RES/92/1" in listed.stdout, listed.stderr
    checked = cli("verify", "--corpus", str(root))
    assert (
        checked.exit_code == 1
        and "widgets/series.json: an index written by an older resdiff" in checked.output
    )
    repaired = cli("verify", "--repair", "--corpus", str(root))
    assert repaired.exit_code == 0, repaired.output
    assert "removed the series.json an older resdiff kept in widgets" in repaired.output
    assert not (root / "widgets" / "series.json").exists() and clean(root)
    assert "A/RES/92/1" in cli("list", "--corpus", str(root)).output


def test_repair_rebuilds_a_damaged_cache_and_removes_stray_temporary_files(root: Path) -> None:
    assert "A/RES/91/7" in cli("list", "--corpus", str(root)).output
    cache = root / ".git" / "resdiff-index" / "root.json"
    cache.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    assert "A/RES/91/7" in cli("list", "--corpus", str(root)).output  # thrown away and rebuilt
    (root / "widgets" / ".A_RES_91_7.txt.abc123.tmp").write_text("synthetic leftover\n", encoding="utf-8")
    repaired = cli("verify", "--repair", "--corpus", str(root))
    assert repaired.exit_code == 0, repaired.output
    assert "removed 1 temporary file(s)" in repaired.output and "rebuilt the series index" in repaired.output
    assert clean(root) and '"format":1' in cache.read_text(encoding="utf-8")
