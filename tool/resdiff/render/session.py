"""A session comparison (``session.SessionComparison``) as a terminal table, Markdown, JSON or an HTML index.

Every format lays out the same rows (``rows``): per pair the new and old symbols, the committee and
agenda item, the evidence that paired them, the share of words carried over, the records by kind, the
tags, the verbs strengthened or weakened, and the vote; then the texts new this session and those not
re-adopted, each with its reason. The HTML index sorts its table by any column with a few lines of
inline script (no external asset: it works offline), and links each pair to its change report where
``-o DIR`` wrote one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from ..model import Resolution
from ..records import ADDED, DELETED, EDITORIAL, MERGED, MODIFIED, SPLIT
from ..refs import short_symbol
from ..session import Pair, SessionComparison, Unpaired
from ..summary import STRENGTHENED, WEAKENED

FORMATS = ("terminal", "markdown", "html", "json")
TAG_MARKS = (("numbers", "N"), ("citations", "C"), ("verb", "V"), ("footnotes", "F"))
COLUMNS = ("New", "Old", "Committee", "Agenda", "Paired by", "Carried", "Changes", "Tags", "Verbs", "Vote")


@dataclass(frozen=True)
class Row:
    """One pair as every format shows it (text), with the values the HTML index sorts by."""

    new: str
    old: str
    title: str
    committee: str
    agenda: str
    evidence: str
    carried: str
    changes: str
    tags: str
    verbs: str
    vote: str
    vote_detail: str  # the States that changed their vote, where the sources name them
    sort_changed: float
    sort_vote: int
    link: str | None = None


def committee_label(resolution: Resolution) -> str:
    return (resolution.committee or "Plenary").replace(" Committee", "")


def _changes(pair: Pair) -> str:
    counts = pair.comparison.summary()
    changed = counts[MODIFIED] + counts[EDITORIAL] + counts[SPLIT] + counts[MERGED]
    return f"~{changed} +{counts[ADDED]} -{counts[DELETED]}"


def _verbs(pair: Pair) -> str:
    up = sum(1 for v in pair.verbs if v[4] == STRENGTHENED)
    down = sum(1 for v in pair.verbs if v[4] == WEAKENED)
    other = len(pair.verbs) - up - down
    parts = [f"↑{up}" if up else "", f"↓{down}" if down else "", f"±{other}" if other else ""]
    return " ".join(p for p in parts if p) or "-"


def _vote(pair: Pair) -> str:
    old, new = pair.old.vote, pair.new.vote
    if old is None and new is None:
        return "-"

    def figures(vote: object) -> str:
        if vote is None:
            return "?"
        yes, no, abstentions = (getattr(vote, n) for n in ("yes", "no", "abstentions"))
        return "-".join("?" if v is None else str(v) for v in (yes, no, abstentions))

    text = figures(old) if old == new else f"{figures(old)}→{figures(new)}"
    if pair.vote_changes:
        text += f" ({len(pair.vote_changes)} changed)"
    return text


def rows(comparison: SessionComparison, links: dict[str, str] | None = None) -> list[Row]:
    found = []
    for pair in comparison.pairs:
        carried = pair.carried_over
        found.append(
            Row(
                new=short_symbol(pair.new.symbol or ""),
                old=short_symbol(pair.old.symbol or ""),
                title=pair.new.title or "",
                committee=committee_label(pair.new),
                agenda=pair.new.agenda_item or "",
                evidence=", ".join(pair.evidence),
                carried=f"{carried:.0%}" if carried is not None else "-",
                changes=_changes(pair),
                tags="".join(mark if count else "·" for (tag, mark), count in _tag_counts(pair)),
                verbs=_verbs(pair),
                vote=_vote(pair),
                vote_detail=", ".join(f"{s} ({a} → {b})" for s, a, b in pair.vote_changes),
                sort_changed=pair.changed,
                sort_vote=pair.vote_moved,
                link=(links or {}).get(pair.new.symbol or ""),
            )
        )
    return found


def _tag_counts(pair: Pair) -> list[tuple[tuple[str, str], int]]:
    counts = pair.tag_counts()
    return [((tag, mark), counts[tag]) for tag, mark in TAG_MARKS]


def heading(comparison: SessionComparison) -> str:
    c = comparison.counts()
    return (
        f"Session {comparison.new_session} against session {comparison.old_session}: {c['pairs']} pairs, "
        f"{c['new']} without a predecessor here, {c['not_readopted']} not re-adopted"
    )


def legend() -> str:
    marks = ", ".join(f"{mark} {tag}" for tag, mark in TAG_MARKS)
    return (
        f"Changes: ~modified +added -deleted clauses. Tags (clauses so tagged): {marks}. "
        "Verbs: ↑strengthened ↓weakened ±changed. Vote: yes-no-abstentions."
    )


def _unpaired_line(item: Unpaired) -> tuple[str, str, str, str]:
    r = item.resolution
    return short_symbol(r.symbol or ""), committee_label(r), r.title or "", item.note


def render(
    comparison: SessionComparison, fmt: str, *, width: int = 100, links: dict[str, str] | None = None
) -> str:
    if fmt == "json":
        return json.dumps(comparison.to_json(), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return markdown(comparison, links)
    if fmt == "html":
        return html(comparison, links)
    return terminal(comparison, width)


# --- terminal -------------------------------------------------------------------------------------


# columns a narrow terminal drops first, least telling first (the title takes what is left)
_DROPPED_FIRST = ("Paired by", "Agenda", "Committee", "Tags", "Old")


def terminal(comparison: SessionComparison, width: int = 100) -> str:
    """A table that fits ``width`` columns: where it would not, the least telling columns go, and the
    title takes what the others leave."""
    import textwrap

    table = rows(comparison)
    cells = [
        [r.new, r.old, r.committee, r.agenda, r.evidence, r.carried, r.changes, r.tags, r.verbs, r.vote]
        for r in table
    ]
    widths = {h: max([len(h), *(len(row[k]) for row in cells)]) for k, h in enumerate(COLUMNS)}
    shown = list(COLUMNS)
    for column in _DROPPED_FIRST:
        if sum(widths[h] + 2 for h in shown) + 12 <= width:
            break
        shown.remove(column)
    index = [COLUMNS.index(h) for h in shown]
    title_width = width - sum(widths[h] + 2 for h in shown)
    lines = [*textwrap.wrap(heading(comparison), width), *textwrap.wrap(legend(), width), ""]

    def line(values: list[str], title: str) -> str:
        text = "  ".join(values[k].ljust(widths[COLUMNS[k]]) for k in index)
        if title_width >= 6:
            text += "  " + _cut(title, title_width)
        return _cut(text.rstrip(), width)

    lines.append(line(list(COLUMNS), "Title"))
    for row, values in zip(table, cells, strict=True):
        lines.append(line(values, row.title))
        if row.vote_detail:
            detail = f"States that changed their vote: {row.vote_detail}"
            lines += textwrap.wrap(detail, width, initial_indent="    ", subsequent_indent="      ")
    for label, items in (
        (f"New at session {comparison.new_session} (no predecessor among the texts)", comparison.new),
        (f"Of session {comparison.old_session}, not re-adopted", comparison.not_readopted),
    ):
        lines += ["", _cut(f"{label}: {len(items)}", width)]
        for item in items:
            symbol, committee, title, note = _unpaired_line(item)
            lines.append(_cut(f"  {symbol:<10} {committee:<8} {note} — {title}", width))
    if comparison.left_out:
        left = (
            "Left out (drafts, of a later session, or a symbol given twice): "
            f"{', '.join(comparison.left_out)}"
        )
        lines += ["", *textwrap.wrap(left, width)]
    return "\n".join(lines) + "\n"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


# --- markdown -------------------------------------------------------------------------------------


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(comparison: SessionComparison, links: dict[str, str] | None = None) -> str:
    out = [f"# {heading(comparison)}", "", legend(), ""]
    out.append("| " + " | ".join((*COLUMNS[:2], "Title", *COLUMNS[2:])) + " |")
    out.append("|" + "---|" * (len(COLUMNS) + 1))
    for row in rows(comparison, links):
        new = f"[{row.new}]({row.link})" if row.link else row.new
        values = (
            new,
            row.old,
            row.title,
            row.committee,
            row.agenda,
            row.evidence,
            row.carried,
            row.changes,
            row.tags,
            row.verbs,
            row.vote + (f": {row.vote_detail}" if row.vote_detail else ""),
        )
        out.append("| " + " | ".join(_md(v) for v in values) + " |")
    for label, items in (
        (f"New at session {comparison.new_session}", comparison.new),
        (f"Of session {comparison.old_session}, not re-adopted", comparison.not_readopted),
    ):
        out += ["", f"## {label} ({len(items)})", ""]
        for item in items:
            symbol, committee, title, note = _unpaired_line(item)
            out.append(f"- **{symbol}** ({committee}) {_md(title)}: {_md(note)}")
    if comparison.left_out:
        out += [
            "",
            "Left out (drafts, of a later session, or a symbol given twice): "
            f"{', '.join(comparison.left_out)}",
        ]
    return "\n".join(out) + "\n"


# --- html -----------------------------------------------------------------------------------------

_CSS = """
:root { --muted: #57606a; --line: #d0d7de; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5rem auto;
       max-width: 90rem;
       padding: 0 1rem; color: #1f2328; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
.meta { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; position: sticky; top: 0; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; }
th[aria-sort=ascending] button::after { content: " ▲"; }
th[aria-sort=descending] button::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.title { max-width: 28rem; }
td.vote { white-space: nowrap; min-width: 9rem; }
.states { color: var(--muted); font-size: .85rem; white-space: normal; max-width: 18rem; }
.states summary { cursor: pointer; }
@media print { th { position: static; } th button::after { content: none !important; } }
"""

# a click on a column's button sorts the rows by that column's data-sort values (numbers as numbers),
# again to reverse; stable, so ties keep the order before
_SCRIPT = """
document.querySelectorAll('#pairs th button').forEach(function (button) {
  button.addEventListener('click', function () {
    var th = button.parentElement, column = th.cellIndex, table = th.closest('table');
    var body = table.tBodies[0], ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('th').forEach(function (other) { other.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var numeric = th.dataset.type === 'number';
    var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
      var value = row.cells[column].dataset.sort;
      return { row: row, index: index, value: numeric ? parseFloat(value) : value };
    });
    rows.sort(function (a, b) {
      var order = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
      return (ascending ? order : -order) || a.index - b.index;
    });
    rows.forEach(function (item) { body.appendChild(item.row); });
  });
});
"""

# (header, id, numeric?) of each column of the index, in order
_HTML_COLUMNS = (
    ("New", "new", False),
    ("Old", "old", False),
    ("Title", "title", False),
    ("Committee", "committee", False),
    ("Agenda item", "agenda", False),
    ("Paired by", "evidence", False),
    ("Carried over", "carried", True),
    ("Changes", "changes", False),
    ("Tags", "tags", False),
    ("Verbs", "verbs", False),
    ("Vote change", "vote", True),
)


def _agenda_sort(agenda: str) -> str:
    """``99 (ff)`` sorts after ``98 (b)`` and ``99 (z)`` before ``99 (aa)``, as the agenda lists them."""
    number, _, sub = agenda.partition(" ")
    sub = sub.strip("()")
    return f"{int(number):05d} {len(sub):02d}{sub}" if number.isdigit() else agenda


def _symbol_sort(symbol: str) -> str:
    session, _, number = symbol.partition("/")
    return f"{session:>5}/{number:>6}"


def html(comparison: SessionComparison, links: dict[str, str] | None = None) -> str:
    from .html import page

    title = heading(comparison)
    parts = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(legend())} Click a column\'s heading to sort by it; again to reverse.</p>',
    ]
    head = "".join(
        f'<th id="col-{cid}" data-type="{"number" if numeric else "text"}"><button type="button">'
        f"{escape(label)}</button></th>"
        for label, cid, numeric in _HTML_COLUMNS
    )
    parts += ['<table id="pairs">', f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    for row in rows(comparison, links):
        new = f'<a href="{escape(row.link)}">{escape(row.new)}</a>' if row.link else escape(row.new)
        vote = escape(row.vote)
        if row.vote_detail:
            states = row.vote_detail.count(" → ")
            vote += (
                f'<details class="states"><summary>which State{"s" if states > 1 else ""}</summary>'
                f"{escape(row.vote_detail)}</details>"
            )
        cells = (
            (new, _symbol_sort(row.new), ""),
            (escape(row.old), _symbol_sort(row.old), ""),
            (escape(row.title), row.title.casefold(), "title"),
            (escape(row.committee), row.committee, ""),
            (escape(row.agenda), _agenda_sort(row.agenda), ""),
            (escape(row.evidence), row.evidence, ""),
            (escape(row.carried), f"{1 - row.sort_changed:.3f}", "num"),
            (escape(row.changes), row.changes, "num"),
            (escape(row.tags), row.tags, ""),
            (escape(row.verbs), row.verbs, ""),
            (vote, str(row.sort_vote), "vote"),
        )
        tds = "".join(
            f'<td{f" class={css}" if css else ""} data-sort="{escape(key)}">{content}</td>'
            for content, key, css in cells
        )
        parts.append(f'<tr id="pair-{escape(row.new.replace("/", "-"))}">{tds}</tr>')
    parts += ["</tbody>", "</table>"]
    for label, section, items in (
        (f"New at session {comparison.new_session}", "new", comparison.new),
        (f"Of session {comparison.old_session}, not re-adopted", "not-readopted", comparison.not_readopted),
    ):
        parts.append(f'<h2 id="{section}">{escape(label)} ({len(items)})</h2>')
        parts.append(f'<ul id="{section}-list">')
        for item in items:
            symbol, committee, text_title, note = _unpaired_line(item)
            parts.append(
                f"<li><strong>{escape(symbol)}</strong> ({escape(committee)}) {escape(text_title)}: "
                f"{escape(note)}</li>"
            )
        parts.append("</ul>")
    if comparison.left_out:
        parts.append(
            f'<p class="meta">Left out (drafts, of a later session, or a symbol given twice): '
            f"{escape(', '.join(comparison.left_out))}</p>"
        )
    parts.append(f"<script>{_SCRIPT}</script>")
    return page(title, parts, _CSS)
