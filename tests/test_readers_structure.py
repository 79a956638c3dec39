"""Every structure the Assembly uses, read right (issue 16 section 2): each rule on SYNTHETIC PDFs laid out
as the UN's are (``synthetic_pdf``) and on the real files in ``../shared``, checked against the UN's own
AKN4UN XML of the same resolutions (source: United Nations, DGACM; ``akn_twins``)."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

import akn_twins
from conftest import SHARED, _need
from resdiff import canonical
from resdiff.compare import compare
from resdiff.model import Resolution
from resdiff.normalize import normalize_bytes, normalize_path
from synthetic_pdf import synthetic_un_pdf

UN_PDF = SHARED / "data" / "un-pdf"


@cache
def _read(path: Path) -> Resolution:
    return normalize_path(path).resolution


def _synthetic(pages: list[list[str]]) -> Resolution:
    return normalize_bytes(synthetic_un_pdf(pages), "synthetic.pdf").resolution


def _texts(resolution: Resolution) -> dict[str, str]:
    return {c.key: c.text for c in resolution.clauses}


# --- words split by a space --------------------------------------------------------------------------

SYNTHETIC_SPLIT_WORDS = [
    [
        "99/6. Synthetic split words",
        "",
        ">The General Assembly,",
        "",
        ">*Noting* with gr~ave concern the defe~rred synthetic items~~and the Non~-Synthetic list,",
        "",
        "1.|*Decides* to act on the cou~ncil of synthetic items.",
    ]
]


def test_a_word_placed_in_pieces_stays_whole_and_a_word_gap_without_a_space_parts() -> None:
    """PDFium infers a space between the pieces (0.6 of a space apart); the pen positions say it is none,
    while a gap of a whole space with no space drawn is a word gap."""
    texts = _texts(_synthetic(SYNTHETIC_SPLIT_WORDS))
    assert texts["PP1"] == (
        "Noting with grave concern the deferred synthetic items and the Non-Synthetic list,"
    )
    assert texts["OP1"] == "Decides to act on the council of synthetic items."


_WORD_RE = re.compile(r"[^\W\d_]+")


def _split_words(resolution: Resolution, vocabulary: frozenset[str]) -> list[str]:
    """Two neighbouring words of a clause that the XML has as one word, neither half being a word of it."""
    found = []
    for clause in resolution.clauses:
        tokens = clause.text.split(" ")
        for first, second in pairwise(tokens):
            if not (_WORD_RE.fullmatch(first) and _WORD_RE.match(second)):
                continue
            head, tail = first, _WORD_RE.match(second)[0]  # type: ignore[index]
            if head + tail in vocabulary and (head not in vocabulary or tail not in vocabulary):
                found.append(f"{clause.key}: {first} {second}")
    return found


def test_no_word_of_the_real_pdfs_is_split_where_the_uns_xml_has_it_whole() -> None:
    """Before this rule, 13 words in 7 of the 92 PDFs with an XML twin came out split ("gr ave",
    "Committe e", "ac cordance"), and 39 hyphenated words gained a space ("Non -Proliferation")."""
    pdfs = sorted(_need(UN_PDF).glob("ga-res-*/*.pdf"))
    checked, split = 0, {}
    for pdf in pdfs:
        xml = akn_twins.twin(pdf.stem)
        if xml is None:
            continue
        checked += 1
        found = _split_words(_read(pdf), akn_twins.words(xml))
        if found:
            split[pdf.stem] = found
    assert checked >= 90
    assert split == {}
    texts = _texts(_read(UN_PDF / "ga-res-78" / "A_RES_78_29.pdf"))
    assert "grave" in texts["OP2"] and "effective" in texts["OP10"]
    assert not [key for pdf in pdfs for key, text in _texts(_read(pdf)).items() if " -Proliferation" in text]


# --- paragraph starts from the layout ------------------------------------------------------------------

SYNTHETIC_OPENERS = [
    [
        "99/6. Synthetic openers",
        "",
        ">*The General Assembly,*",
        "",
        ">*Recalling* its synthetic resolutions,",
        "",
        ">*Noting* the synthetic report,",
        "",
        ">*Deeply concerned* by the synthetic findings,",
        "",
        ">*Ever watchful* that the synthetic findings hold,",
        "",
        ">*Recalling also* the synthetic convention on the Development, Production, Synthesis,",
    ],
    [
        "@head",
        "Stockpiling and Use of Synthetic Things,",
        "",
        ">*Ever mindful* that the synthetic things remain,",
        "",
        "1.|*Decides* to act.",
    ],
]


def test_a_paragraph_starts_where_the_layout_starts_it_whatever_its_first_words() -> None:
    """An indented first line with an italic opener starts a preambular paragraph, at a page's top too;
    a page's first line at the margin goes on with the paragraph the page before ended."""
    resolution = _synthetic(SYNTHETIC_OPENERS)
    assert [c.key for c in resolution.clauses] == ["PP1", "PP2", "PP3", "PP4", "PP5", "PP6", "OP1"]
    texts = _texts(resolution)
    assert texts["PP4"] == "Ever watchful that the synthetic findings hold,"
    assert texts["PP5"].endswith("Production, Synthesis, Stockpiling and Use of Synthetic Things,")
    assert texts["PP6"] == "Ever mindful that the synthetic things remain,"


