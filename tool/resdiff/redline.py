"""Word-level redlines and the classification of a changed clause.

``redline`` is the only place diff-match-patch runs. It diffs words, not characters: each token
is mapped to one character, diffed, cleaned up and mapped back, so an edit boundary can never fall
inside a word ("119" -> "124" is one replaced word, never digit confetti).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain

from diff_match_patch import diff_match_patch

from .codes import char_codes
from .errors import InputError
from .languages.dates import is_number_word
from .languages.words import tokens
from .records import EDITORIAL, MODIFIED, TAG_CITATIONS, TAG_NUMBERS, TAG_VERB, UNCHANGED, Op

_NO_SUPERSCRIPTS = str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# what an editorial change may touch: everything that is not a letter or digit, plus case
# (but not the point or comma inside a number: "12.5" is not "125", nor "1,250" "1.250")
_NOT_ALNUM_RE = re.compile(r"(?:[^\w.,]|_|(?<![0-9])[.,]|[.,](?![0-9]))+")
# cited symbols: resolution numbers (63/71, 2222 (2015) is a number) and document symbols
# (bounded by what is not a Latin letter or digit: a Chinese text runs "第63/71号决议" together)
_CITATION_RE = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z]{1,6}(?:\.[0-9]+)?(?:/[A-Za-z0-9.\-]+)+|(?:E?S-)?[0-9]{1,3}/[0-9]{1,4}(?:\s?[A-Z]{1,2}(?![A-Za-z0-9]))?)(?![A-Za-z0-9])"
)
# words that only link a verb to the paragraph before, or carry no meaning of their own
_VERB_FILLERS = ("once again", "also", "further", "furthermore", "moreover", "again", "hereby", "its")
_VERB_FILLER_RE = re.compile(r"\b(?:" + "|".join(_VERB_FILLERS) + r")\b")
_NUMBER_OR_WORD_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*(?:st|nd|rd|th)?|[^\W\d_]+(?:-[^\W\d_]+)*")


def _is_number(token: str, language: str | None) -> bool:
    """A numeral, a month, a number word or an ordinal ("thirteenth", "eighty-first", "treizième")."""
    if token[0].isdigit():
        return True
    if "-" not in token:  # most words: spare the generator
        return is_number_word(token, language)
    return any(is_number_word(part, language) for part in token.split("-"))


# Characters that stand for fine tokens in the cleanup, by class: diff-match-patch's semantic
# cleanup slides an edit to the boundary it scores best (a line break, then a space, then a
# punctuation mark), reading the characters it is given. A space, a line break or a punctuation
# mark stands for itself; any other run of whitespace takes a whitespace character, and a word a
# letter (CJK ideographs, then Hangul syllables) or, past those, a private-use character.
_WHITESPACE_CODES = "\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B)))
_WORD_CODES = (
    (0x4E00, 0xA000),
    (0xAC00, 0xD7A4),
    (0xE000, 0xF900),
    (0xF0000, 0xFFFFE),
    (0x100000, 0x10FFFE),
)


def _fine_codes(tokens: Iterable[str]) -> dict[str, str]:
    """One character per distinct fine token, of the token's own class (see above)."""
    codes: dict[str, str] = {}
    words: list[str] = []
    spaces: list[str] = []
    for token in dict.fromkeys(tokens):
        if token in (" ", "\n") or (len(token) == 1 and not token.isalnum() and not token.isspace()):
            codes[token] = token
        elif token.isspace():
            spaces.append(token)
        else:
            words.append(token)
    taken = set(codes)
    free_spaces = (c for c in _WHITESPACE_CODES if c not in taken)
    free_words = (c for c in map(chr, chain.from_iterable(range(*r) for r in _WORD_CODES)) if c not in taken)
    # the pools are longer than any clause needs (strict=False); whitespace beyond the few
    # whitespace characters there are takes word codes: it still diffs
    codes.update(zip(spaces, chain(free_spaces, free_words), strict=False))
    codes.update(zip(words, free_words, strict=False))
    if len(codes) < len(words) + len(spaces) + len(taken):
        raise InputError(f"a clause of {len(words)} different words is too long to redline; split it")
    return codes


