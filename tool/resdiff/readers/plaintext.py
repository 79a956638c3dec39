"""Plain text copied from a PDF viewer: hard-wrapped lines, no markup.

A paragraph ends at a blank line, at a line clearly shorter than the wrap width (wrapping fills
the others), at a line that ends a clause (``,`` ``;`` ``.`` ``:``) followed by one starting with
a capital, or before a numbered line. Footnote bodies are recognised when they start with a
superscript number; bare-digit footnote bodies at page feet cannot be told from text here.
"""

from __future__ import annotations

import re

from . import Block, RawText, split_blocks, superscript_number, superscripts_to_tokens

NAME = "plain-text"
_ITEM_START_RE = re.compile(r"^(?:[0-9]{1,3}\.|\([a-z]{1,4}\))\s")
_ENDS_CLAUSE = (",", ";", ".", ":")


def detect(text: str) -> bool:
    return True


def _paragraphs(lines: list[str], width: int) -> list[str]:
    """Group hard-wrapped lines into paragraphs (a copy from a PDF viewer may drop blank lines)."""
    paragraphs: list[list[str]] = []
    for line in lines:
        previous = paragraphs[-1][-1] if paragraphs else ""
        short = len(previous) < 0.85 * width  # wrapping fills lines: a short one ends its paragraph
        ends = short or (previous.endswith(_ENDS_CLAUSE) and line[:1].isupper())
        if not paragraphs or ends or _ITEM_START_RE.match(line):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return ["\n".join(p) for p in paragraphs]


def read(text: str) -> RawText:
    width = max((len(line.strip()) for line in text.splitlines()), default=0)
    blocks: list[Block] = []
    footnotes: list[tuple[int, str]] = []
    for block in split_blocks(text):
        for raw in _paragraphs([line.strip() for line in block.splitlines() if line.strip()], width):
            note = superscript_number(raw)
            if note is not None:
                footnotes.append(note)
            else:
                blocks.append(Block(superscripts_to_tokens(raw)))
    return RawText(reader=NAME, blocks=tuple(blocks), footnotes=tuple(footnotes), bare_markers=True)
