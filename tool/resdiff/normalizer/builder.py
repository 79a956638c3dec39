"""One normalization run: a reader's raw blocks -> metadata from the header, clauses from the body
and annexes, footnotes anchored to the clauses citing them."""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import Clause, Normalized, Resolution, Source, table_text
from ..readers import Block, RawText, opens_preambular_paragraph
from .frontpage import (
    ADOPTED_RE,
    AGENDA_RE,
    COMMITTEE_RE,
    DATE_RE,
    DISTRIBUTED_RE,
    DRAFT_LINE_RE,
    DRAFT_RE,
    DRAFT_SYMBOL_RE,
    REPORT_RE,
    SESSION_RE,
    cited_symbols,
    first_date,
    ordinal,
    sponsors,
)
from .markers import find_bare_markers
from .sections import Record, Section, Unit
from .text import (
    ANNEX_RE,
    DIVISION_RE,
    FURNITURE_RE,
    HEADING_RE,
    LINE_START_RE,
    MEETING_RE,
    NUMBERED_RE,
    OPENER_RE,
    PART_RE,
    TOKEN_RE,
    clean_text,
    ends_clause,
    join_lines,
    roman,
    strip_tokens,
)
from .verbs import derive_verb

MAX_WARNINGS = 20
_ENGLISH_OPENERS = 0.8  # this share of preambular paragraphs opening as English ones do: the text is English



def _language(raw: RawText) -> str | None:
    """The language the source says (a reader's ``language`` hint: AKN's FRBRlanguage, a PDF's job
    number "25-19990 (F)"), else the one the script says (Arabic, Chinese, Russian). English is left
    unsaid (None means English), so the English texts read before languages were told apart keep
    their canonical form."""
    from ..languages import code, from_script

    said = code(raw.hints.get("language")) or from_script(" ".join(b.text for b in raw.blocks[:40]))
    return None if said == "en" else said

