"""What the commands share: messages, reading a REF, writing output, the common options."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from ..errors import InputError, ResdiffError

if TYPE_CHECKING:
    from ..model import Resolution


def warn(message: str) -> None:
    click.echo(f"resdiff: warning: {message}", err=True)


def warn_about(ref: str, warnings: tuple[str, ...]) -> None:
    """The normalizer's warnings about one input, each naming it as the user gave it."""
    for warning in warnings:
        warn(f"{'stdin' if ref == '-' else ref}: {warning}")


def read_ref(ref: str, corpus_path: str | None) -> Resolution:
    """The text a REF names, its warnings printed. Stdin and files come first, as in the corpus's
    own lookup, so that they need no corpus (a stale RESDIFF_CORPUS does not matter) and do not
    pay for importing the corpus machinery."""
    import os

    if ref == "-" or os.path.isfile(ref):
        from ..normalize import normalize_input

        normalized = normalize_input(ref)
    else:
        from ..corpus import find_corpus, resolve_ref_normalized

        normalized = resolve_ref_normalized(ref, find_corpus(corpus_path))
    warn_about(ref, normalized.warnings)
    return normalized.resolution


def write_output(data: str | bytes, output: str | None) -> None:
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
    write_file(output, data.encode("utf-8") if isinstance(data, str) else data)


def write_file(output: str, data: bytes) -> None:
    """An ``-o`` file, replaced atomically: a failed run never leaves half a report."""
    from ..files import write_atomic

    try:
        write_atomic(output, data, keep_mode=True)
    except OSError as error:
        reason = f"{error.strerror or error}; check that its folder exists and is writable"
        raise ResdiffError(f"cannot write {output}: {reason}") from None


canonical_format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["canonical", "json"]),
    default="canonical",
    show_default=True,
    help="The canonical clause-per-line text, or the JSON model other tools read.",
)


corpus_option = click.option(
    "--corpus",
    "corpus_path",
    envvar="RESDIFF_CORPUS",
    type=click.Path(file_okay=False),
    help="Corpus folder (default: RESDIFF_CORPUS, else the project's corpus/ found from here upwards).",
)
corpus_format_option = click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)


def say_empty(root: object) -> None:
    """An empty listing on stdout, and on stderr why, so that silence is never the only answer."""
    click.echo(
        f"resdiff: the corpus {root} holds no texts yet; add some with 'resdiff add FILE...'", err=True
    )


def echo_json(data: Any) -> None:
    import json

    click.echo(json.dumps(data, indent=2, ensure_ascii=False))
