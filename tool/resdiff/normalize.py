"""Raw blocks from a reader -> the clause model (``Resolution``), plus warnings on what looked wrong.

Structure comes from layout and numbering: the body heading ``72/54. Title``, the opener line
(``The General Assembly,``), printed paragraph numbers, ``(a)``/``(i)`` items, the closing meeting
line, and the punctuation every clause ends with (``,`` for preambular, ``;``/``.`` for operative
paragraphs), which is what tells a page-break continuation from a new clause. English words are
used only for metadata (dates, session ordinals) and the operative verb phrase.

Choices worth knowing:

* A cited resolution with a part letter (``56/24 V``) is kept as ``A/RES/56/24V``: the letter
  distinguishes resolutions, and the canonical header separates cites by spaces.
* Cites are collected from all clauses, footnotes included, in reading order.
* A cut-short body heading (PDF extraction keeps only its first line) is completed from the
  front-matter title only when that title starts with the heading; otherwise the heading wins.
* Items of a list whose ``(a)`` markers the extraction lost are lettered in order, with a warning.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from . import canonical
from .errors import InputError
from .model import Clause, Normalized, Resolution, Source
from .readers import Block, RawText, read

MAX_BYTES = 5_000_000

_HEADING_RE = re.compile(r"^([0-9]{1,3})/([0-9]{1,4})\.\s+(\S.*)$")
_OPENER_RE = re.compile(r"^(?:The\s+)?General\s+Assembly\s*,?$", re.I)
_MEETING_RE = re.compile(r"^([0-9]{1,3}(?:st|nd|rd|th)\s+plenary\s+meeting)\b\s*(.*)$", re.I)
_PART_RE = re.compile(r"[A-Z]")
_ANNEX_RE = re.compile(r"^Annex(?:\s+([IVXLC]+))?(?:\s+(.*))?$")
_NUMBERED_RE = re.compile(r"^([0-9]{1,3})\.\s+(.*)$", re.S)
_ITEM_RE = re.compile(r"^\(([a-z]{1,4})\)\s+(.*)$", re.S)
_LINE_START_RE = re.compile(r"^(?:[0-9]{1,3}\.|\([a-z]{1,4}\))\s")
_TOKEN_RE = re.compile(r"\[\^([0-9]+)\]")
_TRAILING_TOKENS_RE = re.compile(r"(?:\s*\[\^[0-9]+\])+\s*$")
_ENDS_CLAUSE_RE = re.compile(r"[,;.:][”’\"]?$")
_FURNITURE_RE = re.compile(
    r"^(?:United Nations|General Assembly|A/RES/[0-9]+/[0-9]+(?:\s.*)?|[0-9]{2}-[0-9]{5}\s*\(E\).*"
    r"|[0-9]{1,3}|[0-9]{1,3}/[0-9]{1,3}|\*[0-9]{7}\*)$"
)
_SPACES_RE = re.compile(r"\s+")
_HYPHEN_BREAK_RE = re.compile(r"(?<=[^\W\d_])- (?!(?:and|or|nor|as well as)\b)(?=[^\W\d_])")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+(?=[,;.:)])")

_DATE_RE = re.compile(
    r"\b([0-9]{1,2})\s+(January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+([0-9]{4})\b"
)
_MONTH_LIST = "January February March April May June July August September October November December"
_MONTHS = {month: number for number, month in enumerate(_MONTH_LIST.split(" "), 1)}
_ADOPTED_RE = re.compile(r"adopted by the General Assembly on\s+([0-9]{1,2}\s+\w+\s+[0-9]{4})")
_AGENDA_RE = re.compile(r"\bAgenda items?\s+([0-9]+(?:\s?\([a-z]+\))?)")
_REPORT_RE = re.compile(r"\[on the reports? of the [^(\]]*\((A/[0-9]+/[^,)\s]+)")
_DRAFT_RE = re.compile(r"\[without reference to a Main Committee\s*\((A/[^,)\s]+)")
_SESSION_RE = re.compile(r"\b([A-Z][a-z]+(?:-[a-z]+)?)\s+session\b")
_UNITS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
}
_TEENS = {
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_TENTHS = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
}

_CITE_SCAN_RE = re.compile(
    r"(?P<res>\b[Rr]esolutions?\b)"
    r"|(?P<stop>\b(?:[Dd]ecisions?|[Dd]ocuments?|[Rr]eports?)\b|;|\.(?=\s+[A-Z])|\.$)"
    r"|(?<![-/\w.])(?P<sym>(?P<s>[0-9]{1,2})/(?P<n>[0-9]{1,3})\b(?:\s(?P<part>[A-Z]{1,2})\b(?![-/\w.]))?)"
)

# words after which a number is content (``article 7``, ``paragraphs 3 and 4``), not a footnote marker
_CONTENT_BEFORE = frozenset(
    " ".join(
        (
            "article articles paragraph paragraphs para. paras. resolution resolutions no. nos. vol. vols.",
            "chapter chap. section sect. annex annexes part rule rules goal goals target targets principle",
            "principles item items protocol page pages p. pp. decision recommendation recommendations phase",
            "level category and or to of on from between by in at than with the a some over about all for",
            "nearly least every each first last top total only these those its their our since until till",
            "sub-item session year years",
            _MONTH_LIST.lower(),
        )
    ).split(" ")
)
_ABBREVIATIONS = ("no.", "para.", "vol.", "pp.", "p.")
_MONTH_NAMES = frozenset(m.lower() for m in _MONTHS)
_DIGITS_RE = re.compile(r"\[\^[0-9]+\]|[0-9]+")

_VERB_PHRASES_RE = re.compile(
    r"^(?:(?:[A-Z][a-z]+ly|Also|Further|Again|Once again)\s+)?(?:"
    r"[Rr]eiterates its invitation and encouragement"
    r"|[Ee]xpresses (?:its |once again its |also its |further its )?(?:(?:deep|deepest|grave|strong|serious|"
    r"profound|sincere|great|full|continued|firm|utmost|heartfelt)\s+)*(?:concern|appreciation|gratitude|"
    r"regret|support|condolences|hope|satisfaction|solidarity|outrage|alarm)"
    r"|[Tt]akes (?:also |further )?note(?: with (?:appreciation|satisfaction|concern|interest))?"
    r"|[Cc]alls (?:upon|on|for)"
    r"|[Pp]ays tribute"
    r"|[Bb]ears in mind"
    r")\b"
)
_LEAD_ADVERBS = frozenset({"also", "further", "again", "once", "furthermore", "moreover"})
_TRAIL_ADVERBS = frozenset({"also", "further", "again"})


def normalize_path(path: str | Path) -> Normalized:
    """Normalize a file; the name recorded (and used in messages) is the file name only."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise InputError(_too_big(file.name, size))
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"{file.name}: cannot read the file ({error.strerror}); check the path") from None
    return normalize_bytes(data, file.name)


