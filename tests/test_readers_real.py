"""Every rendering of the same real resolutions gives the same clauses (the texts live in ../shared).

* The official PDFs (``un-pdf/``) against their Markdown twins (``ga-res-80/*.md``, made by another
  extractor): the keys agree on 52 of the 55 and the clause texts nearly everywhere. Where they differ,
  the Markdown is the one that is wrong (checked by hand against the PDF's pages; ``MD_DEFECTS`` says how).
* The PDFs against PyMuPDF's plain text of the same PDFs (``pymupdf-json/``).
* The 37 session-79 PDFs: no page furniture, no bare number as a clause, and as many operative
  paragraphs as the independent extraction's ``paragraphs``.
* Drafts (``drafts/``): their front page gives symbol, committee and sponsors.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from conftest import SHARED
from resdiff.compare import compare
from resdiff.model import Resolution
from resdiff.normalize import normalize_path

pytestmark = pytest.mark.shared

UN_PDF = SHARED / "data" / "un-pdf"
GA80 = SHARED / "data" / "ga-res-80"

# where the PDF and its Markdown twin differ in their keys, and why the Markdown is wrong
MD_DEFECTS = {
    "A_RES_80_3": "the annex title 'Awaza Political Declaration' is lost; annex paragraphs 1 and 2 are one",
    "A_RES_80_5": "annex items (paragraph 30 (a) 'Adopting macroeconomic policies ...') lost their markers",
    "A_RES_80_11": "the items (i) and (ii) under operative paragraph 1 (b) lost their markers",
    "A_RES_80_9": "the items (a) to (e) of annex paragraph 28 lost their markers",
}
# text the Markdown lost, which the PDF has (same keys, different text)
MD_LOST_TEXT = {
    ("A_RES_80_25", "OP3"): "economic and social development, with a view to reducing the ever-widening gap",
    ("A_RES_80_44", "PP15"): "Experts on Transparency and Confidence-Building Measures in Outer Space",
}


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: the read-only shared data is not beside this checkout")
    return path


@cache
def _read(path: Path) -> Resolution:
    return normalize_path(path).resolution


def _texts(resolution: Resolution) -> dict[str, str]:
    return {c.key: c.text for c in resolution.clauses}


def _pdf_md_pairs() -> list[tuple[str, Path, Path]]:
    return [(md.stem, UN_PDF / "ga-res-80" / f"{md.stem}.pdf", md) for md in sorted(_need(GA80).glob("*.md"))]


def test_the_pdfs_and_their_markdown_twins_agree() -> None:
    pairs = _pdf_md_pairs()
    assert len(pairs) == 55
    differing: dict[str, str] = {}
    similarities: list[float] = []
    for name, pdf, md in pairs:
        from_pdf, from_md = _read(pdf), _read(md)
        if [c.key for c in from_pdf.clauses] != [c.key for c in from_md.clauses]:
            differing[name] = MD_DEFECTS.get(name, "unexplained")
        pdf_texts, md_texts = _texts(from_pdf), _texts(from_md)
        common = [key for key in pdf_texts if key in md_texts]
        similarities.append(sum(fuzz.ratio(pdf_texts[k], md_texts[k]) / 100 for k in common) / len(common))
    assert differing == MD_DEFECTS
    assert len(pairs) - len(differing) >= 51
    assert sum(similarities) / len(similarities) >= 0.98


@pytest.mark.parametrize(("name", "key"), sorted(MD_LOST_TEXT))
def test_the_pdf_keeps_text_the_markdown_lost(name: str, key: str) -> None:
    lost = MD_LOST_TEXT[(name, key)]
    assert lost in _texts(_read(_need(UN_PDF / "ga-res-80" / f"{name}.pdf")))[key]
    assert lost not in _texts(_read(GA80 / f"{name}.md"))[key]


def test_the_pdf_of_80_52_gives_the_markdown_twins_clauses_with_their_footnotes() -> None:
    from_pdf = _read(_need(UN_PDF / "ga-res-80" / "A_RES_80_52.pdf"))
    from_md = _read(_need(GA80 / "A_RES_80_52.md"))
    assert from_pdf.clauses == from_md.clauses
    assert (
        from_pdf.adopted,
        from_pdf.agenda_item,
        from_pdf.report,
        from_pdf.meeting,
        from_pdf.distributed,
    ) == (
        "2025-12-01",
        "99 (ff)",
        "A/80/534",
        "52nd plenary meeting",
        "2025-12-05",
    )


# a job number, a bar code, a page number ("2/4": a symbol's session has two digits at least)
_FURNITURE_RE = re.compile(r"[0-9]{2}-[0-9]{5}|\*[0-9]{7}\*|(?:^|\s)[1-9]/[1-9](?:\s|$)")
_BARE_NUMBER_RE = re.compile(r"\(?[0-9a-z]{1,4}[.)]?")


def test_the_session_79_pdfs_have_no_furniture_and_their_operative_paragraphs() -> None:
    pdfs = sorted(_need(UN_PDF / "ga-res-79").glob("*.pdf"))
    assert len(pdfs) == 37
    counted = 0
    for pdf in pdfs:
        resolution = _read(pdf)
        extraction = json.loads((UN_PDF / "pymupdf-json" / "ga-res-79" / f"{pdf.stem}.json").read_text())
        body = [c for c in resolution.clauses if c.type != "footnote"]
        assert not [c.key for c in body if _FURNITURE_RE.search(c.text)], pdf.name
        assert not [c.key for c in resolution.clauses if _BARE_NUMBER_RE.fullmatch(c.text)], pdf.name
        operative = [c for c in resolution.clauses if c.type == "operative"]
        counted += len(operative) == len(extraction["paragraphs"])
    assert counted >= 35


def test_pymupdf_text_of_the_pdfs_gives_the_pdfs_clauses() -> None:
    extractions = sorted(_need(UN_PDF / "pymupdf-json").glob("*/*.json"))
    assert len(extractions) == 94
    agree, similarities = 0, []
    for extraction in extractions:
        pdf = UN_PDF / extraction.parent.name / f"{extraction.stem}.pdf"
        from_text, from_pdf = _read(extraction), _read(pdf)
        agree += [c.key for c in from_text.clauses] == [c.key for c in from_pdf.clauses]
        text_texts, pdf_texts = _texts(from_text), _texts(from_pdf)
        common = [key for key in text_texts if key in pdf_texts]
        similarities.append(sum(fuzz.ratio(text_texts[k], pdf_texts[k]) / 100 for k in common) / len(common))
    assert agree >= 90
    assert sum(similarities) / len(similarities) >= 0.99


def test_the_real_pair_pairs_alike_from_the_pdfs_and_from_the_texts() -> None:
    """79/58 -> 80/52: the official PDFs pair their clauses as PyMuPDF's text and the Markdown do."""
    old_pdf = _read(_need(UN_PDF / "ga-res-79" / "A_RES_79_58.pdf"))
    new_pdf = _read(UN_PDF / "ga-res-80" / "A_RES_80_52.pdf")
    old_text = _read(UN_PDF / "pymupdf-json" / "ga-res-79" / "A_RES_79_58.json")
    new_md = _read(GA80 / "A_RES_80_52.md")

    def pairing(old: Resolution, new: Resolution) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
        return [(change.kind, change.old, change.new) for change in compare(old, new).changes]

    assert pairing(old_pdf, new_pdf) == pairing(old_text, new_md)
    assert len(old_pdf.of_type("operative")) == 11 and len(old_pdf.of_type("footnote")) == 4


def test_a_drafts_front_page_gives_its_symbol_committee_and_sponsors() -> None:
    draft = _read(_need(SHARED / "data" / "drafts" / "A_C.1_80_L.52.json"))
    assert (draft.symbol, draft.session, draft.title, draft.committee, draft.distributed) == (
        "A/C.1/80/L.52",
        80,
        "Implementation of the Convention on Cluster Munitions",
        "First Committee",
        "2025-10-15",
    )
    assert len(draft.sponsors) == 14
    assert draft.sponsors[-2:] == ("Switzerland", "Zambia")
    assert "Netherlands (Kingdom of the)" in draft.sponsors
    assert draft.is_draft and draft.adopted is None
    adopted = _read(GA80 / "A_RES_80_52.md")
    assert len(draft.of_type("operative")) == len(adopted.of_type("operative"))


def test_every_draft_reads_its_front_page() -> None:
    for path in sorted(_need(SHARED / "data" / "drafts").glob("*.json")):
        draft = _read(path)
        assert draft.symbol == path.stem.replace("_", "/"), path.name
        assert draft.title and draft.committee == "First Committee" and draft.sponsors, path.name
        assert draft.of_type("preambular") and draft.of_type("operative"), path.name
