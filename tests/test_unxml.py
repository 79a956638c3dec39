"""The layout of the UN's AKN4UN repository (UNxml/GAresolutions, by the United Nations (DGACM)): file
names, job numbers, ``data_extract``, drafts from the workflow. Real files are read in place from
../shared/data/akn; the rest is SYNTHETIC."""

from __future__ import annotations

import json

import pytest

from conftest import SHARED
from resdiff import unxml
from resdiff.model import Vote

AKN = SHARED / "data" / "akn"


def need(path_in_akn: str) -> bytes:
    path = AKN / path_in_akn
    if not path.is_file():
        pytest.skip(f"{path} is absent: the read-only shared data is not beside this checkout")
    return path.read_bytes()


def test_file_names_follow_the_repositorys_layout() -> None:
    assert unxml.file_path("A/RES/80/52", "en", "2519990") == "80session/English/A_RES_80_52-2519990E.xml"
    assert unxml.file_path("A/RES/76/47", "zh", "2118446") == "76session/Chinese/A_RES_76_47-2118446C.xml"
    assert unxml.file_path("A/RES/75/62", "fr", None) == "75session/French/75_62_F.xml"  # no job number
    assert unxml.file_path("A/RES/80/52", "en", None) is None  # from session 76 on, the job number names it
    assert unxml.file_path("A/RES/74/62", "en", "1900000") is None  # session 74: zip archives only
    assert unxml.file_path("A/C.1/80/L.52", "en", "2519990") is None  # drafts are not there
    assert unxml.needs_job("A/RES/80/52") and not unxml.needs_job("A/RES/75/62")


@pytest.mark.shared
def test_the_layout_names_the_real_files() -> None:
    for symbol, job in (("A/RES/80/52", "2519990"), ("A/RES/79/58", "2423085"), ("A/RES/75/62", None)):
        for language in unxml.FOLDERS:
            path = unxml.file_path(symbol, language, job)
            assert path is not None and need(path).lstrip(b"\xef\xbb\xbf").startswith(b"<")


def test_the_job_number_is_read_from_a_front_pages_foot() -> None:
    assert unxml.job_in("Please recycle\n25-19990 (E)\n*2519990*") == "2519990"
    assert unxml.job_in("*2423085*") == "2423085"
    assert unxml.job_in("adopted on 2 December 2024, 44th plenary meeting") is None


@pytest.mark.shared
def test_data_extract_gives_each_states_vote() -> None:
    extract = unxml.parse_extract(need("data_extract/80.json"))
    entry = extract["A/RES/80/52"]
    assert entry.vote is not None
    assert (entry.vote.yes, entry.vote.no, entry.vote.abstentions) == (138, 2, 35)
    assert ("UNITED STATES", "no") in entry.vote.voters and len(entry.vote.voters) == 175
    assert entry.drafts == ()  # its originating document is the First Committee's report
    assert extract["A/RES/80/4"].drafts == ("A/80/L.6",)  # a plenary draft


def test_data_extract_lines_that_are_no_resolution_are_skipped() -> None:
    voted = {"symbol": "A/RES/90/1", "MS_in_favour": ["SYNTHETICA"], "MS_against": [], "MS_abstaining": []}
    lines = [
        json.dumps(voted),
        "not json",
        json.dumps(["a", "list"]),
        json.dumps({"symbol": "A/RES/90/2", "adoption_type": "Without a vote", "MS_in_favour": []}),
    ]
    extract = unxml.parse_extract("\n".join(lines).encode("utf-8"))
    assert extract["A/RES/90/1"].vote == Vote(yes=1, no=0, abstentions=0, voters=(("SYNTHETICA", "yes"),))
    assert extract["A/RES/90/2"].vote is None
    assert set(extract) == {"A/RES/90/1", "A/RES/90/2"}


@pytest.mark.shared
def test_the_workflow_names_the_draft() -> None:
    assert unxml.drafts_in(need("80session/English/A_RES_80_52-2519990E.xml")) == ("A/C.1/80/L.52",)
    assert unxml.drafts_in(b"not xml") == ()
