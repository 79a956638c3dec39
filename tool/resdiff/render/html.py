"""HTML output: one self-contained page (inline CSS, no script, no network) to circulate or print.

The inline and side-by-side views are both in the page; two radio buttons switch between them
with CSS alone, so the page works with scripts disabled and prints the chosen view. Every piece
of resolution text goes through ``html.escape``. Counts carry stable ids (``count-modified``) so
tests and other tools can read them.

The report's own words are English; a text in another language is marked with its ``lang`` (the
browser picks the script's font from the page's font stack: Noto Naskh Arabic, Noto Serif CJK, ...),
and an Arabic text is set right to left (``dir="rtl"``) with every run of Latin symbols in it
(A/RES/80/52, 63/71, A/80/534) isolated (``<bdi>``), so that the bidirectional algorithm never
reorders the parts of a symbol among the Arabic words around it.
"""

from __future__ import annotations

import re
from html import escape

from ..languages import direction
from ..records import CellChange, Change, TableDiff
from ..report import Report, document_label, keys_label, kind_label
from ..summary import Summary, SummaryItem

_CSS = """
:root { --del: #b31d28; --del-bg: #ffeef0; --ins: #22863a; --ins-bg: #e6ffed; --muted: #586069; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem;
       color: #24292e; }
h1, h2, h3, .keys, .kind, table.counts { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
.meta { color: var(--muted); margin-top: 0; }
.caution { border-left: 4px solid var(--del); padding-left: .6em; }
table.counts { border-collapse: collapse; margin: 1rem 0; }
table.counts th, table.counts td { border: 1px solid #d1d5da; padding: .3rem .7rem; text-align: center; }
table.counts td { font-weight: bold; font-size: 1.2rem; }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; }
.change { border-left: 4px solid #d1d5da; padding: .2rem 0 .2rem .8rem; margin: 1rem 0; break-inside: avoid; }
.change.kind-modified, .change.kind-split, .change.kind-merged { border-color: #f9c513; }
.change.kind-added { border-color: var(--ins); }
.change.kind-deleted { border-color: var(--del); }
.change.kind-editorial { border-color: #79b8ff; }
.change h3 { font-size: .95rem; margin: 0; }
.kind { color: var(--muted); font-weight: normal; }
.change p { margin: .3rem 0; }
table.cells { border-collapse: collapse; margin: .3rem 0; }
table.cells td { border: 1px solid #d1d5da; padding: .15rem .5rem; vertical-align: top; }
table.cells tr:first-child td { font-weight: bold; }
table.cells td.cell-changed { outline: 2px solid #f9c513; outline-offset: -2px; }
label.view-switch { font-family: system-ui, sans-serif; margin-right: 1rem; cursor: pointer; }
table.side { border-collapse: collapse; width: 100%; }
table.side th, table.side td { border-top: 1px solid #d1d5da; padding: .4rem; vertical-align: top;
                               width: 50%; }
table.side .keys { display: block; font-size: .85rem; color: var(--muted); }
#view-inline:checked ~ .views #side-view { display: none; }
#view-side:checked ~ .views #inline-view { display: none; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  .view-switch, input[name=view] { display: none; }
  del, ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .change, table.side tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  #clauses { break-before: page; }
}
"""


def render(report: Report) -> str:
    comparison = report.comparison
    old_label, new_label = document_label(comparison.old), document_label(comparison.new)
    title = f"Changes: {old_label} → {new_label}"
    language = comparison.language
    parts = ["<header>", f"<h1>{escape(title)}</h1>"]
    if comparison.new.title:
        marked = text_html(comparison.new.title, language)
        parts.append(f'<p class="meta" id="title"{text_attributes(language)}>{marked}</p>')
    notes = (
        (report.retitled, "retitled"),
        (report.metadata_changed, "metadata"),
        (report.vote, "vote"),
        (report.vote_changes, "vote-changes"),
        (report.comparison.acknowledgement, "acknowledgement"),
    )
    for line, name in notes:
        if line:
            parts.append(f'<p class="meta" id="{name}">{isolate_rtl(line)}</p>')
    if report.caution:
        caution = escape(report.caution)
        parts.append(f'<p class="caution" id="caution"><strong>Caution:</strong> {caution}</p>')
    old_date, new_date = (r.adopted or "on an unknown date" for r in (comparison.old, comparison.new))
    parts.append(
        f'<p class="meta">Old: {escape(old_label)}, adopted {escape(old_date)}'
        f" · New: {escape(new_label)}, adopted {escape(new_date)}</p>"
    )
    sources = report.sources
    if sources:
        parts.append(f'<p class="meta" id="sources">{escape(sources)}</p>')
    parts.append("</header>")
    parts.extend(_summary(report.summary, language))
    parts.extend(_clauses(report, old_label, new_label))
    return page(title, parts, _CSS)


