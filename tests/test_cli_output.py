"""Where the output goes: a full disk or a closed pipe on stdout, and ``-o`` targets that are not
regular files (device nodes, FIFOs, symbolic links). Every text here is SYNTHETIC.

Real processes throughout: the interpreter's final flush of stdout, where a closed pipe used to
print "Exception ignored", only happens in one. Device nodes are made by the test under tmp_path
(where permitted); the real /dev/null and /dev/full are never an ``-o`` target (/dev/full is used
as stdout only).
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_synthetic import cli, make_corpus, synthetic_resolution, write_synthetic
from resdiff import canonical
from synthetic_report import SYNTHETIC_NEW, SYNTHETIC_OLD

RESDIFF = [sys.executable, "-c", "import sys; from resdiff.cli import main; main(sys.argv[1:])"]
SIGPIPE_EXIT = 128 + 13


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, str]:
    """A corpus holding the SYNTHETIC 91/7, two files to diff, and one to add: the arguments of
    every command that writes to stdout."""
    root = make_corpus(tmp_path)
    text = write_synthetic(tmp_path / "in", synthetic_resolution(91, 7))
    assert cli("add", "--corpus", str(root), "--series", "widgets", str(text)).exit_code == 0
    (tmp_path / "old.txt").write_text(canonical.dump(SYNTHETIC_OLD), encoding="utf-8")
    (tmp_path / "new.txt").write_text(canonical.dump(SYNTHETIC_NEW), encoding="utf-8")
    newcomer = write_synthetic(tmp_path / "more", synthetic_resolution(92, 1))
    return {
        "corpus": str(root),
        "old": str(tmp_path / "old.txt"),
        "new": str(tmp_path / "new.txt"),
        "newcomer": str(newcomer),
    }


def _commands(setup: dict[str, str]) -> dict[str, list[str]]:
    corpus = ["--corpus", setup["corpus"]]
    return {
        "normalize": ["normalize", setup["old"]],
        "diff": ["diff", setup["old"], setup["new"]],
        "diff-json": ["diff", setup["old"], setup["new"], "--format", "json"],
        "diff-docx": ["diff", setup["old"], setup["new"], "--format", "docx", "-o", "-"],
        "show": ["show", "91/7", *corpus],
        "list": ["list", *corpus],
        "series": ["series", *corpus],
        "log": ["log", "91/7", *corpus],
        "add": ["add", setup["newcomer"], *corpus],
        "help": ["--help"],
        "diff-help": ["diff", "--help"],
        "version": ["--version"],
    }


COMMANDS = [
    "normalize",
    "diff",
    "diff-json",
    "diff-docx",
    "show",
    "list",
    "series",
    "log",
    "add",
    "help",
    "diff-help",
    "version",
]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is Linux's")
@pytest.mark.parametrize("name", COMMANDS)
def test_a_full_disk_on_stdout_is_one_line_and_exit_2(
    setup: dict[str, str], tmp_path: Path, name: str
) -> None:
    """It was a traceback ending in ``OSError: [Errno 28]``; diff(1) and git say "write error"."""
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*RESDIFF, *_commands(setup)[name]], stdout=full, stderr=subprocess.PIPE, cwd=tmp_path, timeout=60
        )
    lines = done.stderr.decode().splitlines()
    assert done.returncode == 2, done.stderr
    assert lines[-1] == "resdiff: write error: No space left on device"
    assert "Traceback" not in done.stderr.decode() and "Exception ignored" not in done.stderr.decode()


@pytest.mark.parametrize("name", COMMANDS)
def test_a_closed_pipe_on_stdout_ends_quietly(setup: dict[str, str], tmp_path: Path, name: str) -> None:
    """Nothing on stderr (no traceback, no "Exception ignored" from the final flush), and the exit
    status of a process a closed pipe ends, 141: never 1, which means "the texts differ"."""
    reader, writer = os.pipe()
    os.close(reader)  # closed before resdiff writes a byte: its first write fails with EPIPE
    try:
        done = subprocess.run(
            [*RESDIFF, *_commands(setup)[name]],
            stdout=writer,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            timeout=60,
        )
    finally:
        os.close(writer)
    assert done.stderr == b""
    assert done.returncode == SIGPIPE_EXIT


@pytest.mark.parametrize("name", COMMANDS)
def test_a_closed_stdout_is_a_write_error(setup: dict[str, str], tmp_path: Path, name: str) -> None:
    """Started with stdout closed (``>&-``), Python has no sys.stdout: click dropped the output in
    silence and exited 0, or a traceback named ``NoneType``."""
    done = subprocess.run(
        [*RESDIFF, *_commands(setup)[name]],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        timeout=60,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.decode().splitlines()[-1] == "resdiff: write error: Bad file descriptor"
    assert "Traceback" not in done.stderr.decode()


# --- -o targets that are not regular files ---------------------------------------------------------


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device node like /dev/null (1, 3) or /dev/full (1, 7), made here."""
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except (PermissionError, OSError) as error:
        pytest.skip(f"cannot make a device node here ({error})")
    try:
        with open(node, "wb") as probe:
            probe.write(b"")
    except OSError as error:  # a file system mounted nodev
        pytest.skip(f"device nodes do not work in {tmp_path} ({error})")
    return node