class Builder:
    """One normalization run: metadata from the header, clauses from the body and annexes."""

    def __init__(self, raw: RawText, source: Source) -> None:
        self.raw = raw
        self.source = Source(name=source.name, sha256=source.sha256, reader=raw.reader)
        self.warnings: list[str] = list(raw.notices)
        self.name = source.name
        self.draft_line: str | None = None  # a draft's "Sponsors: draft resolution" line, if it is one
        self.divisions: set[str] = set()  # the prefixes of Roman-numbered sections (``I.``, ``A.II.``)
        self.language = _language(raw)

    # --- layout --------------------------------------------------------------------------

    def _locate(self, blocks: list[Block]) -> tuple[int | None, int | None]:
        """The body heading (``72/54. Title``) and the opener line after it."""
        headings = [(i, HEADING_RE.match(b.text.split("\n")[0])) for i, b in enumerate(blocks)]
        # "72/54. Title" first; "72/54." alone on its line (the title below it) only where none is
        heading = next((i for i, m in headings if m and m[4]), None)
        if heading is None:
            heading = next((i for i, m in headings if m and i + 1 < len(blocks)), None)
        if heading is None:  # a draft: its title follows "Sponsors: draft resolution"
            draft = next((i for i, b in enumerate(blocks) if DRAFT_LINE_RE.match(clean_text(b.text))), None)
            if draft is not None and draft + 1 < len(blocks):
                self.draft_line = clean_text(blocks[draft].text)
                heading = draft + 1
        start = heading + 1 if heading is not None else 0
        window = [(i, clean_text(blocks[i].text)) for i in range(start, min(len(blocks), start + 6))]
        opener = next((i for i, line in window if OPENER_RE.match(line)), None)
        # a title whose last line reads "General Assembly" ("... special session of the" / "General
        # Assembly"): the opener is the last of such lines in a row, the others are the title's
        while (
            opener is not None
            and opener + 1 < len(blocks)
            and OPENER_RE.match(clean_text(blocks[opener + 1].text))
        ):
            opener += 1
        if opener is None and heading is not None:  # another language's "The General Assembly,"
            opener = next((i for i, line in window if line.endswith(",") and len(line.split()) <= 6), None)
        return heading, opener

    def build(self) -> Normalized:
        blocks = [
            piece
            for block in self.raw.blocks
            for part in _split_at_opener(block)
            for piece in _split_at_meeting(part)
        ]
        heading, opener = self._locate(blocks)
        if heading is None and opener is None and not any(NUMBERED_RE.match(b.text) for b in blocks):
            raise InputError(
                f"{self.name}: this does not look like a resolution (no heading such as '72/54. Title', "
                "no 'The General Assembly,' line, no numbered paragraphs); give the text of a resolution"
            )
        body_start = (opener if opener is not None else heading if heading is not None else -1) + 1
        header_end = heading if heading is not None else max(body_start - 1, 0)
        symbol, session, title_lines = self._heading(blocks, heading, opener)
        printed_title = clean_text(" ".join(title_lines)) or None
        if symbol is not None and printed_title is None:
            self.warnings.append(f"the body heading {symbol} has no title")
        title = self._complete_title(printed_title)
        heads = {h for h in (printed_title, title, title_lines[0] if title_lines else None) if h}
        parts = self._part_starts(blocks, header_end + 1 if heading is not None else 0)
        body, tail, meeting_text = self._split_body(blocks, parts[0] if parts else body_start, bool(parts))
        sections = self._sections(body, heads) if parts else [("", [], self._units(body, heads))]
        sections = [division for section in sections for division in self._divisions(*section)]
        annexes = self._annexes(tail, heads)
        if self.raw.bare_markers:
            find_bare_markers(  # a table's figures are no markers
                [u for _, _, units in sections for u in units if not u.table]
                + [u for _, units in annexes for u in units if not u.table],
                self.raw.footnotes,
            )
        clauses, footnotes = self._clauses(self._records(sections, annexes))
        header = clean_text("\n".join(b.text for b in blocks[:header_end]))
        if session is None:
            words = SESSION_RE.search(header)
            session = ordinal(words[1]) if words else None
        symbol, session = self._cross_check(symbol, session)
        meeting = MEETING_RE.match(meeting_text)
        adopted = ADOPTED_RE.search(header)
        report = REPORT_RE.search(header) or DRAFT_RE.search(header)
        agenda = AGENDA_RE.search(header)
        distributed = DISTRIBUTED_RE.search(header)
        committee = COMMITTEE_RE.search(header)
        drafted = DRAFT_LINE_RE.match(self.draft_line) if self.draft_line else None
        resolution = Resolution(
            symbol=symbol,
            session=session,
            title=title,
            adopted=first_date(adopted[1]) if adopted else (first_date(meeting[2]) if meeting else None),
            agenda_item=agenda[1] if agenda else None,
            report=report[1] if report else None,
            meeting=meeting[1] if meeting else None,
            cites=tuple(c for c in cited_symbols(clauses + footnotes) if c != symbol),
            clauses=tuple(clauses + footnotes),
            source=self.source,
            distributed=first_date(distributed[1]) if distributed else None,
            committee=" ".join(committee[1].split()) if committee else None,
            sponsors=sponsors(drafted["sponsors"]) if drafted else (),
            language=self.language,
        )
        return Normalized(resolution, collapsed(self.warnings))



    def _heading(
        self, blocks: list[Block], heading: int | None, opener: int | None
    ) -> tuple[str | None, int | None, list[str]]:
        """Symbol and session from ``72/54. Title``, and the title's lines (a title can wrap)."""
        if heading is None:
            return None, None, []
        stop = min([opener if opener is not None else heading + 1, *self._part_starts(blocks, heading + 1)])
        first, *rest = blocks[heading].text.split("\n")
        match = HEADING_RE.match(first)
        if match is None:  # a draft's title: its symbol is the front page's
            lines = [line for b in blocks[heading : max(stop, heading + 1)] for line in b.text.split("\n")]
            header = clean_text(" ".join(b.text for b in blocks[:heading]))
            printed = DRAFT_SYMBOL_RE.search(header)
            if printed is None:
                return None, None, lines
            from ..refs import session_of  # drafts only: every other run is spared its patterns

            return printed[0], session_of(printed[0]), lines
        title_start = [match[4]] if match[4] else []
        lines = [*title_start, *rest] + [
            line for b in blocks[heading + 1 : stop] for line in b.text.split("\n")
        ]
        symbol = f"A/RES/{match[1] or ''}{int(match[2])}/{int(match[3])}"
        # a special session's number is not the regular session's: that one the header may say
        return symbol, None if match[1] else int(match[2]), lines

    @staticmethod
    def _split_body(
        blocks: list[Block], start: int, multi_part: bool
    ) -> tuple[list[Block], list[Block], str]:
        """The body's blocks, what follows the closing meeting line (annexes), and that line.

        A multi-part resolution closes each part with its own meeting line: its body runs to the
        last meeting line before an annex."""
        meetings = [i for i in range(start, len(blocks)) if MEETING_RE.match(blocks[i].text.split("\n")[0])]
        closing = meetings[0] if meetings else None
        if multi_part:
            annex_at = next(
                (i for i in range(start, len(blocks)) if ANNEX_RE.match(blocks[i].text.split("\n")[0])), None
            )
            closing = max((i for i in meetings if annex_at is None or i < annex_at), default=None)
        if closing is None:
            annex_at = next(
                (i for i in range(start, len(blocks)) if ANNEX_RE.fullmatch(blocks[i].text.split("\n")[0])),
                None,
            )
            end = len(blocks) if annex_at is None else annex_at
            return blocks[start:end], blocks[end:], ""
        tail = blocks[closing + 1 :]
        meeting_text = clean_text(blocks[closing].text)
        date, _, after = tail[0].text.strip().partition("\n") if tail else ("", "", "")
        if DATE_RE.fullmatch(clean_text(date)):  # the meeting's date on a line of its own (what a copy
            # ran into it, an annex's heading, is the annex's)
            meeting_text = f"{meeting_text} {clean_text(date)}"
            tail = [Block(after), *tail[1:]] if after.strip() else tail[1:]
        return blocks[start:closing], tail, meeting_text

    def _records(
        self, sections: list[tuple[str, list[str], list[Unit]]], annexes: list[tuple[str, list[Unit]]]
    ) -> list[Record]:
        records: list[Record] = []
        for prefix, part_title, units in sections:
            section = Section(prefix, False, self.warnings, not self.raw.laid_out and _english_openers(units))
            if part_title:
                section.add_heading(" ".join(part_title))
            for unit in units:
                section.feed(unit)
            part = section.finish()
            label = f"part {prefix.rstrip('.')}" if prefix else "main body"
            # a body divided into sections: its operative paragraphs are theirs, and a section's
            # preamble is optional
            divided = any(other.startswith(prefix) and other != prefix for other, _, _ in sections)
            if part and not divided and not any(r.key[len(prefix) :].startswith("OP") for r in part):
                self.warnings.append(f"{label}: no numbered operative paragraph found")
            if prefix not in self.divisions and not any(r.key[len(prefix) :].startswith("PP") for r in part):
                self.warnings.append(f"{label}: no preambular paragraph found")
            records += part
        for prefix, units in annexes:
            section = Section(prefix, True, self.warnings)
            for unit in units:
                section.feed(unit)
            records += section.finish()
        return records

    @staticmethod
    def _part_starts(blocks: list[Block], start: int) -> list[int]:
        """Where the parts of a multi-part resolution begin: a part's label on a line of its own (``A``,
        ``B``, or ``I``, ``II``), its title under it (in the same block where the layout set them
        together), then the part's own ``The General Assembly,``."""
        return [
            i
            for i in range(max(start, 0), len(blocks))
            if PART_RE.fullmatch(blocks[i].text.split("\n", 1)[0].strip())
            and any(OPENER_RE.match(clean_text(b.text)) for b in blocks[i + 1 : i + 5])
        ]

    def _sections(self, blocks: list[Block], heads: set[str]) -> list[tuple[str, list[str], list[Unit]]]:
        """Split a multi-part body into parts: prefix, the part's title lines, its units."""
        starts = self._part_starts(blocks, 0)
        sections: list[tuple[str, list[str], list[Unit]]] = []
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
            label, _, title_lines = blocks[start].text.strip().partition("\n")
            chunk = blocks[start + 1 : end]
            opener = next(i for i, b in enumerate(chunk) if OPENER_RE.match(clean_text(b.text)))
            title = [clean_text(t) for t in (title_lines, *(b.text for b in chunk[:opener])) if t.strip()]
            rest = [
                b
                for b in chunk[opener + 1 :]
                if not MEETING_RE.match(b.text.split("\n")[0]) and not DATE_RE.fullmatch(clean_text(b.text))
            ]
            sections.append((f"{label.strip().rstrip('.')}.", title, self._units(rest, heads)))
        return sections

    def _divisions(
        self, prefix: str, title: list[str], units: list[Unit]
    ) -> list[tuple[str, list[str], list[Unit]]]:
        """A body or part divided into Roman-numbered sections (``I``, ``II``: the Fifth Committee's
        omnibus texts), each with its heading, maybe a preamble of its own, and its numbering from 1
        again: one section each, ``I.OP1``, ``A.II.PP1``. A numeral counts only in its order (I, II, ...)
        and where the next numbered paragraph after it is a ``1.``."""
        starts: list[tuple[int, str, str | None]] = []
        for index, unit in enumerate(units):
            match = DIVISION_RE.match(unit.text.strip())
            if (
                match
                and match[1] == roman(len(starts) + 1)
                and (match[2] is None or (not ends_clause(match[2]) and match[2][:1].isupper()))
                and _numbering_restarts(units[index + 1 :])
            ):
                starts.append((index, match[1], match[2]))
        if not starts:
            return [(prefix, title, units)]
        out = [(prefix, title, units[: starts[0][0]])] if starts[0][0] or title else []
        for n, (index, numeral, heading) in enumerate(starts):
            end = starts[n + 1][0] if n + 1 < len(starts) else len(units)
            chunk = units[index + 1 : end]
            lines = [" ".join(heading.split())] if heading else []
            if not lines and chunk and Section._looks_like_heading(chunk[0].text):
                lines, chunk = [clean_text(chunk[0].text)], chunk[1:]
            division = f"{prefix}{numeral}."
            self.divisions.add(division)
            out.append((division, lines, chunk))
        return out

    def _cross_check(self, symbol: str | None, session: int | None) -> tuple[str | None, int | None]:
        """The body heading's symbol wins; the front matter's is a fallback, and a mismatch is said."""
        hinted = self.raw.hints.get("symbol", "").strip() or None
        if hinted is None and symbol is None:
            self.warnings.append("no body heading such as '72/54. Title': the symbol and title are unknown")
        if hinted is None or hinted == symbol:
            return symbol, session
        if symbol is not None:
            self.warnings.append(f"the front matter says {hinted}, the body heading {symbol}; kept {symbol}")
            return symbol, session
        match = re.fullmatch(r"A/RES/([0-9]{1,3})/[0-9]{1,4}(?:\s?[A-Z]{1,2})?", hinted)
        if match is None:
            return symbol, session
        self.warnings.append(f"no body heading; took the symbol {hinted} from the front matter")
        return hinted, session if session is not None else int(match[1])

    def _complete_title(self, printed: str | None) -> str | None:
        hint = self.raw.hints.get("title", "").strip()
        hint = re.sub(r"\s*:$", "", hint).replace(" : ", ": ")
        if printed is None or not hint:
            return printed
        fold = str.maketrans({"\u2011": "-", "\u00a0": " "})
        if len(hint) > len(printed) and hint.translate(fold).lower().startswith(
            printed.translate(fold).lower()
        ):
            rest = hint[len(printed) :]
            if rest[:1] in (" ", ",", ":"):
                self.warnings.append(
                    "the body heading is cut short; completed it from the front-matter title"
                )
                return printed + rest
        return printed

    def _units(self, blocks: list[Block], heads: set[str], annex: bool = False) -> list[Unit]:
        """Blocks -> units (a paragraph, or the start of one), page furniture and running heads gone."""
        units: list[Unit] = []
        for number, block in enumerate(blocks):
            lines = [line.strip() for line in block.text.split("\n")]
            rows = _table(lines)
            if rows:
                units.append(Unit(table_text(rows), table=True))
                continue
            kept = [
                line
                for index, line in enumerate(lines)
                if line
                and not FURNITURE_RE.match(line)
                and (clean_text(line) not in heads or (annex and number == index == 0))  # an annex title
            ]
            current: list[str] = []
            emphasis = block.emphasis
            for line in kept:
                starts = LINE_START_RE.match(line) or (
                    annex
                    and not self.raw.laid_out  # the layout's blocks are its paragraphs: never guessed apart
                    and current
                    and current[-1].endswith((".", ";"))
                    and len(current[-1].split()) > 3
                    and line[:1].isupper()
                )
                if current and starts:
                    units.append(Unit(join_lines(current), emphasis))
                    current, emphasis = [], None
                current.append(line)
            if current:
                units.append(Unit(join_lines(current), emphasis))
        return units

    def _annexes(self, blocks: list[Block], heads: set[str]) -> list[tuple[str, list[Unit]]]:
        starts = [i for i, b in enumerate(blocks) if ANNEX_RE.match(b.text.split("\n")[0])]
        if not starts:
            if any(clean_text(b.text) for b in blocks):
                self.warnings.append("text after the closing meeting line is not an annex; ignored it")
            return []
        several = len(starts) > 1
        result: list[tuple[str, list[Unit]]] = []
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
            first, *rest = blocks[start].text.split("\n")
            match = ANNEX_RE.match(first)
            assert match is not None
            numeral = match[1] or (roman(n + 1) if several else None)
            prefix = f"ANNEX-{numeral}." if numeral else "ANNEX."
            lead = "\n".join(x for x in [match[2] or "", *rest] if x)
            chunk = ([Block(lead)] if lead else []) + blocks[start + 1 : end]
            result.append((prefix, self._units(chunk, heads, annex=True)))
        return result

    # --- clauses ---------------------------------------------------------------------------

    def _unique(self, records: list[Record]) -> list[Record]:
        """Every key once: a paragraph number printed again (a damaged text) joins the paragraph that
        first carried it, with a warning, so that the canonical text can always be read back."""
        seen: dict[str, Record] = {}
        kept: list[Record] = []
        for record in records:
            first = seen.get(record.key)
            if first is None:
                seen[record.key] = record
                kept.append(record)
                continue
            first.text += " " + record.text
            self.warnings.append(f"{record.key} appears twice; joined the second to the first")
        return kept

    def _clauses(self, records: list[Record]) -> tuple[list[Clause], list[Clause]]:
        records = self._unique(records)
        bodies = dict(self.raw.footnotes)
        order: list[int] = []
        for record in records:
            for match in TOKEN_RE.finditer(record.text):
                number = int(match[1])
                if number not in bodies:
                    self.warnings.append(f"footnote marker {number} has no footnote body; dropped it")
                    bodies[number] = ""
                    continue
                if number not in order and bodies[number]:
                    order.append(number)
        bodies = {n: b for n, b in bodies.items() if b}
        for number in bodies:
            if number not in order:
                self.warnings.append(f"footnote {number} has no marker in the text")
        if order == list(range(1, len(order) + 1)):  # sane: keep the printed numbers
            keys = {n: f"FN{n}" for n in bodies}
        else:
            self.warnings.append("footnote numbers are out of order; renumbered them by first marker")
            ranked = order + [n for n in bodies if n not in order]
            keys = {n: f"FN{i}" for i, n in enumerate(ranked, 1)}
        clauses: list[Clause] = []
        for record in records:
            notes: list[str] = []
            for match in TOKEN_RE.finditer(record.text):
                key = keys.get(int(match[1]))
                if key and key not in notes:
                    notes.append(key)
            text = strip_tokens(record.text)
            verb = None
            local = record.key.rsplit(".", 1)[-1]
            if local.startswith("OP") and "(" not in local:
                emphasis = clean_text(record.emphasis) if record.emphasis else None
                if emphasis and text.startswith(emphasis):
                    verb = emphasis
                elif self.language is None:
                    verb = derive_verb(text)
                else:  # another language: the verbs its texts open with (``languages.verbs``)
                    from ..languages import verbs

                    verb = verbs.derive(text, self.language)
                verb = (verb or "").split("*")[0].rstrip() or None  # the canonical format marks verbs with *
            if not text:
                self.warnings.append(f"{record.key} is empty")
                continue
            clauses.append(Clause(key=record.key, text=text, notes=tuple(notes), verb=verb))
        footnotes = sorted(
            (Clause(key=keys[n], text=clean_text(strip_tokens(b))) for n, b in bodies.items()),
            key=lambda c: int(c.key[2:]),
        )
        return clauses, footnotes


