"""Changing the corpus: ``init``, and ``add`` (new texts, corrections), each in one crash-safe commit.

Two levels, so that other commands (``fetch``) store texts the way ``add`` does:

* ``add_files(corpus, paths)`` reads and normalizes files (or stdin), then calls
* ``add_texts(corpus, [Incoming(...)], extra_files=...)``: texts already normalized, each with the
  bytes it was normalized from (kept in ``sources/<sha256>``), plus any other files to keep under
  ``sources/``; one commit for all, through ``journal.commit_changes``.

Input is read before the corpus lock is taken (a FIFO with no writer blocks only its own ``add``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import canonical
from ..errors import CorpusError, InputError, InterruptedAfterCommit
from ..model import LANGUAGES, Resolution
from ..refs import (
    MAX_SLUG_LENGTH,
    SOURCES,
    safe_name,
    slugify,
    symbol_sort_key,
    title_key,
    validate_slug,
    validate_symbol,
)
from ..series import lineage_citations
from .catalog import Links
from .gitrepo import Git, GitFailed, explain, locate, merge_state, open_worktree
from .journal import MARKER, Lock, commit_changes, locked, recover
from .store import MARKER_TEXT, ROOT_FILES, Corpus, read_bytes, stored_text

SHA256_RE = re.compile(r"^[0-9a-f]{64}\Z")
_EXTRA_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\Z")


def max_bytes() -> int:
    """The one size limit of a text: what the normalizer reads is what the corpus stores and verifies."""
    from .. import normalize

    return normalize.MAX_BYTES


def too_big(what: str, size: int) -> str:
    limit = max_bytes()
    return (
        f"{what}: its canonical text is {size / 1e6:.1f} MB, more than the {limit / 1e6:g} MB a resolution "
        "may have (resdiff.normalize.MAX_BYTES)"
    )


def source_path(corpus: Corpus, sha256: str) -> Path:
    """Where the corpus keeps the source whose bytes have this SHA-256."""
    return corpus.root / SOURCES / sha256


# --- init --------------------------------------------------------------------------------------


def init_corpus(path: str | Path) -> Corpus:
    """A new, empty corpus at ``path`` (its own repository unless ``path`` is inside one), committed.

    An ``init`` interrupted before its commit is finished by running it again."""
    if not str(path).strip():
        raise CorpusError("give the folder to create the corpus in, e.g. 'resdiff init ~/resolutions'")
    root = Path(path).resolve()
    marker = root / MARKER
    if os.path.exists(root) and not os.path.isdir(root):
        raise CorpusError(f"{path} exists and is not a folder")
    if os.path.exists(marker) and _committed(marker):
        raise CorpusError(f"{path} is already a resdiff corpus")
    try:
        if os.path.isdir(root) and any(p.name not in ROOT_FILES | {".git"} for p in root.iterdir()):
            raise CorpusError(f"{path} is not empty; create the corpus in a new or empty folder")
        root.mkdir(parents=True, exist_ok=True)
        if locate(root) is None:
            from .gitrepo import Worktree

            fresh = Worktree(root, root / ".git")
            try:
                Git(fresh).run("init", "-q")
            except GitFailed as failure:
                raise explain(fresh, failure) from None
        open_worktree(root)
        if not marker.exists():  # else an init interrupted before its commit: finish it
            marker.write_bytes(MARKER_TEXT.encode("utf-8"))
        with locked(root) as lock:
            assert lock is not None
            recover(root, lock)
            text = MARKER_TEXT.encode("utf-8")
            commit_changes(root, lock, {marker: text}, "resdiff: create the corpus", "resdiff init")
    except OSError as error:
        raise CorpusError(
            f"cannot create a corpus in {path} ({error.strerror}); choose a folder you may write to"
        ) from None
    return Corpus(root)


def _committed(path: Path) -> bool:
    """Whether HEAD holds this file (False outside a repository)."""
    worktree = locate(path.parent)
    if worktree is None:
        return False
    worktree = open_worktree(path.parent)
    git = Git(worktree)
    try:
        return bool(git.blobs_at(git.head(), [worktree.relative(path)]))
    except GitFailed as failure:
        raise explain(worktree, failure) from None


# --- add -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Incoming:
    """A text to store, already normalized.

    ``data`` is what it was normalized from: when the resolution's ``source`` records these bytes
    (its SHA-256), they are kept as its source in ``sources/<sha256>``. A canonical file given to
    ``add`` records the source it was made from instead; its bytes are kept only when that source
    is stored and does not give this text (a correction made by hand: the file is then its source).
    ``origin`` names the input in messages (the path given, or a URL)."""

    resolution: Resolution
    origin: str
    data: bytes | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Added:
    """What ``add`` did with one text: added, replaced (a correction) or unchanged."""

    symbol: str
    series: str
    file: str
    action: str

    def to_json(self) -> dict[str, Any]:
        return {"symbol": self.symbol, "series": self.series, "file": self.file, "action": self.action}


@dataclass(frozen=True)
class AddResult:
    added: tuple[Added, ...]
    commit: str | None  # None when every text was already there unchanged
    warnings: tuple[str, ...]
    notices: tuple[str, ...] = ()  # what was repaired first (an interrupted add rolled back, ...)


def read_input(path: str | Path) -> tuple[bytes, str]:
    """The bytes of a file (``-``: stdin) and the name to record, within the size limit."""
    limit = max_bytes()
    if str(path) == "-":
        data = sys.stdin.buffer.read(limit + 1)
        name = "stdin"
    else:
        name = os.path.basename(path)
        if os.path.isdir(path):
            raise InputError(f"{path}: is a folder; give a resolution file")
        try:
            with open(path, "rb") as stream:  # a FIFO blocks here, before the corpus is locked
                data = stream.read(limit + 1)
        except OSError as error:
            raise InputError(f"{path}: cannot read the file ({error.strerror}); check the path") from None
    if len(data) > limit:
        raise InputError(
            f"{name}: more than the {limit // 1_000_000} MB any resolution needs; "
            "give the resolution's own text"
        )
    return data, name


def normalize_file(path: str | Path) -> Incoming:
    """A file (``-``: stdin) read and normalized, ready for ``add_texts``."""
    from ..normalize import normalize_bytes

    data, name = read_input(path)
    normalized = normalize_bytes(data, name)
    return Incoming(normalized.resolution, str(path), data, normalized.warnings)


def add_files(
    corpus: Corpus,
    paths: Sequence[str | Path],
    series: str | None = None,
    message: str | None = None,
    replace: bool = False,
) -> AddResult:
    """Normalize files (``-``: stdin) into one commit; a new text for a stored symbol needs ``replace``."""
    from ..normalize import normalize_many

    if series is not None:
        validate_slug(series)
    read = [read_input(path) for path in paths]
    normalized = normalize_many(read)  # across processes: the same texts as one by one
    texts = [
        Incoming(n.resolution, str(path), data, n.warnings)
        for path, (data, _), n in zip(paths, read, normalized, strict=True)
    ]
    return add_texts(corpus, texts, series, message, replace)


def add_texts(
    corpus: Corpus,
    texts: Sequence[Incoming],
    series: str | None = None,
    message: str | None = None,
    replace: bool = False,
    extra_files: Mapping[str, bytes] | None = None,
) -> AddResult:
    """Store normalized texts, their sources and ``extra_files`` (paths under ``sources/``) in one commit.

    A text equal to the stored one but for its ``source`` is unchanged; a different text for a stored
    symbol is a correction and needs ``replace``. Safe against interruption (see ``journal``): a
    Ctrl-C once the commit has landed is ``InterruptedAfterCommit``, whose ``result`` is this result."""
    if series is not None:
        validate_slug(series)
    chosen: dict[tuple[str, str], Incoming] = {}  # by symbol and language: a text's languages side by side
    warnings: list[str] = []
    limit = max_bytes()
    for incoming in texts:
        warnings.extend(f"{incoming.origin}: {w}" for w in incoming.warnings)
        symbol = validate_symbol(incoming.resolution.symbol, incoming.origin)
        size = len(canonical.dump(incoming.resolution).encode("utf-8"))
        if size > limit:
            raise CorpusError(too_big(incoming.origin, size) + "; nothing was added")
        key = (symbol, incoming.resolution.language or "en")
        earlier = chosen.get(key)
        if earlier is not None and _without_source(earlier.resolution) != _without_source(
            incoming.resolution
        ):
            raise CorpusError(f"{symbol} is given twice with different texts; add one of them")
        chosen.setdefault(key, incoming)
    extras = _checked_extras(corpus, extra_files or {})
    worktree = open_worktree(corpus.root)
    with locked(corpus.root) as lock:
        assert lock is not None
        notice = recover(corpus.root, lock)
        state = merge_state(worktree)
        if state is not None:
            raise CorpusError(
                f"a git {state.name} is in progress in {worktree.root}: finish it first ('resdiff conflicts' "
                f"shows the texts in conflict; then {state.next_step}), and add again"
            )
        git = Git(worktree, keep_fds=(lock.fd,))
        notices = (notice,) if notice else ()
        try:
            return _store(
                corpus, git, lock, chosen, extras, series, message, replace, tuple(warnings), notices
            )
        except GitFailed as failure:
            raise explain(worktree, failure) from None
        except OSError as error:
            raise CorpusError(
                f"cannot write to the corpus {corpus.root} ({error.strerror or error}); nothing was "
                "added: check its permissions and free space, then retry"
            ) from None


def _without_source(resolution: Resolution) -> Resolution:
    return dataclasses.replace(resolution, source=None)


def _checked_extras(corpus: Corpus, extra_files: Mapping[str, bytes]) -> dict[Path, bytes]:
    """Extra files to keep, each under ``sources/`` with a plain name (``sources/<sha256>.marc.xml``)."""
    checked: dict[Path, bytes] = {}
    for name, data in extra_files.items():
        folder, _, base = name.partition("/")
        if folder != SOURCES or not _EXTRA_NAME_RE.match(base) or SHA256_RE.match(base):
            raise CorpusError(
                f"refusing to store {name!r}: extra files go in {SOURCES}/ under a plain name "
                "that is not a bare SHA-256 (those are the sources themselves)"
            )
        checked[_inside(corpus, corpus.root / SOURCES / base)] = data
    return checked


def _refuse_uncommitted(git: Git, paths: list[Path]) -> None:
    """An add overwrites no change of the user's: the files it writes must be as HEAD has them."""
    worktree = git.worktree
    dirty = git.status(*sorted(worktree.relative(p) for p in paths))
    if dirty:
        where = worktree.relative(paths[0].parent)
        raise CorpusError(
            f"the corpus has uncommitted changes where this add writes ({', '.join(dirty[:5])}); commit them "
            f"(git add {where} && git commit) or discard them (git checkout -- {where}; "
            f"git clean -n {where} lists new files to remove), then retry"
        )


