"""The DOCX reader, on SYNTHETIC Word files built here with python-docx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from resdiff.errors import InputError
from resdiff.model import Normalized
from resdiff.normalize import normalize_bytes, normalize_path
from resdiff.readers import docx as docx_reader

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SYNTHETIC_HEADER = (
    "Ninety-ninth session",
    "Agenda item 5",
    "Resolution adopted by the General Assembly on 3 March 2099",
    "99/5. Synthetic Word resolution",
    "The General Assembly,",
)
FOOTNOTES_XML = f"""<w:footnotes xmlns:w="{W}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0">
<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r>
<w:r><w:t xml:space="preserve"> Synthetic Treaty Series, vol. 1.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def synthetic_document(tmp_path: Path, with_footnotes_part: bool) -> Path:
    document = Document()
    for line in SYNTHETIC_HEADER:
        document.add_paragraph(line)
    paragraph = document.add_paragraph("Noting a synthetic convention")
    if with_footnotes_part:  # a real footnote reference; Word numbers it 1 whatever its id
        paragraph.add_run()._r.append(parse_xml(f'<w:footnoteReference xmlns:w="{W}" w:id="7"/>'))
        part = Part(
            PackURI("/word/footnotes.xml"),
            CONTENT_TYPE.WML_FOOTNOTES,
            FOOTNOTES_XML.encode(),
            document.part.package,
        )
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    else:  # a marker typed as a superscript digit
        paragraph.add_run("1").font.superscript = True
    paragraph.add_run(" and its synthetic protocol,")
    for verb, rest in (
        ("Calls upon", " all synthetic States to act;"),
        ("Decides", " to stay seized of it."),
    ):
        numbered = document.add_paragraph(style="List Number")  # automatic numbering: no "1." in the text
        numbered.add_run(verb).italic = True
        numbered.add_run(rest)
    document.add_paragraph("1st plenary meeting")
    path = tmp_path / "synthetic.docx"
    document.save(str(path))
    return path


def test_footnote_references_numbering_and_italic_verbs(tmp_path: Path) -> None:
    normalized = normalize_path(synthetic_document(tmp_path, with_footnotes_part=True))
    resolution = normalized.resolution
    assert normalized.warnings == ()
    assert resolution.source is not None and resolution.source.reader == "docx"
    assert (resolution.symbol, resolution.session, resolution.adopted) == ("A/RES/99/5", 99, "2099-03-03")
    assert [(c.key, c.text, c.notes, c.verb) for c in resolution.clauses] == [
        ("PP1", "Noting a synthetic convention and its synthetic protocol,", ("FN1",), None),
        ("OP1", "Calls upon all synthetic States to act;", (), "Calls upon"),
        ("OP2", "Decides to stay seized of it.", (), "Decides"),
        ("FN1", "Synthetic Treaty Series, vol. 1.", (), None),
    ]


def test_superscript_digit_is_a_marker(tmp_path: Path) -> None:
    normalized = normalize_path(synthetic_document(tmp_path, with_footnotes_part=False))
    assert (
        normalized.resolution.clause("PP1").text
        == "Noting a synthetic convention and its synthetic protocol,"
    )
    assert any("marker 1 has no footnote body" in w for w in normalized.warnings)


def test_a_broken_docx_is_one_input_error() -> None:
    data = b"PK\x03\x04 not really a zip, though it names word/document.xml"
    assert docx_reader.detect(data)
    with pytest.raises(InputError, match=r"^synthetic\.docx: cannot read it as a DOCX") as caught:
        normalize_bytes(data, "synthetic.docx")
    assert "\n" not in str(caught.value)


def test_number_formats() -> None:
    assert [docx_reader._label(n, "decimal") for n in (1, 12)] == ["1. ", "12. "]
    assert [docx_reader._label(n, "lowerLetter") for n in (1, 3)] == ["(a) ", "(c) "]
    assert [docx_reader._label(n, "lowerRoman") for n in (1, 4, 9, 14)] == [
        "(i) ",
        "(iv) ",
        "(ix) ",
        "(xiv) ",
    ]


def test_tracked_changes_are_read_accepted_and_said(tmp_path: Path) -> None:
    """A SYNTHETIC draft with a tracked insertion, a tracked deletion and a hyperlinked word."""
    document = Document()
    for line in SYNTHETIC_HEADER:
        document.add_paragraph(line)
    paragraph = document.add_paragraph("1. Calls upon all synthetic States to act")
    paragraph._p.append(
        parse_xml(
            f'<w:ins xmlns:w="{W}" w:id="1" w:author="A" w:date="2099-01-01T00:00:00Z">'
            '<w:r><w:t xml:space="preserve"> without delay</w:t></w:r></w:ins>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del xmlns:w="{W}" w:id="2" w:author="A" w:date="2099-01-01T00:00:00Z">'
            '<w:r><w:delText xml:space="preserve"> eventually</w:delText></w:r></w:del>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:hyperlink xmlns:w="{W}">'
            '<w:r><w:t xml:space="preserve"> and in good faith;</w:t></w:r></w:hyperlink>'
        )
    )
    document.add_paragraph("1st plenary meeting")
    path = tmp_path / "synthetic-draft.docx"
    document.save(str(path))
    normalized = normalize_path(path)
    assert (
        normalized.resolution.clause("OP1").text
        == "Calls upon all synthetic States to act without delay and in good faith;"
    )
    assert any("tracked changes" in warning for warning in normalized.warnings)
    clean = normalize_path(synthetic_document(tmp_path, with_footnotes_part=True))
    assert not any("tracked changes" in warning for warning in clean.warnings)


