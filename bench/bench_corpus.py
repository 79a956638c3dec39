"""Bench: ``resdiff list`` and ``resdiff show`` on a corpus of 2,000 synthetic texts.

Run: python bench/bench_corpus.py [--texts N] [--runs R]. Each command runs as a real process and
is printed as a ratio to ``python -c pass`` measured in the same run (and, for scale, to
``python -c "import git"``, the import that reading commands avoid). The texts are SYNTHETIC,
generated into a temporary folder; nothing is fetched.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import PYTHON_PASS, RESDIFF, compile_bytecode, process_times
from resdiff import canonical
from resdiff.corpus import Corpus, init_corpus
from resdiff.model import Clause, Resolution, Source
from resdiff.refs import safe_name
from resdiff.series import INDEX_NAME, build_index

SERIES_SIZE = 10


def synthetic_text(series: int, year: int) -> Resolution:
    """A synthetic resolution of a synthetic annual series (clearly not real UN text)."""
    session = 60 + year
    number = 100 + series
    previous = f"{session - 1}/{number}"
    clauses = [Clause("PP1", f"Recalling its resolution {previous} on synthetic topic {series},")]
    clauses += [
        Clause(f"PP{i}", f"Synthetic preambular paragraph {i} of series {series}.") for i in range(2, 12)
    ]
    clauses += [
        Clause(f"OP{i}", f"Requests synthetic action {i} in year {year};", verb="Requests")
        for i in range(1, 25)
    ]
    return Resolution(
        symbol=f"A/RES/{session}/{number}",
        session=session,
        title=f"Synthetic topic number {series}",
        adopted=f"{2005 + year}-12-0{1 + series % 9}",
        agenda_item="99",
        report=None,
        meeting=None,
        cites=(f"A/RES/{previous}",),
        clauses=tuple(clauses),
        source=Source(name=f"synthetic_{session}_{number}.txt", sha256="0" * 64, reader="synthetic"),
    )


def build_corpus(root: Path, texts: int) -> Corpus:
    corpus = init_corpus(root)
    for series in range(texts // SERIES_SIZE):
        slug = f"synthetic-topic-{series}"
        members = [synthetic_text(series, year) for year in range(SERIES_SIZE)]
        folder = root / slug
        folder.mkdir()
        for member in members:
            (folder / safe_name(member.symbol or "")).write_text(canonical.dump(member), encoding="utf-8")
        (folder / INDEX_NAME).write_text(build_index(slug, members).dumps(), encoding="utf-8")
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), "commit", "-q", "-m", "synthetic bench corpus"], check=True)
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="resdiff-bench-"))
    try:
        start = time.perf_counter()
        corpus = build_corpus(folder / "corpus", args.texts)
        print(f"built {args.texts} synthetic texts in {time.perf_counter() - start:.1f} s")
        where = ["--corpus", str(corpus.root)]
        compile_bytecode()
        cases = {
            'python -c "import git"': [sys.executable, "-c", "import git"],
            "resdiff list": [*RESDIFF, "list", *where],
            "resdiff list --format json": [*RESDIFF, "list", "--format", "json", *where],
            "resdiff show 65/150": [*RESDIFF, "show", "65/150", *where],
            "resdiff show synthetic-topic-50@2010": [*RESDIFF, "show", "synthetic-topic-50@2010", *where],
            "resdiff show 65/150 --format json": [*RESDIFF, "show", "65/150", "--format", "json", *where],
        }
        baseline, *times = process_times(args.runs, PYTHON_PASS, *cases.values())
        print(f"python -c pass: {baseline * 1000:.0f} ms (= 1.0)")
        for name, seconds in zip(cases, times, strict=True):
            print(f"{name}: {seconds * 1000:.0f} ms = {seconds / baseline:.1f} x python -c pass")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