@pytest.mark.parametrize(
    "path",
    [
        "un-pdf/ga-res-79/A_RES_79_35.pdf",
        "un-pdf/pymupdf-json/ga-res-79/A_RES_79_35.json",
        "un-pdf/ga-res-80/A_RES_80_39.pdf",
        "un-pdf/pymupdf-json/ga-res-80/A_RES_80_39.json",
        "ga-res-80/A_RES_80_39.md",
    ],
)
def test_ever_mindful_opens_its_own_preambular_paragraph(path: str) -> None:
    """79/35 and 80/39: "Ever mindful that ..." was folded into the paragraph before it."""
    resolution = _read(_need(SHARED / "data" / path))
    mindful = [c for c in resolution.clauses if "Ever mindful that" in c.text]
    assert len(mindful) == 1 and mindful[0].text.startswith("Ever mindful that, to preserve")
    assert mindful[0].type == "preambular"


def _paragraph_counts(xml: Path) -> tuple[int, int]:
    """Preambular and operative paragraphs of the resolution itself (annexes left out): the numbered
    ones, or the one unnumbered paragraph of a resolution with a single operative paragraph."""
    statement = next(akn_twins.root(xml).iter(f"{akn_twins.NS}statement"))
    preamble = statement.find(f"{akn_twins.NS}preamble")
    body = statement.find(f"{akn_twins.NS}mainBody")
    containers = [c for c in (preamble if preamble is not None else []) if akn_twins.local(c) == "container"]
    numbered = [
        p
        for p in (body if body is not None else [])
        if akn_twins.local(p) == "paragraph" and (p.findtext(f"{akn_twins.NS}num") or "")[:1].isdigit()
    ]
    paragraphs = [p for p in (body if body is not None else []) if akn_twins.local(p) == "paragraph"]
    return len(containers), len(numbered) or min(len(paragraphs), 1)


def test_every_rendering_has_the_uns_preambular_and_operative_paragraphs() -> None:
    """The 94 PDFs and their PyMuPDF texts (and the 55 Markdown twins) against the UN's XML: as many
    preambular paragraphs (its ``container``s: a paragraph's items, "(a) International peace and
    security," in 78/29, 79/56 and 80/34, are its sub-paragraphs, ``PP12(a)``, as in the XML's list) and
    numbered operative paragraphs."""
    files = [
        *sorted(_need(UN_PDF).glob("ga-res-*/*.pdf")),
        *sorted(UN_PDF.glob("pymupdf-json/*/*.json")),
        *sorted((SHARED / "data" / "ga-res-80").glob("*.md")),
    ]
    checked, differing = 0, []
    for path in files:
        xml = akn_twins.twin(path.stem)
        if xml is None:
            continue
        checked += 1
        keys = [c.key for c in _read(path).clauses]
        counts = (
            sum(k.startswith("PP") and "(" not in k for k in keys),
            sum(k.startswith("OP") and "(" not in k for k in keys),
        )
        if counts != _paragraph_counts(xml):
            differing.append(path.name)
    assert checked >= 240
    assert differing == []
    res_78_29 = _read(UN_PDF / "ga-res-78" / "A_RES_78_29.pdf")
    items = [c.key for c in res_78_29.clauses if c.key.startswith("PP12")]
    assert items == ["PP12", "PP12(a)", "PP12(b)", "PP12(c)", "PP12(d)", "PP12(e)"]


# --- multi-part resolutions ----------------------------------------------------------------------------

