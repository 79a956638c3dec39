"""``resdiff verify`` (and ``verify --repair``): is every text what its source gives, every index what
its texts give, and everything committed?

A text is *explained by its source* when normalizing the source again gives its clauses and every
header field the source gives (the header may also hold fields the source does not give, say from a
catalogue record; it may not contradict it). The source is found by the SHA-256 its ``source:`` line
records: in the corpus' ``sources/`` folder, else in the folders given with ``--sources``. A text
whose source is in neither is not drift: ``verify`` counts it and says so once.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import canonical
from ..errors import CorpusError, InputError
from ..model import Resolution, Source
from ..refs import FILE_SUFFIX, SOURCES, language_of_file_name, safe_name, symbol_of_file_name, validate_slug
from ..series import TextSummary
from .adding import SHA256_RE, max_bytes, too_big
from .catalog import NotPlain, forget, is_conflicted, read_plain, scan
from .gitrepo import Git, GitFailed, MergeState, explain, merge_state, open_worktree
from .journal import Lock, commit_changes, locked, recover
from .store import ROOT_FILES, Corpus

_TEMPORARY_RE = re.compile(r"^\..+\.tmp\Z")  # what an interrupted atomic write leaves (.NAME.XXXX.tmp)
INDEX_NAME = "series.json"  # where an older resdiff kept a series' index, in git: now derived data


@dataclass(frozen=True)
class Report:
    """What ``verify`` found: problems (drift), and how many texts it could check against a source."""

    problems: tuple[str, ...]
    checked: int  # texts normalized again from their source, and found to match
    unchecked: tuple[str, ...]  # symbols of texts whose source is neither stored nor in --sources
    notices: tuple[str, ...] = ()  # what was repaired first


def explains(expected: Resolution, stored: Resolution) -> bool:
    """Whether ``expected`` (a source normalized again) explains ``stored``: the same clauses, and every
    field the source gives has the same value (``source`` aside: the store finds it by its SHA-256)."""
    if expected.clauses != stored.clauses:
        return False
    for field in dataclasses.fields(Resolution):
        if field.name in ("clauses", "source"):
            continue
        value = getattr(expected, field.name)
        if value not in (None, "", ()) and getattr(stored, field.name) != value:
            return False
    return True


def verify(corpus: Corpus, sources: Sequence[str | Path] = (), repair: bool = False) -> Report:
    """Every drift found (none when the corpus is sound); with ``repair``, what resdiff can put right
    first: an interrupted command finished or rolled back, indexes rebuilt, temporary files removed."""
    folders = [Path(folder) for folder in sources]
    for folder in folders:
        if not folder.is_dir():
            raise CorpusError(f"--sources {folder}: not a folder; give the folder holding the source files")
    worktree = open_worktree(corpus.root)
    with locked(corpus.root) as lock:
        assert lock is not None
        notices = [notice for notice in (recover(corpus.root, lock),) if notice]
        git = Git(worktree, keep_fds=(lock.fd,))
        try:
            git.head()
            if repair:
                notices.extend(_repair(corpus, lock, git))
            return _check(corpus, git, _Finder(corpus, folders), tuple(notices))
        except GitFailed as failure:
            raise explain(worktree, failure) from None


def _check(corpus: Corpus, git: Git, finder: _Finder, notices: tuple[str, ...]) -> Report:
    problems: list[str] = []
    seen: dict[str, str] = {}
    tally = _Tally()
    state = merge_state(git.worktree)
    for entry in sorted(corpus.root.iterdir()):
        name = entry.name
        if entry.is_symlink():
            problems.append(f"{name}: {_LINK}")
            continue
        if entry.is_file():
            if name not in ROOT_FILES:
                problems.append(f"{name}: unexpected file in the corpus root")
            continue
        if name.startswith("."):
            continue
        if name == SOURCES:
            problems.extend(_verify_sources(entry))
            continue
        problems.extend(_verify_series(entry, seen, finder, tally, state))
    root = git.worktree.relative(corpus.root)
    prefix = "" if root == "." else root + "/"
    unmerged = git.unmerged(root) if state is not None else {}
    for path in sorted(unmerged):
        if not path.endswith(FILE_SUFFIX):  # a text's conflict is told where the text is checked
            problems.append(f"{path.removeprefix(prefix)}: in conflict ({_in_conflict(state)})")
    for path in git.status(root):
        if path not in unmerged:
            problems.append(f"{path.removeprefix(prefix)}: not committed (changed or untracked in git)")
    _refresh_catalog(corpus, tally.summaries)
    return Report(tuple(problems), tally.checked, tuple(tally.unchecked), notices)


_LINK = "a symbolic link: a corpus holds plain files and folders only, and resdiff does not follow it"
_LEGACY_INDEX = (
    "an index written by an older resdiff: series indexes are derived from the texts now and kept "
    "out of git (so that merges never conflict on them); 'resdiff verify --repair' removes it"
)


def _in_conflict(state: MergeState | None) -> str:
    shown = state.name if state is not None else "merge"
    step = state.next_step if state is not None else "'git commit'"
    return (
        f"a git {shown} is in progress: 'resdiff conflicts' shows each text's two versions clause by clause, "
        f"'resdiff conflicts --take ours|theirs REF' takes one; then {step}"
    )


def _refresh_catalog(corpus: Corpus, summaries: dict[str, dict[str, TextSummary]]) -> None:
    """The derived index made to match what verify read from every text (a hand edit in place
    leaves a folder's entry as it was, so the cache cannot see it by itself)."""
    catalog = scan(corpus.root)
    if {slug: texts for slug, texts in catalog.series.items() if texts} != {
        slug: texts for slug, texts in summaries.items() if texts
    }:
        forget(corpus.root)
        scan(corpus.root)


@dataclass
class _Tally:
    checked: int = 0
    unchecked: list[str] = dataclasses.field(default_factory=list)
    summaries: dict[str, dict[str, TextSummary]] = dataclasses.field(default_factory=dict)


class _Finder:
    """The bytes of a text's source, by SHA-256: in ``sources/``, else in the ``--sources`` folders."""

    def __init__(self, corpus: Corpus, folders: list[Path]) -> None:
        self.store = corpus.root / SOURCES
        self.folders = folders
        self._hashed: dict[str, Path] | None = None

    def find(self, source: Source) -> tuple[str, bytes] | None:
        sha = source.sha256
        if not SHA256_RE.match(sha):
            return None
        candidates = [(f"{SOURCES}/{sha}", self.store / sha)]
        if "/" not in source.name and source.name not in ("", ".", ".."):
            candidates += [(str(folder / source.name), folder / source.name) for folder in self.folders]
        for shown, path in candidates:
            data = _read(path)
            if data is not None and hashlib.sha256(data).hexdigest() == sha:
                return shown, data
        found = self._everything().get(sha)
        data = _read(found) if found is not None else None
        return (str(found), data) if found is not None and data is not None else None

    def _everything(self) -> dict[str, Path]:
        """SHA-256 -> file, for every file (within the size limit) under the ``--sources`` folders."""
        if self._hashed is None:
            self._hashed = {}
            limit = max_bytes()
            for folder in self.folders:
                for path in sorted(folder.rglob("*")):
                    try:
                        if path.is_file() and path.stat().st_size <= limit:
                            self._hashed.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), path)
                    except OSError:
                        continue
        return self._hashed