def _split_at_opener(block: Block) -> list[Block]:
    """Give ``The General Assembly,`` a block of its own when a copy ran it into the heading, and a
    draft's title one apart from its "Sponsors: draft resolution" line."""
    lines = block.text.split("\n")
    at = next((i for i, line in enumerate(lines) if i and OPENER_RE.match(line.strip())), None)
    if at is not None:
        rest = [Block("\n".join(lines[at + 1 :]))] if at + 1 < len(lines) else []
        return [*_split_at_draft_line(Block("\n".join(lines[:at]), block.emphasis)), Block(lines[at]), *rest]
    return _split_at_draft_line(block)


def _split_at_meeting(block: Block) -> list[Block]:
    """The closing meeting line as a block of its own (with the date under it) where a copy ran it into
    the paragraph before it or the part after it: a line that is the meeting line and nothing else,
    after a line that ends a clause."""
    if "plenary" not in block.text:  # nearly every block: no pattern to try
        return [block]
    lines = block.text.split("\n")
    at = next(
        (
            i
            for i in range(1, len(lines))
            if (meeting := MEETING_RE.match(clean_text(lines[i])))
            and (not meeting[2] or DATE_RE.fullmatch(meeting[2]))
            and ends_clause(lines[i - 1])
        ),
        None,
    )
    if at is None:
        return [block]
    end = at + 2 if at + 1 < len(lines) and DATE_RE.fullmatch(clean_text(lines[at + 1])) else at + 1
    rest = [Block("\n".join(lines[end:]))] if end < len(lines) else []
    return [Block("\n".join(lines[:at]), block.emphasis), Block("\n".join(lines[at:end])), *rest]


