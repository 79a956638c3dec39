"""The git-tracked corpus: where it is, reading its texts, adding and correcting them, checking it.

Layout (spec for corpus/README.md): the corpus folder holds a marker file ``.resdiff-corpus``, one
folder per series (``cluster-munitions/``) with one canonical file per resolution
(``A_RES_72_54.txt``) and the series index ``series.json``. Reading never imports GitPython (it
costs about 0.1 s per command): ``git`` is imported only inside the functions that commit or read
a revision.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import canonical
from .errors import CorpusError, InputError, RefError
from .model import Normalized, Resolution
from .refs import (
    FILE_SUFFIX,
    MAX_SLUG_LENGTH,
    Ref,
    parse_ref,
    safe_name,
    slugify,
    symbol_of_file_name,
    symbol_sort_key,
    validate_slug,
    validate_symbol,
)
from .series import INDEX_NAME, SeriesIndex, build_index, lineage_citations

if TYPE_CHECKING:
    import git

MARKER = ".resdiff-corpus"
MARKER_TEXT = "resdiff corpus 1\n"
DEFAULT_AUTHOR = ("resdiff", "resdiff@localhost")
LOCK_TIMEOUT = float(os.environ.get("RESDIFF_LOCK_TIMEOUT", "60"))
# files a corpus root may hold besides series folders (README.md is the format's documentation)
ROOT_FILES = {MARKER, "README.md", ".gitignore", ".gitattributes"}
Keys = tuple[str, ...]


@dataclass(frozen=True)
class Corpus:
    """A corpus folder (the one holding the marker file)."""

    root: Path

    @classmethod
    def open(cls, path: str | Path) -> Corpus:
        root = Path(path).resolve()
        if not (root / MARKER).is_file():
            raise CorpusError(
                f"{path} is not a resdiff corpus (no {MARKER} file); create one with 'resdiff init {path}'"
            )
        return cls(root)

    def slugs(self) -> list[str]:
        return sorted(p.parent.name for p in self.root.glob(f"*/{INDEX_NAME}"))

    def index(self, slug: str) -> SeriesIndex:
        path = self.root / slug / INDEX_NAME
        if not path.is_file():
            raise RefError(f"no series {slug!r} in {self.root}{_closest(slug, self.slugs())}")
        try:
            return SeriesIndex.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError) as error:
            raise CorpusError(
                f"{path} is damaged ({error}); run 'resdiff verify' and restore it from git"
            ) from error

    def indexes(self) -> list[SeriesIndex]:
        return [self.index(slug) for slug in self.slugs()]

    def locate(self, symbol: str) -> Path | None:
        """The file of a symbol, found by its name alone (no index read: this is the fast path of show)."""
        hits = sorted(self.root.glob(f"*/{safe_name(symbol)}"))
        if len(hits) > 1:
            raise CorpusError(
                f"{symbol} is stored twice ({', '.join(str(h.relative_to(self.root)) for h in hits)}); "
                "remove one with git rm and run 'resdiff verify'"
            )
        return hits[0] if hits else None

    def symbols(self) -> list[str]:
        return sorted(
            (s for s in (symbol_of_file_name(p.name) for p in self.root.glob(f"*/*{FILE_SUFFIX}")) if s),
            key=symbol_sort_key,
        )


# --- finding a corpus ------------------------------------------------------------------------


def find_corpus(explicit: str | Path | None = None, cwd: Path | None = None) -> Corpus | None:
    """``--corpus``/``RESDIFF_CORPUS``, else the project's ``corpus/`` above ``cwd``, else the checkout's."""
    explicit = explicit or os.environ.get("RESDIFF_CORPUS")
    if explicit:
        return Corpus.open(explicit)
    start = (cwd or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        for candidate in (folder, folder / "corpus"):
            if (candidate / MARKER).is_file():
                return Corpus(candidate)
    import resdiff

    checkout = Path(resdiff.__file__).resolve().parents[2] / "corpus"
    return Corpus(checkout) if (checkout / MARKER).is_file() else None


def require_corpus(explicit: str | Path | None = None) -> Corpus:
    corpus = find_corpus(explicit)
    if corpus is None:
        raise CorpusError(
            "no corpus found: pass --corpus PATH, set RESDIFF_CORPUS, or create one with 'resdiff init PATH'"
        )
    return corpus


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One row of ``resdiff list``."""

    series: str
    symbol: str
    session: int | None
    adopted: str | None
    title: str | None
    file: str
    clauses: tuple[tuple[str, int], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "series": self.series,
            "symbol": self.symbol,
            "session": self.session,
            "adopted": self.adopted,
            "title": self.title,
            "file": self.file,
            "clauses": dict(self.clauses),
        }