def redline(old: str, new: str, language: str | None = None) -> tuple[Op, ...]:
    """The word-level diff of two texts as (op, text) pairs: -1 delete, 0 equal, 1 insert.

    diff-match-patch's bisection is pure Python and quadratic in the worst case, so the diff
    itself runs on coarse tokens (a word with the spaces before it: half as many); the result
    is re-encoded in fine tokens (words, spaces, punctuation) for the cleanup, which runs on that
    copy and so can never split a word. The words are LANGUAGE's (``languages.words``: Chinese is
    segmented, French keeps its elisions and guillemets whole).
    """
    if old == new:
        return ((0, old),) if old else ()
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    # a coarse token is its fine tokens: (spaces before, word or character, other whitespace)
    old_tokens = tokens(old, language)
    new_tokens = tokens(new, language)
    coarse = char_codes(old_tokens + new_tokens)
    fine = _fine_codes(filter(None, chain.from_iterable(coarse)))
    fine_of = {**fine, "": ""}.__getitem__
    as_fine = {code: "".join(map(fine_of, token)) for token, code in coarse.items()}
    diffs = engine.diff_main(
        "".join(map(coarse.__getitem__, old_tokens)), "".join(map(coarse.__getitem__, new_tokens)), False
    )
    cleaned = [(op, "".join(map(as_fine.__getitem__, chars))) for op, chars in diffs]
    engine.diff_cleanupMerge(cleaned)  # hands the spaces both sides share back to the equal text
    engine.diff_cleanupSemantic(cleaned)
    token_of = dict(zip(fine.values(), fine, strict=True)).__getitem__
    return tuple((op, "".join(map(token_of, chars))) for op, chars in cleaned if chars)


def editorial_key(text: str) -> str:
    """What survives an editorial change: letters, digits and the separators inside numbers,
    case-folded, markers dropped."""
    no_spaces = "".join(text.translate(_NO_SUPERSCRIPTS).casefold().split())  # "2015, 2016" is "2015,2016"
    return _NOT_ALNUM_RE.sub("", no_spaces)


def kind_of(diff: Sequence[Op], notes_match: bool = True) -> str:
    """unchanged / editorial / modified for the redline of a pair (or of joined group texts).

    ``notes_match`` is False when a footnote marker was added, dropped or moved to a different
    footnote: the text alone cannot show that, and it is an editorial change. A digit left in the
    text is a digit, even where it may be a marker a converter failed to lift ("Disabilities, 1
    to"): the normalizer lifts markers, and hiding a real change ("12 States") is worse than
    showing a stray marker.
    """
    if all(op == 0 for op, _ in diff):
        return UNCHANGED if notes_match else EDITORIAL
    old = "".join(text for op, text in diff if op <= 0)
    new = "".join(text for op, text in diff if op >= 0)
    return EDITORIAL if editorial_key(old) == editorial_key(new) else MODIFIED


def citations(text: str) -> Counter[str]:
    """Cited symbols ("63/71", "A/72/409"), without the sentence's own full stop; a symbol has a
    number somewhere ("HIV/AIDS" is a term)."""
    found = (match.replace(" ", "").rstrip(".-") for match in _CITATION_RE.findall(text))
    return Counter(symbol for symbol in found if any(character.isdigit() for character in symbol))


def numbers(text: str, language: str | None = None) -> Counter[str]:
    """Numbers, dates and ordinals of a text in LANGUAGE, outside cited symbols (those are citations)."""
    bare = _CITATION_RE.sub(" ", text).casefold()
    found = _NUMBER_OR_WORD_RE.findall(bare) if language != "zh" else _zh_number_tokens(bare)
    return Counter(token for token in found if _is_number(token, language))


def _zh_number_tokens(text: str) -> list[str]:
    """A Chinese text's tokens (segmented words, numbers) for ``numbers``."""
    return [token for _, token, _ in tokens(text, "zh") if token]


def verb_core(verb: str) -> str:
    """An operative verb phrase without the words that only link it to the paragraph before ("Also
    requests", "Further, decides", "Expresses its concern"): what a change of verb is judged on."""
    return " ".join(_VERB_FILLER_RE.sub(" ", verb.casefold().replace(",", " ")).split())


def _verb_core(verb: str, language: str | None) -> str:
    if language in (None, "en"):
        return verb_core(verb)
    from .languages import verbs  # the verb tables: loaded for a text in another language only

    return verbs.core(verb, language)


def tags_of(
    diff: Sequence[Op], old_verb: str | None, new_verb: str | None, language: str | None = None
) -> tuple[str, ...]:
    """Why a modified clause matters: numbers, citations or the operative verb changed, read in
    LANGUAGE (its dates and number words; its verbs judged by their English counterparts).

    The whole texts are scanned for numbers only when a changed part holds one, which keeps
    this cheap on long clauses (edits never split a word, so a changed number is in a part).
    """
    tags = []
    old = "".join(text for op, text in diff if op <= 0)
    new = "".join(text for op, text in diff if op >= 0)
    changed = " ".join(text for op, text in diff if op != 0)
    if numbers(changed, language) and numbers(old, language) != numbers(new, language):
        tags.append(TAG_NUMBERS)
    if citations(old) != citations(new):
        tags.append(TAG_CITATIONS)
    if old_verb is not None and new_verb is not None and _verb_core(old_verb, language) != _verb_core(
        new_verb, language
    ):
        tags.append(TAG_VERB)
    return tuple(tags)
