"""Each language's operative verbs, and the English verb each one renders.

The phrases are the italic (in Chinese, bold) spans that open the operative paragraphs of the UN's
AKN4UN texts (source: United Nations, DGACM), derived by ``bench/derive_verbs.py`` into
``openers.json``; none is written by hand. Each phrase of another language is paired with the
English phrase that opens the same paragraph of the same resolution (see the script), so a verb
of any language is judged by its English counterpart: whether it changed (``core``) and whether
it was strengthened or weakened (``summary.verb_strength`` on ``english``). A phrase the table
does not hold is compared as written and its strength is unknown ("changed", never a guess).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from . import ENGLISH

_STRIP = " \t\u00a0\u202f,;:.،؛，；："


@cache
def _table() -> dict[str, Any]:
    with resources.files(__package__).joinpath("openers.json").open(encoding="utf-8") as stream:
        table: dict[str, Any] = json.load(stream)
    return table


def _key(phrase: str) -> str:
    return " ".join(phrase.split()).strip(_STRIP).casefold()


def operative(language: str) -> dict[str, str]:
    """LANGUAGE's operative verb phrases (case-folded) -> the English phrase each renders ("" if unpaired)."""
    return {phrase: entry["en"] for phrase, entry in _table()["operative"].get(language, {}).items()}


def preambular(language: str) -> dict[str, str]:
    """LANGUAGE's preambular openers ("rappelant", "回顾") -> their English counterparts."""
    return {phrase: entry["en"] for phrase, entry in _table()["preambular"].get(language, {}).items()}


def english(phrase: str, language: str | None) -> str | None:
    """The English operative verb phrase a phrase of LANGUAGE renders ("Prie également" -> "Also
    requests"); the phrase itself for English; None where the table does not know it."""
    if language in (None, ENGLISH):
        return phrase
    found = operative(language).get(_key(phrase))
    return found or None


def core(phrase: str, language: str | None) -> str:
    """What a change of verb is judged on: the English verb's core (``redline.verb_core`` drops "also",
    "further", "its": "Prie également" and "Prie" are both "requests"), else the phrase as written."""
    from ..redline import verb_core

    found = english(phrase, language)
    return verb_core(found) if found is not None else _key(phrase)


def derive(text: str, language: str | None) -> str | None:
    """The operative verb phrase at the head of a paragraph printed without emphasis, in a language
    other than English: the longest known phrase the text opens with (English has its own rules,
    ``normalizer.verbs``)."""
    folded = text.casefold()
    best = None
    for phrase in operative(language or ENGLISH):
        if folded.startswith(phrase) and (best is None or len(phrase) > len(best)):
            rest = folded[len(phrase) : len(phrase) + 1]
            if language == "zh" or not rest or not rest.isalnum():
                best = phrase
    return None if best is None else text[: len(best)]