def _read(path: Path) -> bytes | None:
    """A file's bytes if it is a plain file (no link) within the size limit, else None."""
    try:
        return read_plain(path)
    except CorpusError:
        return None


def _verify_sources(folder: Path) -> list[str]:
    """Each stored source is what its name says (its SHA-256); other files there are extra files."""
    problems = []
    for path in sorted(folder.iterdir()):
        where = f"{SOURCES}/{path.name}"
        if path.is_symlink():
            problems.append(f"{where}: {_LINK}")
        elif not path.is_file():
            problems.append(f"{where}: unexpected folder (the sources are files named by their SHA-256)")
        elif SHA256_RE.match(path.name):
            data = _read(path)
            if data is None or hashlib.sha256(data).hexdigest() != path.name:
                problems.append(f"{where}: damaged (its bytes do not have the SHA-256 its name says)")
    return problems


def _verify_series(
    folder: Path, seen: dict[str, str], finder: _Finder, tally: _Tally, state: MergeState | None
) -> list[str]:
    """What drifted in one series folder; ``seen`` maps each symbol met so far to where it is."""
    from ..normalize import normalize_bytes

    slug = folder.name
    problems: list[str] = []
    try:
        validate_slug(slug)
    except CorpusError as error:
        problems.append(f"{slug}/: {error}")
    limit = max_bytes()
    summaries = tally.summaries.setdefault(slug, {})
    for path in sorted(folder.iterdir()):
        where = f"{slug}/{path.name}"
        if path.is_symlink():
            problems.append(f"{where}: {_LINK}")
            continue
        if path.name == INDEX_NAME:
            problems.append(f"{where}: {_LEGACY_INDEX}")
            continue
        symbol = symbol_of_file_name(path.name)
        if symbol is None or not path.is_file():
            problems.append(f"{where}: unexpected file (corpus files are named like A_RES_72_54.txt)")
            continue
        size = path.stat().st_size
        if size > limit:
            problems.append(too_big(where, size))
            continue
        try:
            data = read_plain(path, limit=limit)
        except NotPlain as error:
            problems.append(f"{where}: cannot be read ({error.reason})")
            continue
        if is_conflicted(data):
            problems.append(f"{where}: in conflict ({_in_conflict(state)})")
            continue
        try:
            resolution = normalize_bytes(data, path.name).resolution
            canonical_data = canonical.dump(resolution).encode("utf-8")
        except (InputError, ValueError) as error:
            problems.append(f"{where}: does not normalize ({error})")
            continue
        if canonical_data != data:
            problems.append(f"{where}: not canonical (re-normalizing it changes it; was it edited by hand?)")
        if resolution.symbol != symbol:
            problems.append(f"{where}: holds {resolution.symbol}, not the {symbol} its name says")
            continue
        if safe_name(symbol, resolution.language) != path.name:
            said = language_of_file_name(path.name) or "English (or none said)"
            problems.append(f"{where}: holds a text in {resolution.language}, not the {said} its name says")
            continue
        stored_as = f"{symbol}@{resolution.language or 'en'}"
        if stored_as in seen:
            problems.append(f"{where}: {symbol} is also stored as {seen[stored_as]}")
        seen[stored_as] = where
        if canonical_data == data:
            summaries[path.name] = TextSummary.of(resolution)
        problems.extend(_verify_source(where, resolution, finder, tally))
    return problems


