"""Parsing an AKN4UN file safely, and the tree helpers and text extraction the reader's modules share.

An XML file is untrusted input: a document type declaration (and so any entity) is refused, as AKN4UN
files never have one; nesting deeper than ``MAX_DEPTH`` is refused while parsing; the size is capped by
``normalize`` before any parsing starts. The standard library's expat parser fetches nothing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import cast

from ...normalizer.text import TOKEN_RE, clean_text, strip_tokens

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
MAX_DEPTH = 100  # the UN's files nest 20 deep at most
# the parentheses Arabic sets a footnote marker in, "(١)" (``<sup>(</sup><authorialNote/><sup>)</sup>``),
# left empty once the marker is a token; and the empty "()" a footnote's body opens with, where its
# number stood
_MARKER_PARENTHESES_RE = re.compile(r"\(\s*((?:\[\^[0-9]+\]\s*)+)\)")
_BODY_MARKER_RE = re.compile(r"^\s*\(\s*\)")
_BLOCKS = frozenset("p item point td th tr listIntroduction listWrapUp intro wrapUp blockList".split())


class AknError(ValueError):
    """A file that claims to be AKN XML but cannot be read as such; the message says why."""


def local(tag: object) -> str:
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


def children_of(element: ET.Element, name: str) -> Iterator[ET.Element]:
    return (child for child in element if local(child.tag) == name)


def child_of(element: ET.Element | None, name: str) -> ET.Element | None:
    if element is None:
        return None
    return next(children_of(element, name), None)


def find_path(element: ET.Element | None, *path: str) -> ET.Element | None:
    for name in path:
        element = child_of(element, name)
    return element


def descendants(element: ET.Element | None, name: str) -> Iterator[ET.Element]:
    if element is None:
        return iter(())
    return (node for node in element.iter() if local(node.tag) == name)


def plain(element: ET.Element | None) -> str:
    """An element's text, footnotes left out, whitespace collapsed."""
    if element is None:
        return ""
    return clean_text(strip_tokens(Text(None).of(element)))


class Text:
    """Text of the body's elements, each footnote (``authorialNote``) made a ``[^n]`` token numbered
    in the order the markers stand, its body kept for the footnote clauses."""

    def __init__(self, bodies: list[str] | None) -> None:
        self.bodies = bodies
        self.ids: dict[str, int] = {}  # a note's eId -> its number, for a ``noteRef`` that cites it again

    def of(self, element: ET.Element, skip: frozenset[str] = frozenset({"num"})) -> str:
        parts = [element.text or ""]
        for child in element:
            name = local(child.tag)
            if name == "authorialNote":
                if self.bodies is None:
                    parts.append("[^0]")  # a note where no footnote is kept: its place still shows
                else:
                    self.bodies.append("")  # its place first: a note inside a note comes after it
                    number = len(self.bodies)
                    if child.get("eId"):
                        self.ids[child.get("eId", "")] = number
                    self.bodies[number - 1] = _BODY_MARKER_RE.sub("", self.of(child), count=1)
                    parts.append(f"[^{number}]")
            elif name == "noteRef" and (cited := self.ids.get((child.get("href") or "").lstrip("#"))):
                parts.append(f"[^{cited}]")
            elif name in ("eol", "br"):
                parts.append(" ")
            elif name not in skip and name not in ("img", "meta"):
                text = self.of(child)
                parts.append(f" {text} " if name in _BLOCKS else text)
            parts.append(child.tail or "")
        return _MARKER_PARENTHESES_RE.sub(r"\1", "".join(parts))


def visible(raw: str) -> bool:
    """Whether a text holds words or a footnote (not only spaces)."""
    return bool(clean_text(strip_tokens(raw))) or TOKEN_RE.search(raw) is not None