def _store(
    corpus: Corpus,
    git: Git,
    lock: Lock,
    texts: dict[tuple[str, str], Incoming],
    extras: dict[Path, bytes],
    series: str | None,
    message: str | None,
    replace: bool,
    warnings: tuple[str, ...],
    notices: tuple[str, ...],
) -> AddResult:
    from .catalog import links

    placement = _Placement(links(corpus.root), (incoming.resolution for incoming in texts.values()))
    writes: dict[Path, bytes | None] = {}
    results: list[Added] = []
    notes = list(warnings)
    for key in sorted(texts, key=lambda k: (symbol_sort_key(k[0]), LANGUAGES.index(k[1]))):
        symbol, incoming = key[0], texts[key]
        resolution, source, note = _with_source(corpus, incoming, writes)
        where = placement.where.get(symbol)
        if where is not None:
            candidate = corpus.root / where / safe_name(symbol, resolution.language)
            existing = candidate if candidate.is_file() else None
        else:
            existing = corpus.locate(symbol, resolution.language)
        sibling = where if existing is None else None  # its text in another language is there
        if existing is not None:
            slug = existing.parent.name
            if series is not None and series != slug:
                raise CorpusError(
                    f"{symbol} is already in series {slug}; to move it, git mv its file and rebuild "
                    f"with 'resdiff add --replace --series {slug}', or leave --series out"
                )
            stored = stored_text(read_bytes(existing), existing)
            if _without_source(stored) == _without_source(resolution):
                results.append(Added(symbol, slug, f"{slug}/{existing.name}", "unchanged"))
                continue
            if not replace:
                raise CorpusError(
                    f"{symbol} is already in the corpus with a different text; pass --replace to record "
                    "this text as a correction (the old text stays in git history)"
                )
            action = "replaced"
        else:
            # a text in another language joins the series its siblings are in
            slug = series or sibling or placement.assign(resolution)
            placement.join(slug, resolution)
            action = "added"
        if note:
            notes.append(note)
        target = _inside(corpus, corpus.root / slug / safe_name(symbol, resolution.language))
        writes[target] = canonical.dump(resolution).encode("utf-8")
        if source is not None:
            writes[source[0]] = source[1]
        results.append(Added(symbol, slug, f"{slug}/{target.name}", action))
    changed = [r for r in results if r.action != "unchanged"]
    if not changed:
        return AddResult(tuple(results), None, tuple(notes), notices)
    writes.update(extras)
    _refuse_uncommitted(git, [path for path, data in writes.items() if data != _current(path)])
    subject = ", ".join(f"{'correct' if r.action == 'replaced' else 'add'} {r.symbol}" for r in changed)
    body = "\n".join(f"{r.action} {r.symbol} in {r.series}" for r in changed)
    full_message = f"{message}\n\n{body}" if message else f"resdiff: {subject}\n\n{body}"
    shown = ", ".join(r.symbol for r in changed[:5])
    summary = f"resdiff add {shown}" + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
    result = AddResult(tuple(results), None, tuple(notes), notices)
    try:
        commit = commit_changes(corpus.root, lock, writes, full_message, summary, git=git)
    except InterruptedAfterCommit as interrupted:
        done = dataclasses.replace(result, commit=interrupted.commit)
        raise InterruptedAfterCommit(interrupted.commit, done) from None
    return dataclasses.replace(result, commit=commit)


