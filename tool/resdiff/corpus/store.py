"""The corpus as readers see it: where it is, its series and texts, what a REF names.

Layout (spec: corpus/README.md): the corpus folder holds a marker file ``.resdiff-corpus``, one
folder per series (``cluster-munitions/``) with one canonical file per resolution
(``A_RES_72_54.txt``) and the series index ``series.json``, and ``sources/``, the bytes each text
was normalized from. Reading starts no process and imports neither git nor the normalizer unless a
REF needs them (a file, or a text at a git revision).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import canonical
from ..errors import CorpusError, InputError, RefError
from ..model import LANGUAGES, Normalized, Resolution
from ..refs import (
    FILE_SUFFIX,
    Ref,
    language_of_file_name,
    parse_ref,
    safe_name,
    short_symbol,
    symbol_of_file_name,
    symbol_sort_key,
    validate_slug,
)
from ..series import Member, SeriesIndex
from .journal import MARKER

if TYPE_CHECKING:
    from .catalog import Catalog

MARKER_TEXT = "resdiff corpus 1\n"
# files a corpus root may hold besides series folders (README.md is the format's documentation)
ROOT_FILES = {MARKER, "README.md", ".gitignore", ".gitattributes"}


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

    def folders(self) -> list[str]:
        """The series folders (real folders named as a series is), holding texts or not: cheap."""
        from .catalog import series_folders

        return sorted(series_folders(self.root))

    def catalog(self, slug: str | None = None) -> Catalog:
        """What the texts of every series (or of one) say, from the index derived from them."""
        from .catalog import scan, series_folder

        if slug is not None and not series_folder(self.root, slug):
            raise RefError(f"no series {slug!r} in {self.root}{_choices(slug, self.folders())}")
        return scan(self.root, slug)

    def slugs(self) -> list[str]:
        """The series that hold texts."""
        return self.catalog().slugs()

    def index(self, slug: str) -> SeriesIndex:
        catalog = self.catalog(slug)
        if slug not in catalog.slugs():
            raise RefError(f"series {slug!r} of {self.root} holds no text{_unreadable(catalog)}")
        return catalog.index(slug)

    def indexes(self) -> list[SeriesIndex]:
        catalog = self.catalog()
        return [catalog.index(slug) for slug in catalog.slugs()]

    def locate(self, symbol: str, language: str | None = None) -> Path | None:
        """The file of a symbol in a language (None: English's own name), found by its name alone (one
        stat a series folder: the fast path of show); only plain files in real series folders count."""
        name = safe_name(symbol, language)
        top, hits = str(self.root), []
        for slug in self.folders():
            with contextlib.suppress(OSError):  # strings, not Paths: this runs once a series folder
                if stat.S_ISREG(os.lstat(f"{top}/{slug}/{name}").st_mode):
                    hits.append(self.root / slug / name)
        if len(hits) > 1:
            raise CorpusError(
                f"{symbol} is stored twice ({', '.join(str(h.relative_to(self.root)) for h in hits)}); "
                "remove one with git rm and run 'resdiff verify'"
            )
        return hits[0] if hits else None

    def languages_of(self, symbol: str) -> list[str]:
        """The languages the corpus holds a symbol in (English first)."""
        stem = safe_name(symbol).removesuffix(FILE_SUFFIX)
        found = {
            language_of_file_name(p.name) or "en"
            for slug in self.folders()  # real series folders only: never one linked out of the corpus
            for p in (self.root / slug).glob(f"{stem}*{FILE_SUFFIX}")
            if not p.is_symlink() and symbol_of_file_name(p.name) == symbol
        }
        return [language for language in LANGUAGES if language in found]

    def symbols(self) -> list[str]:
        return sorted(
            {s for s in (symbol_of_file_name(p.name) for p in self.texts()) if s}, key=symbol_sort_key
        )

    def texts(self, slug: str | None = None) -> list[Path]:
        """The text files of every series (or of one): plain files named as ``safe_name`` names them."""
        found = []
        for folder in [slug] if slug is not None else self.folders():
            with contextlib.suppress(OSError), os.scandir(self.root / folder) as entries:
                for entry in entries:
                    if symbol_of_file_name(entry.name) is not None and entry.is_file(follow_symlinks=False):
                        found.append(self.root / folder / entry.name)
        return sorted(found)


def _unreadable(catalog: Catalog) -> str:
    if not catalog.unreadable:
        return ""
    return f" that can be read ({catalog.unreadable[0].reason})"


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


def series_indexes(
    corpus: Corpus, slug: str | None = None, catalog: Catalog | None = None
) -> list[SeriesIndex]:
    """The index of one series, or of every series when ``slug`` is None (from ``catalog`` if given)."""
    if slug:
        validate_slug(slug)
        if catalog is None:
            return [corpus.index(slug)]
    catalog = catalog if catalog is not None else corpus.catalog()
    return [catalog.index(s) for s in catalog.slugs() if slug is None or s == slug]


def list_entries(corpus: Corpus, slug: str | None = None, catalog: Catalog | None = None) -> list[Entry]:
    """Every text of the corpus (or of one series), from the index derived from the texts."""
    if slug:
        validate_slug(slug)
        if catalog is None:
            return [Entry(slug, member) for member in corpus.index(slug).members]
    catalog = catalog if catalog is not None else corpus.catalog()
    return [
        Entry(s, member)
        for s in catalog.slugs()
        if slug is None or s == slug
        for member in catalog.members(s)
    ]


def read_bytes(path: Path) -> bytes:
    """A corpus file's bytes: a plain file (never through a link), within the size limit of a text."""
    from .catalog import read_plain

    return read_plain(path)


