"""Tokens as characters: the trick that lets character-level diff engines work on words.

``diff_linesToChars`` in diff-match-patch codes each line as one character; the aligner and the
redline code words the same way, so rapidfuzz and diff-match-patch compare words, not letters.
Only identity matters to them; the redline's cleanup, which reads the characters, has codes of its own.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

Token = TypeVar("Token", bound=Hashable)

_SURROGATES = 0xD800, 0xE000  # code points that cannot stand alone in a str


def char_codes(tokens: Iterable[Token]) -> dict[Token, str]:
    """One character per distinct token, numbered 1, 2, ... in first-seen order as
    ``diff_linesToChars`` numbers lines."""
    distinct = dict.fromkeys(tokens)
    numbers: Iterable[int] = range(1, len(distinct) + 1)
    if len(distinct) >= _SURROGATES[0]:  # past any resolution's vocabulary: skip the surrogates
        numbers = range(1, len(distinct) + 1 + _SURROGATES[1] - _SURROGATES[0])
        numbers = [n for n in numbers if not _SURROGATES[0] <= n < _SURROGATES[1]]
    return dict(zip(distinct, map(chr, numbers), strict=True))