def _with_source(
    corpus: Corpus, incoming: Incoming, writes: Mapping[Path, bytes | None]
) -> tuple[Resolution, tuple[Path, bytes] | None, str | None]:
    """The resolution to store, the source file to keep with it (if any), and a note for the user."""
    resolution, data = incoming.resolution, incoming.data
    recorded = resolution.source
    if data is None or recorded is None or not SHA256_RE.match(recorded.sha256):
        return resolution, None, None
    sha = hashlib.sha256(data).hexdigest()
    if recorded.sha256 == sha:  # normalized from these bytes: they are its source
        return resolution, (_inside(corpus, source_path(corpus, sha)), data), None
    # a canonical file: its recorded source explains it, is not here to say, or it is a hand correction
    path = source_path(corpus, recorded.sha256)
    kept = writes.get(path)
    if kept is None and path.is_file():
        kept = read_bytes(path)
    if kept is None:
        return resolution, None, None
    from ..model import Source
    from ..normalize import normalize_bytes
    from .integrity import explains

    try:
        explained = explains(normalize_bytes(kept, recorded.name).resolution, resolution)
    except InputError:
        explained = False
    if explained:
        return resolution, None, None
    name = "stdin" if incoming.origin == "-" else os.path.basename(incoming.origin)
    corrected = dataclasses.replace(resolution, source=Source(name=name, sha256=sha, reader="canonical"))
    note = (
        f"{incoming.origin}: not what its recorded source {recorded.name} gives (a correction by hand), "
        f"so this file is kept as its source: {SOURCES}/{sha}"
    )
    return corrected, (_inside(corpus, source_path(corpus, sha)), data), note


