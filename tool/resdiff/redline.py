"""Word-level redlines and the classification of a changed clause.

``redline`` is the only place diff-match-patch runs. It diffs words, not characters: each token
is mapped to one character, diffed, cleaned up and mapped back, so an edit boundary can never fall
inside a word ("119" -> "124" is one replaced word, never digit confetti).
"""

from __future__ import annotations

import re
from collections import Counter

from diff_match_patch import diff_match_patch

from .records import EDITORIAL, MODIFIED, TAG_CITATIONS, TAG_NUMBERS, TAG_VERB, UNCHANGED, Op

_TOKEN_RE = re.compile(r"[^\W_]+|\s+|.", re.DOTALL)
_COARSE_TOKEN_RE = re.compile(r"[^\S\n]*(?:[^\W_]+|\S)|\s+")
_SURROGATES = 0xD800, 0xE000
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# what an editorial change may touch: everything that is not a letter or digit, plus case
_NOT_ALNUM_RE = re.compile(r"[\W_]+")
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_ORDINALS = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
    ]
)
_ORDINAL_ENDINGS = ("teenth", "ieth")
# cited symbols: resolution numbers (63/71, 2222 (2015) is a number) and document symbols
_CITATION_RE = re.compile(
    r"\b(?:[A-Z]{1,6}(?:\.[0-9]+)?(?:/[A-Za-z0-9.\-]+)+|[0-9]{1,3}/[0-9]{1,4}(?:\s?[A-Z]{1,2}\b)?)"
)
_NUMBER_OR_WORD_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*(?:st|nd|rd|th)?|[^\W\d_]+(?:-[^\W\d_]+)?")


def _is_number(token: str) -> bool:
    """A numeral, a month or an ordinal word ("thirteenth", "eighty-first")."""
    if token[0].isdigit():
        return True
    last = token.rsplit("-", 1)[-1]
    return last in _MONTHS or last in _ORDINALS or last.endswith(_ORDINAL_ENDINGS)


def _char(index: int) -> str:
    code = index + 1
    if code >= _SURROGATES[0]:
        code += _SURROGATES[1] - _SURROGATES[0]
    return chr(code)


class _Codec:
    """Maps tokens to single characters and back, as ``diff_linesToChars`` does for lines."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.codes: dict[str, str] = {}
        self.tokens: dict[str, str] = {}

    def encode(self, text: str) -> str:
        chars = []
        for token in self.pattern.findall(text):
            code = self.codes.get(token)
            if code is None:
                code = self.codes[token] = _char(len(self.codes))
                self.tokens[code] = token
            chars.append(code)
        return "".join(chars)

    def decode(self, chars: str) -> str:
        return "".join(map(self.tokens.__getitem__, chars))


def redline(old: str, new: str) -> tuple[Op, ...]:
    """The word-level diff of two texts as (op, text) pairs: -1 delete, 0 equal, 1 insert.

    diff-match-patch's bisection is pure Python and quadratic in the worst case, so the diff
    itself runs on coarse tokens (a word with the spaces before it: half as many); the result
    is re-encoded in fine tokens (words, spaces, punctuation) for the cleanup, which runs on that
    copy and so can never split a word.
    """
    if old == new:
        return ((0, old),) if old else ()
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    coarse = _Codec(_COARSE_TOKEN_RE)
    fine = _Codec(_TOKEN_RE)
    diffs = engine.diff_main(coarse.encode(old), coarse.encode(new), False)
    cleaned = [(op, fine.encode(coarse.decode(chars))) for op, chars in diffs]
    engine.diff_cleanupMerge(cleaned)  # hands the spaces both sides share back to the equal text
    engine.diff_cleanupSemantic(cleaned)
    return tuple((op, fine.decode(chars)) for op, chars in cleaned if chars)


def editorial_key(text: str) -> str:
    """What survives an editorial change: letters and digits, case-folded, markers dropped."""
    return _NOT_ALNUM_RE.sub("", text.translate({ord(c): None for c in _SUPERSCRIPTS}).casefold())


def kind_of(old: str, new: str, notes_match: bool = True) -> str:
    """unchanged / editorial / modified for one pair of texts (or joined group texts).

    ``notes_match`` is False when a footnote marker was added, dropped or moved to a different
    footnote: the text alone cannot show that, and it is an editorial change.
    """
    if old == new:
        return UNCHANGED if notes_match else EDITORIAL
    if editorial_key(old) == editorial_key(new):
        return EDITORIAL
    return MODIFIED


def citations(text: str) -> Counter[str]:
    return Counter(match.replace(" ", "") for match in _CITATION_RE.findall(text))


def numbers(text: str) -> Counter[str]:
    """Numbers, dates and ordinals of a text, outside cited symbols (those are citations)."""
    bare = _CITATION_RE.sub(" ", text).casefold()
    return Counter(token for token in _NUMBER_OR_WORD_RE.findall(bare) if _is_number(token))


def tags_of(old: str, new: str, old_verb: str | None, new_verb: str | None) -> tuple[str, ...]:
    """Why a modified clause matters: numbers, citations or the operative verb changed."""
    tags = []
    if numbers(old) != numbers(new):
        tags.append(TAG_NUMBERS)
    if citations(old) != citations(new):
        tags.append(TAG_CITATIONS)
    if old_verb is not None and new_verb is not None and old_verb.casefold() != new_verb.casefold():
        tags.append(TAG_VERB)
    return tuple(tags)
