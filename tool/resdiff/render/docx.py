"""DOCX output: the change report as a Word document with real tracked changes.

Each clause is one paragraph (style ``Clause``) whose deletions are ``w:del`` runs (text in
``w:delText``) and insertions ``w:ins`` runs, so Word's "Accept all" yields the new text and
"Reject all" the old one. An added clause also has its paragraph mark inserted, a dropped
clause its mark deleted, so that accepting or rejecting removes the empty paragraph too.
python-docx writes the document; it has no API for revisions, hence the raw ``OxmlElement``s.

A text in another language is set in a style of its own (``Clause`` and the title's ``Resolution
Text``) that carries its language (``w:lang``: Word picks the script's fonts and proofing by it) and,
for Arabic, right-to-left paragraphs and runs (``w:bidi``, ``w:rtl``); the report's own words stay
English and left to right.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from itertools import count

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from ..records import ADDED, DELETED, Change, Op, TableDiff
from ..report import Report, document_label, keys_label, kind_label
from ..summary import Summary

AUTHOR = "resdiff"
CLAUSE_STYLE = "Clause"
LABEL_STYLE = "Clause Label"
TEXT_STYLE = "Resolution Text"
# how Word names a language in w:lang (a BCP 47 tag with its usual region)
_WORD_LANGUAGES = {"fr": "fr-FR", "es": "es-ES", "ru": "ru-RU", "ar": "ar-SA", "zh": "zh-CN"}


_CORE_LIMIT = 255  # characters of a core property (python-docx refuses more; Word shows fewer)


def _core_title(old: str, new: str) -> str:
    """The document's title property: a text without a symbol is named by its file name, which may
    be long; each name is then cut in its middle, its start and its extension kept."""
    title = f"Changes: {old} → {new}"
    if len(title) <= _CORE_LIMIT:
        return title
    room = (_CORE_LIMIT - len("Changes:  → ")) // 2

    def cut(name: str) -> str:
        return name if len(name) <= room else f"{name[: room - 13]}…{name[-12:]}"

    return f"Changes: {cut(old)} → {cut(new)}"


def render(report: Report, *, date: datetime | None = None) -> bytes:
    comparison = report.comparison
    stamp = (date or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    revision_ids = count(1)
    document = Document()
    document.core_properties.author = AUTHOR
    old_label, new_label = document_label(comparison.old), document_label(comparison.new)
    document.core_properties.title = _core_title(old_label, new_label)
    clause_style = document.styles.add_style(CLAUSE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    clause_style.base_style = document.styles["Normal"]
    label_style = document.styles.add_style(LABEL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    label_style.base_style = document.styles["Normal"]
    label_style.font.bold = True
    label_style.paragraph_format.keep_with_next = True
    text_style = document.styles.add_style(TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    text_style.base_style = document.styles["Normal"]
    for style in (clause_style, text_style):
        _set_language(style.element, comparison.language)

    document.add_heading(f"Changes: {old_label} → {new_label}", level=1)
    if comparison.new.title:
        document.add_paragraph(comparison.new.title, style=TEXT_STYLE)
    for line in report.header_notes:
        document.add_paragraph(line)
    if report.caution:
        caution = document.add_paragraph()
        caution.add_run("Caution: ").bold = True
        caution.add_run(report.caution)
    document.add_paragraph(
        f"Old: {old_label}, adopted {comparison.old.adopted or 'on an unknown date'}. "
        f"New: {new_label}, adopted {comparison.new.adopted or 'on an unknown date'}."
    )
    sources = report.sources
    if sources:
        document.add_paragraph(sources)
    _summary(document, report.summary)
    document.add_heading("Clauses", level=2)
    document.add_paragraph(
        "In the new text's order, deletions where they stood, as tracked changes: "
        "accept all of them to read the new text, reject all to read the old one."
    )
    omitted = report.omitted
    if omitted:
        document.add_paragraph(omitted)
    for change in comparison.changes:
        document.add_paragraph(f"{keys_label(change)} · {kind_label(change)}", style=LABEL_STYLE)
        if change.table is not None:
            _table(document, change.table, stamp, revision_ids)
            continue
        paragraph = document.add_paragraph(style=CLAUSE_STYLE)
        _tracked(paragraph, change, stamp, revision_ids)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_language(style: BaseOxmlElement, language: str | None) -> None:
    """A paragraph style's language, and for Arabic its right-to-left direction (paragraph and runs)."""
    tag = _WORD_LANGUAGES.get(language or "")
    if tag is None:
        return
    properties = style.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    if language == "ar":
        style.get_or_add_pPr().append(OxmlElement("w:bidi"))
        properties.append(OxmlElement("w:rtl"))
        lang.set(qn("w:bidi"), tag)
    elif language == "zh":
        lang.set(qn("w:eastAsia"), tag)
    else:
        lang.set(qn("w:val"), tag)
    properties.append(lang)


