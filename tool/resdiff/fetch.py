"""``resdiff fetch``: find documents at the UN, download their files, normalize them.

The sources, in the order they are asked (each one that has nothing for us now, because it asks
for a browser check (an AWS WAF challenge), answers 403 or an empty 200, is said once on stderr and
passed over; a service that challenges or refuses once is not asked again in the run):

1. the UN Digital Library's search (MARCXML) for the record: title, job number (029), related
   documents (993, where drafts are found), and the resolution's Voting Data record (791$a), which
   holds the vote and each Member State's;
2. for a resolution of sessions 75 to 80, the UN's own XML (AKN4UN, by the United Nations (DGACM))
   on GitHub (``unxml``), preferred to the PDF: its file name carries the job number, which the
   record gives or else the PDF's front page; ``data_extract`` gives the vote when the library does not;
3. the PDF, by symbol from the Official Document System first, then the record's file, then undocs.org.

A PDF must be one (its MIME type, ``%PDF-`` at its start, ``%%EOF`` at its end, which a cut-off
download lacks), an XML file must be XML, and the text either gives must be of the symbol asked for
(the normalizer reads it from the body heading, or from a draft's front page). Only then is the
file cached. The text keeps where it came from (record id, file URL, language, retrieval date, and
the SHA-256 of the file) and the recorded vote.

Predecessors are what a text recites in its lineage paragraph (``series.lineage_citations``), followed
from each text fetched or already stored until none is new; drafts are the ``/L.`` documents the
record relates (993), the XML's workflow or ``data_extract`` names. A requested symbol that cannot be
fetched is a FetchError; a predecessor or draft that no source has or that cannot be read is a
warning naming it and why (``strict`` makes them required). Nothing here writes to the corpus: the
caller adds all the texts in one commit once every one was fetched, so a failure leaves it as it was.
"""

from __future__ import annotations

import re
import urllib.parse
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Protocol

from . import __version__, unxml
from .cache import CachedFile, FileCache
from .corpus import Corpus, read_bytes, stored_text
from .errors import FetchError, InputError
from .library import LANGUAGES, LibraryRecord, SearchAnswer, parse_search, parse_voting
from .model import DRAFT_MARK, UNSAFE_RE, Normalized, Resolution, Vote
from .normalize import MAX_BYTES, normalize_bytes
from .refs import parse_symbol, session_of
from .series import lineage_citations
from .web import Answer, Client, ClientSettings, Deadline, DeadlineError, Declined, allowed_hosts

DEFAULT_LIBRARY = "https://digitallibrary.un.org"
DEFAULT_ODS = "https://documents.un.org"
DEFAULT_UNDOCS = "https://undocs.org"
DEFAULT_XML = unxml.DEFAULT_XML
PROJECT_URL = "https://github.com/resdiff/resdiff"
USER_AGENT = f"resdiff/{__version__} (+{PROJECT_URL})"
DEFAULT_DEADLINE = 300.0  # seconds a whole fetch may take
SEARCH_PAGE = 200  # records asked for: the exact one is among the first few, the rest are neighbours
ORIGINS = ("auto", "xml", "pdf")  # --from
_PDF_TYPES = frozenset({"application/pdf", "application/x-pdf", "application/octet-stream"})
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"  # what a URL may hold unescaped: the rest (spaces) is escaped
_NAME_UNSAFE_RE = re.compile(r"[\s/\\]")  # a file name is one line of one path part (spaces aside)
LIBRARY = "the UN Digital Library"
ODS = "the Official Document System"
UNDOCS = "undocs.org"
XML = f"the UN's XML on GitHub ({unxml.SOURCE_NOTE})"


