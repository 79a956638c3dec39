"""Timing helpers shared by the bench scripts: best-of-N wall time, in-process or as a process.

The best (minimum) of N runs is the least noisy estimate of what a command costs; every ratio a
bench prints divides two such times measured in the same run.
"""

from __future__ import annotations

import compileall
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

PYTHON_PASS = [sys.executable, "-c", "pass"]
# what the console script runs, without depending on where the venv put it
RESDIFF = [sys.executable, "-c", "import sys; from resdiff.cli import main; main(sys.argv[1:])"]


def compile_bytecode() -> None:
    """Write resdiff's bytecode once, as an installed package has it.

    With PYTHONDONTWRITEBYTECODE set (as on some CI machines) an editable install would otherwise
    recompile every module in every process, and a process bench would time the compiler."""
    import resdiff

    compileall.compile_dir(Path(resdiff.__file__).parent, quiet=1)


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The shortest of ``runs`` wall times of ``action``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


def process_time(args: list[str], runs: int) -> float:
    """The best-of-``runs`` wall time of a command as a real process (its output discarded)."""
    return best_of(runs, lambda: subprocess.run(args, check=True, stdout=subprocess.DEVNULL))
