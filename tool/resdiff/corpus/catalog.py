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

Beside it, the links cache (``<corpus>.links.json``): for each series folder, under the same folder
key, the members' symbols, the lineage and the titles ``add`` places a new text by (``links``), so
that an ``add`` into a corpus of 20,000 texts reads neither the index nor any text but its series'.

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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CorpusError, InputError
from ..refs import SLUG_RE, SOURCES, SYMBOL_RE, checked_file_name, symbol_of_file_name, title_key
from ..series import Member, SeriesIndex, TextSummary, build_index, build_members
from .gitrepo import blob_sha, locate

CACHE_FORMAT = 1
LINKS_FORMAT = 1
_FEW_FOLDERS = 16  # more changed folders than this and ``links`` reads them through the index (``scan``)
_RACY_NS = 2_000_000_000  # a change this recent is checked again next time (coarse file system clocks)
_CONFLICT_RE = re.compile(rb"^(?:<<<<<<<|>>>>>>>) ", re.MULTILINE)

Key = list[int]


@dataclass(frozen=True)
class Unreadable:
    """A text file the index cannot use: its path from the corpus root, and why (one line)."""

    path: str
    reason: str
    conflicted: bool = False  # it holds git's conflict markers


@dataclass(frozen=True)
class Catalog:
    """The texts of the corpus (or of one series folder), by series folder and file name."""

    series: dict[str, dict[str, TextSummary]]
    unreadable: list[Unreadable] = field(default_factory=list)

    def slugs(self) -> list[str]:
        """The series that hold at least one readable text."""
        return sorted(slug for slug, texts in self.series.items() if texts)

    def index(self, slug: str) -> SeriesIndex:
        return build_index(slug, self.series.get(slug, {}).values())

    def members(self, slug: str) -> tuple[Member, ...]:
        """``index(slug).members``, without working out the lineage (``list`` needs none)."""
        return build_members(self.series.get(slug, {}).values())


def scan(root: Path, only: str | None = None) -> Catalog:
    """The catalog of the corpus at ``root`` (of the series folder ``only``), the cache brought up to
    date on the way (when git's folder can be written; else it is only computed)."""
    return _scan(root, only)


def _scan(root: Path, only: str | None = None, links: bool = False) -> Catalog:
    """``scan``; with ``links``, the links cache is written whether or not the index changed
    (``links`` found it stale)."""
    cache_path = _cache_path(root)
    cached = _load(cache_path) if cache_path is not None else {}
    now = time.time_ns()
    catalog = Catalog({})
    folders = [only] if only is not None else list(series_folders(root))
    fresh: dict[str, Any] = dict(cached) if only is not None else {}
    changed = only is None and not set(cached) <= set(folders)
    for slug in folders:
        entry = _scan_folder(root / slug, slug, cached.get(slug), now, catalog)
        if entry is None:
            changed = changed or slug in fresh
            fresh.pop(slug, None)
            continue
        changed = changed or entry is not cached.get(slug)
        fresh[slug] = entry
    if changed and cache_path is not None:
        _save(cache_path, {"format": CACHE_FORMAT, "folders": fresh})
    if (changed or links) and cache_path is not None and only is None:
        linked = {
            slug: [entry["key"], *_links_of(catalog.series.get(slug, {}))] for slug, entry in fresh.items()
        }
        _save(_links_path(cache_path), {"format": LINKS_FORMAT, "folders": linked})
    return catalog


@dataclass(frozen=True)
class Links:
    """What ``add`` needs of one series to place a new text: its members' symbols, its lineage (members
    and every symbol they recite) and its members' titles, as ``refs.title_key`` reads them."""

    members: Sequence[str]
    lineage: Sequence[str]
    titles: Sequence[str]


def links(root: Path) -> dict[str, Links]:
    """Every series folder's ``Links``, from the links cache (``<corpus>.links.json`` beside the
    index's): without reading the index of 20,000 texts, an ``add`` costs what its own series costs.

    A folder whose entry (mtime, ctime, inode) is not the one the cache recorded, or was too recent
    to trust, has its texts read again (that folder's only); the cache is then brought up to date."""
    cache_path = _cache_path(root)
    path = _links_path(cache_path) if cache_path is not None else None
    cached = _load_links(path) if path is not None else {}
    now = time.time_ns()
    keys: dict[str, Key] = {}
    top = str(root)
    for slug in series_folders(root):
        with contextlib.suppress(OSError):
            keys[slug] = _key(os.lstat(f"{top}/{slug}"), folder=True)
    stale = [slug for slug, key in keys.items() if slug not in cached or cached[slug][0] != key]
    if len(stale) > _FEW_FOLDERS:  # a new clone, or a checkout of another branch: the index knows more
        catalog = _scan(root, links=True)
        return {slug: Links(*_links_of(texts)) for slug, texts in catalog.series.items()}
    fresh = {slug: cached[slug] for slug in keys if slug not in stale}
    for slug in stale:
        catalog = Catalog({})
        scanned = _scan_folder(root / slug, slug, None, now, catalog)
        if scanned is not None:
            fresh[slug] = [scanned["key"], *_links_of(catalog.series.get(slug, {}))]
    if path is not None and (stale or set(cached) != set(fresh)):
        _save(path, {"format": LINKS_FORMAT, "folders": fresh})
    return {slug: Links(members, lineage, titles) for slug, (_, members, lineage, titles) in fresh.items()}


