"""Two real ``resdiff add`` processes at once: both succeed in turn and the corpus stays consistent.

All texts are synthetic (see corpus_synthetic); the corpus is a real git repository in tmp_path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from corpus_synthetic import cli, commits, make_corpus, run_resdiff, synthetic_resolution, write_synthetic
from resdiff.corpus import Corpus, locked


def _spawn(*args: str) -> subprocess.Popen[str]:
    code = "import sys; from resdiff.cli import main; main(sys.argv[1:])"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


def test_two_concurrent_adds_both_commit_and_keep_the_index_whole(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    batches = [
        [write_synthetic(tmp_path / f"in{b}", synthetic_resolution(90 + b, n)) for n in range(1, 4)]
        for b in (1, 2)
    ]
    processes = [_spawn("add", "--corpus", str(root), *map(str, batch)) for batch in batches]
    outcomes = [p.communicate(timeout=120) for p in processes]
    for process, (_, stderr) in zip(processes, outcomes, strict=True):
        assert process.returncode == 0, stderr
    assert len(commits(root)) == 3  # init + one commit per process
    slug = "synthetic-cooperation-widget-safety"  # both joined the same series, by title
    [index] = json.loads(cli("series", slug, "--format", "json", "--corpus", str(root)).output)
    assert len(index["members"]) == 6
    assert cli("verify", "--corpus", str(root)).exit_code == 0


def test_a_writer_waiting_too_long_gives_up_with_a_clear_message(tmp_path: Path) -> None:
    root = make_corpus(tmp_path)
    source = write_synthetic(tmp_path / "in", synthetic_resolution(91, 7))
    with locked(Corpus.open(root).root):
        result = run_resdiff("add", "--corpus", str(root), str(source), env={"RESDIFF_LOCK_TIMEOUT": "0.3"})
    assert result.returncode == 2
    assert "another resdiff is writing" in result.stderr and "retry" in result.stderr
    assert len(commits(root)) == 1
    assert run_resdiff("add", "--corpus", str(root), str(source)).returncode == 0
