"""``resdiff fetch``: download resolutions from the UN document services into the corpus.

The network code (``resdiff.fetch``, urllib) is imported inside the command, so that registering the
command costs every other command nothing.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

import click

from . import main
from ._common import corpus_option
from .corpus_commands import commit_and_report

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

    from ..fetch import Fetched

# the --lang codes (resdiff.library.LANGUAGES, not imported here: it is fetch's alone)
LANGUAGE_CODES = ("en", "fr", "es", "ar", "zh", "ru")


@main.command("fetch", short_help="Download resolutions from the UN and add them to the corpus.")
@click.argument("symbols", nargs=-1, required=True)
@click.option("--lang", "language", type=click.Choice(LANGUAGE_CODES), default="en", show_default=True)
@click.option(
    "--with-predecessors",
    is_flag=True,
    help="Also fetch the earlier texts of the series that the corpus lacks (those the texts recite).",
)
@click.option(
    "--drafts",
    is_flag=True,
    help="Also fetch the drafts (A/C.1/80/L.52) the library record or the UN's XML names.",
)
@click.option("--series", help="Series for new texts (default: the one they cite, or share a title with).")
@click.option("-m", "--message", help="Commit message (the symbols are listed below it).")
@click.option(
    "--library-url",
    envvar="RESDIFF_LIBRARY_URL",
    default="https://digitallibrary.un.org",
    show_default=True,
    help="The UN Digital Library (or a mirror); also RESDIFF_LIBRARY_URL.",
)
@click.option(
    "--ods-url",
    envvar="RESDIFF_ODS_URL",
    default="https://documents.un.org",
    show_default=True,
    help="The Official Document System, asked first for a PDF by symbol; also RESDIFF_ODS_URL.",
)
@click.option(
    "--undocs-url",
    envvar="RESDIFF_UNDOCS_URL",
    default="https://undocs.org",
    show_default=True,
    help="undocs.org, asked last; also RESDIFF_UNDOCS_URL.",
)
@click.option(
    "--xml-url",
    envvar="RESDIFF_XML_URL",
    default="https://raw.githubusercontent.com/UNxml/GAresolutions/main",
    show_default=True,
    help="The UN's AKN4UN XML of GA resolutions (DGACM, on GitHub), raw files; also RESDIFF_XML_URL.",
)
@click.option(
    "--from",
    "origin",
    type=click.Choice(("auto", "xml", "pdf")),
    default="auto",
    show_default=True,
    help="Which file to read: the UN's XML where it has the text, else the PDF (auto); only one of them.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Every predecessor and draft is required: one that cannot be fetched fails the whole fetch.",
)
@click.option(
    "--deadline",
    envvar="RESDIFF_FETCH_DEADLINE",
    type=click.FloatRange(min=0, min_open=True),
    default=300.0,
    show_default=True,
    help="Seconds the whole fetch may take, waits for a busy service included; also RESDIFF_FETCH_DEADLINE.",
)
@click.option(
    "--pace",
    envvar="RESDIFF_FETCH_PACE",
    type=click.FloatRange(min=0),
    default=1.0,
    show_default=True,
    help="Seconds between two requests, and the first retry's wait (0 only for a local mirror).",
)
@click.option(
    "--timeout",
    envvar="RESDIFF_FETCH_TIMEOUT",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds to wait for a server to connect (at most 10) and for each read; 4x for a whole answer.",
)
@click.option(
    "--wait-scale",
    envvar="RESDIFF_FETCH_WAIT_SCALE",
    type=click.FloatRange(min=0),
    default=1.0,
    hidden=True,  # the tests' setting: every wait (pace, backoff, Retry-After) times this
)
@corpus_option
def fetch_command(
    symbols: tuple[str, ...],
    language: str,
    with_predecessors: bool,
    drafts: bool,
    series: str | None,
    message: str | None,
    library_url: str,
    ods_url: str,
    undocs_url: str,
    xml_url: str,
    origin: str,
    strict: bool,
    deadline: float,
    pace: float,
    timeout: float,
    wait_scale: float,
    corpus_path: str | None,
) -> None:
    """Download SYMBOLS from the UN, normalize them and add them to the corpus, in one commit.

    A SYMBOL is written as you would cite it: 71/45, A/RES/71/45, A/C.1/80/L.52. The record
    (title, drafts, the vote with each State's) comes from the UN Digital Library; the text from
    the UN's AKN4UN XML (DGACM) where it has it (sessions 75-80), else the PDF from the Official
    Document System, the library or undocs.org. A service that asks for a browser check or
    refuses is said once and passed over. Each text keeps where it came from (record, file URL,
    language, date, SHA-256) and the recorded vote. Texts the corpus holds are not fetched again.

    All or nothing: if any SYMBOL cannot be fetched (offline, unknown, a server misbehaving),
    nothing is added. A predecessor or draft that no source has or that cannot be read is a
    warning (--strict: an error). Files are cached for good once they passed every check
    (RESDIFF_CACHE sets where).

    \b
    Examples:
      resdiff fetch 71/45 --with-predecessors
      resdiff fetch 80/52 --with-predecessors --drafts
      resdiff fetch 79/58 --from pdf --lang fr
    """
    from ..corpus import Incoming, add_texts, require_corpus
    from ..fetch import Fetcher, Services, parse_symbols
    from ..refs import short_symbol

    wanted = parse_symbols(symbols)
    corpus = require_corpus(corpus_path)
    services = Services(library=library_url, ods=ods_url, undocs=undocs_url, xml=xml_url)
    with _Reporter(sys.stderr) as reporter:
        fetcher = Fetcher(
            corpus,
            reporter,
            services=services,
            language=language,
            pace=pace,
            timeout=timeout,
            deadline=deadline,
            origin=origin,
            strict=strict,
            wait_scale=wait_scale,
        )
        result = fetcher.run(wanted, predecessors=with_predecessors, drafts=drafts)
    if result.present:
        present = ", ".join(result.present)
        click.echo(f"resdiff: already in the corpus, not fetched again: {present}", err=True)
    if not result.fetched:
        click.echo("resdiff: nothing to add", err=True)
        return
    texts = [Incoming(f.normalized.resolution, f.url, f.data, f.normalized.warnings) for f in result.fetched]
    names = ", ".join(short_symbol(f.symbol) for f in result.fetched)
    message = message or f"resdiff: fetch {names} from the UN document services"
    commit_and_report(lambda: add_texts(corpus, texts, series=series, message=message))


class _Reporter:
    """What a fetch tells, on stderr; a progress bar while several documents come, on a terminal only."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.terminal = stream.isatty()
        self.bar: ProgressBar[int] | None = None

    def __enter__(self) -> _Reporter:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.render_finish()

    def _say(self, line: str) -> None:
        if self.bar is not None:  # over the bar's line; the bar is drawn again at the next step
            self.stream.write("\r\x1b[K")
        click.echo(line, file=self.stream)

    def retrying(self, message: str) -> None:
        self._say(f"resdiff: {message}")

    def waiting(self, seconds: float, reason: str) -> None:
        """The wait, on the bar's label until the next step draws it again."""
        if self.bar is not None:
            self.bar.label = f"fetching (waiting {seconds:g} s: {reason})"
            self.bar.render_progress()

    def notice(self, message: str) -> None:
        self._say(f"resdiff: {message}")

    def warning(self, message: str) -> None:
        self._say(f"resdiff: warning: {message}")

    def fetched(self, fetched: Fetched) -> None:
        source = fetched.normalized.resolution.source
        record = f"record {source.record}, " if source is not None and source.record else ""
        whence = "from the cache" if fetched.cached else fetched.url
        xml = "source: United Nations (DGACM), AKN4UN XML, " if fetched.xml else ""
        self._say(f"resdiff: fetched {fetched.symbol} ({xml}{record}{whence})")

    def progress(self, done: int, total: int) -> None:
        if not self.terminal or total < 2:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="fetching", file=self.stream, show_pos=True)
        self.bar.length = total
        self.bar.label = "fetching"
        self.bar.update(done - self.bar.pos)
