"""The UN's own XML of a resolution: AKN4UN, the Akoma Ntoso 3.0 profile in which the United Nations
(Department for General Assembly and Conference Management, DGACM) publishes the General Assembly's
resolutions of sessions 74 on, in its six official languages. The United Nations is the source of these
files, and its terms ask that it be acknowledged wherever they are used.

The XML is exact structure (every preambular paragraph a ``container``, every operative paragraph a
``paragraph`` with its ``num``, every footnote an ``authorialNote`` where its marker stands), so this reader
builds the ``Resolution`` itself instead of handing raw blocks to the text normalizer; the text rules it
shares with the other readers (cleaning, footnote tokens, citations, the verb of an English paragraph
printed without italics) are the normalizer's, so both give the same clause for the same words.

An XML file is untrusted input: a document type declaration (and so any entity) is refused, as AKN4UN
files never have one; nesting deeper than ``MAX_DEPTH`` is refused while parsing; the size is capped by
``normalize`` before any parsing starts. The standard library's expat parser fetches nothing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from itertools import pairwise
from typing import NamedTuple, cast

from ..model import AKN_READER, Clause, Normalized, Resolution, Source, Vote
from ..normalizer.frontpage import (
    AGENDA_RE,
    COMMITTEE_RE,
    DRAFT_RE,
    REPORT_RE,
    cited_symbols,
)
from ..normalizer.text import MEETING_RE, TOKEN_RE, clean_text, roman, strip_tokens
from ..normalizer.verbs import derive_verb

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN_NS = "http://un.org/akn4un"
READER = AKN_READER
MAX_DEPTH = 100  # the UN's files nest 20 deep at most
# FRBRlanguage codes (ISO 639-2, both the bibliographic and the terminology forms) -> ISO 639-1
LANGUAGE_CODES = {
    "eng": "en",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "rus": "ru",
    "ara": "ar",
    "zho": "zh",
    "chi": "zh",
}
# the FRBR work URI's last step: ``80-52``, ``80-84A``, ``ES-10-21``
_FRBR_NUMBER_RE = re.compile(r"/(?P<es>E?S-)?(?P<s>[0-9]{1,3})-(?P<n>[0-9]{1,4})(?P<part>[A-Z]*)/?$")
_PREFACE_NUMBER_RE = re.compile(r"^(E?S-)?([0-9]{1,3})/([0-9]{1,4})\.?$")
_PARAGRAPH_NUMBER_RE = re.compile(r"^\s*([0-9]+)\s*[.-]?\s*$")
_ITEM_LABEL_RE = re.compile(r"^[\s(]*([^\s()]+?)[\s.)]*$")
_ASCII_LABEL_RE = re.compile(r"^[a-z0-9]+$")
_HEADING_NUMBER_RE = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")  # a part's or chapter's number: "IV.", "B."
# an item's label left in its text: "(a) Promoting ...", French and Russian "a) ...", Arabic "(أ) ..."
_TEXT_LABEL_RE = re.compile(r"^\(?([a-z]{1,4}|[а-я]|[\u0621-\u064a]{1,2})\)\s+")
# a paragraph number left in the text ("3 –\tDecides", "12. Requests")
_TEXT_NUMBER_RE = re.compile(r"^([0-9]{1,3})\s*[.\-–]\s+")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")
# elements of the body that divide it (a part, a section, a chapter) and may restart its numbering
_DIVISIONS = frozenset(
    "part section title chapter subchapter division subdivision book tome subsection subpart "
    "hcontainer article clause".split()
)
_BLOCKS = frozenset("p item point td th tr listIntroduction listWrapUp intro wrapUp blockList".split())
# the counts of a ``voting`` element: the UN's three positions, and the members not voting and the total
# that ``render.akn`` writes where the model has them
_POSITIONS = {"inFavour": "yes", "against": "no", "abstaining": "abstain", "nonVoting": "non-voting"}
_TOTAL = "total"


class AknError(ValueError):
    """A file that claims to be AKN XML but cannot be read as such; the message says why."""


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def detect(data: bytes) -> bool:
    """Whether ``data`` is an Akoma Ntoso 3.0 document: XML whose root is ``akomaNtoso`` in the AKN 3.0
    namespace (checked on the opening bytes; ``parse`` checks the root itself)."""
    head = data[:8192].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] == b"<" and b"<akomaNtoso" in head and AKN_NS.encode() in head


def parse(data: bytes) -> ET.Element:
    """The document's root, parsed safely (see the module's docstring)."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # markup only: in text they would be escaped
        raise AknError("the XML declares a document type or entities, which AKN4UN files never do; refused")
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    depth = 0
    root: ET.Element | None = None
    try:
        for offset in range(0, len(data), 65_536):
            parser.feed(data[offset : offset + 65_536])
            # start and end events only, so each is (event, element)
            for event, node in cast("Iterator[tuple[str, ET.Element]]", parser.read_events()):
                if event == "end":
                    depth -= 1
                    continue
                depth += 1
                if depth > MAX_DEPTH:
                    raise AknError(f"the XML nests deeper than {MAX_DEPTH} elements; refused")
                if root is None:
                    root = node
        parser.close()
    except ET.ParseError as error:
        raise AknError(f"not well-formed XML ({error})") from None
    if root is None or root.tag != f"{{{AKN_NS}}}akomaNtoso":
        raise AknError("the XML's root is not akomaNtoso in the Akoma Ntoso 3.0 namespace")
    return root