def resolve_ref(ref: str, corpus: Corpus | None, language: str | None = None) -> Resolution:
    """The text a REF names (what ``diff`` compares); see ``resolve_ref_normalized`` for the warnings."""
    return resolve_ref_normalized(ref, corpus, language).resolution


def resolve_ref_normalized(ref: str, corpus: Corpus | None, language: str | None = None) -> Normalized:
    """The text a REF names, with the normalizer's warnings when it is a file normalized on the fly.

    An existing file path always wins (so any file works without a corpus); ``path@REV`` reads the
    file at a revision of the git repository holding it; ``-`` reads stdin. A corpus REF is read in
    the language it names (``80/52@fr``), else in LANGUAGE (``--lang``), else in English.
    """
    if ref == "-" or os.path.isfile(ref):  # unlike Path.is_file, False for names too long or holding NUL
        from ..normalize import normalize_input

        return normalize_input(ref)
    if ref and os.path.isdir(ref):
        raise RefError(f"{ref} is a folder: give a resolution file, or a REF such as 72/54")
    head, at, rev = ref.rpartition("@")
    if at and os.path.isfile(head):
        from ..normalize import normalize_bytes

        return normalize_bytes(_blob_at(Path(head), _checked_rev(ref, rev)), Path(head).name)
    parsed = parse_ref(ref)
    if corpus is None:
        raise RefError(
            f"{ref!r} is not a file, and no corpus is found to look it up in: "
            "pass --corpus PATH or set RESDIFF_CORPUS"
        )
    if parsed.language is None and language is not None:
        from dataclasses import replace

        parsed = replace(parsed, language=language)
    path = ref_path(corpus, parsed)
    if parsed.rev is None:
        return Normalized(stored_text(read_bytes(path), path))
    return Normalized(stored_text(_blob_at(path, parsed.rev), f"{path}@{parsed.rev}"))


def stored_text(data: bytes, where: str | Path) -> Resolution:
    """A corpus text from its bytes; a damaged one is a CorpusError naming it and the way back (in
    a merge: the way through it)."""
    try:
        return canonical.load(data.decode("utf-8"))
    except (UnicodeDecodeError, InputError) as error:
        raise damaged_text(where, data, str(error)) from None


def damaged_text(where: str | Path, data: bytes, error: str) -> CorpusError:
    """What to say of a text that does not parse: git's conflict markers in a merge are no damage."""
    from .catalog import is_conflicted
    from .gitrepo import locate, merge_state

    worktree = locate(Path(where).parent) if isinstance(where, Path) else None
    state = merge_state(worktree) if worktree is not None else None
    symbol = symbol_of_file_name(Path(where).name) if isinstance(where, Path) else None
    if is_conflicted(data) and state is not None:
        name = short_symbol(symbol) if symbol else str(where)
        return CorpusError(
            f"{where} is in conflict (a git {state.name} is in progress): 'resdiff conflicts' shows both "
            f"versions clause by clause, 'resdiff conflicts --take ours {name}' (or theirs) takes one; "
            f"then {state.next_step}"
        )
    if is_conflicted(data):
        return CorpusError(
            f"{where} holds git's conflict markers, but no merge is in progress (they were committed): "
            "take a version from before with 'resdiff show REF@COMMIT' and add it again with "
            "'resdiff add --replace'"
        )
    if state is not None:
        return CorpusError(
            f"{where} is damaged ({error}) and not in conflict; finish or abort the git {state.name} "
            "first, then run 'resdiff verify'"
        )
    return CorpusError(f"{where} is damaged ({error}); run 'resdiff verify' and restore it with git checkout")


