"""HTTP for ``fetch``: one client that says who it is, paces its requests, retries what the UN services
ask to be retried, and bounds every wait and every answer. Only ``fetch`` imports it.

The standard library's urllib (redirects, proxies from the environment, TLS) with two handlers of
its own, so that connecting and reading each have their timeout: a server that accepts the
connection and then says nothing fails after the read timeout, not never.
"""

from __future__ import annotations

import email.utils
import functools
import http.client
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import FetchError

# the longest Retry-After honoured: a service asking for more is asked again another day
MAX_RETRY_AFTER = 120.0
_CHUNK = 1 << 16


@dataclass(frozen=True)
class ClientSettings:
    user_agent: str
    max_bytes: int  # the largest answer accepted
    pace: float = 1.0  # seconds between the starts of two requests; also the first retry's wait
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # for each read: a server that stops sending fails after this
    retries: int = 4  # tries after the first, each waiting twice as long as the one before


@dataclass(frozen=True)
class Answer:
    url: str  # where the body came from, after redirects
    content_type: str  # lower case, without parameters ("application/pdf")
    body: bytes


@dataclass(frozen=True)
class _Retry:
    reason: str  # what the server answered ("HTTP 503 Service Unavailable")
    wait: float = 0.0  # what it asked for (Retry-After); the backoff may wait longer


class Client:
    """GET with pace, retries and limits; ``notify`` hears of every retry (the CLI prints it)."""

    def __init__(
        self,
        settings: ClientSettings,
        notify: Callable[[str], None],
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self._notify = notify
        self._sleep = sleep
        self._last_start: float | None = None
        self._opener = urllib.request.build_opener(
            _HTTPHandler(settings.read_timeout), _HTTPSHandler(settings.read_timeout), _NoFTPHandler()
        )

    def get(self, url: str) -> Answer | None:
        """The answer to a GET; None when the server has no such document (404, 410).

        202 or an empty body (no answer yet), 429 (too fast: its Retry-After is honoured) and 5xx
        are retried with exponential backoff; any other trouble is a FetchError saying what it was."""
        if not url.startswith(("http://", "https://")):
            raise FetchError(f"refusing to get {url}: only http and https addresses are fetched")
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
            wait = max(outcome.wait, self.settings.pace * 2**attempt)
            attempt += 1
            self._notify(f"{url}: {outcome.reason}; retrying in {wait:g} s (retry {attempt} of {retries})")
            self._sleep(wait)

    def _try(self, url: str) -> Answer | _Retry | None:
        """One request: the answer, None for no such document, or what to retry after how long."""
        self._keep_pace()
        request = urllib.request.Request(url, headers={"User-Agent": self.settings.user_agent})
        try:
            with self._opener.open(request, timeout=self.settings.connect_timeout) as response:
                body = self._read(url, response)
                if not body:
                    return _Retry(f"HTTP {response.status} with an empty body (no answer yet)")
                return Answer(response.geturl(), response.headers.get_content_type(), body)
        except urllib.error.HTTPError as error:
            error.close()
            if error.code in (404, 410):
                return None
            if error.code == 429:
                wait = _retry_after(error.headers.get("Retry-After"))
                if wait > MAX_RETRY_AFTER:
                    raise FetchError(
                        f"{url} asks to wait {wait:g} s before asking again (HTTP 429 Too Many Requests); "
                        "try again later"
                    ) from None
                return _Retry("HTTP 429 Too Many Requests", wait)
            if error.code >= 500:
                return _Retry(f"HTTP {error.code} {error.reason}")
            raise FetchError(f"{url} answers HTTP {error.code} {error.reason}; check the address") from None
        except (OSError, http.client.HTTPException, ValueError) as error:
            raise FetchError(f"cannot get {url}: {_describe(error)}") from None

    def _keep_pace(self) -> None:
        now = time.monotonic()
        if self._last_start is not None and now - self._last_start < self.settings.pace:
            self._sleep(self.settings.pace - (now - self._last_start))
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
    """Connects within the request's timeout, then gives every read its own (HTTP and HTTPS alike)."""

    def __init__(self, *args: Any, read_timeout: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.read_timeout = read_timeout

    def connect(self) -> None:
        super().connect()
        self.sock.settimeout(self.read_timeout)


class _HTTPSConnection(_HTTPConnection, http.client.HTTPSConnection):
    """The same over TLS: ``connect`` reaches HTTPSConnection's (which wraps the socket), then sets the
    read timeout."""


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, read_timeout: float) -> None:
        super().__init__()
        self._connection = functools.partial(_HTTPConnection, read_timeout=read_timeout)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req)


class _NoFTPHandler(urllib.request.FTPHandler):
    """urllib follows redirects to ftp:// too; a document service has no business sending one there."""

    def ftp_open(self, req: urllib.request.Request) -> Any:
        raise urllib.error.URLError(f"a redirect to {req.full_url}, which is not http or https")


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, read_timeout: float) -> None:
        super().__init__()
        self._connection = functools.partial(_HTTPSConnection, read_timeout=read_timeout)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req, context=self._context)  # type: ignore[attr-defined]
