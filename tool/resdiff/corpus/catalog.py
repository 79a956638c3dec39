"""The corpus' index, derived from its texts and never committed: which texts each series folder
holds, and what the series index needs of each (``series.TextSummary``).

Why it is not in git: everything in it follows from the texts, so a copy in git could only drift
from them or conflict in a merge (two clones adding to one series would both rewrite it). Kept out
of git, two clones' adds merge as the separate files they are, and the index of the merged corpus
is simply built again from its texts.

What keeps it fast: a cache in git's own folder (``<git dir>/resdiff-index/<corpus>.json``, one per
working tree, which git never tracks). A series folder whose entry has not changed since (mtime,
ctime and inode: every file added, removed or replaced by ``resdiff add``, ``git checkout``, ``git
merge`` or ``git pull`` changes it) is taken from the cache as it is; in a folder that changed, a
file whose size, times and inode are unchanged keeps its summary, and any other file is read (its
git blob id tells whether its bytes changed) and parsed again. A change within two seconds of the
cache's writing is not trusted (a file system's clock is coarse): it is checked again next time.
A text edited in place by hand, leaving its folder's entry as it was, is seen by ``resdiff
verify``, which rebuilds the cache from every text.

The cache is data from the corpus' own folder too, so it is read as untrusted: anything but the
exact form written here (wrong types, nesting, another format) is thrown away and rebuilt. Nothing
is read outside the corpus: folders and files that are symbolic links, or not regular files, are
not followed (``verify`` names them).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CorpusError, InputError
from ..refs import SLUG_RE, SOURCES, symbol_of_file_name
from ..series import SeriesIndex, TextSummary, build_index
from .gitrepo import blob_sha, locate

CACHE_FORMAT = 1
_RACY_NS = 2_000_000_000  # a change this recent is checked again next time (coarse file system clocks)
_CONFLICT_RE = re.compile(rb"^(?:<<<<<<<|>>>>>>>) ", re.MULTILINE)

Key = list[int]


@dataclass(frozen=True)
class Unreadable:
    """A text file the index cannot use: its path from the corpus root, and why (one line)."""

    path: str
    reason: str
    conflicted: bool = False  # it holds git's conflict markers


@dataclass
class Catalog:
    """The texts of the corpus (or of one series folder), by series folder and file name."""

    series: dict[str, dict[str, TextSummary]]
    unreadable: list[Unreadable] = field(default_factory=list)
    _symbols: dict[str, str] | None = None

    def slugs(self) -> list[str]:
        """The series that hold at least one readable text."""
        return sorted(slug for slug, texts in self.series.items() if texts)

    def index(self, slug: str) -> SeriesIndex:
        return build_index(slug, self.series.get(slug, {}).values())

    def where(self, symbol: str) -> str | None:
        """The series folder holding a symbol's text (by its file name), or None."""
        if self._symbols is None:
            self._symbols = {
                text.symbol: slug for slug, texts in self.series.items() for text in texts.values()
            }
        return self._symbols.get(symbol)


def scan(root: Path, only: str | None = None) -> Catalog:
    """The catalog of the corpus at ``root`` (of the series folder ``only``), the cache brought up to
    date on the way (when git's folder can be written; else it is only computed)."""
    cache_path = _cache_path(root)
    cached = _load(cache_path) if cache_path is not None else {}
    now = time.time_ns()
    catalog = Catalog({})
    folders = [only] if only is not None else list(_series_folders(root))
    fresh: dict[str, Any] = dict(cached) if only is not None else {}
    changed = only is None and set(cached) - set(folders) != set()
    for slug in folders:
        entry = _scan_folder(root / slug, slug, cached.get(slug), now, catalog)
        if entry is None:
            changed = changed or slug in fresh
            fresh.pop(slug, None)
            continue
        changed = changed or entry != cached.get(slug)
        fresh[slug] = entry
    if changed and cache_path is not None:
        _save(cache_path, fresh)
    return catalog


def forget(root: Path) -> None:
    """The cache removed: the next scan reads every text again (``verify --repair``)."""
    cache_path = _cache_path(root)
    if cache_path is not None:
        cache_path.unlink(missing_ok=True)


def is_conflicted(data: bytes) -> bool:
    """Whether a file holds git's conflict markers (a merge left it for the user to resolve)."""
    return _CONFLICT_RE.search(data) is not None


def series_folder(root: Path, slug: str) -> bool:
    """Whether ``root/slug`` is a series folder resdiff reads: a real folder (no link), named as a
    series is."""
    if slug == SOURCES or SLUG_RE.match(slug) is None:
        return False
    try:
        return stat.S_ISDIR(os.lstat(root / slug).st_mode)
    except OSError:
        return False


def _series_folders(root: Path) -> Iterator[str]:
    with os.scandir(root) as entries:
        for entry in entries:
            if entry.name != SOURCES and SLUG_RE.match(entry.name) and entry.is_dir(follow_symlinks=False):
                yield entry.name