_FRONT = [
    "Ninety-ninth session",
    "Agenda item 12",
    "",
    "Resolution adopted by the General Assembly on 30 December 2030",
    "",
]
SYNTHETIC_TWO_PARTS = [
    [
        *_FRONT,
        "99/7. Questions relating to synthetic matters",
        "",
        "=A",
        "=Synthetic matters of the first kind",
        "",
        ">*The General Assembly,*",
        "",
        ">*Recalling* its synthetic resolution 98/7 A,",
        "",
        ">*Noting* the synthetic report,",
        "",
        "1.|*Decides* to act on the first kind;",
        "",
        "2.|*Requests* a synthetic report.",
        "",
        ">69th (resumed) plenary meeting",
        ">30 December 2030",
    ],
    [
        "@head",
        "=B",
        "=Synthetic matters of the second kind",
        "",
        ">*The General Assembly,*",
        "",
        ">*Recalling* its synthetic resolution 98/7 B,",
        "",
        "1.|*Decides* to act on the second kind;",
        "",
        "2.|*Also decides* to remain seized of the synthetic matter.",
        "",
        ">69th (resumed) plenary meeting",
        ">30 December 2030",
    ],
]


def test_a_two_part_pdf_keeps_each_part_its_heading_preamble_numbering_and_no_meeting_line() -> None:
    resolution = _synthetic(SYNTHETIC_TWO_PARTS)
    assert [c.key for c in resolution.clauses] == [
        "A.H1", "A.PP1", "A.PP2", "A.OP1", "A.OP2", "B.H1", "B.PP1", "B.OP1", "B.OP2",
    ]  # fmt: skip
    texts = _texts(resolution)
    assert texts["A.H1"] == "Synthetic matters of the first kind"
    assert texts["B.OP2"] == "Also decides to remain seized of the synthetic matter."
    assert not [key for key, text in texts.items() if "plenary" in text or "2030" in text]
    assert (resolution.meeting, resolution.adopted) == ("69th (resumed) plenary meeting", "2030-12-30")


SYNTHETIC_SECTIONS = [
    [
        *_FRONT,
        "99/8. Questions relating to the synthetic budget",
        "",
        ">*The General Assembly,*",
        "",
        ">*Recalling* its synthetic resolution 98/8,",
        "",
        "=I",
        "",
        "=Synthetic estimates of the first kind",
        "",
        ">*Having considered* the synthetic report,",
        "",
        "1.|*Approves* the synthetic estimates;",
        "",
        "2.|*Decides* to keep them under review;",
        "",
        "=II",
        "",
        "=Synthetic estimates of the second kind",
        "",
        "1.|*Takes note* of the synthetic report;",
    ],
    [
        "@head",
        "2.|*Requests* a synthetic report.",
        "",
        ">69th (resumed) plenary meeting",
        ">30 December 2030",
    ],
]


def test_roman_numbered_sections_keep_their_own_preamble_and_numbering() -> None:
    """Before: the second section's "1." stayed in the text of an operative paragraph, and a section's
    preamble became an operative paragraph."""
    normalized = normalize_bytes(synthetic_un_pdf(SYNTHETIC_SECTIONS), "synthetic.pdf")
    resolution = normalized.resolution
    assert [c.key for c in resolution.clauses] == [
        "PP1", "I.H1", "I.PP1", "I.OP1", "I.OP2", "II.H1", "II.OP1", "II.OP2",
    ]  # fmt: skip
    texts = _texts(resolution)
    assert texts["II.H1"] == "Synthetic estimates of the second kind"
    assert texts["II.OP1"] == "Takes note of the synthetic report;"
    assert resolution.clause("II.OP1").verb == "Takes note"
    assert normalized.warnings == ()


def test_the_uns_xml_holds_multi_part_resolutions_and_resumed_meetings() -> None:
    """What the synthetic PDFs above are laid out after: in sessions 79 and 80, parts A, B (C) each with
    its own meeting line, 54 meeting lines in the "(resumed)" form; no such PDF is in ``../shared``."""
    xmls = sorted(_need(akn_twins.AKN).glob("*session/English/*.xml"))
    parted = {xml.name.split("-")[0]: akn_twins.parts(xml) for xml in xmls if akn_twins.parts(xml)}
    assert parted["A_RES_80_84AB"] == ["A", "B"] and parted["A_RES_80_244AC"] == ["A", "B", "C"]
    resumed = [line for xml in xmls for line in akn_twins.meeting_lines(xml) if "(resumed)" in line]
    assert len(resumed) >= 50
    assert len(akn_twins.meeting_lines(next(x for x in xmls if x.name.startswith("A_RES_80_84AB")))) == 2


