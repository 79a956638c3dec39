"""What the commands share: messages, reading a REF, writing output, the common options."""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING, Any

import click

from ..errors import InputError, ResdiffError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..model import Resolution


MAX_TOKEN = 160  # characters of one word of a message: a path fits, a 5 KB REF echoed back does not
_KEPT_HEAD, _KEPT_TAIL = 100, 20


def one_line(message: str) -> str:
    """A message as one line of reasonable length: whitespace runs (newlines too) become one
    space, and a word longer than MAX_TOKEN (a 5 KB REF the user pasted, echoed back) keeps its
    start and end around an ellipsis that says how much was left out. An unsafe character (a file
    name's ESC or bidirectional override) shows as U+FFFD, never obeyed by the terminal."""
    from .. import model

    words = []
    for word in message.split():
        if len(word) > MAX_TOKEN:
            left_out = len(word) - _KEPT_HEAD - _KEPT_TAIL
            word = f"{word[:_KEPT_HEAD]}…[{left_out} characters]…{word[-_KEPT_TAIL:]}"
        words.append(word)
    line = " ".join(words)
    return model.UNSAFE_RE.sub("\ufffd", line) if model.find_unsafe(line) is not None else line


def say(message: str) -> None:
    """One line on stderr. A stderr that cannot take it (closed, full) has nowhere to say so."""
    with contextlib.suppress(OSError):
        click.echo(one_line(message), err=True)


def usage_message(error: click.ClickException) -> str:
    """Click's complaint (a bad option, a missing argument, a file that is not there) in the words
    of every other error: lower case, no full stop, and where to read the command's usage."""
    message = error.format_message().strip().removesuffix(".")
    # "No such option: '--fromat'. Did you mean '--format'?" (click's one hint) reads as an aside
    message = message.replace(". Did you mean ", " (did you mean ").replace("(Did you mean", "(did you mean")
    if message.endswith("?") and " (did you mean " in message:
        message += ")"
    if message[:1].isupper() and message[1:2].islower():
        message = message[0].lower() + message[1:]
    context = getattr(error, "ctx", None)
    if context is not None:
        message += f"; see '{context.command_path} --help'"
    return message


def warn(message: str) -> None:
    say(f"resdiff: warning: {message}")


def warn_about(ref: str, warnings: tuple[str, ...]) -> None:
    """The normalizer's warnings about one input, each naming it as the user gave it (see
    ``warn_all``)."""
    name = "stdin" if ref == "-" else ref
    warn_all(f"{name}: {warning}" for warning in warnings)


def warn_all(warnings: Iterable[str]) -> None:
    """Warnings, a warning repeated right after itself said once with its count: one input once
    gave 199,002 lines of them."""
    from itertools import groupby

    for warning, run in groupby(warnings):
        times = sum(1 for _ in run)
        warn(warning + (f" (repeated {times} times)" if times > 1 else ""))


def language() -> str | None:
    """The language ``--lang`` names for this command's corpus REFs (None: English, or as each REF says)."""
    context = click.get_current_context(silent=True)
    return None if context is None else context.meta.get(_LANGUAGE_KEY)


def read_ref(ref: str, corpus_path: str | None) -> Resolution:
    """The text a REF names, its warnings printed. Stdin and files come first, as in the corpus's
    own lookup, so that they need no corpus (a stale RESDIFF_CORPUS does not matter) and do not
    pay for importing the corpus machinery. A corpus REF is read in the language it names
    (``80/52@fr``), else in ``--lang``'s."""
    import os

    if ref == "-" or os.path.isfile(ref):
        from ..normalize import normalize_input

        normalized = normalize_input(ref)
    else:
        from ..corpus import find_corpus, resolve_ref_normalized

        normalized = resolve_ref_normalized(ref, find_corpus(corpus_path), language())
    warn_about(ref, normalized.warnings)
    return normalized.resolution


def write_output(data: str | bytes, output: str | None) -> None:
    """Text to stdout or an ``-o`` file (see ``write_file``)."""
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
    """An ``-o`` file: a regular file is replaced atomically (a failed run never leaves half a
    report), a device or FIFO written in place, a symbolic link written through (see ``files``)."""
    import errno

    from ..files import write_output_file

    try:
        write_output_file(output, data)
    except OSError as error:
        reason = error.strerror or str(error)
        if error.errno in (errno.ENOENT, errno.ENOTDIR):
            reason += "; check that its folder exists"
        elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            reason += "; check that its folder is writable"
        raise ResdiffError(f"cannot write {output}: {reason}") from None


OUTPUT_HELP = (
    "Write to FILE (atomically); - is stdout. A device or FIFO is written in place, a symbolic link "
    "written through to its file."
)


canonical_format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["canonical", "json", "akn"]),
    default="canonical",
    show_default=True,
    help="The canonical clause-per-line text, the JSON model other tools read, or AKN4UN XML "
    "(Akoma Ntoso 3.0, as the UN publishes resolutions).",
)


corpus_option = click.option(
    "--corpus",
    "corpus_path",
    envvar="RESDIFF_CORPUS",
    type=click.Path(file_okay=False),
    help="Corpus folder (default: RESDIFF_CORPUS, else the project's corpus/ found from here upwards).",
)
_LANGUAGE_KEY = "resdiff.language"


def _keep_language(context: click.Context, _: click.Parameter, value: str | None) -> None:
    context.meta[_LANGUAGE_KEY] = value


lang_option = click.option(
    "--lang",
    type=click.Choice(["en", "fr", "es", "ru", "ar", "zh"]),
    expose_value=False,
    callback=_keep_language,
    help="Read corpus texts in this language (a REF may name its own: 80/52@fr). Files are in theirs.",
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


class Progress:
    """A progress bar on stderr for long work, drawn only where stderr is a terminal and there is more
    than one step (piped or redirected, it stays quiet): ``fetch``'s way, for any command. Called as
    ``progress(done, total)``."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.terminal = sys.stderr.isatty()
        self.bar: Any = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.render_finish()

    def __call__(self, done: int, total: int) -> None:
        if not self.terminal or total < 2:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr, show_pos=True)
        self.bar.update(done - self.bar.pos)
