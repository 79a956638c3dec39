"""HTTP for ``fetch``: one client that says who it is, paces its requests, retries what the UN services
ask to be retried, and bounds every wait and every answer. Only ``fetch`` imports it.

The standard library's urllib (redirects, proxies from the environment, TLS) with two handlers of
its own, so that connecting and reading each have their timeout: a server that accepts the
connection and then says nothing fails after the read timeout, not never. A server that sends a
byte every few seconds never trips a read timeout, so every request also has a total time (and the
run one of its own, ``Deadline``): a watchdog shuts the socket when it passes.

Only the hosts the services are configured with are asked (``ClientSettings.hosts``), redirects
included: a record naming a file elsewhere (another site, a private address) is declined, not fetched.
An answer that means "this service has nothing for us now" (an AWS WAF browser check, 403, an empty
200) is a ``Declined``, which ``fetch`` takes as the cue to ask the next source.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .errors import FetchError

# the Digital Library's API allows "Max 100 requests per 5 minutes" (its 429 answer says so): a 429
# without Retry-After is waited out over that window, and no Retry-After beyond it is honoured
RATE_WINDOW = 300.0
MAX_RETRY_AFTER = RATE_WINDOW
_CHUNK = 1 << 16
_DEFAULT_PORTS = {"http": 80, "https": 443}


class DeadlineError(FetchError):
    """The run's deadline (or one request's total time) passed: never a cue to try another source."""


class Deadline:
    """The end of a run, on the monotonic clock; ``seconds`` is what the user gave (``--deadline``)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        return float(self._end - time.monotonic())


def host_of(url: str) -> tuple[str, int] | None:
    """``(host, port)`` of an http(s) URL, the host in lower case; None when it names none."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    return parts.hostname.lower(), port or _DEFAULT_PORTS[parts.scheme]


def allowed_hosts(urls: Iterable[str]) -> frozenset[tuple[str, int]]:
    """The hosts of the services' configured addresses: the only ones resdiff asks."""
    return frozenset(h for h in map(host_of, urls) if h is not None)


@dataclass(frozen=True)
class ClientSettings:
    user_agent: str
    max_bytes: int  # the largest answer accepted
    pace: float = 1.0  # seconds between the starts of two requests; also the first retry's wait
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # for each read: a server that stops sending fails after this
    retries: int = 4  # tries after the first, each waiting twice as long as the one before
    request_time: float = 120.0  # the most one request may take, however steadily the server drips
    hosts: frozenset[tuple[str, int]] | None = None  # the only (host, port)s asked; None: any
    wait_scale: float = 1.0  # every wait times this (the tests' setting: never real minutes)
    rate_window: float = RATE_WINDOW


@dataclass(frozen=True)
class Answer:
    url: str  # where the body came from, after redirects
    content_type: str  # lower case, without parameters ("application/pdf")
    body: bytes


@dataclass(frozen=True)
class Declined:
    """A service that has nothing for us now: ``kind`` is ``challenge`` (an AWS WAF browser check),
    ``forbidden`` (403), ``empty`` (200 with nothing in it) or ``elsewhere`` (a host not asked)."""

    kind: str
    reason: str  # in words, for the user


@dataclass(frozen=True)
class _Retry:
    reason: str  # what the server answered ("HTTP 503 Service Unavailable")
    wait: float = 0.0  # what it asked for (Retry-After); the backoff may wait longer
    rate_limited: bool = False  # a 429 without Retry-After: the rate window is waited out


# AWS WAF answers a client it wants to check with 202 and this header ("challenge"; "captcha" with 405)
_WAF_HEADER = "x-amzn-waf-action"
_CHALLENGE = "asked for a browser check (an AWS WAF challenge)"


def _challenged(headers: Any) -> bool:
    action = str(headers.get(_WAF_HEADER) or "") if headers is not None else ""
    return action.strip().lower() in ("challenge", "captcha")


