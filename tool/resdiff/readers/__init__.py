"""Readers turn a text in one input format into raw blocks, footnote bodies and hints.

A reader knows its format's syntax (markup, front matter, where footnote bodies sit) and nothing
about resolutions; ``normalize`` builds the clause model from what the readers return. Footnote
markers the format makes unambiguous (superscripts, ``[^n]``) are rewritten as ``[^n]`` tokens;
bare-digit markers are left for ``normalize`` to find, since only the footnote numbering tells
them from content digits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from ..model import without_unsafe

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_SUPERSCRIPT_RUN_RE = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
_BLANK_LINES_RE = re.compile(r"\n[ \t]*\n+")


class Block(NamedTuple):
    """A paragraph-like block as laid out in the source; ``text`` keeps its line breaks.

    Readers and the normalizer are the only users of these two types, so they are NamedTuples:
    immutable, and cheaper to define than frozen dataclasses (every run pays for that at import)."""

    text: str
    emphasis: str | None = None  # the emphasised (italic) lead of a numbered paragraph: its verb


_NO_HINTS: Mapping[str, str] = {}


class RawText(NamedTuple):
    """What a reader found; ``bare_markers`` says footnote markers may still be plain digits."""

    reader: str
    blocks: tuple[Block, ...]
    footnotes: tuple[tuple[int, str], ...] = ()  # (number as printed, body)
    hints: Mapping[str, str] = _NO_HINTS  # e.g. front-matter symbol/title (read-only)
    bare_markers: bool = False
    notices: tuple[str, ...] = ()  # what the reader did that the user should know of
    # the blocks are the paragraphs as the page lays them out (an indented first line or an italic
    # opener starts one, the next page's first line says whether it goes on): nothing joins them again
    # by their words
    laid_out: bool = False


def safe(raw: RawText) -> RawText:
    """A reader's output with every unsafe character (``model.UNSAFE_RE``) made a space, or dropped
    where it is a bidirectional control, so none reaches the model."""
    return raw._replace(
        blocks=tuple(
            Block(without_unsafe(b.text), without_unsafe(b.emphasis) if b.emphasis else b.emphasis)
            for b in raw.blocks
        ),
        footnotes=tuple((number, without_unsafe(body)) for number, body in raw.footnotes),
        hints={key: without_unsafe(value) for key, value in raw.hints.items()},
        notices=tuple(without_unsafe(notice) for notice in raw.notices),
    )


def superscripts_to_tokens(text: str) -> str:
    """``Munitions²`` -> ``Munitions[^2]``: superscripts are always footnote markers."""
    if not any(digit in text for digit in SUPERSCRIPT_DIGITS):  # most blocks: a scan is slower
        return text
    return _SUPERSCRIPT_RUN_RE.sub(lambda m: f"[^{m[0].translate(_SUPERSCRIPT_TO_ASCII)}]", text)


def superscript_number(text: str) -> tuple[int, str] | None:
    """The footnote number and body of a block that starts with a superscript number."""
    match = _SUPERSCRIPT_RUN_RE.match(text)
    if match is None:
        return None
    return int(match[0].translate(_SUPERSCRIPT_TO_ASCII)), text[match.end() :].strip()


# the words a preambular paragraph opens with: a participle ("Recalling", "Convinced"), or an adjective
# or adverb that governs one ("Mindful", "Aware", "Deeply concerned"); its first letter is a capital
_OPENER_WORDS = frozenset(
    "Mindful Aware Conscious Cognizant Desirous Fully Deeply Gravely Strongly Seriously Firmly Further "
    "Also Bearing Having Taking".split()
)
_NAME_WORDS = frozenset({"United"})  # a participle's form, but the start of a name ("United Nations")
_PARTICIPLE_RE = re.compile(r"^[A-Z][a-z]*(?:-[a-z]+)?(?:ing|ed)$")  # "Recalling", "Re-emphasizing"
_CLAUSE_END_RE = re.compile(rf"[,;.:][”’\"]?(?:\[\^[0-9]+\]|[0-9]{{1,3}}|[{SUPERSCRIPT_DIGITS}]+)?$")


# a page's furniture, on a line of its own: page number ("2/4"), job number ("25-19990 (E)", with the
# dates of its print runs), bar code ("*2519990*")
_FURNITURE_RE = re.compile(
    r"^(?:(?:Page\s+)?[0-9]{1,3}\s*/\s*[0-9]{1,3}|[0-9]{2}-[0-9]{5}(?:\s*\([A-Z]\))?(?:\s+[0-9]{6})*|\*[0-9]{7}\*)$"
)
# a line opening with a printed paragraph number or item label ("12. ", "(a) ")
NUMBERED_LINE_RE = re.compile(r"^(?:[0-9]{1,4}\.|\([a-z]{1,4}\))(?:\s|$)")
FULL = 0.85  # a line at least this share of a full (wrapped) line's length was wrapped: its paragraph goes on


def is_page_furniture(line: str) -> bool:
    """Whether a line is nothing but a page number, a job number or a bar code."""
    return _FURNITURE_RE.match(line.strip()) is not None


def ends_clause(line: str) -> bool:
    """Whether a line ends as a clause does (``,`` ``;`` ``.`` ``:``), a footnote marker after it
    included (``efforts,1``, ``Disabilities,[^1]``)."""
    return _CLAUSE_END_RE.search(line.rstrip()) is not None


def opens_preambular_paragraph(line: str, strict: bool = True) -> bool:
    """Whether a line opens a preambular paragraph: "Convinced that", "Deeply concerned", "Noting".

    ``strict``: the participle must be followed by a word in lower case, for splitting a paragraph is
    worse than missing a split ("Landlocked Developing Countries" is a name); otherwise ("Welcoming
    Member States' ...") only a name's tell-tale is refused ("United Nations", "Stockpiling and Use").
    """
    words = line.split(None, 3)
    if not words:
        return False
    first = words[0].rstrip(",")
    second = words[1] if len(words) > 1 else ""
    third = words[2] if len(words) > 2 else ""
    if first in _NAME_WORDS or (second in ("and", "or", "of", "for") and third[:1].isupper()):
        return False
    if strict and second[:1].isupper():
        return False
    if _PARTICIPLE_RE.match(first) or first in _OPENER_WORDS:
        return True
    return (
        first.endswith("ly")
        and first[:1].isupper()
        and re.match(r"^[a-z]{2,}(?:ing|ed)$", second) is not None
    )


def split_blocks(text: str) -> list[str]:
    """Blank-line separated blocks, stripped, empty ones dropped."""
    return [b.strip("\n").rstrip() for b in _BLANK_LINES_RE.split(text) if b.strip()]


class UnreadableError(ValueError):
    """A binary document (DOCX, PDF) its library cannot read; the message says why, ``advice`` what
    to do (for a damaged file, save it again; for a zip bomb, nothing but give the real file)."""

    def __init__(self, message: str, advice: str = "save it again, or give its text") -> None:
        super().__init__(message)
        self.advice = advice


# what a PDF's streams or a DOCX's parts may inflate to, in all: the 94 official PDFs of ../shared inflate
# to at most 1.2 MB (80/5, 4 pages of annex tables; 3.9 times its file at most), and a resolution's Word
# file is its text and styles, a few hundred kilobytes of XML; 50 MB is forty times the longest, and
# what a 5 MB file (the size cap) inflates to at ten times the ratio of the real ones. Past it, a file
# is a decompression bomb (a 2.9 MB PDF inflating to 3 GB), and reading it would exhaust the memory.
MAX_INFLATED = 50_000_000
NOT_A_RESOLUTION = "give the resolution's own file, or its text"


def inflates_past(kind: str) -> UnreadableError:
    """The error for a file that inflates past ``MAX_INFLATED``, in the words of what it is."""
    return UnreadableError(
        f"the {kind} inflates past {MAX_INFLATED // 1_000_000} MB: not a resolution (a decompression bomb?)",
        NOT_A_RESOLUTION,
    )


def read_binary(data: bytes) -> RawText | None:
    """Read a DOCX or PDF document; None when ``data`` is neither (then it should be text).

    The magic bytes are checked here so that reading a text file imports neither reader."""
    if data[:4] == b"PK\x03\x04":
        from . import docx

        if docx.detect(data):
            return docx.read(data)
    if data[:5] == b"%PDF-":
        from . import pdf

        return pdf.read(data)
    return None


def read(text: str) -> RawText:
    """Detect the format of ``text`` and read it with the matching reader (each imported only
    when the ones before it declined: a run pays only for the readers it tries)."""
    if text.lstrip().startswith("{"):
        from . import extraction

        if extraction.detect(text):
            return extraction.read(text)
    from . import pdftext

    if pdftext.detect(text):
        return pdftext.read(text)
    from . import seed

    if seed.detect(text):
        return seed.read(text)
    from . import plaintext

    return plaintext.read(text)
