"""Renderers: one module per output format, each laying out the same ``report.Report``.

Modules are imported only when their format is asked for, so that ``resdiff diff --format json``
never pays for python-docx.

Every format but JSON (the data, exactly) gets its report (and ``history``, ``blame`` and
``timeline`` their series) through ``printable``, one place for all: XML has no way to carry a C0
control other than tab and newline, a lone surrogate or a noncharacter (lxml refuses them: "All
strings must be XML compatible"), HTML shows DEL as garbage, a terminal obeys an escape sequence
(ESC, or the C1 control U+009B) or a carriage return in a clause instead of showing it, and a
bidirectional override shows the words in another order than they are read. The normalizer lets none
of them into a resolution, and a canonical file holding one is refused, but a ``Resolution`` built in
code can carry them: each becomes U+FFFD, the replacement character, which shows where it stood.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TypeVar

from ..errors import InputError

if TYPE_CHECKING:
    from ..report import Report

FORMATS = ("terminal", "markdown", "html", "json", "docx")
BINARY_FORMATS = frozenset({"docx"})
_EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
    ".json": "json",
    # plain text, as a terminal shows it without colour
    ".txt": "terminal",
    ".text": "terminal",
    ".diff": "terminal",
    ".patch": "terminal",
    ".log": "terminal",
    ".out": "terminal",
}


def format_for_path(
    path: str | os.PathLike[str], default: str | None = None, *, without_extension: str | None = None
) -> str:
    """The format a report file's extension asks for: ``without_extension`` for a name with none,
    ``default`` for an extension no format writes; without them, such a name is refused (a
    ``.pdf`` would get text no PDF reader opens)."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    if not suffix and without_extension is not None:
        return without_extension
    if default is not None:
        return default
    known = ", *".join(sorted(_EXTENSIONS))
    raise InputError(f"cannot tell the report format of {str(path)!r}: name it *{known} or pass --format")


REPLACEMENT = "\ufffd"
_T = TypeVar("_T")


def printable(report: _T) -> _T:
    """The report (or a traced series, a blame) with every unsafe character (``model.UNSAFE_RE``:
    what XML cannot carry, DEL, and what a terminal obeys or reorders) replaced by U+FFFD; the same
    object if it has none, the usual case, which costs one search of all its strings joined."""
    from dataclasses import fields, is_dataclass, replace

    from .. import model

    found: list[str] = []

    def strings(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, tuple):
            for item in value:
                strings(item)
        elif is_dataclass(value) and not isinstance(value, type):
            for item in vars(value).values():  # the fields, and any value cached beside them
                strings(item)

    strings(report)
    if model.find_unsafe("\n".join(found)) is None:
        return report

    def clean(value: object) -> object:
        if isinstance(value, str):
            return model.UNSAFE_RE.sub(REPLACEMENT, value)
        if isinstance(value, tuple):
            items = tuple(map(clean, value))
            return value if all(a is b for a, b in zip(items, value, strict=True)) else items
        if is_dataclass(value) and not isinstance(value, type):
            changed = {}
            for field in fields(value):
                old = getattr(value, field.name)
                new = clean(old)
                if new is not old:
                    changed[field.name] = new
            return replace(value, **changed) if changed else value
        return value

    cleaned = clean(report)
    assert isinstance(cleaned, type(report))
    return cleaned


def render(report: Report, fmt: str, *, color: bool = False) -> str | bytes:
    """The report in ``fmt``: text for every format but DOCX, which is bytes."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "json":
        from . import json

        return json.render(report)
    report = printable(report)
    if fmt == "terminal":
        from . import terminal

        return terminal.render(report, color=color)
    if fmt == "markdown":
        from . import markdown

        return markdown.render(report)
    if fmt == "html":
        from . import html

        return html.render(report)
    from . import docx

    return docx.render(report)