def _verify_source(where: str, resolution: Resolution, finder: _Finder, tally: _Tally) -> list[str]:
    """Whether the text is what its source gives, when the source is at hand."""
    from ..normalize import normalize_bytes

    source = resolution.source
    found = finder.find(source) if source is not None else None
    if source is None or found is None:
        tally.unchecked.append(resolution.symbol or where)
        return []
    shown, data = found
    try:
        expected = normalize_bytes(data, source.name).resolution
    except InputError as error:
        return [f"{where}: its source {shown} does not normalize ({error})"]
    if not explains(expected, resolution):
        return [
            f"{where}: not explained by its source ({shown}, {source.name}): normalizing it gives another "
            "text; was the text edited by hand? (a correction is made by adding a corrected source with "
            "'resdiff add --replace')"
        ]
    tally.checked += 1
    return []


def _repair(corpus: Corpus, lock: Lock, git: Git) -> list[str]:
    """Temporary files removed, the derived index rebuilt from every text, and indexes an older
    resdiff committed removed (in one commit; in a merge, from the merge's result)."""
    root = git.worktree.relative(corpus.root)
    dirty = set(git.status(root))
    notices = []
    strays = [
        git.worktree.root / path
        for path in sorted(dirty)
        if _TEMPORARY_RE.match(Path(path).name) and (git.worktree.root / path).is_file()
    ]
    for stray in strays:
        stray.unlink(missing_ok=True)
    if strays:
        shown = ", ".join(corpus_relative(corpus, p) for p in strays[:5])
        notices.append(f"removed {len(strays)} temporary file(s) of interrupted writes ({shown})")
    forget(corpus.root)
    catalog = scan(corpus.root)
    count = sum(len(texts) for texts in catalog.series.values())
    notices.append(f"rebuilt the series index from the {count} text(s) of {len(catalog.slugs())} series")
    legacy = [
        corpus.root / slug / INDEX_NAME
        for slug in corpus.folders()
        if os.path.lexists(corpus.root / slug / INDEX_NAME)
    ]
    if not legacy:
        return notices
    slugs = ", ".join(path.parent.name for path in legacy)
    state = merge_state(git.worktree)
    if (
        state is not None
    ):  # no commit of resdiff's in the middle of a merge: the merge's own commit drops them
        git.run(
            "rm",
            "-q",
            "-f",
            "--cached",
            "--ignore-unmatch",
            "--",
            *(git.worktree.relative(p) for p in legacy),
        )
        for path in legacy:
            path.unlink(missing_ok=True)
        notices.append(
            f"removed the {INDEX_NAME} an older resdiff kept in {slugs} from the {state.name} (the index "
            f"is derived from the texts now); then {state.next_step}"
        )
        return notices
    message = (
        f"resdiff: series indexes are derived from the texts now, kept out of git (remove those of {slugs})"
    )
    commit = commit_changes(
        corpus.root, lock, dict.fromkeys(legacy), message, "resdiff verify --repair", git=git
    )
    done = f" (commit {commit[:10]})" if commit else ""
    notices.append(
        f"removed the {INDEX_NAME} an older resdiff kept in {slugs}: the index is derived now{done}"
    )
    return notices


def corpus_relative(corpus: Corpus, path: Path) -> str:
    return path.resolve().relative_to(corpus.root).as_posix()
