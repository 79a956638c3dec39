"""HTML output of a traced series: one self-contained page (inline CSS, no script, no network).

The lineage table colours each cell by its kind and keeps the marks of the other formats, so it
reads in print and without colour vision too; each cell's ``title`` gives its kind and tags. A
blame colours each span by its version (a legend says which) and names the version in the span's
``title``. Every piece of resolution text goes through ``html.escape``.

A series in another language is marked as the change report marks its text (``render.html``'s
helpers): its ``lang``, so the browser takes the script's font, and for Arabic ``dir="rtl"`` with each
run of Latin symbols isolated; the page's own words stay English.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ..refs import short_symbol
from .history import (
    KIND_FILLS,
    KIND_NAMES,
    LEGEND,
    STATS_COLUMNS,
    dated,
    kind_text,
    lineage_row,
    skipped_lines,
    stats_rows,
    version_fill,
    version_name,
)
from .html import page, text_attributes, text_html
from .html import redline as report_redline  # the change report's: both read alike

if TYPE_CHECKING:
    from ..blame import Blame
    from ..evolution import ClauseHistory, History

CSS = """
:root { --muted: #57606a; --line: #d0d7de; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem;
       color: #1f2328; }
h1, h2, h3, table, .meta, .legend { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.meta { color: var(--muted); margin: .2rem 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { border: 1px solid var(--line); padding: .2rem .4rem; text-align: left; white-space: nowrap; }
th { background: #f6f8fa; position: sticky; top: 0; }
td.key { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; }
td.num { text-align: right; }
.legend span { display: inline-block; margin: 0 .8rem .3rem 0; font-size: .85rem; }
.legend i { display: inline-block; width: .9rem; height: .9rem; border: 1px solid #8c959f;
            vertical-align: -.1rem; margin-right: .3rem; }
del { color: #b31d28; background: #ffeef0; text-decoration: line-through; }
ins { color: #22863a; background: #e6ffed; text-decoration: underline; }
.clause { border-left: 4px solid var(--line); padding: .2rem 0 .2rem .8rem; margin: 1rem 0; }
.clause h3 { font-size: .95rem; margin: 0; }
.blamed p { margin: .3rem 0 1rem; }
.blamed span[title] { border-radius: 2px; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } th { position: static; }
  td, .blamed span, .legend i { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def header(history: History, heading: str) -> list[str]:
    versions = history.versions
    first, last = versions[0], versions[-1]
    parts = [f"<h1>{escape(heading)}</h1>"]
    if last.title:
        language = history.language
        title = text_html(last.title, language)
        parts.append(f'<p class="meta" id="title"{text_attributes(language)}>{title}</p>')
    parts.append(
        f'<p class="meta">{len(versions)} versions, {len(history.lineages)} lineages of clauses: '
        f"{escape(dated(first))} → {escape(dated(last))}</p>"
    )
    parts += [f'<p class="meta skipped">{escape(line)}</p>' for line in skipped_lines(history)]
    return parts


def kind_legend(kinds: list[str]) -> str:
    items = [
        f'<span><i style="background:{KIND_FILLS[kind]}"></i>{escape(KIND_NAMES[kind])}</span>'
        for kind in kinds
    ]
    return f'<p class="legend" id="legend">{"".join(items)}</p>'


def stats_table(history: History) -> list[str]:
    parts = [
        '<div class="scroll"><table id="stats">',
        "<thead><tr>" + "".join(f"<th>{name}</th>" for name in STATS_COLUMNS) + "</tr></thead>",
        "<tbody>",
    ]
    for symbol, date, *numbers in stats_rows(history):
        cells = "".join(f'<td class="num">{escape(n)}</td>' for n in numbers)
        parts.append(f"<tr><td>{escape(symbol)}</td><td>{escape(date)}</td>{cells}</tr>")
    parts += ["</tbody>", "</table></div>"]
    return parts


def history(history: History, *, color: bool = False) -> str:
    heading = f"History: {history.versions[0].symbol} → {history.versions[-1].symbol}"
    body = header(history, heading)
    body += ["<h2>Lineages</h2>", kind_legend(list(KIND_NAMES)), f'<p class="meta">{escape(LEGEND)}</p>']
    body += ['<div class="scroll"><table id="lineages">', "<thead><tr><th>lineage</th><th>origin</th>"]
    body += [f"<th>{escape(version_name(v))}</th>" for v in history.versions]
    body += ["</tr></thead>", "<tbody>"]
    for lineage in history.lineages:
        cells = []
        for (label, kind), cell in zip(lineage_row(history, lineage), lineage.cells, strict=True):
            if not kind:
                cells.append("<td></td>")
                continue
            hint = kind_text(cell.kind, cell.tags, cell.moved) if cell else label.replace("×", "deleted")
            cells.append(
                f'<td class="key kind-{kind}" style="background:{KIND_FILLS[kind]}" title="{escape(hint)}">'
                f"{escape(label)}</td>"
            )
        body.append(
            f'<tr id="{lineage.id}"><th>{lineage.id}</th><td>{escape(short_symbol(lineage.origin))}</td>'
            f"{''.join(cells)}</tr>"
        )
    body += ["</tbody>", "</table></div>", "<h2>Words carried over</h2>"]
    body.append(
        '<p class="meta">Share of each version\'s words unchanged since the previous version, '
        "and since the first.</p>"
    )
    body += stats_table(history)
    return page(heading, body, CSS)


def clause(clause: ClauseHistory, *, color: bool = False) -> str:
    lineage = clause.lineage
    language = clause.language
    attributes = text_attributes(language)
    heading = f"{clause.clause} in {clause.symbol}"
    body = [
        f"<h1>{escape(heading)}</h1>",
        f'<p class="meta">Lineage {lineage.id}, origin {escape(lineage.origin)}'
        + (f", split from {lineage.split_from}" if lineage.split_from else "")
        + ". In each version, the redline from the version before: "
        "<del>deleted</del>, <ins>inserted</ins>.</p>",
    ]
    for number, (version, cell, texts) in enumerate(
        zip(clause.versions, lineage.cells, clause.texts, strict=True)
    ):
        change = clause.changes[number - 1] if number else None
        if cell is None:
            gone = change is not None and not change.new
            body.append(
                f'<div class="clause"><h3>{escape(version.symbol)}: {"deleted" if gone else "absent"}</h3>'
            )
            if gone and change is not None:
                body.append(
                    f"<p{attributes}>{report_redline(change, keep=(-1, 0, 1), language=language)}</p>"
                )
            body.append("</div>")
            continue
        kind = kind_text(cell.kind, cell.tags, cell.moved)
        body.append(
            f'<div class="clause kind-{cell.kind}" style="border-color:{KIND_FILLS[cell.kind]}">'
            f"<h3>{escape(version.symbol)}: {escape(' + '.join(cell.keys))} · {escape(kind)}</h3>"
        )
        if change is not None and change.old and change.new:
            body.append(f"<p{attributes}>{report_redline(change, keep=(-1, 0, 1), language=language)}</p>")
        else:
            body.append(
                f"<p{attributes}>" + "<br>\n".join(text_html(text, language) for text in texts) + "</p>"
            )
        body.append("</div>")
    return page(heading, body, CSS)


def blame(blame: Blame, *, color: bool = False) -> str:
    count = len(blame.versions)
    numbers = {symbol: number for number, symbol in enumerate(blame.versions)}
    css = CSS + "".join(f".v{n} {{ background: {version_fill(n, count)}; }}\n" for n in range(count))
    heading = f"Blame: {blame.symbol}"
    language = blame.language
    attributes = text_attributes(language)
    body = [f"<h1>{escape(heading)}</h1>"]
    if blame.title:
        body.append(f'<p class="meta" id="title"{attributes}>{text_html(blame.title, language)}</p>')
    body.append('<p class="meta">Each word coloured by the version since which it has stood unchanged:</p>')
    legend = [f'<span><i class="v{n}"></i>{escape(symbol)}</span>' for symbol, n in numbers.items()]
    body.append(f'<p class="legend" id="legend">{"".join(legend)}</p>')
    body.append('<div class="blamed">')
    for blamed in blame.clauses:
        body.append(
            f'<h3 id="{escape(blamed.key)}">{escape(blamed.key)} <span class="meta">origin '
            f"{escape(blamed.origin)} · last changed {escape(blamed.last_changed)} · "
            f"lineage {escape(blamed.lineage)}</span></h3>"
        )
        spans = "".join(
            f'<span class="v{numbers[span.since]}" title="since {escape(span.since)}">'
            f"{text_html(span.text, language)}</span>"
            for span in blamed.spans
        )
        body.append(f"<p{attributes}>{spans}</p>")
    body.append("</div>")
    return page(heading, body, css)