@dataclass(frozen=True)
class Services:
    """Where the UN document services are (settable for a mirror, and for the tests' local server)."""

    library: str = DEFAULT_LIBRARY
    ods: str = DEFAULT_ODS
    undocs: str = DEFAULT_UNDOCS
    xml: str = DEFAULT_XML

    def __post_init__(self) -> None:
        for name, url in self._named():
            if not url.startswith(("http://", "https://")):
                raise FetchError(
                    f"--{name}-url (or RESDIFF_{name.upper()}_URL) {url!r} is not a web address; "
                    "give one starting with https://"
                )

    def _named(self) -> tuple[tuple[str, str], ...]:
        return (("library", self.library), ("ods", self.ods), ("undocs", self.undocs), ("xml", self.xml))

    @property
    def hosts(self) -> frozenset[tuple[str, int]]:
        """The only hosts fetched from: those the services are configured with."""
        return allowed_hosts(url for _, url in self._named())

    def search_url(self, symbol: str, field: str = "191__a") -> str:
        query = {"p": f'{field}:"{symbol}"', "of": "xm", "rg": str(SEARCH_PAGE)}
        return f"{self.library.rstrip('/')}/search?{urllib.parse.urlencode(query, safe='/:')}"

    def voting_url(self, symbol: str) -> str:
        """The search for the Voting Data record of a resolution (791$a is its symbol)."""
        return self.search_url(symbol, "791__a")

    def ods_url(self, symbol: str, language: str) -> str:
        query = {"s": symbol, "l": language, "t": "pdf"}
        return f"{self.ods.rstrip('/')}/api/symbol/access?{urllib.parse.urlencode(query, safe='/')}"

    def undocs_url(self, symbol: str, language: str) -> str:
        return f"{self.undocs.rstrip('/')}/{language}/{urllib.parse.quote(symbol, safe='/')}"

    def xml_url(self, path: str) -> str:
        return f"{self.xml.rstrip('/')}/{urllib.parse.quote(path, safe='/')}"


@dataclass(frozen=True)
class Fetched:
    """A text fetched and normalized, its provenance in ``source`` and its vote from the record."""

    symbol: str
    url: str  # the file's
    normalized: Normalized
    cached: bool  # read from the download cache rather than the network
    data: bytes  # the file itself: the corpus keeps it as the text's source
    xml: bool = False  # the UN's AKN4UN XML rather than a PDF


@dataclass(frozen=True)
class FetchResult:
    fetched: tuple[Fetched, ...]  # in the order they were fetched
    present: tuple[str, ...]  # already in the corpus: not fetched again


class Events(Protocol):
    """What a fetch tells as it goes (the CLI prints it on stderr)."""

    def retrying(self, message: str) -> None: ...

    def waiting(self, seconds: float, reason: str) -> None: ...

    def notice(self, message: str) -> None: ...

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
    declined: str | None = None  # the kind of Declined it was (web.Declined.kind), if one


