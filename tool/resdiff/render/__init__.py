"""Renderers: one module per output format, each laying out the same ``report.Report``.

Modules are imported only when their format is asked for, so that ``resdiff diff --format json``
never pays for python-docx.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

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
    ".txt": "terminal",
}


def format_for_path(path: str | os.PathLike[str], default: str | None = None) -> str:
    """The format a report file's extension asks for (``default`` for any other extension)."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    if default is not None:
        return default
    known = ", *".join(sorted(_EXTENSIONS))
    raise InputError(f"cannot tell the report format of {str(path)!r}: name it *{known} or pass --format")


def render(report: Report, fmt: str, *, color: bool = False) -> str | bytes:
    """The report in ``fmt``: text for every format but DOCX, which is bytes."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "terminal":
        from . import terminal

        return terminal.render(report, color=color)
    if fmt == "markdown":
        from . import markdown

        return markdown.render(report)
    if fmt == "html":
        from . import html

        return html.render(report)
    if fmt == "json":
        from . import json

        return json.render(report)
    from . import docx

    return docx.render(report)
