"""``resdiff session``: pairing a session's texts with their predecessors, the records, every format, the
CLI; on SYNTHETIC sessions (``synthetic_session``) and on the real PDFs of sessions 79 and 80."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHARED, _need
from resdiff import canonical
from resdiff.cli import main
from resdiff.compare import compare
from resdiff.evolution import trace
from resdiff.render.session import render
from resdiff.session import (
    NEW,
    NOT_DUE,
    NOT_READOPTED,
    PERIODIC,
    RECALLS,
    TITLE,
    compare_sessions,
    title_key,
)
from synthetic_session import SYNTHETIC_NEW_SESSION, SYNTHETIC_OLD_SESSION

GOLDEN = Path(__file__).parent / "golden"
PDFS = SHARED / "data" / "un-pdf"


def _synthetic():  # type: ignore[no-untyped-def]
    return compare_sessions([*SYNTHETIC_OLD_SESSION, *SYNTHETIC_NEW_SESSION])


def _pairs(comparison) -> dict[str, tuple[str, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return {p.new.symbol: (p.old.symbol, p.evidence) for p in comparison.pairs}


def test_pairs_by_the_predecessor_recited_then_by_title_whatever_the_dash() -> None:
    comparison = _synthetic()
    pairs = _pairs(comparison)
    assert pairs["A/RES/92/20"] == ("A/RES/91/10", (RECALLS, TITLE))
    assert pairs["A/RES/92/21"] == ("A/RES/91/11", (TITLE,))  # "non\u2011gadget" against "non-gadget"
    assert title_key("Assurances to non\u2011gadget States") == title_key("Assurances to non-gadget  States.")


def test_texts_of_one_title_pair_by_their_words_not_their_order() -> None:
    pairs = _pairs(_synthetic())
    assert pairs["A/RES/92/22"][0] == "A/RES/91/13"  # flanges with flanges
    assert pairs["A/RES/92/23"][0] == "A/RES/91/12"  # sprockets with sprockets


def test_new_biennial_not_due_and_not_readopted_are_told_apart() -> None:
    comparison = _synthetic()
    new = {u.resolution.symbol: u for u in comparison.new}
    assert new["A/RES/92/24"].status == PERIODIC and new["A/RES/92/24"].predecessor == "A/RES/90/3"
    assert "biennial" in new["A/RES/92/24"].note
    assert new["A/RES/92/25"].status == NEW
    gone = {u.resolution.symbol: u for u in comparison.not_readopted}
    assert gone["A/RES/91/14"].status == NOT_READOPTED
    assert gone["A/RES/91/15"].status == NOT_DUE and "next due at session 93" in gone["A/RES/91/15"].note
    counts = comparison.counts()
    assert (counts["pairs"], counts["new"], counts["not_readopted"]) == (4, 2, 2)


def test_each_pair_is_compare_and_history_carry_over_and_the_vote_change() -> None:
    comparison = _synthetic()
    pair = next(p for p in comparison.pairs if p.new.symbol == "A/RES/92/20")
    assert pair.comparison == compare(pair.old, pair.new)
    assert pair.carried_over == trace([pair.old, pair.new]).stats[1].carried_over
    assert 0 < pair.carried_over < 1
    assert pair.vote_changes == (("Borduria", "no", "abstain"), ("Drasnia", "abstain", "yes"))
    record = pair.to_json()
    assert record["tags"]["verb"] == 1 and record["verbs"][0]["direction"] == "strengthened"
    assert record["vote_changes"][0] == {"state": "Borduria", "old": "no", "new": "abstain"}


def test_the_library_returns_what_json_prints() -> None:
    comparison = _synthetic()
    assert json.loads(render(comparison, "json")) == comparison.to_json()


def test_an_older_text_pairs_once_the_strongest_evidence_first() -> None:
    comparison = _synthetic()
    olds = [p.old.symbol for p in comparison.pairs]
    assert len(olds) == len(set(olds))


@pytest.mark.parametrize("fmt,suffix", [("terminal", "txt"), ("markdown", "md"), ("html", "html")])
def test_golden(fmt: str, suffix: str) -> None:
    import os

    text = render(_synthetic(), fmt, width=120)
    golden = GOLDEN / f"session.{suffix}"
    if os.environ.get("RESDIFF_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_the_terminal_table_fits_the_width() -> None:
    for width in (80, 100, 160):
        lines = render(_synthetic(), "terminal", width=width).splitlines()
        assert all(len(line) <= width for line in lines), width
        assert any(line.startswith("92/20") and "Synth" in line for line in lines), width


def _write_session(tmp_path: Path) -> list[str]:
    paths = []
    for text in (*SYNTHETIC_OLD_SESSION, *SYNTHETIC_NEW_SESSION):
        path = tmp_path / f"synthetic_{(text.symbol or '').replace('/', '_')}.txt"
        path.write_text(canonical.dump(text), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_cli_json_is_the_library_and_quiet_when_piped(tmp_path: Path) -> None:
    paths = _write_session(tmp_path)
    result = CliRunner().invoke(main, ["session", *paths, "--format", "json", "--jobs", "2"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == _synthetic().to_json()
    assert result.stderr == ""  # no progress bar: stderr is no terminal


def test_cli_folder_writes_an_index_and_a_report_per_pair(tmp_path: Path) -> None:
    paths = _write_session(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["session", str(tmp_path), "-o", f"{out}/"])
    assert result.exit_code == 0, result.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in ("A_RES_92_20.html", "A_RES_92_21.html", "A_RES_92_22.html", "A_RES_92_23.html"):
        assert f'href="{name}"' in index
        assert "Changes: A/RES/91/" in (out / name).read_text(encoding="utf-8")
    assert len(paths) == 12


def test_cli_sessions_from_the_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    corpus = tmp_path / "corpus"
    assert runner.invoke(main, ["init", str(corpus)]).exit_code == 0
    monkeypatch.setenv("RESDIFF_CORPUS", str(corpus))
    added = runner.invoke(main, ["add", *_write_session(tmp_path)])
    assert added.exit_code == 0, added.stderr
    result = runner.invoke(main, ["session", "91", "92", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["counts"]["pairs"] == 4 and (data["old_session"], data["new_session"]) == (91, 92)


def test_cli_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    paths = _write_session(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["session", *paths, "--new", "95"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "no text of session 95" in result.stderr
    result = runner.invoke(main, ["session", *paths, "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2 and "cannot tell the format" in result.stderr


@pytest.mark.shared
def test_real_pdfs_of_sessions_79_and_80_pair_as_a_careful_reader_does() -> None:
    from resdiff.normalize import normalize_many

    paths = sorted(_need(PDFS).glob("ga-res-*/*.pdf"))
    comparison = compare_sessions([n.resolution for n in normalize_many(paths)])
    pairs = _pairs(comparison)
    counts = comparison.counts()
    assert (counts["pairs"], counts["new"], counts["not_readopted"]) == (37, 18, 0)
    # the pair the corpus's slugs miss: "non-nuclear-weapon" with a non-breaking hyphen in 80/18's title
    assert pairs["A/RES/80/18"] == ("A/RES/79/17", (TITLE,))
    # each checked by hand against both texts' titles and lineage paragraphs
    assert pairs["A/RES/80/52"] == ("A/RES/79/58", (RECALLS, TITLE))
    assert pairs["A/RES/80/34"][0] == "A/RES/79/56"
    assert pairs["A/RES/80/16"] == ("A/RES/79/237", (TITLE,))  # the ICT working group: 79/237, adopted late
    assert pairs["A/RES/80/14"] == ("A/RES/79/15", (TITLE,))  # recites only 51/53 and 56/17
    assert pairs["A/RES/80/2"] == ("A/RES/79/3", (TITLE,))  # scale of assessments
    new = {u.resolution.symbol: u for u in comparison.new}
    assert new["A/RES/80/31"].status == PERIODIC and new["A/RES/80/31"].predecessor == "A/RES/78/50"
    assert new["A/RES/80/12"].status == PERIODIC and "triennial" in new["A/RES/80/12"].note
    assert new["A/RES/80/1"].status == NEW