def test_the_resumed_meeting_line_of_a_real_pdf_is_metadata() -> None:
    """79/237 (adopted at a resumed session): its "55th (resumed) plenary meeting" and date were a
    heading H1 and H2."""
    for path in ("un-pdf/ga-res-79/A_RES_79_237.pdf", "un-pdf/pymupdf-json/ga-res-79/A_RES_79_237.json"):
        resolution = _read(_need(SHARED / "data" / path))
        assert resolution.meeting == "55th (resumed) plenary meeting"
        assert not [c.key for c in resolution.clauses if "plenary meeting" in c.text or c.type == "heading"]


def test_a_meeting_line_run_into_the_last_paragraph_is_metadata() -> None:
    text = (
        "99/9. Synthetic\n\nThe General Assembly,\n\nNoting a synthetic fact,\n\n"
        "1. Decides a synthetic thing.\n69th (resumed) plenary meeting\n30 December 2030\n"
    )
    resolution = normalize_bytes(text.encode(), "synthetic.txt").resolution
    assert _texts(resolution) == {"PP1": "Noting a synthetic fact,", "OP1": "Decides a synthetic thing."}
    assert (resolution.meeting, resolution.adopted) == ("69th (resumed) plenary meeting", "2030-12-30")


# --- the title's last line, and an annex on the page after the closing date --------------------------

SYNTHETIC_ANNEXED = [
    [
        *_FRONT,
        "99/10. Synthetic declaration of the special session of the",
        "=General Assembly",
        "",
        ">*The General Assembly,*",
        "",
        ">*Recalling* its synthetic resolution 98/10,",
        "",
        "1.|*Adopts* the synthetic declaration annexed to the present resolution.",
        "",
        ">69th plenary meeting",
        ">30 December 2030",
    ],
    [
        "@head",
        "Annex",
        "",
        "Synthetic declaration",
        "",
        "1.|We, the synthetic delegates, commit to synthetic things.",
        "",
        "2.|We recognize the synthetic facts.",
    ],
]


def test_a_title_ending_general_assembly_keeps_it_and_an_annex_on_the_next_page_is_read() -> None:
    """Before: the title lost its last line "General Assembly", "The General Assembly," became PP1, and
    the annex, whose heading starts the page after the closing date at the margin, was dropped whole
    (joined to the date)."""
    normalized = normalize_bytes(synthetic_un_pdf(SYNTHETIC_ANNEXED), "synthetic.pdf")
    resolution = normalized.resolution
    assert resolution.title == "Synthetic declaration of the special session of the General Assembly"
    assert [c.key for c in resolution.clauses] == ["PP1", "OP1", "ANNEX.H1", "ANNEX.P1", "ANNEX.P2"]
    assert resolution.clause("PP1").text == "Recalling its synthetic resolution 98/10,"
    assert (resolution.meeting, resolution.adopted) == ("69th plenary meeting", "2030-12-30")
    assert normalized.warnings == ()


def test_an_annex_paragraph_whose_sentence_ends_at_a_line_end_stays_whole_with_its_items() -> None:
    """A PDF's annex paragraph whose first sentence ends at a line's end, the next line at the margin
    opening another ("measure." then "We also emphasize ..."), is one paragraph: the layout starts none
    there. Before, it was cut in two and its items (a), (b) ran into its text (80/9's paragraph 28)."""
    pages = [
        SYNTHETIC_ANNEXED[0],
        [
            "@head",
            "Annex",
            "",
            "Synthetic declaration",
            "",
            "1.|We, the synthetic delegates, commit to the upkeep of every synthetic",
            "lighthouse as a preventive measure.",
            "We also emphasize the synthetic duty of coastal States. In this regard:",
            "",
            "(a)|We take note of the synthetic convention on beacons;",
            "",
            "(b)|We call for synthetic expertise in the keeping of lights.",
            "",
            "2.|We recognize the synthetic facts.",
        ],
    ]
    resolution = _synthetic(pages)
    assert [c.key for c in resolution.clauses if c.section == "ANNEX"] == [
        "ANNEX.H1", "ANNEX.P1", "ANNEX.P1(a)", "ANNEX.P1(b)", "ANNEX.P2",
    ]  # fmt: skip
    assert resolution.clause("ANNEX.P1").text.endswith(
        "preventive measure. We also emphasize the synthetic duty of coastal States. In this regard:"
    )


