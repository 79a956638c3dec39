"""Plain text extracted from a PDF (PyMuPDF's or pdftotext's output, a viewer's copy): page furniture,
footnotes at page feet, numbers on their own lines, paragraphs broken by pages. The texts are SYNTHETIC
(laid out as the UN's PDFs are, but not real resolution text)."""

from __future__ import annotations

import json

import pytest

from resdiff.model import Resolution
from resdiff.normalize import normalize_bytes
from resdiff.readers import opens_preambular_paragraph, read
from resdiff.readers.pages import take_out_pages

# a PyMuPDF-like extraction: masthead, numbers on their own lines, a two-line running head and the page's
# furniture between pages, footnotes after a rule at each page's foot
SYNTHETIC_EXTRACTION = """United Nations \nA/RES/99/8
 \n \nGeneral Assembly \nDistr.: General \n9 December 2030 \n \n30-12345 (E) \n*3012345* \n \n
Ninety-ninth session \nAgenda item 12 (b) \n \n Resolution adopted by the General Assembly \n
on 2 December 2030 \n
[on the report of the First Committee (A/99/400, para. 9)] \n \n \n
99/8. Synthetic convention on the protection of \nsynthetic things \n \n \n
The General Assembly, \n \nRecalling its resolution 98/8 of 1 December 2029 on the synthetic convention,1 \n
Noting that the Convention on the protection of synthetic things has been joined by many
States, and that the Convention on the protection of synthetic things entered into force in
__________________ \n \n1  Synthetic Treaty Series, vol. 1, No. 2. \n
2  Ibid., vol. 3, which is a long footnote that wraps over to a second line of the page's foot
and ends here. \n
A/RES/99/8 \nSynthetic convention on the protection of \nsynthetic things \n \n30-12345 \n2/3 \n \n
Geneva,2 a city of many conventions, \n \n1. \nDecides to remain seized of the matter; \n \n
2. \nRequests the Secretary-General to report on the matter, which by then will have reached a total of
164. \n \n44th plenary meeting \n2 December 2030 \n"""


def test_furniture_running_heads_and_page_feet_are_taken_out() -> None:
    text, notes = take_out_pages(SYNTHETIC_EXTRACTION)
    assert notes == [
        (1, "Synthetic Treaty Series, vol. 1, No. 2."),
        (
            2,
            "Ibid., vol. 3, which is a long footnote that wraps over to a second line of the page's foot and "
            "ends here.",
        ),
    ]
    for furniture in ("30-12345", "2/3", "__", "A/RES/99/8 \n"):
        assert furniture not in text.split("99/8. Synthetic")[1]
    assert "1. Decides to remain seized of the matter;" in text  # the lone number joined its text
    assert "a total of\n164." in text  # a number ending a sentence stays where it is


def test_a_pymupdf_extraction_normalizes_to_its_clauses_and_metadata() -> None:
    normalized = normalize_bytes(SYNTHETIC_EXTRACTION.encode(), "synthetic_extraction.txt")
    resolution = normalized.resolution
    assert normalized.warnings == ()
    assert (resolution.symbol, resolution.title, resolution.distributed, resolution.committee) == (
        "A/RES/99/8",
        "Synthetic convention on the protection of synthetic things",
        "2030-12-09",
        "First Committee",
    )
    assert [(c.key, c.notes) for c in resolution.clauses] == [
        ("PP1", ("FN1",)),
        ("PP2", ("FN2",)),  # one paragraph across the page: its last line on page 1 was full
        ("OP1", ()),
        ("OP2", ()),
        ("FN1", ()),
        ("FN2", ()),
    ]
    assert resolution.clause("PP2").text.endswith("entered into force in Geneva, a city of many conventions,")
    assert resolution.clause("OP2").text.endswith("a total of 164.")


def test_an_extraction_saved_as_json_reads_its_text_field() -> None:
    data = json.dumps({"symbol": "A/RES/99/8", "title": "a wrong title", "text": SYNTHETIC_EXTRACTION})
    raw = read(data)
    assert raw.reader == "extraction-json" and raw.hints == {"symbol": "A/RES/99/8"}
    from_json = normalize_bytes(data.encode(), "synthetic.json").resolution
    from_text = normalize_bytes(SYNTHETIC_EXTRACTION.encode(), "synthetic.txt").resolution
    assert from_json.clauses == from_text.clauses and from_json.title == from_text.title


def test_body_text_quoting_the_title_beside_a_job_number_stays() -> None:
    """A running head sits beside the symbol; the title quoted at the foot of the front page is text."""
    text = (
        "99/8. Synthetic convention on the protection of synthetic things\n\nThe General Assembly,\n\n"
        "Noting the work done to implement the Convention on the protection of\n"
        "synthetic things, and its entry into force,\n\n30-12345 (E)\n\n1. Decides to act.\n"
    )
    stripped, _ = take_out_pages(text)
    assert "synthetic things, and its entry into force," in stripped and "30-12345" not in stripped


def test_cleaned_text_with_bare_footnote_bodies_after_the_meeting_line() -> None:
    text = (
        "99/9. Synthetic\n\nThe General Assembly,\n\nWelcoming the synthetic efforts,1\n"
        "Noting the synthetic report,2\n\n1. Decides to act.\n\n3rd plenary meeting\n2 December 2030\n\n"
        "1 Including synthetic efforts of many kinds.\n2 A/99/1.\n"
    )
    resolution = normalize_bytes(text.encode(), "synthetic.txt").resolution
    assert [(c.key, c.text, c.notes) for c in resolution.clauses] == [
        ("PP1", "Welcoming the synthetic efforts,", ("FN1",)),  # "...efforts,1" swallows no paragraph
        ("PP2", "Noting the synthetic report,", ("FN2",)),
        ("OP1", "Decides to act.", ()),
        ("FN1", "Including synthetic efforts of many kinds.", ()),
        ("FN2", "A/99/1.", ()),
    ]
    assert resolution.meeting == "3rd plenary meeting"


