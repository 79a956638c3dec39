"""The corpus commands: init, add, list, show, log, series, verify."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from . import main
from ._common import (
    OUTPUT_HELP,
    canonical_format_option,
    corpus_format_option,
    corpus_option,
    echo_json,
    lang_option,
    language,
    read_ref,
    say_empty,
    warn,
    write_output,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..corpus import AddResult, Corpus
    from ..corpus.catalog import Catalog
    from ..corpus.conflicts import Difference
    from ..series import SeriesIndex


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
@click.option(
    "--series",
    metavar="SLUG",
    help="Series for new texts (default: the one they cite, or share a title with, else one named after "
    "the title's subject: 'Implementation of the Convention on Cluster Munitions' -> cluster-munitions).",
)
@click.option("-m", "--message", help="Commit message (the symbols are listed below it).")
@click.option("--replace", is_flag=True, help="Record a different text of a stored symbol as a correction.")
@corpus_option
def add_command(
    files: tuple[str, ...], series: str | None, message: str | None, replace: bool, corpus_path: str | None
) -> None:
    """Normalize FILES into the corpus, in one commit, keeping each file's bytes in sources/.

    A text joins the series given by --series, else the series whose texts it cites or whose
    title it shares, else a new series named after its title's subject. Adding a text already
    stored unchanged (whatever its file's name or encoding) does nothing; a different text of a
    stored symbol needs --replace.

    An add that is interrupted (Ctrl-C, kill, power cut) leaves the corpus as it was before or
    with the whole add committed, never half-written: the next resdiff command finishes or rolls
    back what was interrupted, and says which.

    \b
    Examples:
      resdiff add A_RES_72_54.md A_RES_80_52.md
      resdiff add --replace -m "Fix PP11 from the official PDF" A_RES_72_54.md
    """
    from ..corpus import add_files, require_corpus

    corpus = require_corpus(corpus_path)
    commit_and_report(lambda: add_files(corpus, files, series=series, message=message, replace=replace))


def commit_and_report(add: Callable[[], AddResult]) -> None:
    """Run an add (``add`` or ``fetch``) and say what it did: a Ctrl-C once its commit has landed is
    no failure (the add is complete: exit 130, its files kept); the rest is ``add``'s report."""
    from ..corpus import AddResult
    from ..errors import InterruptedAfterCommit

    try:
        result = add()
    except InterruptedAfterCommit as interrupted:
        if isinstance(interrupted.result, AddResult):
            _report_added(interrupted.result)
        click.echo(
            f"resdiff: interrupted after commit {interrupted.commit[:10]} had landed: the add is complete",
            err=True,
        )
        sys.exit(130)
    _report_added(result)
    if result.commit is None:
        click.echo("resdiff: nothing to commit: the corpus already holds these texts unchanged", err=True)
    else:
        click.echo(f"resdiff: committed {result.commit[:10]}", err=True)


def _report_added(result: AddResult) -> None:
    for notice in result.notices:
        click.echo(f"resdiff: {notice}", err=True)
    for warning in result.warnings:
        warn(warning)
    for added in result.added:
        click.echo(f"{added.action}\t{added.symbol}\t{added.file}")


def _open(corpus_path: str | None) -> Corpus:
    """The corpus, healed first if a writer was interrupted there and none is at work now."""
    from ..corpus import heal, require_corpus

    corpus = require_corpus(corpus_path)
    notice = heal(corpus.root)
    if notice:
        click.echo(f"resdiff: {notice}", err=True)
    return corpus


def _say_unreadable(catalog: Catalog) -> None:
    """The texts the index could not read (a merge's conflict, damage): named, and left out."""
    for unreadable in catalog.unreadable:
        if unreadable.conflicted:
            warn(
                f"{unreadable.path} is in conflict from a git merge and is not shown; see 'resdiff conflicts'"
            )
        else:
            warn(f"{unreadable.reason}; it is not shown ('resdiff verify' says more)")


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
    from ..corpus import list_entries
    from ..model import FOOTNOTE, OPERATIVE, PREAMBULAR, SUBPARAGRAPH
    from ..refs import validate_slug

    corpus = _open(corpus_path)
    catalog = corpus.catalog(validate_slug(series) if series else None)
    entries = list_entries(corpus, series, catalog)
    _say_unreadable(catalog)
    if not entries and not catalog.unreadable:
        say_empty(corpus.root)
    if output_format == "json":
        echo_json([entry.to_json() for entry in entries])
        return
    rows = ["series\tsymbol\tsession\tadopted\tPP\tOP\tsub\tFN"]
    for entry in entries:
        member = entry.member
        counts = dict(member.clauses)
        columns = [str(counts.get(kind, 0)) for kind in (PREAMBULAR, OPERATIVE, SUBPARAGRAPH, FOOTNOTE)]
        symbol = member.symbol + (f"@{member.language}" if member.language else "")  # a REF for show
        row = [entry.series, symbol, str(member.session or ""), member.adopted or "", *columns]
        rows.append("\t".join(row))
    click.echo("\n".join(rows))


@main.command("show", short_help="Print the text a REF names.")
@click.argument("ref")
@canonical_format_option
@lang_option
@corpus_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help=OUTPUT_HELP)
def show_command(ref: str, output_format: str, corpus_path: str | None, output: str | None) -> None:
    """Print the text REF names: A/RES/72/54, 72/54, cluster-munitions@2017, a file or -, any of them @REV.

    \b
    Examples:
      resdiff show 72/54
      resdiff show cluster-munitions@2017 --format json
      resdiff show 72/54@HEAD~1    # the text before its last correction
      resdiff show cluster-munitions@2017 --lang fr   # the French text, where the corpus has it
      resdiff show 72/54 --format akn -o A_RES_72_54.xml   # as AKN4UN XML
    """
    import json

    from ..canonical import dump

    resolution = read_ref(ref, corpus_path)
    if output_format == "json":
        text = json.dumps(resolution.to_json(), ensure_ascii=False, indent=2) + "\n"
    elif output_format == "akn":
        from ..render.akn import render

        text = render(resolution)
    else:
        text = dump(resolution)
    write_output(text, output)


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
    from ..corpus import log

    entries = log(_open(corpus_path), ref)
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
@lang_option
@corpus_option
def series_command(slug: str | None, output_format: str, corpus_path: str | None) -> None:
    """The lineage of a series (or of all), oldest first, each text marked present or missing.

    The lineage is what the texts recite ("Recalling its resolutions 63/71 ... and 70/54 ..."):
    a missing member is one to fetch and add. A series holds each language of a text side by
    side: each present text lists its languages; with --lang, present means present in that one.

    \b
    Examples:
      resdiff series cluster-munitions
      resdiff series cluster-munitions --lang zh
    """
    from ..corpus import series_indexes
    from ..refs import validate_slug

    corpus = _open(corpus_path)
    catalog = corpus.catalog(validate_slug(slug) if slug else None)
    indexes = series_indexes(corpus, slug, catalog)
    _say_unreadable(catalog)
    if not indexes and not catalog.unreadable:
        say_empty(corpus.root)
    lang = language()
    if output_format == "json":
        echo_json([_in_language(index.to_json(), index, lang) for index in indexes])
        return
    lines = []  # printed at once: one echo a line was a third of the time at 20,000 texts
    for index in indexes:
        title = next((m.title for m in reversed(index.in_language(lang)) if m.title), None) if lang else None
        lines.append(f"{index.slug}: {title or index.title or ''}")
        several = not lang and len(index.languages()) > 1
        for entry in index.lineage_in(lang) if lang else index.lineage:
            mark = "present" if entry.present else "missing"
            held = [m.language or "en" for m in index.members if m.symbol == entry.symbol] if several else []
            tail = f"\t{' '.join(held)}" if held else ""
            lines.append(f"  {mark}  {entry.symbol}\t{entry.date}{tail}")
    if lines:
        click.echo("\n".join(lines))


