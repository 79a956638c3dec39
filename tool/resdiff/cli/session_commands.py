"""``resdiff session``: every resolution of a session against its predecessor."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from ..errors import InputError
from . import main
from ._common import Progress, corpus_option, warn_about, write_file, write_output

if TYPE_CHECKING:
    from ..model import Resolution
    from ..session import SessionComparison

_FORMATS = ("terminal", "markdown", "html", "json")
_EXTENSIONS = {".html": "html", ".htm": "html", ".md": "markdown", ".json": "json", ".txt": "terminal"}


@main.command("session", short_help="Every resolution of a session against its predecessor.")
@click.argument("sources", nargs=-1, required=True)
@click.option("--old", "old_session", type=int, help="The older session (default: the newer one less one).")
@click.option(
    "--new", "new_session", type=int, help="The newer session (default: the newest among the texts)."
)
@click.option(
    "--format", "output_format", type=click.Choice(_FORMATS), help="Default: from -o, else terminal."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(allow_dash=True),
    help="FILE (.html, .md, .json, .txt), or a folder: its index.html links one change report per pair.",
)
@click.option("--jobs", "-j", type=int, help="Processes that read files at once (default: every core).")
@corpus_option
def session_command(
    sources: tuple[str, ...],
    old_session: int | None,
    new_session: int | None,
    output_format: str | None,
    output: str | None,
    jobs: int | None,
    corpus_path: str | None,
) -> None:
    """Pair every resolution of the newer session with the one it re-adopts, and say what changed.

    SOURCES are session numbers (the corpus's texts of those sessions: 'resdiff session 79 80'),
    files, folders (every file in them) or corpus REFs, in any mix; each text's session is read
    from the text. Pairs are found from what the texts say: the predecessor the new text recites
    ("Recalling its resolutions ... 79/58"), else the same title; never from file names. For each
    pair: the records by kind, the tags, verbs strengthened or weakened, the share of words
    carried over and the vote; then the texts new this session and those not re-adopted (or not
    due this session, for a biennial or triennial series).

    \b
    Examples:
      resdiff session 79 80                              # two sessions of the corpus
      resdiff session ../shared/data/un-pdf/ga-res-79 ../shared/data/un-pdf/ga-res-80
      resdiff session 79 80 -o session/                  # index.html and one report per pair
      resdiff session 79 80 --format json
    """
    from ..render.session import render
    from ..session import compare_sessions

    folder = output is not None and output != "-" and (output.endswith(os.sep) or os.path.isdir(output))
    if output_format is None:
        output_format = "html" if folder else _format_of(output)
    if folder and output_format != "html":
        raise click.UsageError("-o FOLDER writes an HTML index: leave out --format, or give -o FILE")
    numbers = [s for s in sources if s.isdigit()]
    if len(numbers) == 2 == len(sources) and old_session is None and new_session is None:
        old_session, new_session = sorted(int(n) for n in numbers)
    texts = _read(sources, corpus_path, jobs)
    with Progress("comparing") as progress:
        comparison = compare_sessions(texts, old_session, new_session, progress=progress)
    if folder:
        assert output is not None
        _write_folder(comparison, output)
        return
    width = _terminal_width() if output_format == "terminal" and output in (None, "-") else 100
    write_output(render(comparison, output_format, width=width), output)


def _format_of(output: str | None) -> str:
    if output is None or output == "-":
        return "terminal"
    extension = os.path.splitext(output)[1].lower()
    if extension not in _EXTENSIONS:
        raise InputError(f"cannot tell the format of {output!r}: name it *.html, *.md, *.json or *.txt")
    return _EXTENSIONS[extension]


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100


def _read(sources: tuple[str, ...], corpus_path: str | None, jobs: int | None) -> list[Resolution]:
    """Every text SOURCES name: files (and folders' files) read across processes, sessions and REFs
    from the corpus."""
    from ..normalize import normalize_many

    files: list[str] = []
    refs: list[str] = []
    for source in sources:
        if source == "-" or os.path.isfile(source):
            files.append(source)
        elif os.path.isdir(source):
            found = sorted(
                os.path.join(root, name)
                for root, _, names in os.walk(source)
                for name in names
                if not name.startswith(".")
            )
            if not found:
                raise InputError(f"{source}: the folder holds no files; give a folder of resolutions")
            files += found
        else:
            refs.append(source)
    texts: list[Resolution] = []
    if files:
        with Progress("reading") as progress:
            normalized = normalize_many(files, jobs, progress=progress)
        for path, result in zip(files, normalized, strict=True):
            warn_about(path, result.warnings)
            texts.append(result.resolution)
    if refs:
        texts += _from_corpus(refs, corpus_path)
    return texts


def _from_corpus(refs: list[str], corpus_path: str | None) -> list[Resolution]:
    from ..corpus import read_bytes, require_corpus, resolve_ref, stored_text
    from ..refs import session_of, symbol_of_file_name

    corpus = require_corpus(corpus_path)
    texts = []
    for ref in refs:
        if ref.isdigit():
            paths = [p for p in corpus.texts() if session_of(symbol_of_file_name(p.name) or "") == int(ref)]
            if not paths:
                raise InputError(f"the corpus {corpus.root} holds no text of session {ref}; add some first")
            texts += [stored_text(read_bytes(p), p) for p in paths]
        else:
            texts.append(resolve_ref(ref, corpus))
    return texts


def _write_folder(comparison: SessionComparison, folder: str) -> None:
    """``index.html`` and one change report per pair (``A_RES_80_52.html``), linked from the index."""
    from ..refs import safe_name
    from ..render import render as render_report
    from ..render.session import render
    from ..report import build_report

    os.makedirs(folder, exist_ok=True)
    links = {}
    with Progress("writing") as progress:
        for done, pair in enumerate(comparison.pairs, start=1):
            name = os.path.splitext(safe_name(pair.new.symbol or ""))[0] + ".html"
            page = render_report(build_report(pair.comparison), "html")
            assert isinstance(page, str)
            write_file(os.path.join(folder, name), page.encode("utf-8"))
            links[pair.new.symbol or ""] = name
            progress(done, len(comparison.pairs))
    index = os.path.join(folder, "index.html")
    write_file(index, render(comparison, "html", links=links).encode("utf-8"))
    click.echo(f"resdiff: wrote {index} and {len(links)} change reports", err=True)
