"""Compare two resolutions: align their clauses, then redline and classify every group.

The result is data (``records.Comparison``): one ``Change`` per clause or clause group in NEW's
reading order, each deletion placed right after the record of the OLD clause that preceded it, so
a reader sees a dropped paragraph where it stood.
"""

from __future__ import annotations

from .align import Alignment, Group, align
from .languages import shared
from .model import FOOTNOTE, OPERATIVE, PREAMBULAR, TABLE, Clause, Resolution
from .records import (
    ADDED,
    DELETED,
    MERGED,
    MODIFIED,
    SPLIT,
    TAG_FOOTNOTES,
    TAG_TO_OPERATIVE,
    TAG_TO_PREAMBLE,
    UNCHANGED,
    Change,
    Comparison,
    TableDiff,
)
from .redline import kind_of, redline, tags_of
from .tablediff import table_diff


def _footnote_map(alignment: Alignment, old: Resolution) -> dict[str, str]:
    """Old footnote key -> new footnote key, for footnotes paired one to one."""
    notes = {c.key for c in old.clauses if c.type == FOOTNOTE}
    return {
        g.old[0]: g.new[0] for g in alignment.groups if len(g.old) == len(g.new) == 1 and g.old[0] in notes
    }


def _group_change(
    group: Group, old: dict[str, Clause], new: dict[str, Clause], notes: dict[str, str], language: str | None
) -> Change:
    olds = [old[key] for key in group.old]
    news = [new[key] for key in group.new]
    old_text = "\n".join(c.text for c in olds)
    new_text = "\n".join(c.text for c in news)
    diff = redline(old_text, new_text, language)
    old_notes = tuple(n for c in olds for n in c.notes)
    new_notes = tuple(n for c in news for n in c.notes)
    notes_match = [notes.get(n) for n in old_notes] == list(new_notes)
    if len(olds) > 1:
        kind = MERGED
    elif len(news) > 1:
        kind = SPLIT
    else:
        kind = kind_of(diff, notes_match)
    old_verb, new_verb = olds[0].verb, news[0].verb
    tags = tags_of(diff, old_verb, new_verb, language) if kind in (MODIFIED, SPLIT, MERGED) else ()
    if not notes_match:  # the redline cannot show a marker: the tag says it
        tags += (TAG_FOOTNOTES,)
    if olds[0].type != news[0].type and {olds[0].type, news[0].type} == {PREAMBULAR, OPERATIVE}:
        tags += (TAG_TO_OPERATIVE if news[0].type == OPERATIVE else TAG_TO_PREAMBLE,)
    return Change(
        kind=kind,
        old=group.old,
        new=group.new,
        diff=diff,
        similarity=1.0 if kind == UNCHANGED else round(group.similarity, 3),
        moved=group.moved,
        tags=tags,
        clause_type=olds[0].type,
        old_verb=old_verb,
        new_verb=new_verb,
        old_notes=old_notes,
        new_notes=new_notes,
        table=_table(olds, news, language),
    )


def _table(olds: list[Clause], news: list[Clause], language: str | None) -> TableDiff | None:
    """The cell-by-cell diff of a table paired with a table, one to one (a table's text paired with
    a paragraph's has no grid: its redline says all)."""
    if len(olds) != 1 or len(news) != 1 or olds[0].type != TABLE or news[0].type != TABLE:
        return None
    return table_diff(olds[0].text, news[0].text, language)


def _lone_change(clause: Clause, kind: str, language: str | None) -> Change:
    op = 1 if kind == ADDED else -1
    return Change(
        kind=kind,
        old=(clause.key,) if kind == DELETED else (),
        new=(clause.key,) if kind == ADDED else (),
        diff=((op, clause.text),) if clause.text else (),
        clause_type=clause.type,
        old_verb=clause.verb if kind == DELETED else None,
        new_verb=clause.verb if kind == ADDED else None,
        old_notes=clause.notes if kind == DELETED else (),
        new_notes=clause.notes if kind == ADDED else (),
        table=(
            table_diff(
                clause.text if kind == DELETED else None, clause.text if kind == ADDED else None, language
            )
            if clause.type == TABLE
            else None
        ),
    )


def compare(old: Resolution, new: Resolution) -> Comparison:
    """The clause-by-clause comparison of OLD and NEW (what ``resdiff diff --format json`` prints), in
    their language (two texts in different languages are refused: ``languages.shared``)."""
    language = shared(old.language, new.language)
    alignment = align(old, new)
    old_by_key = {c.key: c for c in old.clauses}
    new_by_key = {c.key: c for c in new.clauses}
    new_position = {c.key: k for k, c in enumerate(new.clauses)}
    notes = _footnote_map(alignment, old)

    placed = [
        (new_position[g.new[0]], _group_change(g, old_by_key, new_by_key, notes, language))
        for g in alignment.groups
    ]
    placed += [(new_position[key], _lone_change(new_by_key[key], ADDED, language)) for key in alignment.added]
    changes = [change for _, change in sorted(placed, key=lambda item: item[0])]

    # each deletion right after the record holding the OLD clause before it (a linked list: a
    # search and an insertion into the list for each would take n^2 steps for n deletions)
    following: dict[int, int | None] = {}  # record -> the record after it; -1 is the start
    records = dict(enumerate(changes))
    for k in range(len(changes)):
        following[k - 1] = k
    holder = {key: k for k, change in records.items() for key in change.old}
    deleted = set(alignment.deleted)
    for index, clause in enumerate(old.clauses):
        if clause.key not in deleted:
            continue
        at = len(records)
        records[at] = _lone_change(clause, DELETED, language)
        predecessor = holder.get(old.clauses[index - 1].key, -1) if index > 0 else -1
        following[at] = following.get(predecessor)
        following[predecessor] = at
        holder[clause.key] = at
    ordered = []
    position = following.get(-1)
    while position is not None:
        ordered.append(records[position])
        position = following.get(position)
    return Comparison(old=old, new=new, changes=tuple(ordered))