def _kind_of_host(name: str) -> str:
    """What a host is, for the message that refuses it (a private address is named as one)."""
    import ipaddress

    try:
        address = ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return "another site"
    if address.is_loopback:
        return "a loopback address"
    if address.is_private or address.is_link_local or address.is_reserved:
        return "a private address"
    return "another site"


class _Watchdog:
    """Shuts the sockets of one request when its time is up: a blocked read then ends at once."""

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def guard(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.fired:
                _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


class _Elsewhere(urllib.error.URLError):
    """A redirect to a host not asked (raised inside urllib, answered as a Declined)."""


class Client:
    """GET with pace, retries and limits; ``notify`` hears of every retry (the CLI prints it)."""

    def __init__(
        self,
        settings: ClientSettings,
        notify: Callable[[str], None],
        sleep: Callable[[float], None] = time.sleep,
        *,
        deadline: Deadline | None = None,
        on_wait: Callable[[float, str], None] | None = None,
    ) -> None:
        self.settings = settings
        self._notify = notify
        self._sleep = sleep
        self._deadline = deadline
        self._on_wait = on_wait  # (seconds, why): the CLI shows the wait on its progress bar
        self._last_start: float | None = None
        self._watch: list[_Watchdog] = []
        opened = self._opened
        self._opener = urllib.request.build_opener(
            _HTTPHandler(settings.read_timeout, opened),
            _HTTPSHandler(settings.read_timeout, opened),
            _NoFTPHandler(),
            _HostsRedirectHandler(self.foreign),
        )

    def _opened(self, sock: socket.socket) -> None:
        """A connection was made: the running request's watchdog shuts it when its time is up."""
        if self._watch:
            self._watch[-1].guard(sock)

    def get(self, url: str) -> Answer | Declined | None:
        """The answer to a GET; None when the server has no such document (404, 410); a Declined when
        the service will not answer us now (a browser check, 403, an empty 200, a host not asked).

        202 without a browser check or an empty body (no answer yet), 429 (too fast: its
        Retry-After is honoured, and without one the rate window is waited out) and 5xx are retried
        with backoff; any other trouble is a FetchError saying what it was."""
        if not url.startswith(("http://", "https://")):
            raise FetchError(f"refusing to get {url}: only http and https addresses are fetched")
        foreign = self.foreign(url)
        if foreign is not None:
            return foreign
        retries = self.settings.retries
        attempt = 0
        while True:
            outcome = self._try(url)
            if not isinstance(outcome, _Retry):
                return outcome
            if attempt == retries:
                raise FetchError(
                    f"{url} still answers {outcome.reason} after {retries + 1} tries; "
                    "the service may be overloaded: try again later"
                )
            wait = self._wait_for(outcome, attempt)
            attempt += 1
            self._check_deadline(url, wait, outcome.reason)
            self._notify(f"{url}: {outcome.reason}; retrying in {wait:g} s (retry {attempt} of {retries})")
            if self._on_wait is not None:
                self._on_wait(wait, outcome.reason)
            self._sleep(wait)

    def foreign(self, url: str) -> Declined | None:
        """A Declined when ``url`` is on a host the services are not configured with."""
        hosts = self.settings.hosts
        if hosts is None:
            return None
        if any(ord(c) < 0x21 or ord(c) == 0x7F for c in url):
            return Declined("elsewhere", "its address holds a space or a control character; not fetched")
        where = host_of(url)
        if where is not None and where in hosts:
            return None
        name = where[0] if where is not None else url
        return Declined("elsewhere", f"{name} is {_kind_of_host(name)}, not one of the UN hosts configured")

    def _wait_for(self, outcome: _Retry, attempt: int) -> float:
        """How long to wait before retry ``attempt + 1``: what the server asked, else the backoff from
        the pace; for a 429 without Retry-After, doubling shares of the rate window whose sum over all
        the retries is the whole window (20, 40, 80, 160 s for 300 s and 4 retries)."""
        settings = self.settings
        backoff = settings.pace * 2.0**attempt
        if outcome.rate_limited:
            share = settings.rate_window * 2.0**attempt / (2.0**settings.retries - 1)
            backoff = max(backoff, share)
        return max(outcome.wait, backoff) * settings.wait_scale

    def _check_deadline(self, url: str, wait: float, reason: str) -> None:
        if self._deadline is None or wait <= self._deadline.remaining():
            return
        raise DeadlineError(
            f"{url} answers {reason} and asks to wait {wait:g} s, past the fetch's deadline "
            f"(--deadline {self._deadline.seconds:g} s); try again later or give a longer --deadline"
        )

    def _try(self, url: str) -> Answer | Declined | _Retry | None:
        """One request: the answer, None for no such document, a Declined, or what to retry after how long."""
        self._keep_pace()
        limit = self.settings.request_time
        run = self._deadline.remaining() if self._deadline is not None else limit
        if run <= 0:
            raise DeadlineError(self._past_deadline(url))
        budget = min(limit, run)
        request = urllib.request.Request(url, headers={"User-Agent": self.settings.user_agent})
        watchdog = _Watchdog(budget)
        self._watch.append(watchdog)
        try:
            return self._answer(url, request, min(self.settings.connect_timeout, budget))
        except FetchError:
            if not watchdog.fired:
                raise
            if run <= limit and self._deadline is not None:
                raise DeadlineError(
                    f"{url} was still answering when the fetch's deadline passed (--deadline "
                    f"{self._deadline.seconds:g} s); try again later or give a longer --deadline"
                ) from None
            raise FetchError(
                f"{url} took more than {budget:g} s to answer (a server sending its answer a byte at a "
                "time?); try again later"
            ) from None
        finally:
            watchdog.cancel()
            self._watch.remove(watchdog)

    def _answer(
        self, url: str, request: urllib.request.Request, connect_timeout: float
    ) -> Answer | Declined | _Retry | None:
        try:
            with self._opener.open(request, timeout=connect_timeout) as response:
                if _challenged(response.headers):
                    return Declined("challenge", _CHALLENGE)
                body = self._read(url, response)
                if not body:
                    if response.status == 200:
                        return Declined("empty", "answered HTTP 200 with an empty body")
                    return _Retry(f"HTTP {response.status} with an empty body (no answer yet)")
                return Answer(response.geturl(), response.headers.get_content_type(), body)
        except urllib.error.HTTPError as error:
            error.close()
            if _challenged(error.headers):
                return Declined("challenge", _CHALLENGE)
            if error.code in (404, 410):
                return None
            if error.code == 403:
                return Declined("forbidden", "refused access (HTTP 403 Forbidden)")
            if error.code == 429:
                asked = error.headers.get("Retry-After")
                wait = _retry_after(asked)
                if wait > MAX_RETRY_AFTER:
                    raise FetchError(
                        f"{url} asks to wait {wait:g} s before asking again (HTTP 429 Too Many Requests); "
                        "try again later"
                    ) from None
                return _Retry("HTTP 429 Too Many Requests", wait, rate_limited=not (asked or "").strip())
            if error.code >= 500:
                return _Retry(f"HTTP {error.code} {error.reason}")
            raise FetchError(f"{url} answers HTTP {error.code} {error.reason}; check the address") from None
        except _Elsewhere as error:
            return Declined("elsewhere", f"it redirects to {error.reason}")
        except (OSError, http.client.HTTPException, ValueError) as error:
            raise FetchError(f"cannot get {url}: {_describe(error)}") from None

    def _past_deadline(self, url: str) -> str:
        seconds = self._deadline.seconds if self._deadline is not None else 0
        return (
            f"the fetch ran out of time (--deadline {seconds:g} s) before asking {url}; "
            "try again later or give a longer --deadline"
        )

    def _keep_pace(self) -> None:
        pace = self.settings.pace * self.settings.wait_scale
        now = time.monotonic()
        if self._last_start is not None and now - self._last_start < pace:
            self._sleep(pace - (now - self._last_start))
        self._last_start = time.monotonic()

    def _read(self, url: str, response: Any) -> bytes:
        """The body, refusing one larger than the cap before and while reading it."""
        limit = self.settings.max_bytes
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > limit:
            raise FetchError(_too_big(url, limit))
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise FetchError(_too_big(url, limit))
            chunks.append(chunk)
        data = b"".join(chunks)
        if length.isdigit() and size < int(length):  # http.client reads a cut-off body as a short one
            raise http.client.IncompleteRead(data, int(length) - size)
        return data


def _too_big(url: str, limit: int) -> str:
    return f"{url} is larger than the {limit / 1e6:g} MB any resolution needs; refusing it"


def _retry_after(value: str | None) -> float:
    """Retry-After in seconds: a number of seconds or an HTTP date (0 when absent or unreadable)."""
    if not value:
        return 0.0
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    return max(0.0, when.timestamp() - time.time())


def _describe(error: BaseException) -> str:
    """What went wrong, in words: urllib wraps the cause of a failed connection in URLError."""
    reason: Any = error.reason if isinstance(error, urllib.error.URLError) else error
    if isinstance(reason, str):  # said by resdiff itself (a redirect it refuses)
        return reason
    if isinstance(reason, TimeoutError):
        return "no answer in time (the server or the network hangs); check your connection and retry"
    if isinstance(reason, http.client.IncompleteRead):
        return "the connection broke off before the whole file came; retry"
    if isinstance(reason, http.client.RemoteDisconnected):
        return "the server closed the connection without answering; retry later"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused (is the address right, and the service up?)"
    if isinstance(reason, OSError) and reason.strerror:
        return f"{reason.strerror}; check your connection (offline?) and the address"
    return f"{reason or type(reason).__name__}; check your connection (offline?) and the address"


class _HTTPConnection(http.client.HTTPConnection):
    """Connects within the request's timeout, then gives every read its own (HTTP and HTTPS alike),
    and hands its socket to the request's watchdog."""

    def __init__(
        self, *args: Any, read_timeout: float, opened: Callable[[socket.socket], None], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.read_timeout = read_timeout
        self._opened = opened

    def connect(self) -> None:
        super().connect()
        self.sock.settimeout(self.read_timeout)
        self._opened(self.sock)


class _HTTPSConnection(_HTTPConnection, http.client.HTTPSConnection):
    """The same over TLS: ``connect`` reaches HTTPSConnection's (which wraps the socket), then sets the
    read timeout."""


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, read_timeout: float, opened: Callable[[socket.socket], None]) -> None:
        super().__init__()
        self._connection = functools.partial(_HTTPConnection, read_timeout=read_timeout, opened=opened)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req)


class _HostsRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to a host the services are configured with."""

    def __init__(self, foreign: Callable[[str], Declined | None]) -> None:
        super().__init__()
        self._foreign = foreign

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        target = urllib.parse.urljoin(req.full_url, newurl)
        declined = self._foreign(target) if target.startswith(("http://", "https://")) else None
        if declined is not None:
            raise _Elsewhere(f"{target}, and {declined.reason}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _NoFTPHandler(urllib.request.FTPHandler):
    """urllib follows redirects to ftp:// too; a document service has no business sending one there."""

    def ftp_open(self, req: urllib.request.Request) -> Any:
        raise urllib.error.URLError(f"a redirect to {req.full_url}, which is not http or https")


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, read_timeout: float, opened: Callable[[socket.socket], None]) -> None:
        super().__init__()
        self._connection = functools.partial(_HTTPSConnection, read_timeout=read_timeout, opened=opened)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req, context=self._context)  # type: ignore[attr-defined]