def list_entries(corpus: Corpus, slug: str | None = None) -> list[Entry]:
    """Every text of the corpus (or of one series), read from the series indexes only."""
    indexes = [corpus.index(validate_slug(slug))] if slug else corpus.indexes()
    return [
        Entry(
            series=index.slug,
            symbol=m.symbol,
            session=m.session,
            adopted=m.adopted,
            title=m.title,
            file=f"{index.slug}/{m.file}",
            clauses=m.clauses,
        )
        for index in indexes
        for m in index.members
    ]


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusError(f"cannot read {path}: {error}") from error


def resolve_ref(ref: str, corpus: Corpus | None) -> Resolution:
    """The text a REF names (what ``diff`` compares); see ``resolve_ref_normalized`` for the warnings."""
    return resolve_ref_normalized(ref, corpus).resolution


def resolve_ref_normalized(ref: str, corpus: Corpus | None) -> Normalized:
    """The text a REF names, with the normalizer's warnings when it is a file normalized on the fly.

    An existing file path always wins (so any file works without a corpus); ``path@REV`` reads the
    file at a revision of the git repository holding it; ``-`` reads stdin.
    """
    if ref == "-":
        from .normalize import normalize_bytes

        return normalize_bytes(sys.stdin.buffer.read(), "stdin")
    if Path(ref).is_file():
        from .normalize import normalize_path

        return normalize_path(ref)
    head, at, rev = ref.rpartition("@")
    if at and Path(head).is_file():
        from .normalize import normalize_bytes

        return normalize_bytes(_blob_at(Path(head), _checked_rev(ref, rev)), Path(head).name)
    parsed = parse_ref(ref)
    if corpus is None:
        raise RefError(
            f"{ref!r} is not a file, and no corpus is found to look it up in: "
            "pass --corpus PATH or set RESDIFF_CORPUS"
        )
    path = ref_path(corpus, parsed)
    if parsed.rev is None:
        return Normalized(canonical.load(read_text(path)))
    return Normalized(canonical.load(_blob_at(path, parsed.rev).decode("utf-8")))


def _checked_rev(ref: str, rev: str) -> str:
    if not rev or rev.startswith("-"):
        raise RefError(f"{ref!r}: {rev!r} is not a git revision")
    return rev


def ref_path(corpus: Corpus, ref: Ref) -> Path:
    """The corpus file a symbol or series REF names; RefError with the closest matches otherwise."""
    if ref.symbol is not None:
        path = corpus.locate(ref.symbol)
        if path is not None:
            return path
        known = corpus.symbols()
        parts = [s for s in known if s.startswith(ref.symbol + " ")]
        if parts:
            raise RefError(f"{ref.text!r} is ambiguous: the corpus holds the parts {', '.join(parts)}")
        raise RefError(f"{ref.symbol} is not in the corpus{_closest(ref.symbol, known)}")
    assert ref.series is not None
    index = corpus.index(ref.series)
    members = [m for m in index.members if ref.year is None or (m.adopted or "").startswith(f"{ref.year}-")]
    if len(members) == 1:
        return corpus.root / index.slug / members[0].file
    choices = ", ".join(f"{index.slug}@{(m.adopted or '????')[:4]} ({m.symbol})" for m in index.members)
    if not members:
        raise RefError(f"{ref.text!r}: series {index.slug} has none from {ref.year}; it has: {choices}")
    raise RefError(f"{ref.text!r} is ambiguous: series {index.slug} holds {choices}; name one by its symbol")


