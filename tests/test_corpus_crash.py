"""Crash safety of ``resdiff add``: a real ``kill -9`` at every step of a multi-file add, then repair.

The kill points come from the TEST HOOK ``journal.checkpoint``: with RESDIFF_TEST_KILL_AT=N in its
environment, a resdiff process sends itself SIGKILL at its Nth checkpoint. The sweep raises N until
the add runs to its end, so every step of the add is a kill point. After each kill the corpus must
hold, at HEAD, either what it held before or the whole add (never a part), be healed by the next
command, verify clean, and accept the next add.

All texts are synthetic (see corpus_synthetic); every corpus is a real git repository in tmp_path.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import git
import pytest

from corpus_synthetic import clean, cli, make_corpus, run_resdiff, synthetic_source
from resdiff.corpus import journal

KILL = journal.KILL_ENV


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


Scene = tuple[Path, list[str], Path]


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Scene:
    """A corpus holding one text, the files of a four-text add (one correction, three new texts in
    two series: ten files to write, with the sources), and a copy of the corpus after that add ran
    undisturbed."""
    tmp = tmp_path_factory.mktemp("crash")
    root = make_corpus(tmp)
    first = _write(tmp / "in", "synthetic_91_7.txt", synthetic_source(91, 7))
    assert cli("add", "--corpus", str(root), "--series", "widgets", str(first)).exit_code == 0
    sources = {
        "synthetic_91_7_corrected.txt": synthetic_source(91, 7, operative=("Decides anew;",)),
        "synthetic_92_1.txt": synthetic_source(92, 1, recalls=((91, 7, "2036-12-08"),)),
        "synthetic_93_2.txt": synthetic_source(93, 2, recalls=((92, 1, "2037-12-02"),)),
        "synthetic_94_3.txt": synthetic_source(94, 3, title="Synthetic gadget registry"),
    }
    batch = [str(_write(tmp / "batch", name, text)) for name, text in sources.items()]
    full = shutil.copytree(root, tmp / "full", symlinks=True)
    assert _add(full, batch).returncode == 0
    return root, batch, full


def _add(root: Path, batch: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_resdiff("add", "--replace", "--corpus", str(root), *batch, env=env)


def _tree(root: Path) -> str:
    return str(git.Repo(root).git.rev_parse("HEAD^{tree}"))


def _files(root: Path) -> dict[str, bytes]:
    files = (p for p in root.rglob("*") if p.is_file() and ".git" not in p.parts)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files}


def _assert_healed(work: Path, states: dict[str, dict[str, bytes]], pending: bool, said: str) -> None:
    """After healing: HEAD holds the corpus before the add or after the whole add, the folder holds
    exactly that (nothing committed changed, nothing half-written is left), and the healing command
    said what it did (once) if there was something to heal."""
    held = _tree(work)
    assert held in states, "HEAD holds part of an add"
    assert _files(work) == states[held]
    assert clean(work)
    notices = [line for line in said.splitlines() if "interrupted" in line]
    if pending:
        assert len(notices) == 1, said
        expected = "rolled back" if held == next(iter(states)) else "completed"
        assert expected in notices[0], said
    else:
        assert not notices, said


def _kill_sweep(root: Path, batch: list[str], where: Path) -> list[Path]:
    """The add run on copies of the corpus, killed at its 1st, 2nd, ... checkpoint until one copy sees
    the add to its end; the killed copies, in kill order (the adds run eight at a time)."""
    killed: list[Path] = []
    with ThreadPoolExecutor(max_workers=8) as pool:
        for first in itertools.count(1, 8):
            points = range(first, first + 8)
            copies = [shutil.copytree(root, where / f"kill{point}", symlinks=True) for point in points]
            runs = pool.map(lambda copy, point: _add(copy, batch, env={KILL: str(point)}), copies, points)
            for copy, result in zip(copies, runs, strict=True):
                if result.returncode == 0:
                    return killed
                assert result.returncode == -signal.SIGKILL, result.stderr
                killed.append(copy)
    raise AssertionError("unreachable")


def test_a_kill_at_every_step_of_an_add_leaves_a_corpus_the_next_command_heals(
    scene: Scene, tmp_path: Path
) -> None:
    root, batch, full = scene
    states = {_tree(root): _files(root), _tree(full): _files(full)}  # before the add, after it
    killed = _kill_sweep(root, batch, tmp_path)
    assert len(killed) >= 20, f"only {len(killed)} kill points"
    for point, work in enumerate(killed, start=1):
        assert _tree(work) in states, f"kill point {point}: HEAD holds part of an add"
        pending = journal.pending(work)
        if point % 3:  # healed by 'verify --repair'; then verify is clean, and the next add works
            healing = cli("verify", "--repair", "--corpus", str(work))
            assert healing.exit_code == 0, healing.output
            _assert_healed(work, states, pending, healing.output)
            verified = cli("verify", "--corpus", str(work))
            assert verified.exit_code == 0 and "interrupted" not in verified.output, verified.output
            retried = cli("add", "--replace", "--corpus", str(work), *batch)
            assert retried.exit_code == 0, retried.output
        else:  # healed by the next add itself; then verify is clean
            retried = cli("add", "--replace", "--corpus", str(work), *batch)
            assert retried.exit_code == 0, retried.output
            assert ("interrupted" in retried.output) == pending, retried.output
            verified = cli("verify", "--corpus", str(work))
            assert verified.exit_code == 0, verified.output
        assert _tree(work) == _tree(full), f"kill point {point}"
        assert _files(work) == _files(full), f"kill point {point}"


def _killed_at(scene: Scene, point: int, where: Path) -> Path:
    root, batch, _ = scene
    work = shutil.copytree(root, where, symlinks=True)
    assert _add(work, batch, env={KILL: str(point)}).returncode == -signal.SIGKILL
    assert journal.pending(work)
    return work


@pytest.mark.parametrize("point", [3, 30], ids=["before-the-commit", "after-the-commit"])
def test_a_kill_during_the_repair_is_repaired_in_turn(scene: Scene, tmp_path: Path, point: int) -> None:
    root, batch, full = scene
    states = {_tree(root): _files(root), _tree(full): _files(full)}
    crashed = _killed_at(scene, point, tmp_path / "crashed")
    killed = 0
    for second in itertools.count(1):
        work = shutil.copytree(crashed, tmp_path / f"repair{second}", symlinks=True)
        repair = run_resdiff("verify", "--repair", "--corpus", str(work), env={KILL: str(second)})
        if repair.returncode == 0:
            _assert_healed(work, states, True, repair.stderr)
            break
        assert repair.returncode == -signal.SIGKILL, repair.stderr
        killed += 1
        pending = journal.pending(work)  # unless the kill came once the journal was gone
        healing = cli("verify", "--repair", "--corpus", str(work))
        assert healing.exit_code == 0, healing.output
        _assert_healed(work, states, pending, healing.output)
        assert cli("add", "--replace", "--corpus", str(work), *batch).exit_code == 0
        assert _files(work) == _files(full)
    assert killed >= 2  # before the commit, recovery only resets the index and removes the journal


_CODE = "import sys; from resdiff.cli import main; main(sys.argv[1:])"


def _timings(root: Path, batch: list[str], tmp_path: Path) -> tuple[float, float]:
    """How long Python takes to start resdiff, and how long the whole add takes (in this run)."""
    started = time.monotonic()
    assert run_resdiff("--help").returncode == 0
    startup = time.monotonic() - started
    started = time.monotonic()
    assert _add(shutil.copytree(root, tmp_path / "timed", symlinks=True), batch).returncode == 0
    return startup, time.monotonic() - started


def _spawn_add(work: Path, batch: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _CODE, "add", "--replace", "--corpus", str(work), *batch],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a process group of its own, as a shell gives a command
    )


def test_kills_at_any_moment_even_while_git_runs_are_healed(scene: Scene, tmp_path: Path) -> None:
    """Real ``kill -9`` after a sweep of delays: some land while a git child runs. The child lives on
    and keeps the corpus lock (it inherited it), so healing waits for it rather than racing it."""
    root, batch, full = scene
    states = {_tree(root): _files(root), _tree(full): _files(full)}
    startup, duration = _timings(root, batch, tmp_path)
    for step in range(1, 9):
        work = shutil.copytree(root, tmp_path / f"delay{step}", symlinks=True)
        process = _spawn_add(work, batch)
        time.sleep(startup + (duration - startup) * step / 9)
        process.send_signal(signal.SIGKILL)  # resdiff only: its git child, if any, runs on
        process.communicate()
        healing = cli("verify", "--repair", "--corpus", str(work))
        assert healing.exit_code == 0, healing.output
        assert _tree(work) in states and _files(work) == states[_tree(work)]
        assert clean(work)
        assert cli("add", "--replace", "--corpus", str(work), *batch).exit_code == 0
        assert _files(work) == _files(full)


def test_a_real_ctrl_c_at_any_moment_leaves_the_add_done_or_undone(scene: Scene, tmp_path: Path) -> None:
    """SIGINT to the whole process group, as a terminal sends it: git children (in their own session)
    never see it; before the commit resdiff undoes the add, after it resdiff completes it and says so."""
    root, batch, full = scene
    startup, duration = _timings(root, batch, tmp_path)
    for step in range(1, 9):
        work = shutil.copytree(root, tmp_path / f"interrupted{step}", symlinks=True)
        process = _spawn_add(work, batch)
        time.sleep(startup + (duration - startup) * step / 9)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        # what the corpus owns; a Ctrl-C that lands while Python starts, or in click around the
        # command, is theirs to report (a traceback, "Aborted!")
        assert clean(work) and not journal.pending(work)
        assert "resdiff/corpus" not in stderr, stderr
        if _tree(work) == _tree(root):
            assert process.returncode != 0 and _files(work) == _files(root), stderr
        else:
            assert _tree(work) == _tree(full) and _files(work) == _files(full)
            if "resdiff: interrupted" in stderr:
                assert "interrupted after commit" in stderr and "the add is complete" in stderr
        assert cli("verify", "--corpus", str(work)).exit_code == 0


def _interrupt_at(monkeypatch: pytest.MonkeyPatch, wanted: str) -> None:
    def checkpoint(name: str) -> None:
        if name.startswith(wanted):
            raise KeyboardInterrupt

    monkeypatch.setattr(journal, "checkpoint", checkpoint)


@pytest.mark.parametrize("moment", ["HEAD moved", "put widgets/A_RES_92_1.txt in place", "git index updated"])
def test_ctrl_c_after_the_commit_landed_keeps_the_add(
    scene: Scene, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moment: str
) -> None:
    root, batch, full = scene
    work = shutil.copytree(root, tmp_path / "work", symlinks=True)
    _interrupt_at(monkeypatch, moment)
    result = cli("add", "--replace", "--corpus", str(work), *batch)
    assert result.exit_code == 130
    assert "interrupted after commit" in result.output and "the add is complete" in result.output
    assert "added\tA/RES/92/1\twidgets/A_RES_92_1.txt" in result.output
    assert _tree(work) == _tree(full) and _files(work) == _files(full)
    assert clean(work) and not journal.pending(work)
    monkeypatch.undo()
    assert cli("verify", "--corpus", str(work)).exit_code == 0


@pytest.mark.parametrize("moment", ["journal written", "staged", "commit written"])
def test_ctrl_c_before_the_commit_landed_undoes_the_add(
    scene: Scene, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moment: str
) -> None:
    root, batch, _ = scene
    work = shutil.copytree(root, tmp_path / "work", symlinks=True)
    _interrupt_at(monkeypatch, moment)
    result = cli("add", "--replace", "--corpus", str(work), *batch)
    assert result.exit_code == 130 and "resdiff: interrupted" in result.output
    assert _tree(work) == _tree(root) and _files(work) == _files(root)
    assert clean(work) and not journal.pending(work)


def test_files_left_staged_by_a_killed_writer_are_unstaged(scene: Scene, tmp_path: Path) -> None:
    """What a kill during ``git add`` left (the old way of adding): files written and staged. The
    journal names them, so the next add resets git's index for them and removes them."""
    root, batch, full = scene
    work = _killed_at(scene, 1, tmp_path / "work")  # right after the journal was written
    for name, data in _files(full).items():
        if _files(root).get(name) != data:
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            (work / name).write_bytes(data)
    repo = git.Repo(work)
    repo.git.add("-A")
    assert repo.git.status("--porcelain")
    result = cli("add", "--replace", "--corpus", str(work), *batch)
    assert result.exit_code == 0, result.output
    assert "rolled back" in result.output
    assert _files(work) == _files(full) and clean(work)


