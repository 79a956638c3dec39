"""``resdiff parallel``: do the language versions of a resolution have the same structure?"""

from __future__ import annotations

import os
import sys

import click

from ..errors import InputError, RefError
from ..model import LANGUAGES
from . import main
from ._common import OUTPUT_HELP, corpus_option, read_ref, warn, write_output

_EXTENSIONS = {".html": "html", ".htm": "html", ".md": "markdown", ".json": "json", ".txt": "terminal"}


def _languages(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    from ..languages import code

    chosen = []
    for spelling in value.split(","):
        language = code(spelling.strip())
        if language is None:
            raise InputError(
                f"--langs: {spelling.strip()!r} is none of the UN's languages ({', '.join(LANGUAGES)})"
            )
        chosen.append(language)
    return tuple(dict.fromkeys(chosen))


@main.command("parallel", short_help="Check that the language versions of a resolution agree.")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--langs",
    help="Languages to compare, e.g. en,fr,es,ru,ar,zh (default: every one the corpus has for a REF, "
    "every file given).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("terminal", "markdown", "html", "json")),
    help="Default: from -o's extension, else terminal.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help=OUTPUT_HELP)
@click.option("--exit-code", is_flag=True, help="Exit 1 when a mismatch is found, like diff(1).")
@corpus_option
def parallel_command(
    sources: tuple[str, ...],
    langs: str | None,
    output_format: str | None,
    output: str | None,
    exit_code: bool,
    corpus_path: str | None,
) -> None:
    """Check that the language versions of each resolution have the same structure: the same clauses
    in the same order, the same footnotes in the same clauses, the same cited symbols and the same
    numbers and dates in each clause. Every mismatch is listed with each version's text.

    SOURCES are corpus REFs (80/52, read in each of --langs' languages; 80/52@fr names one) and
    files (one per language: the six AKN4UN XML files of a resolution, PDFs, texts); files of several
    resolutions are put together by their symbol.
    Exit status: 0; 1 with --exit-code when a mismatch is found; 2 on trouble.

    \b
    Examples:
      resdiff parallel 80/52 --langs en,fr,es,ru,ar,zh   # once fetched: resdiff fetch 80/52 --lang fr ...
      resdiff parallel ../shared/data/akn/80session/English/A_RES_80_52-2519990E.xml \\
          ../shared/data/akn/80session/French/A_RES_80_52-2519990F.xml   # or */A_RES_80_*.xml
      resdiff parallel ../shared/data/akn/80session/English/A_RES_80_52-2519990E.xml \\
          ../shared/data/akn/80session/Arabic/A_RES_80_52-2519990A.xml --format json -o checks.json
    """
    from ..parallel import check_all
    from ..render.parallel import render

    chosen = _languages(langs)
    resolutions = []
    for source in sources:
        if source == "-" or os.path.isfile(source) or "@" in source.split("/")[-1]:
            resolution = read_ref(source, corpus_path)
            if chosen is None or (resolution.language or "en") in chosen:
                resolutions.append(resolution)
            continue
        if source.startswith((".", os.sep)) or os.path.splitext(source)[1]:
            raise InputError(f"{source}: no such file")
        absent = []
        for language in chosen or LANGUAGES:
            try:
                resolutions.append(read_ref(f"{source}@{language}", corpus_path))
            except RefError:
                if chosen is not None:
                    raise
                absent.append(language)
        if absent and len(absent) < len(LANGUAGES):
            warn(f"{source} has no text in the corpus in {', '.join(absent)}; compared without them")
    if not resolutions:
        raise InputError(
            f"no text of {', '.join(sources)} in the corpus in the languages asked for: "
            "add them (resdiff add) or give the files"
        )
    report = check_all(resolutions)
    if output_format is None:
        extension = os.path.splitext(output)[1].lower() if output and output != "-" else ""
        output_format = _EXTENSIONS.get(extension, "terminal")
    write_output(render(report, output_format), output)
    if exit_code and report.differs:
        sys.exit(1)
