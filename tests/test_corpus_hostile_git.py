"""A corpus from someone else is data, never code: the repository's own git configuration may name
commands (hooks, core.hooksPath, core.fsmonitor, filters, an external diff, a pager, an editor,
askpass, gpg), and no resdiff command may run any of them.

Each vector is a real repository configured to run a command that leaves a marker file; every
corpus command resdiff has is then run on it, as real processes, and the marker must not appear.
The texts are SYNTHETIC (corpus_synthetic).
"""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus_synthetic import make_corpus, run_resdiff, synthetic_source

Arm = Callable[[Path, Path, str], None]  # (corpus root, git dir, command that leaves the marker)


def _script(path: Path, command: str, tail: str = "exit 0") -> Path:
    """An executable shell script running ``command``, then ``tail`` (a filter passes its input on)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{command}\n{tail}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def _config(root: Path, *pairs: str) -> None:
    for pair in pairs:
        name, _, value = pair.partition("=")
        subprocess.run(["git", "-C", str(root), "config", name, value], check=True)


HOOKS = (
    "post-index-change",
    "reference-transaction",
    "pre-commit",
    "post-commit",
    "post-checkout",
    "post-merge",
    "pre-auto-gc",
    "post-rewrite",
)


def _hooks(root: Path, git_dir: Path, command: str) -> None:
    for hook in HOOKS:
        _script(git_dir / "hooks" / hook, command)


def _hooks_path(root: Path, git_dir: Path, command: str) -> None:
    elsewhere = root.parent / "elsewhere-hooks"
    for hook in HOOKS:
        _script(elsewhere / hook, command)
    _config(root, f"core.hooksPath={elsewhere}")


def _fsmonitor(root: Path, git_dir: Path, command: str) -> None:
    _config(root, f"core.fsmonitor={_script(root.parent / 'fsmonitor.sh', command)}")


def _filters(root: Path, git_dir: Path, command: str) -> None:
    script = _script(root.parent / "filter.sh", command, tail="cat")
    _config(
        root,
        f"filter.evil.clean={script}",
        f"filter.evil.smudge={script}",
        "filter.evil.required=true",
        f"filter.other.process={script}",
    )
    (git_dir / "info").mkdir(exist_ok=True)
    (git_dir / "info" / "attributes").write_text("* filter=evil\n*.txt filter=other\n", encoding="utf-8")


def _external_diff(root: Path, git_dir: Path, command: str) -> None:
    script = _script(root.parent / "diff.sh", command)
    _config(root, f"diff.external={script}", f"diff.evil.command={script}", f"diff.evil.textconv={script}")
    (git_dir / "info").mkdir(exist_ok=True)
    (git_dir / "info" / "attributes").write_text("* diff=evil\n", encoding="utf-8")


def _pager_editor_askpass(root: Path, git_dir: Path, command: str) -> None:
    script = _script(root.parent / "prog.sh", command)
    _config(
        root,
        f"core.pager={script}",
        f"pager.log={script}",
        f"core.editor={script}",
        f"sequence.editor={script}",
        f"core.askPass={script}",
        f"credential.helper=!{script}",
    )


def _gpg(root: Path, git_dir: Path, command: str) -> None:
    script = _script(root.parent / "gpg.sh", command)
    _config(root, "commit.gpgSign=true", f"gpg.program={script}", "log.showSignature=true")


VECTORS = {
    "hooks": _hooks,
    "core.hooksPath": _hooks_path,
    "core.fsmonitor": _fsmonitor,
    "filters": _filters,
    "external diff": _external_diff,
    "pager, editor, askpass": _pager_editor_askpass,
    "gpg signing": _gpg,
}


PROBES = {  # what plain git does that runs each vector: proof that the set-up is live
    "hooks": [["commit", "--allow-empty", "-m", "probe"]],
    "core.hooksPath": [["commit", "--allow-empty", "-m", "probe"]],
    "core.fsmonitor": [["status"]],
    "filters": [["hash-object", "widgets/A_RES_91_7.txt"]],
    "external diff": [["diff", "HEAD~1", "HEAD"]],
    "pager, editor, askpass": [["commit", "--allow-empty"], ["credential", "fill"]],
    "gpg signing": [["commit", "--allow-empty", "-m", "probe"]],
}


def _assert_live(root: Path, vector: str, marker: Path) -> None:
    """Plain git, in a copy of the repository, runs the vector (else the test would prove nothing)."""
    import shutil

    copy = shutil.copytree(root, root.parent / "copy" / "corpus", symlinks=True)
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PAGER", "EDITOR"))}
    environment.update({"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"})
    environment["GIT_COMMITTER_EMAIL"] = "t@t"
    for command in PROBES[vector]:
        subprocess.run(
            ["git", *command],
            cwd=copy,
            input=b"protocol=https\nhost=example.invalid\n\n",
            capture_output=True,
            env=environment,
            timeout=60,
        )
    assert marker.exists(), f"plain git does not run the {vector} set-up: the test would prove nothing"
    marker.unlink()
    shutil.rmtree(copy.parent)


@pytest.mark.parametrize("vector", sorted(VECTORS))
def test_no_resdiff_command_runs_the_corpus_own_git_configuration(tmp_path: Path, vector: str) -> None:
    root = make_corpus(tmp_path)
    first = tmp_path / "in" / "synthetic_91_7.txt"
    first.parent.mkdir()
    first.write_text(synthetic_source(91, 7), encoding="utf-8")
    assert run_resdiff("add", "--corpus", str(root), "--series", "widgets", str(first)).returncode == 0
    marker = tmp_path / "MARKER"
    VECTORS[vector](root, root / ".git", f"touch {marker}")
    _assert_live(root, vector, marker)
    probe = tmp_path / "probe"
    probe.mkdir()
    second = probe / "synthetic_92_1.txt"
    second.write_text(synthetic_source(92, 1, recalls=((91, 7, "2036-12-08"),)), encoding="utf-8")
    corrected = probe / "synthetic_91_7_fixed.txt"
    corrected.write_text(synthetic_source(91, 7, operative=("Decides anew;",)), encoding="utf-8")
    where = ("--corpus", str(root))
    commands = [
        ("add", *where, str(second)),
        ("add", "--replace", *where, str(corrected)),
        ("list", *where),
        ("series", *where),
        ("show", "91/7", *where),
        ("show", "91/7@HEAD~1", *where),
        ("log", "91/7", *where),
        ("history", "widgets", *where),
        ("blame", "92/1", *where),
        ("diff", "91/7@HEAD~1", "91/7", *where),
        ("conflicts", *where),
        ("verify", *where),
        ("verify", "--repair", *where),
    ]
    for command in commands:
        done = run_resdiff(*command, env={"PAGER": str(tmp_path / "no-such-pager")})
        assert done.returncode in (0, 1), (command, done.stderr)
        assert not marker.exists(), f"resdiff {' '.join(command[:2])} ran the corpus' {vector}"