def _in_language(data: dict[str, object], index: SeriesIndex, lang: str | None) -> dict[str, object]:
    """A series index's JSON; with --lang, its members and lineage in that language only."""
    if lang is None:
        return data
    return {
        **data,
        "language": lang,
        "members": [m.to_json() for m in index.in_language(lang)],
        "lineage": [e.to_json() for e in index.lineage_in(lang)],
    }


@main.command("verify", short_help="Check the corpus for drift (exit 1 on drift).")
@click.option(
    "--repair",
    is_flag=True,
    help="First put right what resdiff can: finish or roll back an interrupted add, rebuild series "
    "indexes from the committed texts, remove temporary files of interrupted writes.",
)
@click.option(
    "--sources",
    "source_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="A folder to look for texts' sources in (by SHA-256) when the corpus does not keep them; "
    "repeatable.",
)
@corpus_option
def verify_command(repair: bool, source_dirs: tuple[str, ...], corpus_path: str | None) -> None:
    """Check that texts re-normalize unchanged and are what their sources give, that indexes match
    texts and that git holds it all; exit 1 on drift.

    Each problem is printed on its own line, naming the file. A text whose source is neither in
    the corpus' sources/ nor in a --sources folder cannot be checked against it: that is said
    once, and is not drift.

    \b
    Examples:
      resdiff verify
      resdiff verify --repair
      resdiff verify --sources ../shared/seeds
    """
    from ..corpus import require_corpus, verify

    corpus = require_corpus(corpus_path)
    report = verify(corpus, source_dirs, repair=repair)
    for notice in report.notices:
        click.echo(f"resdiff: {notice}", err=True)
    for problem in report.problems:
        click.echo(problem)
    if report.unchecked:
        count = len(report.unchecked)
        shown = ", ".join(report.unchecked[:5]) + (f" and {count - 5} more" if count > 5 else "")
        click.echo(
            f"resdiff: {count} text(s) could not be checked against a source ({shown}): the corpus "
            "does not keep it; 'resdiff verify --sources DIR' looks for it in DIR",
            err=True,
        )
    checked = f" ({report.checked} text(s) checked against their source)" if report.checked else ""
    if report.problems:
        click.echo(f"resdiff: {len(report.problems)} problem(s) in {corpus.root}{checked}", err=True)
        sys.exit(1)
    click.echo(f"resdiff: {corpus.root} is consistent{checked}", err=True)


