"""Dates as the resolutions print them in each of the six languages.

The forms are the UN's (checked against the AKN4UN texts in ``../shared/data/akn``):

* en "4 December 2017"           fr "1er décembre 2025", "4 décembre 2017"
* es "1 de diciembre de 2025"    ru "1 декабря 2025 года" (the month in the genitive; any case is read)
* ar "1 كانون الأول/ديسمبر 2025" (the Levantine and the Egyptian month name, joined by a slash,
  sometimes with a space after it, a tatweel or a presentation-form ligature: "كـانون", "اﻷول")
* zh "2025年12月1日"

``DATE_RE[language]`` finds a date or a part of one (a month with its day or its year: "décembre
2017"); ``iso_date`` reads the parts; ``find_dates`` gives every whole date of a text as ISO dates.
"""

from __future__ import annotations

import re
from functools import cache

from . import MONTH_NAMES

# the month names of each language, January first, as the texts print them (Russian: the genitive
# "декабря" a date uses; the other cases are read by their stems, below)
MONTHS: dict[str, tuple[str, ...]] = {
    "en": MONTH_NAMES,
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
    "es": (
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ),
    "ru": (
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ),
    "ar": (
        "كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
        "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
        "كانون الأول/ديسمبر",
    ),
    "zh": tuple(f"{n}月" for n in range(1, 13)),
}  # fmt: skip
# Russian month names in every case: the stem and the case endings ("декабрь", "декабря", "декабре")
_RUSSIAN_STEMS = (
    "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
)  # fmt: skip
_TATWEEL = "\u0640"


def _arabic_pattern(month: str) -> str:
    """An Arabic month name as printed: a tatweel may stretch any letter, lam-alef may be the
    presentation-form ligature, and a space may follow the slash."""
    parts = []
    k = 0
    while k < len(month):
        if month.startswith("لأ", k):
            parts.append(f"(?:لأ|\ufef7|\ufef8){_TATWEEL}*")
            k += 2
            continue
        character = month[k]
        if character == "/":
            parts.append(r"\s*/\s*")
        elif character == " ":
            parts.append(r"\s+")
        else:
            parts.append(re.escape(character) + f"{_TATWEEL}*")
        k += 1
    return "".join(parts)


def _month_alternatives(language: str) -> str:
    if language == "ru":
        return "|".join(
            stem + ("[йяе]" if stem == "ма" else "[ауе]?" if stem in ("март", "август") else "[ьяе]")
            for stem in _RUSSIAN_STEMS
        )
    if language == "ar":
        return "|".join(map(_arabic_pattern, MONTHS["ar"]))
    return "|".join(sorted(MONTHS[language], key=len, reverse=True))


@cache
def date_re(language: str | None) -> re.Pattern[str]:
    """A date, or a month with its day or year, in LANGUAGE: groups ``day``, ``month``, ``year``.
    Compiled on first use (an English diff pays for the English pattern only)."""
    language = language or "en"
    if language == "zh":
        return re.compile(
            r"(?:(?P<year>[0-9]{4})\s?年\s?)?(?P<month>(?:1[0-2]|0?[1-9]))\s?月(?:\s?(?P<day>[0-9]{1,2})\s?日)?"
            r"|(?P<year_only>[0-9]{4})\s?年"
        )
    months = _month_alternatives(language)
    if language == "fr":
        day, year = r"(?P<day>[0-9]{1,2})(?:er)?\s+", r"\s+(?P<year>[0-9]{4})"
    elif language == "es":
        day, year = r"(?P<day>[0-9]{1,2})\s+de\s+", r"\s+de\s+(?P<year>[0-9]{4})"
    elif language == "ru":
        day, year = r"(?P<day>[0-9]{1,2})\s+", r"\s+(?P<year>[0-9]{4})(?:\s+год[аеу]?)?"
    else:
        day, year = r"(?P<day>[0-9]{1,2})\s+", r"\s+(?P<year>[0-9]{4})"
    flags = re.IGNORECASE if language in ("fr", "es", "ru") else 0  # English: "may" is a verb
    return re.compile(rf"(?<![0-9])(?:{day})?(?<![^\W\d_])(?P<month>{months})(?![^\W\d_])(?:{year})?", flags)


def month_number(month: str, language: str | None = None) -> int | None:
    """1..12 for a month name as LANGUAGE prints it ("décembre", "декабре", "كانون الأول/ديسمبر", "12月")."""
    language = language or "en"
    if language == "zh":
        digits = month.rstrip("月").strip()
        return int(digits) if digits.isdigit() and 1 <= int(digits) <= 12 else None
    if language == "ru":
        lower = month.casefold()
        # the longest stem that fits: "март" before "ма"
        for number, stem in sorted(enumerate(_RUSSIAN_STEMS, 1), key=lambda item: -len(item[1])):
            if lower.startswith(stem):
                return number
        return None
    if language == "ar":
        key = _arabic_key(month)
        return next((n for n, m in enumerate(MONTHS["ar"], 1) if _arabic_key(m) == key), None)
    lower = month.casefold()
    return next((n for n, m in enumerate(MONTHS[language], 1) if m.casefold() == lower), None)


def _arabic_key(month: str) -> str:
    return "".join(month.replace(_TATWEEL, "").replace("\ufef7", "لأ").replace("\ufef8", "لأ").split())


