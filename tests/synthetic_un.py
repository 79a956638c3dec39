"""A SYNTHETIC imitation of the UN document services, for testing ``resdiff fetch`` without the internet.

``FakeUN`` is a local HTTP server (127.0.0.1, a free port, stdlib ``http.server`` in a thread) that
answers like the UN Digital Library search (MARCXML built here, from ``MarcRecord``s, laid out as a
real answer is: the total in a comment, records with 029 job numbers, 191, 245, 856 and 993 fields),
its Voting Data records (``VotingRecord``, found by 791$a), serves files, and stands in for the
Official Document System, undocs.org and GitHub's raw file server for the UN's AKN4UN XML (the real
files of ../shared/data/akn, read in place). It behaves as public evidence shows the real services do:

* the library can challenge every request as AWS WAF does (``challenge_library``): 202, the header
  ``x-amzn-waf-action: challenge``, an empty body (UN-EOSG-Analytics/undifferent met it in 2026);
* ODS answers a symbol it lacks with 200 and an empty body (as reported for documents.un.org);
* and misbehaves on demand: 202 with an empty body, 429 with or without Retry-After, 5xx, a hang, a
  slow drip of one byte at a time, an HTML page instead of a PDF, a connection cut mid-file.

Everything here is synthetic: the MARCXML records (ids, vote figures, related documents) are made up
by the tests, and ``synthetic_pdf``/``synthetic_draft_pdf`` write one-page PDFs (with the team's
``synthetic_pdf.synthetic_un_pdf``) whose text says "synthetic" in its title and clauses. The only real
documents served are the UN's own PDFs from ../shared, read in place.
"""

from __future__ import annotations

import contextlib
import textwrap
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

from synthetic_pdf import synthetic_un_pdf

SYNTHETIC_TITLE = "Synthetic cooperation on widget safety"
HANG_LIMIT = 20.0  # seconds a hanging answer waits at most, should a test forget to end it


@dataclass(frozen=True)
class Reply:
    """One answer of the fake server."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/pdf"
    headers: tuple[tuple[str, str], ...] = ()
    hang: bool = False  # send nothing (not even a status line) until the test ends
    hang_after_headers: bool = False  # send the status line and headers, then nothing
    cut: bool = False  # announce the whole body's length, send half of it, close the connection
    unannounced: bool = False  # no Content-Length: the body ends when the connection closes
    drip: float = 0.0  # send the body one byte at a time, this many seconds apart


WAF_CHALLENGE = Reply(
    status=202, body=b"", content_type="text/html", headers=(("x-amzn-waf-action", "challenge"),)
)
ODS_NOTHING = Reply(status=200, body=b"", content_type="text/html")  # what ODS answers for a symbol it lacks


def pdf_reply(data: bytes) -> Reply:
    return Reply(body=data, content_type="application/pdf")


@dataclass(frozen=True)
class MarcRecord:
    """A SYNTHETIC library record: the fields ``resdiff fetch`` reads, with made-up values."""

    record: str
    symbol: str
    title: str
    files: tuple[tuple[str, str], ...] = ()  # (URL, language as 856$y spells it)
    vote: tuple[tuple[str, int | str], ...] = ()  # (996 subfield code, count)
    related: tuple[str, ...] = ()  # 993$a
    job: str | None = None  # 029$b, as the library writes it: "N2519990 E"

    def xml(self) -> str:
        parts = [f'<controlfield tag="001">{escape(self.record)}</controlfield>']
        if self.job is not None:
            parts.append(_datafield("029", [("a", "JN"), ("b", self.job)]))
        datafield = _datafield
        parts.append(datafield("191", [("a", self.symbol), ("b", "A/")]))
        parts.append(datafield("245", [("a", f"{self.title} :"), ("b", "resolution /")]))
        parts.append(datafield("269", [("a", "2035-12-01")]))
        parts += [datafield("856", [("u", url), ("y", language)]) for url, language in self.files]
        parts += [datafield("993", [("a", symbol)]) for symbol in self.related]
        if self.vote:
            parts.append(datafield("996", [(code, str(count)) for code, count in self.vote]))
        return f"<record>{''.join(parts)}</record>"


def _datafield(tag: str, subfields: list[tuple[str, str]]) -> str:
    inner = "".join(f'<subfield code="{c}">{escape(v)}</subfield>' for c, v in subfields)
    return f'<datafield tag="{tag}" ind1=" " ind2=" ">{inner}</datafield>'


@dataclass(frozen=True)
class VotingRecord:
    """A SYNTHETIC "Voting Data" record, laid out as the library's are (dag-hammarskjold-library's
    votesheet-marc): 089$b B23, 791$a the resolution, 996 the figures, one 967 per Member State ($a its
    place, $e its name, $d Y/N/A or none when it did not vote); the States' votes are made up."""

    record: str
    symbol: str
    voters: tuple[tuple[str, str], ...]  # (State, "Y" | "N" | "A" | "")

    def xml(self) -> str:
        marks = [mark for _, mark in self.voters]
        counts = [marks.count("Y"), marks.count("N"), marks.count("A"), marks.count(""), len(marks)]
        parts = [f'<controlfield tag="001">{escape(self.record)}</controlfield>']
        parts.append(_datafield("089", [("a", "Voting record"), ("b", "B23")]))
        parts.append(_datafield("245", [("a", "Synthetic voting record :")]))
        parts.append(_datafield("791", [("a", self.symbol), ("b", "A/"), ("c", self.symbol.split("/")[2])]))
        parts.append(_datafield("996", list(zip("bcdef", map(str, counts), strict=True))))
        for place, (state, mark) in enumerate(self.voters, 1):
            subfields = [("a", str(place)), ("c", state[:3])] + ([("d", mark)] if mark else [])
            parts.append(_datafield("967", [*subfields, ("e", state)]))
        return f"<record>{''.join(parts)}</record>"