@main.command("conflicts", short_help="Texts a git merge left in conflict, clause by clause.")
@click.option(
    "--take",
    type=click.Choice(["ours", "theirs"]),
    help="Resolve the texts named (or --all) by taking that side's whole text.",
)
@click.option("--all", "every", is_flag=True, help="With --take: every text in conflict.")
@click.argument("refs", nargs=-1)
@corpus_format_option
@corpus_option
def conflicts_command(
    take: str | None, every: bool, refs: tuple[str, ...], output_format: str, corpus_path: str | None
) -> None:
    """Show the texts a git merge, rebase or cherry-pick left in conflict, each clause (and header
    field) the two sides hold differently, with the common ancestor's; --take resolves one.

    Two clones adding different texts never conflict (the series index is derived from the texts,
    not kept in git); two different corrections of one text do. Taking a side takes its whole text,
    which its own source explains. During a rebase git calls the branch rebased onto "ours" and
    your commit being replayed "theirs".

    \b
    Examples:
      git pull                      # stops: CONFLICT in widgets/A_RES_91_7.txt
      resdiff conflicts             # what each side says, clause by clause
      resdiff conflicts --take theirs 72/54 && git commit
    """
    from ..corpus.conflicts import conflicts
    from ..corpus.conflicts import take as take_side

    corpus = _open(corpus_path)
    if take is not None:
        for path in take_side(corpus, take, refs, every):
            click.echo(f"resdiff: {path}: took {take}", err=True)
    elif refs or every:
        raise click.UsageError("name texts (or --all) only with --take ours|theirs")
    state, found = conflicts(corpus)
    if output_format == "json":
        echo_json({"in_progress": state.name if state else None, "conflicts": [c.to_json() for c in found]})
        return
    if state is None:
        click.echo(f"resdiff: no git merge is in progress in {corpus.root}: nothing is in conflict", err=True)
        return
    for conflict in found:
        what = f" ({conflict.symbol})" if conflict.symbol else ""
        click.echo(f"{conflict.path}{what}" + (f": {conflict.note}" if conflict.note else ""))
        for difference in conflict.differences:
            changed = "changed on both sides" if difference.both_changed else _one_side(difference)
            click.echo(f"  {difference.key}: {changed}")
            for label, value in (
                ("base", difference.base),
                ("ours", difference.ours),
                ("theirs", difference.theirs),
            ):
                click.echo(f"    {label + ':':8}{value if value is not None else '(absent)'}")
    if found:
        click.echo(
            f"resdiff: {len(found)} file(s) in conflict; take a side with 'resdiff conflicts --take "
            f"ours|theirs REF' (or --all), then {state.next_step}",
            err=True,
        )
    else:
        click.echo(f"resdiff: no corpus file is in conflict; {state.next_step}", err=True)


def _one_side(difference: Difference) -> str:
    return "changed in ours only" if difference.theirs == difference.base else "changed in theirs only"
