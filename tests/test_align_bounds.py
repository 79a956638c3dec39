"""Pathological input no longer blows up the run time (issue 10): repeated and near-identical
clauses, diffed end to end by a real process that must finish within its timeout. Before the
fix, 400 copies of one clause took 31 s and 2,000 over 150 s; ``bench/bench_repeats.py`` prints
the ratios to distinct clauses. This is the only kind of timing bound a test may hold: a
timeout generous enough for a loaded machine, and far below what the old code took.

Every text here is SYNTHETIC, written as canonical files so that only the comparison is timed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from resdiff import canonical
from resdiff.model import Clause, Resolution

TIMEOUT = 10  # seconds, for about 0.5 s of work on an idle machine
N = 2000
RESDIFF = [sys.executable, "-c", "import sys; from resdiff.cli import main; main(sys.argv[1:])"]


def _file(folder: Path, name: str, texts: list[str]) -> str:
    clauses = tuple(Clause(f"OP{k}", text, verb="Decides") for k, text in enumerate(texts, 1))
    resolution = Resolution(symbol="A/RES/99/1", title="Synthetic repeats", clauses=clauses)
    path = folder / name
    path.write_text(canonical.dump(resolution), encoding="utf-8")
    return str(path)


def _edited(texts: list[str], every: int) -> list[str]:
    return [t.replace("Decides", "Decides further") if k % every == 0 else t for k, t in enumerate(texts)]


SAME = ["Decides x;"] * N
NEAR = [f"Decides x {k};" for k in range(1, N + 1)]
CASES = {
    "copies of one clause": (SAME, SAME),
    "copies of one clause, a few edited": (SAME, _edited(SAME, N // 10)),
    "copies of one clause, some dropped": (SAME, SAME[: N - 25]),
    "near-identical clauses": (NEAR, NEAR),
    "near-identical clauses, 10% edited": (NEAR, _edited(NEAR, 10)),
    "near-identical clauses, every number changed": (
        NEAR,
        [f"Decides x {k + 100_000};" for k in range(1, N + 1)],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_pathological_repeats_are_diffed_within_the_timeout(tmp_path: Path, case: str) -> None:
    old_texts, new_texts = CASES[case]
    old, new = _file(tmp_path, "old.txt", old_texts), _file(tmp_path, "new.txt", new_texts)
    done = subprocess.run(
        [*RESDIFF, "diff", old, new, "--format", "json"], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode == 0, done.stderr
    changes = json.loads(done.stdout)["changes"]
    kinds = [change["kind"] for change in changes]
    if old_texts == new_texts:
        assert kinds == ["unchanged"] * N
    assert not any(change["moved"] for change in changes)