def normalize_stream(stream: IO[bytes], name: str) -> Normalized:
    """Normalize a stream (stdin) without reading more than the size cap allows."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(
            f"{name}: more than the {MAX_BYTES // 1_000_000} MB any resolution needs; "
            "give the resolution's own text"
        )
    return normalize_bytes(data, name)


def normalize_bytes(data: bytes, name: str) -> Normalized:
    """Normalize the bytes of a resolution in any supported format (canonical files unchanged)."""
    text = _decode(data, name)
    if canonical.is_canonical(text):
        try:
            return Normalized(canonical.load(text))
        except InputError as error:
            raise InputError(f"{name}: {error}") from None
    source = Source(name=name, sha256=hashlib.sha256(data).hexdigest(), reader="")
    return _Builder(read(text), source).build()


def _too_big(name: str, size: int) -> str:
    return (
        f"{name}: the file is {size / 1e6:.1f} MB, more than the {MAX_BYTES // 1_000_000} MB any resolution "
        "needs; give the resolution's own text"
    )


def _decode(data: bytes, name: str) -> str:
    if len(data) > MAX_BYTES:
        raise InputError(_too_big(name, len(data)))
    if not data.strip():
        raise InputError(f"{name}: the file is empty; give the text of a resolution")
    if b"\x00" in data:
        raise InputError(f"{name}: this is a binary file (it holds NUL bytes); give the resolution as text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not valid UTF-8 (at byte offset {error.start}); convert the file to UTF-8"
        ) from None
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def clean_text(text: str) -> str:
    """Collapse whitespace and undo PDF line-end hyphenation (``military-to- military``)."""
    text = _SPACES_RE.sub(" ", text).strip()
    return _HYPHEN_BREAK_RE.sub("-", text)


def _strip_tokens(text: str) -> str:
    text = _TOKEN_RE.sub("\x01", text)
    text = re.sub(r"\s*\x01+\s*(?=[,;:.)]|$)", "", text)
    return clean_text(text.replace("\x01", " "))


def _ends_clause(text: str) -> bool:
    return _ENDS_CLAUSE_RE.search(_TRAILING_TOKENS_RE.sub("", text)) is not None


def _iso_date(text: str) -> str | None:
    match = _DATE_RE.search(text)
    if match is None:
        return None
    return f"{int(match[3]):04d}-{_MONTHS[match[2]]:02d}-{int(match[1]):02d}"


def _ordinal(word: str) -> int | None:
    """``Seventy-second`` -> 72, ``Eightieth`` -> 80: sessions are printed as English ordinals."""
    word = word.lower()
    if word in _UNITS:
        return _UNITS[word]
    if word in _TEENS:
        return _TEENS[word]
    if word in _TENTHS:
        return _TENTHS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and unit in _UNITS:
        return _TENS[tens] + _UNITS[unit]
    return None


def derive_verb(text: str) -> str | None:
    """The operative verb phrase at the head of an operative paragraph printed without italics."""
    match = _VERB_PHRASES_RE.match(text)
    if match:
        return match[0]
    words = text.split(" ")
    if not words or not words[0][:1].isupper():
        return None
    index = 0
    while index < len(words) - 1 and (words[index].lower() in _LEAD_ADVERBS or words[index].endswith("ly")):
        index += 1
    index += 1
    while index < len(words) and words[index] in _TRAIL_ADVERBS:
        index += 1
    if words[index - 1].lower() == "calls" and words[index : index + 3] in (["once", "again", "upon"],):
        index += 3
    if index + 1 < len(words) and words[index] == "and" and re.fullmatch(r"[a-z]+s", words[index + 1]):
        index += 2  # ``Invites and encourages``
    verb = " ".join(words[:index]).rstrip(",;:.")
    return verb or None


@dataclass
class _Record:
    """A clause being built: its key, text so far, and the italic verb the source gave it."""

    key: str
    text: str
    emphasis: str | None = None
    synthetic: bool = False  # numbered by us, not by the source


@dataclass
class _Unit:
    text: str
    emphasis: str | None = None


@dataclass
class _Section:
    """Builds the clauses of one section (main body, part, annex) from units in reading order."""

    prefix: str  # "" for the main body, "A." for a part, "ANNEX." for an annex
    annex: bool
    warnings: list[str]
    records: list[_Record] = field(default_factory=list)
    operative: bool = False
    last_number: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    paragraph: str | None = None  # key of the paragraph that items attach to
    letter: str | None = None
    roman: str | None = None
    lost_letters: bool = False

    def _label(self) -> str:
        return "annex" if self.annex else ("part " + self.prefix[0] if self.prefix else "main body")

    def _next(self, kind: str) -> str:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return f"{kind}{self.counts[kind]}"

    def add_heading(self, text: str) -> None:
        """A part's title: a heading of its own, ``A.H1``."""
        self._add(self._next("H"), text)

    def _add(self, key: str, text: str, emphasis: str | None = None, synthetic: bool = False) -> None:
        self.records.append(_Record(self.prefix + key, text, emphasis, synthetic))

    def _open(self) -> bool:
        """Whether the last clause has not ended yet (so the next block continues it)."""
        if not self.records or self.records[-1].key[len(self.prefix) :].startswith("H"):
            return False
        return not _ends_clause(self.records[-1].text)

    def feed(self, unit: _Unit) -> None:
        for piece in self._split_inline(unit):
            self._feed_one(piece)

    def _split_inline(self, unit: _Unit) -> list[_Unit]:
        """Split paragraphs the extraction ran together (``development.2 2. We acknowledge``)."""
        pieces: list[_Unit] = []
        text, emphasis = unit.text, unit.emphasis
        while True:
            number = self._expected_after(text)
            if self.annex:
                pattern = rf"(?<=\S)\s+{number}\.\s+(?=[A-Z“\"‘])"
            else:
                pattern = rf"(?<=[.;:\]])\s+{number}\.\s+(?=[A-Z“\"‘])"
            match = re.search(pattern, text[1:])
            if match is None and self.annex:  # a lost number: ``commitments 3. We gather`` after 1
                match = re.search(pattern.replace(rf"\s+{number}\.", rf"\s+{number + 1}\."), text[1:])
            if match is None or not (self.operative or self.annex or number == 1):
                break
            cut = match.start() + 1
            pieces.append(_Unit(text[:cut], emphasis))
            text, emphasis = text[cut:].lstrip(), None
        pieces.append(_Unit(text, emphasis))
        return pieces

    def _expected_after(self, text: str) -> int:
        numbered = _NUMBERED_RE.match(text)
        start = self.last_number
        if numbered and int(numbered[1]) > start:
            start = int(numbered[1])
        return start + 1

    def _feed_one(self, unit: _Unit) -> None:
        text = unit.text
        numbered = _NUMBERED_RE.match(text)
        if (
            numbered
            and (number := int(numbered[1])) > self.last_number
            and (self.operative or self.annex or number == 1 or not self.records)
        ):
            if number != self.last_number + 1:
                self.warnings.append(
                    f"{self._label()}: paragraph {number} follows paragraph {self.last_number} "
                    "(numbering gap)"
                )
            last = self.records[-1] if self.records else None
            local = last.key[len(self.prefix) :] if last else ""
            if last and local.startswith("PP") and "(" not in local and self._looks_like_heading(last.text):
                last.key = self.prefix + self._next("H")  # a heading over the operative part
                self.counts["PP"] -= 1
            self.operative = True
            self.last_number = number
            key = f"{'P' if self.annex else 'OP'}{number}"
            self._add(key, numbered[2], unit.emphasis)
            self.paragraph, self.letter, self.roman, self.lost_letters = key, None, None, False
            return
        item = _ITEM_RE.match(text)
        if item and self.paragraph is not None:
            self._add_item(item[1], item[2])
            return
        if self.records and (self._open() or (not text[:1].isupper() and not text[:1].isdigit())):
            self.records[-1].text += " " + text
            return
        previous = self.records[-1].text if self.records else ""
        if self.paragraph is not None and (
            _TRAILING_TOKENS_RE.sub("", previous).endswith(":")
            or (self.lost_letters and not self._looks_like_heading(text))
        ):
            self._add_lost_item(text)
            return
        annex_title = self.annex and not self.records and not _ends_clause(text)
        if annex_title or (self._looks_like_heading(text) and (self.operative or self.annex)):
            self._add(self._next("H"), text)
            self.paragraph, self.lost_letters = None, False
            return
        if self.annex:
            self._add(self._next("T"), text)
            self.paragraph, self.lost_letters = None, False
        elif self.operative:
            self.last_number += 1
            key = f"OP{self.last_number}"
            self.warnings.append(
                f"{self._label()}: an operative paragraph has no number; numbered it {self.last_number} "
                f"({_excerpt(text)})"
            )
            self._add(key, text, unit.emphasis, synthetic=True)
            self.paragraph, self.letter, self.roman, self.lost_letters = key, None, None, False
        else:
            key = self._next("PP")
            self._add(key, text)
            self.paragraph, self.letter, self.roman, self.lost_letters = key, None, None, False

    def finish(self) -> list[_Record]:
        """A body without numbered paragraphs: its closing sentences are operative, not preambular."""
        if self.operative or self.annex:
            return self.records
        tail = 0
        while tail < len(self.records) and _TRAILING_TOKENS_RE.sub("", self.records[-1 - tail].text).endswith(
            (";", ".")
        ):
            tail += 1
        if tail:
            self.warnings.append(
                f"{self._label()}: no numbered operative paragraph; took the last {tail} paragraph(s), "
                "which end like operative ones, as operative paragraphs"
            )
            first = len(self.records) - tail
            for number, record in enumerate(self.records[first:], 1):
                record.key, record.synthetic = f"{self.prefix}OP{number}", True
            preambular = [r for r in self.records[:first] if "(" not in r.key]
            renumbered = {r.key: f"{self.prefix}PP{i}" for i, r in enumerate(preambular, 1)}
            for record in self.records[:first]:
                head, paren, items = record.key.partition("(")
                record.key = renumbered.get(head, head) + paren + items
        return self.records

    @staticmethod
    def _looks_like_heading(text: str) -> bool:
        short = len(text) < 160 and len(text.split()) <= 18
        return short and not _ends_clause(text) and (text[:1].isupper() or text[:1].isdigit())

    def _add_item(self, label: str, text: str) -> None:
        roman = re.fullmatch(r"[ivxl]+", label) is not None
        next_letter = chr(ord(self.letter) + 1) if self.letter and len(self.letter) == 1 else None
        assert self.paragraph is not None
        if roman and self.letter is not None and label != next_letter:
            key = f"{self.paragraph}({self.letter})({label})"
            self.roman = label
        else:
            key = f"{self.paragraph}({label})"
            self.letter, self.roman = label, None
        if any(r.key == self.prefix + key for r in self.records):
            self.records[-1].text += f" ({label}) {text}"
            self.warnings.append(f"{self._label()}: item ({label}) appears twice under {self.paragraph}")
            return
        self._add(key, text)

    def _add_lost_item(self, text: str) -> None:
        assert self.paragraph is not None
        letter = "a" if self.letter is None else chr(ord(self.letter[-1]) + 1)
        if not self.lost_letters:
            self.warnings.append(
                f"{self._label()}: the items of {self.paragraph} have no (a), (b) markers; lettered in order"
            )
        self.lost_letters = True
        self.letter = letter
        self._add(f"{self.paragraph}({letter})", text)


