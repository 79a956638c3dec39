"""``resdiff fetch``: find documents in the UN Digital Library, download their files, normalize them.

For each symbol: search the library (MARCXML), keep the record whose 191$a is exactly the symbol, and
download its file in the language asked for. Where the library has no usable file, the Official
Document System is asked, then undocs.org (both by symbol: anything but a PDF from them means they have
no file). A file must be a PDF (its MIME type, ``%PDF-`` at its start, ``%%EOF`` at its end, which a cut-off
download lacks) whose text gives the symbol asked for (the normalizer reads it from the body heading,
or from a draft's front page). The text keeps where it came from (record id, file URL, language,
retrieval date, and the SHA-256 of the file) and the vote the record gives.

Predecessors are what a text recites in its lineage paragraph (``series.lineage_citations``), followed
from each text fetched or already stored until none is new; drafts are the ``/L.`` documents among a
record's related documents (993). A requested symbol that cannot be fetched is a FetchError; a
predecessor or draft that no service has is only a warning. Nothing here writes to the corpus: the
caller adds all the texts in one commit once every one was fetched, so a failure leaves it as it was.
"""

from __future__ import annotations

import urllib.parse
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Protocol

from . import __version__
from .cache import CachedFile, FileCache
from .corpus import Corpus, read_bytes, stored_text
from .errors import FetchError, InputError
from .library import LANGUAGES, LibraryRecord, SearchAnswer, parse_search
from .model import DRAFT_MARK, Normalized, Resolution
from .normalize import MAX_BYTES, normalize_bytes
from .refs import parse_symbol
from .series import lineage_citations
from .web import Client, ClientSettings

DEFAULT_LIBRARY = "https://digitallibrary.un.org"
DEFAULT_ODS = "https://documents.un.org"
DEFAULT_UNDOCS = "https://undocs.org"
USER_AGENT = f"resdiff/{__version__}"
SEARCH_PAGE = 200  # records asked for: the exact one is among the first few, the rest are neighbours
_PDF_TYPES = frozenset({"application/pdf", "application/x-pdf", "application/octet-stream"})
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # what a URL may hold unescaped: the rest (spaces) is escaped


@dataclass(frozen=True)
class Services:
    """Where the UN document services are (settable for a mirror, and for the tests' local server)."""

    library: str = DEFAULT_LIBRARY
    ods: str = DEFAULT_ODS
    undocs: str = DEFAULT_UNDOCS

    def __post_init__(self) -> None:
        for name, url in (("library", self.library), ("ods", self.ods), ("undocs", self.undocs)):
            if not url.startswith(("http://", "https://")):
                raise FetchError(
                    f"--{name}-url (or RESDIFF_{name.upper()}_URL) {url!r} is not a web address; "
                    "give one starting with https://"
                )

    def search_url(self, symbol: str) -> str:
        query = {"p": f'191__a:"{symbol}"', "of": "xm", "rg": str(SEARCH_PAGE)}
        return f"{self.library.rstrip('/')}/search?{urllib.parse.urlencode(query, safe='/:')}"

    def ods_url(self, symbol: str, language: str) -> str:
        query = {"s": symbol, "l": language, "t": "pdf"}
        return f"{self.ods.rstrip('/')}/api/symbol/access?{urllib.parse.urlencode(query, safe='/')}"

    def undocs_url(self, symbol: str, language: str) -> str:
        return f"{self.undocs.rstrip('/')}/{language}/{urllib.parse.quote(symbol, safe='/')}"


@dataclass(frozen=True)
class Fetched:
    """A text fetched and normalized, its provenance in ``source`` and its vote from the record."""

    symbol: str
    url: str  # the file's
    normalized: Normalized
    cached: bool  # read from the download cache rather than the network
    data: bytes  # the file itself: the corpus keeps it as the text's source


@dataclass(frozen=True)
class FetchResult:
    fetched: tuple[Fetched, ...]  # in the order they were fetched
    present: tuple[str, ...]  # already in the corpus: not fetched again


