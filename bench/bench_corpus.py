"""Bench: the corpus commands at scale, on SYNTHETIC corpora of 0, 200 and 20,000 texts.

Run: python bench/bench_corpus.py [--large N] [--small N] [--runs R] [--adds K]. Every command runs as
a real process; the cases take turns (A, B, A, B, ...) so that load on a shared machine slows them
alike, and each figure is the best of R runs. Printed, all measured in this one run:

* ``python -c pass``, the floor of any process (and ``import git``, what reading commands avoid);
* ``add`` of one text into an empty corpus (its fixed cost), into the small and into the large corpus,
  with the ratio large / empty (target: at most 1.5) -- each run adds a new synthetic text;
* one ``add`` of K texts into an empty corpus (the reflog message once grew with every symbol);
* ``list``, ``series``, ``show`` (by symbol and by series@year) on the small and the large corpus,
  with the ratio large / small (target: at most 3).

The texts are SYNTHETIC (clearly not UN text), generated into a temporary folder; nothing is fetched.
The large corpus's derived index is built once before timing (a fresh clone pays that once).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _timing import PYTHON_PASS, RESDIFF, best_of, compile_bytecode
from resdiff import canonical
from resdiff.corpus import Corpus, init_corpus
from resdiff.model import Clause, Resolution, Source
from resdiff.refs import safe_name

SERIES_SIZE = 10


def synthetic_text(series: int, year: int, title: str = "Synthetic topic number") -> Resolution:
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
        title=f"{title} {series}",
        adopted=f"{2005 + year}-12-0{1 + series % 9}",
        agenda_item="99",
        report=None,
        meeting=None,
        cites=(f"A/RES/{previous}",),
        clauses=tuple(clauses),
        source=Source(name=f"synthetic_{session}_{number}.txt", sha256="0" * 64, reader="synthetic"),
    )


def build_corpus(root: Path, texts: int) -> Corpus:
    """A corpus of ``texts`` synthetic texts in series of ten, committed with plain git."""
    corpus = init_corpus(root)
    for series in range(texts // SERIES_SIZE):
        folder = root / f"synthetic-topic-{series}"
        folder.mkdir()
        for year in range(SERIES_SIZE):
            member = synthetic_text(series, year)
            (folder / safe_name(member.symbol or "")).write_text(canonical.dump(member), encoding="utf-8")
    if texts:
        subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
        subprocess.run(["git", "-C", str(root), "commit", "-q", "-m", "synthetic bench corpus"], check=True)
    return corpus


class Adder:
    """``resdiff add`` of a new synthetic text each call, in a session no corpus text has."""

    def __init__(self, root: Path, inbox: Path, year: int) -> None:
        self.root, self.inbox, self.year, self.next = root, inbox, year, 0

    def __call__(self) -> None:
        self.next += 1
        text = synthetic_text(self.next, self.year, title="Synthetic bench addition")
        path = self.inbox / f"synthetic_{self.year}_{self.next}.txt"
        path.write_text(canonical.dump(text), encoding="utf-8")
        _run([*RESDIFF, "add", "--corpus", str(self.root), str(path)])


def _run(command: list[str]) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _command(command: list[str]) -> Callable[[], None]:
    return lambda: _run(command)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--large", type=int, default=20_000)
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--adds", type=int, default=16_000, help="texts in the one big add")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="resdiff-bench-"))
    try:
        started = time.perf_counter()
        corpora = {
            size: build_corpus(folder / f"corpus-{size}", size) for size in (0, args.small, args.large)
        }
        print(
            f"built synthetic corpora of 0, {args.small} and {args.large} texts in "
            f"{time.perf_counter() - started:.0f} s"
        )
        compile_bytecode()
        started = time.perf_counter()
        _run([*RESDIFF, "list", "--corpus", str(corpora[args.large].root)])
        print(
            f"first 'resdiff list' of {args.large} texts (builds the derived index): "
            f"{time.perf_counter() - started:.1f} s"
        )
        inbox = folder / "inbox"
        inbox.mkdir()
        cases: dict[str, Callable[[], None]] = {
            "python -c pass": _command(PYTHON_PASS),
            'python -c "import git"': _command([sys.executable, "-c", "import git"]),
        }
        for offset, (size, corpus) in enumerate(corpora.items()):
            cases[f"add 1 text into {size}"] = Adder(corpus.root, inbox, 40 + offset)
        for size in (args.small, args.large):
            where = ["--corpus", str(corpora[size].root)]
            cases[f"list at {size}"] = _command([*RESDIFF, "list", *where])
            cases[f"list --format json at {size}"] = _command([*RESDIFF, "list", "--format", "json", *where])
            cases[f"series at {size}"] = _command([*RESDIFF, "series", *where])
            cases[f"show 65/105 at {size}"] = _command([*RESDIFF, "show", "65/105", *where])
            cases[f"show synthetic-topic-5@2010 at {size}"] = _command(
                [*RESDIFF, "show", "synthetic-topic-5@2010", *where]
            )
        times = dict(zip(cases, best_of(args.runs, *cases.values()), strict=True))
        baseline = times["python -c pass"]
        for name, seconds in times.items():
            print(f"{name}: {seconds * 1000:.0f} ms = {seconds / baseline:.1f} x python -c pass")
        print("ratios (targets: add large/empty <= 1.5, reading large/small <= 3):")
        empty = times["add 1 text into 0"]
        for size in (args.large, args.small):
            print(f"  add into {size} / into an empty corpus: {times[f'add 1 text into {size}'] / empty:.2f}")
        for name in ("list", "list --format json", "series", "show 65/105", "show synthetic-topic-5@2010"):
            ratio = times[f"{name} at {args.large}"] / times[f"{name} at {args.small}"]
            print(f"  {name}: {args.large} / {args.small} texts: {ratio:.2f}")
        if args.adds:
            big = init_corpus(folder / "big-add")
            paths = []
            for number in range(args.adds):
                text = synthetic_text(number % 9000, 36 + number // 9000, title="Synthetic bulk")
                path = inbox / f"synthetic_bulk_{number}.txt"
                path.write_text(canonical.dump(text), encoding="utf-8")
                paths.append(path)
            started = time.perf_counter()
            done = subprocess.run(
                [*RESDIFF, "add", "--corpus", str(big.root), *map(str, paths)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            outcome = "committed" if done.returncode == 0 else f"FAILED ({done.stderr.strip()[-200:]})"
            print(f"one add of {args.adds} texts: {outcome} in {time.perf_counter() - started:.1f} s")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