def _children(element: ET.Element, name: str) -> Iterator[ET.Element]:
    return (child for child in element if _local(child.tag) == name)


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    if element is None:
        return None
    return next(_children(element, name), None)


def _find(element: ET.Element | None, *path: str) -> ET.Element | None:
    for name in path:
        element = _child(element, name)
    return element


def _descendants(element: ET.Element | None, name: str) -> Iterator[ET.Element]:
    if element is None:
        return iter(())
    return (node for node in element.iter() if _local(node.tag) == name)


def _plain(element: ET.Element | None) -> str:
    """An element's text, footnotes left out, whitespace collapsed."""
    if element is None:
        return ""
    return clean_text(strip_tokens(_Text(None).of(element)))


class _Text:
    """Text of the body's elements, each footnote (``authorialNote``) made a ``[^n]`` token numbered
    in the order the markers stand, its body kept for the footnote clauses."""

    def __init__(self, bodies: list[str] | None) -> None:
        self.bodies = bodies
        self.ids: dict[str, int] = {}  # a note's eId -> its number, for a ``noteRef`` that cites it again

    def of(self, element: ET.Element, skip: frozenset[str] = frozenset({"num"})) -> str:
        parts = [element.text or ""]
        for child in element:
            name = _local(child.tag)
            if name == "authorialNote":
                if self.bodies is None:
                    parts.append("[^0]")  # a note where no footnote is kept: its place still shows
                else:
                    self.bodies.append("")  # its place first: a note inside a note comes after it
                    number = len(self.bodies)
                    if child.get("eId"):
                        self.ids[child.get("eId", "")] = number
                    self.bodies[number - 1] = self.of(child)
                    parts.append(f"[^{number}]")
            elif name == "noteRef" and (cited := self.ids.get((child.get("href") or "").lstrip("#"))):
                parts.append(f"[^{cited}]")
            elif name in ("eol", "br"):
                parts.append(" ")
            elif name not in skip and name not in ("img", "meta"):
                text = self.of(child)
                parts.append(f" {text} " if name in _BLOCKS else text)
            parts.append(child.tail or "")
        return "".join(parts)


def _visible(raw: str) -> bool:
    """Whether a text holds words or a footnote (not only spaces)."""
    return bool(clean_text(strip_tokens(raw))) or TOKEN_RE.search(raw) is not None


class _Unit(NamedTuple):
    """One piece of the body in reading order, before it has its key."""

    kind: str  # PP, OP, ITEM, H, CONT (continues the clause before), P / T (annex), PART (a new scope)
    text: str = ""
    number: int | None = None  # an operative or annex paragraph's printed number
    label: str | None = None  # an item's printed label ("a", "ii"), or a part's letter
    level: int = 1  # an item's depth (1: ``(a)``, 2: ``(i)``)
    position: int = 0  # an item's place among its siblings, from 0
    verb: str | None = None  # the italic words that open it


