"""The body walker: a resolution's preamble, body and annexes, element by element, into units in reading
order (paragraphs, items, headings, continuations, parts), before they have their keys."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import NamedTuple

from ...model import table_text
from ...normalizer.text import clean_text, strip_tokens
from .xmltree import Text, child_of, children_of, descendants, local, plain, visible

_PARAGRAPH_NUMBER_RE = re.compile(r"^\s*([0-9]+)\s*[.-]?\s*$")
_HEADING_NUMBER_RE = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")  # a part's or chapter's number: "IV.", "B."
# an item's label left in its text: "(a) Promoting ...", French and Russian "a) ...", Arabic "(أ) ..."
_TEXT_LABEL_RE = re.compile(r"^\(?([a-z]{1,4}|[а-я]|[\u0621-\u064a]{1,2})\)\s+")
# a paragraph number left in the text ("3 –\tDecides", "12. Requests")
_TEXT_NUMBER_RE = re.compile(r"^([0-9]{1,3})\s*[.\-–]\s+")
# elements of the body that divide it (a part, a section, a chapter) and may restart its numbering
_DIVISIONS = frozenset(
    "part section title chapter subchapter division subdivision book tome subsection subpart "
    "hcontainer article clause".split()
)


class Unit(NamedTuple):
    """One piece of the body in reading order, before it has its key."""

    kind: str  # PP, OP, ITEM, H, CONT (continues the clause before), P / T (annex), PART (a new scope)
    text: str = ""
    number: int | None = None  # an operative or annex paragraph's printed number
    label: str | None = None  # an item's printed label ("a", "ii"), or a part's letter
    level: int = 1  # an item's depth (1: ``(a)``, 2: ``(i)``)
    position: int = 0  # an item's place among its siblings, from 0
    verb: str | None = None  # the italic words that open it


class Walker:
    """Walks a resolution's preamble, body and annexes into units."""

    def __init__(self, text: Text) -> None:
        self.text = text
        self.units: list[Unit] = []
        self.pending: int | None = None  # a paragraph number printed apart from its paragraph
        self.closing: list[str] = []  # the closing meeting lines the markup put in the body

    # --- preamble ----------------------------------------------------------------------

    def preamble(self, preamble: ET.Element | None) -> None:
        if preamble is None:
            return
        for child in preamble:
            name = local(child.tag)
            if name == "formula":
                continue
            if name == "blockList":  # the items of the paragraph before, marked up apart from it
                self.block_list(child)
            elif name == "container":
                for part in child:
                    if local(part.tag) == "blockList":
                        self.block_list(part, "PP")
                    else:
                        self.add("PP", part)
            else:
                self.add("PP", child)

    def block_list(self, element: ET.Element, lead: str | None = None) -> None:
        """A ``blockList``: its introduction (a paragraph of its own, ``lead``) and its items."""
        position = 0
        for child in element:
            name = local(child.tag)
            if name == "listIntroduction":
                self.add(lead or "CONT", child)
            elif name == "item":
                self.item(child, 1, position)
                position += 1
            else:
                self.add("CONT", child)

    # --- body --------------------------------------------------------------------------

    def body(self, element: ET.Element | None) -> None:
        if element is None:
            return
        closing = _closing_lines(element)
        for child in element:
            if child in closing:
                self.closing.append(plain(child))
                continue
            name = local(child.tag)
            if name == "paragraph":
                self.paragraph(child)
            elif name in _DIVISIONS:
                self.units.append(Unit("PART", label=plain(child_of(child, "num")).rstrip(". ")))
                heading = " ".join(
                    t for t in (plain(child_of(child, n)) for n in ("num", "heading", "subheading")) if t
                )
                if heading:
                    self.units.append(Unit("H", heading))
                self.body(child)
            elif name == "crossHeading":
                self.add("PP" if child.get("refersTo") == "#preamble" else "H", child)
            elif name in ("num", "heading", "subheading") and local(element.tag) in _DIVISIONS:
                continue  # the division's own heading, taken above
            elif name in ("heading", "subheading"):
                self.add("H", child)
            elif name == "blockList":
                self.block_list(child)
            elif name == "list":
                self.items(child, 1)
            elif name == "container":
                self.container(child)
            elif name == "table":
                self.table(child)
            elif name in ("p", "content", "blockContainer", "intro", "wrapUp"):
                self.add("CONT", child)

    def container(self, element: ET.Element) -> None:
        for child in element:
            if local(child.tag) == "table":
                self.table(child)
            else:
                self.add("CONT", child)

    def table(self, element: ET.Element) -> None:
        """A table as one table clause (``TB``), a row of cells per ``tr``, so that a diff pairs cell
        with cell; blank cells (a stub, a spacer column) are left out, as the PDF reader has none, and a
        table clause's text cannot hold one."""
        cells = [[c for c in row if local(c.tag) in ("th", "td")] for row in descendants(element, "tr")]
        rows = [[text for cell in row if (text := clean_text(self.text.of(cell)))] for row in cells]
        if any(rows):
            self.units.append(Unit("TB", table_text([row for row in rows if row])))

    def paragraph(self, element: ET.Element) -> None:
        num = plain(child_of(element, "num"))
        for name in ("heading", "subheading"):
            heading = child_of(element, name)
            if heading is not None and plain(heading):
                self.add("H", heading)
        content = child_of(element, "content")
        listing = child_of(element, "list")
        number = _PARAGRAPH_NUMBER_RE.match(num) if num else None
        lead = content if content is not None else child_of(listing, "intro")
        if num and number is None:
            if _HEADING_NUMBER_RE.match(num) and lead is not None:  # "I." and a title: a heading
                title = self.text.of(lead)
                if not _ends_clause(clean_text(strip_tokens(title))):
                    self.units.append(Unit("H", f"{num} {title}"))
                    return
            if lead is not None:  # ``(a)``: an item marked up as a paragraph of its own
                self.item(element, 1, None)
            return
        if number and listing is None and (lead is None or not visible(Text(None).of(lead))):
            self.pending = int(number[1])  # a number whose words the markup put in the next paragraph
            return
        if lead is not None:
            raw = self.text.of(lead)
            if number:
                self.units.append(Unit("OP", raw, number=int(number[1]), verb=_verb(lead)))
            elif self.pending is not None:
                self.units.append(Unit("OP", raw, number=self.pending, verb=_verb(lead)))
            else:
                self.units.append(self.unnumbered(raw, element, _verb(lead)))
            self.pending = None
        if listing is not None:
            self.items(listing, 1, with_intro=content is not None)
        for child in element:
            if local(child.tag) == "paragraph":  # a paragraph nested in another: its continuation
                self.paragraph(child)

    @staticmethod
    def unnumbered(raw: str, element: ET.Element, verb: str | None) -> Unit:
        """A paragraph the markup gives no number: an item whose label stayed in the text, a heading (a
        heading style, or a short line that ends no clause), a continuation of the clause before (its
        words go on in lower case, or it ends as a clause does), or, where none is numbered, the
        resolution's paragraph (``UNNUMBERED``: numbered in order)."""
        text = clean_text(strip_tokens(raw))
        item = _TEXT_LABEL_RE.match(raw.lstrip())
        if item:
            return Unit("ITEM", raw.lstrip()[item.end() :], label=item[1], position=-1, level=0)
        number = _TEXT_NUMBER_RE.match(raw.lstrip())
        if number and int(number[1]) > 0:
            return Unit("OP", raw.lstrip()[number.end() :], number=int(number[1]), verb=verb)
        style = element.get("class") or ""
        if re.fullmatch(r"H[0-9]+", style) or (
            not _ends_clause(text) and len(text) <= 160 and not text[:1].islower()
        ):
            return Unit("H", raw)
        return Unit("UNNUMBERED", raw, verb=verb)

    def items(self, element: ET.Element, level: int, with_intro: bool = True, position: int = 0) -> None:
        last = ""  # the label of the item before
        for child in element:
            name = local(child.tag)
            if name == "intro" and with_intro:
                self.add("CONT", child)
            elif name == "point":
                self.item(child, level, position)
                position += 1
                last = latin_label(plain(child_of(child, "num")))
            elif name == "sublist":
                first = next(children_of(child, "point"), None)
                label = latin_label(plain(child_of(first, "num"))) if first is not None else ""
                if _follows(last, label):  # (d), (e) marked up under (c): the same level, going on
                    self.items(child, level, position=position)
                else:
                    self.items(child, level + 1)
            elif name in ("wrapUp", "p"):
                self.add("CONT", child)

    def item(self, element: ET.Element, level: int, position: int | None) -> None:
        label = plain(child_of(element, "num"))
        content = child_of(element, "content")
        if content is None:
            content = element if child_of(element, "p") is not None or element.text else None
        sub = child_of(element, "list") or child_of(element, "blockList")
        text = ""
        if content is not None:
            text = self.text.of(content)
        elif sub is not None and (intro := child_of(sub, "intro") or child_of(sub, "listIntroduction")):
            text = self.text.of(intro)
        self.units.append(
            Unit("ITEM", text, label=label, level=level, position=-1 if position is None else position)
        )
        if sub is not None:
            if local(sub.tag) == "list":
                self.items(sub, level + 1, with_intro=content is not None)
            else:
                for position, child in enumerate(children_of(sub, "item")):
                    self.item(child, level + 1, position)

    def add(self, kind: str, element: ET.Element) -> None:
        text = self.text.of(element)
        if visible(text):
            verb = _verb(element) if kind == "OP" else None
            self.units.append(Unit(kind, text, verb=verb))

    # --- annex -------------------------------------------------------------------------

    def annexes(self, attachments: ET.Element | None) -> list[list[Unit]]:
        """Each annex's units; an attachment holding several annexes (``Annex I``, ``Annex II`` as
        headings) is split at them."""
        annexes: list[list[Unit]] = []
        for doc in descendants(attachments, "doc"):
            walker = Walker(self.text)
            walker.preamble(child_of(doc, "preamble"))
            walker.body(child_of(doc, "mainBody"))
            units = [u._replace(kind="T") if u.kind == "PP" else u for u in walker.units]
            units = [u._replace(kind="P") if u.kind == "OP" and u.number else u for u in units]
            units = [u._replace(kind="T") if u.kind == "OP" else u for u in units]
            headings = [u for u in units if u.kind == "H"]
            label = headings[0].text.split()[0] if headings and units[0].kind == "H" else None
            current: list[Unit] = []
            for unit in units:
                starts = (
                    label is not None
                    and unit.kind == "H"
                    and unit.text.split()[0] == label
                    and len(unit.text.split()) <= 3
                )
                if starts and current:
                    annexes.append(current)
                    current = []
                if not starts:  # the label itself ("Annex I") names the annex: it is no clause
                    current.append(unit)
            if current:
                annexes.append(current)
        return annexes


