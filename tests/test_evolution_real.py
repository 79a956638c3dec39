"""history and blame on the REAL series of ../shared, read in place (never copied into the project).

The cluster-munitions series is here for 2017-2025: 72/54 (the seed), 73/54 ... 77/79 and 78/32,
79/58 as PyMuPDF extraction JSON, 80/52 as its Markdown-like text; its First Committee draft
A/C.1/80/L.52 as extraction JSON; the chemical-weapons series 77/73 -> 78/29 -> 79/56 -> 80/34; and
37 resolutions of the 79th session with their 80th-session successors.
"""

from __future__ import annotations

import json
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from conftest import GA80, RES_80_52, SEED, SHARED
from corpus_synthetic import cli, make_corpus
from history_checks import assert_blame_agrees_with_the_last_step
from resdiff.compare import compare
from resdiff.evolution import History, trace
from resdiff.model import Resolution
from resdiff.normalize import normalize_path

pytestmark = pytest.mark.shared

DATA = SHARED / "data"
PYMUPDF = DATA / "un-pdf" / "pymupdf-json"
CLUSTER_MUNITIONS = (
    SEED,
    *(
        DATA / "series" / "cluster-munitions" / f"A_RES_{n}.json"
        for n in ("73_54", "74_62", "75_62", "76_47", "77_79")
    ),
    PYMUPDF / "ga-res-78" / "A_RES_78_32.json",
    PYMUPDF / "ga-res-79" / "A_RES_79_58.json",
    RES_80_52,
)
DRAFT_80_52 = DATA / "drafts" / "A_C.1_80_L.52.json"
CHEMICAL_WEAPONS = (
    DATA / "series" / "chemical-weapons" / "A_RES_77_73.json",
    PYMUPDF / "ga-res-78" / "A_RES_78_29.json",
    PYMUPDF / "ga-res-79" / "A_RES_79_56.json",
    GA80 / "A_RES_80_34.md",
)
SYMBOLS = [
    f"A/RES/{s}" for s in ("72/54", "73/54", "74/62", "75/62", "76/47", "77/79", "78/32", "79/58", "80/52")
]


def _need(paths: tuple[Path, ...]) -> list[Path]:
    missing = [p for p in paths if not p.exists()]
    if missing:
        pytest.skip(f"{missing[0]} is absent: the real series is read from ../shared (set RESDIFF_SHARED)")
    return list(paths)


@cache
def _read(path: Path) -> Resolution:
    return normalize_path(path).resolution


def _trace(paths: list[Path]) -> History:
    return trace([_read(path) for path in paths])


def _json(*args: str) -> dict:  # type: ignore[type-arg]
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _assert_every_clause_gets_an_origin_and_words(history: History) -> None:
    last = history.resolutions[-1]
    blame = history.blame()
    symbols = {v.symbol for v in history.versions}
    assert [c.key for c in blame.clauses] == [c.key for c in last.clauses]
    for clause in blame.clauses:
        assert clause.origin in symbols and clause.last_changed in symbols
        assert clause.text == last.clause(clause.key).text
        assert all(span.since in symbols for span in clause.spans)


def _assert_steps_are_diffs(paths: list[Path], history: History) -> None:
    for step, (old, new) in zip(history.steps, pairwise(paths), strict=True):
        diff = _json("diff", str(old), str(new), "--format", "json")
        assert step.to_json()["changes"] == diff["changes"]
        assert step.comparison.summary() == diff["summary"]


def test_the_readable_pair_steps_across_seven_missing_years() -> None:
    """72/54 (2017) then 80/52 (2025): the texts that read well on every branch."""
    paths = _need((SEED, RES_80_52))
    history = _trace(paths)
    assert history.steps[0].skipped == tuple(SYMBOLS[1:-1])
    _assert_every_clause_gets_an_origin_and_words(history)
    _assert_steps_are_diffs(paths, history)
    assert_blame_agrees_with_the_last_step(history)
    grave = next(c for c in history.blame().clauses if c.key == "OP3")
    assert [(s.text, s.since) for s in grave.spans][:2] == [
        ("Expresses ", "A/RES/72/54"),
        ("grave", "A/RES/80/52"),
    ]
    assert grave.spans[2].text.startswith(" concern regarding the ") and grave.spans[2].since == "A/RES/72/54"


