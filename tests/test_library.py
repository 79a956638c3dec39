"""Reading the UN Digital Library's MARCXML search answers. The records here are SYNTHETIC (built by
``synthetic_un.MarcRecord`` or written out below), shaped like the library's: ids, figures and related
documents are made up."""

from __future__ import annotations

import pytest

from resdiff.errors import FetchError
from resdiff.library import LANGUAGES, LibraryFile, parse_search
from resdiff.model import Vote
from synthetic_un import MarcRecord, marcxml

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