# how a clause ends, in the six languages' punctuation (Latin, Cyrillic, Arabic ، ؛, Chinese 。，；：)
_CLAUSE_END_RE = re.compile(r"[,;.:!?…。，；：、،؛][”’\"»)]*$")


def _ends_clause(text: str) -> bool:
    """Whether a text ends as a clause does (a heading ends with no punctuation)."""
    return _CLAUSE_END_RE.search(text.rstrip()) is not None


def _verb(element: ET.Element) -> str | None:
    """The emphasised words a paragraph opens with (consecutive spans: italic, as the UN marks them in
    the Latin and Cyrillic scripts and Arabic; bold in Chinese, which has no italics)."""
    first = element
    while (p := child_of(first, "p")) is not None and not (first.text or "").strip():
        first = p
    lead = (first.text or "").strip()
    if lead and not _TEXT_NUMBER_RE.match(lead + " "):
        return None
    words: list[str] = []
    for child in first:
        classes = (child.get("class") or "").split()
        if local(child.tag) != "span" or not ("italic" in classes or "bold" in classes):
            break
        words.append("".join(child.itertext()))
        if (child.tail or "").strip():
            break
        words.append(child.tail or "")
    verb = clean_text("".join(words)).rstrip(" ,;:")
    return verb or None


def _italic_only(element: ET.Element) -> bool:
    """Whether all of an element's words are in italic spans (and their superscripts: "52 a")."""
    words = False
    for node in element.iter():
        name, classes = local(node.tag), (node.get("class") or "").split()
        if name == "span" and "italic" in classes:
            words = words or bool("".join(node.itertext()).strip())
            if (node.tail or "").strip():
                return False
        elif name == "sup":
            if (node.tail or "").strip():
                return False
        elif (node.text or "").strip() or (node is not element and (node.tail or "").strip()):
            return False
    return words


def _closing_lines(body: ET.Element) -> set[ET.Element]:
    """The unnumbered paragraphs that end a body all in italics: the closing meeting line and its date
    ("52 a sesión plenaria", "18 e séance plénière 14 octobre 2025"), which some files put in the
    body instead of the ``conclusions``; metadata, not clauses."""
    closing: set[ET.Element] = set()
    for child in reversed(list(body)):
        if local(child.tag) != "paragraph" or child_of(child, "num") is not None or not _italic_only(child):
            break
        closing.add(child)
    return closing


# Cyrillic letters typed for the Latin ones an item's label is ("а)", "с)", "е)" in Russian texts,
# whose items are lettered a), b), c) in Latin)
_LOOKALIKES = str.maketrans("асеорх", "aceopx")


def latin_label(label: str) -> str:
    """An item's label (``(c)``, ``с)``) as its letter or numeral in Latin: ``c``."""
    return label.strip(" ().").lower().translate(_LOOKALIKES)


def _follows(before: str, label: str) -> bool:
    """Whether LABEL is the letter after BEFORE (``c`` then ``d``): an item of the same list."""
    return (
        len(before) == len(label) == 1 and before.isascii() and ord(label) == ord(before) + 1 and label != "i"
    )