def test_a_file_changed_after_a_crash_is_not_overwritten(scene: Scene, tmp_path: Path) -> None:
    work = _killed_at(scene, 30, tmp_path / "work")  # after the commit: files are being put in place
    index = work / "widgets" / "A_RES_91_7.txt"  # put in place (corrected) before the kill
    index.write_text("synthetic edit made after the crash\n", encoding="utf-8")
    refused = cli("verify", "--repair", "--corpus", str(work))
    assert refused.exit_code == 2
    assert (
        "widgets/A_RES_91_7.txt was changed since" in refused.output and "checkout HEAD --" in refused.output
    )
    assert index.read_text(encoding="utf-8") == "synthetic edit made after the crash\n"
    assert journal.pending(work)
    git.Repo(work).git.checkout("HEAD", "--", "widgets/A_RES_91_7.txt")
    healed = cli("verify", "--repair", "--corpus", str(work))
    assert healed.exit_code == 0, healed.output
    assert "completed" in healed.output


def test_reading_commands_heal_a_crash_when_no_writer_is_at_work(scene: Scene, tmp_path: Path) -> None:
    _, _, full = scene
    work = _killed_at(scene, 30, tmp_path / "work")
    result = cli("list", "--corpus", str(work))
    assert result.exit_code == 0
    assert "completed" in result.output and "A/RES/92/1" in result.output
    assert _files(work) == _files(full) and clean(work)