# fonts that show every script of the six languages (Debian: fonts-noto-core, fonts-noto-cjk), each
# after the fonts a reader's system most likely has; a text is marked with its language, so the
# browser takes the stack of its script
FONTS = {
    "ar": '"Noto Naskh Arabic", "Noto Sans Arabic", "Traditional Arabic", "Arabic Typesetting", '
    '"Times New Roman", serif',
    "zh": '"Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "Songti SC", SimSun, '
    '"Microsoft YaHei", serif',
    "ru": 'Georgia, "Times New Roman", "Noto Serif", serif',
}
LANGUAGE_CSS = (
    "\n"
    + "".join(f":lang({language}) {{ font-family: {stack}; }}\n" for language, stack in FONTS.items())
    + "[dir=rtl] { text-align: right; }\nbdi { unicode-bidi: isolate; }\n"
)


# a run of Latin letters, digits and the separators of a symbol, with a letter or a slash in it:
# A/RES/80/52, 63/71, A/80/534, CCM/CONF/2015/7 (a bare number needs no isolation: the
# bidirectional algorithm keeps a number's digits in order in any text)
_LATIN_RUN_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9./\-]*[A-Za-z0-9])?")


def text_attributes(language: str | None) -> str:
    """The ``lang`` and ``dir`` attributes of an element holding a text in LANGUAGE ("" for English)."""
    if language in (None, "en"):
        return ""
    return f' lang="{language}"' + (' dir="rtl"' if direction(language) == "rtl" else "")


def text_html(text: str, language: str | None) -> str:
    """A piece of a text, escaped; in a right-to-left text, each run of Latin symbols isolated."""
    escaped = escape(text)
    if direction(language) != "rtl":
        return escaped
    return _LATIN_RUN_RE.sub(_isolated, escaped)


# a right-to-left value inside one of the report's own (English) lines ("meeting الجلسة العامة 44 →
# الجلسة العامة 52"): from its first Arabic letter to its last letter, digit or bracket before an arrow
# or a semicolon, so that the line's order stays the English one
_ARABIC = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
_RTL_RUN_RE = re.compile(f"[{_ARABIC}](?:[^→;\n]*[{_ARABIC}0-9)])?")


def isolate_rtl(line: str) -> str:
    """One of the report's own lines, escaped, each right-to-left value in it isolated."""
    return _RTL_RUN_RE.sub(lambda match: f"<bdi>{match[0]}</bdi>", escape(line))


def _isolated(match: re.Match[str]) -> str:
    run = match[0]
    if run.isdigit() or not any(character.isalpha() or character == "/" for character in run):
        return run
    return f'<bdi dir="ltr">{run}</bdi>'


def page(title: str, body: list[str], css: str) -> str:
    """A self-contained page: the change report's, and a series' (history, blame, timeline)."""
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{css}{LANGUAGE_CSS}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>", ""])


def _summary(summary: Summary, language: str | None) -> list[str]:
    parts = ['<section id="summary">', "<h2>Summary</h2>", '<table class="counts">', "<tr>"]
    parts += [f"<th>{escape(name)}</th>" for name, _ in summary.counts]
    parts += ["</tr>", "<tr>"]
    parts += [
        f'<td id="count-{escape(name)}" class="count" data-kind="{escape(name)}">{count}</td>'
        for name, count in summary.counts
    ]
    parts += ["</tr>", "</table>"]
    for section in summary.sections():
        parts.append(f"<h3>{escape(section.heading)}</h3>")
        if section.items:
            parts.append(f'<ul id="summary-{section.id}">')
            parts += [f"<li>{_item(item, language)}</li>" for item in section.items]
            parts.append("</ul>")
        else:
            parts.append(f'<p id="summary-{section.id}">None.</p>')
    parts.append("</section>")
    return parts


