"""``resdiff fetch`` end to end, without the internet: a local imitation of the UN services
(``synthetic_un.FakeUN``, its MARCXML records SYNTHETIC) serving the UN's real PDFs from ../shared
and SYNTHETIC PDFs. Every failure must leave the corpus exactly as it was.

The real documents are the UN's PDFs of the cluster munitions series (78/32, 79/58, 80/52). Assertions
are on symbols, titles, provenance, votes and the corpus, never on the clauses of a real PDF.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import shutil
import signal
import socket
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import git
import pytest

import synthetic_un
from conftest import SHARED
from corpus_synthetic import cli, make_corpus, run_python, run_resdiff
from resdiff import __version__, canonical
from resdiff.cache import FileCache
from resdiff.cli.fetch_commands import LANGUAGE_CODES, _Reporter
from resdiff.corpus import journal
from resdiff.fetch import PROJECT_URL
from resdiff.library import LANGUAGES
from resdiff.refs import slugify
from synthetic_pdf import synthetic_un_pdf
from synthetic_un import (
    SYNTHETIC_TITLE,
    FakeUN,
    MarcRecord,
    Reply,
    VotingRecord,
    marcxml,
    pdf_reply,
    running,
    synthetic_draft_pdf,
    synthetic_pdf,
)

UN_PDF = SHARED / "data" / "un-pdf"
CLUSTER_MUNITIONS = slugify("Implementation of the Convention on Cluster Munitions")
# SYNTHETIC vote figures for the synthetic records (not the real votes on these resolutions)
SYNTHETIC_VOTE_79 = (("b", 150), ("c", 1), ("d", 12), ("f", 163))
SYNTHETIC_VOTE_80 = (("b", 155), ("c", 1), ("d", 10), ("e", 27), ("f", 193))


def real_pdf(session: int, number: int) -> bytes:
    """The UN's own PDF of A/RES/session/number, read in place from ../shared."""
    path = UN_PDF / f"ga-res-{session}" / f"A_RES_{session}_{number}.pdf"
    if not path.is_file():
        pytest.skip(f"{path} is absent: the read-only shared data is not beside this checkout")
    return path.read_bytes()


@pytest.fixture(autouse=True)
def _quick_and_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No pause between requests, short timeouts, and a cache of the test's own (never the user's)."""
    monkeypatch.setenv("RESDIFF_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("RESDIFF_FETCH_PACE", "0")
    monkeypatch.setenv("RESDIFF_FETCH_TIMEOUT", "0.5")


@pytest.fixture
def un(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeUN]:
    with running(FakeUN()) as fake:
        monkeypatch.setenv("RESDIFF_LIBRARY_URL", fake.url)
        monkeypatch.setenv("RESDIFF_ODS_URL", fake.url + "/ods")
        monkeypatch.setenv("RESDIFF_UNDOCS_URL", fake.url + "/undocs")
        monkeypatch.setenv("RESDIFF_XML_URL", fake.url + "/xml")  # empty unless a test sets raw_root
        yield fake


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_corpus(tmp_path)
    monkeypatch.setenv("RESDIFF_CORPUS", str(root))
    return root


@pytest.fixture
def corpus_with_78_32(corpus: Path) -> Path:
    """A corpus holding the real A/RES/78/32 (cluster munitions, 2023), added from the UN's PDF."""
    real_pdf(78, 32)
    result = cli("add", str(UN_PDF / "ga-res-78" / "A_RES_78_32.pdf"))
    assert result.exit_code == 0, result.output
    return corpus


def publish(
    un: FakeUN,
    symbol: str,
    record: str,
    data: bytes,
    *,
    title: str = "Synthetic record title",
    vote: tuple[tuple[str, int], ...] = (),
    related: tuple[str, ...] = (),
    neighbours: tuple[MarcRecord, ...] = (),
    reply: Reply | None = None,
) -> MarcRecord:
    """A synthetic record for ``symbol`` whose English file is ``data``, found by searching the symbol."""
    name = symbol.replace("/", "_") + "-EN.pdf"
    url = un.serve(f"/record/{record}/files/{name}", reply or pdf_reply(data))
    entry = MarcRecord(record, symbol, title, files=((url, "English"),), vote=vote, related=related)
    un.record(*neighbours, entry, symbol=symbol)
    return entry


def state(root: Path) -> tuple[str, str]:
    """What a failed fetch must not change: the corpus' commit and its working tree."""
    repo = git.Repo(root, search_parent_directories=True)
    return repo.head.commit.hexsha, repo.git.status("--porcelain", "--untracked-files=all")


def header(root: Path, name: str) -> dict[str, str]:
    [path] = root.glob(f"*/{name}")
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n\n", 1)[0].splitlines()[1:]
    return dict(line.split(": ", 1) for line in lines if ": " in line)


def error_line(stderr: str) -> str:
    """The one error line a failure prints (warnings and retries may come before it)."""
    errors = [line for line in stderr.splitlines() if line.startswith("resdiff: error: ")]
    assert len(errors) == 1, stderr
    assert "Traceback" not in stderr
    return errors[0]


# --- the real document, found among its neighbours ----------------------------------------------
# --- a real document, found among its neighbours ----------------------------------------------


@pytest.mark.shared
def test_fetch_keeps_the_exact_record_and_its_provenance_and_vote(
    un: FakeUN, corpus_with_78_32: Path
) -> None:
    data = real_pdf(79, 58)
    corrigendum = un.serve("/record/9001/files/corr.pdf", pdf_reply(synthetic_pdf("79/581")))
    longer = un.serve("/record/9002/files/580.pdf", pdf_reply(synthetic_pdf("79/580")))
    neighbours = (
        MarcRecord("9001", "A/RES/79/58/Corr.1", "Synthetic corrigendum", files=((corrigendum, "English"),)),
        MarcRecord("9002", "A/RES/79/580", "Synthetic neighbour", files=((longer, "English"),)),
    )
    publish(un, "A/RES/79/58", "4000001", data, vote=SYNTHETIC_VOTE_79, neighbours=neighbours)
    before = state(corpus_with_78_32)

    result = cli("fetch", "79/58")

    assert result.exit_code == 0, result.output
    assert result.stdout == f"added\tA/RES/79/58\t{CLUSTER_MUNITIONS}/A_RES_79_58.txt\n"
    fields = header(corpus_with_78_32, "A_RES_79_58.txt")
    assert fields["symbol"] == "A/RES/79/58" and fields["session"] == "79"
    assert fields["title"] == "Implementation of the Convention on Cluster Munitions"
    assert fields["source"] == f"pdf sha256:{hashlib.sha256(data).hexdigest()} A_RES_79_58-EN.pdf"
    assert fields["origin"].startswith("record=4000001 language=en retrieved=20")
    assert fields["origin"].endswith(f" url={un.url}/record/4000001/files/A_RES_79_58-EN.pdf")
    assert fields["vote"] == "yes=150 no=1 abstentions=12 total=163"
    assert not un.asked("/record/9001/files/corr.pdf") and not un.asked("/record/9002/files/580.pdf")
    assert {agent for _, agent in un.requests} == {f"resdiff/{__version__} (+{PROJECT_URL})"}
    repo = git.Repo(corpus_with_78_32)
    assert repo.head.commit.parents[0].hexsha == before[0]  # one commit
    assert repo.head.commit.message.startswith("resdiff: fetch 79/58 from the UN document services")
    assert not repo.git.status("--porcelain")
    assert cli("verify").exit_code == 0


