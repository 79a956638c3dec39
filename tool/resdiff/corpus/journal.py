"""Crash-safe commits to the corpus: build the commit beside the corpus, land it in one step, then
put its files in place; a journal lets the next command finish or undo what a crash interrupted.

``commit_changes`` (always under the corpus lock) goes through these steps:

1. a journal is written in git's own folder (``<git dir>/resdiff/<corpus>/journal.json``, which git
   never tracks): HEAD, and for every path the blob before and after;
2. the new files are written there too (``staging/``), turned into git objects, and a commit is
   built from HEAD's tree with a private index (``GIT_INDEX_FILE``): the corpus folder and git's own
   index are untouched, so an interruption up to here leaves no trace in the corpus;
3. ``git update-ref HEAD NEW OLD`` lands the commit: one atomic step. From here on the change is made;
4. the files are written into the corpus (each by an atomic rename) and git's index is updated for
   those paths; the journal is removed last.

``recover`` is what the next command does with a journal it finds (its writer is dead: it held the
lock): every path the journal names is made to match HEAD in the corpus folder and in git's index.
If the commit had landed, that completes the change; if not, it undoes whatever was done. Either
way only what HEAD does not hold is touched, so a committed text is never lost, and a file changed
since by someone else is never overwritten (recovery then stops and says so).

A Ctrl-C is handled the same way at once: before the commit lands it is a rollback and the
KeyboardInterrupt goes on; after, the files are put in place and ``InterruptedAfterCommit`` says the
change was made. git children run in a session of their own, so a Ctrl-C never stops git half-way.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import json
import os
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import CorpusError, InterruptedAfterCommit
from .gitrepo import (
    ZERO_SHA,
    Git,
    GitFailed,
    Worktree,
    blob_sha,
    explain,
    index_lock,
    locate,
    locked_by_git,
    open_worktree,
)

MARKER = ".resdiff-corpus"
JOURNAL = "journal.json"
JOURNAL_FORMAT = 1
DEFAULT_LOCK_TIMEOUT = 60.0  # seconds a writer waits for another; RESDIFF_LOCK_TIMEOUT overrides it
KILL_ENV = "RESDIFF_TEST_KILL_AT"
_passed = 0
_DURABLE_GIT = ("-c", "core.fsync=committed")  # objects and refs reach the disk before HEAD moves
_SUMMARY_LENGTH = 200  # characters of a change's summary in the reflog and the journal


def checkpoint(name: str) -> None:
    """TEST HOOK for tests/test_corpus_crash.py: with RESDIFF_TEST_KILL_AT=N in the environment, the
    Nth checkpoint this process passes kills it with SIGKILL, as ``kill -9`` or a power cut would.
    Unset (always, outside those tests), it only counts. ``name`` is for tests that patch this function."""
    global _passed
    _passed += 1
    if os.environ.get(KILL_ENV) == str(_passed):
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


# --- the lock --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lock:
    """The corpus lock, held: an flock on the marker file (the kernel drops it when its holders die).

    Its descriptor is handed to every git child, so a git command outliving resdiff still holds it."""

    fd: int


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
def locked(root: Path, *, wait: bool = True) -> Iterator[Lock | None]:
    """Serializes writers on the marker file. ``wait=False`` yields None at once if another holds it."""
    try:
        marker = open(root / MARKER, "rb")  # noqa: SIM115 (closed below, after the lock is released)
    except OSError as error:
        raise CorpusError(f"cannot open {root / MARKER} ({error.strerror}); check its permissions") from None
    with marker:
        timeout = _lock_timeout() if wait else 0.0
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(marker.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not wait:
                    yield None
                    return
                if time.monotonic() > deadline:
                    raise CorpusError(
                        f"another resdiff is writing to {root} for over {timeout:g} s; "
                        "wait for it to finish and retry (RESDIFF_LOCK_TIMEOUT sets the wait)"
                    ) from None
                time.sleep(0.05)
        try:
            yield Lock(marker.fileno())
        finally:
            fcntl.flock(marker.fileno(), fcntl.LOCK_UN)


# --- where the journal lives -----------------------------------------------------------------


def _folder(worktree: Worktree, root: Path) -> Path:
    """This corpus' private folder in git's own folder (one per corpus: a repository may hold several)."""
    relative = worktree.relative(root)
    name = "root" if relative == "." else re.sub(r"[^A-Za-z0-9._-]", "_", relative.replace("/", "--"))
    return worktree.git_dir / "resdiff" / name


def pending(root: Path) -> bool:
    """Whether a journal is there (a writer at work, or one that died): cheap, no process, no import."""
    worktree = locate(root)
    return worktree is not None and (_folder(worktree, root) / JOURNAL).is_file()


def heal(root: Path) -> str | None:
    """For reading commands: recover an interrupted writer's journal if there is one and no writer is at
    work (the lock is free); the line to tell the user, or None. Costs a stat when there is nothing."""
    if not pending(root):
        return None
    with locked(root, wait=False) as lock:
        return recover(root, lock) if lock is not None else None


# --- committing ------------------------------------------------------------------------------


def commit_changes(
    root: Path,
    lock: Lock,
    writes: Mapping[Path, bytes | None],
    message: str,
    summary: str,
    git: Git | None = None,
) -> str | None:
    """Commit these files of the corpus at ``root`` (None: remove the file) and put them in place.

    Returns the new commit, or None when HEAD already holds every file as given (the files are then
    only put in place). ``summary`` names the change in the reflog and in recovery messages (cut to
    a line: an add of 16,000 texts names a few); ``git`` is the caller's, if it has one open."""
    if git is None:
        git = Git(open_worktree(root), keep_fds=(lock.fd,))
    worktree = git.worktree
    if len(summary) > _SUMMARY_LENGTH:
        summary = summary[: _SUMMARY_LENGTH - 3].rstrip() + "..."
    folder = _folder(worktree, root)
    relatives = {worktree.relative(path): data for path, data in writes.items()}
    try:
        head = git.head()
        before = git.blobs_at(head, sorted(relatives))
        after = {rel: None if data is None else blob_sha(data) for rel, data in relatives.items()}
        changed = sorted(rel for rel in relatives if before.get(rel) != after[rel])
        stale = index_lock(worktree)
        if changed and stale is not None:  # checked first: once HEAD moves, git's index must follow
            raise locked_by_git(worktree, stale)
        _clear(folder)  # what a writer killed before its journal was written left behind
        folder.mkdir(parents=True, exist_ok=True)
        found = {rel: _blob_of(worktree.root / rel) for rel in relatives}
        journal = {
            "format": JOURNAL_FORMAT,
            "summary": summary,
            "head": head,
            "commit": bool(changed),
            "paths": {
                rel: {"before": before.get(rel), "after": after[rel], "found": found[rel]}
                for rel in sorted(relatives)
            },
        }
        _write(folder / JOURNAL, json.dumps(journal, indent=2).encode("utf-8"))
    except GitFailed as failure:
        raise explain(worktree, failure) from None
    try:
        checkpoint("journal written")
        commit = _land(git, folder, head, relatives, changed, message, summary) if changed else None
        _put_in_place(git, worktree, relatives)
        _clear(folder)
        checkpoint("journal removed")
        return commit
    except BaseException as error:
        landed = _undo(root, git)
        if not changed:  # nothing was to be committed: there is no commit to speak of
            landed = None
        if isinstance(error, GitFailed):
            explained = explain(worktree, error)
            if landed is not None:
                raise CorpusError(
                    f"the change is committed ({landed[:10]}), but its files could not all be put in place: "
                    f"{explained}; then run 'resdiff verify --repair'"
                ) from None
            raise explained from None
        if landed is not None and isinstance(error, OSError):
            raise CorpusError(
                f"the change is committed ({landed[:10]}), but its files could not all be put in place "
                f"({error.strerror or error}); free some space or fix the permissions, then run "
                "'resdiff verify --repair'"
            ) from None
        if landed is not None and isinstance(error, KeyboardInterrupt):
            raise InterruptedAfterCommit(landed) from None
        raise