class _Walker:
    """Walks a resolution's preamble, body and annexes into units."""

    def __init__(self, text: _Text) -> None:
        self.text = text
        self.units: list[_Unit] = []
        self.pending: int | None = None  # a paragraph number printed apart from its paragraph

    # --- preamble ----------------------------------------------------------------------

    def preamble(self, preamble: ET.Element | None) -> None:
        if preamble is None:
            return
        for child in preamble:
            name = _local(child.tag)
            if name == "formula":
                continue
            if name == "blockList":  # the items of the paragraph before, marked up apart from it
                self.block_list(child)
            elif name == "container":
                for part in child:
                    if _local(part.tag) == "blockList":
                        self.block_list(part, "PP")
                    else:
                        self.add("PP", part)
            else:
                self.add("PP", child)

    def block_list(self, element: ET.Element, lead: str | None = None) -> None:
        """A ``blockList``: its introduction (a paragraph of its own, ``lead``) and its items."""
        position = 0
        for child in element:
            name = _local(child.tag)
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
        for child in element:
            name = _local(child.tag)
            if name == "paragraph":
                self.paragraph(child)
            elif name in _DIVISIONS:
                self.units.append(_Unit("PART", label=_plain(_child(child, "num")).rstrip(". ")))
                heading = " ".join(
                    t for t in (_plain(_child(child, n)) for n in ("num", "heading", "subheading")) if t
                )
                if heading:
                    self.units.append(_Unit("H", heading))
                self.body(child)
            elif name == "crossHeading":
                self.add("PP" if child.get("refersTo") == "#preamble" else "H", child)
            elif name in ("num", "heading", "subheading") and _local(element.tag) in _DIVISIONS:
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
            if _local(child.tag) == "table":
                self.table(child)
            else:
                self.add("CONT", child)

    def table(self, element: ET.Element) -> None:
        """A table: one unit per row, its cells in order (resdiff compares text, not layout)."""
        for row in _descendants(element, "tr"):
            self.add("ROW", row)

    def paragraph(self, element: ET.Element) -> None:
        num = _plain(_child(element, "num"))
        for name in ("heading", "subheading"):
            heading = _child(element, name)
            if heading is not None and _plain(heading):
                self.add("H", heading)
        content = _child(element, "content")
        listing = _child(element, "list")
        number = _PARAGRAPH_NUMBER_RE.match(num) if num else None
        lead = content if content is not None else _child(listing, "intro")
        if num and number is None:
            if _HEADING_NUMBER_RE.match(num) and lead is not None:  # "I." and a title: a heading
                title = self.text.of(lead)
                if not _ends_clause(clean_text(strip_tokens(title))):
                    self.units.append(_Unit("H", f"{num} {title}"))
                    return
            if lead is not None:  # ``(a)``: an item marked up as a paragraph of its own
                self.item(element, 1, None)
            return
        if number and listing is None and (lead is None or not _visible(_Text(None).of(lead))):
            self.pending = int(number[1])  # a number whose words the markup put in the next paragraph
            return
        if lead is not None:
            raw = self.text.of(lead)
            if number:
                self.units.append(_Unit("OP", raw, number=int(number[1]), verb=_verb(lead)))
            elif self.pending is not None:
                self.units.append(_Unit("OP", raw, number=self.pending, verb=_verb(lead)))
            else:
                self.units.append(self.unnumbered(raw, element, _verb(lead)))
            self.pending = None
        if listing is not None:
            self.items(listing, 1, with_intro=content is not None)
        for child in element:
            if _local(child.tag) == "paragraph":  # a paragraph nested in another: its continuation
                self.paragraph(child)

    @staticmethod
    def unnumbered(raw: str, element: ET.Element, verb: str | None) -> _Unit:
        """A paragraph the markup gives no number: an item whose label stayed in the text, a heading (a
        heading style, or a short line that ends no clause), a continuation of the clause before (its
        words go on in lower case, or it ends as a clause does), or, where none is numbered, the
        resolution's paragraph (``UNNUMBERED``: numbered in order)."""
        text = clean_text(strip_tokens(raw))
        item = _TEXT_LABEL_RE.match(raw.lstrip())
        if item:
            return _Unit("ITEM", raw.lstrip()[item.end() :], label=item[1], position=-1, level=0)
        number = _TEXT_NUMBER_RE.match(raw.lstrip())
        if number and int(number[1]) > 0:
            return _Unit("OP", raw.lstrip()[number.end() :], number=int(number[1]), verb=verb)
        style = element.get("class") or ""
        if re.fullmatch(r"H[0-9]+", style) or (
            not _ends_clause(text) and len(text) <= 160 and not text[:1].islower()
        ):
            return _Unit("H", raw)
        return _Unit("UNNUMBERED", raw, verb=verb)

    def items(self, element: ET.Element, level: int, with_intro: bool = True) -> None:
        position = 0
        for child in element:
            name = _local(child.tag)
            if name == "intro" and with_intro:
                self.add("CONT", child)
            elif name == "point":
                self.item(child, level, position)
                position += 1
            elif name == "sublist":
                self.items(child, level + 1)
            elif name in ("wrapUp", "p"):
                self.add("CONT", child)

    def item(self, element: ET.Element, level: int, position: int | None) -> None:
        label = _plain(_child(element, "num"))
        content = _child(element, "content")
        if content is None:
            content = element if _child(element, "p") is not None or element.text else None
        sub = _child(element, "list") or _child(element, "blockList")
        text = ""
        if content is not None:
            text = self.text.of(content)
        elif sub is not None and (intro := _child(sub, "intro") or _child(sub, "listIntroduction")):
            text = self.text.of(intro)
        self.units.append(
            _Unit("ITEM", text, label=label, level=level, position=-1 if position is None else position)
        )
        if sub is not None:
            if _local(sub.tag) == "list":
                self.items(sub, level + 1, with_intro=content is not None)
            else:
                for position, child in enumerate(_children(sub, "item")):
                    self.item(child, level + 1, position)

    def add(self, kind: str, element: ET.Element) -> None:
        text = self.text.of(element)
        if _visible(text):
            verb = _verb(element) if kind == "OP" else None
            self.units.append(_Unit(kind, text, verb=verb))

    # --- annex -------------------------------------------------------------------------

    def annexes(self, attachments: ET.Element | None) -> list[list[_Unit]]:
        """Each annex's units; an attachment holding several annexes (``Annex I``, ``Annex II`` as
        headings) is split at them."""
        annexes: list[list[_Unit]] = []
        for doc in _descendants(attachments, "doc"):
            walker = _Walker(self.text)
            walker.preamble(_child(doc, "preamble"))
            walker.body(_child(doc, "mainBody"))
            units = [u._replace(kind="T") if u.kind in ("PP", "ROW") else u for u in walker.units]
            units = [u._replace(kind="P") if u.kind == "OP" and u.number else u for u in units]
            units = [u._replace(kind="T") if u.kind == "OP" else u for u in units]
            headings = [u for u in units if u.kind == "H"]
            label = headings[0].text.split()[0] if headings and units[0].kind == "H" else None
            current: list[_Unit] = []
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
    while (p := _child(first, "p")) is not None and not (first.text or "").strip():
        first = p
    lead = (first.text or "").strip()
    if lead and not _TEXT_NUMBER_RE.match(lead + " "):
        return None
    words: list[str] = []
    for child in first:
        classes = (child.get("class") or "").split()
        if _local(child.tag) != "span" or not ("italic" in classes or "bold" in classes):
            break
        words.append("".join(child.itertext()))
        if (child.tail or "").strip():
            break
        words.append(child.tail or "")
    verb = clean_text("".join(words)).rstrip(" ,;:")
    return verb or None