def _excerpt(text: str) -> str:
    text = _strip_tokens(text)
    return f"“{text[:60]}…”" if len(text) > 60 else f"“{text}”"


class _Builder:
    """One normalization run: metadata from the header, clauses from the body and annexes."""

    def __init__(self, raw: RawText, source: Source) -> None:
        self.raw = raw
        self.source = Source(name=source.name, sha256=source.sha256, reader=raw.reader)
        self.warnings: list[str] = []
        self.name = source.name

    # --- layout --------------------------------------------------------------------------

    def _locate(self, blocks: list[Block]) -> tuple[int | None, int | None]:
        heading = next((i for i, b in enumerate(blocks) if _HEADING_RE.match(b.text.split("\n")[0])), None)
        start = heading + 1 if heading is not None else 0
        opener = None
        for index in range(start, min(len(blocks), start + 6)):
            line = clean_text(blocks[index].text)
            words = len(line.split())
            if _OPENER_RE.match(line) or (
                heading is not None
                and ((line.endswith(",") and words <= 6) or (words <= 4 and not _ends_clause(line)))
            ):
                opener = index
                break
        return heading, opener

    def build(self) -> Normalized:
        blocks = [part for block in self.raw.blocks for part in _split_at_opener(block)]
        heading, opener = self._locate(blocks)
        has_numbers = any(_NUMBERED_RE.match(b.text) for b in blocks)
        if heading is None and opener is None and not has_numbers:
            raise InputError(
                f"{self.name}: this does not look like a resolution (no heading such as '72/54. Title', "
                "no 'The General Assembly,' line, no numbered paragraphs); give the text of a resolution"
            )
        body_start = (opener if opener is not None else heading if heading is not None else -1) + 1
        header_end = heading if heading is not None else max(body_start - 1, 0)
        header = "\n".join(b.text for b in blocks[:header_end])
        title_lines: list[str] = []
        symbol = session = None
        if heading is not None:
            first, *rest = blocks[heading].text.split("\n")
            match = _HEADING_RE.match(first)
            assert match is not None
            session, symbol = int(match[1]), f"A/RES/{int(match[1])}/{int(match[2])}"
            title_lines = [match[3], *rest]
            stop = opener if opener is not None else heading + 1
            stop = min([stop, *(i for i in self._part_starts(blocks, heading + 1))])
            title_lines += [line for b in blocks[heading + 1 : stop] for line in b.text.split("\n")]
        printed_title = clean_text(" ".join(title_lines)) or None
        title = self._complete_title(printed_title)
        parts = self._part_starts(blocks, body_start - 1)
        meetings = [i for i in range(body_start, len(blocks)) if _MEETING_RE.match(blocks[i].text.split("\n")[0])]
        closing = meetings[0] if meetings else None
        if parts:  # each part closes with its own meeting line: the body runs to the last before an annex
            body_start = parts[0]
            annex_at = next((i for i in range(parts[-1], len(blocks)) if _ANNEX_RE.match(blocks[i].text)), None)
            closing = max((i for i in meetings if annex_at is None or i < annex_at), default=None)
        body_blocks = blocks[body_start : closing if closing is not None else len(blocks)]
        tail = blocks[closing + 1 :] if closing is not None else []
        meeting_block = clean_text(blocks[closing].text) if closing is not None else ""
        if tail and _DATE_RE.fullmatch(clean_text(tail[0].text)):  # the meeting's date on a line of its own
            meeting_block, tail = f"{meeting_block} {clean_text(tail[0].text)}", tail[1:]
        if closing is None:
            annex_at = next((i for i, b in enumerate(body_blocks) if _ANNEX_RE.fullmatch(b.text)), None)
            if annex_at is not None:
                body_blocks, tail = body_blocks[:annex_at], body_blocks[annex_at:]
        heads = {h for h in (printed_title, title, title_lines[0] if title_lines else None) if h}
        sections = self._sections(body_blocks, heads) if parts else [("", [], self._units(body_blocks, heads))]
        annexes = self._annexes(tail, heads)
        all_units = [u for _, _, units in sections for u in units] + [u for _, units in annexes for u in units]
        if self.raw.bare_markers:
            self._find_bare_markers(all_units)
        records: list[_Record] = []
        for prefix, part_title, units in sections:
            section = _Section(prefix, False, self.warnings)
            if part_title:
                section.add_heading(" ".join(part_title))
            for unit in units:
                section.feed(unit)
            part = section.finish()
            label = f"part {prefix[0]}" if prefix else "main body"
            if not any(r.key[len(prefix) :].startswith("OP") for r in part) and part:
                self.warnings.append(f"{label}: no numbered operative paragraph found")
            if not any(r.key[len(prefix) :].startswith("PP") for r in part):
                self.warnings.append(f"{label}: no preambular paragraph found")
            records += part
        for prefix, units in annexes:
            section = _Section(prefix, True, self.warnings)
            for unit in units:
                section.feed(unit)
            records += section.records
        clauses, footnotes = self._clauses(records)
        meeting = _MEETING_RE.match(meeting_block)
        header_flat = clean_text(header)
        adopted = _ADOPTED_RE.search(header_flat)
        if session is None:
            words = _SESSION_RE.search(header_flat)
            session = _ordinal(words[1]) if words else None
        report = _REPORT_RE.search(header_flat) or _DRAFT_RE.search(header_flat)
        agenda = _AGENDA_RE.search(header_flat)
        all_clauses = clauses + footnotes
        resolution = Resolution(
            symbol=symbol,
            session=session,
            title=title,
            adopted=_iso_date(adopted[1]) if adopted else (_iso_date(meeting[2]) if meeting else None),
            agenda_item=agenda[1] if agenda else None,
            report=report[1] if report else None,
            meeting=meeting[1] if meeting else None,
            cites=tuple(c for c in _cites(all_clauses) if c != symbol),
            clauses=tuple(all_clauses),
            source=self.source,
        )
        return Normalized(resolution, tuple(self.warnings))

    @staticmethod
    def _part_starts(blocks: list[Block], start: int) -> list[int]:
        """Where the parts of a multi-part resolution begin: a lone capital letter (``A``, ``B``)
        followed, after the part's title, by the part's own ``The General Assembly,``."""
        return [
            i
            for i in range(max(start, 0), len(blocks))
            if _PART_RE.fullmatch(blocks[i].text.strip())
            and any(_OPENER_RE.match(clean_text(b.text)) for b in blocks[i + 1 : i + 5])
        ]

    def _sections(self, blocks: list[Block], heads: set[str]) -> list[tuple[str, list[str], list[_Unit]]]:
        """Split a multi-part body into parts: prefix, the part's title lines, its units."""
        starts = self._part_starts(blocks, 0)
        sections: list[tuple[str, list[str], list[_Unit]]] = []
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
            chunk = blocks[start + 1 : end]
            opener = next(i for i, b in enumerate(chunk) if _OPENER_RE.match(clean_text(b.text)))
            title = [clean_text(b.text) for b in chunk[:opener]]
            rest = [
                b
                for b in chunk[opener + 1 :]
                if not _MEETING_RE.match(b.text.split("\n")[0]) and not _DATE_RE.fullmatch(clean_text(b.text))
            ]
            sections.append((f"{blocks[start].text.strip()}.", title, self._units(rest, heads)))
        return sections

    def _complete_title(self, printed: str | None) -> str | None:
        hint = self.raw.hints.get("title", "").strip()
        hint = re.sub(r"\s*:$", "", hint).replace(" : ", ": ")
        if printed is None or not hint:
            return printed
        fold = str.maketrans({"\u2011": "-", "\u00a0": " "})
        if len(hint) > len(printed) and hint.translate(fold).lower().startswith(
            printed.translate(fold).lower()
        ):
            rest = hint[len(printed) :]
            if rest[:1] in (" ", ",", ":"):
                self.warnings.append(
                    "the body heading is cut short; completed it from the front-matter title"
                )
                return printed + rest
        return printed

    def _units(self, blocks: list[Block], heads: set[str], annex: bool = False) -> list[_Unit]:
        """Blocks -> units (a paragraph, or the start of one), page furniture and running heads gone."""
        units: list[_Unit] = []
        for number, block in enumerate(blocks):
            lines = [line.strip() for line in block.text.split("\n")]
            kept = [
                line
                for index, line in enumerate(lines)
                if line
                and not _FURNITURE_RE.match(line)
                and (clean_text(line) not in heads or (annex and number == index == 0))  # an annex title
            ]
            current: list[str] = []
            emphasis = block.emphasis
            for line in kept:
                starts = _LINE_START_RE.match(line) or (
                    annex
                    and current
                    and current[-1].endswith((".", ";"))
                    and len(current[-1].split()) > 3
                    and line[:1].isupper()
                )
                if current and starts:
                    units.append(_Unit(_join_lines(current), emphasis))
                    current, emphasis = [], None
                current.append(line)
            if current:
                units.append(_Unit(_join_lines(current), emphasis))
        return units

    def _annexes(self, blocks: list[Block], heads: set[str]) -> list[tuple[str, list[_Unit]]]:
        starts = [i for i, b in enumerate(blocks) if _ANNEX_RE.match(b.text.split("\n")[0])]
        if not starts:
            if any(clean_text(b.text) for b in blocks):
                self.warnings.append("text after the closing meeting line is not an annex; ignored it")
            return []
        several = len(starts) > 1
        result: list[tuple[str, list[_Unit]]] = []
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
            first, *rest = blocks[start].text.split("\n")
            match = _ANNEX_RE.match(first)
            assert match is not None
            numeral = match[1] or (_roman(n + 1) if several else None)
            prefix = f"ANNEX-{numeral}." if numeral else "ANNEX."
            lead = "\n".join(x for x in [match[2] or "", *rest] if x)
            chunk = ([Block(lead)] if lead else []) + blocks[start + 1 : end]
            result.append((prefix, self._units(chunk, heads, annex=True)))
        return result

    # --- footnote markers ------------------------------------------------------------------

    def _find_bare_markers(self, units: list[_Unit]) -> None:
        """Rewrite bare-digit footnote markers as ``[^n]`` tokens, in reading order.

        Only numbers that have a footnote body qualify; a new marker must be the next number
        expected; the digit's position decides the rest (glued to punctuation or to a year, or a
        standalone number not introduced by a word that makes it content, like ``article 7``).
        """
        numbers = {n for n, _ in self.raw.footnotes}
        expected = 1
        for unit in units:
            out: list[str] = []
            position = 0
            for match in _DIGITS_RE.finditer(unit.text):
                run = match[0]
                if run.startswith("[^"):
                    expected = max(expected, int(run[2:-1]) + 1)
                    continue
                marker = self._marker_in(unit.text, match.start(), match.end(), numbers, expected)
                if marker is None:
                    continue
                cut = match.end() - len(str(marker))
                out.append(unit.text[position:cut] + f"[^{marker}]")
                position = match.end()
                expected = max(expected, marker + 1)
            if out:
                unit.text = "".join(out) + unit.text[position:]

    @staticmethod
    def _marker_in(text: str, start: int, end: int, numbers: set[int], expected: int) -> int | None:
        run = text[start:end]
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        after2 = text[end + 1] if end + 1 < len(text) else ""
        if after.isdigit() or (after and after in "/%") or (after and after in ".,:" and after2.isdigit()):
            return None
        if after == "." and (not after2 or after2.isspace()):
            return None  # a paragraph number or a number ending a sentence
        value = int(run)
        if len(run) in (5, 6) and run[:2] in ("19", "20") and int(run[4:]) == expected and run[4] != "0":
            return int(run[4:]) if int(run[4:]) in numbers else None  # ``20 November 20242``
        if value not in numbers or len(run) > 3:
            return None
        before2 = text[start - 2] if start >= 2 else ""
        glued_before = bool(before) and before in ',;:.)”’"' and (len(run) < 3 or not before2.isdigit())
        if glued_before and text[max(0, start - 5) : start].lower().endswith(_ABBREVIATIONS):
            return None
        if before == "." and not (before2.islower() or (before2 and before2 in ")”’")):
            glued_before = False  # ``DEC.1``, ``target 16.4``: a symbol or a number, not a marker
        if glued_before and value <= expected:
            return value
        if before.isalpha() and value == expected and not after.isalnum():
            return value  # ``Diversity10``
        if before == " " and value == expected and (after in ("", " ", ",", ";", ":") or after.islower()):
            words = text[:start].split()
            previous = words[-1] if words else ""
            if previous.lower() in _CONTENT_BEFORE or previous.lower().rstrip(",") in _MONTH_NAMES:
                return None
            following = text[end:].split()
            if following and following[0].lower().strip(",;.") in _MONTH_NAMES:
                return None
            if previous[-1:].isdigit() and not re.fullmatch(r"[0-9]{4}(?:[–-][0-9]{2,4})?[,;]?", previous):
                return None
            return value
        return None

    # --- clauses ---------------------------------------------------------------------------

    def _clauses(self, records: list[_Record]) -> tuple[list[Clause], list[Clause]]:
        bodies = dict(self.raw.footnotes)
        order: list[int] = []
        for record in records:
            for match in _TOKEN_RE.finditer(record.text):
                number = int(match[1])
                if number not in bodies:
                    self.warnings.append(f"footnote marker {number} has no footnote body; dropped it")
                    bodies[number] = ""
                    continue
                if number not in order and bodies[number]:
                    order.append(number)
        bodies = {n: b for n, b in bodies.items() if b}
        sane = order == sorted(order) and (not order or order[0] == 1) and len(set(bodies)) == len(bodies)
        for number in bodies:
            if number not in order:
                self.warnings.append(f"footnote {number} has no marker in the text")
        keys = {n: f"FN{n}" for n in bodies} if sane and order == list(range(1, len(order) + 1)) else {}
        if not keys:
            if order:
                self.warnings.append("footnote numbers are out of order; renumbered them by first marker")
            ranked = order + [n for n in bodies if n not in order]
            keys = {n: f"FN{i}" for i, n in enumerate(ranked, 1)}
        clauses: list[Clause] = []
        for record in records:
            notes: list[str] = []
            for match in _TOKEN_RE.finditer(record.text):
                key = keys.get(int(match[1]))
                if key and key not in notes:
                    notes.append(key)
            text = _strip_tokens(record.text)
            verb = None
            local = record.key.rsplit(".", 1)[-1]
            if local.startswith("OP") and "(" not in local:
                emphasis = clean_text(record.emphasis) if record.emphasis else None
                verb = emphasis if emphasis and text.startswith(emphasis) else derive_verb(text)
                verb = (verb or "").split("*")[0].rstrip() or None  # the canonical format marks verbs with *
            if not text:
                self.warnings.append(f"{record.key} is empty")
                continue
            clauses.append(Clause(key=record.key, text=text, notes=tuple(notes), verb=verb))
        footnotes = sorted(
            (Clause(key=keys[n], text=clean_text(_strip_tokens(b))) for n, b in bodies.items()),
            key=lambda c: int(c.key[2:]),
        )
        return clauses, footnotes


def _split_at_opener(block: Block) -> list[Block]:
    """Give ``The General Assembly,`` a block of its own when a copy ran it into the heading."""
    lines = block.text.split("\n")
    at = next((i for i, line in enumerate(lines) if i and _OPENER_RE.match(line.strip())), None)
    if at is None:
        return [block]
    rest = [Block("\n".join(lines[at + 1 :]))] if at + 1 < len(lines) else []
    return [Block("\n".join(lines[:at]), block.emphasis), Block(lines[at]), *rest]


def _join_lines(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        text = text + line if text.endswith("-") and text[-2:-1].isalpha() else f"{text} {line}"
    return text


def _roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _cites(clauses: list[Clause]) -> list[str]:
    """Full symbols of the resolutions cited (``resolutions 63/71 ... and 70/54``), first-seen order."""
    found: list[str] = []
    for clause in clauses:
        active = False
        for match in _CITE_SCAN_RE.finditer(clause.text):
            if match["res"]:
                active = True
            elif match["stop"]:
                active = False
            elif active and match["sym"]:
                symbol = f"A/RES/{int(match['s'])}/{int(match['n'])}{match['part'] or ''}"
                if symbol not in found:
                    found.append(symbol)
    return found
