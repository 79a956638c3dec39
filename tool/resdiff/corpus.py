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
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import canonical
from .errors import CorpusError, InputError, RefError
from .files import write_atomic
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
from .series import INDEX_NAME, Member, SeriesIndex, build_index, lineage_citations

if TYPE_CHECKING:
    import git

MARKER = ".resdiff-corpus"
MARKER_TEXT = "resdiff corpus 1\n"
DEFAULT_AUTHOR = ("resdiff", "resdiff@localhost")
DEFAULT_LOCK_TIMEOUT = 60.0  # seconds a writer waits for another; RESDIFF_LOCK_TIMEOUT overrides it
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
        if not os.path.isfile(root / MARKER):  # os.path: False, not OSError, for a name too long
            raise CorpusError(
                f"{path} is not a resdiff corpus (no {MARKER} file); create one with 'resdiff init {path}'"
            )
        return cls(root)

    def slugs(self) -> list[str]:
        return sorted(p.parent.name for p in self.root.glob(f"*/{INDEX_NAME}"))

    def index(self, slug: str) -> SeriesIndex:
        path = self.root / slug / INDEX_NAME
        if not path.is_file():
            raise RefError(f"no series {slug!r} in {self.root}{_choices(slug, self.slugs())}")
        try:
            return SeriesIndex.from_json(json.loads(read_bytes(path)))
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
    """One row of ``resdiff list``: a member as its series index records it, and that series."""

    series: str
    member: Member

    def to_json(self) -> dict[str, Any]:
        """The member's index record with its series, its file given from the corpus root."""
        return {"series": self.series, **self.member.to_json(), "file": f"{self.series}/{self.member.file}"}


def series_indexes(corpus: Corpus, slug: str | None = None) -> list[SeriesIndex]:
    """The index of one series, or of every series when ``slug`` is None."""
    return [corpus.index(validate_slug(slug))] if slug else corpus.indexes()


def list_entries(corpus: Corpus, slug: str | None = None) -> list[Entry]:
    """Every text of the corpus (or of one series), read from the series indexes only."""
    return [Entry(index.slug, member) for index in series_indexes(corpus, slug) for member in index.members]


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CorpusError(f"cannot read {path} ({error.strerror}); check its permissions") from None


def resolve_ref(ref: str, corpus: Corpus | None) -> Resolution:
    """The text a REF names (what ``diff`` compares); see ``resolve_ref_normalized`` for the warnings."""
    return resolve_ref_normalized(ref, corpus).resolution


def resolve_ref_normalized(ref: str, corpus: Corpus | None) -> Normalized:
    """The text a REF names, with the normalizer's warnings when it is a file normalized on the fly.

    An existing file path always wins (so any file works without a corpus); ``path@REV`` reads the
    file at a revision of the git repository holding it; ``-`` reads stdin.
    """
    if ref == "-" or os.path.isfile(ref):  # unlike Path.is_file, False for names too long or holding NUL
        from .normalize import normalize_input

        return normalize_input(ref)
    if ref and os.path.isdir(ref):
        raise RefError(f"{ref} is a folder: give a resolution file, or a REF such as 72/54")
    head, at, rev = ref.rpartition("@")
    if at and os.path.isfile(head):
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
        return Normalized(stored_text(read_bytes(path), path))
    return Normalized(stored_text(_blob_at(path, parsed.rev), f"{path}@{parsed.rev}"))


def stored_text(data: bytes, where: str | Path) -> Resolution:
    """A corpus text from its bytes; a damaged one is a CorpusError naming it and the way back."""
    try:
        return canonical.load(data.decode("utf-8"))
    except (UnicodeDecodeError, InputError) as error:
        raise CorpusError(
            f"{where} is damaged ({error}); run 'resdiff verify' and restore it with git checkout"
        ) from None


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
        raise RefError(
            f"{ref.symbol} is not in the corpus{_choices(ref.symbol, known)}; "
            "to compare it, add its text with 'resdiff add FILE' or give the file itself"
        )
    assert ref.series is not None
    slugs = corpus.slugs()
    if ref.series not in slugs:
        choices = _choices(ref.series, slugs)
        if ref.year is None and ref.rev is None:
            raise RefError(f"{ref.text!r} is neither a file nor a series of {corpus.root}{choices}")
        raise RefError(f"{ref.text!r}: no series {ref.series!r} in {corpus.root}{choices}")
    index = corpus.index(ref.series)
    members = [m for m in index.members if ref.year is None or (m.adopted or "").startswith(f"{ref.year}-")]
    if len(members) == 1:
        return corpus.root / index.slug / members[0].file
    choices = ", ".join(f"{index.slug}@{(m.adopted or '????')[:4]} ({m.symbol})" for m in index.members)
    if not members:
        raise RefError(f"{ref.text!r}: series {index.slug} has none from {ref.year}; it has: {choices}")
    raise RefError(f"{ref.text!r} is ambiguous: series {index.slug} holds {choices}; name one by its symbol")