class _Keys:
    """Gives units their clause keys: parts, paragraph numbers, items, headings."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings
        self.records: list[list[object]] = []  # [key, text, verb]
        self.prefix = ""
        self.counts: dict[str, int] = {}
        self.last_op = 0
        self.numbers: set[int] = set()
        self.has_op = False
        self.parents: dict[int, str] = {}  # level -> the key items of the next level attach to

    def new_part(self, prefix: str) -> None:
        self.prefix, self.counts, self.last_op, self.numbers, self.has_op = prefix, {}, 0, set(), False
        self.parents = {}
        self.listing: str | None = None  # the paragraph whose list is numbered 1., 2. again
        self.children: dict[str, int] = {}  # how many items each clause has so far

    def _level_of(self, label: str) -> int:
        """The level of an item whose label the markup left in the text: ``(ii)`` under an ``(a)`` is
        the second level, as ``(i)`` is unless it follows ``(h)``; anything else the first."""
        first = self.parents.get(1)
        if first is None or label not in _ROMAN:
            return 1
        if label == "i" and first.endswith("(h)"):
            return 1
        if label in ("v", "x") and first.endswith(f"({chr(ord(label) - 1)})"):
            return 1
        return 2

    def _repeated(self, kind: str, number: int, unit: _Unit, annex: bool) -> None:
        """A paragraph number printed again in the same part: the items of a paragraph that ends with a
        colon, numbered 1., 2. (``P7(1)``); in an annex, text of a numbering of its own (a convention's
        articles each numbering their paragraphs), kept with its number as ``T``; else joined to the
        clause before, with a warning (the canonical text must name every clause once)."""
        last = self.records[-1] if self.records else None
        parent = self.parents.get(0)
        opens_list = last is not None and parent == last[0] and strip_tokens(str(last[1])).endswith(":")
        if self.listing is None and opens_list:
            self.listing = parent
        if self.listing is not None:
            key = f"{self.listing}({number})"
            if not any(r[0] == key for r in self.records):
                self._add(key, unit.text)
                self.parents = {0: self.listing, 1: key}
                return
        if annex:
            key = self._next("T")
            self.parents = {}
            self._add(key, f"{number}. {unit.text}")
            return
        self.warnings.append(f"{self.prefix}{kind}{number} appears twice; joined the second to the first")
        self._continue(unit.text)

    def _next(self, kind: str) -> str:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return f"{self.prefix}{kind}{self.counts[kind]}"

    def _add(self, key: str, text: str, verb: str | None = None) -> None:
        self.records.append([key, text, verb])

    def _continue(self, text: str) -> None:
        if self.records:
            self.records[-1][1] = f"{self.records[-1][1]} {text}"
        else:
            self._add(self._next("PP"), text)

    def feed(self, units: list[_Unit], annex: bool = False) -> None:
        for unit in units:
            if unit.kind == "PART":
                continue
            if unit.kind == "PP":
                key = self._next("PP")
                self.parents = {0: key}
                self._add(key, unit.text)
            elif unit.kind in ("OP", "P"):
                kind = "P" if annex else "OP"
                number = unit.number
                if number is None:  # the one operative paragraph of its part, printed without "1."
                    number = self.last_op + 1
                if number in self.numbers:
                    self._repeated(kind, number, unit, annex)
                    continue
                self.listing = None
                self.numbers.add(number)
                self.last_op, self.has_op = number, True
                key = f"{self.prefix}{kind}{number}"
                self.parents = {0: key}
                self._add(key, unit.text, unit.verb)
            elif unit.kind == "UNNUMBERED":  # in an annex: unnumbered text
                key = self._next("T")
                self.parents = {}
                self._add(key, unit.text)
            elif unit.kind == "ITEM":
                if unit.level == 0:  # its label was left in the text: its level is the label's
                    unit = unit._replace(level=self._level_of(unit.label or ""))
                parent = self.parents.get(unit.level - 1)
                if parent is None:
                    self._continue(unit.text)
                    continue
                if unit.position < 0:
                    siblings = self.children.get(parent, 0)
                    unit = unit._replace(position=siblings)
                self.children[parent] = self.children.get(parent, 0) + 1
                key = f"{parent}({_item_label(unit)})"
                if any(r[0] == key for r in self.records[-40:]):
                    key = f"{parent}({_positional(unit)})"
                self.parents = {lvl: k for lvl, k in self.parents.items() if lvl < unit.level}
                self.parents[unit.level] = key
                self._add(key, unit.text)
            elif unit.kind == "H":
                self._add(self._next("H"), unit.text)
                self.parents = {}
            elif unit.kind == "T":
                key = self._next("T")
                self.parents = {}
                self._add(key, unit.text)
            else:  # CONT, ROW
                self._continue(unit.text)


def _settle_unnumbered(units: list[_Unit]) -> list[_Unit]:
    """Each paragraph the markup left unnumbered made the resolution's one operative paragraph (``OP``
    without a number: a resolution of one paragraph is printed without its "1.") where no numbered
    operative paragraph stands in its stretch of the body (up to a preamble that opens another part),
    else a continuation of the clause before it (``CONT``)."""
    stretches: list[int] = []  # the stretch each unit belongs to
    stretch = 0
    for index, unit in enumerate(units):
        if unit.kind == "PART":
            following = next((u for u in units[index + 1 :] if u.kind in ("PP", "OP")), None)
            stretch += following is not None and following.kind == "PP"
        stretches.append(stretch)
    numbered = {stretches[i] for i, u in enumerate(units) if u.kind == "OP" and u.number is not None}
    taken: set[int] = set()
    settled: list[_Unit] = []
    for index, unit in enumerate(units):
        if unit.kind == "UNNUMBERED":
            own = stretches[index]
            if own in numbered or own in taken:
                unit = unit._replace(kind="CONT")
            else:
                taken.add(own)
                unit = unit._replace(kind="OP")
        settled.append(unit)
    return settled


def _parts(units: list[_Unit]) -> list[tuple[str, list[_Unit]]]:
    """Split a resolution's units into its parts: a part begins where a division (``section``, a
    second ``preamble``) starts the numbering again or opens a preamble after operative paragraphs,
    together with the headings just before it. Parts are lettered ``A.``, ``B.`` in order (the UN
    numbers them A, B or I, II; keys take a letter); a resolution of one part has no prefix."""
    starts: list[int] = []
    numbers: set[int] = set()
    operative = False
    for index, unit in enumerate(units):
        if unit.kind == "PART":
            following = next((u for u in units[index + 1 :] if u.kind in ("PP", "OP")), None)
            if following is not None and (
                (following.kind == "PP" and operative)
                or (following.kind == "OP" and following.number in numbers)
            ):
                start = index
                while start > 0 and units[start - 1].kind in ("H", "PART"):
                    start -= 1
                starts.append(start)
                numbers, operative = set(), False
        elif unit.kind == "OP":
            numbers.add(unit.number if unit.number is not None else max(numbers, default=0) + 1)
            operative = True
    if not starts:
        return [("", units)]
    bounds = [0, *starts, len(units)]
    segments = [units[a:b] for a, b in pairwise(bounds) if any(u.kind != "PART" for u in units[a:b])]
    return [(f"{_part_letter(None, n)}.", segment) for n, segment in enumerate(segments, 1)]


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _part_letter(label: str | None, ordinal: int) -> str:
    if label and re.fullmatch(r"[A-Z]", label):
        return label
    return chr(ord("A") + (ordinal - 1) % 26)


def _item_label(unit: _Unit) -> str:
    match = _ITEM_LABEL_RE.match(unit.label or "")
    label = match[1].lower() if match else ""
    if _ASCII_LABEL_RE.match(label):
        return label
    return _positional(unit)


def _positional(unit: _Unit) -> str:
    """An item's label from its place: letters at the first level, roman numerals below (for labels in
    another script, ``(أ)``, ``㈠``, and items marked up without one)."""
    position = max(unit.position, 0)
    if unit.level % 2 == 0 and position < len(_ROMAN):
        return _ROMAN[position]
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


# --- metadata ---------------------------------------------------------------------------------


def _frbr(meta: ET.Element | None) -> tuple[str | None, str | None, str | None]:
    """The work's number (``80/52``, ``80/84 A``), adoption date and language from FRBR identification."""
    work = _find(meta, "identification", "FRBRWork")
    uri = _child(work, "FRBRuri")
    number = None
    if uri is not None and (match := _FRBR_NUMBER_RE.search(uri.get("value", ""))):
        number = f"{match['es'] or ''}{int(match['s'])}/{int(match['n'])}"
    adopted = (
        next((d.get("date") for d in _children(work, "FRBRdate") if d.get("name") == "adoption"), None)
        if work is not None
        else None
    )
    language = _child(_find(meta, "identification", "FRBRExpression"), "FRBRlanguage")
    code = language.get("language", "").lower() if language is not None else ""
    return number, adopted, LANGUAGE_CODES.get(code)


