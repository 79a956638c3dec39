"""The UN's AKN4UN XML of the resolutions in ``../shared`` (source: United Nations, Department for General
Assembly and Conference Management, DGACM, AKN4UN publication of the GA's resolutions), read with the
stdlib only, as an independent, exact rendering to check the PDF and text readers against.

Only what the structure tests need: a resolution's XML twin, its words, its parts, its closing meeting
lines, and its tables.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from conftest import SHARED

AKN = SHARED / "data" / "akn"
NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def twin(stem: str) -> Path | None:
    """The English XML of a resolution named like its PDF (``A_RES_79_35``), if the UN published one."""
    session = stem.split("_")[2]
    found = sorted((AKN / f"{session}session" / "English").glob(f"{stem}-*.xml"))
    return found[0] if found else None


@cache
def root(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def local(element: ET.Element) -> str:
    return element.tag.replace(NS, "")


@cache
def words(path: Path) -> frozenset[str]:
    """Every word (letters only) of the XML's text, metadata left out."""
    text = []
    for element in root(path):
        if local(element) != "meta":
            text.extend(element.itertext())
    return frozenset(re.findall(r"[^\W\d_]+", " ".join(text)))


def parts(path: Path) -> list[str]:
    """The part headings of a multi-part resolution (``A``, ``B``), in order; [] for a one-part one."""
    heads = []
    for statement in root(path).iter(f"{NS}statement"):
        preface = statement.find(f"{NS}preface")
        number = preface.find(f".//{NS}docNumber") if preface is not None else None
        if number is not None and (number.text or "").strip():
            heads.append((number.text or "").strip())
    return heads if root(path).find(f"{NS}documentCollection") is not None else []


def meeting_lines(path: Path) -> list[str]:
    """The closing meeting lines (``69th (resumed) plenary meeting``), one per part that has its own."""
    return [
        " ".join("".join(location.itertext()).split())
        for conclusions in root(path).iter(f"{NS}conclusions")
        for location in conclusions.iter(f"{NS}location")
    ]


def tables(path: Path) -> list[list[list[str]]]:
    """Every table: its rows, each a list of cell texts."""
    return [
        [[" ".join("".join(cell.itertext()).split()) for cell in row] for row in table.iter(f"{NS}tr")]
        for table in root(path).iter(f"{NS}table")
    ]
