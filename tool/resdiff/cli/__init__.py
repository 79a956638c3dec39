"""The ``resdiff`` command line: parse options, call the core, print, map errors to exit codes.

Exit codes follow diff(1): 0 success, 1 texts differ (only with --exit-code, or drift found by
``verify``), 2 trouble (bad input, unknown REF, corpus refusing). Data goes to stdout, messages
to stderr; ``-`` means stdin.
"""

from __future__ import annotations

import atexit
import gc
import sys
from typing import Any

import click

from .. import __version__
from ..errors import ResdiffError

# A command's objects live until the process ends, where the collector would traverse every one
# of them again (~8 ms of a ~90 ms ``resdiff diff``) only to find what exit frees anyway. Frozen,
# they are skipped; nothing observable changes (Python never promised finalizers at exit).
atexit.register(gc.freeze)


class _Group(click.Group):
    """Turns domain errors into one line on stderr and exit code 2 (never a traceback), and Ctrl-C
    into exit code 130 (click's own "Aborted!" exits 1, which diff(1) conventions read as "differ")."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ResdiffError as error:
            click.echo(f"resdiff: error: {error}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("resdiff: interrupted", err=True)
            sys.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="resdiff")
def main() -> None:
    """Clause-aligned diffs of UN General Assembly resolutions across years.

    \b
    Examples:
      resdiff normalize A_RES_80_52.md           # the clauses of one text
      resdiff diff 72/54 80/52                   # what changed, clause by clause
      resdiff report 72/54 80/52 -o changes.html # the report to circulate
      resdiff series                             # which years are stored, which are missing

    \b
    A REF names a text: A/RES/72/54 or 72/54 (in the corpus), cluster-munitions@2017
    (a series and a year), a file, or - (stdin); add @REV for the text at a git
    revision (72/54@HEAD~1).
    Exit status: 0 success, 1 texts differ (diff --exit-code) or drift (verify), 2 trouble.
    """


# Each module adds its commands to ``main`` (imported last: they need it defined).
from . import corpus_commands, diff_commands, history_commands, text_commands  # noqa: E402, F401
