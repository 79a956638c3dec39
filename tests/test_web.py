"""The HTTP client of ``fetch``: retries, Retry-After, backoff, pace, limits, identification, against
the local SYNTHETIC imitation of the UN services (``synthetic_un.FakeUN``). Waits are recorded, not timed."""

from __future__ import annotations

import email.utils
import re
import time
import urllib.parse
from collections.abc import Callable, Iterator

import pytest

from resdiff.errors import FetchError
from resdiff.web import (
    MAX_RETRY_AFTER,
    RATE_WINDOW,
    Answer,
    Client,
    ClientSettings,
    Deadline,
    DeadlineError,
    Declined,
    allowed_hosts,
)
from synthetic_un import ODS_NOTHING, WAF_CHALLENGE, FakeUN, Reply, running

BODY = b"synthetic body"


@pytest.fixture
def un() -> Iterator[FakeUN]:
    with running(FakeUN()) as fake:
        yield fake


def make_client(
    pace: float = 0.0, max_bytes: int = 1000, sleep: Callable[[float], None] | None = None
) -> tuple[Client, list[str], list[float]]:
    """A client whose retry notes and waits are recorded (and, without ``sleep``, not waited)."""
    notes: list[str] = []
    waits: list[float] = []

    def record(seconds: float) -> None:
        waits.append(seconds)
        if sleep is not None:
            sleep(seconds)

    settings = ClientSettings(
        user_agent="resdiff/test", max_bytes=max_bytes, pace=pace, connect_timeout=2.0, read_timeout=0.5
    )
    return Client(settings, notes.append, sleep=record), notes, waits


def ok(body: bytes = BODY) -> Reply:
    return Reply(body=body, content_type="text/plain")


def test_an_answer_carries_its_body_type_and_url_and_the_client_says_who_it_is(un: FakeUN) -> None:
    url = un.serve("/a", Reply(body=BODY, content_type="application/pdf", headers=(("X-Synthetic", "1"),)))
    client, notes, waits = make_client()
    assert client.get(url) == Answer(url=url, content_type="application/pdf", body=BODY)
    assert un.requests == [("/a", "resdiff/test")]
    assert notes == [] and waits == []


def test_no_such_document_is_none(un: FakeUN) -> None:
    client, _, _ = make_client()
    assert client.get(un.url + "/missing") is None
    assert client.get(un.serve("/gone", Reply(status=410, content_type="text/plain"))) is None


def test_a_refusal_is_an_error_at_once(un: FakeUN) -> None:
    url = un.serve("/teapot", Reply(status=418, body=b"no", content_type="text/plain"))
    client, notes, _ = make_client()
    with pytest.raises(FetchError, match="answers HTTP 418 I'm a Teapot; check the address"):
        client.get(url)
    assert len(un.requests) == 1 and notes == []


def test_retry_after_in_seconds_is_honoured(un: FakeUN) -> None:
    url = un.serve(
        "/slow", Reply(status=429, content_type="text/plain", headers=(("Retry-After", "7"),)), ok()
    )
    client, notes, waits = make_client()
    assert client.get(url) is not None
    assert waits == [7.0]
    assert notes == [f"{url}: HTTP 429 Too Many Requests; retrying in 7 s (retry 1 of 4)"]


def test_retry_after_as_a_date_is_honoured(un: FakeUN) -> None:
    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    url = un.serve(
        "/slow", Reply(status=429, content_type="text/plain", headers=(("Retry-After", later),)), ok()
    )
    client, _, waits = make_client()
    assert client.get(url) is not None
    assert len(waits) == 1 and 0 < waits[0] <= 30


def test_a_retry_after_too_long_to_wait_for_is_an_error(un: FakeUN) -> None:
    asked = str(int(MAX_RETRY_AFTER) + 1)
    url = un.serve("/slow", Reply(status=429, content_type="text/plain", headers=(("Retry-After", asked),)))
    client, _, waits = make_client()
    with pytest.raises(FetchError, match=f"asks to wait {asked} s before asking again"):
        client.get(url)
    assert waits == []


