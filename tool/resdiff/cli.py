"""The ``resdiff`` command line: parse options, call the core, print, map errors to exit codes.

Exit codes follow diff(1): 0 success, 1 texts differ (only with --exit-code, or drift found by
``verify``), 2 trouble (bad input, unknown REF, corpus refusing). Data goes to stdout, messages
to stderr; ``-`` means stdin.
"""

from __future__ import annotations

import atexit
import gc
import sys
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .errors import InputError, ResdiffError

if TYPE_CHECKING:
    from .model import Resolution

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


def warn(message: str) -> None:
    click.echo(f"resdiff: warning: {message}", err=True)


def _warn_about(ref: str, warnings: tuple[str, ...]) -> None:
    """The normalizer's warnings about one input, each naming it as the user gave it."""
    for warning in warnings:
        warn(f"{'stdin' if ref == '-' else ref}: {warning}")


def _read_ref(ref: str, corpus_path: str | None) -> Resolution:
    """The text a REF names, its warnings printed. Stdin and files come first, as in the corpus's
    own lookup, so that they need no corpus (a stale RESDIFF_CORPUS does not matter) and do not
    pay for importing the corpus machinery."""
    import os

    if ref == "-" or os.path.isfile(ref):
        from .normalize import normalize_input

        normalized = normalize_input(ref)
    else:
        from .corpus import find_corpus, resolve_ref_normalized

        normalized = resolve_ref_normalized(ref, find_corpus(corpus_path))
    _warn_about(ref, normalized.warnings)
    return normalized.resolution


def _write_output(data: str | bytes, output: str | None) -> None:
    """Text to stdout or a file; a file is replaced atomically, so a failed run never leaves half a report."""
    if isinstance(data, str) and not data.endswith("\n"):
        data += "\n"
    if output is None or output == "-":
        if isinstance(data, str):
            click.echo(data, nl=False)
            return
        stream = sys.stdout.buffer
        if stream.isatty():
            raise InputError("refusing to write a binary DOCX file to the terminal: pass -o FILE.docx")
        stream.write(data)
        stream.flush()
        return
    _write_file(output, data.encode("utf-8") if isinstance(data, str) else data)


def _write_file(output: str, data: bytes) -> None:
    """An ``-o`` file, replaced atomically: a failed run never leaves half a report."""
    from .files import write_atomic

    try:
        write_atomic(output, data, keep_mode=True)
    except OSError as error:
        reason = f"{error.strerror or error}; check that its folder exists and is writable"
        raise ResdiffError(f"cannot write {output}: {reason}") from None


_canonical_format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["canonical", "json"]),
    default="canonical",
    show_default=True,
    help="The canonical clause-per-line text, or the JSON model other tools read.",
)


# --- normalize (issue 2) -------------------------------------------------------------------


@main.command("normalize", short_help="Print a resolution's clauses (canonical format or JSON).")
@click.argument("file", type=click.Path(allow_dash=True))
@_canonical_format_option
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help="Write to FILE; - is stdout."
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings about the input.")
def normalize_command(file: str, output_format: str, output: str | None, quiet: bool) -> None:
    """Read a resolution and print its clauses in the canonical format (or JSON).

    FILE may be the seed's Markdown-like text, a UN Digital Library text extraction, plain text
    copied from a PDF viewer, a DOCX or PDF file, or a canonical file; '-' reads stdin.

    \b
    Examples:
      resdiff normalize A_RES_80_52.md
      resdiff normalize --format json A_RES_80_52.md -o 80_52.json
      pbpaste | resdiff normalize -
    """
    import json

    from .canonical import dump
    from .normalize import normalize_input

    normalized = normalize_input(file)
    if not quiet:
        _warn_about(file, normalized.warnings)
    if output_format == "json":
        text = json.dumps(normalized.resolution.to_json(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = dump(normalized.resolution)
    _write_output(text, output)


# --- corpus: init, add, list, show, log, series, verify (issue 3) -------------------------

_corpus_option = click.option(
    "--corpus",
    "corpus_path",
    envvar="RESDIFF_CORPUS",
    type=click.Path(file_okay=False),
    help="Corpus folder (default: RESDIFF_CORPUS, else the project's corpus/ found from here upwards).",
)
_corpus_format_option = click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)


def _say_empty(root: object) -> None:
    """An empty listing on stdout, and on stderr why, so that silence is never the only answer."""
    click.echo(
        f"resdiff: the corpus {root} holds no texts yet; add some with 'resdiff add FILE...'", err=True
    )


def _echo_json(data: Any) -> None:
    import json

    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@main.command("init", short_help="Create an empty corpus.")
@click.argument("path", type=click.Path(file_okay=False))
def init_command(path: str) -> None:
    """Create an empty corpus at PATH (a git repository of its own unless PATH is inside one).

    \b
    Example:
      resdiff init ~/resolutions && export RESDIFF_CORPUS=~/resolutions
    """
    from .corpus import init_corpus

    corpus = init_corpus(path)
    click.echo(f"created an empty corpus in {corpus.root}", err=True)


@main.command("add", short_help="Normalize files into the corpus, in one commit.")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, allow_dash=True)
)
@click.option("--series", help="Series for new texts (default: the one they cite, or share a title with).")
@click.option("-m", "--message", help="Commit message (the symbols are listed below it).")
@click.option("--replace", is_flag=True, help="Record a different text of a stored symbol as a correction.")
@_corpus_option
def add_command(
    files: tuple[str, ...], series: str | None, message: str | None, replace: bool, corpus_path: str | None
) -> None:
    """Normalize FILES into the corpus, in one commit.

    A text joins the series given by --series, else the series whose texts it cites or whose
    title it shares, else a new series named after its title. Adding a text already stored
    unchanged does nothing; a different text of a stored symbol needs --replace.

    \b
    Examples:
      resdiff add A_RES_72_54.md A_RES_80_52.md
      resdiff add --replace -m "Fix PP11 from the official PDF" A_RES_72_54.md
    """
    from .corpus import add_files, require_corpus

    result = add_files(require_corpus(corpus_path), files, series=series, message=message, replace=replace)
    for warning in result.warnings:
        warn(warning)
    for added in result.added:
        click.echo(f"{added.action}\t{added.symbol}\t{added.file}")
    if result.commit is None:
        click.echo("resdiff: nothing to commit: the corpus already holds these texts unchanged", err=True)
    else:
        click.echo(f"resdiff: committed {result.commit[:10]}", err=True)


