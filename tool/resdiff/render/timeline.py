"""The timeline of a traced series: a hand-written SVG picture, and a self-contained HTML page
embedding it with the per-version stats, the most edited and the longest-lived clauses.

Versions are columns, lineages rows (in the newest text's order). Each cell is coloured by its kind
and labelled with its clause key and the mark the other formats use; hovering a cell shows its
redline (the ``<title>`` of the cell: plain text, ``[-deleted-]{+inserted+}``). What keeps a long
series readable: columns as wide as the longest key needs (within bounds, a longer key is cut with
"…" and shown whole on hover), headings slanted when a symbol is wider than its column, pale row
bands, the lineage ids on both sides and the headings again below the rows when there are many.

A row's opening words are in the series' language: marked with its ``lang`` and drawn in its script's
fonts (``render.html.FONTS``, so a standalone SVG shows them too), measured by their width in columns
(a Chinese character is two: ``wcwidth``), and an Arabic opening runs right to left from the right
edge of its room, cut at its end as any other.
"""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING

from wcwidth import wcwidth

from ..evolution import longest_lived, most_edited
from ..languages import direction
from ..model import DRAFT_MARK
from ..records import DELETED, Change
from ..refs import short_symbol
from ..report import named_lookalikes
from . import printable
from .history import KIND_FILLS, KIND_NAMES, dated, kind_text, lineage_row, version_name
from .history_html import CSS, header, stats_table
from .html import FONTS, page

if TYPE_CHECKING:
    from ..evolution import History, Lineage

FONT = 11  # px, clause keys and headings
CHAR = 6.7  # px a character of the monospace key font takes at FONT
ROW, ROW_GAP = 20, 3
COLUMN_MIN, COLUMN_MAX, COLUMN_GAP = 56, 156, 4
MISSING_GAP = 20  # the room between two columns whose step skips missing versions
LABEL = 52  # the lineage-id column on either side
OPENING = 176  # px for a row's opening words, beside its lineage id on the left
OPENING_CHAR = 5.9  # px a character of the sans-serif opening words takes at FONT
MARGIN = 12
LEGEND_ROW = 22
PAGE_WIDTH = 960  # px the page's legend wraps to
MANY_ROWS = 25  # past this many lineages the headings are repeated below the rows
_MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
_SANS = "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"


def svg(history: History) -> str:
    """The timeline picture, standalone (``-o timeline.svg``)."""
    return _Picture(printable(history), standalone=True).draw()


def html(history: History) -> str:
    """The timeline page (``-o timeline.html``): the picture, then the stats and rankings."""
    history = printable(history)
    heading = f"Timeline: {history.versions[0].symbol} → {history.versions[-1].symbol}"
    body = header(history, heading)
    body += ['<div id="timeline">', *_Picture(history, standalone=False).panes(), "</div>"]
    body += ["<h2>Words carried over</h2>"]
    body.append(
        '<p class="meta">Share of each version\'s words unchanged since the previous version, '
        "and since the first.</p>"
    )
    body += stats_table(history)
    body += ["<h2>Most edited clauses</h2>", *_ranking(history, most_edited(history), "most-edited")]
    body += ["<h2>Longest-lived clauses</h2>", *_lived(history)]
    return page(heading, body, CSS + PANES_CSS)


def _ranking(history: History, lineages: list[Lineage], name: str) -> list[str]:
    if not lineages:
        return [f'<p id="{name}">None.</p>']
    symbols = [v.symbol for v in history.versions]
    parts = [
        f'<div class="scroll"><table id="{name}">',
        "<thead><tr><th>lineage</th><th>clause now</th><th>origin</th><th>in versions</th>"
        "<th>text changed in</th><th>end</th></tr></thead>",
        "<tbody>",
    ]
    for lineage in lineages:
        last = max(k for k, cell in enumerate(lineage.cells) if cell is not None)
        cell = lineage.cells[last]
        assert cell is not None
        changed = [
            version_name(history.versions[k])
            for k, c in enumerate(lineage.cells)
            if c is not None and c.kind in ("editorial", "modified", "split", "merged", "restored")
        ]
        end = lineage.end
        ended = f"{end.how} in {end.at}" + (f" into {end.into}" if end.into else "") if end else ""
        parts.append(
            f'<tr><th>{lineage.id}</th><td class="key">{escape(" + ".join(cell.keys))} in '
            f"{escape(version_name(history.versions[last]))}</td><td>{escape(lineage.origin)}</td>"
            f'<td class="num">{lineage.present} of {len(symbols)}</td>'
            f"<td>{escape(', '.join(changed))}</td><td>{escape(ended)}</td></tr>"
        )
    parts += ["</tbody>", "</table></div>"]
    return parts