def test_markdown_extraction_lines_run_together_are_two_paragraphs() -> None:
    """80/34's extraction ran "...multilateralism," and "Convinced that ..." together in one block."""
    text = (
        "---\nsymbol: A/RES/99/3\n---\n\n99/3. Synthetic\n\nThe General Assembly,\n\n"
        "Emphasizing that the synthetic convention is a success,\nConvinced that it will remain one,\n\n"
        "Recalling its resolutions 1/1 of 1 December 1990,\n2/2 of 2 December 1991 and 3/3 of 1992,\n\n"
        "1. Decides to act.\n"
    )
    clauses = normalize_bytes(text.encode(), "synthetic.md").resolution.clauses
    assert [c.text for c in clauses[:3]] == [
        "Emphasizing that the synthetic convention is a success,",
        "Convinced that it will remain one,",
        "Recalling its resolutions 1/1 of 1 December 1990, 2/2 of 2 December 1991 and 3/3 of 1992,",
    ]


@pytest.mark.parametrize(
    ("line", "strict", "opens"),
    [
        ("Convinced that the Convention", True, True),
        ("Re-emphasizing its support", True, True),
        ("Deeply concerned by the use", True, True),
        ("Mindful of the need", True, True),
        ("United Nations, in this regard", False, False),
        ("Landlocked Developing Countries", True, False),
        ("Stockpiling and Use of Chemical Weapons", False, False),
        ("Welcoming Member States’ efforts", True, False),  # strict: a capital after it may be a name
        ("Welcoming Member States’ efforts", False, True),
        ("the Convention on the Prohibition", False, False),
    ],
)
def test_what_opens_a_preambular_paragraph(line: str, strict: bool, opens: bool) -> None:
    assert opens_preambular_paragraph(line, strict=strict) is opens


def test_a_page_break_before_a_capital_goes_on_in_an_english_preamble() -> None:
    """ "...Development, Production," then, on the next page, "Stockpiling and Use of ..."."""
    text = (
        "99/4. Synthetic\n\nThe General Assembly,\n\nRecalling that the synthetic text is long,\n\n"
        "Mindful of its length,\n\nDeeply concerned by its length,\n\n"
        "Noting the synthetic convention on the Development, Production,\n\n"
        "Stockpiling and Use of Synthetic Things,\n\nWelcoming the synthetic report,\n\n1. Decides to act.\n"
    )
    resolution = normalize_bytes(text.encode(), "synthetic.txt").resolution
    assert [c.key for c in resolution.clauses] == ["PP1", "PP2", "PP3", "PP4", "PP5", "OP1"]
    assert resolution.clause("PP4").text.endswith("Production, Stockpiling and Use of Synthetic Things,")
    french = text.replace("Recalling that", "Rappelant que").replace("Mindful of", "Consciente de")
    assert len(normalize_bytes(french.encode(), "synthetic.txt").resolution.clauses) == 7  # not English


def _keys(resolution: Resolution) -> list[str]:
    return [c.key for c in resolution.clauses]


def test_a_number_parted_from_its_text_by_a_page_break_keeps_its_paragraph() -> None:
    text = (
        "99/5. Synthetic\n\nThe General Assembly,\n\n1. Decides to act;\n\n2.\f Requests a report;\n\n"
        "3. Decides to remain seized of the matter.\n"
    )
    normalized = normalize_bytes(text.encode(), "synthetic.txt")
    assert _keys(normalized.resolution) == ["OP1", "OP2", "OP3"]
    assert normalized.resolution.clause("OP2").text == "Requests a report;"


def test_a_paragraph_number_printed_twice_never_makes_two_clauses_with_one_key() -> None:
    text = "99/6. Synthetic\n\nThe General Assembly,\n\n1. Decides x;\n\n2. Decides y;\n\n2. Decides z.\n"
    normalized = normalize_bytes(text.encode(), "synthetic.txt")
    assert len(set(_keys(normalized.resolution))) == len(normalized.resolution.clauses)


def test_paragraph_numbers_from_1000_on_are_read() -> None:
    paragraphs = "\n\n".join(f"{n}. Decides x{n};" for n in range(1, 1103))
    text = f"99/7. Synthetic\n\nThe General Assembly,\n\n{paragraphs}\n\n1st plenary meeting\n"
    resolution = normalize_bytes(text.encode(), "synthetic.txt").resolution
    assert _keys(resolution)[-3:] == ["OP1100", "OP1101", "OP1102"]
    assert resolution.clause("OP1000").text == "Decides x1000;"


def test_a_year_starting_a_wrapped_line_is_no_paragraph_number() -> None:
    text = "99/7. Synthetic\n\nThe General Assembly,\n\n1. Decides to act as agreed in\n2015. Notes a fact.\n"
    resolution = normalize_bytes(text.encode(), "synthetic.txt").resolution
    assert _keys(resolution) == ["OP1"]


def test_a_warning_given_thousands_of_times_is_said_once_with_its_count() -> None:
    paragraphs = "\n\n".join("Decides x;" for _ in range(3000))
    text = f"99/7. Synthetic\n\nThe General Assembly,\n\nNoting y,\n\n1. Decides x;\n\n{paragraphs}\n"
    warnings = normalize_bytes(text.encode(), "synthetic.txt").warnings
    assert len(warnings) <= 20
    assert not any(w.startswith("main body: an operative paragraph has no number") for w in warnings[20:])
