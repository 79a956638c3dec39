"""Writing files atomically, for the corpus and for every ``-o`` output.

``tempfile.mkstemp`` creates its file with mode 0600 (meant for secrets); the files resdiff writes
are texts and reports to share, so they get the mode any new file gets (0644 under the usual umask);
a report the user replaces with ``-o`` may keep the mode they gave it.
"""

from __future__ import annotations

import contextlib
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