def _lived(history: History) -> list[str]:
    """The lineages by how many versions they are in: one row a tier (all those in every version,
    then the next), with how many of them never changed and their clauses' keys now."""
    count = len(history.versions)
    parts = [
        '<div class="scroll"><table id="longest-lived">',
        "<thead><tr><th>in versions</th><th>clauses</th><th>text never changed</th><th>the clauses now</th>"
        "</tr></thead>",
        "<tbody>",
    ]
    for present, lineages in longest_lived(history):
        steady = sum(not lineage.changes for lineage in lineages)
        keys = []
        for lineage in lineages:
            last = max(k for k, cell in enumerate(lineage.cells) if cell is not None)
            cell = lineage.cells[last]
            assert cell is not None
            where = "" if last == count - 1 else f" in {version_name(history.versions[last])}"
            keys.append(
                f'<span title="{lineage.id}, origin {escape(lineage.origin)}">'
                f"{escape(' + '.join(cell.keys) + where)}</span>"
            )
        parts.append(
            f'<tr><td class="num">{present} of {count}</td><td class="num">{len(lineages)}</td>'
            f'<td class="num">{steady}</td><td class="key">{", ".join(keys)}</td></tr>'
        )
    parts += ["</tbody>", "</table></div>"]
    return parts


# the page's picture as frozen panes (as a spreadsheet freezes its first rows and columns): the column
# headings stick to the top and the row labels to the left of a box that scrolls both ways, so a series
# of 60 versions and 80 lineages never scrolls its labels out of view; CSS only, no script
PANES_CSS = """
.panes { display: grid; overflow: auto; max-height: 85vh; width: max-content; max-width: 100%;
  border: 1px solid #d0d7de; }
.panes > div { background: #ffffff; line-height: 0; }
.panes .corner { position: sticky; top: 0; left: 0; z-index: 3; }
.panes .heads { position: sticky; top: 0; z-index: 2; }
.panes .labels { position: sticky; left: 0; z-index: 1; }
"""


