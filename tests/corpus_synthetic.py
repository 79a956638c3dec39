"""Synthetic resolutions and corpus helpers for the corpus tests.

Every text here is SYNTHETIC (invented for tests, "synthetic" in its title and clauses): it is
not real UN text and must never be presented as such.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import git
from click.testing import CliRunner, Result

from resdiff import canonical
from resdiff.cli import main
from resdiff.model import Clause, Resolution, Source

SYNTHETIC_TITLE = "Synthetic cooperation on widget safety"
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def synthetic_resolution(
    session: int,
    number: int,
    *,
    title: str = SYNTHETIC_TITLE,
    adopted: str | None = None,
    recalls: tuple[tuple[int, int, str], ...] = (),
    other_cites: tuple[tuple[int, int], ...] = (),
    operative: tuple[str, ...] = ("Synthetic decision to keep widgets safe;",),
    symbol: str | None = None,
) -> Resolution:
    """A synthetic resolution; ``recalls`` = (session, number, ISO date) recited in PP1 as predecessors."""
    adopted = adopted or f"{2035 + session - 90}-12-0{1 + number % 8}"
    clauses = []
    if recalls:
        recited = " and ".join(f"{s}/{n} of {_spoken(d)}" for s, n, d in recalls)
        clauses.append(Clause("PP1", f"Recalling its resolutions {recited} on synthetic widget safety,"))
    else:
        clauses.append(Clause("PP1", "Synthetic opening paragraph without citations,"))
    if other_cites:
        cited = ", ".join(f"{s}/{n}" for s, n in other_cites)
        clauses.append(Clause("PP2", f"Noting the synthetic resolutions {cited} on another topic,"))
    for position, text in enumerate(operative, start=1):
        verb = text.split()[0]
        clauses.append(Clause(f"OP{position}", text, verb=verb))
    cites = tuple(f"A/RES/{s}/{n}" for s, n, _ in recalls) + tuple(f"A/RES/{s}/{n}" for s, n in other_cites)
    return Resolution(
        symbol=symbol or f"A/RES/{session}/{number}",
        session=session,
        title=title,
        adopted=adopted,
        agenda_item="99 (z)",
        report=None,
        meeting=None,
        cites=cites,
        clauses=tuple(clauses),
        source=Source(name=f"synthetic_{session}_{number}.txt", sha256="0" * 64, reader="synthetic"),
    )


def _spoken(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def synthetic_source(
    session: int,
    number: int,
    *,
    title: str = SYNTHETIC_TITLE,
    recalls: tuple[tuple[int, int, str], ...] = (),
    operative: tuple[str, ...] = ("Decides to keep synthetic widgets safe;",),
) -> str:
    """A SYNTHETIC resolution as a plain-text source (not canonical: ``add`` keeps it in sources/).

    ``recalls`` = (session, number, ISO date) recited in the first preambular paragraph."""
    adopted = f"{2035 + session - 90}-12-0{1 + number % 8}"
    lines = [f"{session}/{number}. {title}", "The General Assembly,"]
    if recalls:
        recited = " and ".join(f"{s}/{n} of {_spoken(d)}" for s, n, d in recalls)
        lines.append(f"Recalling its resolutions {recited} on synthetic widget safety,")
    else:
        lines.append("Noting a synthetic opening paragraph without citations,")
    lines += [f"{position}. {text}" for position, text in enumerate(operative, start=1)]
    lines.append(f"{number + 10}th plenary meeting\n{_spoken(adopted)}")
    return "\n\n".join(lines) + "\n"


def write_synthetic(folder: Path, resolution: Resolution, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"synthetic_{(resolution.symbol or 'x').replace('/', '_')}.txt")
    path.write_text(canonical.dump(resolution), encoding="utf-8")
    return path


def cli(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def run_python(
    code: str, *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Python code in a real process (for concurrency and import checks)."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_resdiff(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return run_python("import sys; from resdiff.cli import main; main(sys.argv[1:])", *args, cwd=cwd, env=env)


def commits(repo_path: Path) -> list[git.Commit]:
    return list(git.Repo(repo_path, search_parent_directories=True).iter_commits())


def make_corpus(tmp_path: Path) -> Path:
    """A fresh corpus (its own git repository) via ``resdiff init``."""
    root = tmp_path / "corpus"
    result = cli("init", str(root))
    assert result.exit_code == 0, result.output
    return root


def clean(repo_path: Path) -> bool:
    return not git.Repo(repo_path, search_parent_directories=True).git.status("--porcelain")