def marcxml(records: list[MarcRecord] | list[VotingRecord], total: int | None = None) -> bytes:
    """A search answer as the library gives it: the total in a comment, then the collection."""
    count = len(records) if total is None else total
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<!-- Search-Engine-Total-Number-Of-Results: {count} -->\n"
        '<collection xmlns="http://www.loc.gov/MARC21/slim">'
        + "".join(r.xml() for r in records)
        + "</collection>\n"
    ).encode("utf-8")


def synthetic_pdf(
    short_symbol: str,
    *,
    title: str = SYNTHETIC_TITLE,
    adopted: str = "7 December 2035",
    recalls: str | None = None,
) -> bytes:
    """A one-page SYNTHETIC resolution laid out like the UN's (``synthetic_pdf.synthetic_un_pdf``),
    ``recalls`` the resolutions its first paragraph recites (``"88/47 of 4 December 2033"``)."""
    session = _ordinal(int(short_symbol.split("/")[0]))
    lines = [f"A/RES/{short_symbol}", "", f"{session} session", "Agenda item 99 (z)", ""]
    lines += [f"Resolution adopted by the General Assembly on {adopted}", ""]
    lines += [f"{short_symbol}. {title}", "", ">*The General Assembly,*", "", *_recital(recalls), ""]
    lines += [
        "1.|*Urges* all States to keep synthetic widgets safe;",
        "",
        ">44th plenary meeting",
        f">{adopted}",
    ]
    return synthetic_un_pdf([lines], symbol=f"A/RES/{short_symbol}", title=title)


def synthetic_draft_pdf(symbol: str, *, title: str = SYNTHETIC_TITLE, recalls: str | None = None) -> bytes:
    """A one-page SYNTHETIC First Committee draft (``A/C.1/90/L.99``) with its front page."""
    session = _ordinal(int(symbol.split("/")[2]))
    lines = [symbol, "", "Distr.: Limited", "15 October 2035", ""]
    lines += [f"{session} session", "First Committee", "Agenda item 99 (z)", ""]
    lines += [
        "Synthetica and Examplestan: draft resolution",
        "",
        f"={title}",
        "",
        ">*The General Assembly,*",
        "",
    ]
    lines += [*_recital(recalls), "", "1.|*Urges* all States to keep synthetic widgets safe;"]
    return synthetic_un_pdf([lines], symbol=symbol, title=title)