def _closest(word: str, known: Sequence[str]) -> str:
    import difflib  # only on the error path: reading commands stay quick to start

    matches = difflib.get_close_matches(word, known, n=5, cutoff=0.6)
    return f"; closest: {', '.join(matches)}" if matches else ""


# --- git (imported lazily) -------------------------------------------------------------------


def _repo(path: Path) -> git.Repo:
    import git

    try:
        return git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError) as error:
        raise CorpusError(f"{path} is not in a git repository; run 'resdiff init' or 'git init'") from error


def _relative(repo: git.Repo, path: Path) -> str:
    return path.resolve().relative_to(Path(repo.working_tree_dir or "").resolve()).as_posix()


def _blob_at(path: Path, rev: str) -> bytes:
    """A file's bytes at a git revision."""
    import git

    repo = _repo(path.parent)
    relative = _relative(repo, path)
    try:
        tree = repo.commit(rev).tree
    except (git.BadName, ValueError, git.GitCommandError) as error:
        raise RefError(f"{rev!r} is not a revision of {repo.working_tree_dir}") from error
    try:
        data: bytes = (tree / relative).data_stream.read()
    except KeyError as error:
        raise RefError(f"{relative} did not exist at {rev}") from error
    return data


def _author(repo: git.Repo) -> dict[str, str]:
    """Environment for git naming the author: git config if set, else resdiff's own identity."""
    reader = repo.config_reader()
    name = reader.get_value("user", "name", default="") or DEFAULT_AUTHOR[0]
    email = reader.get_value("user", "email", default="") or DEFAULT_AUTHOR[1]
    return {
        "GIT_AUTHOR_NAME": str(name),
        "GIT_AUTHOR_EMAIL": str(email),
        "GIT_COMMITTER_NAME": str(name),
        "GIT_COMMITTER_EMAIL": str(email),
    }


def _commit(repo: git.Repo, relatives: Sequence[str], message: str) -> str:
    """Commit these paths only: other staged or dirty files of a larger repository stay as they are."""
    repo.git.add("-A", "--", *relatives)
    repo.git.commit("-q", "-m", message, "--only", "--", *relatives, env=_author(repo))
    return repo.head.commit.hexsha


def _dirty(repo: git.Repo, corpus: Corpus) -> list[str]:
    where = _relative(repo, corpus.root) or "."
    status: str = repo.git.status("--porcelain", "--untracked-files=all", "--", where)
    return [line[3:] for line in status.splitlines() if line.strip()]


def init_corpus(path: str | Path) -> Corpus:
    """A new, empty corpus at ``path`` (its own repository unless ``path`` is inside one), committed."""
    import git

    root = Path(path).resolve()
    if (root / MARKER).exists():
        raise CorpusError(f"{path} is already a resdiff corpus")
    if root.exists() and not root.is_dir():
        raise CorpusError(f"{path} exists and is not a folder")
    root.mkdir(parents=True, exist_ok=True)
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except git.InvalidGitRepositoryError:
        repo = git.Repo.init(root)
    _write_atomic(root / MARKER, MARKER_TEXT.encode("utf-8"))
    corpus = Corpus(root)
    _commit(repo, [_relative(repo, root / MARKER)], "resdiff: create the corpus")
    return corpus


# --- adding ----------------------------------------------------------------------------------


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


