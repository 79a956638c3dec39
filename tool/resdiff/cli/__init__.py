"""The ``resdiff`` command line: parse options, call the core, print, map errors to exit codes.

Exit codes follow diff(1): 0 success, 1 texts differ (only with --exit-code, or drift found by
``verify``), 2 trouble (bad input, unknown REF, corpus refusing, stdout refusing the output),
141 when the reader of stdout went away (``| head``), in silence. Data goes to stdout, messages
to stderr, always one line each; ``-`` means stdin.
"""

from __future__ import annotations

import gc

# The cyclic collector's young-generation passes run every 700 allocations: about 35 passes through a
# ``resdiff diff`` (imports, clauses, records), ~4 ms, that find almost nothing, since resdiff's data
# (frozen dataclasses, tuples, strings) is freed by reference counting. A command is short-lived and its
# input capped at 5 MB, so the collector runs every 50,000 allocations instead, from before the
# imports (click's alone allocate enough for a dozen passes).
gc.set_threshold(50_000, 20, 20)

import atexit  # noqa: E402
import importlib  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from typing import Any, TextIO  # noqa: E402

import click  # noqa: E402

from .. import __version__  # noqa: E402
from ..errors import ResdiffError  # noqa: E402
from ._common import say, usage_message  # noqa: E402

# A command's objects live until the process ends, where the collector would traverse every one
# of them again (~8 ms of a ~90 ms ``resdiff diff``) only to find what exit frees anyway. Frozen,
# they are skipped; nothing observable changes (Python never promised finalizers at exit).
atexit.register(gc.freeze)


class _OSFailure(Exception):
    """An OSError on its way to ``_Group.main``, carried past click's own handling of a closed
    pipe (which exits 1: "the texts differ")."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


class _Group(click.Group):
    """Every way a command can fail ends in one line on stderr, never a traceback:

    - domain errors, usage errors (a bad option, a missing argument, a file click's checks refuse)
      and OS errors: ``resdiff: error: ...``, exit code 2;
    - stdout refusing the output (a full disk, a closed terminal): ``resdiff: write error: ...``,
      exit code 2, as diff(1) and git say it;
    - a reader closing the pipe (``resdiff diff A B | head -1``): silence, exit code 141 (128 +
      SIGPIPE, what diff(1) and git end with there), never 1, which reads as "the texts differ";
    - Ctrl-C: ``resdiff: interrupted``, exit code 130 (click's own "Aborted!" exits 1).

    It is all done here, around every command, so that a command only has to write its output.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(COMMAND_MODULES))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        """A command, its module imported on first use: a run pays only for the commands it runs."""
        module = COMMAND_MODULES.get(name)
        if module is not None and name not in self.commands:
            importlib.import_module(f"{__name__}.{module}")
        return self.commands.get(name)

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:  # where ``--help`` and ``--version`` print
            return super().make_context(*args, **kwargs)
        except OSError as error:
            raise _OSFailure(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ResdiffError as error:
            say(f"resdiff: error: {error}")
            sys.exit(2)
        except KeyboardInterrupt:
            say("resdiff: interrupted")
            sys.exit(130)
        except OSError as error:
            raise _OSFailure(error) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        prog_name = prog_name or "resdiff"  # not "python -c" or "main" (the function's name)
        if not standalone_mode:  # a caller that handles click's exceptions itself
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        if sys.stdout is None:  # started with stdout closed (``>&-``): writing it is a write error
            sys.stdout = _closed_stdout()
        code: int | str | None = 0
        try:
            try:
                result = super().main(args, prog_name, complete_var, False, **extra)
                code = result if isinstance(result, int) else 0
            except SystemExit as done:
                code = done.code
            except click.exceptions.NoArgsIsHelpError as error:  # bare ``resdiff``: the help
                error.show()
                code = error.exit_code
            except click.ClickException as error:
                say(f"resdiff: error: {usage_message(error)}")
                code = 2  # click says 1 for some (FileError), which reads as "the texts differ"
            except click.Abort:
                say("resdiff: interrupted")
                code = 130
            except _OSFailure as failure:
                code = _os_error(failure.error)
            # the interpreter flushes stdout once more at exit, where a failure would print
            # "Exception ignored ..."; flushed here, it is reported like any other
            if sys.stdout is not None:
                sys.stdout.flush()
        except OSError as error:
            code = _os_error(error)
        sys.exit(code)


def _os_error(error: OSError) -> int:
    """The exit code of an OS error that reached the top, its one line said. A closed pipe on
    stdout is no error to report. Every file resdiff writes names itself when writing it fails
    (``cannot write FILE: ...``), so an error of the kinds writing gives that names no file is
    stdout refusing the output: a write error, as diff(1) and git call it."""
    import errno

    if error.errno == errno.EPIPE:
        _detach_stdout()
        return 128 + 13  # SIGPIPE
    only_a_write = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF}
    if error.filename is None and error.errno in only_a_write:
        _detach_stdout()
        say(f"resdiff: write error: {error.strerror or error}")
    elif error.filename is not None:
        say(f"resdiff: error: {error.filename}: {error.strerror or error}")
    else:
        say(f"resdiff: error: {error.strerror or error}")
    return 2


def _detach_stdout() -> None:
    """Point file descriptor 1 at the null device, so that the interpreter's final flush of what
    stdout could not take succeeds in silence (the recipe of Python's documentation on SIGPIPE)."""
    import os

    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, ValueError, OSError):  # a stream without one: nothing to flush at all
        sys.stdout = None
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, descriptor)
    os.close(null)