def _land(
    git: Git,
    folder: Path,
    head: str | None,
    relatives: Mapping[str, bytes | None],
    changed: list[str],
    message: str,
    summary: str,
) -> str:
    """Steps 2 and 3: objects, tree and commit built beside the corpus, then HEAD moved in one step."""
    staging = folder / "staging"
    staging.mkdir()
    written = [rel for rel in changed if relatives[rel] is not None]
    for number, rel in enumerate(written):
        (staging / str(number)).write_bytes(relatives[rel] or b"")  # git syncs the objects made of them
        checkpoint(f"staged {rel}")
    names = "".join(f"{staging / str(number)}\n" for number in range(len(written))).encode("utf-8")
    blobs = git.run(*_DURABLE_GIT, "hash-object", "-w", "--no-filters", "--stdin-paths", input=names).split()
    checkpoint("objects written")
    private = {"GIT_INDEX_FILE": str(folder / "index")}
    git.run("read-tree", head or "--empty", env=private)
    checkpoint("index read")
    shas = dict(zip(written, (b.decode("ascii") for b in blobs), strict=True))
    records = "".join(
        f"100644 {shas[rel]}\t{rel}\0" if rel in shas else f"0 {ZERO_SHA}\t{rel}\0" for rel in changed
    )
    git.run("update-index", "-z", "--index-info", input=records.encode("utf-8"), env=private)
    checkpoint("index updated")
    tree = git.text(*_DURABLE_GIT, "write-tree", env=private)
    checkpoint("tree written")
    parents = ("-p", head) if head else ()
    text = message.rstrip() + "\n"
    author = git.author_env()
    commit = git.text(*_DURABLE_GIT, "commit-tree", tree, *parents, input=text.encode("utf-8"), env=author)
    checkpoint("commit written")
    git.run(*_DURABLE_GIT, "update-ref", "-m", f"resdiff: {summary}", "HEAD", commit, head or ZERO_SHA)
    checkpoint("HEAD moved")
    return commit


