"""What a text's numbers, dates and cited symbols are, whatever the language that prints them: the values
the six versions of one resolution must share (``parallel``).

* A date is its parts, read by ``dates``' patterns of the text's language: its day and year as
  numbers, its month as ``--12`` ("1 December 2025", "1er décembre 2025", "2025年12月1日": ``1``,
  ``--12``, ``2025``), so that a range ("25 to 27 November 2020", "2020年11月25日至27日") has the
  same values in each; a month without day or year is no date ("May consider").
* A number is its digits' value, in any script's digits (Arabic-Indic ``٢٠٢٥``, full-width
  ``２０２５``), each group of digits apart: "1,234.5" (English), "1 234,5" (French, Russian) and
  "1.234,5" give the same ``1``, ``234``, ``5``, so that no rule about separators is needed; decimals
  lose their trailing zeros ("0,20" is "0.2"), a short span of years is both years ("2024/25");
  an ordinal's suffix ("52nd", "52e", "13a") is no part of it, nor is a name's number ("UN80",
  "Youth4Disarmament").
* Numbers in words (``word_values``) are read where a package reads them: English, French and
  Spanish by text2num, Chinese ordinals (第十三) by cn2an; Russian and Arabic inflect theirs past what
  either reads, so there only digits count.
* A cited symbol is the UN's (``A/80/534``, ``S/RES/2334 (2016)``'s ``S/RES/2334``, ``63/71``), the
  General Assembly's ``A/RES/63/71`` written as the texts cite it, ``63/71``, and without the letter
  of a part ("63/71 A"), which the versions write each in their own way (Cyrillic "50/70 Р", Chinese
  "第36/87 A和B号", Arabic letter names); Arabic's special-session prefix ``دإ-`` is ``S-``, its
  session of an early resolution ``(د-15)`` is ``(XV)``.
"""

from __future__ import annotations

import re
from collections import Counter

from ..normalizer.text import roman
from .dates import date_re, month_number

# a UN document symbol: two or more steps, one holding a digit, a step's parenthesised number or part
# kept with it ("GC(69)/RES/7", "NPT/CONF.1995/32 (Part I)/Corr.2"); a resolution's bare ``63/71``
# (``S-10/2``, Arabic ``دإ-10/2``: a special session's); a resolution of the first sessions, "1514 (XV)"
# (Arabic "1514 (د-15)")
_STEP = r"(?:\s?\((?:[0-9]{1,3}|Parts?\s[IVX]+(?:(?:\s[a-z]{1,3}\s|\s?[-–]\s?)[IVX]+)?|Vol\.\s?[IVX]+)\))?"
_SYMBOL_RE = re.compile(
    rf"(?<![A-Za-z0-9/])(?:[A-Z]{{1,6}}(?:\.[0-9]+)?{_STEP}(?:/[A-Za-z0-9.\-]+{_STEP})+"
    r"|(?P<prefix>E?S-|دإط?-)?[0-9]{1,3}/[0-9]{1,4}(?![0-9/])"
    r"|(?P<old>[0-9]{1,4})(?:\s?[A-Z]|\s[\u0621-\u064a]{2,4})?\s?\((?P<session>(?:ES-)?[IVXLC]+|د-[0-9]{1,2})\))"
    r"(?![A-Za-z0-9])"
)
_ARABIC_PREFIXES = {"دإ-": "S-", "دإط-": "ES-"}
# the part or volume a symbol's step names, in words the versions translate ("Parts I and II", "Parts I y
# II"): no part of the symbol compared
_PART_STEP_RE = re.compile(r"\s?\((?:Parts?|Vol)[^()]*\)")
# a corrigendum's, revision's or addendum's number set apart ("Corr. 1"): one step of the symbol
_SPACED_STEP_RE = re.compile(r"\b(Corr|Rev|Add)\.\s+(?=[0-9])")
# a span of years written short ("2024/25", "2024/25年度"): the two years, as "2024/2025" has them
_SHORT_SPAN_RE = re.compile(r"(?<![0-9/])((?:19|20)([0-9]{2}))/([0-9]{2})(?![0-9/])")
# the decimals of a number ("0.20", "0,7"): a group after a separator that is no group of thousands
_DECIMALS_RE = re.compile(r"(?<=[0-9][.,])([0-9]{1,2}|[0-9]{4,})(?![0-9])")
# a group of digits, but none that a Latin or Cyrillic letter runs into: a name's ("UN80",
# "Youth4Disarmament", "G20"), which the versions translate or keep as they please
_DIGITS_RE = re.compile(r"(?<![A-Za-z\u00c0-\u024f\u0400-\u04ff0-9])[0-9]+")
# the digits of the other scripts the versions print (Arabic-Indic, Eastern Arabic-Indic, full-width),
# made ASCII before any pattern (dates, symbols) is tried
_ASCII_DIGITS = str.maketrans({chr(base + n): str(n) for base in (0x0660, 0x06F0, 0xFF10) for n in range(10)})


