"""The one place for what differs between the UN's six languages: codes, dates, words, verbs.

Every stage that reads a language's words takes them from here: the normalizer and the readers
(dates, operative verbs), the aligner and the redline (word splitting per script), the change tags
and the summary (numbers, dates, verb strength), blame (words). A text's language is the model's
``Resolution.language`` (ISO 639-1, one of ``LANGUAGES``); ``None`` means the source did not say and
is treated as English.

Submodules, loaded on first use so that ``resdiff diff`` of two English texts pays for none of
the others: ``dates`` (month names and date patterns), ``words`` (tokens per script; Chinese is
segmented by rjieba), ``verbs`` (each language's operative verbs, derived from the UN's AKN4UN
XML by ``bench/derive_verbs.py`` into ``openers.json``, and their English counterparts).

Public API (other helpers build on it, e.g. the parallel-texts check):

* ``code(value)``: "fr", "fra", "fre", "French", "Français", "F" (a job-number letter) -> "fr"
* ``from_job_number(text)``: the language a PDF's job number ("25-19990 (F)") says
* ``from_script(text)``: "ar", "zh" or "ru" when the letters are Arabic, Han or Cyrillic
* ``direction(language)``: "rtl" for Arabic, else "ltr"; ``NAMES``: each code's English name
* ``dates.find_dates(text, language)``, ``dates.iso_date(day, month, year, language)``, ``MONTH_NAMES``
* ``words.tokens(text, language)`` (the redline's tokens), ``words.words(text, language)`` (letters only)
* ``verbs.english(phrase, language)``, ``verbs.core(phrase, language)``, ``verbs.derive(text, language)``
"""

from __future__ import annotations

import re
from collections import Counter

from ..errors import InputError
from ..model import LANGUAGES

ENGLISH = "en"
NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "ru": "Russian",
    "ar": "Arabic",
    "zh": "Chinese",
}
# the English month names (what the English readers and the corpus's own header dates read)
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# every spelling of a language a source may give: ISO 639-1 and 639-2 (T and B), the English name,
# the language's own name (as the UN Digital Library and the ODS spell them), the UN job-number letter
_SPELLINGS = {
    "en": ("en", "eng", "english", "e"),
    "fr": ("fr", "fra", "fre", "french", "français", "francais", "f"),
    "es": ("es", "spa", "spanish", "español", "espanol", "s"),
    "ru": ("ru", "rus", "russian", "русский", "r"),
    "ar": ("ar", "ara", "arabic", "العربية", "a"),
    "zh": ("zh", "zho", "chi", "chinese", "中文", "c"),
}
_CODES = {spelling: iso for iso, spellings in _SPELLINGS.items() for spelling in spellings}
# a UN job number, as every official document prints it on its front page and page feet:
# "25-19990 (E)", the letter naming the language of the version
_JOB_NUMBER_RE = re.compile(r"\b[0-9]{2}-[0-9]{5}\s?\(([EFSRAC])\)")
# the code-point ranges of each script ``from_script`` counts ("" is Latin). Counted per distinct
# character (``Counter``) rather than with a regex per script: a character class spanning thousands of
# code points takes the ``re`` compiler milliseconds in every process (most of a ``diff``'s share).
_SCRIPTS = (
    ("ar", ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
    ("zh", ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))),
    ("ru", ((0x0400, 0x04FF),)),
    ("", ((0x41, 0x5A), (0x61, 0x7A), (0x00C0, 0x024F))),
)


def code(value: str | None) -> str | None:
    """The ISO 639-1 code of a language however a source spells it; None for one resdiff does not know."""
    if value is None:
        return None
    return _CODES.get(value.strip().casefold())


def from_job_number(text: str) -> str | None:
    """The language a UN job number names ("25-19990 (F)" is French), if the text has one."""
    match = _JOB_NUMBER_RE.search(text)
    return None if match is None else _CODES[match[1].casefold()]


def from_script(text: str) -> str | None:
    """The language the letters of a text say, where the script says it: Arabic, Chinese (Han) or
    Russian (Cyrillic), by the script most of its letters are in. Latin letters cannot tell English,
    French and Spanish apart: None."""
    counts = dict.fromkeys((script for script, _ in _SCRIPTS), 0)
    for char, number in Counter(text).items():
        point = ord(char)
        for script, ranges in _SCRIPTS:
            if any(low <= point <= high for low, high in ranges):
                counts[script] += number
                break
    best = max(counts, key=counts.__getitem__)
    return best if best and counts[best] else None


def direction(language: str | None) -> str:
    """The writing direction of a language: "rtl" for Arabic, "ltr" for the others (and unknown)."""
    return "rtl" if language == "ar" else "ltr"


def name(language: str | None) -> str:
    """A language's English name ("French"); English for None."""
    return NAMES[language or ENGLISH]


def shared(old: str | None, new: str | None) -> str | None:
    """The language of two texts compared (None where neither says). Texts in two languages are
    refused: a redline of a French text against an English one shows translation, not change."""
    if old is not None and new is not None and old != new:
        raise InputError(
            f"the texts are in {NAMES[old]} and {NAMES[new]}: compare two texts in one language "
            f"(name it in the REF, e.g. 80/52@{old}, or with --lang {old})"
        )
    return new or old


__all__ = [
    "ENGLISH", "LANGUAGES", "MONTH_NAMES", "NAMES",
    "code", "direction", "from_job_number", "from_script", "name", "shared",
]  # fmt: skip
