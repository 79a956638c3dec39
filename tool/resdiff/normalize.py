"""Raw blocks from a reader -> the clause model (``Resolution``), plus warnings on what looked wrong.

Structure comes from layout and numbering: the body heading ``72/54. Title``, the opener line
(``The General Assembly,``), printed paragraph numbers, ``(a)``/``(i)`` items, the closing meeting
line, and the punctuation every clause ends with (``,`` for preambular, ``;``/``.`` for operative
paragraphs), which is what tells a page-break continuation from a new clause. English words are
used only for metadata (dates, session ordinals) and the operative verb phrase.

Choices worth knowing:

* A cited resolution with a part letter keeps it as printed (``56/24 V`` -> ``A/RES/56/24 V``):
  the letter distinguishes resolutions.
* Cites are collected from all clauses, footnotes included, in reading order.
* A cut-short body heading (PDF extraction keeps only its first line) is completed from the
  front-matter title only when that title starts with the heading; otherwise the heading wins.
* Items of a list whose ``(a)`` markers the extraction lost are lettered in order, with a warning.
* An unnumbered block between numbered paragraphs continues the one before it when the numbering
  then goes on without a gap (a page break after a full stop); otherwise it is a paragraph whose
  number was lost: operative, it takes the next number (with a warning); in an annex, ``T``.
* Bare-digit footnote markers are told from content digits by the footnote numbers that have a
  body, the order markers come in, and where the digit sits (see ``_marker_in``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import IO

from . import canonical
from .errors import InputError
from .languages import from_job_number
from .model import Normalized, Source
from .normalizer.builder import Builder
from .readers import UnreadableError, read, read_binary, safe

MAX_BYTES = 5_000_000


def normalize_path(path: str | os.PathLike[str]) -> Normalized:
    """Normalize a file; the name recorded (and used in messages about the text) is the file name only,
    but a file that cannot be read is named by the path given, which is what the user has to check.

    (os.path rather than pathlib: ``resdiff diff FILE FILE`` should not pay for importing it.)"""
    name = os.path.basename(path)
    if os.path.isdir(path):  # os.path: False, not OSError, for a name too long
        raise InputError(f"{path}: is a folder; give a resolution file")
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            raise InputError(_too_big(name, size))
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as error:
        raise InputError(f"{path}: cannot read the file ({error.strerror}); check the path") from None
    return normalize_bytes(data, name)


# what ``normalize_many`` takes: a path (``-`` is stdin), or bytes already read with the name to record
Input = str | os.PathLike[str] | tuple[bytes, str]
# below this many inputs a pool of processes costs more than it saves
_POOL_MIN = 2


def normalize_many(
    inputs: Sequence[Input], jobs: int | None = None, progress: Callable[[int, int], None] | None = None
) -> list[Normalized]:
    """Normalize many files at once, across ``jobs`` processes (default: ``RESDIFF_JOBS``, else every core
    this process may use), in the order given: the results are exactly the serial run's, and the first input
    that fails (in that order) raises its error, as the serial run would. Processes rather than threads:
    reading a PDF is CPU-bound Python. ``progress(done, total)`` is called as each result arrives,
    in order. Stdin (``-``) is read here, before the workers start."""
    items = [_read_stdin() if str(item) == "-" else item for item in inputs]
    total = len(items)
    jobs = _jobs(jobs, total)
    if jobs < 2:
        results = []
        for done, item in enumerate(items, start=1):
            results.append(_normalize_one(item))
            if progress is not None:
                progress(done, total)
        return results
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with resdiff already imported (spawn would import it again in each)
    context = multiprocessing.get_context("fork")
    others = set(multiprocessing.active_children())
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_die_with, initargs=(os.getpid(),))
    try:
        results = []
        for done, result in enumerate(pool.map(_normalize_one, items), start=1):
            results.append(result)
            if progress is not None:
                progress(done, total)
    except BaseException:
        # an error or a Ctrl-C, which may land while the pool is still being built: its workers are
        # killed rather than left waiting on their pipe for work, which the interpreter's exit would
        # wait for forever (they are reading files only: there is nothing of theirs to save)
        for worker in set(multiprocessing.active_children()) - others:
            worker.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results


def _die_with(parent: int) -> None:
    """A worker ends with the process that started it: one killed (``kill -9``) must leave no worker
    waiting forever on its pipe and holding the caller's stdout and stderr open (a ``| head`` or a
    test reading them would wait too). Linux says so with PR_SET_PDEATHSIG; elsewhere the pool's own
    shutdown is all there is. A Ctrl-C, which a terminal sends to the whole process group, is the
    parent's to handle: it ends the pool, and no worker prints a traceback of its own."""
    import ctypes
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the line above could say so
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _jobs(jobs: int | None, total: int) -> int:
    """How many processes: ``jobs``, else ``RESDIFF_JOBS``, else every core this process may use."""
    if jobs is None:
        setting = os.environ.get("RESDIFF_JOBS", "").strip()
        if setting:
            if not setting.isdigit():
                raise InputError(f"RESDIFF_JOBS={setting!r}: give a number of processes, such as 2")
            jobs = int(setting)
        else:
            jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if jobs < 1:
        raise InputError(f"the number of processes (--jobs, RESDIFF_JOBS) must be at least 1, not {jobs}")
    return 1 if total < _POOL_MIN else min(jobs, total)


