"""Git for the corpus, run through GitPython's command layer (``git.cmd.Git.execute``), and what
git's failures mean to the user.

Each git command is started as a process GitPython hands back (``as_process``), so that resdiff
decides how it is waited for:

* each git child runs in a session of its own, so a Ctrl-C at the terminal reaches resdiff only,
  which lets the child finish: git is never stopped half-way through moving a ref;
* each child inherits the corpus lock's file descriptor (``keep_fds``): a git command that outlives
  a killed resdiff holds the lock until it ends, so the next resdiff never repairs under its feet;
* git's own messages say what is wrong; ``explain`` turns them into one line that also says how to
  fix it (a CorpusError: exit code 2), never a traceback.

Nothing here is imported by the reading commands' fast path except ``locate`` (no process, no import).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CorpusError

ZERO_SHA = "0" * 40
DEFAULT_AUTHOR = ("resdiff", "resdiff@localhost")
# the environment a git child must not inherit: resdiff finds the repository from the corpus folder
_STRIPPED_ENV = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_OBJECT_DIRECTORY")
# A corpus from someone else is data, never code: its repository's configuration may name commands
# (hooks, core.hooksPath, core.fsmonitor, a pager, an editor, askpass, gpg). Every git resdiff runs
# overrides them on its command line, which wins over every configuration file; filter drivers are
# named by the configuration itself, so ``Git`` looks their names up and empties each one.
SAFE_CONFIG = (
    "core.hooksPath=/dev/null",
    "core.fsmonitor=false",
    "core.pager=cat",
    "core.editor=:",
    "sequence.editor=:",
    "core.askPass=",
    "credential.helper=",
    "commit.gpgSign=false",
    "tag.gpgSign=false",
    "log.showSignature=false",
    "gc.auto=0",
    "maintenance.auto=false",
)
SAFE_ENV = {
    "GIT_PAGER": "cat",
    "GIT_EDITOR": ":",
    "GIT_SEQUENCE_EDITOR": ":",
    "GIT_ASKPASS": "",  # set and empty: git then ignores core.askPass and SSH_ASKPASS
    "GIT_TERMINAL_PROMPT": "0",
}
# the git commands that may read working-tree files through a filter (a clean filter on refresh)
_FILTERING = frozenset(("status", "reset", "add", "rm", "checkout", "update-index", "merge-file", "diff"))
_SETTINGS_RE = r"^(user\.(name|email)|filter\..*\.(clean|smudge|process|required))$"


@dataclass(frozen=True)
class Worktree:
    """A git working tree: its top folder and its git dir (``.git``, or the folder a ``.git`` file names)."""

    root: Path
    git_dir: Path

    def relative(self, path: Path) -> str:
        """A path as git names it: relative to the top folder, with ``/``; ``.`` for the top itself."""
        return path.resolve().relative_to(self.root).as_posix() or "."


def locate(path: Path) -> Worktree | None:
    """The working tree holding ``path``, found as git finds it (the nearest ``.git`` above), without
    running git: cheap enough for every reading command. None if there is no ``.git`` above."""
    path = path.resolve()
    for folder in (path, *path.parents):
        dot = folder / ".git"
        if dot.is_dir():
            return Worktree(folder, dot)
        if dot.is_file():
            try:
                text = dot.read_text(encoding="utf-8", errors="replace").strip()
            except OSError:
                return Worktree(folder, dot)
            if text.startswith("gitdir:"):
                target = Path(text[len("gitdir:") :].strip())
                return Worktree(folder, target if target.is_absolute() else (folder / target).resolve())
            return Worktree(folder, dot)
    return None


@dataclass(frozen=True)
class MergeState:
    """A git operation that stopped for the user to resolve conflicts, and how to go on once done."""

    name: str  # merge, rebase, cherry-pick, revert
    next_step: str


def merge_state(worktree: Worktree) -> MergeState | None:
    """The merge, rebase, cherry-pick or revert in progress in this working tree, if any (no process)."""
    folder = worktree.git_dir
    if (folder / "rebase-merge").is_dir() or (folder / "rebase-apply").is_dir():
        return MergeState("rebase", "'git rebase --continue' (or 'git rebase --abort' to go back)")
    for name, head in (
        ("merge", "MERGE_HEAD"),
        ("cherry-pick", "CHERRY_PICK_HEAD"),
        ("revert", "REVERT_HEAD"),
    ):
        if (folder / head).is_file():
            ending = "'git commit'" if name == "merge" else f"'git {name} --continue'"
            return MergeState(name, f"{ending} (or 'git {name} --abort' to go back)")
    return None


def blob_sha(data: bytes) -> str:
    """The id git gives a blob of these bytes (written with --no-filters, the bytes are the file)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@contextlib.contextmanager