@main.command("list", short_help="List the corpus texts with their clause counts.")
@click.argument("series", required=False)
@_corpus_format_option
@_corpus_option
def list_command(series: str | None, output_format: str, corpus_path: str | None) -> None:
    """List the corpus texts (of one SERIES): series, symbol, session, adoption date, clause counts.

    \b
    Examples:
      resdiff list
      resdiff list cluster-munitions --format json
    """
    from .corpus import list_entries, require_corpus
    from .model import FOOTNOTE, OPERATIVE, PREAMBULAR, SUBPARAGRAPH

    corpus = require_corpus(corpus_path)
    entries = list_entries(corpus, series)
    if not entries:
        _say_empty(corpus.root)
    if output_format == "json":
        _echo_json([entry.to_json() for entry in entries])
        return
    rows = ["series\tsymbol\tsession\tadopted\tPP\tOP\tsub\tFN"]
    for entry in entries:
        member = entry.member
        counts = dict(member.clauses)
        columns = [str(counts.get(kind, 0)) for kind in (PREAMBULAR, OPERATIVE, SUBPARAGRAPH, FOOTNOTE)]
        row = [entry.series, member.symbol, str(member.session or ""), member.adopted or "", *columns]
        rows.append("\t".join(row))
    click.echo("\n".join(rows))


@main.command("show", short_help="Print the text a REF names.")
@click.argument("ref")
@_canonical_format_option
@_corpus_option
def show_command(ref: str, output_format: str, corpus_path: str | None) -> None:
    """Print the text REF names: A/RES/72/54, 72/54, cluster-munitions@2017, a file or -, any of them @REV.

    \b
    Examples:
      resdiff show 72/54
      resdiff show cluster-munitions@2017 --format json
      resdiff show 72/54@HEAD~1    # the text before its last correction
    """
    from .canonical import dump

    resolution = _read_ref(ref, corpus_path)
    if output_format == "json":
        _echo_json(resolution.to_json())
    else:
        click.echo(dump(resolution), nl=False)


@main.command("log", short_help="The history of a corpus text.")
@click.argument("ref")
@_corpus_format_option
@_corpus_option
def log_command(ref: str, output_format: str, corpus_path: str | None) -> None:
    """The history of a corpus text, newest first, with the clauses each correction changed.

    \b
    Example:
      resdiff log 72/54
    """
    from .corpus import log, require_corpus

    entries = log(require_corpus(corpus_path), ref)
    if output_format == "json":
        _echo_json([entry.to_json() for entry in entries])
        return
    for entry in entries:
        click.echo(f"{entry.date[:10]}  {entry.commit[:10]}  {entry.message.splitlines()[0]}")
        for label, keys in (("changed", entry.changed), ("added", entry.added), ("removed", entry.removed)):
            if keys:
                click.echo(f"    {label}: {', '.join(keys)}")