def _vote(meta: ET.Element | None) -> Vote | None:
    voting = _find(meta, "analysis", "parliamentary", "voting")
    if voting is None:
        return None
    counts: dict[str, int | None] = {}
    voters: list[tuple[str, str]] = []
    for count in _children(voting, "count"):
        refers = count.get("refersTo", "").lstrip("#")
        position = _TOTAL if refers == _TOTAL else _POSITIONS.get(refers)
        if position is None:
            continue
        value = count.get("value", "").strip()
        counts[position] = int(value) if value.isdigit() else None
        for voter in _descendants(count, "organization"):
            name = clean_text("".join(voter.itertext()))
            if name:
                voters.append((name, position))
    if not counts:
        return None
    return Vote(
        yes=counts.get("yes"),
        no=counts.get("no"),
        abstentions=counts.get("abstain"),
        non_voting=counts.get("non-voting"),
        total=counts.get(_TOTAL),
        voters=tuple(voters),
    )


def _cites(meta: ET.Element | None) -> tuple[str, ...]:
    """The symbols a ``references`` element lists as cited (``TLCReference name="cites"``, as
    ``render.akn`` writes them); the UN's files list none, and their cites are found in the words."""
    references = _child(meta, "references")
    if references is None:
        return ()
    return tuple(
        symbol
        for node in _children(references, "TLCReference")
        if node.get("name") == "cites" and (symbol := clean_text(node.get("showAs", "")))
    )


