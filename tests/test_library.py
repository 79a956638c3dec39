"""Reading the UN Digital Library's MARCXML search answers. The records here are SYNTHETIC (built by
``synthetic_un.MarcRecord`` or written out below), shaped like the library's: ids, figures and related
documents are made up."""

from __future__ import annotations

import pytest

from resdiff.errors import FetchError
from resdiff.library import LANGUAGES, LibraryFile, parse_search, parse_voting
from resdiff.model import Vote
from synthetic_un import MarcRecord, VotingRecord, marcxml

WHERE = "http://127.0.0.1/search"


def test_a_record_gives_its_id_symbol_title_files_related_documents_and_vote() -> None:
    record = MarcRecord(
        "4000001",
        "A/RES/90/58",
        "Synthetic cooperation on widget safety",
        files=(("http://x/A_RES_90_58-FR.pdf", "Français"), ("http://x/A_RES_90_58-EN.pdf", "English")),
        vote=(("b", 150), ("c", 1), ("d", 12), ("e", 30), ("f", 193)),
        related=("A/C.1/90/L.99", "A/90/408", "A/90/PV.44"),
    )
    [found] = parse_search(marcxml([record]), WHERE).records
    assert found.record == "4000001"
    assert found.symbols == ("A/RES/90/58",)
    assert found.title == "Synthetic cooperation on widget safety"  # without the " :" before 245$b
    assert found.files == (
        LibraryFile("http://x/A_RES_90_58-FR.pdf", "Français"),
        LibraryFile("http://x/A_RES_90_58-EN.pdf", "English"),
    )
    assert found.related == ("A/C.1/90/L.99", "A/90/408", "A/90/PV.44")
    assert found.drafts == ("A/C.1/90/L.99",)  # not the report, not the meeting record
    assert found.vote == Vote(yes=150, no=1, abstentions=12, non_voting=30, total=193)


def test_the_file_of_a_language_is_a_pdf_where_there_is_one() -> None:
    files = (("http://x/a.doc", "English"), ("http://x/a.pdf", "English"), ("http://x/f.pdf", "Français"))
    [found] = parse_search(marcxml([MarcRecord("1", "A/RES/90/58", "Synthetic", files=files)]), WHERE).records
    assert found.file_in("en") == LibraryFile("http://x/a.pdf", "English")
    assert found.file_in("fr") == LibraryFile("http://x/f.pdf", "Français")
    assert found.file_in("ru") is None
    assert set(LANGUAGES) == {"en", "fr", "es", "ar", "zh", "ru"}


def test_only_the_exact_symbol_is_chosen_among_neighbours() -> None:
    neighbours = [
        MarcRecord("1", "A/RES/90/58/Corr.1", "Synthetic corrigendum"),
        MarcRecord("2", "A/RES/90/580", "Synthetic neighbour"),
        MarcRecord("3", "A/RES/90/58", "Synthetic"),
    ]
    answer = parse_search(marcxml(neighbours, total=312), WHERE)
    assert answer.total == 312
    exact = answer.exact("A/RES/90/58")
    assert exact is not None and exact.record == "3"
    assert answer.exact("A/RES/90/5") is None


def test_drafts_are_read_as_users_would_type_them() -> None:
    related = ("A/C.1/90/L.43/Rev.1", "a/c.1/90/l.43/rev.1", "A/C.1/90/L.7", "A/90/L.12", "A/C.1/90/L.x")
    [found] = parse_search(marcxml([MarcRecord("1", "A/RES/90/58", "S", related=related)]), WHERE).records
    assert found.drafts == ("A/C.1/90/L.43/Rev.1", "A/C.1/90/L.7", "A/90/L.12")


def test_marcxml_without_its_namespace_and_votes_in_part() -> None:
    data = b"""<collection><record>
      <controlfield tag="001">77</controlfield>
      <datafield tag="191" ind1=" " ind2=" "><subfield code="a">A/RES/90/58</subfield></datafield>
      <datafield tag="996" ind1=" " ind2=" ">
        <subfield code="b">150</subfield><subfield code="c">n/a</subfield>
      </datafield>
    </record></collection>"""
    [found] = parse_search(data, WHERE).records
    assert found.record == "77" and found.title is None and found.files == ()
    assert found.vote == Vote(yes=150)
    assert parse_search(data, WHERE).total is None


def test_a_record_without_a_vote_has_none() -> None:
    [found] = parse_search(marcxml([MarcRecord("1", "A/RES/90/58", "S")]), WHERE).records
    assert found.vote is None


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"<!DOCTYPE html><html><body><p>Sign in<br></body></html>", "not MARCXML"),
        (b"<html><body>Sign in</body></html>", "XML that is not a MARCXML collection"),
        (b"", "not MARCXML"),
    ],
)
def test_what_is_not_marcxml_is_an_error(data: bytes, said: str) -> None:
    with pytest.raises(FetchError, match=said):
        parse_search(data, WHERE)