def add_files(
    corpus: Corpus,
    paths: Sequence[str | Path],
    series: str | None = None,
    message: str | None = None,
    replace: bool = False,
) -> AddResult:
    """Normalize files (``-``: stdin) into one commit; a new text for a stored symbol needs ``replace``."""
    from .normalize import normalize_bytes, normalize_path

    if series is not None:
        validate_slug(series)
    texts: dict[str, tuple[Resolution, str]] = {}
    warnings: list[str] = []
    for path in paths:
        stdin = str(path) == "-"
        normalized = normalize_bytes(sys.stdin.buffer.read(), "stdin") if stdin else normalize_path(path)
        warnings.extend(f"{path}: {w}" for w in normalized.warnings)
        resolution = normalized.resolution
        symbol = validate_symbol(resolution.symbol, str(path))
        text = canonical.dump(resolution)
        if symbol in texts and texts[symbol][1] != text:
            raise CorpusError(f"{symbol} is given twice with different texts; add one of them")
        texts[symbol] = (resolution, text)
    repo = _repo(corpus.root)
    with _locked(corpus):
        dirty = _dirty(repo, corpus)
        if dirty:
            where = _relative(repo, corpus.root) or "."
            raise CorpusError(
                f"the corpus has uncommitted changes ({', '.join(dirty[:5])}); commit them "
                f"(git add {where} && git commit) or discard them (git checkout -- {where}; "
                f"git clean -n {where} lists new files to remove), then retry"
            )
        return _store(corpus, repo, texts, series, message, replace, tuple(warnings))


def _store(
    corpus: Corpus,
    repo: git.Repo,
    texts: dict[str, tuple[Resolution, str]],
    series: str | None,
    message: str | None,
    replace: bool,
    warnings: tuple[str, ...],
) -> AddResult:
    facts = {index.slug: _SeriesFacts.of(index) for index in corpus.indexes()}
    writes: dict[Path, bytes] = {}
    results: list[Added] = []
    for symbol in sorted(texts, key=symbol_sort_key):
        resolution, text = texts[symbol]
        existing = corpus.locate(symbol)
        if existing is not None:
            slug = existing.parent.name
            if series is not None and series != slug:
                raise CorpusError(
                    f"{symbol} is already in series {slug}; to move it, git mv its file and rebuild "
                    f"with 'resdiff add --replace --series {slug}', or leave --series out"
                )
            if read_text(existing) == text:
                results.append(Added(symbol, slug, f"{slug}/{existing.name}", "unchanged"))
                continue
            if not replace:
                raise CorpusError(
                    f"{symbol} is already in the corpus with a different text; pass --replace to record "
                    "this text as a correction (the old text stays in git history)"
                )
            action = "replaced"
        else:
            slug = series or _assign_series(resolution, facts)
            facts[slug] = facts.get(slug, _SeriesFacts()).joined_by(resolution)
            action = "added"
        target = _inside(corpus, corpus.root / slug / safe_name(symbol))
        writes[target] = text.encode("utf-8")
        results.append(Added(symbol, slug, f"{slug}/{target.name}", action))
    if not writes:
        return AddResult(tuple(results), None, warnings)
    for slug in sorted({path.parent.name for path in writes}):
        index_text = _rebuilt_index(corpus, slug, writes)
        writes[_inside(corpus, corpus.root / slug / INDEX_NAME)] = index_text.encode("utf-8")
    changed = [r for r in results if r.action != "unchanged"]
    subject = ", ".join(f"{'correct' if r.action == 'replaced' else 'add'} {r.symbol}" for r in changed)
    body = "\n".join(f"{r.action} {r.symbol} in {r.series}" for r in changed)
    full_message = f"{message}\n\n{body}" if message else f"resdiff: {subject}\n\n{body}"
    commit = _write_and_commit(repo, writes, full_message)
    return AddResult(tuple(results), commit, warnings)


@dataclass(frozen=True)
class _SeriesFacts:
    """What ties a text to a series: its members, its lineage, its members' titles (casefolded)."""

    members: frozenset[str] = frozenset()
    lineage: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()

    @classmethod
    def of(cls, index: SeriesIndex) -> _SeriesFacts:
        return cls(
            members=frozenset(m.symbol for m in index.members),
            lineage=frozenset(e.symbol for e in index.lineage),
            titles=frozenset(m.title.casefold() for m in index.members if m.title),
        )

    def joined_by(self, resolution: Resolution) -> _SeriesFacts:
        symbol = resolution.symbol or ""
        return _SeriesFacts(
            members=self.members | {symbol},
            lineage=self.lineage | {symbol, *lineage_citations(resolution)},
            titles=self.titles | ({resolution.title.casefold()} if resolution.title else set()),
        )


