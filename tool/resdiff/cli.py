"""The ``resdiff`` command line: parse options, call the core, print, map errors to exit codes.

Exit codes follow diff(1): 0 success, 1 texts differ (only with --exit-code, or drift found by
``verify``), 2 trouble (bad input, unknown REF, corpus refusing). Data goes to stdout, messages
to stderr; ``-`` means stdin.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from . import __version__
from .errors import ResdiffError


class _Group(click.Group):
    """Turns domain errors into one line on stderr and exit code 2 (never a traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ResdiffError as error:
            click.echo(f"resdiff: error: {error}", err=True)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="resdiff")
def main() -> None:
    """Clause-aligned diffs of UN General Assembly resolutions across years."""


def warn(message: str) -> None:
    click.echo(f"resdiff: warning: {message}", err=True)


# --- normalize (issue 2) -------------------------------------------------------------------


# --- corpus: init, add, list, show, log, series, verify (issue 3) -------------------------


# --- diff, report (issue 4) ----------------------------------------------------------------