def test_the_nine_texts_of_cluster_munitions() -> None:
    paths = _need(CLUSTER_MUNITIONS)
    history = _trace(paths)
    assert [v.symbol for v in history.versions] == SYMBOLS
    assert all(step.skipped == () for step in history.steps)
    _assert_every_clause_gets_an_origin_and_words(history)
    _assert_steps_are_diffs(paths, history)
    assert_blame_agrees_with_the_last_step(history)
    # when was "strong concern" hardened to "grave concern"? In 77/79 (2022)
    op3 = next(c for c in history.blame().clauses if c.key == "OP3")
    assert op3.origin == "A/RES/72/54"
    assert ("grave", "A/RES/77/79") in [(s.text.strip(), s.since) for s in op3.spans]
    clause = history.clause_history("OP3@80/52")
    changed = [
        v.symbol for v, c in zip(clause.versions, clause.lineage.cells, strict=True) if c and "verb" in c.tags
    ]
    assert changed == ["A/RES/77/79"]


def test_the_words_carried_over_year_by_year() -> None:
    """An annual resolution carries most of its words over; those standing since the first text only
    ever dwindle."""
    history = _trace(_need(CLUSTER_MUNITIONS))
    carried = [s.carried_over for s in history.stats[1:]]
    assert all(share is not None and share >= 0.7 for share in carried), carried
    since_first = [round((s.since_first or 0) * s.words) for s in history.stats]
    assert all(later <= earlier + 1 for earlier, later in pairwise(since_first)), since_first
    assert 0.3 < (history.stats[-1].since_first or 0) < 0.7


def test_a_step_across_missing_years_of_the_real_series() -> None:
    paths = _need(CLUSTER_MUNITIONS)
    picked = [paths[0], paths[3], paths[8]]  # 72/54, 75/62, 80/52
    gapped = _trace(picked)
    assert [s.skipped for s in gapped.steps] == [tuple(SYMBOLS[1:3]), tuple(SYMBOLS[4:8])]
    _assert_steps_are_diffs(picked, gapped)
    op3 = next(c for c in gapped.blame().clauses if c.key == "OP3")
    assert ("grave", "A/RES/80/52") in [
        (s.text.strip(), s.since) for s in op3.spans
    ]  # first given after 77/79
    whole = _trace(paths)
    assert gapped.blame().clauses[0].origin == whole.blame().clauses[0].origin == "A/RES/72/54"


def test_the_first_committee_draft_sits_between_the_years_resolutions() -> None:
    paths = _need((CLUSTER_MUNITIONS[7], DRAFT_80_52, RES_80_52))
    history = _trace(paths)
    assert [v.symbol for v in history.versions] == ["A/RES/79/58", "A/C.1/80/L.52", "A/RES/80/52"]
    assert history.resolutions[1].is_draft
    _assert_every_clause_gets_an_origin_and_words(history)
    _assert_steps_are_diffs(paths, history)
    result = cli("history", str(RES_80_52), str(DRAFT_80_52))
    assert result.exit_code == 2 and "oldest first" in result.stderr


def test_the_chemical_weapons_series() -> None:
    paths = _need(CHEMICAL_WEAPONS)
    history = _trace(paths)
    assert [v.symbol for v in history.versions] == [
        "A/RES/77/73",
        "A/RES/78/29",
        "A/RES/79/56",
        "A/RES/80/34",
    ]
    _assert_every_clause_gets_an_origin_and_words(history)
    _assert_steps_are_diffs(paths, history)
    assert_blame_agrees_with_the_last_step(history)
    assert all((s.carried_over or 0) >= 0.5 for s in history.stats[1:])


def test_every_pair_of_the_79th_and_80th_sessions() -> None:
    """The 79 -> 80 pairs (same title): every clause in one lineage, blame rebuilds every text and
    agrees with the step."""
    olds = {_read(p).title: p for p in sorted(_need((PYMUPDF / "ga-res-79",))[0].glob("*.json"))}
    pairs = [(olds[_read(p).title], p) for p in sorted(GA80.glob("*.md")) if _read(p).title in olds]
    assert len(pairs) >= 30
    for old, new in pairs:
        history = _trace([old, new])
        _assert_every_clause_gets_an_origin_and_words(history)
        assert_blame_agrees_with_the_last_step(history)
        assert history.steps[0].to_json()["changes"] == compare(_read(old), _read(new)).to_json()["changes"]


def test_one_corpus_ref_blames_against_its_series_members(tmp_path: Path) -> None:
    """The nine texts added to a corpus in tmp_path (a real git repository): 'blame 80/52' is the
    blame of the nine files, and 'history SERIES' their history."""
    paths = _need(CLUSTER_MUNITIONS)
    root = make_corpus(tmp_path)
    added = cli("add", "--corpus", str(root), "--series", "cluster-munitions", *map(str, paths))
    assert added.exit_code == 0, added.stderr
    files = [str(p) for p in paths]
    blame = _json("blame", "--corpus", str(root), "80/52", "--format", "json")
    assert blame == _json("blame", "--corpus", str(root), *files, "--format", "json")
    history = _json("history", "--corpus", str(root), "cluster-munitions", "--format", "json")
    assert history["lineages"] == _json("history", *files, "--format", "json")["lineages"]