def _scan_folder(folder: Path, slug: str, cached: Any, now: int, catalog: Catalog) -> dict[str, Any] | None:
    """One folder's cache entry (None if it is no series folder), its texts added to ``catalog``."""
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode):
        return None
    key = _key(info, folder=True)
    texts: dict[str, TextSummary] = {}
    if cached is not None and cached["key"] == key:
        for name, (_, _, summary) in cached["texts"].items():
            texts[name] = summary
        catalog.series[slug] = texts
        return dict(cached)
    before = cached["texts"] if cached is not None else {}
    entry_texts: dict[str, Any] = {}
    try:
        listing = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return None
    for item in listing:
        symbol = symbol_of_file_name(item.name)
        if symbol is None:
            continue
        where = f"{slug}/{item.name}"
        try:
            file_info = item.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(file_info.st_mode):
            catalog.unreadable.append(
                Unreadable(where, f"{where} is not a plain file (a link?); it is not read")
            )
            continue
        file_key = _key(file_info)
        old = before.get(item.name)
        if old is not None and old[0] is not None and old[0] == file_key:
            summary = old[2]
        else:
            try:
                data = read_plain(folder / item.name)
            except CorpusError as error:
                catalog.unreadable.append(Unreadable(where, str(error)))
                continue
            blob = blob_sha(data)
            if old is not None and old[1] == blob:
                summary = old[2]
            else:
                try:
                    summary = _summary(data, symbol, where)
                except CorpusError as error:
                    catalog.unreadable.append(Unreadable(where, str(error), is_conflicted(data)))
                    continue
            old = [file_key, blob, summary]
        entry_texts[item.name] = [None if _racy(file_info, now) else file_key, old[1], summary]
        texts[item.name] = summary
    catalog.series[slug] = texts
    return {"key": None if _racy(info, now) else key, "texts": entry_texts}


def _summary(data: bytes, symbol: str, where: str) -> TextSummary:
    from .. import canonical

    try:
        resolution = canonical.load(data.decode("utf-8"))
    except (UnicodeDecodeError, InputError) as error:
        raise CorpusError(f"{where} is damaged ({error})") from None
    if resolution.symbol != symbol:
        raise CorpusError(f"{where} holds {resolution.symbol}, not the {symbol} its name says")
    return TextSummary.of(resolution)


class NotPlain(CorpusError):
    """A corpus file resdiff will not read; ``reason`` says why in a few words."""

    def __init__(self, path: Path, reason: str, advice: str) -> None:
        super().__init__(f"cannot read {path} ({reason}); {advice}")
        self.reason = reason


def read_plain(path: Path, limit: int | None = None) -> bytes:
    """A regular file's bytes, never through a symbolic link, at most the size limit of a text
    (``resdiff.normalize.MAX_BYTES``): a CorpusError saying what is wrong otherwise."""
    if limit is None:
        from ..normalize import MAX_BYTES

        limit = MAX_BYTES
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotPlain(path, "a symbolic link", _PLAIN) from None
        raise NotPlain(path, error.strerror or str(error), "check its permissions") from None
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise NotPlain(path, "not a plain file", _PLAIN)
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise NotPlain(path, f"over {limit / 1e6:g} MB, more than any resolution", "remove it with git rm")
    return data


_PLAIN = "a corpus holds plain files only, and resdiff follows no link: 'resdiff verify' names them"


def _key(info: os.stat_result, folder: bool = False) -> Key:
    times = [info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
    return times if folder else [info.st_size, *times]


def _racy(info: os.stat_result, now: int) -> bool:
    return now - max(info.st_mtime_ns, info.st_ctime_ns) < _RACY_NS


# --- the cache file ------------------------------------------------------------------------------


def _cache_path(root: Path) -> Path | None:
    worktree = locate(root)
    if worktree is None:
        return None
    relative = root.resolve().relative_to(worktree.root).as_posix()
    name = "root" if relative == "." else re.sub(r"[^A-Za-z0-9._-]", "_", relative.replace("/", "--"))
    return worktree.git_dir / "resdiff-index" / f"{name}.json"


def _load(path: Path) -> dict[str, Any]:
    """The cache as written by ``_save``; empty if it is missing, or anything else (never trusted)."""
    try:
        data = read_plain(path, limit=1 << 30)
        raw = json.loads(data)
        return _checked(raw)
    except (CorpusError, ValueError, RecursionError, TypeError, KeyError):
        return {}


def _checked(raw: Any) -> dict[str, Any]:
    if (
        not isinstance(raw, dict)
        or raw.get("format") != CACHE_FORMAT
        or not isinstance(raw.get("folders"), dict)
    ):
        raise ValueError("not a resdiff index cache")
    folders: dict[str, Any] = {}
    for slug, entry in raw["folders"].items():
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("texts"), dict)
            or SLUG_RE.match(slug) is None
        ):
            raise ValueError("not a resdiff index cache")
        texts = {}
        for name, (file_key, blob, row) in entry["texts"].items():
            if symbol_of_file_name(name) is None or not isinstance(blob, str):
                raise ValueError("not a resdiff index cache")
            summary = TextSummary.from_row(row)
            if symbol_of_file_name(name) != summary.symbol:
                raise ValueError("not a resdiff index cache")
            texts[name] = [_checked_key(file_key, 4), blob, summary]
        folders[slug] = {"key": _checked_key(entry.get("key"), 3), "texts": texts}
    return folders


def _checked_key(value: Any, length: int) -> Key | None:
    if value is None:
        return None
    if not isinstance(value, list) or len(value) != length or not all(type(n) is int for n in value):
        raise ValueError("not a resdiff index cache")
    return value


def _save(path: Path, folders: dict[str, Any]) -> None:
    """The cache written in one rename; a folder git's owner keeps read-only only costs speed."""
    import tempfile

    rows = {
        slug: {
            "key": entry["key"],
            "texts": {
                name: [k, blob, summary.to_row()] for name, (k, blob, summary) in entry["texts"].items()
            },
        }
        for slug, entry in sorted(folders.items())
    }
    data = json.dumps({"format": CACHE_FORMAT, "folders": rows}, separators=(",", ":")).encode("utf-8")
    with contextlib.suppress(OSError):
        path.parent.mkdir(exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