def _checked_rev(ref: str, rev: str) -> str:
    if not rev or rev.startswith("-"):
        raise RefError(f"{ref!r}: {rev!r} is not a git revision")
    return rev


def ref_path(corpus: Corpus, ref: Ref) -> Path:
    """The corpus file a symbol or series REF names; RefError with the closest matches otherwise."""
    if ref.symbol is not None:
        path = corpus.locate(ref.symbol, ref.language)
        if path is not None:
            return path
        held = corpus.languages_of(ref.symbol)
        if held:
            short = ref.symbol.removeprefix("A/RES/")
            named = ", ".join(f"{short}@{language}" for language in held)
            raise RefError(
                f"{ref.text!r}: {ref.symbol} is in the corpus in {', '.join(held)} only; name one: {named}"
            )
        known = corpus.symbols()
        parts = [s for s in known if s.startswith(ref.symbol + " ")]
        if parts:
            raise RefError(f"{ref.text!r} is ambiguous: the corpus holds the parts {', '.join(parts)}")
        raise RefError(
            f"{ref.symbol} is not in the corpus{_choices(ref.symbol, known)}; "
            "to compare it, add its text with 'resdiff add FILE' or give the file itself"
        )
    assert ref.series is not None
    from .catalog import series_folder

    if not series_folder(corpus.root, ref.series):
        choices = _choices(ref.series, corpus.folders())
        if ref.year is None and ref.rev is None:
            raise RefError(f"{ref.text!r} is neither a file nor a series of {corpus.root}{choices}")
        raise RefError(f"{ref.text!r}: no series {ref.series!r} in {corpus.root}{choices}")
    index = corpus.index(ref.series)
    members = [
        m
        for m in index.in_language(ref.language)
        if ref.year is None or (m.adopted or "").startswith(f"{ref.year}-")
    ]
    if len(members) == 1:
        return corpus.root / index.slug / members[0].file
    if not members:
        years = sorted({m.adopted[:4] for m in index.members if m.adopted})
        undated = [m.symbol for m in index.members if not m.adopted]
        has = ", ".join(years) + (f" (and undated: {', '.join(undated)})" if undated else "")
        raise RefError(f"{ref.text!r}: series {index.slug} has no text of {ref.year}; it has texts of {has}")
    choices = ", ".join(
        f"{index.slug}@{(m.adopted or '????')[:4]}{_at_language(m.language)} ({m.symbol})"
        for m in index.members
    )
    raise RefError(f"{ref.text!r} is ambiguous: series {index.slug} holds {choices}; name one by its symbol")


def _at_language(language: str | None) -> str:
    return f"@{language}" if language not in (None, "en") else ""


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


# --- texts at a git revision -----------------------------------------------------------------


def _blob_at(path: Path, rev: str) -> bytes:
    """A file's bytes at a git revision."""
    from .gitrepo import Git, GitFailed, explain, is_damage, open_worktree

    worktree = open_worktree(path.parent)
    git = Git(worktree)
    relative = worktree.relative(path)
    try:
        commit = git.text("rev-parse", "-q", "--verify", "--end-of-options", f"{rev}^{{commit}}")
    except GitFailed as failure:
        if is_damage(failure.stderr):
            raise explain(worktree, failure) from None
        raise RefError(f"{rev!r} is not a revision of {worktree.root}") from None
    try:
        listing = git.run("ls-tree", "-z", "--full-tree", commit, "--", relative)
        if not listing:
            raise RefError(f"{relative} did not exist at {rev}")
        return git.blob(listing.split(b"\t")[0].split()[2].decode("ascii"))
    except GitFailed as failure:
        raise explain(worktree, failure) from None
