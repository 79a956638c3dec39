"""``resdiff diff`` and ``resdiff report``: compare two texts."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from ..errors import InputError
from ..render import BINARY_FORMATS, FORMATS
from . import main
from ._common import OUTPUT_HELP, corpus_option, lang_option, read_ref, write_output

if TYPE_CHECKING:
    from ..report import Report


def _build_report(old: str, new: str, corpus_path: str | None, **filters: bool) -> Report:
    from ..compare import compare
    from ..report import build_report

    if old == new == "-":
        raise InputError("OLD and NEW cannot both be '-': only one of them can come from stdin")
    report = build_report(compare(read_ref(old, corpus_path), read_ref(new, corpus_path)), **filters)
    if report.caution:
        click.echo(f"resdiff: warning: {report.caution}", err=True)
    return report


def _use_color(output: str | None) -> bool:
    import os

    to_stdout = output is None or output == "-"
    return to_stdout and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


_output_path = click.Path(dir_okay=False, allow_dash=True)
_ignore_editorial_option = click.option(
    "--ignore-editorial", is_flag=True, help="Count editorial changes (case, punctuation, ...) as unchanged."
)


@main.command("diff", short_help="Compare two texts clause by clause.")
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    help="Default: from -o's extension (.html, .md, .docx, .json; .txt, .diff: terminal), else terminal; "
    "an extension no format writes (.pdf) is refused.",
)
@click.option("-o", "--output", type=_output_path, help=OUTPUT_HELP)
@click.option("--changes-only", is_flag=True, help="Leave out unchanged clauses (a moved clause stays).")
@_ignore_editorial_option
@click.option("--exit-code", is_flag=True, help="Exit 1 when the texts differ, like diff(1).")
@lang_option
@corpus_option
def diff_command(
    old: str,
    new: str,
    output_format: str | None,
    output: str | None,
    changes_only: bool,
    ignore_editorial: bool,
    exit_code: bool,
    corpus_path: str | None,
) -> None:
    """Compare OLD and NEW clause by clause.

    Each is a corpus REF (72/54, cluster-munitions@2017, 72/54@HEAD~1), a file, or - for stdin.
    Exit status: 0; 1 with --exit-code when they differ; 2 on trouble.

    \b
    Examples:
      resdiff diff 72/54 ../shared/data/ga-res-80/A_RES_80_52.md --changes-only
      resdiff diff old.md new.md -o changes.json   # the format from the extension
      resdiff diff 72/54@HEAD~1 72/54 --exit-code   # did the last correction change anything?
      resdiff diff cluster-munitions@2024@fr cluster-munitions@2025@fr   # the French texts
    """
    from ..render import format_for_path, render

    if output_format is None:  # a file's extension says which format it wants; none is terminal text
        file = output if output != "-" else None
        output_format = format_for_path(file, without_extension="terminal") if file else "terminal"
    if output_format in BINARY_FORMATS and output is None:
        raise click.UsageError(f"--format {output_format} writes a binary file: pass -o FILE.{output_format}")
    filters = {"changes_only": changes_only, "ignore_editorial": ignore_editorial}
    report = _build_report(old, new, corpus_path, **filters)
    write_output(render(report, output_format, color=_use_color(output)), output)
    if exit_code and report.comparison.differs:
        sys.exit(1)


@main.command("report", short_help="Write the change report (HTML, Markdown or DOCX).")
@click.argument("old")
@click.argument("new")
@click.option(
    "-o",
    "--output",
    required=True,
    type=_output_path,
    help="Report file; its extension picks the format: .html, .md, .docx. Written atomically; a device "
    "or FIFO is written in place, a symbolic link written through to its file.",
)
@click.option("--format", "output_format", type=click.Choice(FORMATS), help="Default: from -o's extension.")
@_ignore_editorial_option
@lang_option
@corpus_option
def report_command(
    old: str,
    new: str,
    output: str,
    output_format: str | None,
    ignore_editorial: bool,
    corpus_path: str | None,
) -> None:
    """Write the change report people circulate: a summary, then every clause of NEW with its redline.

    \b
    Examples:
      resdiff report 72/54 ../shared/data/ga-res-80/A_RES_80_52.md -o changes.html
      resdiff report 72/54 resolution.docx -o changes.docx   # Word tracked changes
      resdiff report old.md new.md -o changes.md
    """
    from ..render import format_for_path, render

    output_format = output_format or format_for_path(output)
    report = _build_report(old, new, corpus_path, ignore_editorial=ignore_editorial)
    write_output(render(report, output_format), output)
    if output != "-":
        counts = ", ".join(f"{count} {name}" for name, count in report.summary.counts if count)
        click.echo(f"resdiff: wrote {output} ({counts or 'no clauses'})", err=True)