def _closed_and_read(document: Any, path: Path) -> Normalized:
    """A SYNTHETIC draft closed with a numbered "Decides" paragraph and the meeting line, saved and read."""
    closing = document.add_paragraph(style="List Number")
    closing.add_run("Decides").italic = True
    closing.add_run(" to stay seized of it.")
    document.add_paragraph("1st plenary meeting")
    document.save(str(path))
    return normalize_path(path)


def test_a_struck_numbered_paragraph_is_gone_and_takes_no_number(tmp_path: Path) -> None:
    """SYNTHETIC draft: the second of three automatically numbered paragraphs is deleted whole."""
    document = Document()
    for line in SYNTHETIC_HEADER:
        document.add_paragraph(line)
    for verb, rest in (("Calls upon", " all synthetic States to act;"), ("Urges", " them to act now;")):
        numbered = document.add_paragraph(style="List Number")
        numbered.add_run(verb).italic = True
        numbered.add_run(rest)
    struck = document.paragraphs[-1]
    for run in list(struck._p.r_lst):  # the whole paragraph becomes a tracked deletion
        text = "".join(t.text for t in run.iter(f"{{{W}}}t"))
        struck._p.remove(run)
        struck._p.append(
            parse_xml(
                f'<w:del xmlns:w="{W}" w:id="9" w:author="A" w:date="2099-01-01T00:00:00Z">'
                f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
            )
        )
    normalized = _closed_and_read(document, tmp_path / "synthetic-struck.docx")
    operative = [(c.key, c.text) for c in normalized.resolution.clauses if c.key.startswith("OP")]
    assert operative == [
        ("OP1", "Calls upon all synthetic States to act;"),
        ("OP2", "Decides to stay seized of it."),
    ]
    assert not any("numbered it" in warning for warning in normalized.warnings)  # no gap, no phantom "2."


def _replace_footnotes(path: Path, xml: str) -> None:
    """Give a saved SYNTHETIC document another footnotes part."""
    document = Document(str(path))
    for rel in document.part.rels.values():
        if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES:
            rel.target_part._blob = xml.encode()
    document.save(str(path))


def test_tracked_changes_in_a_footnote_are_read_accepted(tmp_path: Path) -> None:
    path = synthetic_document(tmp_path, with_footnotes_part=True)
    tracked_notes = FOOTNOTES_XML.replace(
        '<w:t xml:space="preserve"> Synthetic Treaty Series, vol. 1.</w:t></w:r>',
        '<w:t xml:space="preserve"> Synthetic Treaty Series, vol. </w:t></w:r>'
        '<w:del w:id="1" w:author="A" w:date="2099-01-01T00:00:00Z">'
        "<w:r><w:delText>1</w:delText></w:r></w:del>"
        '<w:ins w:id="2" w:author="A" w:date="2099-01-01T00:00:00Z"><w:r><w:t>2</w:t></w:r></w:ins>'
        "<w:r><w:t>.</w:t></w:r>",
    )
    assert tracked_notes != FOOTNOTES_XML
    _replace_footnotes(path, tracked_notes)
    normalized = normalize_path(path)
    assert normalized.resolution.clause("FN1").text == "Synthetic Treaty Series, vol. 2."
    assert any("tracked changes" in warning for warning in normalized.warnings)


def test_a_struck_paragraph_mark_joins_two_paragraphs_as_word_accepts_it(tmp_path: Path) -> None:
    """SYNTHETIC draft: the mark after the first preambular paragraph is a tracked deletion."""
    document = Document()
    for line in SYNTHETIC_HEADER:
        document.add_paragraph(line)
    first = document.add_paragraph("Recalling its synthetic resolutions on beacons, ")
    first._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:rPr xmlns:w="{W}"><w:del w:id="5" w:author="A" w:date="2099-01-01T00:00:00Z"/></w:rPr>'
        )
    )
    document.add_paragraph("and noting the synthetic report,")
    normalized = _closed_and_read(document, tmp_path / "synthetic-joined.docx")
    preambular = [c.text for c in normalized.resolution.clauses if c.key.startswith("PP")]
    assert preambular == ["Recalling its synthetic resolutions on beacons, and noting the synthetic report,"]
    assert any("tracked changes" in warning for warning in normalized.warnings)


def test_a_footnote_of_two_paragraphs_and_a_tab_reads_with_spaces(tmp_path: Path) -> None:
    path = synthetic_document(tmp_path, with_footnotes_part=True)
    notes = FOOTNOTES_XML.replace(
        '<w:t xml:space="preserve"> Synthetic Treaty Series, vol. 1.</w:t></w:r></w:p>',
        '<w:t xml:space="preserve"> Synthetic Treaty Series,</w:t></w:r>'
        "<w:r><w:tab/><w:t>vol. 1.</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>See also the synthetic annex.</w:t></w:r></w:p>",
    )
    assert notes != FOOTNOTES_XML
    _replace_footnotes(path, notes)
    text = normalize_path(path).resolution.clause("FN1").text
    assert text == "Synthetic Treaty Series, vol. 1. See also the synthetic annex."


def test_a_struck_mark_on_the_last_paragraph_keeps_its_text(tmp_path: Path) -> None:
    """Word cannot join the last paragraph to anything: its text stays (SYNTHETIC draft)."""
    document = Document()
    for line in SYNTHETIC_HEADER:
        document.add_paragraph(line)
    document.add_paragraph("Recalling its synthetic resolutions on beacons,")
    numbered = document.add_paragraph(style="List Number")
    numbered.add_run("Decides").italic = True
    numbered.add_run(" to stay seized of it.")
    numbered._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:rPr xmlns:w="{W}"><w:del w:id="5" w:author="A" w:date="2099-01-01T00:00:00Z"/></w:rPr>'
        )
    )
    path = tmp_path / "synthetic-last.docx"
    document.save(str(path))
    assert normalize_path(path).resolution.clause("OP1").text == "Decides to stay seized of it."