@dataclass(frozen=True)
class _Record:
    """What the library said of a symbol: its record (None where it has none or did not answer)."""

    record: LibraryRecord | None
    reason: str | None  # why there is none, for the message that names every source tried


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
        deadline: float = DEFAULT_DEADLINE,
        origin: str = "auto",
        strict: bool = False,
        wait_scale: float = 1.0,
    ) -> None:
        if language not in LANGUAGES:
            raise FetchError(f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
        if origin not in ORIGINS:
            raise FetchError(f"unknown source {origin!r}; use one of {', '.join(ORIGINS)}")
        self.corpus = corpus
        self.events = events
        self.services = services
        self.language = language
        self.origin = origin
        self.strict = strict
        self.cache = FileCache.default()
        self.deadline = Deadline(deadline)
        settings = ClientSettings(
            user_agent=USER_AGENT,
            max_bytes=MAX_BYTES,
            pace=pace,
            connect_timeout=min(timeout, 10.0),
            read_timeout=timeout,
            request_time=4 * timeout,
            hosts=services.hosts,
            wait_scale=wait_scale,
        )
        self.client = Client(settings, events.retrying, deadline=self.deadline, on_wait=events.waiting)
        self._down: dict[str, str] = {}  # service -> why it is not asked again in this run
        self._extracts: dict[str, dict[str, unxml.Extract] | None] = {}  # data_extract path -> entries

    def run(self, symbols: Sequence[str], *, predecessors: bool = False, drafts: bool = False) -> FetchResult:
        """Fetch ``symbols`` and, as asked, their predecessors and drafts that the corpus lacks."""
        queue = deque((symbol, True) for symbol in symbols)
        seen = set(symbols)
        fetched: list[Fetched] = []
        present: list[str] = []
        done = 0
        while queue:
            self.events.progress(done, done + len(queue))
            symbol, asked = queue.popleft()
            required = asked or self.strict
            try:
                text, follow = self._one(symbol, required, predecessors, drafts, fetched, present)
            except DeadlineError as error:
                if required or any(r for _, r in queue) or self.strict:
                    raise
                rest = [symbol] + [s for s, _ in queue]
                self.events.warning(f"{error}; so these are not fetched: {', '.join(rest)}")
                break
            except FetchError as error:
                if required:
                    raise
                self.events.warning(f"{symbol} is not fetched: {error}")
                text, follow = None, []
            done += 1
            if predecessors and text is not None:
                follow = list(lineage_citations(text)) + follow
            for cited in follow:
                if cited not in seen:
                    seen.add(cited)
                    queue.append((cited, False))
        self.events.progress(done, done)
        return FetchResult(tuple(fetched), tuple(present))

    def _one(
        self,
        symbol: str,
        required: bool,
        predecessors: bool,
        drafts: bool,
        fetched: list[Fetched],
        present: list[str],
    ) -> tuple[Resolution | None, list[str]]:
        """One symbol: its text (fetched, or the corpus's) and the drafts to follow from it."""
        want_drafts = drafts and DRAFT_MARK not in symbol
        stored = self.corpus.locate(symbol)
        if stored is not None:
            present.append(symbol)
            text = stored_text(read_bytes(stored), stored) if predecessors else None
            if not want_drafts:
                return text, []
            found = self._record(symbol)
            return text, self._drafts(symbol, found.record, None)
        found = self._record(symbol)
        got = self._fetch(symbol, found, required)
        if got is None:  # warned about; its record may still name its drafts
            return None, list(found.record.drafts) if want_drafts and found.record is not None else []
        fetched.append(got)
        self.events.fetched(got)
        return got.normalized.resolution, self._drafts(symbol, found.record, got) if want_drafts else []

    # --- the library -----------------------------------------------------------------------------

    def _get(self, service: str, url: str, instead: str) -> Answer | Declined | None:
        """A GET of one service's; a challenge or a refusal takes the service out of the run, said once."""
        answer = self.client.get(url)
        if isinstance(answer, Declined) and answer.kind in ("challenge", "forbidden"):
            self._take_out(service, answer.reason, instead)
        return answer

    def _take_out(self, service: str, reason: str, instead: str) -> None:
        if service not in self._down:
            self._down[service] = reason
            self.events.notice(f"{service} {reason}; using {instead}")

    def _record(self, symbol: str) -> _Record:
        """The library's record of ``symbol``; none (with the reason) where it has none or will not say."""
        if LIBRARY in self._down:
            return _Record(None, f"{LIBRARY} was not asked again (it {self._down[LIBRARY]})")
        url = self.services.search_url(symbol)
        try:
            answer = self._get(LIBRARY, url, f"{ODS} for the files")
        except DeadlineError:
            raise
        except FetchError as error:
            self._take_out(LIBRARY, f"cannot be reached ({error})", f"{ODS} for the files")
            return _Record(None, f"{LIBRARY}: {error}")
        if answer is None:
            self._take_out(LIBRARY, f"has no search at {url} (HTTP 404; check --library-url)", ODS)
            return _Record(None, f"{LIBRARY}'s search {url} answers 404")
        if isinstance(answer, Declined):
            if answer.kind == "empty":
                self._take_out(LIBRARY, f"{answer.reason} to a search", f"{ODS} for the files")
            return _Record(None, f"{LIBRARY} {answer.reason}")
        parsed = parse_search(answer.body, url)
        record = parsed.exact(symbol)
        if record is None:
            return _Record(None, _no_record(parsed))
        for problem in record.problems:
            self.events.warning(f"{symbol}: its Digital Library record {record.record}: {problem}")
        return _Record(record, None)

    def _voting(self, symbol: str) -> Vote | None:
        """The vote from the library's Voting Data record of ``symbol`` (791$a), where it answers."""
        if LIBRARY in self._down:
            return None
        url = self.services.voting_url(symbol)
        try:
            answer = self._get(LIBRARY, url, f"{XML} for the votes")
        except DeadlineError:
            raise
        except FetchError as error:
            self.events.warning(f"the vote on {symbol} is not read from {LIBRARY}: {error}")
            return None
        if not isinstance(answer, Answer):
            return None
        voting = parse_voting(answer.body, url, symbol)
        if voting is None:
            return None
        for problem in voting.problems:
            self.events.warning(f"{symbol}: its Voting Data record {voting.record}: {problem}")
        return voting.vote

    def _extract(self, symbol: str) -> unxml.Extract | None:
        """``data_extract``'s entry for ``symbol``, the session's file asked for once a run."""
        path = unxml.extract_path(symbol)
        if path is None or XML in self._down:
            return None
        if path not in self._extracts:
            url = self.services.xml_url(path)
            try:
                answer = self._get(XML, url, "the other sources")
            except DeadlineError:
                raise
            except FetchError as error:
                self.events.warning(f"{url} is not read: {error}")
                answer = None
            self._extracts[path] = parse_extract_answer(answer)
        entries = self._extracts[path]
        return entries.get(symbol) if entries is not None else None

    def _drafts(self, symbol: str, record: LibraryRecord | None, got: Fetched | None) -> list[str]:
        """The drafts of ``symbol``: the record's 993, the XML's workflow, ``data_extract``'s origin."""
        found: list[str] = list(record.drafts) if record is not None else []
        if got is not None and got.xml:
            found += unxml.drafts_in(got.data)
        extract = self._extract(symbol) if not found else None
        if extract is not None:
            found += extract.drafts
        if not found and record is None and symbol.startswith("A/RES/"):
            self.events.warning(
                f"the drafts of {symbol} are not known: {LIBRARY} gave no record of it and no AKN4UN XML "
                "names them"
            )
        return list(dict.fromkeys(found))

    # --- the files -------------------------------------------------------------------------------

    def _fetch(self, symbol: str, found: _Record, required: bool) -> Fetched | None:
        """The text of ``symbol`` from the first source that has a good file; None (warned about) when
        none has one and ``required`` is false."""
        reasons: list[str] = [found.reason] if found.reason else []
        record = found.record
        pdf: Fetched | None = None
        got: Fetched | None = None
        pdf_asked = False
        if self.origin != "pdf" and unxml.extract_path(symbol) is not None:
            job = record.job if record is not None else None
            if job is None and unxml.needs_job(symbol) and self.origin == "auto":
                pdf, pdf_asked = self._pdf(symbol, record, reasons), True
                job = _front_page_job(pdf.data) if pdf is not None else None
            xml = self._xml(symbol, record, job)
            if isinstance(xml, Fetched):
                got = xml
            else:
                reasons.append(xml.reason)
                if pdf is not None and not xml.absent:
                    self.events.warning(f"{symbol}: {xml.reason}; the PDF is taken instead")
        elif self.origin == "xml":
            reasons.append(f"{XML} has resolutions of sessions {unxml.SESSIONS[0]}-{unxml.SESSIONS[-1]} only")
        if got is None and self.origin != "xml":
            got = pdf if pdf_asked else self._pdf(symbol, record, reasons)
        if got is None:
            language = LANGUAGES[self.language]
            found_words = "; ".join(reasons)
            if required:
                hint = "check the symbol and --lang" + (
                    f" (and --from {self.origin})" if self.origin != "auto" else ""
                )
                raise FetchError(f"cannot fetch {symbol}: {found_words}; {hint}")
            self.events.warning(
                f"{symbol} is not available in {language}, so it is not fetched: {found_words}"
            )
            return None
        return self._with_vote(symbol, record, got)

    def _with_vote(self, symbol: str, record: LibraryRecord | None, got: Fetched) -> Fetched:
        """The text with the best vote known: the Voting Data record's, the XML's own, ``data_extract``'s,
        the resolution record's 996."""
        resolution = got.normalized.resolution
        vote: Vote | None = None
        if DRAFT_MARK not in symbol:
            vote = self._voting(symbol) or resolution.vote
            if vote is None and (extract := self._extract(symbol)) is not None:
                vote = extract.vote
        if vote is None and record is not None:
            vote = record.vote
        resolution = replace(resolution, vote=vote)
        return replace(got, normalized=Normalized(resolution, got.normalized.warnings))

    def _pdf(self, symbol: str, record: LibraryRecord | None, reasons: list[str]) -> Fetched | None:
        """The PDF of ``symbol``: ODS by symbol, the record's file, undocs.org; the misses in ``reasons``."""
        sources: list[tuple[str, str, bool]] = []  # (name, URL, asked by symbol)
        if ODS not in self._down:
            sources.append((ODS, self.services.ods_url(symbol, self.language), True))
        if record is not None:
            file = record.file_in(self.language)
            if file is None:
                reasons.append(
                    f"its Digital Library record {record.record} has no file in {LANGUAGES[self.language]}"
                )
            elif LIBRARY not in self._down:
                sources.append(("the Digital Library file", file.url, False))
        if UNDOCS not in self._down:
            sources.append((UNDOCS, self.services.undocs_url(symbol, self.language), True))
        for index, (name, url, by_symbol) in enumerate(sources):
            service = name if by_symbol else LIBRARY
            outcome = self._from(symbol, url, record, service=service, xml=False)
            if isinstance(outcome, Fetched):
                return outcome
            reasons.append(f"{name} {url}: {outcome.reason}")
            later = sources[index + 1 :]
            if outcome.declined in ("empty", "elsewhere") and later:  # a challenge or 403 is said once a run
                self.events.notice(f"{name} {outcome.reason} for {symbol}; trying {later[0][0]}")
        return None

    def _xml(self, symbol: str, record: LibraryRecord | None, job: str | None) -> Fetched | _Miss:
        path = unxml.file_path(symbol, self.language, job)
        if path is None:
            return _Miss(
                f"{XML}: its file cannot be named without its job number, which no source gave", True
            )
        if XML in self._down:
            return _Miss(f"{XML} was not asked again (it {self._down[XML]})", True)
        url = self.services.xml_url(path)
        outcome = self._from(symbol, url, record, service=XML, xml=True)
        if isinstance(outcome, _Miss):
            return _Miss(f"{XML} {url}: {outcome.reason}", outcome.absent)
        return outcome

    def _from(
        self, symbol: str, url: str, record: LibraryRecord | None, *, service: str, xml: bool
    ) -> Fetched | _Miss:
        """The text one URL gives for ``symbol``, or why it gives none; kept in the cache only once it
        passed every check."""
        file = self.cache.get(url)
        cached = file is not None
        if file is None:
            instead = "the next source"
            try:
                answer = self._get(service, url, instead)
            except DeadlineError:
                raise
            except FetchError as error:
                return _Miss(str(error), absent=False)
            if answer is None:
                return _Miss("no such file (HTTP 404)", absent=True)
            if isinstance(answer, Declined):
                return _Miss(answer.reason, absent=answer.kind != "elsewhere", declined=answer.kind)
            problem = _not_xml(answer.body) if xml else _not_a_pdf(answer.content_type, answer.body)
            if problem is not None:
                # a service asked by symbol answers a page of its own when it has no file (a cut PDF: broken)
                return _Miss(problem, absent=not answer.body.startswith(b"%PDF-"))
            file = CachedFile(url=answer.url, data=answer.body, retrieved=_today())
        name = _file_name(file.url, symbol, self.language, "xml" if xml else "pdf")
        try:
            normalized = normalize_bytes(file.data, name)
        except InputError as error:
            return _Miss(f"does not read as a resolution ({error})", absent=False)
        resolution = normalized.resolution
        if resolution.symbol is None and not xml and _front_page_names(file.data, symbol):
            # a body heading without its number (A/RES/79/9): the front page's masthead names the text
            title = resolution.title or (record.title if record is not None else None)
            resolution = replace(resolution, symbol=symbol, session=session_of(symbol), title=title)
        if resolution.symbol is None:
            return _Miss(f"no symbol was read in it, so it cannot be told to be {symbol}", absent=False)
        if resolution.symbol != symbol:
            return _Miss(f"it holds {resolution.symbol}, not {symbol}", absent=False)
        if resolution.source is None:
            return _Miss("it was read as a text of the corpus's own format, not a UN document", absent=False)
        source = replace(
            resolution.source,
            url=urllib.parse.quote(file.url, safe=_URL_SAFE),
            record=record.record if record is not None else None,
            language=self.language,
            retrieved=file.retrieved,
        )
        resolution = replace(resolution, source=source)
        if not cached:
            self._keep(url, file)
        return Fetched(symbol, file.url, Normalized(resolution, normalized.warnings), cached, file.data, xml)

    def _keep(self, url: str, file: CachedFile) -> None:
        try:
            self.cache.put(url, file)
        except OSError as error:
            self.events.warning(
                f"cannot keep {url} in the cache {self.cache.root} ({error.strerror or error}); "
                "it will be downloaded again next time (RESDIFF_CACHE sets the cache folder)"
            )


def parse_extract_answer(answer: Answer | Declined | None) -> dict[str, unxml.Extract] | None:
    return unxml.parse_extract(answer.body) if isinstance(answer, Answer) else None


def _no_record(answer: SearchAnswer) -> str:
    unread = (answer.total or 0) > len(answer.records)
    page = f" among the first {len(answer.records)} of the {answer.total} its search found" if unread else ""
    return f"the Digital Library has no record of it{page}"


def _front_page(data: bytes) -> str:
    """The characters of a PDF's front page, run together ("" where it does not read)."""
    from .readers import UnreadableError, pdf

    try:
        page = next(pdf.pages(data), None)
    except UnreadableError:
        return ""
    return "".join(glyph.char for glyph in page.glyphs) if page is not None else ""


def _front_page_job(data: bytes) -> str | None:
    """The job number at the foot of a PDF's front page (``25-19990 (E)``), where it reads."""
    return unxml.job_in(_front_page(data))


def _front_page_names(data: bytes, symbol: str) -> bool:
    """Whether a PDF's front page names ``symbol`` itself (not 79/90, nor a corrigendum, for 79/9)."""
    return re.search(re.escape(symbol) + r"(?![0-9]|/(?:Corr|Add|Rev)\.)", _front_page(data)) is not None


def _not_a_pdf(content_type: str, data: bytes) -> str | None:
    """Why an answer is not a whole PDF file, or None when it is one."""
    if content_type not in _PDF_TYPES:
        return f"an answer of type {content_type}, not a PDF"
    if not data.startswith(b"%PDF-"):
        return "not a PDF (it does not start with %PDF-)"
    if b"%%EOF" not in data[-1024:]:
        return "a PDF cut short (no %%EOF at its end)"
    return None


def _not_xml(data: bytes) -> str | None:
    """Why an answer is not an XML file (GitHub serves raw files as text/plain: the bytes tell)."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "not an XML file (it does not start with <)"
    return None


def _file_name(url: str, symbol: str, language: str, kind: str) -> str:
    """The name the file goes by: the URL's last part when it names such a file and is one plain line
    (``%0A`` in a URL is a line break once unquoted), else one made from the symbol."""
    name = urllib.parse.unquote(urllib.parse.urlsplit(url).path.rpartition("/")[2])
    if (
        name.lower().endswith(f".{kind}")
        and not _NAME_UNSAFE_RE.search(name.replace(" ", ""))
        and not (UNSAFE_RE.search(name))
    ):
        return name
    return f"{symbol.replace('/', '_').replace(' ', '_')}-{language.upper()}.{kind}"


def _today() -> str:
    return datetime.now(timezone.utc).date().isoformat()