def test_retries_back_off_exponentially_from_the_pace(un: FakeUN) -> None:
    busy = Reply(status=503, body=b"busy", content_type="text/plain")
    url = un.serve("/busy", busy, busy, busy, ok())
    client, notes, waits = make_client(pace=0.01, sleep=time.sleep)
    assert client.get(url) is not None
    assert waits == [0.01, 0.02, 0.04]  # each retry's wait; after them the pace needs no more
    assert [note.rsplit("(", 1)[1] for note in notes] == ["retry 1 of 4)", "retry 2 of 4)", "retry 3 of 4)"]


def test_an_empty_answer_is_no_answer_yet(un: FakeUN) -> None:
    url = un.serve("/later", Reply(status=202, content_type="application/xml"), ok())
    client, notes, _ = make_client()
    assert client.get(url) == Answer(url=url, content_type="text/plain", body=BODY)
    assert notes == [f"{url}: HTTP 202 with an empty body (no answer yet); retrying in 0 s (retry 1 of 4)"]


def test_requests_keep_the_pace(un: FakeUN) -> None:
    url = un.serve("/a", ok())
    client, _, waits = make_client(pace=0.05, sleep=time.sleep)
    client.get(url)
    assert waits == []  # the first request does not wait
    client.get(url)
    assert len(waits) == 1 and 0 < waits[0] <= 0.05


@pytest.mark.parametrize("announced", [True, False])
def test_an_answer_over_the_size_cap_is_refused(un: FakeUN, announced: bool) -> None:
    url = un.serve("/big", Reply(body=b"x" * 1001, content_type="application/pdf", unannounced=not announced))
    client, _, _ = make_client(max_bytes=1000)
    with pytest.raises(FetchError, match=re.escape("is larger than the 0.001 MB any resolution needs")):
        client.get(url)
    assert client.get(un.serve("/fits", ok(b"x" * 1000))) is not None


def test_a_silent_server_times_out(un: FakeUN) -> None:
    url = un.serve("/hang", Reply(body=BODY, hang_after_headers=True))
    client, _, _ = make_client()
    with pytest.raises(FetchError, match="no answer in time"):
        client.get(url)


def test_only_http_is_fetched(un: FakeUN) -> None:
    client, _, _ = make_client()
    with pytest.raises(FetchError, match="only http and https addresses are fetched"):
        client.get("file:///etc/passwd")
    ftp = un.serve("/to-ftp", Reply(status=302, headers=(("Location", "ftp://127.0.0.1:1/x"),)))
    with pytest.raises(
        FetchError, match=re.escape("a redirect to ftp://127.0.0.1:1/x, which is not http or https")
    ):
        client.get(ftp)


# --- what the real services answer: a browser check, a refusal, nothing, a rate limit, a drip ---------


def test_a_waf_challenge_is_declined_at_once_not_retried(un: FakeUN) -> None:
    """AWS WAF's challenge (202, ``x-amzn-waf-action: challenge``, empty body), as the Digital Library
    answered UN-EOSG-Analytics/undifferent's requests in 2026: no retry, the caller asks another source."""
    url = un.serve("/search", WAF_CHALLENGE)
    client, notes, waits = make_client()
    declined = client.get(url)
    assert isinstance(declined, Declined) and declined.kind == "challenge"
    assert "browser check" in declined.reason
    assert len(un.requests) == 1 and notes == [] and waits == []


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        (Reply(status=403, body=b"Forbidden", content_type="text/html"), "forbidden"),
        (ODS_NOTHING, "empty"),
    ],
)
def test_a_refusal_or_an_empty_200_is_declined(un: FakeUN, reply: Reply, kind: str) -> None:
    client, notes, _ = make_client()
    declined = client.get(un.serve("/x", reply))
    assert isinstance(declined, Declined) and declined.kind == kind
    assert len(un.requests) == 1 and notes == []


