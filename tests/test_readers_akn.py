"""The AKN4UN reader (``readers/akn/``) on SYNTHETIC fixtures, element by element, and on every real
file of ``../shared/data/akn`` (the UN's XML, DGACM: read in place, never copied)."""

from __future__ import annotations

import pytest

from conftest import SHARED, _need
from resdiff.errors import InputError
from resdiff.normalize import normalize_bytes
from synthetic_akn import container, document, paragraph

AKN = SHARED / "data" / "akn"
ROOT = b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'


def read(data: bytes):  # type: ignore[no-untyped-def]
    return normalize_bytes(data, "synthetic.xml")


def test_metadata_from_frbr_cover_page_and_conclusions() -> None:
    result = read(document(paragraph("1.", "Decides", " to widen the synthetic widgets.")))
    r = result.resolution
    assert r.source is not None and r.source.reader == "akn4un"
    assert (r.symbol, r.session, r.title) == ("A/RES/99/7", 99, "Synthetic widgets")
    assert (r.adopted, r.distributed, r.agenda_item) == ("2044-12-07", "2044-12-09", "12 (b)")
    assert (r.report, r.committee, r.meeting) == ("A/99/400", "First Committee", "41st plenary meeting")
    assert r.language == "en"


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("eng", "en"),
        ("fra", "fr"),
        ("spa", "es"),
        ("rus", "ru"),
        ("ara", "ar"),
        ("zho", "zh"),
        ("chi", "zh"),
        ("xxx", None),
    ],
)
def test_language_from_frbr_language(code: str, language: str | None) -> None:
    r = read(document(paragraph("1.", "Decides", " so."), language=code)).resolution
    assert r.language == language


def test_preamble_operative_verbs_and_footnotes() -> None:
    preamble = container("Recalling", " its synthetic resolution 98/3 of 1 May 2043,") + container(
        "Noting",
        ' the widget register,<authorialNote marker="1" placement="bottom"><p>\t\tSynthetic register, vol. 1.'
        "</p></authorialNote> kept in the synthetic archive,",
    )
    body = paragraph("1.", "Expresses deep concern ", "about non\u2011synthetic gadgets;") + paragraph(
        "2.",
        "Requests",
        ' a report;<authorialNote marker="2"><p>See <a href="x">A/99/1</a>.</p></authorialNote>',
    )
    r = read(document(body, preamble=preamble)).resolution
    keys = [c.key for c in r.clauses]
    assert keys == ["PP1", "PP2", "OP1", "OP2", "FN1", "FN2"]
    assert r.clause("PP2").text == "Noting the widget register, kept in the synthetic archive,"
    assert r.clause("PP2").notes == ("FN1",)
    assert r.clause("FN1").text == "Synthetic register, vol. 1."
    assert r.clause("OP1").verb == "Expresses deep concern"
    assert r.clause("OP1").text == "Expresses deep concern about non\u2011synthetic gadgets;"
    assert r.clause("OP2").notes == ("FN2",) and r.clause("OP2").text == "Requests a report;"
    assert r.cites == ("A/RES/98/3",)


def test_items_and_sub_items() -> None:
    body = (
        '<paragraph><num>3.</num><list><intro><p><span class="italic">Calls upon</span> States:</p></intro>'
        "<point><num>(a)</num><content><p>To widen;</p></content></point>"
        "<point><num>(b)</num><content><p>To narrow:</p></content></point>"
        "<sublist><point><num>(i)</num><content><p>gently;</p></content></point>"
        "<point><num>(ii)</num><content><p>firmly;</p></content></point></sublist>"
        "</list></paragraph>"
    )
    r = read(document(body)).resolution
    assert [c.key for c in r.clauses] == ["OP3", "OP3(a)", "OP3(b)", "OP3(b)(i)", "OP3(b)(ii)"]
    assert r.clause("OP3").text == "Calls upon States:" and r.clause("OP3").verb == "Calls upon"


def test_item_labels_in_other_scripts_are_lettered_in_order() -> None:
    body = (
        '<paragraph><num>1 -</num><list><intro><p><span class="italic">يقرر</span> ما يلي:</p></intro>'
        "<point><num>(أ)</num><content><p>ألف؛</p></content></point>"
        "<point><num>(ب)</num><content><p>باء.</p></content></point></list></paragraph>"
    )
    r = read(document(body, language="ara")).resolution
    assert [c.key for c in r.clauses] == ["OP1", "OP1(a)", "OP1(b)"]
    assert r.clause("OP1").verb == "يقرر"