def _environment_without(names: Iterable[str]) -> Iterator[None]:
    """os.environ without these variables for a moment: a git child must find the repository from the
    corpus folder, not from a GIT_DIR the caller (a git hook, say) happens to have set."""
    saved = {name: os.environ.pop(name) for name in names if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


class GitFailed(Exception):
    """A git command that exited with an unexpected code; ``explain`` says what it means."""

    def __init__(self, args: Sequence[str], code: int, stderr: str) -> None:
        super().__init__(f"git {' '.join(args)} exited with {code}: {stderr.strip()}")
        self.command = tuple(args)
        self.code = code
        self.stderr = stderr


@dataclass
class Git:
    """Runs git in one working tree; ``keep_fds`` are inherited by every child (the corpus lock)."""

    worktree: Worktree
    keep_fds: tuple[int, ...] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    settings: dict[str, str] | None = field(default=None, init=False, repr=False)  # see _settings

    def run(
        self,
        *args: str,
        input: bytes | None = None,
        env: Mapping[str, str] | None = None,
        ok: Iterable[int] = (0,),
    ) -> bytes:
        """git's stdout; GitFailed on an exit code not in ``ok``. A Ctrl-C while git runs waits for
        git to finish (it never saw the signal), then is raised."""
        import subprocess

        from git.cmd import Git as GitCommand  # GitPython: only the commands that run git import it
        from git.exc import GitCommandNotFound

        environment = {"LC_ALL": "C", "LANGUAGE": "C", **SAFE_ENV, **self.env, **(env or {})}
        command = ["git", "--no-pager", *_options(SAFE_CONFIG)]
        if args and args[0] in _FILTERING:
            command += self.filter_overrides()
        try:
            with _environment_without(_STRIPPED_ENV):  # GitPython starts from os.environ
                handle = GitCommand(str(self.worktree.root)).execute(
                    [*command, *args],
                    as_process=True,
                    istream=subprocess.PIPE if input is not None else None,
                    env=environment,
                    pass_fds=self.keep_fds,
                    start_new_session=True,
                )
        except (GitCommandNotFound, OSError) as error:
            raise CorpusError(
                f"cannot run git ({getattr(error, 'strerror', None) or error}); install git and make sure "
                "it is on PATH"
            ) from None
        process = handle.proc
        assert process is not None  # AutoInterrupt holds the process until it is waited for
        interrupted = False
        feed = input
        while True:
            try:
                stdout, stderr = process.communicate(feed)
                break
            except KeyboardInterrupt:
                interrupted, feed = True, None
        if interrupted:
            raise KeyboardInterrupt
        if process.returncode not in tuple(ok):
            raise GitFailed(args, process.returncode, stderr.decode("utf-8", "replace"))
        return bytes(stdout)

    def filter_overrides(self) -> tuple[str, ...]:
        """``-c`` options emptying every filter driver the configuration defines (and not requiring
        it): git then reads and writes corpus files as they are, running no command of theirs."""
        drivers = sorted({name.rpartition(".")[0] for name in self._settings() if name.startswith("filter.")})
        overrides: list[str] = []
        for driver in drivers:
            overrides += [
                f"{driver}.clean=",
                f"{driver}.smudge=",
                f"{driver}.process=",
                f"{driver}.required=false",
            ]
        return tuple(_options(overrides))

    def _settings(self) -> dict[str, str]:
        """What resdiff reads of git's configuration (the identity, the filter drivers' names), read
        once by one ``git config``."""
        if self.settings is None:
            listing = self.run("config", "--null", "--get-regexp", _SETTINGS_RE, ok=(0, 1))
            found: dict[str, str] = {}
            for record in listing.decode("utf-8", "surrogateescape").split("\0"):
                name, _, value = record.partition("\n")
                if name:
                    found[name] = value  # the last one wins, as in git
            self.settings = found
        return self.settings

    def text(self, *args: str, **kwargs: object) -> str:
        return self.run(*args, **kwargs).decode("utf-8", "surrogateescape").strip()  # type: ignore[arg-type]

    # --- what a writer asks ---------------------------------------------------------------

    def head(self) -> str | None:
        """HEAD's commit, or None on an unborn branch of a repository with no branch at all (a new one).

        A HEAD naming a branch that does not exist while others do, or a commit git cannot read, is a
        CorpusError saying how to get back on track. One process when all is well."""
        sound = self.text("rev-parse", "-q", "--verify", "HEAD^{commit}", ok=(0, 1))
        if sound:  # git read and parsed the commit to peel it
            return sound
        symbolic = self.text("symbolic-ref", "-q", "HEAD", ok=(0, 1)) or None
        sha = self.text("rev-parse", "-q", "--verify", "HEAD", ok=(0, 1))
        if not sha:
            branches = self.text("for-each-ref", "--format=%(refname:short)", "refs/heads")
            if not branches:
                return None
            name = (symbolic or "HEAD").removeprefix("refs/heads/")
            names = branches.split()
            target = names[0] if len(names) == 1 else "BRANCH"
            raise CorpusError(
                f"the git repository of {self.worktree.root} is on the branch {name!r}, which does not "
                f"exist (its branches: {', '.join(names)}); switch to the one holding the corpus: "
                f"git -C {self.worktree.root} checkout {target}"
            )
        try:
            self.run("cat-file", "commit", sha)
        except GitFailed as failure:
            raise damaged(self.worktree, failure.stderr, f"HEAD's commit {sha[:10]} cannot be read") from None
        return sha

    def author_env(self) -> dict[str, str]:
        """Environment naming the author: the user's git identity if set, else resdiff's own."""
        settings = self._settings()
        name = settings.get("user.name") or DEFAULT_AUTHOR[0]
        email = settings.get("user.email") or DEFAULT_AUTHOR[1]
        return {
            "GIT_AUTHOR_NAME": name,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email,
        }

    def blobs_at(self, commit: str | None, paths: Sequence[str]) -> dict[str, str]:
        """Path -> blob id at ``commit`` for those of ``paths`` it holds (none for an unborn branch)."""
        if commit is None or not paths:
            return {}
        found: dict[str, str] = {}
        listing = self.run("ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths)
        for record in listing.split(b"\0"):
            if record:
                meta, _, name = record.partition(b"\t")
                found[name.decode("utf-8", "surrogateescape")] = meta.split()[2].decode("ascii")
        return found

    def blob(self, sha: str) -> bytes:
        return self.run("cat-file", "blob", sha)

    def status(self, *where: str) -> list[str]:
        """What git sees changed or untracked under these paths (paths from the top folder)."""
        output = self.run("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *where)
        paths, records, skip = [], output.split(b"\0"), False
        for record in records:
            if skip:  # a rename's second path is its origin
                skip = False
                continue
            if len(record) > 3:
                paths.append(record[3:].decode("utf-8", "surrogateescape"))
                skip = record[:1] in (b"R", b"C")
        return paths

    def unmerged(self, where: str) -> dict[str, dict[int, str]]:
        """The paths a merge left in conflict under ``where``: path -> {stage: blob} (1 the common
        ancestor, 2 ours, 3 theirs; a side that deleted the file has no stage)."""
        found: dict[str, dict[int, str]] = {}
        for record in self.run("ls-files", "-u", "-z", "--", where).split(b"\0"):
            if record:
                meta, _, name = record.partition(b"\t")
                _, sha, stage = meta.decode("ascii").split()
                found.setdefault(name.decode("utf-8", "surrogateescape"), {})[int(stage)] = sha
        return found


def _options(settings: Iterable[str]) -> list[str]:
    return [word for setting in settings for word in ("-c", setting)]


# --- what git's failures mean ----------------------------------------------------------------


def open_worktree(path: Path) -> Worktree:
    """The working tree holding ``path``, checked to be a repository git can open."""
    worktree = locate(path)
    if worktree is None:
        raise CorpusError(
            f"{path} is not in a git repository; create a corpus with 'resdiff init', "
            f"or make this folder a repository with 'git init {path}'"
        )
    try:
        Git(worktree).run("rev-parse", "--git-dir")
    except GitFailed as failure:
        raise unopenable(worktree, failure.stderr) from None
    return worktree


def unopenable(worktree: Worktree, stderr: str) -> CorpusError:
    """Why git cannot open a repository whose ``.git`` is there: most often a damaged HEAD file."""
    head_file = worktree.git_dir / "HEAD"
    try:
        head = head_file.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        head = None
    if head is not None and not head.startswith("ref: refs/") and not _is_sha(head):
        shown = head[:40] + ("..." if len(head) > 40 else "")
        names = _branches_on_disk(worktree.git_dir)
        branch = names[0] if len(names) == 1 else "BRANCH"
        known = f"its branches: {', '.join(names[:10])}" if names else "e.g. main or master"
        return CorpusError(
            f"the git repository of {worktree.root} is damaged: {head_file} reads {shown!r} instead of "
            f"naming a branch; restore it with: echo 'ref: refs/heads/{branch}' > {head_file} ({known})"
        )
    return damaged(worktree, stderr, "git cannot open it")


def damaged(worktree: Worktree, stderr: str, what: str) -> CorpusError:
    reason = _last_message(stderr)
    return CorpusError(
        f"the git repository of {worktree.root} is damaged ({what}: {reason}); run "
        f"'git -C {worktree.root} fsck' to see what is broken, and restore it from a clone or a backup"
    )


def explain(worktree: Worktree, failure: GitFailed) -> CorpusError:
    """One line for a git command that failed: what is wrong and how to fix it."""
    stderr = failure.stderr
    lock = _locked_file(stderr)
    if lock is not None:
        return locked_by_git(worktree, Path(lock))
    if is_damage(stderr):
        return damaged(worktree, stderr, "an object cannot be read")
    if "not a git repository" in stderr:
        return unopenable(worktree, stderr)
    if "dubious ownership" in stderr:
        return CorpusError(
            f"git refuses {worktree.root}: it belongs to another user; if you trust it, run "
            f"git config --global --add safe.directory {worktree.root}"
        )
    if "No space left" in stderr or "Permission denied" in stderr or "Read-only file system" in stderr:
        return CorpusError(
            f"git cannot write in {worktree.root} ({_last_message(stderr)}); check its permissions and "
            "free space, then retry"
        )
    return CorpusError(
        f"git failed in {worktree.root} (git {' '.join(failure.command[:2])}: {_last_message(stderr)}); "
        f"'git -C {worktree.root} status' may say why"
    )


def locked_by_git(worktree: Worktree, lock: Path) -> CorpusError:
    return CorpusError(
        f"git's lock file {lock} exists: another git command is running in {worktree.root}, or one was "
        f"killed; when none is running, remove {lock} and retry"
    )


def is_damage(stderr: str) -> bool:
    """Whether git's message says an object of the repository cannot be read."""
    words = ("corrupt", "unable to read", "bad object", "inflate", "invalid object", "unable to unpack")
    return any(word in stderr for word in words)


def index_lock(worktree: Worktree) -> Path | None:
    """git's index lock, if a git command holds it (or died holding it)."""
    lock = worktree.git_dir / "index.lock"
    return lock if lock.exists() else None


def _locked_file(stderr: str) -> str | None:
    marker = "Unable to create '"
    start = stderr.find(marker)
    if start < 0 or ".lock'" not in stderr[start:]:
        return None
    end = stderr.find("'", start + len(marker))
    return stderr[start + len(marker) : end]


def _last_message(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    fatal = [line for line in lines if line.startswith(("fatal:", "error:"))]
    chosen = (fatal or lines or ["no message"])[-1]
    return chosen.removeprefix("fatal: ").removeprefix("error: ")


def _branches_on_disk(git_dir: Path) -> list[str]:
    """Branch names read from the files (git itself cannot run while HEAD is damaged)."""
    common = git_dir
    with contextlib.suppress(OSError):
        common = (git_dir / (git_dir / "commondir").read_text(encoding="utf-8").strip()).resolve()
    names: set[str] = set()
    heads = common / "refs" / "heads"
    with contextlib.suppress(OSError):
        names.update(p.relative_to(heads).as_posix() for p in heads.rglob("*") if p.is_file())
    with contextlib.suppress(OSError):
        for line in (common / "packed-refs").read_text(encoding="utf-8").splitlines():
            ref = line.partition(" ")[2]
            if ref.startswith("refs/heads/"):
                names.add(ref.removeprefix("refs/heads/"))
    return sorted(names)


def _is_sha(text: str) -> bool:
    return len(text) in (40, 64) and all(c in "0123456789abcdef" for c in text)