def _sponsors(meta: ET.Element | None) -> tuple[str, ...]:
    from ..normalizer.frontpage import sponsors

    names: list[str] = []
    for step in _children(_child(meta, "workflow") or ET.Element("x"), "step"):
        if step.get("outcome") in ("draftResolution", "draftResolutionAdditionalSponsors"):
            by = clean_text(step.get("by", ""))
            if by and by[:1].isupper():  # not "submitted by the Committee on Information"
                names += [n for n in sponsors(by) if n not in names]
    return tuple(names)


def _workflow(meta: ET.Element | None, outcome: str) -> ET.Element | None:
    workflow = _child(meta, "workflow")
    if workflow is None:
        return None
    return next((s for s in _children(workflow, "step") if s.get("outcome") == outcome), None)


class _Cover(NamedTuple):
    symbol: str | None
    session: int | None
    distributed: str | None
    agenda_item: str | None
    report: str | None
    committee: str | None


def _cover(cover: ET.Element | None) -> _Cover:
    symbol = session = distributed = agenda = report = committee = None
    for node in cover.iter() if cover is not None else ():
        name = _local(node.tag)
        if name == "docNumber" and symbol is None:
            symbol = _plain(node) or None
        elif name == "session" and session is None:
            value = node.get("value", "")
            session = int(value) if value.isdigit() else None
        elif name == "docDate" and distributed is None:
            distributed = node.get("date")
        elif name == "inline" and node.get("name") == "agenda item" and agenda is None:
            match = AGENDA_RE.search(_plain(node))
            agenda = match[1] if match else (node.get("title") or None)
        elif name == "docProponent" and report is None:
            text = _plain(node)
            match = REPORT_RE.search(text) or DRAFT_RE.search(text)
            report = match[1] if match else None
            found = COMMITTEE_RE.search(text)
            committee = " ".join(found[1].split()) if found else None
    return _Cover(symbol, session, distributed, agenda, report, committee)


