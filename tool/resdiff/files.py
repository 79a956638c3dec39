"""Writing files atomically, for the corpus and for every ``-o`` output.

Atomic replacement (a temporary file renamed over the target) is for regular files only. An ``-o``
target that is a character device or a FIFO (``/dev/null``, a named pipe) is written in place, as
a shell redirection writes it: renaming over it would replace the device node itself. A symbolic
link is written through, atomically at the file it points to, and stays a link; a descriptor name
such as ``/dev/stdout`` (a link into ``/proc``) is written in place.

``tempfile.mkstemp`` creates its file with mode 0600 (meant for secrets); the files resdiff writes
are texts and reports to share, so they get the mode any new file gets (0644 under the usual umask);
a report the user replaces with ``-o`` may keep the mode they gave it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path


def write_atomic(path: str | Path, data: bytes, *, durable: bool = False, keep_mode: bool = False) -> None:
    """Replace ``path`` with ``data`` in one rename: readers and interrupted runs never see half a file.

    ``durable`` also syncs the data to disk before the rename (what a git-tracked corpus needs);
    ``keep_mode`` keeps the mode of the file replaced, if there is one.
    """
    import tempfile  # only writers pay for it (about 4 ms): reading commands import this module too

    target = Path(path)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target, keep_mode))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _mode_for(target: Path, keep_mode: bool) -> int:
    if keep_mode:
        with contextlib.suppress(FileNotFoundError):
            return stat.S_IMODE(os.stat(target).st_mode)
    return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask (it can only be read by setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_output_file(path: str | Path, data: bytes) -> None:
    """Write an ``-o`` file: a regular file (or none yet) is replaced atomically and keeps its mode;
    a character device or FIFO is written in place; a symbolic link is written through (see above).
    Refuses, as an OSError naming the reason, anything else (a block device, a socket, a folder)."""
    name = os.fspath(path)
    target, through_proc = _follow_links(name)
    if through_proc:  # /dev/stdout, /dev/fd/3: an open descriptor, not a file to replace
        _write_in_place(name, data, append=True)
        return
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is None or stat.S_ISREG(mode):
        write_atomic(target, data, keep_mode=True)
    elif stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        _write_in_place(target, data, append=False)
    elif stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder")
    else:
        raise OSError(errno.EINVAL, "it is neither a regular file, a character device nor a FIFO")


def _follow_links(name: str) -> tuple[str, bool]:
    """The path a chain of symbolic links ends at, and whether it passes through /proc, where a
    link names an open descriptor (``/dev/stdout`` -> ``/proc/self/fd/1``, ``/dev/fd/1``) whose
    file, even a regular one, belongs to whoever opened it: it must not be replaced."""
    current = os.path.abspath(name)
    for _ in range(40):  # the kernel's own limit on a chain of links
        folder = os.path.realpath(os.path.dirname(current))
        if _in_proc(current) or _in_proc(folder):
            return current, True
        try:
            link = os.readlink(current)
        except OSError:  # not a link (or nothing there yet): the end of the chain
            return current, False
        current = os.path.normpath(os.path.join(folder, link))  # a relative link reads from its folder
    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP))


def _in_proc(path: str) -> bool:
    return path == "/proc" or path.startswith("/proc/")


def _write_in_place(name: str, data: bytes, *, append: bool) -> None:
    """Write to what ``name`` already is (a device, a FIFO, an open descriptor), as ``>`` would;
    never create or truncate it: ``append`` keeps what a shell's ``>>`` put before it."""
    flags = os.O_WRONLY | (os.O_APPEND if append else 0)
    descriptor = os.open(name, flags)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)