@main.command("series", short_help="A series' lineage, each text present or missing.")
@click.argument("slug", required=False)
@_corpus_format_option
@_corpus_option
def series_command(slug: str | None, output_format: str, corpus_path: str | None) -> None:
    """The lineage of a series (or of all), oldest first, each text marked present or missing.

    The lineage is what the texts recite ("Recalling its resolutions 63/71 ... and 70/54 ..."):
    a missing member is one to fetch and add.

    \b
    Example:
      resdiff series cluster-munitions
    """
    from .corpus import require_corpus, series_indexes

    corpus = require_corpus(corpus_path)
    indexes = series_indexes(corpus, slug)
    if not indexes:
        _say_empty(corpus.root)
    if output_format == "json":
        _echo_json([index.to_json() for index in indexes])
        return
    for index in indexes:
        click.echo(f"{index.slug}: {index.title or ''}")
        for entry in index.lineage:
            mark = "present" if entry.present else "missing"
            click.echo(f"  {mark}  {entry.symbol}\t{entry.adopted or ''}")


@main.command("verify", short_help="Check the corpus for drift (exit 1 on drift).")
@_corpus_option
def verify_command(corpus_path: str | None) -> None:
    """Check that texts re-normalize unchanged, indexes match texts and git holds it all; exit 1 on drift.

    Each problem is printed on its own line, naming the file.
    """
    from .corpus import require_corpus, verify

    corpus = require_corpus(corpus_path)
    problems = verify(corpus)
    for problem in problems:
        click.echo(problem)
    if problems:
        click.echo(f"resdiff: {len(problems)} problem(s) in {corpus.root}", err=True)
        sys.exit(1)
    click.echo(f"resdiff: {corpus.root} is consistent", err=True)


# --- diff, report (issue 4) ----------------------------------------------------------------

from .render import BINARY_FORMATS, FORMATS  # noqa: E402  (light: renderers load on demand)

if TYPE_CHECKING:
    from .report import Report


def _build_report(old: str, new: str, corpus_path: str | None, **filters: bool) -> Report:
    from .compare import compare
    from .report import build_report

    if old == new == "-":
        raise InputError("OLD and NEW cannot both be '-': only one of them can come from stdin")
    report = build_report(compare(_read_ref(old, corpus_path), _read_ref(new, corpus_path)), **filters)
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
    help="Default: from -o's extension (.html, .md, .docx, .json), else terminal.",
)
@click.option("-o", "--output", type=_output_path, help="Write to FILE (atomically); - is stdout.")
@click.option("--changes-only", is_flag=True, help="Leave out unchanged clauses (a moved clause stays).")
@_ignore_editorial_option
@click.option("--exit-code", is_flag=True, help="Exit 1 when the texts differ, like diff(1).")
@_corpus_option
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

    Each is a corpus REF (71/45, cluster-munitions@2016, 72/54@HEAD~1), a file, or - for stdin.
    Exit status: 0; 1 with --exit-code when they differ; 2 on trouble.

    \b
    Examples:
      resdiff diff 72/54 80/52 --changes-only
      resdiff diff old.md new.md -o changes.json   # the format from the extension
      resdiff diff 72/54@HEAD~1 72/54 --exit-code   # did the last correction change anything?
    """
    from .render import format_for_path, render

    if output_format is None:  # a file's extension says which format it wants
        file = output if output != "-" else None
        output_format = format_for_path(file, default="terminal") if file else "terminal"
    if output_format in BINARY_FORMATS and output is None:
        raise click.UsageError(f"--format {output_format} writes a binary file: pass -o FILE.{output_format}")
    filters = {"changes_only": changes_only, "ignore_editorial": ignore_editorial}
    report = _build_report(old, new, corpus_path, **filters)
    _write_output(render(report, output_format, color=_use_color(output)), output)
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
    help="Report file; its extension picks the format: .html, .md, .docx.",
)
@click.option("--format", "output_format", type=click.Choice(FORMATS), help="Default: from -o's extension.")
@_ignore_editorial_option
@_corpus_option
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
      resdiff report 72/54 80/52 -o changes.html   # one self-contained page, prints well
      resdiff report 72/54 80/52 -o changes.docx   # Word tracked changes
      resdiff report 72/54 80/52 -o changes.md
    """
    from .render import format_for_path, render

    output_format = output_format or format_for_path(output)
    report = _build_report(old, new, corpus_path, ignore_editorial=ignore_editorial)
    _write_output(render(report, output_format), output)
    if output != "-":
        counts = ", ".join(f"{count} {name}" for name, count in report.summary.counts if count)
        click.echo(f"resdiff: wrote {output} ({counts or 'no clauses'})", err=True)