def _meeting(conclusions: ET.Element | None) -> tuple[str | None, str | None]:
    """The closing meeting line (``52nd plenary meeting``) and its date."""
    location = next(_descendants(conclusions, "location"), None)
    text = _plain(location) if location is not None else _plain(conclusions)
    match = MEETING_RE.match(text)
    meeting = match[1] if match else (text or None)
    date = next((d.get("date") for d in _descendants(conclusions, "docDate") if d.get("date")), None)
    return meeting, date


def _preface(preface: ET.Element | None, text: _Text) -> tuple[str | None, str | None]:
    """The body heading: ``80/52.`` and the title."""
    number = _plain(_find(preface, "p", "docNumber"))
    title_element = _find(preface, "p", "docTitle")
    title = clean_text(strip_tokens(text.of(title_element))) if title_element is not None else ""
    return number or None, title or None


# --- the resolution -----------------------------------------------------------------------------


def read(data: bytes, source: Source) -> Normalized:
    """Read an AKN4UN document into the model; raises ``AknError`` for XML it cannot read."""
    root = parse(data)
    document = next((c for c in root if _local(c.tag) in ("statement", "documentCollection")), None)
    if document is None:
        raise AknError("the akomaNtoso element holds no statement or documentCollection")
    warnings: list[str] = []
    bodies: list[str] = []
    text = _Text(bodies)
    meta = _child(document, "meta")
    frbr_number, frbr_adopted, language = _frbr(meta)
    cover = _cover(_child(document, "coverPage"))
    preface_number, title = _preface(_child(document, "preface"), text)
    meeting, meeting_date = _meeting(_child(document, "conclusions"))
    keys = _Keys(warnings)
    attachments = [_child(document, "attachments")]
    if _local(document.tag) == "documentCollection":
        components = [c for c in _descendants(root, "component") if _child(c, "statement") is not None]
        used: set[str] = set()
        for ordinal, component in enumerate(components, 1):
            statement = _child(component, "statement")
            assert statement is not None
            letter, part_title = _preface(_child(statement, "preface"), text)
            walker = _Walker(text)
            if part_title:
                walker.units.append(_Unit("H", part_title))
            _statement_body(walker, statement)
            parts = _parts(_settle_unnumbered(walker.units))
            if len(parts) == 1 and _part_letter((letter or "").rstrip(". "), ordinal) not in used:
                letters = [_part_letter((letter or "").rstrip(". "), ordinal)]
            else:  # a part that is itself in parts (I, II; A, B): each its own letter, in order
                letters = [c for c in _LETTERS if c not in used][: len(parts)]
            for part_letter, (_, units) in zip(letters, parts, strict=False):
                used.add(part_letter)
                keys.new_part(f"{part_letter}.")
                keys.feed(units)
            attachments.append(_child(statement, "attachments"))
            if meeting is None:
                meeting, meeting_date = _meeting(_child(statement, "conclusions"))
            if language is None or frbr_adopted is None:
                _, adopted, spoken = _frbr(_child(statement, "meta"))
                language, frbr_adopted = language or spoken, frbr_adopted or adopted
    else:
        walker = _Walker(text)
        _statement_body(walker, document)
        for prefix, units in _parts(_settle_unnumbered(walker.units)):
            keys.new_part(prefix)
            keys.feed(units)
    annexes = [annex for element in attachments for annex in _Walker(text).annexes(element)]
    for number, annex in enumerate(annexes, 1):
        keys.new_part("ANNEX." if len(annexes) == 1 else f"ANNEX-{roman(number)}.")
        keys.feed(annex, annex=True)
    clauses, footnotes = _clauses(keys.records, bodies, warnings, language in (None, "en"))
    symbol = _symbol(preface_number, cover.symbol, frbr_number)
    session = cover.session
    if session is None and symbol and (match := re.search(r"/([0-9]{1,3})/", symbol)):
        session = int(match[1])
    resolution = Resolution(
        symbol=symbol,
        session=session,
        title=title,
        adopted=frbr_adopted or meeting_date,
        agenda_item=cover.agenda_item,
        report=cover.report or _step_as(meta, "recommendedForAdoption"),
        meeting=meeting,
        cites=_cites(meta) or tuple(c for c in cited_symbols(clauses + footnotes) if c != symbol),
        clauses=tuple(clauses + footnotes),
        source=Source(name=source.name, sha256=source.sha256, reader=READER),
        distributed=cover.distributed,
        committee=cover.committee,
        sponsors=_sponsors(meta),
        vote=_vote(meta),
        language=language,
    )
    if not resolution.of_type("operative"):
        warnings.append("no operative paragraph found")
    return Normalized(resolution, tuple(dict.fromkeys(warnings)))