def _closed_stdout() -> TextIO:
    """A stdout for a process started without one, refusing every write as a closed descriptor
    does (Python leaves ``sys.stdout`` None there, and click would drop the output in silence)."""
    import errno
    import io
    import os

    class Closed(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, data: object) -> int:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    return io.TextIOWrapper(io.BufferedWriter(Closed()), encoding="utf-8")


@click.group("resdiff", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="resdiff")
def main() -> None:
    """Clause-aligned diffs of UN General Assembly resolutions across years.

    \b
    Examples:
      resdiff normalize A_RES_80_52.pdf       # the clauses of one text (PDF, text, DOCX)
      resdiff diff 72/54 ../shared/data/ga-res-80/A_RES_80_52.md   # what changed
      resdiff report 72/54 ../shared/data/ga-res-80/A_RES_80_52.md -o changes.html
      resdiff fetch 71/45 --with-predecessors # from the UN Digital Library
      resdiff history cluster-munitions       # every clause through the years
      resdiff series                          # which years are stored, which are missing

    \b
    72/54 is in the shipped corpus; its successor A/RES/80/52 is read from a file.
    The corpus is crash-safe: an add or fetch that is interrupted (Ctrl-C, kill, power
    cut) leaves it as it was or with the whole change committed, and the next resdiff
    command finishes or rolls back what was interrupted, and says which.

    \b
    A REF names a text: A/RES/72/54 or 72/54 (in the corpus), cluster-munitions@2017
    (a series and a year), a file, or - (stdin); add @REV for the text at a git
    revision (72/54@HEAD~1).
    Exit status: 0 success, 1 texts differ (diff --exit-code) or drift (verify), 2 trouble,
    130 interrupted (Ctrl-C), 141 when the reader of the output went away (| head).
    """


# the module that defines each command (with ``@main.command``): imported only when the command is asked for
COMMAND_MODULES = {
    "normalize": "text_commands",
    **dict.fromkeys(
        ("init", "add", "list", "show", "log", "series", "verify", "conflicts"), "corpus_commands"
    ),
    **dict.fromkeys(("diff", "report"), "diff_commands"),
    "fetch": "fetch_commands",
    **dict.fromkeys(("history", "blame", "timeline"), "history_commands"),
    "session": "session_commands",
    "parallel": "parallel_commands",
}