@pytest.mark.parametrize("figure", ["²", "1" * 5000, "12a", "-3"])
def test_a_vote_figure_that_is_no_number_is_unknown_and_said(figure: str) -> None:
    """The figure "²" passes str.isdigit and fails int(), 5,000 digits are past its limit: no traceback."""
    record = MarcRecord("1", "A/RES/90/58", "Synthetic", vote=(("b", figure), ("c", 2)))
    [found] = parse_search(marcxml([record]), WHERE).records
    assert found.vote == Vote(no=2)
    [problem] = found.problems
    assert problem.startswith("the vote figure 996$b ")
    assert problem.endswith("is not a number; taken as unknown")
    assert len(problem) < 120


def test_the_job_number_is_read_from_029() -> None:
    record = MarcRecord("1", "A/RES/90/58", "Synthetic", job="N3519990 E")
    [found] = parse_search(marcxml([record]), WHERE).records
    assert found.job == "3519990"
    assert parse_search(marcxml([MarcRecord("1", "A/RES/90/58", "Synthetic")]), WHERE).records[0].job is None


# a search answer laid out as the library's real ones are (tlebryk/un-bench-eda saved one:
# data/raw/xml/session_78_committee_3_drafts.xml): the total in a comment, each record with a namespace
# prefix of its own, whitespace between fields, 029 JN, 191 with $b $c $9 $0, 856 with $9 and $s before
# $u. The values are SYNTHETIC.
REAL_LAYOUT = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Search-Engine-Total-Number-Of-Results: 94 -->
<collection xmlns="http://www.loc.gov/MARC21/slim">
<ns0:record xmlns:ns0="http://www.loc.gov/MARC21/slim">
  <ns0:controlfield tag="000">00000nam a2200025#a ||||</ns0:controlfield>
  <ns0:controlfield tag="001">9990001</ns0:controlfield>
  <ns0:datafield tag="029" ind1=" " ind2=" ">
    <ns0:subfield code="a">JN</ns0:subfield>
    <ns0:subfield code="b">N9912345 E</ns0:subfield>
  </ns0:datafield>
  <ns0:datafield tag="191" ind1=" " ind2=" ">
    <ns0:subfield code="a">A/C.3/90/L.49/Rev.1</ns0:subfield>
    <ns0:subfield code="b">A/</ns0:subfield>
    <ns0:subfield code="c">90</ns0:subfield>
    <ns0:subfield code="9">G10</ns0:subfield>
  </ns0:datafield>
  <ns0:datafield tag="245" ind1="1" ind2="0">
    <ns0:subfield code="a">Synthetic widgets :</ns0:subfield>
    <ns0:subfield code="b">revised draft resolution /</ns0:subfield>
  </ns0:datafield>
  <ns0:datafield tag="856" ind1="4" ind2=" ">
    <ns0:subfield code="y">English</ns0:subfield>
    <ns0:subfield code="9">00000000-0000-0000-0000-000000000000</ns0:subfield>
    <ns0:subfield code="s">245952</ns0:subfield>
    <ns0:subfield code="u">https://digitallibrary.un.org/record/9990001/files/A_C.3_90_L.49_Rev.1-EN.pdf</ns0:subfield>
  </ns0:datafield>
  <ns0:datafield tag="993" ind1="1" ind2=" ">
    <ns0:subfield code="a">A/RES/90/213</ns0:subfield>
  </ns0:datafield>
</ns0:record>
</collection>
"""


def test_a_search_answer_in_the_real_layout() -> None:
    answer = parse_search(REAL_LAYOUT.encode("utf-8"), WHERE)
    assert answer.total == 94
    [found] = answer.records
    assert found.record == "9990001" and found.symbols == ("A/C.3/90/L.49/Rev.1",)
    assert found.title == "Synthetic widgets" and found.job == "9912345"
    assert found.file_in("en") == LibraryFile(
        "https://digitallibrary.un.org/record/9990001/files/A_C.3_90_L.49_Rev.1-EN.pdf", "English"
    )


def test_a_voting_data_record_gives_the_vote_and_each_states() -> None:
    voters = (("SYNTHETICA", "Y"), ("EXAMPLESTAN", "N"), ("FICTONIA", "A"), ("PLACEHOLDIA", ""))
    neighbour = VotingRecord("8000002", "A/RES/90/580", (("SYNTHETICA", "N"),))
    data = marcxml([neighbour, VotingRecord("8000001", "A/RES/90/58", voters)])
    voting = parse_voting(data, WHERE, "A/RES/90/58")
    assert voting is not None and voting.record == "8000001" and voting.problems == ()
    assert voting.vote == Vote(
        yes=1,
        no=1,
        abstentions=1,
        non_voting=1,
        total=4,
        voters=(
            ("SYNTHETICA", "yes"),
            ("EXAMPLESTAN", "no"),
            ("FICTONIA", "abstain"),
            ("PLACEHOLDIA", "non-voting"),
        ),
    )
    assert parse_voting(data, WHERE, "A/RES/90/5") is None
    odd_record = VotingRecord("1", "A/RES/90/58", (("SYNTHETICA", "Q"),))
    odd = parse_voting(marcxml([odd_record]), WHERE, "A/RES/90/58")
    assert odd is not None and odd.problems == ("SYNTHETICA's vote 'Q' is not Y, N or A",)
