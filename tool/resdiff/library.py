"""The UN Digital Library's search answers (MARCXML) as records: pure, no network.

Fields read (the rest of a record is ignored): 001 the record id, 029 the job number ($a ``JN``, $b
``N2519990 E``), 191$a the document symbol, 245$a the title, 856 the files ($u the URL, $y the
language, spelt in that language), 993$a related documents (drafts, reports, meeting records), 996
the vote ($b yes, $c no, $d abstentions, $e non-voting, $f total). The search also returns
neighbouring records (corrigenda, other parts, longer numbers), so a record is chosen by its exact
symbol.

The vote itself is in a record of its own, the "Voting Data" record (UN cataloguing practice, as the
Dag Hammarskjöld Library's votesheet-marc tool writes it): 791$a the resolution's symbol, 996 the
figures, and one 967 (968, 969 past 65 States) per Member State: $e its name, $d ``Y``, ``N`` or
``A``, no $d when it did not vote. The resolution's own record has at most a note ("Adopted 122-55-1").
A figure is a number of at most four ASCII digits; anything else (``²``, 5,000 digits) is unknown.

XML from the network is parsed by the standard library: its expat (2.4.1 and later) refuses entity
expansion bombs and never loads external entities, and answers are size-capped before parsing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, replace

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
_TOTAL_RE = re.compile(rb"<!--\s*Search-Engine-Total-Number-Of-Results:\s*([0-9]{1,9})\s*-->")
_VOTE_CODES = {"b": "yes", "c": "no", "d": "abstentions", "e": "non_voting", "f": "total"}
_FIGURE_RE = re.compile(r"[0-9]{1,4}")  # ASCII only: str.isdigit takes "²", int() refuses 5,000 digits
_JOB_RE = re.compile(r"^[A-Z]?\s*([0-9]{7})\s*[A-Z]?$")  # 029$b: "N2321733 E"
_MEMBER_VOTES = {"Y": "yes", "N": "no", "A": "abstain"}
_VOTER_TAGS = ("967", "968", "969")


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
    job: str | None = None  # 029$b's seven digits (``2519990``): the AKN4UN file names carry it
    problems: tuple[str, ...] = ()  # what was unreadable in it (a vote figure that is no number)

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


@dataclass(frozen=True)
class VotingRecord:
    """A Voting Data record: the vote on the resolution its 791$a names, each State's included."""

    record: str
    symbol: str
    vote: Vote
    problems: tuple[str, ...] = ()


def parse_voting(data: bytes, where: str, symbol: str) -> VotingRecord | None:
    """The Voting Data record for ``symbol`` among a search's records (791$a exactly), or None."""
    for element in _records(data, where):
        control, fields = _fields(element)
        if symbol not in _values(fields, "791", "a"):
            continue
        problems: list[str] = []
        counts = _vote([subfields for tag, subfields in fields if tag == "996"], problems)
        voters: list[tuple[str, str]] = []
        for tag, subfields in fields:
            if tag not in _VOTER_TAGS:
                continue
            codes = dict(reversed(subfields))
            state = codes.get("e", "")
            if not state:
                continue
            mark = codes.get("d", "").upper()
            if mark and mark not in _MEMBER_VOTES:
                problems.append(f"{state}'s vote {mark!r} is not Y, N or A")
                continue
            voters.append((state, _MEMBER_VOTES.get(mark, "non-voting")))
        vote = counts or Vote()
        if voters:
            vote = replace(vote, voters=tuple(voters))
        if counts is None and not voters:
            continue
        return VotingRecord(control.get("001", ""), symbol, vote, tuple(problems))
    return None


def parse_search(data: bytes, where: str) -> SearchAnswer:
    """The records of a MARCXML search answer; a FetchError naming ``where`` when it is not MARCXML."""
    records = _records(data, where)
    total = _TOTAL_RE.search(data)
    return SearchAnswer(tuple(_record(r) for r in records), int(total[1]) if total else None)


def _records(data: bytes, where: str) -> list[ElementTree.Element]:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise FetchError(
            f"{where} answered something that is not MARCXML ({error}); check the library address"
        ) from None
    if _local(root.tag) not in ("collection", "record"):
        raise FetchError(f"{where} answered XML that is not a MARCXML collection; check the library address")
    return [root] if _local(root.tag) == "record" else [e for e in root if _local(e.tag) == "record"]


def _local(tag: str) -> str:
    """A tag without its namespace (MARCXML comes with or without ``http://www.loc.gov/MARC21/slim``)."""
    return tag.rpartition("}")[2]


_Fields = list[tuple[str | None, list[tuple[str | None, str]]]]


def _fields(element: ElementTree.Element) -> tuple[dict[str | None, str], _Fields]:
    control = {e.get("tag"): (e.text or "").strip() for e in element if _local(e.tag) == "controlfield"}
    fields = [
        (e.get("tag"), [(s.get("code"), (s.text or "").strip()) for s in e if _local(s.tag) == "subfield"])
        for e in element
        if _local(e.tag) == "datafield"
    ]
    return control, fields


def _values(fields: _Fields, tag: str, code: str) -> list[str]:
    return [text for t, subfields in fields if t == tag for c, text in subfields if c == code and text]


def _job(fields: _Fields) -> str | None:
    """The job number's seven digits from 029 ($a ``JN``, $b ``N2519990 E``)."""
    for tag, subfields in fields:
        codes = dict(reversed(subfields))
        if tag == "029" and codes.get("a") == "JN" and (match := _JOB_RE.match(codes.get("b", ""))):
            return match[1]
    return None


def _record(element: ElementTree.Element) -> LibraryRecord:
    control, fields = _fields(element)

    def values(tag: str, code: str) -> list[str]:
        return _values(fields, tag, code)

    files = []
    for tag, subfields in fields:
        if tag == "856":
            codes = dict(reversed(subfields))  # the first of each code
            if codes.get("u") and codes.get("y"):
                files.append(LibraryFile(url=codes["u"], language=codes["y"]))
    title = next(iter(values("245", "a")), "").rstrip(" :/")  # "Title :" ($b goes on "resolution /")
    problems: list[str] = []
    vote = _vote([subfields for tag, subfields in fields if tag == "996"], problems)
    return LibraryRecord(
        record=control.get("001", ""),
        symbols=tuple(values("191", "a")),
        title=title or None,
        files=tuple(files),
        related=tuple(values("993", "a")),
        vote=vote,
        job=_job(fields),
        problems=tuple(problems),
    )


def _vote(fields: list[list[tuple[str | None, str]]], problems: list[str]) -> Vote | None:
    """The figures of the first 996 field that has any; a figure that is not a number is unknown, and
    said in ``problems``."""
    for subfields in fields:
        counts: dict[str, int] = {}
        for code, text in subfields:
            if code not in _VOTE_CODES:
                continue
            if _FIGURE_RE.fullmatch(text):
                counts[_VOTE_CODES[code]] = int(text)
            else:
                shown = text if len(text) <= 12 else f"{text[:12]}... ({len(text)} characters)"
                problems.append(f"the vote figure 996${code} {shown!r} is not a number; taken as unknown")
        if counts:
            return Vote(
                yes=counts.get("yes"),
                no=counts.get("no"),
                abstentions=counts.get("abstentions"),
                non_voting=counts.get("non_voting"),
                total=counts.get("total"),
            )
    return None
