"""The AKN4UN reader's fixes of this round, each on a SYNTHETIC fixture laid out as the UN's files
that showed the defect are (invented words; the real files are named where they are measured in
``test_parallel_real.py``): citations from the links in any language, Arabic footnote markers in
parentheses, a preambular paragraph the markup put in the body, the closing meeting line put in the
body, a sublist continuing its parent list's letters, Cyrillic look-alike item labels."""

from __future__ import annotations

from resdiff.normalize import normalize_bytes
from synthetic_akn import container, document, paragraph


def read(data: bytes):  # type: ignore[no-untyped-def]
    return normalize_bytes(data, "synthetic.xml").resolution


def test_cites_come_from_the_links_in_any_language() -> None:
    preamble = container(
        "Rappelant",
        ' sa résolution <a href="https://docs.un.org/fr/A/RES/63/71">63/71</a> et la résolution '
        '<a href="https://undocs.org/fr/A/RES/46/36L">46/36 L</a> ainsi que le rapport '
        '<a href="https://undocs.org/fr/A/80/534">A/80/534</a>,',
    )
    r = read(document(paragraph("1.", "Décide", " de conclure."), preamble=preamble, language="fra"))
    assert r.cites == ("A/RES/63/71", "A/RES/46/36 L")


def test_arabic_marker_parentheses_and_the_empty_parentheses_of_the_note_are_dropped() -> None:
    body = (
        '<paragraph class="SingleTxt"><num>1 -</num><content><p xml:space="preserve">\t'
        '<span class="bold italic">تقرر</span> متابعة القرار 79/16<sup>(</sup><authorialNote marker="1" '
        'placement="bottom"><p xml:space="preserve">\t()\tالقرار دإ-10/2.</p></authorialNote><sup>)</sup>،'
        "</p></content></paragraph>"
    )
    r = read(document(body, language="ara"))
    assert r.clause("OP1").text == "تقرر متابعة القرار 79/16،"
    assert r.clause("OP1").notes == ("FN1",)
    assert r.clause("FN1").text == "القرار دإ-10/2."


def test_a_preambular_paragraph_the_markup_put_in_the_body_stays_preambular() -> None:
    preamble = container("Noting", " that the synthetic widgets grew,")
    body = (
        '<paragraph class="SingleTxt"><content><p xml:space="preserve">\t<span class="italic">Recognizing'
        "</span> the widgets' importance,</p></content></paragraph>"
        + paragraph("1.", "Decides", " to widen them.")
    )
    r = read(document(body, preamble=preamble))
    assert [c.key for c in r.clauses] == ["PP1", "PP2", "OP1"]
    assert r.clause("PP2").text == "Recognizing the widgets' importance,"


def test_the_closing_meeting_line_in_the_body_is_the_meeting_not_a_clause() -> None:
    body = paragraph("1.", "Decide", " ampliar los artefactos.") + (
        '<paragraph class="resolution"><content><p xml:space="preserve"><span class="italic">41</span>'
        '<sup>a</sup><span class="italic"> sesión plenaria</span></p></content></paragraph>'
        '<paragraph class="resolution"><content><p xml:space="preserve"><span class="italic">7 de diciembre '
        "de 2044</span></p></content></paragraph>"
    )
    r = read(document(body, language="spa", conclusions=" "))
    assert [c.key for c in r.clauses] == ["OP1"]
    assert r.meeting == "41a sesión plenaria"


def test_a_sublist_that_goes_on_with_its_parents_letters_is_the_same_level() -> None:
    def point(label: str, text: str) -> str:
        return f"<point><num>{label}</num><content><p>{text}</p></content></point>"

    body = (
        '<paragraph><num>3.</num><list><intro><p><span class="italic">Призывает</span> к:</p></intro>'
        + point("а)", "первому;")  # a Cyrillic а, as typed in the real file
        + point("b)", "второму;")
        + point("с)", "третьему;")  # Cyrillic с
        + "<sublist>"
        + point("d)", "четвертому;")
        + point("е)", "пятому;")  # Cyrillic е
        + "</sublist>"
        + point("f)", "шестому.")
        + "</list></paragraph>"
    )
    r = read(document(body, language="rus"))
    assert [c.key for c in r.clauses] == ["OP3", *(f"OP3({x})" for x in "abcdef")]


def test_a_table_is_one_table_clause_with_its_cells_in_their_columns() -> None:
    """A SYNTHETIC table laid out as the UN's budget annexes are (80/239): an empty stub cell, a spacer
    column that only spanning cells cover, a caption spanning every column. Before, each row was a
    line of text run together; now the table is a ``TB`` clause, a row of cells per ``tr`` and no blank
    cell."""
    cell = '<{0}{1}><p xml:space="preserve">{2}</p></{0}>'
    rows = [
        ["th", "", ""], ["th", "", "Gross"], ["th", "", ""], ["th", "", "Net"],
    ], [
        ["th", "", ""], ["th", ' colspan="3"', "(synthetic dollars)"],
    ], [
        ["td", "", "Widgets for 2044"], ["td", "", "1 200"], ["td", ' colspan="2"', "1 100"],
    ]
    table = "<table>" + "".join(
        "<tr>" + "".join(cell.format(*c) for c in row) + "</tr>" for row in rows
    ) + "</table>"
    body = paragraph("1.", "Decides", " to apportion the amounts below:") + (
        f'<container name="table">{table}</container>'
    )
    r = read(document(body))
    assert [c.key for c in r.clauses] == ["OP1", "TB1"]
    assert r.clause("TB1").text == "Gross | Net || (synthetic dollars) || Widgets for 2044 | 1 200 | 1 100"
