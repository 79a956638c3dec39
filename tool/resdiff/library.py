"""The UN Digital Library's search answers (MARCXML) as records: pure, no network.

Fields read (the rest of a record is ignored): 001 the record id, 191$a the document symbol, 245$a the
title, 856 the files ($u the URL, $y the language, spelt in that language), 993$a related documents
(drafts, reports, meeting records), 996 the vote ($b yes, $c no, $d abstentions, $e non-voting,
$f total). The search also returns neighbouring records (corrigenda, other parts, longer numbers), so
a record is chosen by its exact symbol.

XML from the network is parsed by the standard library: its expat (2.4.1 and later) refuses entity
expansion bombs and never loads external entities, and answers are size-capped before parsing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

from .errors import FetchError
from .model import Vote
from .refs import DRAFT_RE, parse_symbol

# --lang codes and how the Digital Library names each language in 856$y
LANGUAGES = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ar": "العربية",
    "zh": "中文",
    "ru": "Русский",
}
_TOTAL_RE = re.compile(rb"<!--\s*Search-Engine-Total-Number-Of-Results:\s*([0-9]+)\s*-->")
_VOTE_CODES = {"b": "yes", "c": "no", "d": "abstentions", "e": "non_voting", "f": "total"}


@dataclass(frozen=True)
class LibraryFile:
    url: str
    language: str  # as 856$y gives it ("English", "Français", ...)


@dataclass(frozen=True)
class LibraryRecord:
    record: str  # 001, the id in https://digitallibrary.un.org/record/ID
    symbols: tuple[str, ...]  # every 191$a: a record can carry a document under several symbols
    title: str | None
    files: tuple[LibraryFile, ...]
    related: tuple[str, ...]  # 993$a, as printed
    vote: Vote | None

    def file_in(self, language: str) -> LibraryFile | None:
        """The file in a language (a --lang code), a PDF rather than another format when there are several."""
        name = LANGUAGES[language]
        files = [f for f in self.files if f.language == name]
        return next((f for f in files if f.url.lower().endswith(".pdf")), files[0] if files else None)

    @property
    def drafts(self) -> tuple[str, ...]:
        """The draft resolutions among the related documents (``A/C.1/80/L.52``), as corpus symbols."""
        found = (parse_symbol(text) for text in self.related if "/L." in text)
        return tuple(dict.fromkeys(s for s in found if s is not None and DRAFT_RE.match(s)))


@dataclass(frozen=True)
class SearchAnswer:
    records: tuple[LibraryRecord, ...]
    total: int | None  # what the search engine found, of which ``records`` is the first page

    def exact(self, symbol: str) -> LibraryRecord | None:
        """The record whose 191$a is exactly ``symbol`` (never a corrigendum or 79/580 for 79/58)."""
        return next((r for r in self.records if symbol in r.symbols), None)


def parse_search(data: bytes, where: str) -> SearchAnswer:
    """The records of a MARCXML search answer; a FetchError naming ``where`` when it is not MARCXML."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise FetchError(
            f"{where} answered something that is not MARCXML ({error}); check the library address"
        ) from None
    if _local(root.tag) not in ("collection", "record"):
        raise FetchError(f"{where} answered XML that is not a MARCXML collection; check the library address")
    records = [root] if _local(root.tag) == "record" else [e for e in root if _local(e.tag) == "record"]
    total = _TOTAL_RE.search(data)
    return SearchAnswer(tuple(_record(r) for r in records), int(total[1]) if total else None)


def _local(tag: str) -> str:
    """A tag without its namespace (MARCXML comes with or without ``http://www.loc.gov/MARC21/slim``)."""
    return tag.rpartition("}")[2]


def _record(element: ElementTree.Element) -> LibraryRecord:
    control = {e.get("tag"): (e.text or "").strip() for e in element if _local(e.tag) == "controlfield"}
    fields = [
        (e.get("tag"), [(s.get("code"), (s.text or "").strip()) for s in e if _local(s.tag) == "subfield"])
        for e in element
        if _local(e.tag) == "datafield"
    ]

    def values(tag: str, code: str) -> list[str]:
        return [text for t, subfields in fields if t == tag for c, text in subfields if c == code and text]

    files = []
    for tag, subfields in fields:
        if tag == "856":
            codes = dict(reversed(subfields))  # the first of each code
            if codes.get("u") and codes.get("y"):
                files.append(LibraryFile(url=codes["u"], language=codes["y"]))
    title = next(iter(values("245", "a")), "").rstrip(" :/")  # "Title :" ($b goes on "resolution /")
    return LibraryRecord(
        record=control.get("001", ""),
        symbols=tuple(values("191", "a")),
        title=title or None,
        files=tuple(files),
        related=tuple(values("993", "a")),
        vote=_vote([subfields for tag, subfields in fields if tag == "996"]),
    )


def _vote(fields: list[list[tuple[str | None, str]]]) -> Vote | None:
    """The figures of the first 996 field that has any (a figure that is not a number is unknown)."""
    for subfields in fields:
        counts = {
            _VOTE_CODES[code]: int(text) for code, text in subfields if code in _VOTE_CODES and text.isdigit()
        }
        if counts:
            return Vote(
                yes=counts.get("yes"),
                no=counts.get("no"),
                abstentions=counts.get("abstentions"),
                non_voting=counts.get("non_voting"),
                total=counts.get("total"),
            )
    return None