def _next_part(units: list[_Unit], index: int) -> int:
    return next((i for i in range(index + 1, len(units)) if units[i].kind == "PART"), len(units))


def _statement_body(walker: _Walker, statement: ET.Element) -> None:
    """A statement's preambles and bodies in document order (a resolution in parts I, II may give each
    part a ``preamble`` and a ``mainBody`` of its own); a preamble after the first may open a part."""
    for child in statement:
        name = _local(child.tag)
        if name == "preamble":
            if walker.units:
                walker.units.append(_Unit("PART"))
            walker.preamble(child)
        elif name == "mainBody":
            walker.body(child)


def _step_as(meta: ET.Element | None, outcome: str) -> str | None:
    step = _workflow(meta, outcome)
    if step is None:
        return None
    value = step.get("as") or step.get("by") or ""
    return value if value.startswith("A/") else None


def _symbol(preface: str | None, cover: str | None, frbr: str | None) -> str | None:
    """``A/RES/80/52``: from the body heading (``80/52.``) as the PDF reader takes it, else the cover
    page's symbol, else the FRBR work's number."""
    if preface and (match := _PREFACE_NUMBER_RE.match(preface)):
        return f"A/RES/{match[1] or ''}{int(match[2])}/{int(match[3])}"
    if cover and cover.startswith("A/"):
        return cover
    return f"A/RES/{frbr}" if frbr else None


def _clauses(
    records: list[list[object]], bodies: list[str], warnings: list[str], english: bool
) -> tuple[list[Clause], list[Clause]]:
    """Clauses with their footnotes (``FN1..FNn`` in marker order), and the footnote clauses; the verb
    of an operative paragraph printed without italics is derived from the words only in English."""
    clauses: list[Clause] = []
    used: set[int] = set()
    filled = {n for n, body in enumerate(bodies, 1) if clean_text(strip_tokens(body))}
    for key, raw, verb in records:
        assert isinstance(key, str) and isinstance(raw, str)
        notes: list[str] = []
        for match in TOKEN_RE.finditer(raw):
            note = f"FN{match[1]}"
            used.add(int(match[1]))
            if int(match[1]) in filled and note not in notes:
                notes.append(note)
        clause_text = strip_tokens(raw)
        if not clause_text:
            continue
        verb_text = verb if isinstance(verb, str) and clause_text.startswith(verb) else None
        if english and key.rsplit(".", 1)[-1].startswith("OP") and "(" not in key and verb_text is None:
            verb_text = derive_verb(clause_text)
        if not key.rsplit(".", 1)[-1].startswith("OP") or "(" in key:
            verb_text = None
        clauses.append(Clause(key=key, text=clause_text, notes=tuple(notes), verb=verb_text))
    footnotes = []
    for number, body in enumerate(bodies, 1):
        footnote = clean_text(strip_tokens(body))
        if footnote:
            footnotes.append(Clause(key=f"FN{number}", text=footnote))
        elif number in used:
            warnings.append(f"footnote {number} is empty")
    return clauses, footnotes
