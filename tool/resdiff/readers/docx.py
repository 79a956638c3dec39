"""Word (DOCX) files, read with python-docx: one block per paragraph.

What plain text loses, DOCX keeps, and this reader uses it: footnote references (and the
footnotes part, which python-docx does not expose, read from its XML), superscript digits typed as
markers, italic operative verbs, and automatic paragraph numbering, which is rendered as printed
(``1.``, ``(a)``, ``(i)`` per the level's number format in the numbering part).

A draft with tracked changes is read as it stands with every change accepted (insertions in,
deletions out), and says so: python-docx's own ``paragraph.runs`` would skip inserted text and read
neither version.
"""

from __future__ import annotations

import io
from typing import Any

from . import MAX_INFLATED, Block, RawText, UnreadableError, inflates_past

NAME = "docx"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def detect(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04" and b"word/document.xml" in data


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out, number = out + letters, number - value
    return out


def _label(number: int, number_format: str) -> str:
    if number_format == "lowerLetter":
        return f"({chr(ord('a') + (number - 1) % 26)}) "
    if number_format == "lowerRoman":
        return f"({_roman(number)}) "
    return f"{number}. "


class _Numbering:
    """Counters of automatic numbering, per list and level, as Word renders them."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, int], str] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {
            a.get(f"{_W}abstractNumId"): {
                int(lvl.get(f"{_W}ilvl", "0")): fmt.get(f"{_W}val", "decimal")
                for lvl in a.iter(f"{_W}lvl")
                for fmt in lvl.iter(f"{_W}numFmt")
            }
            for a in root.iter(f"{_W}abstractNum")
        }
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = abstract.get(ref.get(f"{_W}val") if ref is not None else None, {})
            for level, number_format in levels.items():
                self.formats[(num.get(f"{_W}numId", ""), level)] = number_format

    def label(self, paragraph: Any) -> str:
        num_pr = _num_pr(paragraph)
        if num_pr is None:
            return ""
        num_id_el, ilvl_el = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
        num_id = num_id_el.get(f"{_W}val", "") if num_id_el is not None else ""
        level = int(ilvl_el.get(f"{_W}val", "0")) if ilvl_el is not None else 0
        if num_id in ("", "0"):
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        counters[level] += 1
        counters[level + 1 :] = [0] * (8 - level)
        return _label(counters[level], self.formats.get((num_id, level), "decimal"))


def _num_pr(paragraph: Any) -> Any:
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return ppr.numPr
    style = paragraph.style
    while style is not None:
        spr = style.element.pPr
        if spr is not None and spr.numPr is not None:
            return spr.numPr
        style = style.base_style
    return None


def _footnote_bodies(document: Any) -> tuple[dict[str, str], bool]:
    """Footnote id -> text as it stands with every tracked change accepted, from the footnotes
    part (ids 0 and -1 are Word's separators), and whether any note had tracked changes."""
    from docx.oxml import parse_xml

    bodies: dict[str, str] = {}
    tracked = False
    for rel in document.part.rels.values():
        if rel.reltype != _FOOTNOTES or rel.is_external:
            continue
        for note in parse_xml(rel.target_part.blob).iter(f"{_W}footnote"):
            if int(note.get(f"{_W}id", "0")) <= 0:
                continue
            texts = []
            for element in note.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}p", f"{_W}delText"):
                wrappers = _tracked_wrappers(element, note)
                tracked = tracked or bool(wrappers)
                if not wrappers & _REMOVED:  # a tab, a break or a new paragraph is a space
                    texts.append(element.text or "" if element.tag == f"{_W}t" else " ")
            bodies[note.get(f"{_W}id")] = " ".join("".join(texts).split())
    return bodies, tracked


def _is_italic(run: Any) -> bool:
    return bool(run.italic or (run.style is not None and run.style.font.italic))


def _check_size(data: bytes) -> None:
    """Refuse a zip whose parts inflate past ``MAX_INFLATED`` in all, before python-docx reads them
    (it reads every part whole). The sizes the zip's directory declares are a true bound: zipfile
    stops a part at its declared size (and then fails its CRC)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise UnreadableError("cannot read it as a DOCX: the zip archive is damaged or cut short") from None
    if sum(part.file_size for part in parts) > MAX_INFLATED:
        raise inflates_past("DOCX")


def read(data: bytes) -> RawText:
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    _check_size(data)
    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds (zip, XML, missing part)
        if isinstance(error, (zipfile.BadZipFile, EOFError, OSError)):
            why = "the zip archive is damaged or cut short"
        elif isinstance(error, (KeyError, PackageNotFoundError)):
            why = "a part every Word document has is missing"
        elif type(error).__name__ == "XMLSyntaxError":
            why = f"its XML is damaged ({error})"
        elif isinstance(error, ValueError) and "content type" in str(error):
            why = "it is not a Word document (an Excel or PowerPoint file?)"
        else:
            why = f"python-docx says {type(error).__name__}: {error}"
        raise UnreadableError(f"cannot read it as a DOCX: {why}") from None
    bodies, tracked = _footnote_bodies(document)
    numbering = _Numbering(document)
    order: dict[str, int] = {}  # footnote id -> number, by first reference (as Word numbers them)
    blocks: list[Block] = []
    joined: tuple[str, str] | None = None  # (text, emphasis) of a paragraph whose mark was struck
    for paragraph in document.paragraphs:
        parts: list[str] = []
        emphasis: list[str] = []
        leading = True  # still in the italic run(s) that open the paragraph
        runs, changed = _accepted_runs(paragraph)
        tracked = tracked or changed
        if joined is not None:  # the text before a struck paragraph mark runs on into this one
            parts.append(joined[0])
            emphasis.append(joined[1])
            leading = not joined[0].strip()  # the opening italics are the first paragraph's
            joined = None
        for run in runs:
            text = ""
            for child in run._r:
                if child.tag == f"{_W}t":
                    text += child.text or ""
                elif child.tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
                    text += "\n" if child.tag != f"{_W}tab" else " "
                elif child.tag == f"{_W}footnoteReference":
                    note_id = child.get(f"{_W}id", "")
                    number = order.setdefault(note_id, len(order) + 1)
                    text += f"[^{number}]"
            if run.font.superscript and text.strip().isdigit():
                text = f"[^{text.strip()}]"
            italic = _is_italic(run) and bool(text.strip())
            if leading and italic:
                emphasis.append(text)
            elif text.strip() and not (leading and not emphasis and _is_number(text)):
                leading = False
            parts.append(text)
        body = "".join(parts)
        if _mark_struck(paragraph):  # accepted, the mark is gone: this paragraph and the next are one
            tracked = True
            joined = (body, "".join(emphasis))
            continue
        if not body.strip():
            if not changed:  # an empty numbered paragraph still takes its number; a struck one does not
                numbering.label(paragraph)
            continue
        blocks.append(Block((numbering.label(paragraph) + body).strip(), "".join(emphasis).strip() or None))
    if joined is not None and joined[0].strip():  # Word keeps the last mark: nothing to join it to
        blocks.append(Block(joined[0].strip(), joined[1].strip() or None))
    footnotes = tuple((number, bodies[note_id]) for note_id, number in order.items() if bodies.get(note_id))
    notices = ("the DOCX has tracked changes: read with every change accepted",) if tracked else ()
    return RawText(reader=NAME, blocks=tuple(blocks), footnotes=footnotes, notices=notices)


_REMOVED = frozenset({f"{_W}del", f"{_W}moveFrom"})  # tracked deletions and moved-away text
_TRACKED = _REMOVED | {f"{_W}ins", f"{_W}moveTo"}


def _mark_struck(paragraph: Any) -> bool:
    """Whether the paragraph mark itself is a tracked deletion (two paragraphs joined)."""
    ppr = paragraph._p.pPr
    mark = ppr.find(f"{_W}rPr") if ppr is not None else None
    return mark is not None and mark.find(f"{_W}del") is not None


def _accepted_runs(paragraph: Any) -> tuple[list[Any], bool]:
    """The paragraph's runs in order as Word shows them with every tracked change accepted
    (also those inside hyperlinks and smart tags), and whether it had tracked changes."""
    from docx.text.run import Run

    runs, tracked = [], False
    for element in paragraph._p.iter(f"{_W}r"):
        wrappers = _tracked_wrappers(element, paragraph._p)
        tracked = tracked or bool(wrappers)
        if not wrappers & _REMOVED:
            runs.append(Run(element, paragraph))
    return runs, tracked


def _tracked_wrappers(element: Any, container: Any) -> set[str]:
    """The tracked changes (insertions, deletions, moves) an element sits in, within its paragraph
    or footnote: the one test both the body and the footnotes read accepted text by."""
    wrappers = set()
    for ancestor in element.iterancestors():
        if ancestor is container:
            break
        if ancestor.tag in _TRACKED:
            wrappers.add(ancestor.tag)
    return wrappers


def _is_number(text: str) -> bool:
    """A typed paragraph number (``1.``) before the italic verb."""
    stripped = text.strip()
    return stripped.endswith(".") and stripped[:-1].isdigit()