def _put_in_place(git: Git, worktree: Worktree, relatives: Mapping[str, bytes | None]) -> None:
    """Step 4: the corpus folder and git's index made to hold what HEAD holds for these paths."""
    folders = set()
    for rel, data in sorted(relatives.items()):
        path = worktree.root / rel
        if data is None:
            path.unlink(missing_ok=True)
            checkpoint(f"removed {rel}")
        elif _blob_of(path) != blob_sha(data):
            path.parent.mkdir(parents=True, exist_ok=True)
            _write(path, data, hook=rel, sync_folder=False)
        folders.add(path.parent)
    for folder in sorted(folders):  # the renames reach the disk before the journal goes
        _sync(folder)
    git.run("reset", "-q", "--", *sorted(relatives))
    checkpoint("git index updated")


# --- recovering ------------------------------------------------------------------------------


def recover(root: Path, lock: Lock) -> str | None:
    """Finish or undo what an interrupted writer left (its journal); the one line to tell the user, or
    None when there was nothing to do. The caller holds the lock, so the journal's writer is dead."""
    worktree = locate(root)
    if worktree is None:
        return None
    folder = _folder(worktree, root)
    if not (folder / JOURNAL).is_file():
        _clear(folder)
        return None
    journal = _read_journal(folder)
    what = journal.get("summary") or "change"
    landed = _recover(Git(open_worktree(root), keep_fds=(lock.fd,)), folder, root)
    if landed is None:
        return f"an interrupted '{what}' was rolled back: it had not been committed; the corpus is as at HEAD"
    if not journal.get("commit"):
        return f"an interrupted '{what}' was completed"
    return (
        f"an interrupted '{what}' was completed: its commit {landed[:10]} had landed; "
        "its files are now in place"
    )


def _undo(root: Path, git: Git) -> str | None:
    """Recovery on the spot, for a writer that failed or was interrupted: its commit if it had landed.
    If recovery fails too, the journal stays for the next command."""
    folder = _folder(git.worktree, root)
    try:
        paths = _read_journal(folder)["paths"]
    except CorpusError:  # no journal (it was never written), or none readable: nothing to undo here
        return None
    try:
        return _recover(git, folder, root)
    except (Exception, KeyboardInterrupt):
        with contextlib.suppress(Exception):
            head = git.head()
            at_head = git.blobs_at(head, sorted(paths))
            if head is not None and all(at_head.get(rel) == entry["after"] for rel, entry in paths.items()):
                return head
        return None