class Events(Protocol):
    """What a fetch tells as it goes (the CLI prints it on stderr)."""

    def retrying(self, message: str) -> None: ...

    def warning(self, message: str) -> None: ...

    def fetched(self, fetched: Fetched) -> None: ...

    def progress(self, done: int, total: int) -> None: ...


def parse_symbols(texts: Iterable[str]) -> list[str]:
    """The symbols users typed (``71/45``, ``A/RES/71/45``, ``A/C.1/80/L.52``), each once, in order."""
    symbols: list[str] = []
    for text in texts:
        symbol = parse_symbol(text)
        if symbol is None:
            raise InputError(
                f"{text!r} is not a document symbol; give one such as 71/45, A/RES/71/45 or A/C.1/80/L.52"
            )
        if symbol not in symbols:
            symbols.append(symbol)
    return symbols


@dataclass(frozen=True)
class _Miss:
    """Why a source gave no text; ``absent`` when it simply has none (rather than a broken one)."""

    reason: str
    absent: bool


class Fetcher:
    """One ``resdiff fetch`` run: a client, a cache, and what to fetch besides the symbols asked for."""

    def __init__(
        self,
        corpus: Corpus,
        events: Events,
        *,
        services: Services,
        language: str,
        pace: float = 1.0,
        timeout: float = 30.0,
    ) -> None:
        if language not in LANGUAGES:
            raise FetchError(f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
        self.corpus = corpus
        self.events = events
        self.services = services
        self.language = language
        self.cache = FileCache.default()
        settings = ClientSettings(
            user_agent=USER_AGENT,
            max_bytes=MAX_BYTES,
            pace=pace,
            connect_timeout=min(timeout, 10.0),
            read_timeout=timeout,
        )
        self.client = Client(settings, events.retrying)

    def run(self, symbols: Sequence[str], *, predecessors: bool = False, drafts: bool = False) -> FetchResult:
        """Fetch ``symbols`` and, as asked, their predecessors and drafts that the corpus lacks."""
        queue = deque((symbol, True) for symbol in symbols)
        seen = set(symbols)
        fetched: list[Fetched] = []
        present: list[str] = []
        done = 0
        while queue:
            self.events.progress(done, done + len(queue))
            symbol, required = queue.popleft()
            text: Resolution | None = None
            record: LibraryRecord | None = None
            stored = self.corpus.locate(symbol)
            if stored is not None:
                present.append(symbol)
                text = stored_text(read_bytes(stored), stored) if predecessors else None
                record = self._search(symbol).exact(symbol) if drafts and DRAFT_MARK not in symbol else None
            else:
                answer = self._search(symbol)
                record = answer.exact(symbol)
                got = self._fetch(symbol, answer, required)
                if got is not None:
                    fetched.append(got)
                    self.events.fetched(got)
                    text = got.normalized.resolution
            done += 1
            follow: list[str] = []
            if predecessors and text is not None:
                follow += lineage_citations(text)
            if drafts and record is not None and DRAFT_MARK not in symbol:
                follow += record.drafts
            for cited in follow:
                if cited not in seen:
                    seen.add(cited)
                    queue.append((cited, False))
        self.events.progress(done, done)
        return FetchResult(tuple(fetched), tuple(present))

    def _search(self, symbol: str) -> SearchAnswer:
        url = self.services.search_url(symbol)
        answer = self.client.get(url)
        if answer is None:
            raise FetchError(f"the library search {url} answers 404; check --library-url")
        return parse_search(answer.body, url)

    def _fetch(self, symbol: str, answer: SearchAnswer, required: bool) -> Fetched | None:
        """The text of ``symbol`` from the first source that has a good file; None (warned about) when
        none has any and ``required`` is false. A broken file from the library is always an error."""
        reasons: list[str] = []
        sources: list[tuple[str, str, bool]] = []  # (name, URL, asked by symbol)
        language = LANGUAGES[self.language]
        record = answer.exact(symbol)
        if record is None:
            unread = (answer.total or 0) > len(answer.records)
            page = (
                f" among the first {len(answer.records)} of the {answer.total} its search found"
                if unread
                else ""
            )
            reasons.append(f"the Digital Library has no record of it{page}")
        elif (file := record.file_in(self.language)) is None:
            reasons.append(f"its Digital Library record {record.record} has no file in {language}")
        else:
            sources.append(("the Digital Library file", file.url, False))
        sources.append(("the Official Document System", self.services.ods_url(symbol, self.language), True))
        sources.append(("undocs.org", self.services.undocs_url(symbol, self.language), True))
        broken = False
        for name, url, by_symbol in sources:
            outcome = self._from(symbol, url, record, by_symbol)
            if isinstance(outcome, Fetched):
                return outcome
            reasons.append(f"{name} {url}: {outcome.reason}")
            broken = broken or not outcome.absent
        found = "; ".join(reasons)
        if required or broken:
            hint = "the server sent a bad file: retry later" if broken else "check the symbol and --lang"
            raise FetchError(f"cannot fetch {symbol}: {found}; {hint}")
        self.events.warning(f"{symbol} is not available in {language}, so it is not fetched: {found}")
        return None

    def _from(self, symbol: str, url: str, record: LibraryRecord | None, by_symbol: bool) -> Fetched | _Miss:
        """The text one URL gives for ``symbol``, or why it gives none."""
        file = self.cache.get(url)
        cached = file is not None
        if file is None:
            answer = self.client.get(url)
            if answer is None:
                return _Miss("no such file (HTTP 404)", absent=True)
            problem = _not_a_pdf(answer.content_type, answer.body)
            if problem is not None:
                # a service asked by symbol answers a page of its own when it has no file (a cut PDF: broken)
                return _Miss(problem, absent=by_symbol and not answer.body.startswith(b"%PDF-"))
            file = CachedFile(url=answer.url, data=answer.body, retrieved=_today())
            self._keep(url, file)
        try:
            normalized = normalize_bytes(file.data, _file_name(file.url, symbol, self.language))
        except InputError as error:
            return _Miss(f"does not read as a resolution ({error})", absent=False)
        resolution = normalized.resolution
        if resolution.symbol is None:
            return _Miss(f"no symbol was read in it, so it cannot be told to be {symbol}", absent=False)
        if resolution.symbol != symbol:
            return _Miss(f"it holds {resolution.symbol}, not {symbol}", absent=False)
        assert resolution.source is not None  # a PDF's text always records the file it was read from
        source = replace(
            resolution.source,
            url=urllib.parse.quote(file.url, safe=_URL_SAFE),
            record=record.record if record is not None else None,
            language=self.language,
            retrieved=file.retrieved,
        )
        resolution = replace(resolution, source=source, vote=record.vote if record is not None else None)
        return Fetched(symbol, file.url, Normalized(resolution, normalized.warnings), cached, file.data)

    def _keep(self, url: str, file: CachedFile) -> None:
        try:
            self.cache.put(url, file)
        except OSError as error:
            self.events.warning(
                f"cannot keep {url} in the cache {self.cache.root} ({error.strerror or error}); "
                "it will be downloaded again next time (RESDIFF_CACHE sets the cache folder)"
            )


def _not_a_pdf(content_type: str, data: bytes) -> str | None:
    """Why an answer is not a whole PDF file, or None when it is one."""
    if content_type not in _PDF_TYPES:
        return f"an answer of type {content_type}, not a PDF"
    if not data.startswith(b"%PDF-"):
        return "not a PDF (it does not start with %PDF-)"
    if b"%%EOF" not in data[-1024:]:
        return "a PDF cut short (no %%EOF at its end)"
    return None


def _file_name(url: str, symbol: str, language: str) -> str:
    """The name the file goes by: the URL's last part when it names a PDF, else one made from the symbol."""
    name = urllib.parse.unquote(urllib.parse.urlsplit(url).path.rpartition("/")[2])
    if name.lower().endswith(".pdf"):
        return name
    return f"{symbol.replace('/', '_').replace(' ', '_')}-{language.upper()}.pdf"


def _today() -> str:
    return datetime.now(timezone.utc).date().isoformat()