def test_recorded_vote_with_voters() -> None:
    meta = (
        '<analysis source="#un"><parliamentary><voting outcome="adoptedRecordedVote">'
        '<count value="2" refersTo="inFavour"><akn4un:voters><organization refersTo="memberState">ALPHALAND'
        '</organization><organization refersTo="memberState">BETA REPUBLIC</organization></akn4un:voters>'
        '</count><count value="1" refersTo="against"><akn4un:voters><organization>GAMMA</organization>'
        "</akn4un:voters></count>"
        '<count value="0" refersTo="abstaining"><akn4un:voters/></count>'
        "</voting></parliamentary></analysis>"
    )
    r = read(document(paragraph("1.", "Decides", " so."), meta_extra=meta)).resolution
    assert r.vote is not None
    assert (r.vote.yes, r.vote.no, r.vote.abstentions) == (2, 1, 0)
    assert r.vote.voters == (("ALPHALAND", "yes"), ("BETA REPUBLIC", "yes"), ("GAMMA", "no"))


def test_workflow_sponsors() -> None:
    meta = (
        '<workflow source="#un"><step outcome="draftResolution" as="A/C.1/99/L.7" by="Alphaland, Trinidad and'
        ' Tobago and Zeta"/><step outcome="draftResolutionAdditionalSponsors" by=""/></workflow>'
    )
    r = read(document(paragraph("1.", "Decides", " so."), meta_extra=meta)).resolution
    assert r.sponsors == ("Alphaland", "Trinidad and Tobago", "Zeta")


def test_unnumbered_paragraphs_heading_and_continuation() -> None:
    body = (
        paragraph("1.", "Decides", " to widen the widgets, as follows:")
        + '<paragraph class="MercuryDocument"><content><p>“the synthetic clause quoted.”;</p></content>'
        + "</paragraph>"
        + '<paragraph class="H23"><content><p>Synthetic heading</p></content></paragraph>'
        + paragraph("2.", "Requests", " a report.")
    )
    r = read(document(body)).resolution
    assert [c.key for c in r.clauses] == ["OP1", "H1", "OP2"]
    assert r.clause("OP1").text.endswith("as follows: “the synthetic clause quoted.”;")
    assert r.clause("H1").text == "Synthetic heading"


def test_single_unnumbered_paragraph_is_op1() -> None:
    r = read(document(paragraph("", "Decides", " to close the synthetic item."))).resolution
    assert [c.key for c in r.clauses] == ["OP1"] and r.clause("OP1").verb == "Decides"


def test_parts_of_a_collection_keep_their_preambles() -> None:
    def part(letter: str) -> str:
        return (
            f'<component><statement name="resolution"><preface><p><docNumber>{letter}</docNumber><docTitle>'
            f"Synthetic part {letter}</docTitle></p></preface><preamble>{container('Recalling', ' widgets,')}"
            f"</preamble><mainBody>{paragraph('1.', 'Decides', ' so;')}</mainBody></statement></component>"
        )

    data = document("", root="documentCollection").replace(
        b"<mainBody></mainBody>", f"<components>{part('A')}{part('B')}</components>".encode()
    )
    r = read(data).resolution
    assert [c.key for c in r.clauses] == ["A.H1", "A.PP1", "A.OP1", "B.H1", "B.PP1", "B.OP1"]


def test_annex_paragraphs_text_and_headings() -> None:
    attachments = (
        '<attachments><attachment><doc name="annex"><mainBody>'
        '<paragraph class="H23"><subheading>Annex</subheading></paragraph>'
        '<paragraph class="H23"><subheading>Synthetic charter</subheading></paragraph>'
        "<paragraph><num>1.</num><content><p>Widgets are synthetic.</p></content></paragraph>"
        "<paragraph><content><p>An unnumbered synthetic sentence ends here.</p></content></paragraph>"
        "</mainBody></doc></attachment></attachments>"
    )
    r = read(document(paragraph("1.", "Adopts", " the charter annexed."), attachments=attachments)).resolution
    assert [c.key for c in r.clauses] == ["OP1", "ANNEX.H1", "ANNEX.P1", "ANNEX.T1"]


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx">]><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&x;</akomaNtoso>',
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement>',
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        + b"<p>" * 500
        + b"</p>" * 500
        + b"</akomaNtoso>",
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"></akomaNtoso>',
    ],
    ids=["entities", "truncated", "too-deep", "empty"],
)
def test_hostile_or_broken_xml_is_one_clear_error(data: bytes) -> None:
    with pytest.raises(InputError, match=r"synthetic\.xml: "):
        read(data)


@pytest.mark.shared
def test_every_real_akn_file_reads() -> None:
    files = sorted(_need(AKN).glob("*session/*/*.xml"))
    assert len(files) >= 1100
    failures = []
    for path in files:
        try:
            r = normalize_bytes(path.read_bytes(), path.name).resolution
            assert r.symbol and r.clauses, "no symbol or no clauses"
        except Exception as error:
            failures.append(f"{path.relative_to(AKN)}: {error!r}")
    assert not failures, "\n".join(failures)