def _ordinal(number: int) -> str:
    """How a front page spells a session from the 20th to the 99th: ``Ninetieth``, ``Eighty-fifth``."""
    units = "first second third fourth fifth sixth seventh eighth ninth".split()
    tens = "twenty thirty forty fifty sixty seventy eighty ninety".split()[number // 10 - 2]
    word = tens.replace("y", "ieth") if number % 10 == 0 else f"{tens}-{units[number % 10 - 1]}"
    return word.capitalize()


def _recital(recalls: str | None) -> list[str]:
    """The first preambular paragraph, wrapped as a PDF sets it (the first line indented)."""
    if recalls is None:
        return [">*Noting* the synthetic widget reports,"]
    first, *rest = textwrap.wrap(f"*Recalling* its resolutions {recalls} on synthetic widget safety,", 95)
    return [f">{first}", *rest]


@dataclass
class FakeUN:
    """The fake services; ``url`` is the library, ``url + '/ods'`` the ODS, ``url + '/undocs'`` undocs.org,
    ``url + '/xml'`` the raw files of UNxml/GAresolutions (``raw_root``, a folder laid out as it is)."""

    url: str = ""
    routes: dict[str, list[Reply]] = field(default_factory=dict)  # path?query -> replies (the last repeats)
    searches: dict[str, list[Reply]] = field(default_factory=dict)  # symbol -> replies
    votings: dict[str, list[Reply]] = field(default_factory=dict)  # symbol (791$a) -> replies
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path?query, User-Agent)
    release: threading.Event = field(default_factory=threading.Event)
    challenge_library: bool = False  # every search and record path answers AWS WAF's challenge
    raw_root: Path | None = None

    def voting(self, record: VotingRecord) -> None:
        """What searching the Voting Data records for ``record.symbol`` (791$a) answers."""
        self.votings[record.symbol] = [Reply(body=marcxml([record]), content_type="application/xml")]

    def record(self, *records: MarcRecord, symbol: str | None = None, total: int | None = None) -> None:
        """What searching for ``symbol`` (by default the last record's) answers."""
        symbol = symbol or records[-1].symbol
        self.searches[symbol] = [Reply(body=marcxml(list(records), total), content_type="application/xml")]

    def serve(self, path: str, *replies: Reply) -> str:
        """Answer ``path`` with these replies in turn (the last one again and again); its full URL."""
        self.routes[path] = list(replies)
        return self.url + path

    def searched(self, field: str = "191__a") -> list[str]:
        """The symbols asked of the search (by 191$a, the documents; 791__a: the Voting Data), in order."""
        found = []
        for path, _ in self.requests:
            parsed = urllib.parse.urlsplit(path)
            if parsed.path == "/search":
                query = urllib.parse.parse_qs(parsed.query)["p"][0]
                if query.startswith(f'{field}:"'):
                    found.append(query.removeprefix(f'{field}:"').removesuffix('"'))
        return found

    def asked(self, path: str) -> bool:
        return any(p == path for p, _ in self.requests)

    def reply_to(self, path: str) -> Reply:
        parsed = urllib.parse.urlsplit(path)
        if self.challenge_library and parsed.path.startswith(("/search", "/record/")):
            return WAF_CHALLENGE
        if path in self.routes:
            replies = self.routes[path]
        elif parsed.path == "/search":
            query = urllib.parse.parse_qs(parsed.query)["p"][0]
            field, _, symbol = query.partition(":")
            store = self.votings if field == "791__a" else self.searches
            replies = store.setdefault(
                symbol.strip('"'), [Reply(body=marcxml([]), content_type="application/xml")]
            )
        elif parsed.path.startswith("/ods/"):
            replies = [ODS_NOTHING]
        elif parsed.path.startswith("/xml/"):
            replies = [self._raw(urllib.parse.unquote(parsed.path.removeprefix("/xml/")))]
        else:
            replies = [Reply(status=404, body=b"not found", content_type="text/plain")]
        return replies.pop(0) if len(replies) > 1 else replies[0]

    def _raw(self, path: str) -> Reply:
        """A file of the AKN4UN repository as GitHub's raw server gives it (text/plain), or its 404."""
        root = self.raw_root
        file = (root / path).resolve() if root is not None else None
        if root is None or file is None or not file.is_relative_to(root.resolve()) or not file.is_file():
            return Reply(status=404, body=b"404: Not Found", content_type="text/plain")
        return Reply(body=file.read_bytes(), content_type="text/plain")


@contextlib.contextmanager
def running(fake: FakeUN) -> Iterator[FakeUN]:
    """Serve ``fake`` on 127.0.0.1 for the time of a ``with`` block; hanging answers end with it."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            fake.requests.append((self.path, self.headers.get("User-Agent", "")))
            reply = fake.reply_to(self.path)
            if reply.hang:
                fake.release.wait(HANG_LIMIT)
                return
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            if not reply.unannounced:
                self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers:
                self.send_header(name, value)
            self.end_headers()
            if reply.hang_after_headers:
                self.wfile.flush()
                fake.release.wait(HANG_LIMIT)
                return
            if reply.drip:
                with contextlib.suppress(ConnectionError):  # the client gave up: as it should
                    for index in range(len(reply.body)):
                        if fake.release.is_set():
                            return
                        self.wfile.write(reply.body[index : index + 1])
                        self.wfile.flush()
                        time.sleep(reply.drip)
                return
            self.wfile.write(reply.body[: len(reply.body) // 2] if reply.cut else reply.body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests read ``fake.requests``."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        fake.release.set()
        server.shutdown()
        server.server_close()
        thread.join()
