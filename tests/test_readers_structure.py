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
