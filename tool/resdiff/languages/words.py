"""Words per script: what the redline, the aligner and blame split a text into.

* Alphabetic scripts (Latin, Cyrillic, Arabic): a word is a run of letters and digits with the
  combining marks that belong to it (Arabic's harakat and shadda, "تسلِّم"; a decomposed accent),
  the tatweel and the zero-width (non-)joiners. Punctuation is a token of its own, in every
  script's forms (the Arabic comma "،", the guillemets « »).
* French: an elided article or pronoun keeps its apostrophe ("l’", "qu’"), an opening guillemet its
  non-breaking space ("« "); the non-breaking spaces French sets before ":", ";", "?", "!" and "»"
  (U+00A0, U+202F) travel with that mark, as any spaces before a token do.
* Chinese, written without spaces: runs of Han characters are segmented into words by rjieba
  (jieba's dictionary and HMM, in Rust; the dictionary ships inside the wheel, nothing is
  downloaded or written at run time); Latin words, numbers and cited symbols inside a Chinese text
  are whole tokens as anywhere else ("第63/71号": "第", "63/71", "号").
* Everywhere: a number with its separators ("1,250,000", "12.5", "1 250 000" with non-breaking
  spaces) and a cited symbol ("63/71", "A/72/409", "CCM/CONF/2015/7/Corr.1", "ES-10/21") are one
  token, so an edit replaces them whole.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

# combining marks and joiners that belong to the letter before them (Latin/Cyrillic combining
# accents, Arabic harakat, superscript alef, Quranic marks; tatweel; ZWNJ, ZWJ)
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4"
    "\u06e7\u06e8\u06ea-\u06ed\u200c\u200d"
)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# The symbols and the separated numbers share one lookahead ({after}): each Han class costs the ``re``
# compiler milliseconds in every process, so a text without Han characters gets one with none. The
# spaced number (1 250 000) moved after the others changes no match: it starts with a digit, the
# symbols with a letter, and its first digits end at a non-breaking space where the separated
# number's end at ".", "," or "/", so no two of them match at one place.
_SYMBOLS_AND_NUMBERS = (
    r"(?:[A-Z]+(?:/[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*)+"
    + r"|E?S-[0-9]+(?:/[0-9]+)+"  # ES-10/21, S-27/2
    + r"|[0-9]+(?:[.,/][0-9]+)+(?:st|nd|rd|th)?){after}"  # then not a letter (but Han may follow)
    + r"|[0-9]{1,3}(?:[\u00a0\u202f][0-9]{3})+(?:,[0-9]+)?(?![0-9])"  # 1 250 000 (French, Russian)
)  # fmt: skip
_NOT_LETTER_BUT_HAN_AFTER = r"(?!(?![" + _HAN + r"])[^\W_])"
_NOT_LETTER_AFTER = r"(?![^\W_])"  # the same in a text without Han characters, and cheap to compile
_FIRST_HAN = _HAN[0]
_WORD = rf"(?:[^\W_]|[{_MARKS}])+"
_WORD_NOT_HAN = rf"(?:(?![{_HAN}])[^\W_]|[{_MARKS}])+"


@cache
def _token_re(language: str | None, han: bool = True) -> re.Pattern[str]:
    """(spaces before, token, other whitespace): the redline's coarse tokens for LANGUAGE; without
    HAN, only for a text with no Han character (``tokens`` tells: its Han classes are slow to compile)."""
    after = _NOT_LETTER_BUT_HAN_AFTER if han or language == "zh" else _NOT_LETTER_AFTER
    special = r"«[\u00a0\u202f]?"
    if language == "fr":
        special = r"[^\W\d_]+[’'](?=[^\W\d_])|" + special  # l’Assemblée, qu’il, jusqu’à
    word = rf"[{_HAN}]+|{_WORD_NOT_HAN}" if language == "zh" else _WORD
    symbols = _SYMBOLS_AND_NUMBERS.replace("{after}", after)
    return re.compile(rf"([^\S\n]*)({symbols}|{special}|{word}|\S)|(\s+)")


@cache
def _segmenter() -> object:
    import rjieba  # loaded only for a Chinese text: about 0.3 s, its dictionary built in memory

    return rjieba


@lru_cache(maxsize=65536)
def segment(han: str) -> tuple[str, ...]:
    """A run of Han characters as words (rjieba: jieba's dictionary and HMM)."""
    return tuple(_segmenter().cut(han))  # type: ignore[attr-defined]


def _is_han(token: str) -> bool:
    return "\u3400" <= token[0] <= "\u9fff" or "\uf900" <= token[0] <= "\ufaff"


def tokens(text: str, language: str | None = None) -> list[tuple[str, str, str]]:
    """The redline's coarse tokens: (spaces before, word or symbol or character, other whitespace),
    exactly one of the last two non-empty; joined they give TEXT back."""
    # any character from the first Han code point on (one pass in C): the pattern that tells Han apart
    han = language == "zh" or max(text, default="\0") >= _FIRST_HAN
    found: list[tuple[str, str, str]] = _token_re(language, han).findall(text)
    if language != "zh":
        return found
    out: list[tuple[str, str, str]] = []
    for spaces, token, whitespace in found:
        if token and _is_han(token) and len(token) > 1:
            words = segment(token)
            out.append((spaces, words[0], ""))
            out.extend(("", word, "") for word in words[1:])
        else:
            out.append((spaces, token, whitespace))
    return out


def pieces(text: str, language: str | None = None) -> list[str]:
    """TEXT as words, runs of whitespace and single other characters; joined they give TEXT back."""
    out = []
    for spaces, token, whitespace in tokens(text, language):
        if spaces:
            out.append(spaces)
        out.append(token or whitespace)
    return out


_WORDS_RE = re.compile(rf"(?:[^\W_⁰¹²³⁴⁵⁶⁷⁸⁹]|[{_MARKS}])+")  # a superscript footnote marker is no word


@cache
def _words_zh_re() -> re.Pattern[str]:
    """The words of a Chinese text (compiled on first use: its Han classes are slow to compile)."""
    return re.compile(rf"[{_HAN}]+|(?:(?![{_HAN}])[^\W_⁰¹²³⁴⁵⁶⁷⁸⁹]|[{_MARKS}])+")


def words(text: str, language: str | None = None) -> list[str]:
    """The words of a text, letters and digits only (what the aligner compares clauses by)."""
    if language != "zh":
        return _WORDS_RE.findall(text)
    out: list[str] = []
    for word in _words_zh_re().findall(text):
        if _is_han(word) and len(word) > 1:
            out.extend(w for w in segment(word) if not w.isspace())
        else:
            out.append(word)
    return out