def _clauses(report: Report, old_label: str, new_label: str) -> list[str]:
    changes = report.comparison.changes
    language = report.comparison.language
    attributes = text_attributes(language)
    parts = [
        '<section id="clauses">',
        "<h2>Clauses</h2>",
        "<p>In the new text's order, deletions where they stood: "
        "<del>deleted</del>, <ins>inserted</ins>.</p>",
        *_omitted(report),
        '<input type="radio" name="view" id="view-inline" checked>',
        '<label for="view-inline" class="view-switch">Inline</label>',
        '<input type="radio" name="view" id="view-side">',
        '<label for="view-side" class="view-switch">Side by side</label>',
        '<div class="views">',
        '<div id="inline-view">',
    ]
    for index, change in enumerate(changes, start=1):
        parts += [
            f'<article class="change kind-{escape(change.kind)}" id="change-{index}" '
            f'data-kind="{escape(change.kind)}">',
            f'<h3><span class="keys">{escape(keys_label(change))}</span> '
            f'<span class="kind">{escape(kind_label(change))}</span></h3>',
            _body(change, (-1, 0, 1), language, attributes),
            "</article>",
        ]
    parts += [
        "</div>",
        '<table class="side" id="side-view">',
        f"<thead><tr><th>{escape(old_label)}</th><th>{escape(new_label)}</th></tr></thead>",
        "<tbody>",
    ]
    for change in changes:
        parts.append(
            f'<tr class="change-row kind-{escape(change.kind)}">'
            f'<td><span class="keys">{escape(" + ".join(change.old))}</span>'
            f"{_side(change, (-1, 0), language, attributes)}</td>"
            f'<td><span class="keys">{escape(" + ".join(change.new))} · {escape(kind_label(change))}</span>'
            f"{_side(change, (0, 1), language, attributes)}</td></tr>"
        )
    parts += ["</tbody>", "</table>", "</div>", "</section>"]
    return parts


def _body(change: Change, keep: tuple[int, ...], language: str | None, attributes: str) -> str:
    """A record's inline view: its table, or its redline as a paragraph."""
    if change.table is not None:
        return table(change.table, keep, language, attributes)
    return f"<p{attributes}>{redline(change, keep=keep, language=language)}</p>"


def _side(change: Change, keep: tuple[int, ...], language: str | None, attributes: str) -> str:
    """One side of a record in the side-by-side view: its table, or its redline."""
    if change.table is not None:
        return table(change.table, keep, language, attributes)
    return _marked(redline(change, keep=keep, language=language), attributes)


def table(grid: TableDiff, keep: tuple[int, ...], language: str | None, attributes: str) -> str:
    """A table clause as a table, each cell its redline in ``keep``; a changed cell carries the class
    ``cell-changed`` (and its row label and column head as data attributes)."""
    rows = []
    for row in grid.grid:
        cells = "".join(_cell(cell, keep, language) for cell in row)
        rows.append(f"<tr>{cells}</tr>")
    return f'<table class="cells"{attributes}>\n' + "\n".join(rows) + "\n</table>"


def _cell(cell: CellChange | None, keep: tuple[int, ...], language: str | None) -> str:
    if cell is None:
        return "<td></td>"
    marked = _ops(cell.diff, keep, language)
    if not cell.changed:
        return f"<td>{marked}</td>"
    place = f'data-row="{escape(cell.row)}" data-column="{escape(cell.column)}"'
    return f'<td class="cell-changed" {place}>{marked}</td>'


def redline(change: Change, keep: tuple[int, ...], language: str | None = None) -> str:
    """The record's operations in ``keep``, marked up; a split/merge's clauses on their own lines."""
    return _ops(change.diff, keep, language)


def _ops(diff: tuple[tuple[int, str], ...], keep: tuple[int, ...], language: str | None) -> str:
    pieces = []
    for op, text in diff:
        if op not in keep:
            continue
        marked = text_html(text, language).replace("\n", "<br>\n")
        if op < 0:
            marked = f"<del>{marked}</del>"
        elif op > 0:
            marked = f"<ins>{marked}</ins>"
        pieces.append(marked)
    return "".join(pieces)


def _marked(html: str, attributes: str) -> str:
    """A text's HTML in a span carrying its language and direction (English needs none)."""
    return f"<span{attributes}>{html}</span>" if attributes else html


def _omitted(report: Report) -> list[str]:
    omitted = report.omitted
    return [f'<p id="omitted">{escape(omitted)}</p>'] if omitted else []


def _item(item: SummaryItem, language: str | None) -> str:
    remark = f' <span class="direction {item.remark}">({item.remark})</span>' if item.remark else ""
    text = escape(item.text)
    if language not in (None, "en"):  # a text's words (the report's own stay English): isolated
        text = f"<bdi{text_attributes(language)}>{text_html(item.text, language)}</bdi>"
    return f'<span class="keys">{escape(item.keys)}</span>: {text}{remark}'