@pytest.mark.parametrize("spelling", ["90/58", "A/RES/90/58", "a/res/90/58", "A_RES_90_58"])
def test_symbols_are_taken_as_users_type_them(un: FakeUN, corpus: Path, spelling: str) -> None:
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58"))
    result = cli("fetch", spelling)
    assert result.exit_code == 0, result.output
    assert un.searched() == ["A/RES/90/58"]


def test_a_draft_symbol_is_searched_as_a_draft(un: FakeUN, corpus: Path) -> None:
    publish(un, "A/C.1/90/L.52", "5000001", synthetic_draft_pdf("A/C.1/90/L.52"))
    result = cli("fetch", "a/c.1/90/l.52")
    assert result.exit_code == 0, result.output
    fields = header(corpus, "A_C.1_90_L.52.txt")
    assert fields["symbol"] == "A/C.1/90/L.52" and fields["session"] == "90"
    assert fields["title"] == "Synthetic cooperation on widget safety"
    assert fields["committee"] == "First Committee" and fields["sponsors"] == "Synthetica; Examplestan"
    assert fields["origin"].startswith("record=5000001 language=en ")


def test_a_service_address_must_be_a_web_address(un: FakeUN, corpus: Path) -> None:
    result = cli("fetch", "90/58", "--ods-url", "documents.un.org")
    assert result.exit_code == 2
    assert "--ods-url (or RESDIFF_ODS_URL) 'documents.un.org' is not a web address" in error_line(
        result.stderr
    )
    assert un.requests == []


def test_a_word_that_is_no_symbol_is_refused_before_any_request(un: FakeUN, corpus: Path) -> None:
    before = state(corpus)
    result = cli("fetch", "90/58", "cluster-munitions")
    assert result.exit_code == 2
    assert "'cluster-munitions' is not a document symbol" in error_line(result.stderr)
    assert un.requests == [] and state(corpus) == before


@pytest.mark.shared
def test_a_text_the_corpus_holds_is_not_fetched_again(un: FakeUN, corpus_with_78_32: Path) -> None:
    before = state(corpus_with_78_32)
    result = cli("fetch", "78/32")
    assert result.exit_code == 0, result.output
    assert "already in the corpus, not fetched again: A/RES/78/32" in result.stderr
    assert "nothing to add" in result.stderr
    assert un.requests == [] and state(corpus_with_78_32) == before


# --- failures: one line, exit 2, the corpus as it was -------------------------------------------


def test_an_unknown_symbol_fails_cleanly(un: FakeUN, corpus: Path) -> None:
    un.record(MarcRecord("9002", "A/RES/90/580", "Synthetic neighbour"), symbol="A/RES/90/58")
    before = state(corpus)
    result = cli("fetch", "90/58")
    assert result.exit_code == 2
    line = error_line(result.stderr)
    assert line.startswith(
        "resdiff: error: cannot fetch A/RES/90/58: the Digital Library has no record of it"
    )
    assert "HTTP 404" in line and line.endswith("check the symbol and --lang")
    assert un.searched() == ["A/RES/90/58"]
    assert un.asked("/ods/api/symbol/access?s=A/RES/90/58&l=en&t=pdf")
    assert un.asked("/undocs/en/A/RES/90/58")
    assert state(corpus) == before


def test_a_symbol_beyond_the_first_page_of_the_search_says_so(un: FakeUN, corpus: Path) -> None:
    un.record(MarcRecord("9002", "A/RES/90/580", "Synthetic neighbour"), symbol="A/RES/90/58", total=312)
    result = cli("fetch", "90/58")
    assert result.exit_code == 2
    assert "has no record of it among the first 1 of the 312 its search found" in error_line(result.stderr)


