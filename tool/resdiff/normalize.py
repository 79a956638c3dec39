"""Raw blocks from a reader -> the clause model (``Resolution``), plus warnings on what looked wrong.

Structure comes from layout and numbering: the body heading ``72/54. Title``, the opener line
(``The General Assembly,``), printed paragraph numbers, ``(a)``/``(i)`` items, the closing meeting
line, and the punctuation every clause ends with (``,`` for preambular, ``;``/``.`` for operative
paragraphs), which is what tells a page-break continuation from a new clause. English words are
used only for metadata (dates, session ordinals) and the operative verb phrase.

Choices worth knowing:

* A cited resolution with a part letter keeps it as printed (``56/24 V`` -> ``A/RES/56/24 V``):
  the letter distinguishes resolutions.
* Cites are collected from all clauses, footnotes included, in reading order.
* A cut-short body heading (PDF extraction keeps only its first line) is completed from the
  front-matter title only when that title starts with the heading; otherwise the heading wins.
* Items of a list whose ``(a)`` markers the extraction lost are lettered in order, with a warning.
* An unnumbered block between numbered paragraphs continues the one before it when the numbering
  then goes on without a gap (a page break after a full stop); otherwise it is a paragraph whose
  number was lost: operative, it takes the next number (with a warning); in an annex, ``T``.
* Bare-digit footnote markers are told from content digits by the footnote numbers that have a
  body, the order markers come in, and where the digit sits (see ``_marker_in``).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from typing import IO

from . import canonical
from .dates import MONTH_NAMES, iso_date
from .errors import InputError
from .model import Clause, Normalized, Resolution, Source
from .readers import Block, RawText, UnreadableError, read, read_binary

MAX_BYTES = 5_000_000

# "72/54. Title", "ES-10/20. Title" (an emergency special session), "S-27/2. Title" (a special session);
# the title may wrap to the next line
_HEADING_RE = re.compile(r"^(E?S-)?([0-9]{1,3})/([0-9]{1,4})\.(?:\s+(\S.*))?$")
_OPENER_RE = re.compile(r"^(?:The\s+)?General\s+Assembly\s*,?$", re.I)
_MEETING_RE = re.compile(r"^([0-9]{1,3}(?:st|nd|rd|th)\s+plenary\s+meeting)\b\s*(.*)$", re.I)
_PART_RE = re.compile(r"[A-Z]")
_ANNEX_RE = re.compile(r"^Annex(?:\s+([IVXLC]+))?(?:\s+(.*))?$")
_NUMBERED_RE = re.compile(r"^([0-9]{1,3})\.\s+(.*)$", re.S)
_ITEM_RE = re.compile(r"^\(([a-z]{1,4})\)\s+(.*)$", re.S)
# a paragraph number inside a block (where the extraction ran two paragraphs together)
# (the character before is matched, not looked behind at: a leading class lets re skip ahead fast)
_INLINE_NUMBER_RE = re.compile(r"[.;:\]](\s+)([0-9]+)\.\s+(?=[A-Z“\"‘])")
_ANNEX_INLINE_NUMBER_RE = re.compile(r"\S(\s+)([0-9]+)\.\s+(?=[A-Z“\"‘])")
_LINE_START_RE = re.compile(r"^(?:[0-9]{1,3}\.|\([a-z]{1,4}\))\s")
_TOKEN_RE = re.compile(r"\[\^([0-9]+)\]")
_MARKER_GAP_RE = re.compile(r"\s*\x01+\s*(?=[,;:.)]|$)")  # a marker (as \x01) before punctuation or the end
_TRAILING_TOKEN_RE = re.compile(r"\[\^[0-9]+\]$")
_ENDS_CLAUSE_RE = re.compile(r"[,;.:][”’\"]?$")
# page furniture inside the body: running symbol, page number, job number, bar-code number
_FURNITURE_RE = re.compile(
    r"^(?:A/RES/[0-9]+/[0-9]+(?:\s+[0-9]{1,3}/[0-9]{1,3})?"
    r"|[0-9]{2}-[0-9]{5}\s*\(E\).*"
    r"|[0-9]{1,3}|[0-9]{1,3}/[0-9]{1,3}|\*[0-9]{7}\*)$"
)
_HYPHEN_BREAK_RE = re.compile(r"(?<=[^\W\d_])- (?!(?:and|or|nor|as well as)\b)(?=[^\W\d_])")

_DATE_RE = re.compile(rf"\b([0-9]{{1,2}})\s+({'|'.join(MONTH_NAMES)})\s+([0-9]{{4}})\b")
_ADOPTED_RE = re.compile(r"adopted by the General Assembly on\s+([0-9]{1,2}\s+\w+\s+[0-9]{4})")
_AGENDA_RE = re.compile(r"\bAgenda items?\s+([0-9]+(?:\s?\([a-z]+\))?)")
_REPORT_RE = re.compile(r"\[on the reports? of the [^(\]]*\((A/[0-9]+/[^,)\s]+)")
_DRAFT_RE = re.compile(r"\[without reference to a Main Committee\s*\((A/[^,)\s]+)")
_SESSION_RE = re.compile(r"\b([A-Z][a-z]+(?:-[a-z]+)?)\s+session\b")
# session ordinals as printed ("Seventy-second session"): the only place numbers are spelt out
_UNITS_WORDS = "first second third fourth fifth sixth seventh eighth ninth"
_TEENS_WORDS = (
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety"
_UNITS = {word: n for n, word in enumerate(_UNITS_WORDS.split(" "), 1)}
_TEENS = {word: n for n, word in enumerate(_TEENS_WORDS.split(" "), 10)}
_TENS = {word: 10 * n for n, word in enumerate(_TENS_WORDS.split(" "), 2)}
_TENTHS = {word.replace("y", "ieth"): n for word, n in _TENS.items()}  # twentieth, ..., ninetieth

_CITE_SCAN_RE = re.compile(
    r"(?P<other>\b(?:Council|Commission|Conference|Board)\s+resolutions?\b)"  # not the Assembly's
    r"|(?P<res>\b[Rr]esolutions?\b)"
    r"|(?P<stop>\b(?:[Dd]ecisions?|[Dd]ocuments?|[Rr]eports?)\b|;|\.(?=\s+[A-Z])|\.$)"
    r"|(?<![-/\w.])(?P<sym>(?:A/RES/)?(?P<es>E?S-)?(?P<s>[0-9]{1,2})/(?P<n>[0-9]{1,3})\b"
    r"(?:\s(?P<part>[A-Z]{1,2})\b(?![-/\w.]))?)"  # 63/71, 56/24 T, ES-10/21, S-27/2
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
            " ".join(MONTH_NAMES).lower(),
        )
    ).split(" ")
)
_ABBREVIATIONS = ("no.", "para.", "vol.", "pp.", "p.")
_MONTH_NAMES = frozenset(m.lower() for m in MONTH_NAMES)
_DIGITS_RE = re.compile(r"\[\^[0-9]+\]|[0-9]+")

_VERB_PHRASES_RE = re.compile(
    r"^(?:(?:[A-Z][a-z]+ly|Also|Further|Again|Once again|Hereby),?\s+)?(?:"
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
_LEAD_ADVERBS = frozenset(
    {"also", "further", "again", "once", "furthermore", "moreover", "hereby", "therefore"}
)
_TRAIL_ADVERBS = frozenset({"also", "further", "again"})


def normalize_path(path: str | os.PathLike[str]) -> Normalized:
    """Normalize a file; the name recorded (and used in messages about the text) is the file name only,
    but a file that cannot be read is named by the path given, which is what the user has to check.

    (os.path rather than pathlib: ``resdiff diff FILE FILE`` should not pay for importing it.)"""
    name = os.path.basename(path)
    if os.path.isdir(path):  # os.path: False, not OSError, for a name too long
        raise InputError(f"{path}: is a folder; give a resolution file")
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            raise InputError(_too_big(name, size))
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as error:
        raise InputError(f"{path}: cannot read the file ({error.strerror}); check the path") from None
    return normalize_bytes(data, name)


def normalize_input(path: str) -> Normalized:
    """A file, or stdin for ``-``: what every command accepts where it takes a text."""
    return normalize_stream(sys.stdin.buffer, "stdin") if path == "-" else normalize_path(path)


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
    if len(data) > MAX_BYTES:
        raise InputError(_too_big(name, len(data)))
    source = Source(name=name, sha256=hashlib.sha256(data).hexdigest(), reader="")
    try:
        document = read_binary(data)
    except UnreadableError as error:
        raise InputError(f"{name}: {error}; save it again, or give its text") from None
    if document is not None:
        return _Builder(document, source).build()
    text = _decode(data, name)
    if canonical.is_canonical(text):
        try:
            return Normalized(canonical.load(text))
        except InputError as error:
            raise InputError(f"{name}: {error}") from None
    return _Builder(read(text), source).build()


def _too_big(name: str, size: int) -> str:
    return (
        f"{name}: the file is {size / 1e6:.1f} MB, more than the {MAX_BYTES // 1_000_000} MB any resolution "
        "needs; give the resolution's own text"
    )


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(f"{name}: the file is empty; give the text of a resolution")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte order mark: Windows' "Unicode"
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(
                f"{name}: damaged UTF-16 (at byte offset {error.start}); save it as UTF-8"
            ) from None
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
    text = " ".join(text.split())
    return _HYPHEN_BREAK_RE.sub("-", text) if "- " in text else text


def _strip_tokens(text: str) -> str:
    if "[^" not in text and "\x01" not in text:  # no marker: most clauses (the scans try every position)
        return clean_text(text)
    text = _TOKEN_RE.sub("\x01", text)
    text = _MARKER_GAP_RE.sub("", text)
    return clean_text(text.replace("\x01", " "))


def _ends_clause(text: str) -> bool:
    return _ENDS_CLAUSE_RE.search(_without_trailing_tokens(text)) is not None


def _without_trailing_tokens(text: str) -> str:
    """The text without the footnote markers that end it (``Disabilities,[^1]`` ends with a comma)."""
    text = text.rstrip()
    while text.endswith("]") and (match := _TRAILING_TOKEN_RE.search(text[-12:])):
        text = text[: len(text) - len(match[0])].rstrip()
    return text


def _iso_date(text: str) -> str | None:
    match = _DATE_RE.search(text)
    return None if match is None else iso_date(match[1], match[2], match[3])


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


# words that end in "s" as verbs do, but are none: "-ss", "-us", "-is", "-as" never end one
# ("Progress", "Thus", "Emphasis", "Whereas"); these few adverbs and pronouns are the rest
_NOT_VERBS = frozenset("always perhaps besides towards afterwards sometimes its yes nowadays".split())


def _third_person(word: str) -> bool:
    """Whether a word can be a verb in the third person singular ("decides", "urges", "calls")."""
    return (
        word.endswith("s")
        and not word.endswith(("ss", "us", "is", "as", "'s", "’s"))
        and word not in _NOT_VERBS
    )


def derive_verb(text: str) -> str | None:
    """The operative verb phrase at the head of an operative paragraph printed without italics."""
    match = _VERB_PHRASES_RE.match(text)
    if match:
        return match[0]
    words = text.split(" ")
    if not words or not words[0][:1].isupper():
        return None
    index = 0
    while index < len(words) - 1 and (
        words[index].rstrip(",").lower() in _LEAD_ADVERBS or words[index].rstrip(",").endswith("ly")
    ):
        index += 1
    if not _third_person(words[index].rstrip(",;:.").lower()):
        # the Assembly's verbs are third person singular ("Decides", "Urges"): a paragraph opening
        # otherwise ("Pending the total elimination ..., urges", "Thus", "As") does not lead with its verb
        return None
    index += 1
    while index < len(words) and words[index] in _TRAIL_ADVERBS:
        index += 1
    if words[index - 1].lower() == "calls" and words[index : index + 3] in (["once", "again", "upon"],):
        index += 3
    if index + 1 < len(words) and words[index] == "and" and re.fullmatch(r"[a-z]+s", words[index + 1]):
        index += 2  # ``Invites and encourages``
    verb = " ".join(words[:index]).rstrip(",;:.")
    return verb or None


class _Record:
    """A clause being built: its key, text so far, and the italic verb the source gave it.

    This and ``_Unit`` are plain mutable classes, not dataclasses: they are compared only by
    identity and never printed, and defining a dataclass costs every run time at import."""

    __slots__ = ("emphasis", "key", "text")

    def __init__(self, key: str, text: str, emphasis: str | None = None) -> None:
        self.key = key
        self.text = text
        self.emphasis = emphasis


class _Unit:
    """A paragraph, or the start of one, as the layout gives it."""

    __slots__ = ("emphasis", "text")

    def __init__(self, text: str, emphasis: str | None = None) -> None:
        self.text = text
        self.emphasis = emphasis


class _Section:
    """Builds the clauses of one section (main body, part, annex) from units in reading order."""

    def __init__(self, prefix: str, annex: bool, warnings: list[str]) -> None:
        self.prefix = prefix  # "" for the main body, "A." for a part, "ANNEX." for an annex
        self.annex = annex
        self.warnings = warnings
        self.records: list[_Record] = []
        self.operative = False
        self.last_number = 0  # of the last operative/annex paragraph, printed or given
        self.printed = 0  # the last number the source printed
        self.pending: list[_Record] = []  # unnumbered paragraphs since then
        self.counts: dict[str, int] = {}
        self.paragraph: str | None = None  # key of the paragraph that items attach to
        self.letter: str | None = None
        self.lost_letters = False

    def _label(self) -> str:
        return "annex" if self.annex else ("part " + self.prefix[0] if self.prefix else "main body")

    def _next(self, kind: str) -> str:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return f"{kind}{self.counts[kind]}"

    def add_heading(self, text: str) -> None:
        """A part's title: a heading of its own, ``A.H1``."""
        self._add(self._next("H"), text)

    def _add(self, key: str, text: str, emphasis: str | None = None) -> None:
        self.records.append(_Record(self.prefix + key, text, emphasis))

    def _open(self) -> bool:
        """Whether the last clause has not ended yet (so the next block continues it)."""
        if not self.records or self.records[-1].key[len(self.prefix) :].startswith("H"):
            return False
        return not _ends_clause(self.records[-1].text)

    def feed(self, unit: _Unit) -> None:
        for piece in self._split_inline(unit):
            self._feed_one(piece)

    def _split_inline(self, unit: _Unit) -> list[_Unit]:
        """Split paragraphs the extraction ran together (``development.2 2. We acknowledge``) at
        the next number expected (in an annex, also the one after: ``commitments 3. We gather``)."""
        pieces: list[_Unit] = []
        text, emphasis = unit.text, unit.emphasis
        while self.operative or self.annex or not self.records or _NUMBERED_RE.match(text) is None:
            expected = {str(n) for n in self._expected_after(text)}
            if not (self.operative or self.annex or expected == {"1"}):
                break
            at = _inline_number(text[1:], expected, self.annex)
            if at is None:
                break
            cut = at + 1
            pieces.append(_Unit(text[:cut], emphasis))
            text, emphasis = text[cut:].lstrip(), None
        pieces.append(_Unit(text, emphasis))
        return pieces

    def _expected_after(self, text: str) -> set[int]:
        """Numbers the next numbered paragraph may carry, once ``text`` (maybe numbered) is read."""
        numbered = _NUMBERED_RE.match(text)
        if numbered and int(numbered[1]) > self.printed:
            return {int(numbered[1]) + 1, *((int(numbered[1]) + 2,) if self.annex else ())}
        candidates = {self.printed + 1, self.last_number + 1}
        return candidates | ({self.last_number + 2} if self.annex else set())

    def _feed_one(self, unit: _Unit) -> None:
        text = unit.text
        numbered = _NUMBERED_RE.match(text)
        if (
            numbered
            and (number := int(numbered[1])) > self.printed
            and (self.operative or self.annex or number == 1 or not self.records)
        ):
            self._settle(continues=number == self.printed + 1)
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
            self.last_number = self.printed = number
            key = f"{'P' if self.annex else 'OP'}{number}"
            self._add(key, numbered[2], unit.emphasis)
            self.paragraph, self.letter, self.lost_letters = key, None, False
            return
        item = _ITEM_RE.match(text)
        if item and self.paragraph is not None:
            self._add_item(item[1], item[2])
            return
        if self.records and (self._open() or (not text[:1].isupper() and not text[:1].isdigit())):
            self.records[-1].text += " " + text
            return
        previous = self.records[-1].text if self.records else ""
        previous = _without_trailing_tokens(previous)
        list_goes_on = self.annex and previous.endswith(";") and _without_trailing_tokens(text).endswith(";")
        if self.paragraph is not None and (
            previous.endswith(":")
            or list_goes_on
            or (self.lost_letters and not self._looks_like_heading(text))
        ):
            self._add_lost_item(text)
            return
        annex_title = self.annex and not self.records and not _ends_clause(text)
        if annex_title or (self._looks_like_heading(text) and (self.operative or self.annex)):
            self._settle(continues=False)
            self._add(self._next("H"), text)
            self.paragraph, self.lost_letters = None, False
            return
        if self.annex:
            self._add(self._next("T"), text)
            self.pending.append(self.records[-1])
            self.paragraph, self.lost_letters = None, False
        elif self.operative:
            self.last_number += 1
            key = f"OP{self.last_number}"
            self._add(key, text, unit.emphasis)
            self.pending.append(self.records[-1])
            self.paragraph, self.letter, self.lost_letters = key, None, False
        else:
            key = self._next("PP")
            self._add(key, text)
            self.paragraph, self.letter, self.lost_letters = key, None, False

    def _settle(self, continues: bool) -> None:
        """Decide what the unnumbered paragraphs since the last printed number were: its text going
        on after a page break (when the numbering then goes on without a gap), or paragraphs whose
        number the extraction lost (operative ones get the next numbers, with a warning)."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        first = len(self.records) - len(pending)
        target = self.records[first - 1] if first > 0 else None
        heading = target is None or target.key[len(self.prefix) :].startswith("H")
        if continues and not heading and self.records[first:] == pending and target is not None:
            target.text += "".join(" " + record.text for record in pending)
            del self.records[first:]
            if self.annex:
                self.counts["T"] -= len(pending)
            self.last_number = self.printed
            self.paragraph = target.key[len(self.prefix) :].split("(")[0]
            return
        for record in pending if not self.annex else []:
            number = record.key[len(self.prefix) + 2 :]
            self.warnings.append(
                f"{self._label()}: an operative paragraph has no number; numbered it {number} "
                f"({_excerpt(record.text)})"
            )

    def finish(self) -> list[_Record]:
        """Settle what is pending; a body without numbered paragraphs: its closing sentences are
        operative, not preambular."""
        if self.pending:
            first = len(self.records) - len(self.pending)
            final = first > 0 and _without_trailing_tokens(self.records[first - 1].text).endswith(".")
            self._settle(continues=final and not self.annex)
        if self.operative or self.annex:
            return self.records
        tail = 0
        while tail < len(self.records) and _without_trailing_tokens(self.records[-1 - tail].text).endswith(
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
                record.key = f"{self.prefix}OP{number}"
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
        self._settle(continues=False)
        roman = re.fullmatch(r"[ivxl]+", label) is not None
        next_letter = chr(ord(self.letter) + 1) if self.letter and len(self.letter) == 1 else None
        assert self.paragraph is not None
        if roman and self.letter is not None and label != next_letter:
            key = f"{self.paragraph}({self.letter})({label})"
        else:
            key = f"{self.paragraph}({label})"
            self.letter = label
        if any(r.key == self.prefix + key for r in self.records):
            self.records[-1].text += f" ({label}) {text}"
            self.warnings.append(f"{self._label()}: item ({label}) appears twice under {self.paragraph}")
            return
        self._add(key, text)

    def _add_lost_item(self, text: str) -> None:
        self._settle(continues=False)
        assert self.paragraph is not None
        letter = "a" if self.letter is None else chr(ord(self.letter[-1]) + 1)
        if not self.lost_letters:
            self.warnings.append(
                f"{self._label()}: the items of {self.paragraph} have no (a), (b) markers; lettered in order"
            )
        self.lost_letters = True
        self.letter = letter
        self._add(f"{self.paragraph}({letter})", text)


def _inline_number(text: str, expected: set[str], annex: bool) -> int | None:
    """Where the first paragraph number in ``expected`` starts a new paragraph inside ``text``.

    One fixed pattern and a set lookup, not a pattern per expected number: each such pattern
    would be compiled anew (the numbers change with every paragraph)."""
    pattern = _ANNEX_INLINE_NUMBER_RE if annex else _INLINE_NUMBER_RE
    match = pattern.search(text)
    while match is not None and match[2] not in expected:
        match = pattern.search(text, match.start(1))
    return None if match is None else match.start(1)


def _excerpt(text: str) -> str:
    text = _strip_tokens(text)
    return f"“{text[:60]}…”" if len(text) > 60 else f"“{text}”"


class _Builder:
    """One normalization run: metadata from the header, clauses from the body and annexes."""

    def __init__(self, raw: RawText, source: Source) -> None:
        self.raw = raw
        self.source = Source(name=source.name, sha256=source.sha256, reader=raw.reader)
        self.warnings: list[str] = list(raw.notices)
        self.name = source.name

    # --- layout --------------------------------------------------------------------------

    def _locate(self, blocks: list[Block]) -> tuple[int | None, int | None]:
        """The body heading (``72/54. Title``) and the opener line after it."""
        headings = [(i, _HEADING_RE.match(b.text.split("\n")[0])) for i, b in enumerate(blocks)]
        # "72/54. Title" first; "72/54." alone on its line (the title below it) only where none is
        heading = next((i for i, m in headings if m and m[4]), None)
        if heading is None:
            heading = next((i for i, m in headings if m and i + 1 < len(blocks)), None)
        start = heading + 1 if heading is not None else 0
        window = [(i, clean_text(blocks[i].text)) for i in range(start, min(len(blocks), start + 6))]
        opener = next((i for i, line in window if _OPENER_RE.match(line)), None)
        if opener is None and heading is not None:  # another language's "The General Assembly,"
            opener = next((i for i, line in window if line.endswith(",") and len(line.split()) <= 6), None)
        return heading, opener

    def build(self) -> Normalized:
        blocks = [part for block in self.raw.blocks for part in _split_at_opener(block)]
        heading, opener = self._locate(blocks)
        if heading is None and opener is None and not any(_NUMBERED_RE.match(b.text) for b in blocks):
            raise InputError(
                f"{self.name}: this does not look like a resolution (no heading such as '72/54. Title', "
                "no 'The General Assembly,' line, no numbered paragraphs); give the text of a resolution"
            )
        body_start = (opener if opener is not None else heading if heading is not None else -1) + 1
        header_end = heading if heading is not None else max(body_start - 1, 0)
        symbol, session, title_lines = self._heading(blocks, heading, opener)
        printed_title = clean_text(" ".join(title_lines)) or None
        if symbol is not None and printed_title is None:
            self.warnings.append(f"the body heading {symbol} has no title")
        title = self._complete_title(printed_title)
        heads = {h for h in (printed_title, title, title_lines[0] if title_lines else None) if h}
        parts = self._part_starts(blocks, header_end + 1 if heading is not None else 0)
        body, tail, meeting_text = self._split_body(blocks, parts[0] if parts else body_start, bool(parts))
        sections = self._sections(body, heads) if parts else [("", [], self._units(body, heads))]
        annexes = self._annexes(tail, heads)
        if self.raw.bare_markers:
            self._find_bare_markers(
                [u for _, _, units in sections for u in units] + [u for _, units in annexes for u in units]
            )
        clauses, footnotes = self._clauses(self._records(sections, annexes))
        header = clean_text("\n".join(b.text for b in blocks[:header_end]))
        if session is None:
            words = _SESSION_RE.search(header)
            session = _ordinal(words[1]) if words else None
        symbol, session = self._cross_check(symbol, session)
        meeting = _MEETING_RE.match(meeting_text)
        adopted = _ADOPTED_RE.search(header)
        report = _REPORT_RE.search(header) or _DRAFT_RE.search(header)
        agenda = _AGENDA_RE.search(header)
        resolution = Resolution(
            symbol=symbol,
            session=session,
            title=title,
            adopted=_iso_date(adopted[1]) if adopted else (_iso_date(meeting[2]) if meeting else None),
            agenda_item=agenda[1] if agenda else None,
            report=report[1] if report else None,
            meeting=meeting[1] if meeting else None,
            cites=tuple(c for c in _cites(clauses + footnotes) if c != symbol),
            clauses=tuple(clauses + footnotes),
            source=self.source,
        )
        return Normalized(resolution, tuple(self.warnings))

    def _heading(
        self, blocks: list[Block], heading: int | None, opener: int | None
    ) -> tuple[str | None, int | None, list[str]]:
        """Symbol and session from ``72/54. Title``, and the title's lines (a title can wrap)."""
        if heading is None:
            return None, None, []
        first, *rest = blocks[heading].text.split("\n")
        match = _HEADING_RE.match(first)
        assert match is not None
        stop = min([opener if opener is not None else heading + 1, *self._part_starts(blocks, heading + 1)])
        title_start = [match[4]] if match[4] else []
        lines = [*title_start, *rest] + [
            line for b in blocks[heading + 1 : stop] for line in b.text.split("\n")
        ]
        symbol = f"A/RES/{match[1] or ''}{int(match[2])}/{int(match[3])}"
        # a special session's number is not the regular session's: that one the header may say
        return symbol, None if match[1] else int(match[2]), lines

    @staticmethod
    def _split_body(
        blocks: list[Block], start: int, multi_part: bool
    ) -> tuple[list[Block], list[Block], str]:
        """The body's blocks, what follows the closing meeting line (annexes), and that line.

        A multi-part resolution closes each part with its own meeting line: its body runs to the
        last meeting line before an annex."""
        meetings = [i for i in range(start, len(blocks)) if _MEETING_RE.match(blocks[i].text.split("\n")[0])]
        closing = meetings[0] if meetings else None
        if multi_part:
            annex_at = next(
                (i for i in range(start, len(blocks)) if _ANNEX_RE.match(blocks[i].text.split("\n")[0])), None
            )
            closing = max((i for i in meetings if annex_at is None or i < annex_at), default=None)
        if closing is None:
            annex_at = next(
                (i for i in range(start, len(blocks)) if _ANNEX_RE.fullmatch(blocks[i].text.split("\n")[0])),
                None,
            )
            end = len(blocks) if annex_at is None else annex_at
            return blocks[start:end], blocks[end:], ""
        tail = blocks[closing + 1 :]
        meeting_text = clean_text(blocks[closing].text)
        if tail and _DATE_RE.fullmatch(clean_text(tail[0].text)):  # the meeting's date on a line of its own
            meeting_text, tail = f"{meeting_text} {clean_text(tail[0].text)}", tail[1:]
        return blocks[start:closing], tail, meeting_text

    def _records(
        self, sections: list[tuple[str, list[str], list[_Unit]]], annexes: list[tuple[str, list[_Unit]]]
    ) -> list[_Record]:
        records: list[_Record] = []
        for prefix, part_title, units in sections:
            section = _Section(prefix, False, self.warnings)
            if part_title:
                section.add_heading(" ".join(part_title))
            for unit in units:
                section.feed(unit)
            part = section.finish()
            label = f"part {prefix[0]}" if prefix else "main body"
            if part and not any(r.key[len(prefix) :].startswith("OP") for r in part):
                self.warnings.append(f"{label}: no numbered operative paragraph found")
            if not any(r.key[len(prefix) :].startswith("PP") for r in part):
                self.warnings.append(f"{label}: no preambular paragraph found")
            records += part
        for prefix, units in annexes:
            section = _Section(prefix, True, self.warnings)
            for unit in units:
                section.feed(unit)
            records += section.finish()
        return records

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

    def _cross_check(self, symbol: str | None, session: int | None) -> tuple[str | None, int | None]:
        """The body heading's symbol wins; the front matter's is a fallback, and a mismatch is said."""
        hinted = self.raw.hints.get("symbol", "").strip() or None
        if hinted is None and symbol is None:
            self.warnings.append("no body heading such as '72/54. Title': the symbol and title are unknown")
        if hinted is None or hinted == symbol:
            return symbol, session
        if symbol is not None:
            self.warnings.append(f"the front matter says {hinted}, the body heading {symbol}; kept {symbol}")
            return symbol, session
        match = re.fullmatch(r"A/RES/([0-9]{1,3})/[0-9]{1,4}(?:\s?[A-Z]{1,2})?", hinted)
        if match is None:
            return symbol, session
        self.warnings.append(f"no body heading; took the symbol {hinted} from the front matter")
        return hinted, session if session is not None else int(match[1])

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
        if (
            before.isalpha()
            and not after.isalnum()
            and (value == expected or (before.islower() and value < expected))
        ):
            return value  # ``Diversity10``; ``Munitions2`` can repeat an earlier footnote
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
        for number in bodies:
            if number not in order:
                self.warnings.append(f"footnote {number} has no marker in the text")
        if order == list(range(1, len(order) + 1)):  # sane: keep the printed numbers
            keys = {n: f"FN{n}" for n in bodies}
        else:
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
        if "esolution" not in clause.text:
            continue
        active = False
        for match in _CITE_SCAN_RE.finditer(clause.text):
            if match["res"]:
                active = True
            elif match["stop"] or match["other"]:
                active = False
            elif active and match["sym"]:
                symbol = f"A/RES/{match['es'] or ''}{int(match['s'])}/{int(match['n'])}" + (
                    f" {match['part']}" if match["part"] else ""
                )
                if symbol not in found:
                    found.append(symbol)
    return found