# --- a footnote's line that starts with a number -------------------------------------------------------

SYNTHETIC_NOTES = [
    [
        "99/11. Synthetic notes",
        "",
        ">The General Assembly,",
        "",
        ">*Noting* the synthetic report,^1",
        "",
        "1.|*Decides* to act on the synthetic report.^2",
        "---",
        "^1 Synthetic Records of the Assembly, Ninety-ninth Session, Supplement No.",
        "2 (A/99/2), paragraph 5.",
        "^2 A/99/7.",
    ]
]


def test_a_footnote_line_that_starts_with_a_number_goes_on_with_its_note_in_a_pdf() -> None:
    """The note numbers are raised: a plain number starting a line (the next note's number, 2) is the
    note's own text. Before: the note was cut off there, and a bogus footnote 2 made."""
    resolution = _synthetic(SYNTHETIC_NOTES)
    texts = _texts(resolution)
    assert (
        texts["FN1"]
        == "Synthetic Records of the Assembly, Ninety-ninth Session, Supplement No. 2 (A/99/2), paragraph 5."
    )
    assert texts["FN2"] == "A/99/7."
    assert resolution.clause("OP1").notes == ("FN2",)


def test_a_footnote_line_that_starts_with_a_number_goes_on_with_its_note_in_plain_text() -> None:
    """A PDF's plain text (page furniture and notes under a rule): a note's line that starts with a
    number goes on with the note where the line before it was wrapped (full)."""
    text = (
        "99/11. Synthetic notes\n\nThe General Assembly,\n\nNoting the synthetic report,1\n\n"
        "1. Decides to act on the synthetic report.2\n\n"
        "_______________\n"
        "1 Synthetic Records of the General Assembly, Ninety-ninth Session, Supplement No.\n"
        "2 (A/99/2), paragraph 5.\n"
        "2 A/99/7.\n"
        "99-12345\n"
    )
    texts = _texts(normalize_bytes(text.encode(), "synthetic.txt").resolution)
    assert texts["FN1"].endswith("Supplement No. 2 (A/99/2), paragraph 5.")
    assert texts["FN2"] == "A/99/7."


# --- one footnote-body rule for every text reader ------------------------------------------------------

SYNTHETIC_FRONT_MATTER = '---\nsymbol: "A/RES/99/12"\ntitle: "Synthetic notes"\n---\n'
SYNTHETIC_BARE_NOTES = (
    "99/12. Synthetic notes\n\nThe General Assembly,\n\nRecalling the synthetic report,1\n\n"
    "1 A/99/237.\n\nNoting the synthetic decision,2\n\n2 Decision 99/501.\n\n"
    "1. Decides to act on the synthetic report;\n\n2. Requests another synthetic report.\n\n"
    "1st plenary meeting\n3 March 2099\n"
)


def _clauses(text: str, name: str) -> list[tuple[str, str, tuple[str, ...]]]:
    resolution = normalize_bytes(text.encode(), name).resolution
    return [(c.key, c.text, c.notes) for c in resolution.clauses]


def test_bare_footnote_bodies_read_alike_with_and_without_a_front_matter() -> None:
    """Before: with the front matter, the footnotes were lost and each body ran into a paragraph."""
    plain = _clauses(SYNTHETIC_BARE_NOTES, "synthetic.txt")
    assert _clauses(SYNTHETIC_FRONT_MATTER + SYNTHETIC_BARE_NOTES, "synthetic.md") == plain
    assert plain == [
        ("PP1", "Recalling the synthetic report,", ("FN1",)),
        ("PP2", "Noting the synthetic decision,", ("FN2",)),
        ("OP1", "Decides to act on the synthetic report;", ()),
        ("OP2", "Requests another synthetic report.", ()),
        ("FN1", "A/99/237.", ()),
        ("FN2", "Decision 99/501.", ()),
    ]