class _Picture:
    def __init__(self, history: History, standalone: bool) -> None:
        self.history = history
        self.standalone = standalone
        self.names = [version_name(v) for v in history.versions]
        self.rows = [lineage_row(history, lineage) for lineage in history.lineages]
        longest = max((len(label) for row in self.rows for label, _ in row), default=4)
        self.column = min(COLUMN_MAX, max(COLUMN_MIN, math.ceil(longest * CHAR) + 12))
        widest_name = max(len(name) for name in self.names) * CHAR
        self.slanted = widest_name > self.column - 6
        self.heading = math.ceil(widest_name * 0.72) + 34 if self.slanted else 34
        self.lefts = [MARGIN + LABEL + OPENING]
        for step in history.steps:
            self.lefts.append(self.lefts[-1] + self.column + (MISSING_GAP if step.skipped else COLUMN_GAP))
        self.width = self.lefts[-1] + self.column + LABEL + MARGIN
        self.kinds = [kind for kind in KIND_NAMES if any(k == kind for row in self.rows for _, k in row)]
        self.legend_top = MARGIN + (28 if standalone else 0)
        self.legend = self._legend_layout(self.kinds, self.width)
        self.top = (
            self.legend_top + LEGEND_ROW * (1 + max((line for _, _, line in self.legend), default=0)) + 8
        )
        self.grid_top = self.top + self.heading
        self.repeat = len(self.rows) > MANY_ROWS
        rows_height = len(self.rows) * (ROW + ROW_GAP)
        self.height = self.grid_top + rows_height + (self.heading if self.repeat else 0) + MARGIN

    def _legend_layout(self, kinds: list[str], room: int) -> list[tuple[str, int, int]]:
        """Each legend entry's kind, left edge and line, wrapped to ``room`` pixels."""
        layout = []
        x, line = MARGIN, 0
        for kind in kinds:
            width = math.ceil(36 + len(KIND_NAMES[kind]) * 6.4)
            if x + width > room - MARGIN and x > MARGIN:
                x, line = MARGIN, line + 1
            layout.append((kind, x, line))
            x += width
        return layout

    def x(self, version: int) -> int:
        return self.lefts[version]

    def draw(self) -> str:
        history = self.history
        title = history.versions[-1].title or "Timeline"
        size = f'width="{self.width}" height="{self.height}" viewBox="0 0 {self.width} {self.height}"'
        namespace = ' xmlns="http://www.w3.org/2000/svg"' if self.standalone else ""
        parts = [
            f'<svg{namespace} {size} role="img" font-family="{_SANS}" font-size="{FONT}">',
            f"<title>{escape(title)}: {len(history.versions)} versions, {len(self.rows)} lineages</title>",
            f'<rect width="{self.width}" height="{self.height}" fill="#ffffff"/>',
        ]
        if self.standalone:  # in the page, its heading names the series
            heading = f'<text x="{MARGIN}" y="{MARGIN + 14}" font-size="15" font-weight="600">'
            parts.append(f"{heading}{escape(title)}</text>")
        parts += [*self._legend(), *self._headings(self.top)]
        for number, (lineage, row) in enumerate(zip(history.lineages, self.rows, strict=True)):
            parts += self._label(number, lineage)
            parts += self._row(number, lineage, row)
        parts += self._gaps()  # over the row bands
        if self.repeat:
            parts += self._headings(self.grid_top + len(self.rows) * (ROW + ROW_GAP), below=True)
        parts.append("</svg>")
        return "\n".join(parts)

    def _legend(self, layout: list[tuple[str, int, int]] | None = None) -> list[str]:
        parts = ['<g id="legend">']
        for kind, x, line in self.legend if layout is None else layout:
            y = self.legend_top + line * LEGEND_ROW
            parts.append(
                f'<rect x="{x}" y="{y + 3}" width="16" height="13" rx="2" fill="{KIND_FILLS[kind]}" '
                'stroke="#8c959f"/>'
            )
            parts.append(f'<text x="{x + 22}" y="{y + 14}">{escape(KIND_NAMES[kind])}</text>')
        parts.append("</g>")
        return parts

    def _headings(self, top: int, below: bool = False) -> list[str]:
        parts = ['<g class="headings" font-weight="600">']
        for number, (name, version) in enumerate(zip(self.names, self.history.versions, strict=True)):
            centre = self.x(number) + self.column / 2
            year = (version.date or "")[:4]
            if DRAFT_MARK in version.symbol:
                year = f"{year} draft".strip()
            hint = f"<title>{escape(dated(version))}</title>"
            if self.slanted and not below:
                base = top + self.heading - 20
                parts.append(
                    f'<text x="{centre - 4:.1f}" y="{base}" transform="rotate(-40 {centre - 4:.1f} {base})">'
                    f"{hint}{escape(name)}</text>"
                )
                parts.append(
                    f'<text x="{centre:.1f}" y="{base + 15}" text-anchor="middle" font-weight="400" '
                    f'fill="#57606a">{escape(year)}</text>'
                )
                continue
            y = top + 14 if below else top + self.heading - 20
            label = name if len(name) * CHAR <= self.column - 4 else _cut(name, self.column - 4)
            parts.append(f'<text x="{centre:.1f}" y="{y}" text-anchor="middle">{hint}{escape(label)}</text>')
            parts.append(
                f'<text x="{centre:.1f}" y="{y + 15}" text-anchor="middle" font-weight="400" '
                f'fill="#57606a">{escape(year)}</text>'
            )
        parts.append("</g>")
        return parts

    def _gaps(self) -> list[str]:
        """Between two columns whose step skips missing versions: a dashed rule, and the missing
        symbols written down the gap."""
        parts = []
        bottom = self.grid_top + len(self.rows) * (ROW + ROW_GAP)
        for number, step in enumerate(self.history.steps):
            if not step.skipped:
                continue
            x = self.x(number + 1) - MISSING_GAP / 2
            first, last = short_symbol(step.skipped[0]), short_symbol(step.skipped[-1])
            label = (
                f"{first} missing"
                if len(step.skipped) == 1
                else f"{len(step.skipped)} missing: {first}…{last}"
            )
            text_end = self.grid_top + len(label) * 6 + 8
            names = escape(", ".join(step.skipped))
            between = f"{escape(step.old)} and {escape(step.new)}"
            parts.append(f'<g class="gap"><title>missing between {between}: {names}</title>')
            parts.append(
                f'<rect x="{x - 7:.1f}" y="{self.grid_top - 2}" width="14" '
                f'height="{text_end - self.grid_top}" fill="#ffffff"/>'
            )
            # turned a quarter clockwise, the letters stand to the right of their baseline
            parts.append(
                f'<text x="{x - 3.5:.1f}" y="{self.grid_top + 2}" transform="rotate(90 {x - 3.5:.1f} '
                f'{self.grid_top + 2})" font-size="10" fill="#cf222e">{escape(label)}</text>'
            )
            if text_end < bottom:
                parts.append(
                    f'<line x1="{x:.1f}" y1="{text_end}" x2="{x:.1f}" y2="{bottom}" stroke="#cf222e" '
                    'stroke-width="2" stroke-dasharray="4 3"/>'
                )
            parts.append("</g>")
        return parts

    def panes(self) -> list[str]:
        """The page's picture: the legend, then the frozen panes (corner, headings, row labels, cells),
        each an SVG showing its part of the one picture (its viewBox), so every coordinate is shared."""
        history = self.history
        left, top, bottom = self.lefts[0], self.top, self.grid_top + len(self.rows) * (ROW + ROW_GAP)
        right = self.width - left
        rows = [
            (self._label(number, lineage), self._row(number, lineage, row))
            for number, (lineage, row) in enumerate(zip(history.lineages, self.rows, strict=True))
        ]
        title = f"{history.versions[-1].title or 'Timeline'}: {len(history.versions)} versions"

        def pane(name: str, x: float, y: float, width: float, height: float, content: list[str]) -> str:
            box = f'viewBox="{x} {y} {width} {height}" width="{width}" height="{height}"'
            svg = f'<svg {box} role="img" font-family="{_SANS}" font-size="{FONT}">'
            return f'<div class="{name}">{svg}<title>{escape(title)}</title>{"".join(content)}</svg></div>'

        room = PAGE_WIDTH  # the page's legend wraps to the page, not to the picture
        layout = self._legend_layout(self.kinds, room)
        height = self.legend_top + LEGEND_ROW * (1 + max((line for _, _, line in layout), default=0))
        legend = f'<svg width="{room}" height="{height}" font-family="{_SANS}" font-size="{FONT}">'
        return [
            legend + "".join(self._legend(layout)) + "</svg>",
            f'<div class="panes" style="grid-template-columns: {left}px {right}px">',
            pane("corner", 0, top, left, self.heading, []),
            pane("heads", left, top, right, self.heading, self._headings(top)),
            pane(
                "labels",
                0,
                self.grid_top,
                left,
                bottom - self.grid_top,
                [p for label, _ in rows for p in label],
            ),
            pane(
                "cells",
                left,
                self.grid_top,
                right,
                bottom - self.grid_top + MARGIN,
                [*(p for _, cells in rows for p in cells), *self._gaps()],
            ),
            "</div>",
        ]

    def _band(self, number: int, y: int) -> list[str]:
        """The pale band behind every other row."""
        if not number % 2:
            return []
        width = self.width - 2 * MARGIN
        return [f'<rect x="{MARGIN}" y="{y - 1}" width="{width}" height="{ROW + 2}" fill="#f6f8fa"/>']

    def _label(self, number: int, lineage: Lineage) -> list[str]:
        """A row's label on the left: its lineage id, and the opening words of its clause (its last
        text), the text's start on hover."""
        y = self.grid_top + number * (ROW + ROW_GAP)
        text_y = y + ROW / 2 + FONT * 0.36
        last = max(k for k, cell in enumerate(lineage.cells) if cell is not None)
        cell = lineage.cells[last]
        assert cell is not None
        text = self.history.resolutions[last].clause(cell.keys[0]).text
        room = OPENING - 10
        opening = text if _width(text, True) * OPENING_CHAR <= room else _cut(text, room, OPENING_CHAR, True)
        origin = f"<title>{lineage.id}: origin {escape(lineage.origin)}</title>"
        hover = f"<title>{escape(' + '.join(cell.keys))}: {escape(text[:300])}</title>"
        return [
            '<g class="label">',
            *self._band(number, y),
            f'<text x="{MARGIN + 2}" y="{text_y:.1f}" font-family="{_MONO}">{origin}{lineage.id}</text>',
            f'<text class="opening" {self._opening_place()} y="{text_y:.1f}" fill="#57606a">{hover}'
            f"{escape(opening)}</text>",
            "</g>",
        ]

    def _opening_place(self) -> str:
        """Where a row's opening words start, and in which language and fonts: an Arabic opening
        starts at the right of its room and runs leftwards."""
        language = self.history.language
        if language in (None, "en"):
            return f'x="{MARGIN + LABEL}"'
        font = escape(FONTS.get(language, _SANS))
        marks = f'lang="{language}" font-family="{font}"'
        if direction(language) == "rtl":
            return f'x="{MARGIN + LABEL + OPENING - 4}" direction="rtl" {marks}'
        return f'x="{MARGIN + LABEL}" {marks}'

    def _row(self, number: int, lineage: Lineage, row: list[tuple[str, str]]) -> list[str]:
        y = self.grid_top + number * (ROW + ROW_GAP)
        text_y = y + ROW / 2 + FONT * 0.36
        parts = [f'<g class="lineage" id="{lineage.id}">', *self._band(number, y)]
        right = self.width - MARGIN - 2
        parts.append(
            f'<text x="{right}" y="{text_y:.1f}" text-anchor="end" font-family="{_MONO}">{lineage.id}</text>'
        )
        for version, (label, kind) in enumerate(row):
            if not kind:
                continue
            x = self.x(version)
            shown = label if len(label) * CHAR <= self.column - 8 else _cut(label, self.column - 8)
            hover = escape(self._hover(lineage, version, label, kind))
            parts.append(
                f'<g class="cell kind-{kind}"><title>{hover}</title>'
                f'<rect x="{x}" y="{y}" width="{self.column}" height="{ROW}" rx="3" '
                f'fill="{KIND_FILLS[kind]}" stroke="#8c959f" stroke-width="0.6"/>'
                f'<text x="{x + self.column / 2:.1f}" y="{text_y:.1f}" text-anchor="middle" '
                f'font-family="{_MONO}" fill="#1f2328">{escape(shown)}</text></g>'
            )
        parts.append("</g>")
        return parts

    def _hover(self, lineage: Lineage, version: int, label: str, kind: str) -> str:
        """The cell's hover text: where it is, its kind, and the redline that led to it."""
        symbol = self.history.versions[version].symbol
        cell = lineage.cells[version]
        if cell is None:  # where the lineage left the series
            what = "merged into " + label[1:] if label.startswith("→") else "deleted"
            change = self.history.record(lineage, version - 1)
            return f"{lineage.id} {what} in {symbol}\n{_plain(change)}"
        where = f"{lineage.id} · {' + '.join(cell.keys)} in {symbol}"
        heading = f"{where} · {kind_text(cell.kind, cell.tags, cell.moved)}"
        if version == 0:
            resolution = self.history.resolutions[0]
            return heading + "\n" + "\n".join(resolution.clause(key).text for key in cell.keys)
        return f"{heading}\n{_plain(self.history.record(lineage, version - 1))}"


