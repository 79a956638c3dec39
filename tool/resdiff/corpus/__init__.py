"""The git-tracked corpus: finding it, reading it, changing it safely, checking it.

* ``store``: the corpus folder, its series and texts, what a REF names (reading starts no process);
* ``adding``: ``init`` and ``add`` (``add_files`` reads files; ``add_texts`` takes normalized texts);
* ``journal``: the crash-safe commit every change goes through, and the recovery of an interrupted one;
* ``integrity``: ``verify`` and ``verify --repair``; ``history``: ``log``;
* ``gitrepo``: git run as plain processes, and its failures told in one line.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .journal import MARKER, heal, locked
from .store import (
    MARKER_TEXT,
    ROOT_FILES,
    Corpus,
    Entry,
    find_corpus,
    list_entries,
    read_bytes,
    ref_path,
    require_corpus,
    resolve_ref,
    resolve_ref_normalized,
    series_indexes,
    stored_text,
)

if TYPE_CHECKING:
    from .adding import (
        Added,
        AddResult,
        Incoming,
        add_files,
        add_texts,
        init_corpus,
        normalize_file,
        read_input,
        source_path,
    )
    from .history import LogEntry, log
    from .integrity import Report, explains, verify

# what writing and checking need is imported on first use: reading commands do not pay for it
_LAZY = {
    **dict.fromkeys(
        (
            "Added",
            "AddResult",
            "Incoming",
            "add_files",
            "add_texts",
            "init_corpus",
            "normalize_file",
            "read_input",
            "source_path",
        ),
        "adding",
    ),
    **dict.fromkeys(("LogEntry", "log"), "history"),
    **dict.fromkeys(("Report", "explains", "verify"), "integrity"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MARKER",
    "MARKER_TEXT",
    "ROOT_FILES",
    "AddResult",
    "Added",
    "Corpus",
    "Entry",
    "Incoming",
    "LogEntry",
    "Report",
    "add_files",
    "add_texts",
    "explains",
    "find_corpus",
    "heal",
    "init_corpus",
    "list_entries",
    "locked",
    "log",
    "normalize_file",
    "read_bytes",
    "read_input",
    "ref_path",
    "require_corpus",
    "resolve_ref",
    "resolve_ref_normalized",
    "series_indexes",
    "source_path",
    "stored_text",
    "verify",
]