def test_a_fifo_without_a_writer_blocks_only_its_own_add(tmp_path: Path) -> None:
    """Like cat, add waits for a FIFO's writer; it does so before taking the corpus lock."""
    root = make_corpus(tmp_path)
    fifo = tmp_path / "synthetic_pipe.txt"
    os.mkfifo(fifo)
    code = "import sys; from resdiff.cli import main; main(sys.argv[1:])"
    waiting = subprocess.Popen(
        [sys.executable, "-c", code, "add", "--corpus", str(root), str(fifo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(1.0)  # it has started, and waits for a writer
        assert waiting.poll() is None
        other = _write(tmp_path / "in", "synthetic_91_7.txt", synthetic_source(91, 7))
        result = run_resdiff("add", "--corpus", str(root), str(other), env={"RESDIFF_LOCK_TIMEOUT": "5"})
        assert result.returncode == 0, result.stderr
        with open(fifo, "w", encoding="utf-8") as writer:
            writer.write(synthetic_source(92, 1, recalls=((91, 7, "2036-12-08"),)))
        _, stderr = waiting.communicate(timeout=60)
        assert waiting.returncode == 0, stderr
    finally:
        waiting.kill()
    assert cli("verify", "--corpus", str(root)).exit_code == 0
    assert "A/RES/92/1" in cli("list", "--corpus", str(root)).output
