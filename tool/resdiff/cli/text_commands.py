"""``resdiff normalize``: one text's clauses."""

from __future__ import annotations

import click

from . import main
from ._common import OUTPUT_HELP, canonical_format_option, warn_about, write_output


@main.command("normalize", short_help="Print a resolution's clauses (canonical format, JSON or AKN4UN).")
@click.argument("file", type=click.Path(allow_dash=True))
@canonical_format_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), help=OUTPUT_HELP)
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings about the input.")
def normalize_command(file: str, output_format: str, output: str | None, quiet: bool) -> None:
    """Read a resolution and print its clauses in the canonical format (or JSON, or AKN4UN XML).

    FILE may be the seed's Markdown-like text, a UN Digital Library text extraction, plain text
    copied from a PDF viewer, a DOCX or PDF file, or a canonical file; '-' reads stdin.

    \b
    Examples:
      resdiff normalize ../shared/data/ga-res-80/A_RES_80_52.md
      resdiff normalize --format json resolution.docx -o resolution.json
      resdiff normalize --format akn A_RES_72_54.pdf -o A_RES_72_54.xml
      pbpaste | resdiff normalize -
    """
    import json

    from ..canonical import dump
    from ..normalize import normalize_input

    normalized = normalize_input(file)
    if not quiet:
        warn_about(file, normalized.warnings)
    if output_format == "json":
        text = json.dumps(normalized.resolution.to_json(), ensure_ascii=False, indent=2) + "\n"
    elif output_format == "akn":
        from ..render.akn import render

        text = render(normalized.resolution)
    else:
        text = dump(normalized.resolution)
    write_output(text, output)
