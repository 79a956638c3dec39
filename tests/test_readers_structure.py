"""Every structure the Assembly uses, read right (issue 16 section 2): each rule on SYNTHETIC PDFs laid out
as the UN's are (``synthetic_pdf``) and on the real files in ``../shared``, checked against the UN's own
AKN4UN XML of the same resolutions (source: United Nations, DGACM; ``akn_twins``)."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from pathlib import Path

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
