"""Domain errors: raised in the core, turned by the CLI into one line and exit code 2."""

from __future__ import annotations


class ResdiffError(Exception):
    """An error the user can fix; its message says what went wrong and how to proceed."""


class InputError(ResdiffError):
    """A file that cannot be read as a resolution (empty, binary, not UTF-8, not a resolution)."""


class CorpusError(ResdiffError):
    """The corpus is missing, inconsistent, or refuses an operation."""


class RefError(ResdiffError):
    """A REF that names no text, or more than one."""


class InterruptedAfterCommit(KeyboardInterrupt):
    """A Ctrl-C that came once the commit had landed: the change is made, its files are in place.

    ``result`` is what the command would have returned (set by the command that knows it)."""

    def __init__(self, commit: str, result: object = None) -> None:
        super().__init__(commit)
        self.commit = commit
        self.result = result


class FetchError(ResdiffError):
    """A document that cannot be fetched: offline, unknown to the UN services, or a misbehaving server."""