def _choices(word: str, known: Sequence[str]) -> str:
    """The closest matches to mention in an error; if none is close, what there is to choose from."""
    import difflib  # only on the error path: reading commands stay quick to start

    matches = difflib.get_close_matches(word, known, n=5, cutoff=0.6)
    if matches:
        return f"; closest: {', '.join(matches)}"
    if not known:
        return "; it holds none yet"
    more = f" and {len(known) - 10} more" if len(known) > 10 else ""
    return f"; it holds {', '.join(known[:10])}{more}"


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
    except (git.BadName, git.BadObject, git.GitCommandError, ValueError, KeyError, IndexError) as error:
        # rev_parse raises any of these for what is not a commit ("HEAD:../x", "HEAD^{tree}", ...)
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

    if not str(path).strip():
        raise CorpusError("give the folder to create the corpus in, e.g. 'resdiff init ~/resolutions'")
    root = Path(path).resolve()
    if os.path.exists(root / MARKER):
        raise CorpusError(f"{path} is already a resdiff corpus")
    if os.path.exists(root) and not os.path.isdir(root):
        raise CorpusError(f"{path} exists and is not a folder")
    try:
        if os.path.isdir(root) and any(p.name not in ROOT_FILES | {".git"} for p in root.iterdir()):
            raise CorpusError(f"{path} is not empty; create the corpus in a new or empty folder")
        root.mkdir(parents=True, exist_ok=True)
        try:
            repo = git.Repo(root, search_parent_directories=True)
        except git.InvalidGitRepositoryError:
            repo = git.Repo.init(root)
        write_atomic(root / MARKER, MARKER_TEXT.encode("utf-8"), durable=True)
    except OSError as error:
        raise CorpusError(
            f"cannot create a corpus in {path} ({error.strerror}); choose a folder you may write to"
        ) from None
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
    from .normalize import normalize_input

    if series is not None:
        validate_slug(series)  # before normalizing: a typo in --series fails at once
    normalized = [(str(path), normalize_input(str(path))) for path in paths]
    return add_normalized(corpus, normalized, series=series, message=message, replace=replace)


def add_normalized(
    corpus: Corpus,
    texts_by_origin: Sequence[tuple[str, Normalized]],
    series: str | None = None,
    message: str | None = None,
    replace: bool = False,
) -> AddResult:
    """Store texts already normalized (``fetch`` normalizes what it downloads) in one commit; each is
    named in messages by its origin (a path, a URL)."""
    if series is not None:
        validate_slug(series)
    texts: dict[str, tuple[Resolution, str]] = {}
    warnings: list[str] = []
    for origin, normalized in texts_by_origin:
        warnings.extend(f"{origin}: {w}" for w in normalized.warnings)
        resolution = normalized.resolution
        symbol = validate_symbol(resolution.symbol, origin)
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
        try:
            return _store(corpus, repo, texts, series, message, replace, tuple(warnings))
        except OSError as error:
            raise CorpusError(
                f"cannot write to the corpus {corpus.root} ({error.strerror or error}); nothing was "
                "added: check its permissions and free space, then retry"
            ) from None


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
            if read_bytes(existing) == text.encode("utf-8"):
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
    members = (stored_text(data, path) for path, data in sorted(texts.items()))
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
            write_atomic(path, data, durable=True)
        return _commit(repo, relatives, message)
    except BaseException:
        for path, old in before.items():
            if old is None:
                path.unlink(missing_ok=True)
            else:
                write_atomic(path, old, durable=True)
        for folder in created_dirs:
            with contextlib.suppress(OSError):
                folder.rmdir()
        repo.git.reset("-q", "--", *relatives)  # HEAD exists: add runs only on a committed corpus
        raise


def _lock_timeout() -> float:
    """RESDIFF_LOCK_TIMEOUT, read when a writer needs it (a bad value must not break reading commands)."""
    value = os.environ.get("RESDIFF_LOCK_TIMEOUT", "").strip()
    if not value:
        return DEFAULT_LOCK_TIMEOUT
    try:
        timeout = float(value)
    except ValueError:
        timeout = -1.0
    if not timeout >= 0:  # also refuses NaN
        raise CorpusError(f"RESDIFF_LOCK_TIMEOUT={value!r} is not a number of seconds; set it to e.g. 60")
    return timeout


@contextlib.contextmanager
def _locked(corpus: Corpus) -> Iterator[None]:
    """Serializes writers on the marker file (flock: released by the kernel even if a writer dies)."""
    with open(corpus.root / MARKER, "rb") as marker:
        timeout = _lock_timeout()
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(marker.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise CorpusError(
                        f"another resdiff is writing to {corpus.root} for over {timeout:g} s; "
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
    repo = _repo(corpus.root)
    relative = _relative(repo, path)
    entries = []
    for commit in repo.iter_commits(paths=relative):
        new = stored_text((commit.tree / relative).data_stream.read(), f"{relative}@{commit.hexsha[:10]}")
        old = None
        if commit.parents:
            with contextlib.suppress(KeyError):
                parent = commit.parents[0]
                old_data = (parent.tree / relative).data_stream.read()
                old = stored_text(old_data, f"{relative}@{parent.hexsha[:10]}")
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
        problems.extend(_verify_series(entry, seen))
    repo = _repo(corpus.root)
    problems.extend(f"{path}: not committed (changed or untracked in git)" for path in _dirty(repo, corpus))
    return problems


def _verify_series(folder: Path, seen: dict[str, str]) -> list[str]:
    """What drifted in one series folder; ``seen`` maps each symbol met so far to where it is."""
    from .normalize import normalize_bytes

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
        try:
            data = path.read_bytes()
            normalized = normalize_bytes(data, path.name)
        except OSError as error:
            problems.append(f"{where}: cannot be read ({error.strerror})")
            continue
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
    elif index_path.read_bytes() != expected.encode("utf-8"):
        problems.append(f"{slug}/{INDEX_NAME}: does not match the series' texts (index drift)")
    return problems