def _table(lines: list[str]) -> list[list[str]] | None:
    """A block that is a table in the Markdown form (every line ``| cell | cell |``, a rule line of
    dashes under the head row left out), as rows of cells; None for any other block."""
    if not lines or not all(len(line) > 2 and line[0] == "|" == line[-1] for line in lines):
        return None
    rows = [[cell.strip() for cell in line[1:-1].split("|")] for line in lines]
    rows = [row for row in rows if not all(re.fullmatch(r":?-{3,}:?", cell) for cell in row)]
    return rows if rows and max(len(row) for row in rows) >= 2 else None


def _numbering_restarts(units: list[Unit]) -> bool:
    """Whether the next numbered paragraph is a ``1.``, and comes after no more than a heading and a
    preamble of a few paragraphs (a section's)."""
    for unit in units[:12]:
        numbered = NUMBERED_RE.match(unit.text)
        if numbered:
            return numbered[1] == "1"
    return False


def _split_at_draft_line(block: Block) -> list[Block]:
    if "raft" not in block.text:  # ("draft", "Draft") nearly every block: no pattern to try
        return [block]
    lines = block.text.split("\n")
    at = next(
        (i for i in range(len(lines) - 1) if DRAFT_LINE_RE.match(clean_text(" ".join(lines[: i + 1])))), None
    )
    if at is None:
        return [block]
    return [Block("\n".join(lines[: at + 1]), block.emphasis), Block("\n".join(lines[at + 1 :]))]