def _recover(git: Git, folder: Path, root: Path) -> str | None:
    """Every journal path made to match HEAD; HEAD's commit if it holds the journal's change, else None."""
    journal = _read_journal(folder)
    paths: dict[str, dict[str, str | None]] = journal["paths"]
    corpus = root.resolve()
    for rel in paths:
        if not (git.worktree.root / rel).parent.resolve().is_relative_to(corpus):
            raise CorpusError(
                f"the journal {folder / JOURNAL} names {rel}, which is not in the corpus {corpus}: resdiff "
                f"did not write it, and will not touch that file; remove {folder} and run 'resdiff verify'"
            )
    try:
        head = git.head()
        at_head = git.blobs_at(head, sorted(paths))
    except GitFailed as failure:
        raise explain(git.worktree, failure) from None
    landed = all(at_head.get(rel) == entry["after"] for rel, entry in paths.items())
    restore: dict[str, str | None] = {}
    for rel, entry in sorted(paths.items()):
        have = _blob_of(git.worktree.root / rel)
        want = at_head.get(rel)
        if have == want:
            continue
        if have is not None and have not in (entry["before"], entry["after"], entry.get("found")):
            raise CorpusError(
                f"{rel} was changed since a resdiff command writing it was interrupted, so resdiff will not "
                f"overwrite it; keep a copy, then run 'git -C {git.worktree.root} checkout HEAD -- {rel}' "
                "(or remove it if HEAD has no such file), and retry"
            )
        restore[rel] = want
    try:
        for rel, want in restore.items():
            path = git.worktree.root / rel
            if want is None:
                path.unlink(missing_ok=True)
                checkpoint(f"recovery removed {rel}")
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                _write(path, git.blob(want), hook=f"recovery {rel}")
        _sweep(git.worktree, root, paths)
        git.run("reset", "-q", "--", *sorted(paths))
        checkpoint("recovery reset the index")
    except GitFailed as failure:
        raise explain(git.worktree, failure) from None
    _clear(folder)
    checkpoint("recovery removed the journal")
    return head if landed and head is not None else None


def _sweep(worktree: Worktree, root: Path, paths: Mapping[str, object]) -> None:
    """Temporary files of interrupted atomic writes beside the journal's paths, and the folders of the
    corpus at ``root`` that this leaves empty (never ``root`` itself)."""
    corpus = root.resolve()
    for rel in paths:
        path = worktree.root / rel
        if path.parent.is_dir():
            for stray in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
                stray.unlink(missing_ok=True)
    folders = {(worktree.root / rel).parent.resolve() for rel in paths}
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        if folder != corpus and folder.is_relative_to(corpus):
            with contextlib.suppress(OSError):  # not empty, or gone
                folder.rmdir()


def _read_journal(folder: Path) -> dict[str, Any]:
    """The journal, checked to be one a writer made: it lives in the corpus' git folder, which may
    come from someone else, so every path it names must be a corpus file and every blob an id."""
    path = folder / JOURNAL
    try:
        journal = json.loads(path.read_bytes())
        if not isinstance(journal, dict) or journal.get("format") != JOURNAL_FORMAT:
            raise ValueError("unknown format")
        paths = journal.get("paths")
        if not isinstance(paths, dict) or not all(_sound(rel, entry) for rel, entry in paths.items()):
            raise ValueError("it names paths outside the corpus, or blobs that are no git ids")
        return dict(journal)
    except (OSError, ValueError, RecursionError) as error:
        raise CorpusError(
            f"the journal of an interrupted resdiff command, {path}, cannot be read ({error}); check "
            f"that the corpus matches HEAD ('resdiff verify'), then remove {folder}"
        ) from None


def _sound(rel: object, entry: object) -> bool:
    """A journal path: relative, with no '..' (the corpus is checked beneath it), and its blob ids."""
    if not isinstance(rel, str) or not rel or rel.startswith("/") or "\0" in rel:
        return False
    if any(part in ("", ".", "..", ".git") for part in rel.split("/")):
        return False
    if not isinstance(entry, dict):
        return False
    return all(entry.get(k) is None or _is_blob_id(entry.get(k)) for k in ("before", "after", "found"))


def _is_blob_id(value: object) -> bool:
    return isinstance(value, str) and len(value) == 40 and all(c in "0123456789abcdef" for c in value)


def _clear(folder: Path) -> None:
    """The journal folder emptied: staging and private index first, the journal last."""
    if not folder.is_dir():
        return
    import shutil

    for entry in folder.iterdir():
        if entry.name != JOURNAL:
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
    (folder / JOURNAL).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        folder.rmdir()


# --- files -----------------------------------------------------------------------------------


def _blob_of(path: Path) -> str | None:
    try:
        return blob_sha(path.read_bytes())
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


def _write(path: Path, data: bytes, *, hook: str | None = None, sync_folder: bool = True) -> None:
    """Replace ``path`` in one rename, the data on disk first (a power cut leaves old or new, never half);
    the temporary file is ``.NAME.*.tmp`` beside it, which recovery sweeps. Checkpoints when ``hook``."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _new_file_mode())
        if hook is not None:
            checkpoint(f"wrote a temporary file for {hook}")
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if sync_folder:
        _sync(path.parent)
    if hook is not None:
        checkpoint(f"put {hook} in place")


def _sync(folder: Path) -> None:
    """A rename reaches the disk with its folder's entry: sync the folder too (where the OS allows)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _new_file_mode() -> int:
    """The mode any new file gets (0644 under the usual umask; mkstemp's own 0600 is for secrets)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask
