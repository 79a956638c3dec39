"""``resdiff history``, ``resdiff blame`` and ``resdiff timeline``: a series of versions, traced.

Every command takes either one REF naming a corpus series or text (``cluster-munitions``: the whole
series; ``80/52`` or ``cluster-munitions@2025``: its series up to that text), or several REFs and
files, oldest first. A step across missing versions names the symbols it skips: for corpus texts,
those their series index lists; for any text, those the newer one recites in its lineage paragraph.
Only click is imported here: the tracing and the renderers load when a command runs.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from ..errors import InputError
from . import main
from ._common import corpus_option, lang_option, language, read_ref, write_output

if TYPE_CHECKING:
    from ..evolution import History
    from ..model import Resolution

_FORMATS = ("terminal", "markdown", "html", "json")  # render.history.HISTORY_FORMATS, without the import
_EXTENSIONS = {".html": "html", ".htm": "html", ".md": "markdown", ".json": "json", ".txt": "terminal"}
_output_path = click.Path(dir_okay=False, allow_dash=True)
_refs_argument = click.argument("refs", nargs=-1, required=True, metavar="SERIES|REF...")
_format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(_FORMATS),
    help="Default: from -o's extension (.html, .md, .json), else terminal.",
)
_output_option = click.option(
    "-o", "--output", type=_output_path, help="Write to FILE (atomically); - is stdout."
)


def _trace(refs: tuple[str, ...], corpus_path: str | None) -> History:
    from ..evolution import trace

    versions, series = _versions(refs, corpus_path)
    return trace(versions, series)


def _versions(refs: tuple[str, ...], corpus_path: str | None) -> tuple[list[Resolution], list[str]]:
    """The versions REFS name, oldest first, and the symbols their corpus series are known to have."""
    if len(refs) == 1:
        return _series_versions(refs[0], corpus_path)
    if refs.count("-") > 1:
        raise InputError("only one REF can be '-': stdin holds one text")
    versions = [read_ref(ref, corpus_path) for ref in refs]
    texts = [v for ref, v in zip(refs, versions, strict=True) if not _is_file(ref) and v.symbol]
    if not texts:
        return versions, []
    from ..corpus import require_corpus

    corpus = require_corpus(corpus_path)  # a REF that is no file was read from it
    series: list[str] = []
    for version in texts:
        path = corpus.locate(version.symbol or "", version.language)
        if path is not None:
            series += [entry.symbol for entry in corpus.index(path.parent.name).lineage]
    return versions, series


def _is_file(ref: str) -> bool:
    head, at, _ = ref.rpartition("@")
    return ref == "-" or os.path.isfile(ref) or bool(at and os.path.isfile(head))


def _series_versions(ref: str, corpus_path: str | None) -> tuple[list[Resolution], list[str]]:
    """One REF: a corpus series (all of it), or a corpus text with its series' earlier members."""
    if _is_file(ref):
        raise InputError(
            f"{ref} is one text, not a series: give the earlier versions before it, oldest first "
            f"(resdiff ... OLD.md {ref}), or name a corpus series (cluster-munitions)"
        )
    from ..corpus import ref_path, require_corpus, resolve_ref
    from ..refs import parse_ref, symbol_sort_key

    corpus = require_corpus(corpus_path)
    parsed = parse_ref(ref)
    lang = parsed.language or language()  # a series runs in one language: the REF's, --lang's, else English
    if parsed.series is not None and parsed.year is None and parsed.rev is None:
        index = corpus.index(parsed.series)
        members = index.in_language(lang)
        if not members and index.members:
            held = ", ".join(index.languages())
            raise InputError(
                f"series {index.slug} has no text in {lang or 'en'}; it holds texts in {held}: "
                f"pass --lang or name one ({index.slug}@{index.languages()[0]})"
            )
        versions = [resolve_ref(member.symbol, corpus, lang) for member in members]
        named = index.slug
    else:
        if lang is not None and parsed.language is None:
            from dataclasses import replace

            parsed = replace(parsed, language=lang)
        index = corpus.index(ref_path(corpus, parsed).parent.name)
        last = read_ref(ref, corpus_path)
        before = symbol_sort_key(last.symbol or "")
        earlier = [m for m in index.in_language(last.language or lang) if symbol_sort_key(m.symbol) < before]
        versions = [*(resolve_ref(member.symbol, corpus, last.language or lang) for member in earlier), last]
        named = f"{last.symbol} in series {index.slug}"
    if len(versions) < 2:
        raise InputError(
            f"{named} has no earlier text in the corpus to trace it from; add earlier years "
            "with 'resdiff add', or give the versions as files, oldest first"
        )
    return versions, [entry.symbol for entry in index.lineage]


def _format(output_format: str | None, output: str | None) -> str:
    if output_format is not None:
        return output_format
    if output is None or output == "-":
        return "terminal"
    suffix = os.path.splitext(output)[1].lower()
    if suffix not in _EXTENSIONS:
        names = ", *".join(sorted(_EXTENSIONS))
        raise InputError(f"cannot tell the format of {output!r}: name it *{names} or pass --format")
    return _EXTENSIONS[suffix]


def _width(output: str | None) -> int:
    """The terminal's width for output to it (``COLUMNS`` first), else 80 (a file, a pipe)."""
    import shutil

    to_stdout = output is None or output == "-"
    return max(40, shutil.get_terminal_size((80, 24)).columns) if to_stdout and sys.stdout.isatty() else 80


def _color(output: str | None) -> bool:
    to_stdout = output is None or output == "-"
    return to_stdout and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@main.command("history", short_help="Trace every clause through a series of versions.")
@_refs_argument
@_format_option
@_output_option
@click.option(
    "--clause",
    metavar="KEY[@REF]",
    help="One clause's text in every version, with the redline of each step (OP10@80/52; "
    "without @REF, in the newest version).",
)
@lang_option
@corpus_option
def history_command(
    refs: tuple[str, ...],
    output_format: str | None,
    output: str | None,
    clause: str | None,
    corpus_path: str | None,
) -> None:
    """The lineages of a series: every clause of every version, where it first appeared, in which
    version it changed and how, where it ended (deleted, or merged into another).

    SERIES is a corpus series (all its texts, oldest first); a single REF is a corpus text, traced
    from the first text of its series; several REFs or files are the versions, oldest first. Each
    step is exactly what 'resdiff diff' gives for its two texts; a step across missing versions
    names the symbols it skips.

    \b
    Examples:
      resdiff history cluster-munitions
      resdiff history 72/54 A_RES_79_58.pdf A_RES_80_52.pdf --format json   # files
      resdiff history cluster-munitions --clause OP3@80/52  # once fetched: "strong" -> "grave" concern
      resdiff history cluster-munitions --lang fr           # the French texts (cluster-munitions@fr)
    """
    from ..render.history import render_clause, render_history

    fmt = _format(output_format, output)
    history = _trace(refs, corpus_path)
    if clause is not None:
        text = render_clause(history.clause_history(clause), fmt, color=_color(output))
    else:
        text = render_history(history, fmt, color=_color(output), width=_width(output))
    write_output(text, output)
    _wrote(output, f"{len(history.versions)} versions, {len(history.lineages)} lineages")


@main.command("blame", short_help="Date every word of a text by the version it stands since.")
@_refs_argument
@_format_option
@_output_option
@lang_option
@corpus_option
def blame_command(
    refs: tuple[str, ...], output_format: str | None, output: str | None, corpus_path: str | None
) -> None:
    """Blame the last text given: for each of its clauses, where its lineage began, when it last
    changed, and since which version each stretch of its words has stood unchanged.

    The words are followed through every step of the series (through moves, splits and merges),
    never by comparing the last text with the first. A change of case or punctuation keeps a
    word's date; a restored clause dates from its restoration.

    \b
    Examples:
      resdiff fetch 80/52 --with-predecessors && resdiff blame 80/52   # against its series' earlier texts
      resdiff blame 72/54 A_RES_79_58.pdf A_RES_80_52.pdf -o blame.html
    """
    from ..render.history import render_blame

    fmt = _format(output_format, output)
    blame = _trace(refs, corpus_path).blame()
    write_output(render_blame(blame, fmt, color=_color(output), width=_width(output)), output)
    _wrote(output, f"{len(blame.clauses)} clauses of {blame.symbol}, {len(blame.versions)} versions")


@main.command("timeline", short_help="Draw a series' lineages (SVG, or an HTML page).")
@_refs_argument
@click.option(
    "-o",
    "--output",
    required=True,
    type=_output_path,
    help="timeline.svg (the picture) or timeline.html (the picture, stats and rankings).",
)
@click.option(
    "--format", "output_format", type=click.Choice(["svg", "html"]), help="Default: from -o's extension."
)
@lang_option
@corpus_option
def timeline_command(
    refs: tuple[str, ...], output: str, output_format: str | None, corpus_path: str | None
) -> None:
    """Draw a series: versions as columns, lineages as rows, each cell coloured by its kind and
    labelled with its clause key, the redline on hover. The HTML page adds the per-version stats,
    the most edited and the longest-lived clauses. Both are self-contained.

    \b
    Examples:
      resdiff timeline cluster-munitions -o timeline.html
      resdiff timeline 72/54 A_RES_79_58.md A_RES_80_52.md -o timeline.svg
    """
    if output_format is None:
        suffix = os.path.splitext(output)[1].lower()
        if suffix not in (".svg", ".html", ".htm"):
            raise InputError(
                f"cannot tell the format of {output!r}: name it *.svg or *.html, or pass --format"
            )
        output_format = "svg" if suffix == ".svg" else "html"
    from ..render import timeline

    history = _trace(refs, corpus_path)
    write_output(timeline.svg(history) if output_format == "svg" else timeline.html(history), output)
    _wrote(output, f"{len(history.versions)} versions, {len(history.lineages)} lineages")


def _wrote(output: str | None, what: str) -> None:
    """Say on stderr what a command wrote to a file (as ``report`` does); nothing for stdout."""
    if output is not None and output != "-":
        click.echo(f"resdiff: wrote {output} ({what})", err=True)