def collapsed(warnings: list[str]) -> tuple[str, ...]:
    """Each warning once, with how many times it was given; no more than ``MAX_WARNINGS`` of them (a
    damaged text can give thousands: the first ones say what is wrong)."""
    counts: dict[str, int] = {}
    for warning in warnings:
        counts[warning] = counts.get(warning, 0) + 1
    lines = [f"{w} ({n:,} times)" if n > 1 else w for w, n in counts.items()]
    if len(lines) > MAX_WARNINGS:
        more = len(lines) - MAX_WARNINGS + 1
        lines = [*lines[: MAX_WARNINGS - 1], f"{more:,} more warnings like these; the text is badly damaged"]
    return tuple(lines)


def _english_openers(units: list[Unit]) -> bool:
    """Whether the preambular paragraphs (the units before the first numbered one that start with a
    capital) nearly all open as English ones do ("Recalling", "Mindful", "Deeply concerned")."""
    preamble: list[str] = []
    for unit in units:
        if NUMBERED_RE.match(unit.text):
            break
        if unit.text[:1].isupper():
            preamble.append(unit.text)
    opening = sum(opens_preambular_paragraph(text, strict=False) for text in preamble)
    return len(preamble) >= 3 and opening >= _ENGLISH_OPENERS * len(preamble)