def test_a_real_markdown_twin_with_its_footnote_bodies_bare_reads_as_with_its_notes_section() -> None:
    """80/52's Markdown twin, its ``[^n]:`` section turned into bare bodies under the meeting line."""
    text = _need(SHARED / "data" / "ga-res-80" / "A_RES_80_52.md").read_text(encoding="utf-8")
    body, _, notes = text.rpartition("\n---\n")
    bare = "\n\n".join(re.sub(r"^\[\^([0-9]+)\]:\s*", r"\1 ", note) for note in notes.strip().split("\n\n"))
    rest = body.partition("\n---\n")[2]
    with_front = normalize_bytes(f"{body}\n\n{bare}\n".encode(), "bare.md").resolution
    without = normalize_bytes(f"{rest}\n\n{bare}\n".encode(), "bare.txt").resolution
    original = _read(SHARED / "data" / "ga-res-80" / "A_RES_80_52.md")
    assert with_front.clauses == without.clauses == original.clauses


# --- tables --------------------------------------------------------------------------------------------


def _scale(year: str, rows: list[str]) -> list[list[str]]:
    return [
        [
            *_FRONT,
            f"99/13. Synthetic scale of assessments for {year}",
            "",
            ">*The General Assembly,*",
            "",
            ">*Recalling* its synthetic resolution 98/13,",
            "",
            "1.|*Decides* that the synthetic scale shall be as follows:",
            "",
            "#Synthetic State|Scale (percentage)|Note",
            *rows,
            "",
            "2.|*Requests* a synthetic report.",
        ]
    ]


OLD_ROWS = ["#Atlantis|0.006|a", "#Borduria|1.250|b", "#Carpania|0.010|c"]
NEW_ROWS = ["#Atlantis|0.007|a", "#Borduria|1.250|b", "#Dorsetia|0.020|d", "#Carpania|0.010|c"]


def test_a_table_is_one_clause_whose_cells_diff_cell_by_cell() -> None:
    """A scale of assessments in a synthetic PDF: a table clause ``TB1`` between OP1 and OP2 (before:
    a run of numbers inside OP1), and, year to year, only the cells that changed."""
    old = _synthetic(_scale("2031", OLD_ROWS))
    new = _synthetic(_scale("2032", NEW_ROWS))
    assert [c.key for c in old.clauses] == ["PP1", "OP1", "TB1", "OP2"]
    assert old.clause("TB1").type == "table"
    assert old.clause("TB1").text == (
        "Synthetic State | Scale (percentage) | Note || Atlantis | 0.006 | a || Borduria | 1.250 | b"
        " || Carpania | 0.010 | c"
    )
    assert old.clause("OP1").text == "Decides that the synthetic scale shall be as follows:"
    change = next(c for c in compare(old, new).changes if c.clause_type == "table")
    assert (change.kind, change.old, change.new) == ("modified", ("TB1",), ("TB1",))
    assert [(c.row, c.column, c.old, c.new) for c in change.cells] == [
        ("Atlantis", "Scale (percentage)", "0.006", "0.007"),
        ("Dorsetia", "Synthetic State", None, "Dorsetia"),
        ("Dorsetia", "Scale (percentage)", None, "0.020"),
        ("Dorsetia", "Note", None, "d"),
    ]
    record = change.to_json()
    assert record["cells"][0] == {
        "row": "Atlantis",
        "column": "Scale (percentage)",
        "old": "0.006",
        "new": "0.007",
        "diff": [[-1, "0.006"], [1, "0.007"]],
    }
    other = next(c for c in compare(old, new).changes if c.clause_type != "table")
    assert "cells" not in other.to_json()  # the JSON of every other record is as it was
    assert canonical.load(canonical.dump(new)) == new


def test_a_markdown_pipe_table_is_a_table_clause() -> None:
    text = (
        "99/13. Synthetic scale\n\nThe General Assembly,\n\nRecalling its synthetic resolution 98/13,\n\n"
        "1. Decides that the synthetic scale shall be as follows:\n\n"
        "| Synthetic State | Scale |\n|---|---|\n| Atlantis | 0.006 |\n| Borduria | 1.250 |\n\n"
        "2. Requests a synthetic report.\n"
    )
    resolution = normalize_bytes(text.encode(), "synthetic.md").resolution
    assert [c.key for c in resolution.clauses] == ["PP1", "OP1", "TB1", "OP2"]
    assert resolution.clause("TB1").text == "Synthetic State | Scale || Atlantis | 0.006 || Borduria | 1.250"


