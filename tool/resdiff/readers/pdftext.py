"""UN Digital Library PDF extractions: YAML front matter, then the PDF's text with bare-digit
footnote markers, then ``---`` and ``[^n]:`` footnote bodies (wrapped over indented lines).

Such a rendering without the ``[^n]:`` section (its footnote bodies bare between the paragraphs,
``1 A/80/237.``) is the plain text of a PDF with a front matter: its body is read by the plain-text
reader, the one rule for bare footnote bodies, so it reads as the same text without the front matter
does."""

from __future__ import annotations

import re

from . import (
    Block,
    RawText,
    ends_clause,
    opens_preambular_paragraph,
    plaintext,
    split_blocks,
    superscripts_to_tokens,
)

NAME = "pdf-text"
_FRONT_MATTER_RE = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_FIELD_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$")
_NOTE_START_RE = re.compile(r"^\[\^([0-9]+)\]:\s?(.*)$")
_NOTES_RULE_RE = re.compile(r"(?m)^---[ \t]*\n(?=\s*\[\^[0-9]+\]:)")


def detect(text: str) -> bool:
    return _FRONT_MATTER_RE.match(text) is not None or _NOTES_RULE_RE.search(text) is not None


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Flat ``key: value`` front matter (all this format uses), without importing PyYAML."""
    match = _FRONT_MATTER_RE.match(text)
    if match is None:
        return {}, text
    hints: dict[str, str] = {}
    for line in match[1].splitlines():
        field = _FIELD_RE.match(line)
        if field:
            value = field[2].strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            hints[field[1]] = value
    return hints, text[match.end() :]


def _footnotes(section: str) -> list[tuple[int, str]]:
    """Footnote bodies; a ``[^2013]:`` is a wrapped line that starts with a year (the extraction
    mistook it for a footnote; footnote numbers never reach 1000), so it continues the previous body."""
    notes: list[tuple[int, list[str]]] = []
    for line in section.splitlines():
        start = _NOTE_START_RE.match(line)
        if start and (not notes or int(start[1]) < 1000):
            notes.append((int(start[1]), [start[2]]))
        elif start:
            notes[-1][1].append(f"{start[1]} {start[2]}")
        elif line.strip() and notes:
            notes[-1][1].append(line.strip())
    return [(number, " ".join(part.strip() for part in parts)) for number, parts in notes]


def _paragraphs(block: str) -> list[str]:
    """A block's paragraphs: the extraction runs some together with a single line break
    ("...multilateralism," then "Convinced that ..."): a line opening a preambular paragraph after one
    ending a clause starts another."""
    paragraphs: list[list[str]] = []
    for line in block.split("\n"):
        if paragraphs and not (ends_clause(paragraphs[-1][-1]) and opens_preambular_paragraph(line)):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return ["\n".join(lines) for lines in paragraphs]


def read(text: str) -> RawText:
    hints, body = _front_matter(text)
    rules = list(_NOTES_RULE_RE.finditer(body))
    if not rules:
        return plaintext.read(body)._replace(reader=NAME, hints=hints)
    notes = _footnotes(body[rules[-1].end() :])
    body = body[: rules[-1].start()]
    blocks = tuple(Block(superscripts_to_tokens(p)) for b in split_blocks(body) for p in _paragraphs(b))
    return RawText(reader=NAME, blocks=blocks, footnotes=tuple(notes), hints=hints, bare_markers=True)