def _diff_to(pair: tuple[str, str], target: Path | str, *extra: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*RESDIFF, "diff", *pair, "-o", str(target), *extra], capture_output=True, timeout=60
    )


def test_a_null_device_as_output_is_written_not_replaced(tmp_path: Path, pair: tuple[str, str]) -> None:
    """As root, ``-o /dev/null`` renamed a report over /dev/null itself."""
    null = _device(tmp_path, "null", 3)
    done = _diff_to(pair, null)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt", "null", "old.txt"]  # no temporary left


def test_a_full_device_as_output_is_one_line_and_stays_a_device(
    tmp_path: Path, pair: tuple[str, str]
) -> None:
    full = _device(tmp_path, "full", 7)
    done = _diff_to(pair, full)
    assert done.returncode == 2
    assert done.stderr.decode() == f"resdiff: error: cannot write {full}: No space left on device\n"
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_a_fifo_as_output_is_written_in_place(tmp_path: Path, pair: tuple[str, str]) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, so that resdiff's open returns
    try:
        done = _diff_to(pair, fifo)
        received = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received.startswith(b"A/RES/90/7")


def test_a_symbolic_link_as_output_is_written_through(tmp_path: Path, pair: tuple[str, str]) -> None:
    """The link stays a link; the file it points to gets the report, atomically, keeping its mode."""
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "latest.md"
    target.write_text("last year's report", encoding="utf-8")
    target.chmod(0o600)
    link = tmp_path / "report.md"
    link.symlink_to(Path("reports") / "latest.md")  # relative, as people make them
    done = _diff_to(pair, link)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(Path("reports") / "latest.md")
    assert target.read_text(encoding="utf-8").startswith("# Changes: A/RES/90/7")  # .md of the link's name
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["latest.md"]


def test_a_dangling_symbolic_link_as_output_creates_its_file(tmp_path: Path, pair: tuple[str, str]) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "made.json")
    done = _diff_to(pair, link)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and (tmp_path / "made.json").read_text(encoding="utf-8").startswith("{")


def test_a_link_to_a_descriptor_is_written_to_that_descriptor(tmp_path: Path, pair: tuple[str, str]) -> None:
    """What /dev/stdout is (a link to /proc/self/fd/1), made under tmp_path so that the real one is
    never at risk: the report goes down the pipe, and the link stays."""
    if not os.path.exists("/proc/self/fd/1"):
        pytest.skip("no /proc/self/fd here")
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    done = _diff_to(pair, stdout, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"{") and stdout.is_symlink()


def test_a_link_to_a_descriptor_on_a_regular_file_appends_to_it(
    tmp_path: Path, pair: tuple[str, str]
) -> None:
    """``-o /dev/stdout >> log``: the file the shell opened gets the report after what it held, and
    is not replaced (a rename would leave the shell's descriptor on a file no longer there)."""
    if not os.path.exists("/proc/self/fd/1"):
        pytest.skip("no /proc/self/fd here")
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    log = tmp_path / "log.txt"
    log.write_bytes(b"before\n")
    inode = log.stat().st_ino
    with open(log, "ab") as appending:
        done = subprocess.run(
            [*RESDIFF, "diff", *pair, "-o", str(stdout), "--format", "json"],
            stdout=appending,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert done.returncode == 0, done.stderr
    assert log.read_bytes().startswith(b"before\n{") and log.stat().st_ino == inode


def test_a_socket_as_output_is_refused_in_one_line(tmp_path: Path, pair: tuple[str, str]) -> None:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        done = _diff_to(pair, path)
    finally:
        server.close()
    assert done.returncode == 2 and stat.S_ISSOCK(path.lstat().st_mode)
    assert done.stderr.decode().startswith(f"resdiff: error: cannot write {path}: ")
    assert done.stderr.decode().count("\n") == 1
