"""``resdiff log``: the history of one corpus text, with the clauses each correction changed."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import canonical
from ..errors import RefError
from ..model import Resolution
from ..refs import parse_ref, symbol_of_file_name
from .gitrepo import Git, GitFailed, explain, open_worktree
from .store import Corpus, ref_path, stored_text

Keys = tuple[str, ...]
_RECORD, _FIELD = "\x1e", "\x1f"


@dataclass(frozen=True)
class LogEntry:
    """One commit touching a text; for a correction, the clause keys (or header fields) it changed."""

    commit: str
    date: str
    message: str
    changed: tuple[str, ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "commit": self.commit,
            "date": self.date,
            "message": self.message,
            "changed": list(self.changed),
            "added": list(self.added),
            "removed": list(self.removed),
        }


def log(corpus: Corpus, ref: str) -> list[LogEntry]:
    """The history of one corpus text, newest first (a path to a corpus file names its text too)."""
    if os.path.isfile(ref):
        symbol = symbol_of_file_name(Path(ref).name)
        if symbol is None or corpus.locate(symbol) != Path(ref).resolve():
            raise RefError(
                f"{ref} is a file outside the corpus {corpus.root}, so it has no history there; "
                "name a corpus text by its symbol (e.g. 72/54)"
            )
        ref = symbol
    parsed = parse_ref(ref)
    if parsed.rev is not None:
        raise RefError(f"{ref!r}: 'log' shows the whole history; leave out '@{parsed.rev}'")
    path = ref_path(corpus, parsed)
    worktree = open_worktree(corpus.root)
    git = Git(worktree)
    relative = worktree.relative(path)
    try:
        if git.head() is None:
            return []
        output = git.text("log", f"--format={_RECORD}%H{_FIELD}%cI{_FIELD}%P{_FIELD}%B", "--", relative)
        commits = [record.split(_FIELD) for record in output.split(_RECORD) if record.strip()]
        wanted = [f"{sha}:{relative}" for sha, *_ in commits]
        wanted += [f"{parents.split()[0]}:{relative}" for _, _, parents, _ in commits if parents.split()]
        blobs = _batch(git, wanted)
    except GitFailed as failure:
        raise explain(worktree, failure) from None
    entries = []
    for sha, date, parents, message in commits:
        data = blobs.get(f"{sha}:{relative}")
        if data is None:  # the commit removed the file
            continue
        new = stored_text(data, f"{relative}@{sha[:10]}")
        old = None
        if parents.split():
            parent = parents.split()[0]
            old_data = blobs.get(f"{parent}:{relative}")
            if old_data is not None:
                old = stored_text(old_data, f"{relative}@{parent[:10]}")
        changed, added, removed = _clause_changes(old, new) if old is not None else ((), (), ())
        entries.append(LogEntry(sha, date, message.strip(), changed, added, removed))
    return entries


def _batch(git: Git, names: list[str]) -> dict[str, bytes]:
    """The blobs ``REV:PATH`` names, read by one ``git cat-file --batch`` (absent ones left out)."""
    if not names:
        return {}
    output = git.run("cat-file", "--batch", input="".join(f"{name}\n" for name in names).encode("utf-8"))
    found: dict[str, bytes] = {}
    position = 0
    for name in names:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] != b"missing":
            size = int(header[2])
            found[name] = output[position : position + size]
            position += size + 1
    return found


def _clause_changes(old: Resolution, new: Resolution) -> tuple[Keys, Keys, Keys]:
    old_clauses = {c.key: c for c in old.clauses}
    new_keys = {c.key for c in new.clauses}
    old_meta, new_meta = old.to_json(), new.to_json()
    header = tuple(name for name in canonical.HEADER_FIELDS if old_meta.get(name) != new_meta.get(name))
    changed = tuple(c.key for c in new.clauses if c.key in old_clauses and old_clauses[c.key] != c)
    added = tuple(c.key for c in new.clauses if c.key not in old_clauses)
    removed = tuple(c.key for c in old.clauses if c.key not in new_keys)
    return header + changed, added, removed