def _assign_series(resolution: Resolution, facts: dict[str, _SeriesFacts]) -> str:
    """The series a new text joins: one whose member it recites or whose member recites it, else one
    sharing its title, else a new one named after its title."""
    symbol = resolution.symbol or ""
    recited = set(lineage_citations(resolution))
    title = (resolution.title or "").casefold()
    linked = sorted(slug for slug, f in facts.items() if recited & f.members or symbol in f.lineage)
    if len(linked) > 1:
        linked = [slug for slug in linked if title in facts[slug].titles] or linked
    if len(linked) > 1:
        raise CorpusError(
            f"{symbol} is linked by citations to the series {', '.join(linked)}; choose one with --series"
        )
    if linked:
        return linked[0]
    titled = sorted(slug for slug, f in facts.items() if title and title in f.titles)
    if titled:
        return titled[0]
    base = slugify(resolution.title or "")
    if not base:
        raise CorpusError(f"{symbol} has no title to name a series after; choose one with --series SLUG")
    slug, number = base, 2
    while slug in facts:  # another title cut to the same words
        suffix = f"-{number}"
        slug = base[: MAX_SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
        number += 1
    return validate_slug(slug)


def _rebuilt_index(corpus: Corpus, slug: str, writes: dict[Path, bytes]) -> str:
    """The series index from the series' texts as they will be once ``writes`` are done."""
    folder = corpus.root / slug
    texts = {p: p.read_bytes() for p in folder.glob(f"*{FILE_SUFFIX}")} if folder.is_dir() else {}
    texts.update({p: data for p, data in writes.items() if p.parent == folder and p.suffix == FILE_SUFFIX})
    members = (canonical.load(data.decode("utf-8")) for _, data in sorted(texts.items()))
    return build_index(slug, members).dumps()


def _inside(corpus: Corpus, path: Path) -> Path:
    """The path, if it resolves inside the corpus folder: the last guard before anything is written."""
    resolved = path.resolve()
    if not resolved.is_relative_to(corpus.root) or resolved == corpus.root:
        raise CorpusError(f"refusing to write {path}: it is outside the corpus folder {corpus.root}")
    return resolved


def _write_and_commit(repo: git.Repo, writes: dict[Path, bytes], message: str) -> str:
    """Write every file atomically and commit them; on any failure put the corpus back as it was."""
    before = {path: path.read_bytes() if path.exists() else None for path in writes}
    created_dirs = sorted({p.parent for p in writes if not p.parent.exists()})
    relatives = [_relative(repo, path) for path in sorted(writes)]
    try:
        for path, data in sorted(writes.items()):
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(path, data)
        return _commit(repo, relatives, message)
    except BaseException:
        for path, old in before.items():
            if old is None:
                path.unlink(missing_ok=True)
            else:
                _write_atomic(path, old)
        for folder in created_dirs:
            with contextlib.suppress(OSError):
                folder.rmdir()
        repo.git.reset("-q", "--", *relatives)  # HEAD exists: add runs only on a committed corpus
        raise


def _write_atomic(path: Path, data: bytes) -> None:
    import tempfile  # only writers need it

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def _locked(corpus: Corpus) -> Iterator[None]:
    """Serializes writers on the marker file (flock: released by the kernel even if a writer dies)."""
    with open(corpus.root / MARKER, "rb") as marker:
        deadline = time.monotonic() + LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(marker.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise CorpusError(
                        f"another resdiff is writing to {corpus.root} for over {LOCK_TIMEOUT:.0f} s; "
                        "wait for it to finish and retry (RESDIFF_LOCK_TIMEOUT sets the wait)"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(marker.fileno(), fcntl.LOCK_UN)


# --- history ---------------------------------------------------------------------------------


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
    """The history of one corpus text, newest first."""
    parsed = parse_ref(ref)
    if parsed.rev is not None:
        raise RefError(f"{ref!r}: 'log' shows the whole history; leave out '@{parsed.rev}'")
    path = ref_path(corpus, parsed)
    repo = _repo(corpus.root)
    relative = _relative(repo, path)
    entries = []
    for commit in repo.iter_commits(paths=relative):
        new = canonical.load((commit.tree / relative).data_stream.read().decode("utf-8"))
        old = None
        if commit.parents:
            with contextlib.suppress(KeyError):
                old = canonical.load((commit.parents[0].tree / relative).data_stream.read().decode("utf-8"))
        changed, added, removed = _clause_changes(old, new) if old is not None else ((), (), ())
        entries.append(
            LogEntry(
                commit=commit.hexsha,
                date=commit.committed_datetime.isoformat(),
                message=str(commit.message).strip(),
                changed=changed,
                added=added,
                removed=removed,
            )
        )
    return entries


def _clause_changes(old: Resolution, new: Resolution) -> tuple[Keys, Keys, Keys]:
    old_clauses = {c.key: c for c in old.clauses}
    new_keys = {c.key for c in new.clauses}
    old_meta, new_meta = old.to_json(), new.to_json()
    header = tuple(name for name in canonical.HEADER_FIELDS if old_meta.get(name) != new_meta.get(name))
    changed = tuple(c.key for c in new.clauses if c.key in old_clauses and old_clauses[c.key] != c)
    added = tuple(c.key for c in new.clauses if c.key not in old_clauses)
    removed = tuple(c.key for c in old.clauses if c.key not in new_keys)
    return header + changed, added, removed


# --- integrity -------------------------------------------------------------------------------


def verify(corpus: Corpus) -> list[str]:
    """Every drift found (none when the corpus is sound): texts, indexes and git checked together."""
    from .normalize import normalize_bytes

    problems: list[str] = []
    seen: dict[str, str] = {}
    for entry in sorted(corpus.root.iterdir()):
        name = entry.name
        if entry.is_file():
            if name not in ROOT_FILES:
                problems.append(f"{name}: unexpected file in the corpus root")
            continue
        if name.startswith("."):
            continue
        problems.extend(_verify_series(corpus, entry, normalize_bytes, seen))
    repo = _repo(corpus.root)
    problems.extend(f"{path}: not committed (changed or untracked in git)" for path in _dirty(repo, corpus))
    return problems


def _verify_series(corpus: Corpus, folder: Path, normalize_bytes: Any, seen: dict[str, str]) -> list[str]:
    slug = folder.name
    problems: list[str] = []
    try:
        validate_slug(slug)
    except CorpusError as error:
        problems.append(f"{slug}/: {error}")
    texts: list[Resolution] = []
    for path in sorted(folder.iterdir()):
        where = f"{slug}/{path.name}"
        if path.name == INDEX_NAME:
            continue
        symbol = symbol_of_file_name(path.name)
        if symbol is None or not path.is_file():
            problems.append(f"{where}: unexpected file (corpus files are named like A_RES_72_54.txt)")
            continue
        data = path.read_bytes()
        try:
            normalized: Normalized = normalize_bytes(data, path.name)
        except InputError as error:
            problems.append(f"{where}: does not normalize ({error})")
            continue
        resolution = normalized.resolution
        try:
            canonical_data = canonical.dump(resolution).encode("utf-8")
        except ValueError as error:
            problems.append(f"{where}: does not normalize ({error})")
            continue
        if canonical_data != data:
            problems.append(f"{where}: not canonical (re-normalizing it changes it; was it edited by hand?)")
        if resolution.symbol != symbol:
            problems.append(f"{where}: holds {resolution.symbol}, not the {symbol} its name says")
            continue
        if symbol in seen:
            problems.append(f"{where}: {symbol} is also stored as {seen[symbol]}")
        seen[symbol] = where
        texts.append(resolution)
    index_path = folder / INDEX_NAME
    expected = build_index(slug, texts).dumps()
    if not index_path.is_file():
        problems.append(f"{slug}/{INDEX_NAME}: missing")
    elif index_path.read_text(encoding="utf-8") != expected:
        problems.append(f"{slug}/{INDEX_NAME}: does not match the series' texts (index drift)")
    return problems