def _summary(document: DocxDocument, summary: Summary) -> None:
    document.add_heading("Summary", level=2)
    table = document.add_table(rows=len(summary.counts), cols=2)  # a row a kind: fits any page width
    table.style = "Table Grid"
    for row, (name, number) in enumerate(summary.counts):
        table.cell(row, 0).text = name
        table.cell(row, 1).text = str(number)
    for section in summary.sections():
        document.add_heading(section.heading, level=3)
        for item in section.items:
            remark = f" ({item.remark})" if item.remark else ""
            document.add_paragraph(f"{item.keys}: {item.text}{remark}", style="List Bullet")
        if not section.items:
            document.add_paragraph("None.")


def _tracked(paragraph: Paragraph, change: Change, stamp: str, revision_ids: count[int]) -> None:
    if change.kind in (ADDED, DELETED):
        mark = OxmlElement("w:rPr")
        mark.append(_revision("w:ins" if change.kind == ADDED else "w:del", stamp, revision_ids))
        paragraph._p.get_or_add_pPr().append(mark)
    _runs(paragraph, change.diff, stamp, revision_ids)


def _runs(paragraph: Paragraph, diff: tuple[Op, ...], stamp: str, revision_ids: count[int]) -> None:
    """A redline's operations as runs, the changed ones tracked."""
    for op, text in diff:
        if op == 0:
            paragraph._p.append(_run(text, "w:t"))
            continue
        revision = _revision("w:del" if op < 0 else "w:ins", stamp, revision_ids)
        revision.append(_run(text, "w:delText" if op < 0 else "w:t"))
        paragraph._p.append(revision)


def _table(document: DocxDocument, grid: TableDiff, stamp: str, revision_ids: count[int]) -> None:
    """A table clause as a Word table, each cell's redline as tracked changes; a row only one side
    has is itself an inserted or deleted row, so that "Accept all" gives the new table and "Reject
    all" the old one, row for row."""
    table = document.add_table(rows=len(grid.rows), cols=len(grid.columns))
    table.style = "Table Grid"
    for row, cells in zip(table.rows, grid.grid, strict=True):
        present = [cell for cell in cells if cell is not None]
        if present and all(cell.old is None for cell in present):
            row._tr.get_or_add_trPr().append(_revision("w:ins", stamp, revision_ids))
        elif present and all(cell.new is None for cell in present):
            row._tr.get_or_add_trPr().append(_revision("w:del", stamp, revision_ids))
        for place, cell in zip(row.cells, cells, strict=True):
            if cell is not None:
                _runs(place.paragraphs[0], cell.diff, stamp, revision_ids)


def _revision(tag: str, stamp: str, revision_ids: count[int]) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(next(revision_ids)))
    element.set(qn("w:author"), AUTHOR)
    element.set(qn("w:date"), stamp)
    return element


def _run(text: str, text_tag: str) -> BaseOxmlElement:
    """A run; a split/merge group's newline between clauses becomes a line break."""
    run = OxmlElement("w:r")
    for index, line in enumerate(text.split("\n")):
        if index:
            run.append(OxmlElement("w:br"))
        if line:
            element = OxmlElement(text_tag)
            element.set(qn("xml:space"), "preserve")
            element.text = line
            run.append(element)
    return run