def _links_of(texts: dict[str, TextSummary]) -> list[list[str]]:
    members = {text.symbol for text in texts.values()}
    lineage = members | {symbol for text in texts.values() for symbol, _ in text.lineage}
    titles = {title_key(text.title) for text in texts.values() if text.title}
    return [sorted(members), sorted(lineage), sorted(titles)]


def forget(root: Path) -> None:
    """The caches removed: the next scan reads every text again (``verify --repair``)."""
    cache_path = _cache_path(root)
    if cache_path is not None:
        cache_path.unlink(missing_ok=True)
        _links_path(cache_path).unlink(missing_ok=True)


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


def series_folders(root: Path) -> Iterator[str]:
    """The names of the series folders: real folders (no link) named as a series is."""
    with os.scandir(root) as entries:
        for entry in entries:
            if entry.name != SOURCES and SLUG_RE.match(entry.name) and entry.is_dir(follow_symlinks=False):
                yield entry.name


def _scan_folder(folder: Path, slug: str, cached: Any, now: int, catalog: Catalog) -> Any:
    """One folder's cache entry (None if it is no series folder), its texts added to ``catalog``.

    The entry is returned as JSON data; the very object ``cached`` when nothing changed."""
    try:
        info = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode):
        return None
    key = _key(info, folder=True)
    before = _checked_folder(cached)
    if before is not None and cached["key"] == key:
        catalog.series[slug] = {name: summary for name, (_, _, summary) in before.items()}
        return cached
    texts: dict[str, TextSummary] = {}
    rows: dict[str, Any] = {}
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
        old = (before or {}).get(item.name)
        if old is not None and old[0] is not None and old[0] == file_key:
            blob, summary = old[1], old[2]
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
        rows[item.name] = [None if _racy(file_info, now) else file_key, blob, summary.to_row()]
        texts[item.name] = summary
    catalog.series[slug] = texts
    return {"key": None if _racy(info, now) else key, "texts": rows}


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
    """The cache's folders as JSON data, each checked only when used (``_checked_folder``); empty if
    the cache is missing or not of the form ``_save`` writes (never trusted)."""
    try:
        raw = json.loads(read_plain(path, limit=1 << 30))
    except (CorpusError, ValueError, RecursionError):
        return {}
    if type(raw) is not dict or raw.get("format") != CACHE_FORMAT or type(raw.get("folders")) is not dict:
        return {}
    return raw["folders"]  # type: ignore[no-any-return]


def _checked_folder(entry: Any) -> dict[str, tuple[Key | None, str, TextSummary]] | None:
    """A cached folder's texts (name -> file key, blob id, summary), or None if the entry is not
    exactly what ``_scan_folder`` writes: each name must be the file name its summary's symbol has."""
    if type(entry) is not dict or type(entry.get("texts")) is not dict:
        return None
    texts = {}
    try:  # stat keys and blob ids are only ever compared with ones resdiff computes: any value is safe
        for name, (file_key, blob, row) in entry["texts"].items():
            summary = TextSummary.from_row(row)
            if (
                name != checked_file_name(summary.symbol, summary.language)
                or SYMBOL_RE.match(summary.symbol) is None
            ):
                return None
            texts[name] = (file_key, blob, summary)
    except (ValueError, TypeError):
        return None
    return texts


def _links_path(cache_path: Path) -> Path:
    return cache_path.with_name(cache_path.name.removesuffix(".json") + ".links.json")


def _load_links(path: Path) -> dict[str, Any]:
    """The links cache's folders, each ``[key, members, lineage, titles]`` with lists of strings (the
    key is only compared with one resdiff computes: any value is safe); empty if not of that form."""
    try:
        raw = json.loads(read_plain(path, limit=1 << 30))
    except (CorpusError, ValueError, RecursionError):
        return {}
    if type(raw) is not dict or raw.get("format") != LINKS_FORMAT or type(raw.get("folders")) is not dict:
        return {}
    folders: dict[str, Any] = raw["folders"]
    for entry in folders.values():
        if type(entry) is not list or len(entry) != 4:
            return {}
        for strings in entry[1:]:
            if type(strings) is not list or not set(map(type, strings)) <= {str}:
                return {}
    return folders


def _save(path: Path, document: dict[str, Any]) -> None:
    """A cache file written in one rename; a folder git's owner keeps read-only only costs speed."""
    import tempfile

    data = json.dumps(document, separators=(",", ":")).encode("utf-8")
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
