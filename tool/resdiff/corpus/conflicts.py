"""``resdiff conflicts``: the texts a git merge (or rebase, cherry-pick) left in conflict, shown
clause by clause, and taking one side of a text.

Two clones that add different texts never conflict: each text is its own file and the series
index is derived data kept out of git (``catalog``). What conflicts is two different corrections
of one text: both change its ``source:`` line and the clauses they corrected, and git stops on the
file. git's index then holds the common ancestor (stage 1), ours (2) and theirs (3), each a whole
canonical text: they are compared line by line, which is clause by clause (one clause a line).

Taking a side takes that side's whole text, never a mix: a stored text must be what its source
gives (``verify``), and each side's text is explained by its own source, kept in ``sources/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .. import canonical
from ..errors import CorpusError, InputError, RefError
from ..refs import FILE_SUFFIX, parse_symbol, symbol_of_file_name
from .gitrepo import Git, GitFailed, MergeState, explain, merge_state, open_worktree
from .store import Corpus

SIDES = {"ours": 2, "theirs": 3}


@dataclass(frozen=True)
class Difference:
    """One header field or clause (by key) that the two sides hold differently; None: absent."""

    key: str
    base: str | None
    ours: str | None
    theirs: str | None

    @property
    def both_changed(self) -> bool:
        """Both sides changed it from the common ancestor (git could not choose)."""
        return self.ours != self.base and self.theirs != self.base

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "base": self.base,
            "ours": self.ours,
            "theirs": self.theirs,
            "both_changed": self.both_changed,
        }


@dataclass(frozen=True)
class Conflict:
    """A corpus file git left in conflict; for a text, its differences clause by clause."""

    path: str  # from the corpus root
    symbol: str | None
    differences: tuple[Difference, ...]
    note: str | None = None  # what else is to be said (a side deleted it; not a text)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "symbol": self.symbol,
            "differences": [d.to_json() for d in self.differences],
            "note": self.note,
        }


def conflicts(corpus: Corpus) -> tuple[MergeState | None, list[Conflict]]:
    """The merge in progress (None if there is none) and the corpus files it left in conflict."""
    worktree = open_worktree(corpus.root)
    state = merge_state(worktree)
    if state is None:
        return None, []
    git = Git(worktree)
    root = worktree.relative(corpus.root)
    prefix = "" if root == "." else root + "/"
    try:
        unmerged = git.unmerged(root)
        found = []
        for path, stages in sorted(unmerged.items()):
            texts = {stage: git.blob(sha) for stage, sha in stages.items()}
            found.append(_conflict(path.removeprefix(prefix), texts))
    except GitFailed as failure:
        raise explain(worktree, failure) from None
    return state, found


def _conflict(path: str, blobs: dict[int, bytes]) -> Conflict:
    name = path.rpartition("/")[2]
    symbol = symbol_of_file_name(name)
    if symbol is None or not name.endswith(FILE_SUFFIX):
        return Conflict(
            path, None, (), "not a text: resolve it with git (git checkout --ours/--theirs, git add)"
        )
    try:
        lines = {stage: _lines(data) for stage, data in blobs.items()}
    except (UnicodeDecodeError, InputError) as error:
        return Conflict(path, symbol, (), f"a version does not parse ({error}); resolve it with git")
    missing = [side for side, stage in SIDES.items() if stage not in lines]
    base, ours, theirs = (lines.get(stage, {}) for stage in (1, 2, 3))
    keys = list(dict.fromkeys([*ours, *theirs]))
    differences = tuple(
        Difference(key, base.get(key), ours.get(key), theirs.get(key))
        for key in keys
        if ours.get(key) != theirs.get(key)
    )
    note = f"{' and '.join(missing)} deleted it" if missing else None
    return Conflict(path, symbol, differences, note)


def _lines(data: bytes) -> dict[str, str]:
    """A canonical text's lines by what they hold: header field name, or clause key."""
    text = canonical.dump(canonical.load(data.decode("utf-8")))
    found: dict[str, str] = {}
    header, _, body = text.partition("\n\n")
    for line in header.splitlines()[1:]:
        name, _, value = line.partition(":")
        found[name] = value.strip()
    for line in body.splitlines():
        key, _, rest = line.partition(" ")
        found[key] = rest
    return found


def take(corpus: Corpus, side: str, refs: Sequence[str], every: bool = False) -> list[str]:
    """Resolve conflicted texts by taking one side's whole text (``ours`` or ``theirs``), in the
    folder and in git's index; the paths resolved, from the corpus root."""
    from .journal import _write, locked

    if side not in SIDES:
        raise CorpusError(f"--take {side!r}: take 'ours' or 'theirs'")
    state, found = conflicts(corpus)
    if state is None:
        raise CorpusError(f"no git merge is in progress in {corpus.root}: there is nothing to take")
    texts = {c.symbol: c for c in found if c.symbol is not None}
    if every:
        chosen = [c for c in found if c.symbol is not None]
    else:
        if not refs:
            raise CorpusError("name the texts to take a side of (e.g. 72/54), or pass --all")
        chosen = []
        for ref in refs:
            symbol = parse_symbol(ref)
            if symbol is None or symbol not in texts:
                held = ", ".join(sorted(s for s in texts if s)) or "none"
                raise RefError(f"{ref!r} is not a text in conflict (those in conflict: {held})")
            chosen.append(texts[symbol])
    worktree = open_worktree(corpus.root)
    resolved = []
    with locked(corpus.root) as lock:
        assert lock is not None
        git = Git(worktree, keep_fds=(lock.fd,))
        try:
            stages = git.unmerged(worktree.relative(corpus.root))
            for conflict in chosen:
                path = corpus.root / conflict.path
                relative = worktree.relative(path)
                sha = stages.get(relative, {}).get(SIDES[side])
                if sha is None:  # that side deleted the text
                    path.unlink(missing_ok=True)
                    git.run("rm", "-q", "--cached", "--ignore-unmatch", "--", relative)
                else:
                    _write(path, git.blob(sha))
                    git.run("add", "--", relative)
                resolved.append(conflict.path)
        except GitFailed as failure:
            raise explain(worktree, failure) from None
    return resolved
