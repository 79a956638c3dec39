"""The download cache: a UN document does not change once issued, so a file fetched once is kept forever.

Layout of the cache folder (``RESDIFF_CACHE``, else the user's cache directory: ``~/.cache/resdiff``
on Linux):

    files/<sha256>           the bytes of a file, named by their SHA-256
    urls/<sha256 of URL>     JSON: {"url", "sha256", "final_url", "retrieved"}: what a URL gave, and when

A file whose bytes no longer match their name is dropped and fetched again. Search answers are not
kept: a record can change (a corrigendum, a vote added), so they are asked for afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from .files import write_atomic


@dataclass(frozen=True)
class CachedFile:
    url: str  # where the bytes came from, after redirects
    data: bytes
    retrieved: str  # ISO date of the download

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class FileCache:
    root: Path

    @classmethod
    def default(cls) -> FileCache:
        """``RESDIFF_CACHE``, else the user's cache directory for resdiff."""
        explicit = os.environ.get("RESDIFF_CACHE", "").strip()
        if explicit:
            return cls(Path(explicit))
        import platformdirs

        return cls(platformdirs.user_cache_path("resdiff"))

    def get(self, url: str) -> CachedFile | None:
        """What ``url`` gave before, if it is kept intact (an unreadable entry counts as absent)."""
        entry = self._entry(url)
        try:
            facts = json.loads(entry.read_text(encoding="utf-8"))
            sha256, final_url, retrieved = facts["sha256"], facts["final_url"], facts["retrieved"]
            data = (self.root / "files" / sha256).read_bytes()
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if hashlib.sha256(data).hexdigest() != sha256:
            return None
        return CachedFile(url=final_url, data=data, retrieved=retrieved)

    def put(self, url: str, file: CachedFile) -> None:
        """Keep what ``url`` gave; raises OSError when the cache cannot be written."""
        files, entry = self.root / "files", self._entry(url)
        files.mkdir(parents=True, exist_ok=True)
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(files / file.sha256, file.data)
        facts = {"url": url, "sha256": file.sha256, "final_url": file.url, "retrieved": file.retrieved}
        write_atomic(entry, (json.dumps(facts, indent=2) + "\n").encode("utf-8"))

    def _entry(self, url: str) -> Path:
        return self.root / "urls" / hashlib.sha256(url.encode("utf-8")).hexdigest()
