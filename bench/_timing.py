"""Timing helpers shared by the bench scripts: best-of-N wall time, in-process or as a process.

The best (minimum) of N runs is the least noisy estimate of what a command costs; every ratio a
bench prints divides two such times measured in the same run, taking turns.
"""

from __future__ import annotations

import compileall
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
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


def best_of(runs: int, *actions: Callable[[], object]) -> list[float]:
    """The shortest of ``runs`` wall times of each action, in seconds.

    The actions take turns (A, B, A, B, ...) rather than running in blocks, so a burst of load
    on a shared machine slows every one of them alike and their ratios stay true."""
    best = [float("inf")] * len(actions)
    for _ in range(runs):
        for index, action in enumerate(actions):
            started = time.perf_counter()
            action()
            best[index] = min(best[index], time.perf_counter() - started)
    return best


def process_times(runs: int, *commands: list[str]) -> list[float]:
    """The best-of-``runs`` wall time of each command as a real process (output discarded), the
    commands taking turns as in ``best_of``."""
    runners = [partial(subprocess.run, c, check=True, stdout=subprocess.DEVNULL) for c in commands]
    return best_of(runs, *runners)
