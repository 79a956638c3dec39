"""The seed's Markdown-like conversion of a PDF: ``*italic*`` verbs, ``[63/71](#)`` links,
superscript footnote markers, and footnote bodies left where the PDF's page breaks were."""

from __future__ import annotations

import re

from . import Block, RawText, split_blocks, superscript_number, superscripts_to_tokens

NAME = "seed-markdown"
_LINK_RE = re.compile(r"\[([^\]\n]+)\]\([^)\s]*\)")
_EMPHASIS_LEAD_RE = re.compile(r"^(?:[0-9]+\.\s+)?\*([^*\n]+)\*")
_NUMBERED_EMPHASIS_RE = re.compile(r"(?m)^[0-9]+\.\s+\*[^*\n]+\*")


def detect(text: str) -> bool:
    return "](#)" in text or _NUMBERED_EMPHASIS_RE.search(text) is not None


def _clean(text: str) -> str:
    return _LINK_RE.sub(r"\1", text).replace("*", "")


def read(text: str) -> RawText:
    blocks: list[Block] = []
    footnotes: list[tuple[int, str]] = []
    for raw in split_blocks(text):
        note = superscript_number(raw)
        if note is not None:
            footnotes.append((note[0], _clean(note[1])))
            continue
        lead = _EMPHASIS_LEAD_RE.match(raw)
        emphasis = lead[1].strip() if lead else None
        blocks.append(Block(superscripts_to_tokens(_clean(raw)), emphasis))
    return RawText(reader=NAME, blocks=tuple(blocks), footnotes=tuple(footnotes))
