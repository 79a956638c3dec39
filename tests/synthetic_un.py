"""A SYNTHETIC imitation of the UN document services, for testing ``resdiff fetch`` without the internet.

``FakeUN`` is a local HTTP server (127.0.0.1, a free port, stdlib ``http.server`` in a thread) that
answers like the UN Digital Library search (MARCXML built here, from ``MarcRecord``s), serves files, and
stands in for the Official Document System and undocs.org. It also misbehaves on demand: 202 with an
empty body, 429 with Retry-After, 5xx, a hang, an HTML page instead of a PDF, a connection cut mid-file.

Everything here is synthetic: the MARCXML records (ids, vote figures, related documents) are made up
by the tests, and ``synthetic_pdf``/``synthetic_draft_pdf`` write one-page PDFs (with the team's
``synthetic_pdf.synthetic_un_pdf``) whose text says "synthetic" in its title and clauses. The only real
documents served are the UN's own PDFs from ../shared, read in place.
"""

from __future__ import annotations

import contextlib
import textwrap
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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


def pdf_reply(data: bytes) -> Reply:
    return Reply(body=data, content_type="application/pdf")


@dataclass(frozen=True)
class MarcRecord:
    """A SYNTHETIC library record: the fields ``resdiff fetch`` reads, with made-up values."""

    record: str
    symbol: str
    title: str
    files: tuple[tuple[str, str], ...] = ()  # (URL, language as 856$y spells it)
    vote: tuple[tuple[str, int], ...] = ()  # (996 subfield code, count)
    related: tuple[str, ...] = ()  # 993$a

    def xml(self) -> str:
        def datafield(tag: str, subfields: list[tuple[str, str]]) -> str:
            inner = "".join(f'<subfield code="{c}">{escape(v)}</subfield>' for c, v in subfields)
            return f'<datafield tag="{tag}" ind1=" " ind2=" ">{inner}</datafield>'

        parts = [f'<controlfield tag="001">{escape(self.record)}</controlfield>']
        parts.append(datafield("191", [("a", self.symbol), ("b", "A/")]))
        parts.append(datafield("245", [("a", f"{self.title} :"), ("b", "resolution /")]))
        parts.append(datafield("269", [("a", "2035-12-01")]))
        parts += [datafield("856", [("u", url), ("y", language)]) for url, language in self.files]
        parts += [datafield("993", [("a", symbol)]) for symbol in self.related]
        if self.vote:
            parts.append(datafield("996", [(code, str(count)) for code, count in self.vote]))
        return f"<record>{''.join(parts)}</record>"


def marcxml(records: list[MarcRecord], total: int | None = None) -> bytes:
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
    """The fake services; ``url`` is the library, ``url + '/ods'`` the ODS, ``url + '/undocs'`` undocs.org."""

    url: str = ""
    routes: dict[str, list[Reply]] = field(default_factory=dict)  # path?query -> replies (the last repeats)
    searches: dict[str, list[Reply]] = field(default_factory=dict)  # symbol -> replies
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path?query, User-Agent)
    release: threading.Event = field(default_factory=threading.Event)

    def record(self, *records: MarcRecord, symbol: str | None = None, total: int | None = None) -> None:
        """What searching for ``symbol`` (by default the last record's) answers."""
        symbol = symbol or records[-1].symbol
        self.searches[symbol] = [Reply(body=marcxml(list(records), total), content_type="application/xml")]

    def serve(self, path: str, *replies: Reply) -> str:
        """Answer ``path`` with these replies in turn (the last one again and again); its full URL."""
        self.routes[path] = list(replies)
        return self.url + path

    def searched(self) -> list[str]:
        """The symbols asked of the search, in order."""
        found = []
        for path, _ in self.requests:
            parsed = urllib.parse.urlsplit(path)
            if parsed.path == "/search":
                query = urllib.parse.parse_qs(parsed.query)["p"][0]
                found.append(query.removeprefix('191__a:"').removesuffix('"'))
        return found

    def asked(self, path: str) -> bool:
        return any(p == path for p, _ in self.requests)

    def reply_to(self, path: str) -> Reply:
        parsed = urllib.parse.urlsplit(path)
        if parsed.path == "/search":
            query = urllib.parse.parse_qs(parsed.query)
            symbol = query["p"][0].removeprefix('191__a:"').removesuffix('"')
            replies = self.searches.setdefault(
                symbol, [Reply(body=marcxml([]), content_type="application/xml")]
            )
        else:
            replies = self.routes.get(path, [Reply(status=404, body=b"not found", content_type="text/plain")])
        return replies.pop(0) if len(replies) > 1 else replies[0]


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