def _read_stdin() -> tuple[bytes, str]:
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(_too_big("stdin", len(data)))
    return data, "stdin"


def _normalize_one(item: Input) -> Normalized:
    if isinstance(item, tuple):
        data, name = item
        return normalize_bytes(data, name)
    return normalize_path(item)


def normalize_input(path: str) -> Normalized:
    """A file, or stdin for ``-``: what every command accepts where it takes a text."""
    return normalize_stream(sys.stdin.buffer, "stdin") if path == "-" else normalize_path(path)


def normalize_stream(stream: IO[bytes], name: str) -> Normalized:
    """Normalize a stream (stdin) without reading more than the size cap allows."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{name}: more than the {MAX_BYTES // 1_000_000} MB any resolution needs; "
            "give the resolution's own text"
        )
    return normalize_bytes(data, name)


def normalize_bytes(data: bytes, name: str) -> Normalized:
    """Normalize the bytes of a resolution in any supported format (canonical files unchanged)."""
    if len(data) > MAX_BYTES:
        raise InputError(_too_big(name, len(data)))
    source = Source(name=name, sha256=hashlib.sha256(data).hexdigest(), reader="")
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<" and b"akomaNtoso" in data[:8192]:
        from .readers import akn  # the UN's XML: exact structure, read into the model directly

        if akn.detect(data):
            try:
                return akn.read(data, source)
            except akn.AknError as error:
                raise InputError(f"{name}: {error}; give the UN's AKN4UN file as published") from None
    try:
        document = read_binary(data)
    except UnreadableError as error:
        raise InputError(f"{name}: {error}; {error.advice}") from None
    if document is not None:
        return Builder(safe(document), source).build()
    text = _decode(data, name)
    if canonical.is_canonical(text):
        try:
            return Normalized(canonical.load(text))
        except InputError as error:
            raise InputError(f"{name}: {error}") from None
    raw = read(text)
    if "language" not in raw.hints:  # a text extracted from a PDF keeps its job number: "25-19990 (F)"
        language = from_job_number(text[:20_000])
        raw = raw._replace(hints={**raw.hints, "language": language}) if language else raw
    return Builder(safe(raw), source).build()


def _too_big(name: str, size: int) -> str:
    return (
        f"{name}: the file is {size / 1e6:.1f} MB, more than the {MAX_BYTES // 1_000_000} MB any resolution "
        "needs; give the resolution's own text"
    )


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(f"{name}: the file is empty; give the text of a resolution")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte order mark: Windows' "Unicode"
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(
                f"{name}: damaged UTF-16 (at byte offset {error.start}); save it as UTF-8"
            ) from None
    if b"\x00" in data:
        raise InputError(f"{name}: this is a binary file (it holds NUL bytes); give the resolution as text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not valid UTF-8 (at byte offset {error.start}); convert the file to UTF-8"
        ) from None
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
