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


class FetchError(ResdiffError):
    """A document that cannot be fetched: offline, unknown to the UN services, or a misbehaving server."""