class _Placement:
    """Which series a new text joins, from every series' ``Links`` turned inside out (symbol -> series)
    for the series that concern the texts being added (one set test a series finds them): each text
    then costs a few look-ups, not a pass over every series, and texts join as they are placed."""

    def __init__(self, folders: Mapping[str, Links], texts: Iterable[Resolution]) -> None:
        self.where: dict[str, str] = {}  # member symbol -> its series
        self.titles: dict[str, set[str]] = {}  # series -> its members' titles (refs.title_key)
        self._members: dict[str, set[str]] = {}  # symbol -> the series holding it
        self._lineage: dict[str, set[str]] = {}  # symbol -> the series whose lineage names it
        self._titled: dict[str, set[str]] = {}  # title (refs.title_key) -> the series holding it
        symbols: set[str] = set()
        titles: set[str] = set()
        for text in texts:
            symbols.update((text.symbol or "", *lineage_citations(text)))
            titles.add(title_key(text.title))
        for slug, links in folders.items():
            if not links.members:  # a folder holding no readable text is no series to join
                continue
            self.titles[slug] = set(links.titles)
            if symbols.isdisjoint(links.lineage) and titles.isdisjoint(links.titles):
                continue  # its lineage holds its members: nothing ties these texts to it
            for symbol in links.members:
                self.where[symbol] = slug
                self._members.setdefault(symbol, set()).add(slug)
            for symbol in links.lineage:
                self._lineage.setdefault(symbol, set()).add(slug)
            for title in links.titles:
                self._titled.setdefault(title, set()).add(slug)

    def join(self, slug: str, resolution: Resolution) -> None:
        """A text placed in ``slug``: later texts of the same add see it there."""
        symbol = resolution.symbol or ""
        self.where[symbol] = slug
        self._members.setdefault(symbol, set()).add(slug)
        for cited in (symbol, *lineage_citations(resolution)):
            self._lineage.setdefault(cited, set()).add(slug)
        held = self.titles.setdefault(slug, set())
        if resolution.title:
            held.add(title_key(resolution.title))
            self._titled.setdefault(title_key(resolution.title), set()).add(slug)

    def assign(self, resolution: Resolution) -> str:
        """The series a new text joins: one whose member it recites or whose member recites it, else
        one sharing its title, else a new one named after its title (``refs.slugify``)."""
        symbol = resolution.symbol or ""
        title = title_key(resolution.title)
        found = set(self._lineage.get(symbol, ()))
        for cited in lineage_citations(resolution):
            found |= self._members.get(cited, set())
        linked = sorted(found)
        if len(linked) > 1:
            linked = [slug for slug in linked if title in self.titles[slug]] or linked
        if len(linked) > 1:
            raise CorpusError(
                f"{symbol} is linked by citations to the series {', '.join(linked)}; choose one with --series"
            )
        if linked:
            return linked[0]
        titled = sorted(self._titled.get(title, ())) if title else []
        if titled:
            return titled[0]
        base = slugify(resolution.title or "")
        if not base:
            raise CorpusError(f"{symbol} has no title to name a series after; choose one with --series SLUG")
        slug, number = base, 2
        while slug in self.titles or slug == SOURCES:  # another title cut to the same words
            suffix = f"-{number}"
            slug = base[: MAX_SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
            number += 1
        return validate_slug(slug)


def _current(path: Path) -> bytes | None:
    """A file's bytes as they are (None if absent): a source already kept as it is is no change."""
    try:
        return path.read_bytes() if path.is_file() and not path.is_symlink() else None
    except OSError:
        return None


def _inside(corpus: Corpus, path: Path) -> Path:
    """The path, if it resolves inside the corpus folder: the last guard before anything is written."""
    resolved = path.resolve()
    if not resolved.is_relative_to(corpus.root) or resolved == corpus.root:
        raise CorpusError(f"refusing to write {path}: it is outside the corpus folder {corpus.root}")
    return resolved