def test_offline_fails_cleanly(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    for service in ("LIBRARY", "ODS", "UNDOCS", "XML"):
        monkeypatch.setenv(f"RESDIFF_{service}_URL", closed)
    before = state(corpus)
    result = cli("fetch", "90/58")
    assert result.exit_code == 2
    assert "connection was refused" in error_line(result.stderr)
    assert state(corpus) == before


@pytest.mark.parametrize("where", ["search", "file"])
@pytest.mark.parametrize("when", ["before the headers", "after the headers"])
def test_a_hanging_server_times_out(un: FakeUN, corpus: Path, where: str, when: str) -> None:
    body = marcxml([]) if where == "search" else synthetic_pdf("90/58")  # announced, never sent
    hang = Reply(body=body, hang=when == "before the headers", hang_after_headers=when == "after the headers")
    if where == "search":
        un.searches["A/RES/90/58"] = [hang]
    else:
        publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58"), reply=hang)
    before = state(corpus)
    result = cli("fetch", "90/58")
    assert result.exit_code == 2
    assert "no answer in time" in error_line(result.stderr)
    assert state(corpus) == before


@pytest.mark.shared
@pytest.mark.parametrize(
    ("bad", "said"),
    [
        ("html page", "an answer of type text/html, not a PDF"),
        ("pdf bytes, html type", "an answer of type text/html, not a PDF"),
        ("html bytes, pdf type", "not a PDF (it does not start with %PDF-)"),
        ("first half", "a PDF cut short (no %%EOF at its end)"),
        ("connection cut", "the connection broke off before the whole file came"),
    ],
)
def test_a_bad_file_fails_cleanly(un: FakeUN, corpus: Path, bad: str, said: str) -> None:
    data = real_pdf(79, 58)
    reply = {
        "html page": Reply(
            body=b"<!DOCTYPE html><html><body>Sign in</body></html>", content_type="text/html"
        ),
        "pdf bytes, html type": Reply(body=data, content_type="text/html"),
        "html bytes, pdf type": Reply(body=b"<html>a PDF, it says</html>", content_type="application/pdf"),
        "first half": pdf_reply(data[: len(data) // 2]),
        "connection cut": Reply(body=data, cut=True),
    }[bad]
    publish(un, "A/RES/79/58", "4000001", data, reply=reply)
    before = state(corpus)
    result = cli("fetch", "79/58")
    assert result.exit_code == 2
    line = error_line(result.stderr)
    assert said in line
    assert state(corpus) == before


def test_a_file_holding_another_symbol_is_refused(un: FakeUN, corpus: Path) -> None:
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/580"))
    before = state(corpus)
    result = cli("fetch", "90/58")
    assert result.exit_code == 2
    assert "it holds A/RES/90/580, not A/RES/90/58" in error_line(result.stderr)
    assert state(corpus) == before


def test_a_file_without_a_symbol_is_refused(un: FakeUN, corpus: Path) -> None:
    headless = synthetic_un_pdf([[">*The General Assembly,*", "", "1.|*Urges* synthetic widgets;"]])
    publish(un, "A/RES/90/58", "4000001", headless)
    before = state(corpus)
    result = cli("fetch", "90/58")
    assert result.exit_code == 2
    assert "no symbol was read in it, so it cannot be told to be A/RES/90/58" in error_line(result.stderr)
    assert state(corpus) == before


def test_several_symbols_are_all_or_nothing(un: FakeUN, corpus: Path) -> None:
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58"))
    before = state(corpus)
    result = cli("fetch", "90/58", "90/999")
    assert result.exit_code == 2
    assert "cannot fetch A/RES/90/999" in error_line(result.stderr)
    assert un.asked("/record/4000001/files/A_RES_90_58-EN.pdf")  # fetched, yet not added
    assert state(corpus) == before


def test_a_server_that_never_recovers_fails_after_the_retries(un: FakeUN, corpus: Path) -> None:
    un.searches["A/RES/90/58"] = [Reply(status=503, content_type="text/plain", body=b"busy")]
    before = state(corpus)
    result = cli("fetch", "90/58")
    assert result.exit_code == 2
    assert "still answers HTTP 503 Service Unavailable after 5 tries" in error_line(result.stderr)
    assert result.stderr.count("retrying in") == 4
    assert state(corpus) == before


def test_a_dirty_corpus_refuses_after_fetching_and_stays_as_it_was(un: FakeUN, corpus: Path) -> None:
    data = synthetic_pdf("90/58")
    publish(un, "A/RES/90/58", "4000001", data)
    stray = corpus / "sources" / hashlib.sha256(data).hexdigest()  # where the fetch keeps the file
    stray.parent.mkdir(exist_ok=True)
    stray.write_text("not committed", encoding="utf-8")
    before = state(corpus)
    result = cli("fetch", "90/58")
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "uncommitted changes" in error_line(result.stderr)
    assert state(corpus) == before


# --- what the services ask: retries, reported -------------------------------------------------


@pytest.mark.parametrize(
    ("first", "said"),
    [
        (
            Reply(status=202, body=b"", content_type="application/xml"),
            "HTTP 202 with an empty body (no answer yet)",
        ),
        (
            Reply(status=429, body=b"slow down", content_type="text/plain", headers=(("Retry-After", "0"),)),
            "HTTP 429 Too Many Requests",
        ),
        (Reply(status=502, body=b"bad gateway", content_type="text/plain"), "HTTP 502 Bad Gateway"),
    ],
)
def test_the_search_is_retried_and_the_retry_reported(
    un: FakeUN, corpus: Path, first: Reply, said: str
) -> None:
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58"))
    un.searches["A/RES/90/58"].insert(0, first)
    result = cli("fetch", "90/58")
    assert result.exit_code == 0, result.output
    assert un.searched() == ["A/RES/90/58", "A/RES/90/58"]
    search = "/search?p=191__a:%22A/RES/90/58%22&of=xm&rg=200"
    assert f"{search}: {said}; retrying in 0 s (retry 1 of 4)" in result.stderr


def test_a_file_download_is_retried_too(un: FakeUN, corpus: Path) -> None:
    data = synthetic_pdf("90/58")
    failing = Reply(status=500, body=b"oops", content_type="text/plain")
    publish(un, "A/RES/90/58", "4000001", data, reply=failing)
    un.routes["/record/4000001/files/A_RES_90_58-EN.pdf"].append(pdf_reply(data))
    result = cli("fetch", "90/58")
    assert result.exit_code == 0, result.output
    assert "A_RES_90_58-EN.pdf: HTTP 500 Internal Server Error; retrying" in result.stderr


# --- where the library has no file: ODS, then undocs.org ----------------------------------------


def test_without_a_library_file_the_ods_is_asked(un: FakeUN, corpus: Path) -> None:
    un.record(MarcRecord("4000001", "A/RES/90/58", "Synthetic", vote=SYNTHETIC_VOTE_79))
    url = un.serve("/ods/api/symbol/access?s=A/RES/90/58&l=en&t=pdf", pdf_reply(synthetic_pdf("90/58")))
    result = cli("fetch", "90/58")
    assert result.exit_code == 0, result.output
    fields = header(corpus, "A_RES_90_58.txt")
    assert fields["origin"].startswith("record=4000001 ")  # the record still names the document
    assert fields["origin"].endswith(f" url={url}")
    assert fields["vote"] == "yes=150 no=1 abstentions=12 total=163"
    assert fields["source"].endswith(" A_RES_90_58-EN.pdf")


def test_undocs_is_asked_last_and_its_redirect_followed(un: FakeUN, corpus: Path) -> None:
    target = un.serve("/files/90-58.pdf", pdf_reply(synthetic_pdf("90/58")))
    no_file = Reply(body=b"<html>No document</html>", content_type="text/html")
    un.serve("/ods/api/symbol/access?s=A/RES/90/58&l=en&t=pdf", no_file)
    un.serve(
        "/undocs/en/A/RES/90/58",
        Reply(status=302, headers=(("Location", target),), content_type="text/plain"),
    )
    result = cli("fetch", "90/58")
    assert result.exit_code == 0, result.output
    fields = header(corpus, "A_RES_90_58.txt")
    assert fields["origin"].startswith("language=en retrieved=")  # no record: the library has none
    assert fields["origin"].endswith(f" url={target}")
    assert fields["source"].endswith(" 90-58.pdf")
    assert "vote" not in fields


def test_lang_picks_the_file_in_that_language(un: FakeUN, corpus: Path) -> None:
    english = un.serve(
        "/record/1/files/en.pdf", pdf_reply(synthetic_pdf("90/58", title="Synthetic in English"))
    )
    french = un.serve(
        "/record/1/files/fr.pdf", pdf_reply(synthetic_pdf("90/58", title="Synthetic en francais"))
    )
    un.record(MarcRecord("1", "A/RES/90/58", "Synthetic", files=((english, "English"), (french, "Français"))))
    result = cli("fetch", "90/58", "--lang", "fr")
    assert result.exit_code == 0, result.output
    fields = header(corpus, "A_RES_90_58.txt")
    assert fields["title"] == "Synthetic en francais" and " language=fr " in fields["origin"]
    assert not un.asked("/record/1/files/en.pdf")


def test_lang_codes_are_the_librarys() -> None:
    assert tuple(LANGUAGES) == LANGUAGE_CODES


# --- predecessors and drafts ------------------------------------------------------------------

RECALLS_90 = (
    "85/71 of 2 December 2030, 86/54 of 7 December 2031, 87/45 of 5 December 2032, 88/47 of 4 December 2033"
)


def test_predecessors_are_fetched_only_where_the_corpus_lacks_them(un: FakeUN, corpus: Path) -> None:
    publish(un, "A/RES/89/32", "3000009", synthetic_pdf("89/32", recalls=RECALLS_90))
    assert cli("fetch", "89/32").exit_code == 0
    un.requests.clear()
    publish(
        un,
        "A/RES/90/58",
        "4000001",
        synthetic_pdf("90/58", recalls=RECALLS_90 + " and 89/32 of 2 December 2034"),
    )
    publish(un, "A/RES/88/47", "3000001", synthetic_pdf("88/47", recalls="87/45 of 5 December 2032"))
    publish(un, "A/RES/87/45", "3000002", synthetic_pdf("87/45"))

    result = cli("fetch", "90/58", "--with-predecessors")

    assert result.exit_code == 0, result.output
    assert un.searched() == ["A/RES/90/58", "A/RES/85/71", "A/RES/86/54", "A/RES/87/45", "A/RES/88/47"]
    assert "A/RES/89/32" in result.stderr  # already there: named, not fetched
    for missing in ("85/71", "86/54"):
        assert f"resdiff: warning: A/RES/{missing} is not available in English, so it is not fetched" in (
            result.stderr
        )
    slug = "synthetic-cooperation-widget-safety"
    assert result.stdout.splitlines() == [
        f"added\tA/RES/87/45\t{slug}/A_RES_87_45.txt",
        f"added\tA/RES/88/47\t{slug}/A_RES_88_47.txt",
        f"added\tA/RES/90/58\t{slug}/A_RES_90_58.txt",
    ]
    assert cli("verify").exit_code == 0
    series = json.loads(cli("series", slug, "--format", "json").stdout)[0]
    missing = [e["symbol"] for e in series["lineage"] if not e["present"]]
    assert missing == ["A/RES/85/71", "A/RES/86/54"]


def test_predecessors_of_a_stored_text_are_followed_without_fetching_it(un: FakeUN, corpus: Path) -> None:
    publish(un, "A/RES/88/47", "3000001", synthetic_pdf("88/47", recalls="87/45 of 5 December 2032"))
    assert cli("fetch", "88/47").exit_code == 0
    publish(un, "A/RES/87/45", "3000002", synthetic_pdf("87/45"))
    un.requests.clear()
    result = cli("fetch", "88/47", "--with-predecessors")
    assert result.exit_code == 0, result.output
    assert un.searched() == ["A/RES/87/45"]
    assert result.stdout == "added\tA/RES/87/45\tsynthetic-cooperation-widget-safety/A_RES_87_45.txt\n"


def test_a_predecessor_the_fallbacks_answer_with_a_page_of_their_own_is_a_warning(
    un: FakeUN, corpus: Path
) -> None:
    publish(un, "A/RES/88/47", "3000001", synthetic_pdf("88/47", recalls="87/45 of 5 December 2032"))
    page = Reply(body=b'{"error": "synthetic: no such document"}', content_type="application/json")
    un.serve("/ods/api/symbol/access?s=A/RES/87/45&l=en&t=pdf", page)
    un.serve(
        "/undocs/en/A/RES/87/45", Reply(body=b"<html>Synthetic: not found</html>", content_type="text/html")
    )
    result = cli("fetch", "88/47", "--with-predecessors")
    assert result.exit_code == 0, result.output
    assert "warning: A/RES/87/45 is not available in English" in result.stderr
    assert "an answer of type application/json, not a PDF" in result.stderr
    assert result.stdout.startswith("added\tA/RES/88/47\t")


def test_a_predecessor_the_server_breaks_on_is_a_warning_and_the_rest_goes_in(
    un: FakeUN, corpus: Path
) -> None:
    publish(un, "A/RES/88/47", "3000001", synthetic_pdf("88/47", recalls="87/45 of 5 December 2032"))
    html = Reply(body=b"<html>oops</html>", content_type="text/html")
    publish(un, "A/RES/87/45", "3000002", b"", reply=html)
    result = cli("fetch", "88/47", "--with-predecessors")
    assert result.exit_code == 0, result.output
    warning = "resdiff: warning: A/RES/87/45 is not available in English, so it is not fetched: "
    assert warning in result.stderr
    assert "an answer of type text/html, not a PDF" in result.stderr
    assert result.stdout == "added\tA/RES/88/47\tsynthetic-cooperation-widget-safety/A_RES_88_47.txt\n"
    assert len(list(git.Repo(corpus).iter_commits())) == 2  # the corpus's first commit, and this one


def test_strict_makes_every_predecessor_required(un: FakeUN, corpus: Path) -> None:
    publish(un, "A/RES/88/47", "3000001", synthetic_pdf("88/47", recalls="87/45 of 5 December 2032"))
    before = state(corpus)
    result = cli("fetch", "88/47", "--with-predecessors", "--strict")
    assert result.exit_code == 2
    line = error_line(result.stderr)
    assert line.startswith("resdiff: error: cannot fetch A/RES/87/45: the Digital Library has no record")
    assert state(corpus) == before


@pytest.mark.shared
def test_the_real_predecessors_are_asked_for_and_those_missing_are_warnings(
    un: FakeUN, corpus_with_78_32: Path
) -> None:
    """The issue's own case: the corpus holds 78/32; fetching 79/58 --with-predecessors asks for the
    texts 79/58 recites that the corpus lacks (63/71 ... 77/79) and gets what the library serves: here,
    none of them."""
    publish(un, "A/RES/79/58", "4000001", real_pdf(79, 58))
    result = cli("fetch", "79/58", "--with-predecessors")
    assert result.exit_code == 0, result.output
    lineage = ["63/71", "70/54", "71/45", "72/54", "73/54", "74/62", "75/62", "76/47", "77/79"]
    assert un.searched() == ["A/RES/79/58"] + [f"A/RES/{s}" for s in lineage]
    assert result.stderr.count(" is not available in English, so it is not fetched") == len(lineage)
    assert result.stdout == f"added\tA/RES/79/58\t{CLUSTER_MUNITIONS}/A_RES_79_58.txt\n"


def test_drafts_linked_from_the_record_are_fetched(un: FakeUN, corpus: Path) -> None:
    related = ("A/C.1/90/L.99", "A/90/408", "A/90/PV.44")  # SYNTHETIC: a draft, a report, a meeting record
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58"), related=related)
    draft = synthetic_draft_pdf("A/C.1/90/L.99")
    publish(un, "A/C.1/90/L.99", "4000002", draft, title="Synthetic cooperation on widget safety")
    result = cli("fetch", "90/58", "--drafts")
    assert result.exit_code == 0, result.output
    assert un.searched() == ["A/RES/90/58", "A/C.1/90/L.99"]  # not the report nor the meeting record
    slug = "synthetic-cooperation-widget-safety"
    assert result.stdout.splitlines() == [
        f"added\tA/C.1/90/L.99\t{slug}/A_C.1_90_L.99.txt",
        f"added\tA/RES/90/58\t{slug}/A_RES_90_58.txt",
    ]
    assert header(corpus, "A_C.1_90_L.99.txt")["origin"].startswith("record=4000002 language=en ")


def test_drafts_of_a_stored_text_are_looked_up(un: FakeUN, corpus: Path) -> None:
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58"), related=("A/C.1/90/L.99",))
    assert cli("fetch", "90/58").exit_code == 0
    draft = synthetic_draft_pdf("A/C.1/90/L.99")
    publish(un, "A/C.1/90/L.99", "4000002", draft, title="Synthetic cooperation on widget safety")
    un.requests.clear()
    result = cli("fetch", "90/58", "--drafts")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("added\tA/C.1/90/L.99\t")
    assert un.searched() == ["A/RES/90/58", "A/C.1/90/L.99"]
    assert not un.asked("/record/4000001/files/A_RES_90_58-EN.pdf")  # its record is read, not its file


# --- the vote, in the diff ---------------------------------------------------------------------


@pytest.mark.shared
def test_the_vote_and_its_change_show_in_the_diff(un: FakeUN, corpus: Path) -> None:
    publish(un, "A/RES/79/58", "4000001", real_pdf(79, 58), vote=SYNTHETIC_VOTE_79)
    publish(un, "A/RES/80/52", "4000002", real_pdf(80, 52), vote=SYNTHETIC_VOTE_80)
    result = cli("fetch", "79/58", "80/52")
    assert result.exit_code == 0, result.output
    change = "Vote: 150 → 155 in favour, 1 against, 12 → 10 abstentions, ? → 27 non-voting."
    assert change in cli("diff", "79/58", "80/52").stdout.splitlines()[:6]
    assert f"\n{change}\n" in cli("diff", "79/58", "80/52", "--format", "markdown").stdout
    assert (
        f'<p class="meta" id="vote">{change}</p>' in cli("diff", "79/58", "80/52", "--format", "html").stdout
    )
    data = json.loads(cli("diff", "79/58", "80/52", "--format", "json").stdout)
    assert data["old"]["vote"] == {
        "yes": 150, "no": 1, "abstentions": 12, "non_voting": None, "total": 163, "voters": []
    }
    assert data["new"]["vote"] == {
        "yes": 155, "no": 1, "abstentions": 10, "non_voting": 27, "total": 193, "voters": []
    }
    assert data["old"]["symbol"] == "A/RES/79/58" and data["old"]["report"] == "A/79/408"  # fields kept


# --- cache ------------------------------------------------------------------------------------


def test_a_file_comes_from_the_cache_the_second_time(
    un: FakeUN, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58"))
    first = make_corpus(tmp_path / "one")
    monkeypatch.setenv("RESDIFF_CORPUS", str(first))
    assert cli("fetch", "90/58").exit_code == 0
    un.routes.clear()  # the file is gone from the server; the search still answers
    second = make_corpus(tmp_path / "two")
    monkeypatch.setenv("RESDIFF_CORPUS", str(second))
    result = cli("fetch", "90/58")
    assert result.exit_code == 0, result.output
    assert "fetched A/RES/90/58 (record 4000001, from the cache)" in result.stderr
    assert header(first, "A_RES_90_58.txt") == header(second, "A_RES_90_58.txt")  # same date, same URL
    assert list((tmp_path / "cache" / "files").iterdir())
    assert not (tmp_path / "xdg-cache").exists()


def test_the_cache_is_the_users_unless_resdiff_cache_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert FileCache.default().root == tmp_path / "cache"
    monkeypatch.delenv("RESDIFF_CACHE")
    assert FileCache.default().root == tmp_path / "xdg-cache" / "resdiff"  # platformdirs, on Linux


def test_a_damaged_cached_file_is_downloaded_again(
    un: FakeUN, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58"))
    monkeypatch.setenv("RESDIFF_CORPUS", str(make_corpus(tmp_path / "one")))
    assert cli("fetch", "90/58").exit_code == 0
    [cached] = (tmp_path / "cache" / "files").iterdir()
    cached.write_bytes(b"%PDF-damaged")
    monkeypatch.setenv("RESDIFF_CORPUS", str(make_corpus(tmp_path / "two")))
    un.requests.clear()
    result = cli("fetch", "90/58")
    assert result.exit_code == 0, result.output
    assert un.asked("/record/4000001/files/A_RES_90_58-EN.pdf")


def test_an_unwritable_cache_is_a_warning(
    un: FakeUN, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("RESDIFF_CACHE", str(blocker))
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58"))
    result = cli("fetch", "90/58")
    assert result.exit_code == 0, result.output
    assert "resdiff: warning: cannot keep " in result.stderr
    assert (corpus / "synthetic-cooperation-widget-safety" / "A_RES_90_58.txt").is_file()


# --- progress, imports ------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_is_drawn_on_a_terminal_only() -> None:
    for stream, drawn in ((_Terminal(), True), (io.StringIO(), False)):
        with _Reporter(stream) as reporter:
            reporter.progress(0, 3)
            reporter.warning("synthetic warning")
            reporter.progress(1, 4)
            reporter.progress(4, 4)
        assert ("fetching" in stream.getvalue()) is drawn
        assert ("4/4" in stream.getvalue()) is drawn
        assert "resdiff: warning: synthetic warning\n" in stream.getvalue()


def test_one_document_draws_no_bar() -> None:
    stream = _Terminal()
    with _Reporter(stream) as reporter:
        reporter.progress(0, 1)
        reporter.progress(1, 1)
    assert stream.getvalue() == ""


def test_a_diff_imports_no_network_code(tmp_path: Path) -> None:
    from resdiff.model import Clause, Resolution

    text = canonical.dump(Resolution("A/RES/90/9", 90, "Synthetic", clauses=(Clause("PP1", "Synthetic,"),)))
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    program = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from resdiff.cli import main\n"
        "result = CliRunner().invoke(main, ['diff', 'a.txt', 'a.txt', '--format', 'json'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = run_python(program, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    modules = set(done.stdout.split())
    network = {"resdiff.fetch", "resdiff.web", "resdiff.library", "resdiff.cache", "urllib.request"}
    network |= {"http.client", "xml.etree.ElementTree", "platformdirs"}
    assert not network & modules
    assert "resdiff.cli.fetch_commands" not in modules  # commands load on first use: diff never sees fetch


# --- a fetch killed at any step --------------------------------------------------------------


def test_a_fetch_killed_at_any_step_is_healed_and_can_be_run_again(
    un: FakeUN, corpus: Path, tmp_path: Path
) -> None:
    """``kill -9`` at every checkpoint of a two-text fetch (the crash-safe add's own): the repair leaves
    the corpus as it was or with the whole fetch committed, verify is then clean, the fetch runs again."""
    publish(un, "A/RES/90/58", "9058", synthetic_pdf("90/58", recalls="89/47 of 4 December 2034"))
    publish(un, "A/RES/89/47", "8947", synthetic_pdf("89/47", adopted="4 December 2034"))
    before = state(corpus)
    points = 0
    for point in itertools.count(1):
        copy = shutil.copytree(corpus, tmp_path / f"kill{point}", symlinks=True)
        env = {"RESDIFF_CORPUS": str(copy), journal.KILL_ENV: str(point)}
        fetched = run_resdiff("fetch", "90/58", "--with-predecessors", env=env)
        if fetched.returncode == 0:
            break
        assert fetched.returncode == -signal.SIGKILL, fetched.stderr
        points += 1
        repaired = run_resdiff("verify", "--repair", env={"RESDIFF_CORPUS": str(copy)})
        assert repaired.returncode == 0, repaired.stdout + repaired.stderr
        assert "Traceback" not in repaired.stderr
        held = state(copy)
        assert held[1] == "", held  # nothing half-written, nothing staged
        symbols = {p.name for p in copy.glob("*/A_RES_*.txt")}
        assert symbols in (set(), {"A_RES_89_47.txt", "A_RES_90_58.txt"}), symbols
        assert (held[0] == before[0]) == (symbols == set())
        again = run_resdiff("fetch", "90/58", "--with-predecessors", env={"RESDIFF_CORPUS": str(copy)})
        assert again.returncode == 0, again.stderr
        assert run_resdiff("verify", env={"RESDIFF_CORPUS": str(copy)}).returncode == 0
    assert points >= 20


# --- the real services, as public evidence shows them --------------------------------------------

CHALLENGE_NOTICE = (
    "resdiff: the UN Digital Library asked for a browser check (an AWS WAF challenge); "
    "using the Official Document System for the files\n"
)
ODS_90_58 = "/ods/api/symbol/access?s=A/RES/90/58&l=en&t=pdf"


def test_a_library_that_challenges_every_request_is_said_once_and_ods_serves_the_files(
    un: FakeUN, corpus: Path
) -> None:
    un.challenge_library = True
    un.serve(ODS_90_58, pdf_reply(synthetic_pdf("90/58", recalls="89/47 of 4 December 2034")))
    un.serve("/ods/api/symbol/access?s=A/RES/89/47&l=en&t=pdf", pdf_reply(synthetic_pdf("89/47")))
    result = cli("fetch", "90/58", "--with-predecessors")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("browser check") == 1 and CHALLENGE_NOTICE in result.stderr
    assert "Traceback" not in result.stderr and "error" not in result.stderr
    assert len(un.searched()) == 1 and un.searched("791__a") == []  # challenged once: not asked again
    assert {agent for _, agent in un.requests} == {f"resdiff/{__version__} (+{PROJECT_URL})"}  # no disguise
    fields = header(corpus, "A_RES_90_58.txt")
    assert fields["origin"] == f"language=en retrieved={fields['origin'].split('retrieved=')[1]}"
    assert fields["origin"].endswith(f"url={un.url}{ODS_90_58}")
    assert result.stdout.count("added\t") == 2


def test_ods_answering_an_empty_200_passes_to_the_library_file(un: FakeUN, corpus: Path) -> None:
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58"))  # ODS: the fake's empty 200 for it
    result = cli("fetch", "90/58")
    assert result.exit_code == 0, result.output
    assert un.asked(ODS_90_58)
    said = "resdiff: the Official Document System answered HTTP 200 with an empty body for A/RES/90/58; "
    assert f"{said}trying the Digital Library file\n" in result.stderr
    assert header(corpus, "A_RES_90_58.txt")["origin"].endswith("/record/4000001/files/A_RES_90_58-EN.pdf")


@pytest.mark.parametrize(
    "refusal",
    [Reply(status=403, body=b"Forbidden", content_type="text/html"), synthetic_un.WAF_CHALLENGE],
    ids=["403", "challenge"],
)
def test_a_refused_library_file_passes_to_undocs(un: FakeUN, corpus: Path, refusal: Reply) -> None:
    publish(un, "A/RES/90/58", "4000001", b"", reply=refusal)
    target = un.serve("/files/90-58.pdf", pdf_reply(synthetic_pdf("90/58")))
    un.serve("/undocs/en/A/RES/90/58", Reply(status=302, headers=(("Location", target),)))
    result = cli("fetch", "90/58")
    assert result.exit_code == 0, result.output
    assert header(corpus, "A_RES_90_58.txt")["origin"].endswith(f"url={target}")
    assert "Traceback" not in result.stderr


def test_the_vote_comes_from_the_voting_data_record_with_each_states(un: FakeUN, corpus: Path) -> None:
    """The resolution's own record holds no vote (only a note); its Voting Data record, found by 791$a,
    does, and each Member State's (SYNTHETIC States and votes)."""
    states = ("SYNTHETICA", "EXAMPLESTAN", "FICTONIA", "PLACEHOLDIA")
    publish(un, "A/RES/89/58", "3000001", synthetic_pdf("89/58", adopted="4 December 2034"))
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58"))
    un.voting(VotingRecord("8000001", "A/RES/89/58", tuple(zip(states, ("Y", "Y", "A", "N"), strict=True))))
    un.voting(VotingRecord("8000002", "A/RES/90/58", tuple(zip(states, ("Y", "N", "Y", ""), strict=True))))
    result = cli("fetch", "89/58", "90/58")
    assert result.exit_code == 0, result.output
    assert un.searched("791__a") == ["A/RES/89/58", "A/RES/90/58"]
    fields = header(corpus, "A_RES_90_58.txt")
    assert fields["vote"] == "yes=2 no=1 abstentions=0 non_voting=1 total=4"
    assert "voters" in fields
    diff = cli("diff", "89/58", "90/58").stdout
    assert "States that changed their vote: " in diff
    assert "EXAMPLESTAN" in diff and "FICTONIA" in diff and "PLACEHOLDIA" in diff
    data = json.loads(cli("diff", "89/58", "90/58", "--format", "json").stdout)
    assert {"state": "EXAMPLESTAN", "vote": "no"} in data["new"]["vote"]["voters"]


def test_a_429_without_retry_after_is_waited_out_and_shown(
    un: FakeUN, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESDIFF_FETCH_WAIT_SCALE", "0.001")  # the 300 s window becomes 0.3 s
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58"))
    limited = Reply(status=429, body=b"Max 100 requests per 5 minutes", content_type="text/plain")
    un.searches["A/RES/90/58"][:0] = [limited, limited]
    result = cli("fetch", "90/58")
    assert result.exit_code == 0, result.output
    assert "HTTP 429 Too Many Requests; retrying in 0.02 s (retry 1 of 4)" in result.stderr
    assert "HTTP 429 Too Many Requests; retrying in 0.04 s (retry 2 of 4)" in result.stderr


def test_a_wait_is_shown_on_the_progress_bar() -> None:
    stream = _Terminal()
    with _Reporter(stream) as reporter:
        reporter.progress(0, 3)
        reporter.waiting(40, "HTTP 429 Too Many Requests")
        assert "fetching (waiting 40 s: HTTP 429 Too Many Requests)" in stream.getvalue()
        reporter.progress(1, 3)
        last = stream.getvalue().rsplit("\r", 1)[-1]
        assert "fetching " in last and "waiting" not in last  # the next step draws the bar again


def test_a_slow_drip_is_cut_off_by_the_deadline_and_nothing_is_added(un: FakeUN, corpus: Path) -> None:
    data = synthetic_pdf("90/58")
    publish(un, "A/RES/90/58", "4000001", data, reply=Reply(body=data, drip=0.05))
    before = state(corpus)
    result = cli("fetch", "90/58", "--deadline", "1")
    assert result.exit_code == 2
    assert "the fetch's deadline passed (--deadline 1 s)" in error_line(result.stderr)
    assert state(corpus) == before


def test_a_slow_drip_on_an_optional_text_leaves_the_rest_to_go_in(un: FakeUN, corpus: Path) -> None:
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58", recalls="89/47 of 4 December 2034"))
    dripping = synthetic_pdf("89/47")
    publish(un, "A/RES/89/47", "3000001", dripping, reply=Reply(body=dripping, drip=0.05))
    result = cli("fetch", "90/58", "--with-predecessors")  # the timeout is 0.5 s: 2 s for one answer
    assert result.exit_code == 0, result.output
    assert "resdiff: warning: A/RES/89/47 is not available in English" in result.stderr
    assert "took more than 2 s to answer" in result.stderr
    assert result.stdout == "added\tA/RES/90/58\tsynthetic-cooperation-widget-safety/A_RES_90_58.txt\n"


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("http://10.20.30.40/A_RES_90_58-EN.pdf", "10.20.30.40 is a private address"),
        ("http://127.0.0.2:{port}/record/1/files/A_RES_90_58-EN.pdf", "127.0.0.2 is a loopback address"),
        ("https://files.example.org/A_RES_90_58-EN.pdf", "files.example.org is another site"),
    ],
)
def test_a_record_naming_a_file_on_another_host_is_refused(
    un: FakeUN, corpus: Path, where: str, said: str
) -> None:
    url = where.format(port=urllib.parse.urlsplit(un.url).port)
    un.record(MarcRecord("4000001", "A/RES/90/58", "Synthetic", files=((url, "English"),)))
    un.serve(ODS_90_58, synthetic_un.ODS_NOTHING)
    before = state(corpus)
    result = cli("fetch", "90/58")
    assert result.exit_code == 2
    line = error_line(result.stderr)
    assert f"the Digital Library file {url}: {said}, not one of the UN hosts configured" in line
    assert state(corpus) == before
    assert not any(path.endswith("A_RES_90_58-EN.pdf") for path, _ in un.requests)


@pytest.mark.parametrize("figure", ["²", "9" * 5000])
def test_a_record_vote_that_is_no_number_is_a_warning(un: FakeUN, corpus: Path, figure: str) -> None:
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58"), vote=(("b", figure), ("c", 3)))
    result = cli("fetch", "90/58")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.stderr
    assert "resdiff: warning: A/RES/90/58: its Digital Library record 4000001: the vote figure 996$b " in (
        result.stderr
    )
    assert header(corpus, "A_RES_90_58.txt")["vote"] == "no=3"


def test_a_file_url_holding_a_line_break_gets_a_plain_name(un: FakeUN, corpus: Path) -> None:
    data = synthetic_pdf("90/58")
    url = un.serve("/record/4000001/files/x%0Aname.pdf", pdf_reply(data))
    un.record(MarcRecord("4000001", "A/RES/90/58", "Synthetic", files=((url, "English"),)))
    result = cli("fetch", "90/58")
    assert result.exit_code == 0, result.output
    fields = header(corpus, "A_RES_90_58.txt")
    assert fields["source"].endswith(" A_RES_90_58-EN.pdf")  # made from the symbol, one line
    assert fields["origin"].endswith("/files/x%0Aname.pdf")
    assert cli("verify").exit_code == 0


def test_a_file_that_fails_a_check_is_not_cached(un: FakeUN, corpus: Path, tmp_path: Path) -> None:
    path = "/record/4000001/files/A_RES_90_58-EN.pdf"
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/580"))  # a wrong PDF, once served
    assert cli("fetch", "90/58").exit_code == 2
    assert not (tmp_path / "cache" / "files").exists() or not list((tmp_path / "cache" / "files").iterdir())
    un.routes[path] = [pdf_reply(synthetic_pdf("90/58"))]  # the right one, served the next time
    result = cli("fetch", "90/58")
    assert result.exit_code == 0, result.output
    assert "(record 4000001, http" in result.stderr  # downloaded, not from the cache


# --- the UN's own XML (AKN4UN, by the United Nations (DGACM)), from a GitHub-like raw file server ----

AKN = SHARED / "data" / "akn"


@pytest.fixture
def akn_un(un: FakeUN) -> FakeUN:
    """The fake services with the real AKN4UN files of ../shared/data/akn on the raw file server, and
    ODS serving the UN's real PDFs of 78/32, 79/58 and 80/52 (from which the job numbers are read)."""
    if not (AKN / "data_extract").is_dir():
        pytest.skip(f"{AKN} is absent: the read-only shared data is not beside this checkout")
    un.raw_root = AKN
    for session, number in ((78, 32), (79, 58), (80, 52)):
        path = f"/ods/api/symbol/access?s=A/RES/{session}/{number}&l=en&t=pdf"
        un.serve(path, pdf_reply(real_pdf(session, number)))
    return un


XML_80_52 = "/xml/80session/English/A_RES_80_52-2519990E.xml"


@pytest.mark.shared
def test_the_xml_is_preferred_and_named_by_the_pdfs_job_number(akn_un: FakeUN, corpus: Path) -> None:
    akn_un.challenge_library = True
    result = cli("fetch", "80/52")
    assert result.exit_code == 0, result.output
    assert CHALLENGE_NOTICE in result.stderr
    assert (
        f"resdiff: fetched A/RES/80/52 (source: United Nations (DGACM), AKN4UN XML, {akn_un.url}{XML_80_52})"
        in result.stderr
    )
    fields = header(corpus, "A_RES_80_52.txt")
    assert fields["source"].startswith("akn4un sha256:")
    assert fields["source"].endswith(" A_RES_80_52-2519990E.xml")
    assert fields["origin"].endswith(f"url={akn_un.url}{XML_80_52}")
    assert fields["vote"] == "yes=138 no=2 abstentions=35"  # the XML's voting element
    assert "no=UNITED STATES" in fields["voters"]
    assert cli("verify").exit_code == 0


@pytest.mark.shared
def test_from_pdf_takes_the_pdf(akn_un: FakeUN, corpus: Path) -> None:
    result = cli("fetch", "80/52", "--from", "pdf")
    assert result.exit_code == 0, result.output
    assert header(corpus, "A_RES_80_52.txt")["source"].startswith("pdf sha256:")
    assert not any("session/" in path for path, _ in akn_un.requests)  # data_extract only, for the vote


@pytest.mark.shared
def test_from_xml_without_a_job_number_fails_clearly(akn_un: FakeUN, corpus: Path) -> None:
    result = cli("fetch", "80/52", "--from", "xml")  # the record has no 029; the PDF is not asked
    assert result.exit_code == 2
    line = error_line(result.stderr)
    assert "its file cannot be named without its job number" in line and line.endswith("(and --from xml)")


@pytest.mark.shared
def test_the_records_job_number_names_the_xml_without_the_pdf(akn_un: FakeUN, corpus: Path) -> None:
    akn_un.record(MarcRecord("4000001", "A/RES/80/52", "Synthetic record title", job="N2519990 E"))
    result = cli("fetch", "80/52", "--from", "xml")
    assert result.exit_code == 0, result.output
    assert akn_un.asked(XML_80_52)
    assert not akn_un.asked("/ods/api/symbol/access?s=A/RES/80/52&l=en&t=pdf")
    assert header(corpus, "A_RES_80_52.txt")["origin"].startswith("record=4000001 language=en ")


@pytest.mark.shared
def test_a_full_fetch_while_the_library_challenges_every_request(akn_un: FakeUN, corpus: Path) -> None:
    """The issue's case: fetch 80/52 --with-predecessors --drafts while the Digital Library challenges
    every request. The texts come from the UN's XML (named by the job numbers of the PDFs ODS serves;
    75/62's needs none), the votes from the XML, the draft from the XML's workflow (served by ODS as a
    SYNTHETIC PDF here); what no source has is a warning each, and the rest goes in, in one commit."""
    akn_un.challenge_library = True
    draft = synthetic_draft_pdf("A/C.1/80/L.52")
    akn_un.serve("/ods/api/symbol/access?s=A/C.1/80/L.52&l=en&t=pdf", pdf_reply(draft))
    before = state(corpus)
    result = cli("fetch", "80/52", "--with-predecessors", "--drafts")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.stderr and "error" not in result.stderr
    assert result.stderr.count(CHALLENGE_NOTICE) == 1
    added = [line.split("\t")[1] for line in result.stdout.splitlines()]
    assert sorted(added) == ["A/C.1/80/L.52", "A/RES/75/62", "A/RES/78/32", "A/RES/79/58", "A/RES/80/52"]
    for missing in ("63/71", "70/54", "71/45", "72/54", "73/54", "74/62", "76/47", "77/79"):
        assert f"resdiff: warning: A/RES/{missing} is not available in English, so it is not fetched" in (
            result.stderr
        )
    repo = git.Repo(corpus)
    assert repo.head.commit.parents[0].hexsha == before[0]  # one commit
    votes = {
        "A_RES_80_52.txt": "yes=138 no=2 abstentions=35",
        "A_RES_79_58.txt": "yes=121 no=1 abstentions=33",
    }
    for name, vote in votes.items():
        fields = header(corpus, name)
        assert fields["source"].startswith("akn4un sha256:") and fields["vote"] == vote
        assert fields["voters"].startswith("yes=")
    assert header(corpus, "A_RES_75_62.txt")["source"].endswith(" 75_62_E.xml")
    assert header(corpus, "A_C.1_80_L.52.txt")["source"].startswith("pdf sha256:")
    diff = cli("diff", "79/58", "80/52")
    assert diff.exit_code == 0 and "States that changed their vote: " in diff.stdout
    assert cli("verify").exit_code == 0


def test_a_heading_without_its_number_is_taken_when_the_front_page_names_the_symbol(
    un: FakeUN, corpus: Path
) -> None:
    """As A/RES/79/9's body heading lacks its number: the masthead names the text (SYNTHETIC PDFs)."""
    lines = ["A/RES/90/9", "", "Ninetieth session", "Agenda item 99 (z)", ""]
    lines += ["Resolution adopted by the General Assembly on 7 December 2035", "", SYNTHETIC_TITLE, ""]
    lines += [">*The General Assembly,*", "", ">*Noting* the synthetic widget reports,", ""]
    lines += ["1.|*Urges* all States to keep synthetic widgets safe;"]
    headless = synthetic_un_pdf([lines], symbol="A/RES/90/9", title=SYNTHETIC_TITLE)
    publish(un, "A/RES/90/9", "4000009", headless, title=SYNTHETIC_TITLE)
    result = cli("fetch", "90/9")
    assert result.exit_code == 0, result.output
    fields = header(corpus, "A_RES_90_9.txt")
    assert fields["symbol"] == "A/RES/90/9" and fields["session"] == "90"
    assert fields["title"] == SYNTHETIC_TITLE
    publish(un, "A/RES/90/90", "4000090", headless)  # the same masthead does not name 90/90
    result = cli("fetch", "90/90")
    assert result.exit_code == 2
    assert "no symbol was read in it, so it cannot be told to be A/RES/90/90" in error_line(result.stderr)


def test_a_deadline_passing_on_an_optional_text_keeps_what_was_fetched(un: FakeUN, corpus: Path) -> None:
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58", recalls="89/47 of 4 December 2034"))
    dripping = synthetic_pdf("89/47")
    publish(un, "A/RES/89/47", "3000001", dripping, reply=Reply(body=dripping, drip=0.05))
    result = cli("fetch", "90/58", "--with-predecessors", "--deadline", "1.5")
    assert result.exit_code == 0, result.output
    warning = [line for line in result.stderr.splitlines() if "deadline passed" in line]
    assert len(warning) == 1 and warning[0].endswith("so these are not fetched: A/RES/89/47"), result.stderr
    assert result.stdout == "added\tA/RES/90/58\tsynthetic-cooperation-widget-safety/A_RES_90_58.txt\n"


def test_drafts_that_cannot_be_read_are_warnings_and_the_rest_goes_in(un: FakeUN, corpus: Path) -> None:
    """A related /L. document that gives no symbol (an amendment, a draft decision: SYNTHETIC here) or
    that no source has is a warning; the readable draft and the resolution go in."""
    related = ("A/C.1/90/L.99", "A/C.1/90/L.98", "A/C.1/90/L.97")
    publish(un, "A/RES/90/58", "4000001", synthetic_pdf("90/58"), related=related)
    publish(un, "A/C.1/90/L.99", "4000002", synthetic_draft_pdf("A/C.1/90/L.99"))
    unreadable = synthetic_un_pdf([["Synthetic amendment", "", "Insert a synthetic paragraph."]])
    publish(un, "A/C.1/90/L.98", "4000003", unreadable)
    result = cli("fetch", "90/58", "--drafts")
    assert result.exit_code == 0, result.output
    warning = "resdiff: warning: A/C.1/90/L.98 is not available in English, so it is not fetched: "
    assert warning in result.stderr and "does not read as a resolution" in result.stderr
    assert "resdiff: warning: A/C.1/90/L.97 is not available in English" in result.stderr
    assert [line.split("\t")[1] for line in result.stdout.splitlines()] == ["A/C.1/90/L.99", "A/RES/90/58"]