def symbols(text: str) -> Counter[str]:
    """The symbols a text cites, as the texts cite them (``63/71``, ``A/80/534``), each as often as it
    is cited; a step without a digit ("HIV/AIDS") is a term, not a symbol."""
    found: Counter[str] = Counter()
    for match in _SYMBOL_RE.finditer(_SPACED_STEP_RE.sub(r"\1.", text.translate(_ASCII_DIGITS))):
        symbol = _PART_STEP_RE.sub("", match[0].rstrip(".-")).replace(" ", "")
        if match["old"]:
            session = match["session"]
            if session.startswith("د-"):
                session = roman(int(session[2:]))
            symbol = f"{match['old']}({session})"
        elif match["prefix"] in _ARABIC_PREFIXES:
            symbol = _ARABIC_PREFIXES[match["prefix"]] + symbol[len(match["prefix"]) :]
        if any(character.isdigit() for character in symbol):
            found[symbol.removeprefix("A/RES/")] += 1
    return found


def _date_values(groups: dict[str, str | None], language: str | None) -> list[str]:
    """A date's day and year as numbers, its month as ``--MM``: the parts every language prints, so
    that a range ("25 to 27 November 2020", "2020年11月25日至27日") holds the same values in each. A
    month without its day or year is no date ("May consider", "in May")."""
    name = groups.get("month")
    month = month_number(name, language) if name else None
    if month is None or not (groups.get("day") or groups.get("year")):
        return []
    parts = [f"--{month:02d}"]
    for name in ("day", "year"):
        if groups.get(name):
            parts.append(str(int(groups[name] or "0")))
    return parts


def _short_span(match: re.Match[str]) -> str:
    """``2024/25`` as ``2024/2025``; ``1980/67`` (a resolution of 1980, number 67) as it is."""
    if int(match[3]) != (int(match[2]) + 1) % 100:
        return match[0]
    return f"{match[1]}/{match[1][:2]}{match[3]}"


def _digit_values(text: str) -> Counter[str]:
    """Each group of digits by its value, decimals without their trailing zeros ("0.20" is "0.2")."""
    text = _DECIMALS_RE.sub(lambda m: m[1].rstrip("0") or "0", text)
    return Counter(str(int(digits)) for digits in _DIGITS_RE.findall(text))


def _without_dates(text: str, language: str | None, found: Counter[str]) -> str:
    """TEXT with its symbols and dates taken out, the dates' values counted into FOUND."""
    bare = _SYMBOL_RE.sub(" ", _SPACED_STEP_RE.sub(r"\1.", text.translate(_ASCII_DIGITS)))
    bare = _SHORT_SPAN_RE.sub(_short_span, bare)
    pieces: list[str] = []
    last = 0
    for match in date_re(language).finditer(bare):
        parts = _date_values(match.groupdict(), language)
        if not parts:
            continue
        found.update(parts)
        pieces.append(bare[last : match.start()])
        last = match.end()
    pieces.append(bare[last:])
    return " ".join(pieces)


def values(text: str, language: str | None = None) -> Counter[str]:
    """The dates (each part: day, ``--MM``, year) and numbers (digit groups, by value) of a text in
    LANGUAGE, outside the symbols it cites (those are ``symbols``), each as often as it stands."""
    found: Counter[str] = Counter()
    found.update(_digit_values(_without_dates(text, language, found)))
    return found


def reads_words(language: str | None) -> bool:
    """Whether ``word_values`` reads LANGUAGE's numbers in words (not Russian's nor Arabic's)."""
    return (language or "en") in _WORD_LANGUAGES


def word_values(text: str, language: str | None = None) -> Counter[str]:
    """The numbers a text writes in words, from three on: English, French and Spanish cardinals and
    ordinals ("thirteenth", "treizième", "decimotercera", "twenty-five"), read by text2num; Chinese
    ordinals (第 and Han numerals: 第十三次, 第三条), read by cn2an. "One", "un", "first", "second" are
    too often no number at all ("one of", "un État", "second" as in "to second") to count."""
    language = language or "en"
    if language not in _WORD_LANGUAGES:
        return Counter()
    bare = _without_dates(text, language, Counter())
    if language == "zh":
        import cn2an  # loaded for a Chinese text only

        found = Counter(str(cn2an.cn2an(numeral, "smart")) for numeral in _HAN_ORDINAL_RE.findall(bare))
    else:
        from text_to_num import alpha2digit  # loaded where words are read only

        found = _digit_values(alpha2digit(bare, language)) - _digit_values(bare)
    return Counter({value: count for value, count in found.items() if int(value) >= 3})


_WORD_LANGUAGES = frozenset({"en", "fr", "es", "zh"})
_HAN_ORDINAL_RE = re.compile("第([〇零一二三四五六七八九十百千万两]+)")