def _plain(change: Change | None) -> str:
    """A record's redline as plain text, git's ``[-deleted-]{+inserted+}``."""
    if change is None:
        return ""
    if change.kind == DELETED:
        return "[-" + change.old_text + "-]"
    return "".join(
        text if op == 0 else f"[-{text}-]" if op < 0 else f"{{+{text}+}}"
        for op, text in named_lookalikes(change.diff)
    )


def _columns(character: str, proportional: bool) -> float:
    """The columns a character takes: a Chinese character two, a combining mark none (``wcwidth``);
    in a proportional font a capital or a digit is wider than the average letter (a run of symbols
    such as "CCM/CONF/2015/7" would overflow its room at the average width)."""
    columns = max(wcwidth(character), 0)
    if proportional and columns == 1 and (character.isupper() or character.isdigit()):
        return _WIDE_GLYPH
    return columns


_WIDE_GLYPH = 1.3


def _width(text: str, proportional: bool = False) -> float:
    return sum(_columns(character, proportional) for character in text)


def _cut(text: str, room: float, char: float = CHAR, proportional: bool = False) -> str:
    """The text cut to fit ``room`` pixels (``char`` a column, a wide character two), ending in "…"."""
    columns = max(1, int(room / char) - 1)
    used = 0.0
    for end, character in enumerate(text):
        used += _columns(character, proportional)
        if used > columns:
            return text[: max(end, 1)].rstrip() + "…"
    return text
