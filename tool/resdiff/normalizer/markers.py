"""Bare-digit footnote markers (``Disabilities, 1 to address``, ``Agreement,5``) told from content digits.

Only numbers that have a footnote body qualify; a new marker must be the next number expected; the
digit's position decides the rest (glued to punctuation or to a year, or a standalone number not
introduced by a word that makes it content, like ``article 7``).
"""

from __future__ import annotations

import re

from ..languages import MONTH_NAMES
from .sections import Unit

# words after which a number is content (``article 7``, ``paragraphs 3 and 4``), not a footnote marker
_CONTENT_BEFORE = frozenset(
    " ".join(
        (
            "article articles paragraph paragraphs para. paras. resolution resolutions no. nos. vol. vols.",
            "chapter chap. section sect. annex annexes part rule rules goal goals target targets principle",
            "principles item items protocol page pages p. pp. decision recommendation recommendations phase",
            "level category and or to of on from between by in at than with the a some over about all for",
            "nearly least every each first last top total only these those its their our since until till",
            "sub-item session year years",
            " ".join(MONTH_NAMES).lower(),
        )
    ).split(" ")
)
_ABBREVIATIONS = ("no.", "para.", "vol.", "pp.", "p.")
_MONTH_NAMES = frozenset(m.lower() for m in MONTH_NAMES)
_DIGITS_RE = re.compile(r"\[\^[0-9]+\]|[0-9]+")


def find_bare_markers(units: list[Unit], footnotes: tuple[tuple[int, str], ...]) -> None:
    """Rewrite bare-digit footnote markers as ``[^n]`` tokens, in reading order.

    Only numbers that have a footnote body qualify; a new marker must be the next number
    expected; the digit's position decides the rest (glued to punctuation or to a year, or a
    standalone number not introduced by a word that makes it content, like ``article 7``).
    """
    numbers = {n for n, _ in footnotes}
    expected = 1
    for unit in units:
        out: list[str] = []
        position = 0
        for match in _DIGITS_RE.finditer(unit.text):
            run = match[0]
            if run.startswith("[^"):
                expected = max(expected, int(run[2:-1]) + 1)
                continue
            marker = _marker_in(unit.text, match.start(), match.end(), numbers, expected)
            if marker is None:
                continue
            cut = match.end() - len(str(marker))
            out.append(unit.text[position:cut] + f"[^{marker}]")
            position = match.end()
            expected = max(expected, marker + 1)
        if out:
            unit.text = "".join(out) + unit.text[position:]


def _marker_in(text: str, start: int, end: int, numbers: set[int], expected: int) -> int | None:
    run = text[start:end]
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    after2 = text[end + 1] if end + 1 < len(text) else ""
    if after.isdigit() or (after and after in "/%") or (after and after in ".,:" and after2.isdigit()):
        return None
    if after == "." and (not after2 or after2.isspace()):
        return None  # a paragraph number or a number ending a sentence
    value = int(run)
    if len(run) in (5, 6) and run[:2] in ("19", "20") and int(run[4:]) == expected and run[4] != "0":
        return int(run[4:]) if int(run[4:]) in numbers else None  # ``20 November 20242``
    if value not in numbers or len(run) > 3:
        return None
    before2 = text[start - 2] if start >= 2 else ""
    glued_before = bool(before) and before in ',;:.)”’"' and (len(run) < 3 or not before2.isdigit())
    if glued_before and text[max(0, start - 5) : start].lower().endswith(_ABBREVIATIONS):
        return None
    if before == "." and not (before2.islower() or (before2 and before2 in ")”’")):
        glued_before = False  # ``DEC.1``, ``target 16.4``: a symbol or a number, not a marker
    if glued_before and value <= expected:
        return value
    if (
        before.isalpha()
        and not after.isalnum()
        and (value == expected or (before.islower() and value < expected))
    ):
        return value  # ``Diversity10``; ``Munitions2`` can repeat an earlier footnote
    if before == " " and value == expected and (after in ("", " ", ",", ";", ":") or after.islower()):
        words = text[:start].split()
        previous = words[-1] if words else ""
        if previous.lower() in _CONTENT_BEFORE or previous.lower().rstrip(",") in _MONTH_NAMES:
            return None
        following = text[end:].split()
        if following and following[0].lower().strip(",;.") in _MONTH_NAMES:
            return None
        if previous[-1:].isdigit() and not re.fullmatch(r"[0-9]{4}(?:[–-][0-9]{2,4})?[,;]?", previous):
            return None
        return value
    return None
