"""Patterns and text rules every normalizing stage shares: what a paragraph number, an item, a footnote
token, a clause ending and page furniture look like, and how a clause's text is cleaned."""

from __future__ import annotations

import re

# "72/54. Title", "ES-10/20. Title" (an emergency special session), "S-27/2. Title" (a special session);
# the title may wrap to the next line
HEADING_RE = re.compile(r"^(E?S-)?([0-9]{1,3})/([0-9]{1,4})\.(?:\s+(\S.*))?$")
OPENER_RE = re.compile(r"^(?:The\s+)?General\s+Assembly\s*,?$", re.I)
# the closing meeting line: "52nd plenary meeting", "69th (resumed) plenary meeting" (a resumed session)
MEETING_RE = re.compile(
    r"^([0-9]{1,3}(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary\s+meeting)\b\s*(.*)$", re.I
)
# a part's label on a line of its own: a capital letter ("A", "B") or a Roman numeral ("I", "II")
PART_RE = re.compile(r"(?:[A-Z]|[IVXLC]+)\.?")
# a Roman-numbered section of the operative part ("II" or "II. Title"), its numbering from 1 again
DIVISION_RE = re.compile(r"^([IVXLC]+)\.?(?:\s+(\S.*))?$", re.S)
ANNEX_RE = re.compile(r"^Annex(?:\s+([IVXLC]+))?(?:\s+(.*))?$")
# a printed paragraph number: four digits only where it is the next one (see ``sections``: a year can
# start a wrapped line, "2015. The ...")
NUMBERED_RE = re.compile(r"^([0-9]{1,4})\.\s+(.*)$", re.S)
ITEM_RE = re.compile(r"^\(([a-z]{1,4})\)\s+(.*)$", re.S)
# a paragraph number inside a block (where the extraction ran two paragraphs together)
# (the character before is matched, not looked behind at: a leading class lets re skip ahead fast)
INLINE_NUMBER_RE = re.compile(r"[.;:\]](\s+)([0-9]+)\.\s+(?=[A-Z“\"‘])")
ANNEX_INLINE_NUMBER_RE = re.compile(r"\S(\s+)([0-9]+)\.\s+(?=[A-Z“\"‘])")
LINE_START_RE = re.compile(r"^(?:[0-9]{1,4}\.|\([a-z]{1,4}\))\s")
TOKEN_RE = re.compile(r"\[\^([0-9]+)\]")
# a marker (as \x01) before punctuation (Latin, Arabic, Chinese) or the end
_MARKER_GAP_RE = re.compile(r"\s*\x01+\s*(?=[,;:.)،؛。，；：]|$)")
_TRAILING_TOKEN_RE = re.compile(r"\[\^[0-9]+\]$")
_ENDS_CLAUSE_RE = re.compile(r"[,;.:][”’\"]?$")
# page furniture inside the body: running symbol, page number, job number, bar-code number
FURNITURE_RE = re.compile(
    r"^(?:A/RES/[0-9]+/[0-9]+(?:\s+[0-9]{1,3}/[0-9]{1,3})?"
    r"|[0-9]{2}-[0-9]{5}\s*\(E\).*"
    r"|[0-9]{1,3}|[0-9]{1,3}/[0-9]{1,3}|\*[0-9]{7}\*)$"
)
_HYPHEN_BREAK_RE = re.compile(r"(?<=[^\W\d_])- (?!(?:and|or|nor|as well as)\b)(?=[^\W\d_])")


def clean_text(text: str) -> str:
    """Collapse whitespace and undo PDF line-end hyphenation (``military-to- military``)."""
    text = " ".join(text.split())
    return _HYPHEN_BREAK_RE.sub("-", text) if "- " in text else text


def strip_tokens(text: str) -> str:
    if "[^" not in text and "\x01" not in text:  # no marker: most clauses (the scans try every position)
        return clean_text(text)
    text = TOKEN_RE.sub("\x01", text)
    text = _MARKER_GAP_RE.sub("", text)
    return clean_text(text.replace("\x01", " "))


def ends_clause(text: str) -> bool:
    return _ENDS_CLAUSE_RE.search(without_trailing_tokens(text)) is not None


def without_trailing_tokens(text: str) -> str:
    """The text without the footnote markers that end it (``Disabilities,[^1]`` ends with a comma)."""
    text = text.rstrip()
    while text.endswith("]") and (match := _TRAILING_TOKEN_RE.search(text[-12:])):
        text = text[: len(text) - len(match[0])].rstrip()
    return text


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as one text: a line-end hyphen after a letter joins the word again."""
    text = lines[0]
    for line in lines[1:]:
        text = text + line if text.endswith("-") and text[-2:-1].isalpha() else f"{text} {line}"
    return text


def excerpt(text: str) -> str:
    """The start of a clause, to name it in a warning."""
    text = strip_tokens(text)
    return f"“{text[:60]}…”" if len(text) > 60 else f"“{text}”"


def roman(number: int) -> str:
    """The Roman numeral of a part or annex (I, II, ... up to XXXIX), as the UN numbers them."""
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while number >= value:
            out, number = out + letters, number - value
    return out