def _spaced(rows: list[str]) -> str:
    """A SYNTHETIC plain text of ``_scale``'s resolution as ``pdftotext -layout`` gives it: each table
    row a line, its cells parted by runs of spaces."""
    table = "\n".join("".join(cell.ljust(24) for cell in row.lstrip("#").split("|")).rstrip() for row in rows)
    return (
        "99/13. Synthetic scale of assessments for 2031\n\nThe General Assembly,\n\n"
        "Recalling its synthetic resolution 98/13,\n\n"
        "1. Decides that the synthetic scale shall be as follows:\n\n"
        f"{table}\n\n2. Requests a synthetic report.\n"
    )


def test_a_texts_table_laid_out_in_columns_is_the_pdfs_table() -> None:
    """The same synthetic table in a PDF and in a text that keeps its columns (spaces part the cells):
    the text reader finds the table the PDF reader finds, cell for cell (before: the rows ran into
    OP1 as an item of numbers)."""
    rows = ["#Synthetic State|Scale (percentage)|Note", *OLD_ROWS]
    pdf = _synthetic(_scale("2031", OLD_ROWS))
    text = normalize_bytes(_spaced(rows).encode(), "synthetic.txt").resolution
    assert [c.key for c in text.clauses] == ["PP1", "OP1", "TB1", "OP2"]
    assert text.clause("TB1").text == pdf.clause("TB1").text


def test_prose_with_double_spaces_is_no_table() -> None:
    """Sentences parted by two spaces, each line alike, hold no figures: no table."""
    text = (
        "99/13. Synthetic\n\nThe General Assembly,\n\nRecalling its synthetic resolution 98/13,\n\n"
        "1. Decides to act.  It shall report.\nIt shall meet.  It shall end;\n\n"
        "2. Requests a synthetic report.\n"
    )
    resolution = normalize_bytes(text.encode(), "synthetic.txt").resolution
    assert not [c for c in resolution.clauses if c.type == "table"]


def test_the_uns_xml_has_tables_where_the_sample_has_no_pdf() -> None:
    """The scale-of-assessments and budget resolutions of sessions 79 and 80 hold tables (rows of
    cells) in the UN's XML; none of them is among the PDFs in ``../shared``, hence the synthetic one."""
    xmls = sorted(_need(akn_twins.AKN).glob("*session/English/*.xml"))
    tabled = [xml for xml in xmls if akn_twins.tables(xml)]
    assert len(tabled) >= 10
    stems = [xml.name.split("-")[0] for xml in tabled]
    assert not [stem for stem in stems if list(UN_PDF.glob(f"ga-res-*/{stem}.pdf"))]
    rows = akn_twins.tables(tabled[0])[0]
    assert len(rows) >= 2 and max(len(row) for row in rows) >= 2


@pytest.mark.parametrize("stem", ["A_RES_80_3", "A_RES_80_5", "A_RES_80_9"])
def test_an_annexed_declaration_keeps_every_numbered_paragraph_of_the_uns_xml(stem: str) -> None:
    """80/3, 80/5 and 80/9 adopt the declaration annexed to them: the PDF gives as many numbered annex
    paragraphs (``ANNEX.P1`` ...) as the XML's attachment."""
    xml = akn_twins.twin(stem)
    assert xml is not None
    attachment = next(e for e in akn_twins.root(xml).iter() if akn_twins.local(e) == "attachment")
    numbered = [
        p
        for p in attachment.iter(f"{akn_twins.NS}paragraph")
        if (p.findtext(f"{akn_twins.NS}num") or "")[:1].isdigit()
    ]
    clauses = _read(_need(UN_PDF / "ga-res-80" / f"{stem}.pdf")).clauses
    annexed = [c for c in clauses if c.type == "paragraph" and c.section.startswith("ANNEX")]
    assert len(annexed) == len(numbered) >= 25


@pytest.mark.parametrize("stem", ["A_RES_80_3", "A_RES_80_5", "A_RES_80_9"])
def test_an_annexed_declaration_reads_with_the_keys_of_the_uns_xml(stem: str) -> None:
    """The PDF and the UN's XML of the same declaration agree on every annex key, items included (80/9's
    paragraph 28 lost its five items (a)-(e) to its text before)."""
    xml = akn_twins.twin(stem)
    assert xml is not None
    pdf = _read(_need(UN_PDF / "ga-res-80" / f"{stem}.pdf"))
    annexed = [c.key for c in _read(xml).clauses if c.section.startswith("ANNEX")]
    assert [c.key for c in pdf.clauses if c.section.startswith("ANNEX")] == annexed