def test_a_429_without_retry_after_waits_out_the_rate_window(un: FakeUN) -> None:
    """The library's API: "Max 100 requests per 5 minutes", a 429 without Retry-After; the waits double
    and add up to the window over the retries (scaled down here, as the tests do everywhere)."""
    limited = Reply(status=429, body=b"Max 100 requests per 5 minutes", content_type="text/plain")
    url = un.serve("/api", limited, limited, limited, ok())
    shown: list[tuple[float, str]] = []
    settings = ClientSettings(
        user_agent="resdiff/test", max_bytes=1000, pace=0.0, read_timeout=0.5, wait_scale=0.001
    )
    waits: list[float] = []
    client = Client(settings, lambda _: None, sleep=waits.append, on_wait=lambda s, r: shown.append((s, r)))
    assert isinstance(client.get(url), Answer)
    window = RATE_WINDOW * 0.001
    assert waits == pytest.approx([window / 15, window * 2 / 15, window * 4 / 15])
    assert shown[0] == (waits[0], "HTTP 429 Too Many Requests")


def test_a_wait_past_the_deadline_fails_at_once(un: FakeUN) -> None:
    url = un.serve("/slow", Reply(status=429, content_type="text/plain", headers=(("Retry-After", "60"),)))
    settings = ClientSettings(user_agent="resdiff/test", max_bytes=1000, pace=0.0, read_timeout=0.5)
    waits: list[float] = []
    client = Client(settings, lambda _: None, sleep=waits.append, deadline=Deadline(5.0))
    said = r"asks to wait 60 s, past the fetch's deadline \(--deadline 5 s\)"
    with pytest.raises(DeadlineError, match=said):
        client.get(url)
    assert waits == []


def test_a_server_dripping_a_byte_at_a_time_is_cut_off_by_the_request_time(un: FakeUN) -> None:
    """Every read gets a byte within its timeout, so only the total time per request ends it."""
    url = un.serve("/drip", Reply(body=b"x" * 200, content_type="text/plain", drip=0.05))
    settings = ClientSettings(
        user_agent="resdiff/test", max_bytes=1000, pace=0.0, read_timeout=0.5, request_time=0.4
    )
    client = Client(settings, lambda _: None)
    with pytest.raises(FetchError, match=r"took more than 0\.4 s to answer \(a server sending") as raised:
        client.get(url)
    assert not isinstance(raised.value, DeadlineError)  # one source's trouble: the next may be asked


def test_a_server_dripping_a_byte_at_a_time_is_cut_off_by_the_runs_deadline(un: FakeUN) -> None:
    url = un.serve("/drip", Reply(body=b"x" * 200, content_type="text/plain", drip=0.05))
    settings = ClientSettings(user_agent="resdiff/test", max_bytes=1000, pace=0.0, read_timeout=0.5)
    client = Client(settings, lambda _: None, deadline=Deadline(0.4))
    with pytest.raises(DeadlineError, match=r"still answering when the fetch's deadline passed"):
        client.get(url)
    with pytest.raises(DeadlineError, match="ran out of time"):
        client.get(url)


def test_only_the_configured_hosts_are_asked(un: FakeUN) -> None:
    here = urllib.parse.urlsplit(un.url)
    settings = ClientSettings(
        user_agent="resdiff/test", max_bytes=1000, pace=0.0, read_timeout=0.5, hosts=allowed_hosts([un.url])
    )
    client = Client(settings, lambda _: None)
    assert isinstance(client.get(un.serve("/a", ok())), Answer)
    refused = {
        f"http://10.1.2.3:{here.port}/a": "10.1.2.3 is a private address",
        f"http://127.0.0.2:{here.port}/a": "127.0.0.2 is a loopback address",
        f"http://127.0.0.1:{here.port + 1 if here.port != 65535 else 1}/a": "127.0.0.1 is a loopback address",
        "https://example.org/a.pdf": "example.org is another site",
        un.url + "/a%0A\nname.pdf": "holds a space or a control character",
    }
    for url, said in refused.items():
        declined = client.get(url)
        assert isinstance(declined, Declined) and declined.kind == "elsewhere", url
        assert said in declined.reason
    assert len(un.requests) == 1
    away = un.serve("/away", Reply(status=302, headers=(("Location", "http://10.9.9.9/x.pdf"),)))
    declined = client.get(away)
    assert isinstance(declined, Declined) and "redirects to http://10.9.9.9/x.pdf" in declined.reason
