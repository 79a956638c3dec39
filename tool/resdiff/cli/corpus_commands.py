"""The corpus commands: init, add, list, show, log, series, verify."""

from __future__ import annotations

import sys

import click

from . import main
from ._common import (
    canonical_format_option,
    corpus_format_option,
    corpus_option,
    echo_json,
    read_ref,
    say_empty,
    warn,
)


@main.command("init", short_help="Create an empty corpus.")
@click.argument("path", type=click.Path(file_okay=False))
def init_command(path: str) -> None:
    """Create an empty corpus at PATH (a git repository of its own unless PATH is inside one).

    \b
    Example:
      resdiff init ~/resolutions && export RESDIFF_CORPUS=~/resolutions
    """
    from ..corpus import init_corpus

    corpus = init_corpus(path)
    click.echo(f"created an empty corpus in {corpus.root}", err=True)


@main.command("add", short_help="Normalize files into the corpus, in one commit.")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, allow_dash=True)
)
@click.option("--series", help="Series for new texts (default: the one they cite, or share a title with).")
@click.option("-m", "--message", help="Commit message (the symbols are listed below it).")
@click.option("--replace", is_flag=True, help="Record a different text of a stored symbol as a correction.")
@corpus_option
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
    from ..corpus import add_files, require_corpus

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
@corpus_format_option
@corpus_option
def list_command(series: str | None, output_format: str, corpus_path: str | None) -> None:
    """List the corpus texts (of one SERIES): series, symbol, session, adoption date, clause counts.

    \b
    Examples:
      resdiff list
      resdiff list cluster-munitions --format json
    """
    from ..corpus import list_entries, require_corpus
    from ..model import FOOTNOTE, OPERATIVE, PREAMBULAR, SUBPARAGRAPH

    corpus = require_corpus(corpus_path)
    entries = list_entries(corpus, series)
    if not entries:
        say_empty(corpus.root)
    if output_format == "json":
        echo_json([entry.to_json() for entry in entries])
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
@canonical_format_option
@corpus_option
def show_command(ref: str, output_format: str, corpus_path: str | None) -> None:
    """Print the text REF names: A/RES/72/54, 72/54, cluster-munitions@2017, a file or -, any of them @REV.

    \b
    Examples:
      resdiff show 72/54
      resdiff show cluster-munitions@2017 --format json
      resdiff show 72/54@HEAD~1    # the text before its last correction
    """
    from ..canonical import dump

    resolution = read_ref(ref, corpus_path)
    if output_format == "json":
        echo_json(resolution.to_json())
    else:
        click.echo(dump(resolution), nl=False)


@main.command("log", short_help="The history of a corpus text.")
@click.argument("ref")
@corpus_format_option
@corpus_option
def log_command(ref: str, output_format: str, corpus_path: str | None) -> None:
    """The history of a corpus text, newest first, with the clauses each correction changed.

    \b
    Example:
      resdiff log 72/54
    """
    from ..corpus import log, require_corpus

    entries = log(require_corpus(corpus_path), ref)
    if output_format == "json":
        echo_json([entry.to_json() for entry in entries])
        return
    for entry in entries:
        click.echo(f"{entry.date[:10]}  {entry.commit[:10]}  {entry.message.splitlines()[0]}")
        for label, keys in (("changed", entry.changed), ("added", entry.added), ("removed", entry.removed)):
            if keys:
                click.echo(f"    {label}: {', '.join(keys)}")


@main.command("series", short_help="A series' lineage, each text present or missing.")
@click.argument("slug", required=False)
@corpus_format_option
@corpus_option
def series_command(slug: str | None, output_format: str, corpus_path: str | None) -> None:
    """The lineage of a series (or of all), oldest first, each text marked present or missing.

    The lineage is what the texts recite ("Recalling its resolutions 63/71 ... and 70/54 ..."):
    a missing member is one to fetch and add.

    \b
    Example:
      resdiff series cluster-munitions
    """
    from ..corpus import require_corpus, series_indexes

    corpus = require_corpus(corpus_path)
    indexes = series_indexes(corpus, slug)
    if not indexes:
        say_empty(corpus.root)
    if output_format == "json":
        echo_json([index.to_json() for index in indexes])
        return
    for index in indexes:
        click.echo(f"{index.slug}: {index.title or ''}")
        for entry in index.lineage:
            mark = "present" if entry.present else "missing"
            click.echo(f"  {mark}  {entry.symbol}\t{entry.adopted or ''}")


@main.command("verify", short_help="Check the corpus for drift (exit 1 on drift).")
@corpus_option
def verify_command(corpus_path: str | None) -> None:
    """Check that texts re-normalize unchanged, indexes match texts and git holds it all; exit 1 on drift.

    Each problem is printed on its own line, naming the file.
    """
    from ..corpus import require_corpus, verify

    corpus = require_corpus(corpus_path)
    problems = verify(corpus)
    for problem in problems:
        click.echo(problem)
    if problems:
        click.echo(f"resdiff: {len(problems)} problem(s) in {corpus.root}", err=True)
        sys.exit(1)
    click.echo(f"resdiff: {corpus.root} is consistent", err=True)