def iso_date(day: str | None, month: str | None, year: str | None, language: str | None = None) -> str | None:
    """``("4", "December", "2017")`` -> ``"2017-12-04"``; None when a part is missing or no month."""
    if day is None or month is None or year is None:
        return None
    number = month_number(month, language)
    return None if number is None else f"{int(year):04d}-{number:02d}-{int(day):02d}"


def find_dates(text: str, language: str | None = None) -> list[tuple[int, int, str]]:
    """Every whole date of a text (day, month and year) as (start, end, ISO date), in order."""
    found = []
    for match in date_re(language).finditer(text):
        groups = match.groupdict()
        iso = iso_date(groups.get("day"), groups.get("month"), groups.get("year"), language)
        if iso is not None:
            found.append((match.start(), match.end(), iso))
    return found


# --- numbers in words ---------------------------------------------------------------------------
# months, ordinals and number words: the words of dates and counts ("the thirteenth Meeting",
# "la treizième Assemblée"), a set per language and a few endings (this runs on every word of a
# changed clause). English "may" is left out: far more often the verb than the month. Russian and
# Arabic number words are inflected past what a list can hold: there only digits and months count.
_NUMBER_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
        " twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion".split()
    ),
    "fr": frozenset(
        "premier première premiers premières second seconde deux trois quatre cinq six sept huit neuf dix"
        " onze douze treize quatorze quinze seize vingt trente quarante cinquante soixante cent cents mille"
        " million millions milliard milliards".split()
    ),
    "es": frozenset(
        "primer primero primera segundo segunda tercer tercero tercera cuarto cuarta quinto quinta sexto"
        " sexta séptimo séptima octavo octava noveno novena décimo décima dos tres cuatro cinco seis siete"
        " ocho nueve diez once doce veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa cien"
        " ciento mil millón millones".split()
    ),
}
_ENDINGS: dict[str, tuple[tuple[str, int], ...]] = {  # an ending, and the shortest word it counts in
    "en": (("teenth", 7), ("ieth", 5)),  # thirteenth..nineteenth, twentieth..ninetieth
    "fr": (("ième", 5), ("ièmes", 6)),  # troisième, vingt-cinquième
    "es": (("ésimo", 6), ("ésima", 6), ("ésimos", 7), ("ésimas", 7)),  # vigésimo, trigésima
}
_HAN_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")
# the measure words (a closed class of the grammar) that follow a numeral in counts and ordinals of
# the texts: sessions (届), times (次), items (项, 个), paragraphs (段, 条, 款), years, months, days
_HAN_MEASURE_WORDS = frozenset("届次项个段条款年月日")


@cache
def _month_words(language: str) -> frozenset[str]:
    if language == "zh":
        return frozenset()
    names = MONTHS[language]
    if language == "en":
        names = tuple(name for name in names if name != "May")
    return frozenset(word.casefold() for name in names for word in name.replace("/", " ").split())


def is_number_word(word: str, language: str | None = None) -> bool:
    """Whether a case-folded word of letters is a month, a number word or an ordinal in LANGUAGE
    (Chinese: written with the Han numerals, "十三", or an ordinal "第" and a numeral, "第八十届")."""
    language = language or "en"
    if language == "zh":
        if word.startswith("第"):
            return word[1:2] in _HAN_NUMERALS
        # a numeral, or a numeral and its measure word: the segmenter may cut "第九十一届" into
        # "第九" and "十一届"
        numeral = word[:-1] if len(word) > 1 and word[-1] in _HAN_MEASURE_WORDS else word
        return bool(numeral) and all(character in _HAN_NUMERALS for character in numeral)
    if word in _month_words(language) or word in _NUMBER_WORDS.get(language, ()):
        return True
    if language == "ru" and any(word.startswith(stem) for stem in _RUSSIAN_STEMS[:4] + _RUSSIAN_STEMS[5:]):
        return date_re("ru").fullmatch(word) is not None  # "декабре", "марта": a month in any case
    endings = _ENDINGS.get(language, ())
    return any(len(word) >= shortest and word.endswith(ending) for ending, shortest in endings)


@cache
def date_pattern(language: str | None) -> str:
    """``date_re``'s pattern as a group to embed in a larger pattern (its flags scoped to it, its
    groups unnamed)."""
    pattern = date_re(language)
    source = re.sub(r"\(\?P<[a-z_]+>", "(?:", pattern.pattern)
    return f"(?i:{source})" if pattern.flags & re.IGNORECASE else f"(?:{source})"


@cache
def number_word_pattern(language: str | None) -> str | None:
    """A regex for LANGUAGE's number words and ordinals as ``is_number_word`` knows them ("treizième",
    "vingt-unième", "vigésimo", "第十三"), for the summary's values; None where it knows none (and
    for English, whose pattern the summary has)."""
    if language == "zh":
        return "第[" + "".join(sorted(_HAN_NUMERALS)) + "]+"
    if language not in _NUMBER_WORDS or language == "en":
        return None
    words = "|".join(sorted(_NUMBER_WORDS[language], key=len, reverse=True))
    endings = "|".join(re.escape(ending) for ending, _ in _ENDINGS[language])
    word = rf"(?:{words}|[^\W\d_]{{2,}}(?:{endings}))"
    return rf"(?i:(?<![^\W\d_]){word}(?:[-‑]{word})*(?![^\W\d_]))"
