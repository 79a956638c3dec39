"""A change report as data: the (filtered) comparison a renderer lays out, with the labels every
format shares. The summary it opens with is computed on first use (``summary.py``); the renderers
in ``resdiff.render`` only lay this out, so every format tells the same story.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from .model import FOOTNOTE, Resolution, Vote
from .records import EDITORIAL, TAG_FOOTNOTES, UNCHANGED, Change, Comparison

if TYPE_CHECKING:
    from .summary import Summary


@dataclass(frozen=True)
class Report:
    """A (filtered) comparison and its summary: everything a renderer needs."""

    comparison: Comparison
    caution: str | None = None  # see ``unrelated``: on stderr, and in the documents people circulate

    @cached_property
    def summary(self) -> Summary:
        """Made on first use: JSON output never needs it, and it is not free."""
        from .summary import summarize

        return summarize(self.comparison)

    @property
    def retitled(self) -> str | None:
        """The old title when the new text was retitled: the header shows the new title only, and
        no clause record carries the title."""
        old, new = self.comparison.old.title, self.comparison.new.title
        return f"Retitled; the old title was: {old}" if old and new and old != new else None

    @property
    def metadata_changed(self) -> str | None:
        """The other metadata that changed (the header shows symbols, titles and dates): across
        years it tells which committee report and meeting adopted each text; for a corrected
        text, it is why ``--exit-code`` says the texts differ."""
        old, new = self.comparison.old, self.comparison.new
        changed = [
            f"{label} {getattr(old, name) or '(none)'} → {getattr(new, name) or '(none)'}"
            for name, label in (("agenda_item", "agenda item"), ("report", "report"), ("meeting", "meeting"))
            if getattr(old, name) != getattr(new, name)
        ]
        return f"Also changed: {'; '.join(changed)}." if changed else None

    @property
    def vote(self) -> str | None:
        """The recorded votes (a fetched text keeps its library record's) and how they changed: how
        many States now vote for a resolution is often the news of the year."""
        old, new = self.comparison.old.vote, self.comparison.new.vote
        if old is None and new is None:
            return None
        if old == new:
            return f"Vote: {new} (unchanged)."
        if old is None or new is None:
            return f"Vote: {old or 'not recorded'} → {new or 'not recorded'}."
        return f"Vote: {_vote_change(old, new)}."

    @property
    def vote_changes(self) -> str | None:
        """Which States changed their vote, where both texts' sources name the voters: what a delegation
        reads first after the figures."""
        changes = self.comparison.vote_changes
        if not changes:
            return None
        listed = ", ".join(f"{state} ({before} → {after})" for state, before, after in changes)
        return f"States that changed their vote: {listed}."

    @property
    def header_notes(self) -> tuple[str, ...]:
        """The lines every format prints under its heading: a new title, other metadata changed, the vote
        and who changed it."""
        lines = (self.retitled, self.metadata_changed, self.vote, self.vote_changes)
        return tuple(line for line in lines if line)

    @property
    def sources(self) -> str | None:
        """The files the two texts were read from, so that a circulated report can be traced back
        to them (a corpus text keeps the name and hash of the file it was normalized from)."""
        sources = [
            f"{side} from {r.source.name} (sha256 {r.source.sha256[:12]})"
            for side, r in (("old", self.comparison.old), ("new", self.comparison.new))
            if r.source is not None
        ]
        return f"Texts read: {'; '.join(sources)}." if sources else None

    @property
    def omitted(self) -> str | None:
        """Says that --changes-only left clauses out, so that a reader does not take them for lost."""
        count = self.comparison.omitted_unchanged
        if not count:
            return None
        return f"{count} unchanged clause{'s are' if count > 1 else ' is'} left out (--changes-only)."


def _vote_change(old: Vote, new: Vote) -> str:
    """``150 → 155 in favour, 2 against, 12 → 10 abstentions``: each figure once when it did not change."""
    parts = []
    for name, label in (("yes", "in favour"), ("no", "against"), ("abstentions", "abstentions")):
        before, after = (getattr(v, name) for v in (old, new))
        shown = ["?" if count is None else str(count) for count in (before, after)]
        parts.append(f"{shown[1]} {label}" if before == after else f"{shown[0]} → {shown[1]} {label}")
    if old.non_voting is not None or new.non_voting is not None:
        before, after = ("?" if v.non_voting is None else str(v.non_voting) for v in (old, new))
        parts.append(f"{after} non-voting" if before == after else f"{before} → {after} non-voting")
    return ", ".join(parts)


def filter_comparison(
    comparison: Comparison, *, changes_only: bool = False, ignore_editorial: bool = False
) -> Comparison:
    """Apply --ignore-editorial (editorial records count and show as unchanged, in their new
    wording) and --changes-only (drop unchanged records, but keep a moved one: moving is a change)."""
    changes = comparison.changes
    if ignore_editorial:
        changes = tuple(_as_unchanged(change) if change.kind == EDITORIAL else change for change in changes)
    omitted = comparison.omitted_unchanged
    if changes_only:
        kept = tuple(change for change in changes if change.kind != UNCHANGED or change.moved)
        omitted += len(changes) - len(kept)
        changes = kept
    return replace(comparison, changes=changes, omitted_unchanged=omitted)


def _as_unchanged(change: Change) -> Change:
    return replace(change, kind=UNCHANGED, diff=((0, change.new_text),), similarity=1.0, tags=())


def build_report(
    comparison: Comparison, *, changes_only: bool = False, ignore_editorial: bool = False
) -> Report:
    filtered = filter_comparison(comparison, changes_only=changes_only, ignore_editorial=ignore_editorial)
    return Report(filtered, caution=unrelated(comparison))


def unrelated(comparison: Comparison) -> str | None:
    """A caution when OLD and NEW look like two different resolutions rather than two years of one:
    their titles differ (or one is missing) and fewer than half the clauses of the shorter text pair
    with a clause of the other (a retitled successor keeps most of its clauses; the 80th session's
    resolutions, compared with one another, never share half)."""
    old, new = comparison.old, comparison.new
    if old.title and new.title and old.title == new.title:
        return None
    body = min(sum(c.type != FOOTNOTE for c in r.clauses) for r in (old, new))
    paired = sum(len(c.old) for c in comparison.changes if c.old and c.new and c.clause_type != FOOTNOTE)
    if not body or paired * 2 >= body:
        return None
    titles = "have different titles and " if old.title and new.title else ""
    return (
        f"{document_label(old)} and {document_label(new)} {titles}share only {paired} of the {body} clauses "
        "of the shorter text: are they two years of the same resolution?"
    )


def keys_label(change: Change) -> str:
    """'OP8 → OP10', '— → OP3' for an added clause, 'OP4 → OP4 + OP5' for a split."""
    return pair_label(change.old, change.new)


def pair_label(old: tuple[str, ...], new: tuple[str, ...]) -> str:
    return f"{' + '.join(old) or '—'} → {' + '.join(new) or '—'}"


def kind_label(change: Change) -> str:
    """'modified (verb, numbers), moved': the record's kind with its tags; a footnote change names
    the footnotes, since the redline of the words cannot show it ('footnotes FN2 → none')."""
    label = change.kind
    if change.tags:
        tags = [_notes_label(change) if tag == TAG_FOOTNOTES else tag for tag in change.tags]
        label += f" ({', '.join(tags)})"
    if change.moved:
        label += ", moved"
    return label


def _notes_label(change: Change) -> str:
    return f"{TAG_FOOTNOTES} {' '.join(change.old_notes) or 'none'} → {' '.join(change.new_notes) or 'none'}"


def document_label(resolution: Resolution) -> str:
    """The symbol of a resolution, or its source file name when it has none."""
    if resolution.symbol:
        return resolution.symbol
    return resolution.source.name if resolution.source else "(no symbol)"


# characters that look alike, or like nothing, in most fonts: a redline that swaps one for another
# ("post-conflict" -> "post‑conflict", a hyphen become non-breaking) names them in the plain-text and
# terminal views, where ``post[---]{+‑+}conflict`` would read as nothing changed
LOOKALIKES = {
    "-": "hyphen-minus",
    "\u2010": "hyphen",
    "\u2011": "non-breaking hyphen",
    "\u2012": "figure dash",
    "\u2013": "en dash",
    "\u2014": "em dash",
    "\u2212": "minus sign",
    "\u00ad": "soft hyphen",
    " ": "space",
    "\u00a0": "no-break space",
    "\u202f": "narrow no-break space",
    "\u2009": "thin space",
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
}


def named_lookalikes(diff: tuple[tuple[int, str], ...]) -> tuple[tuple[int, str], ...]:
    """The redline with each swap of look-alike characters for others (a deletion and an insertion,
    side by side, of nothing else) spelt out: ``⟨hyphen-minus⟩`` → ``⟨non-breaking hyphen⟩``."""
    named = list(diff)
    for at in range(len(named) - 1):
        (first, old), (second, new) = named[at], named[at + 1]
        if {first, second} == {-1, 1} and old != new and _all_lookalike(old) and _all_lookalike(new):
            named[at], named[at + 1] = (first, _spelt(old)), (second, _spelt(new))
    return tuple(named)


def _all_lookalike(text: str) -> bool:
    return bool(text) and all(character in LOOKALIKES for character in text)


def _spelt(text: str) -> str:
    return "".join(f"⟨{LOOKALIKES[character]}⟩" for character in text)
