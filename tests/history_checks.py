"""Checks shared by the history tests: what must hold of any traced series, synthetic or real."""

from __future__ import annotations

import re

from resdiff.evolution import History
from resdiff.redline import editorial_key

WORD_RE = re.compile(r"[^\W_]+")  # the words of an English text (letters and digits)


def _runs(diff: tuple[tuple[int, str], ...]) -> list[tuple[int, str, str]]:
    """The redline as (op, text, deleted text of its run): equal text alone, an inserted text with
    what the same run of edits deletes."""
    result: list[tuple[int, str, str]] = []
    index = 0
    while index < len(diff):
        if diff[index][0] == 0:
            result.append((0, diff[index][1], ""))
            index += 1
            continue
        deleted, inserted = "", ""
        while index < len(diff) and diff[index][0] != 0:
            op, text = diff[index]
            deleted, inserted = (deleted + text, inserted) if op < 0 else (deleted, inserted + text)
            index += 1
        result.append((1, inserted, deleted))
    return result


def assert_blame_agrees_with_the_last_step(history: History) -> None:
    """Text the last step's redline keeps is dated before the last version; text it inserts is dated
    from it, unless its run of edits only respells what it deletes, or it is a word the same run
    deletes (see resdiff.blame)."""
    last = history.versions[-1].symbol
    dates = {c.key: [s.since for s in c.spans for _ in s.text] for c in history.blame().clauses}
    for change in history.steps[-1].comparison.changes:
        if not change.new:
            continue
        joined = [
            (key, k) for n, key in enumerate(change.new) for k in range(-1 if n else 0, len(dates[key]))
        ]
        position = 0
        for op, text, deleted in _runs(change.diff):
            if op == 0:
                for offset, character in enumerate(text):
                    key, at = joined[position + offset]
                    if at >= 0 and character.strip():
                        assert dates[key][at] != last, (change, text)
            elif deleted == "" or editorial_key(deleted) != editorial_key(text):
                kept = {word.casefold() for word in WORD_RE.findall(deleted)}
                for word in WORD_RE.finditer(text):
                    key, at = joined[position + word.start()]
                    if word[0].casefold() not in kept:
                        assert dates[key][at] == last, (change, word[0])
            position += len(text)
