"""PDF files with a text layer: every character with its position, size and font, read with pypdfium2
(PDFium, Apache-2.0/BSD), then laid out by ``pdflayout``.

PDFium was chosen on measurement (``bench/bench_pdf.py``): it reads the UN's PDFs about four times
as fast as pdfminer.six, and the same layout analysis gives the same clauses from either. The
characters the PDF draws are taken, and the spaces PDFium infers from where each character starts
(a word gap without a space drawn); the line breaks it infers are left out: ``pdflayout`` finds the
lines itself.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

from ..languages import from_job_number
from . import RawText, UnreadableError
from .pdflayout import Glyph, Page, read_pages

NAME = "pdf"
_ITALIC_FLAG = 1 << 6  # PDF font descriptor flags, bit 7: Italic
_FONT_NAME_BYTES = 128
_PDFIUM_HYPHEN = 0x02  # how PDFium reports a hyphen that ends a line


def detect(data: bytes) -> bool:
    return data[:5] == b"%PDF-"


def read(data: bytes) -> RawText:
    document = tuple(pages(data))
    if not any(page.glyphs for page in document):
        raise UnreadableError("the PDF has no text layer (a scan?)")
    raw = read_pages(document)
    # the job number on the front page ("25-19990 (F)") names the language of the version
    language = from_job_number("".join(glyph.char for glyph in document[0].glyphs))
    hints = {**raw.hints, "language": language} if language else raw.hints
    return raw._replace(reader=NAME, hints=hints)


def pages(data: bytes) -> Iterator[Page]:
    """Every page's characters; UnreadableError for what PDFium cannot open (damaged, encrypted)."""
    import pypdfium2 as pdfium  # heavy: only when a PDF is read

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise UnreadableError(f"cannot read it as a PDF ({error})") from None
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                width, height = page.get_size()
                yield Page(width, height, tuple(_glyphs(page)))
            finally:
                page.close()
    finally:
        document.close()


def _glyphs(page: object) -> Iterator[Glyph]:
    import pypdfium2.raw as pdfium_c

    text_page = page.get_textpage()  # type: ignore[attr-defined]
    handle = text_page.raw
    name = ctypes.create_string_buffer(_FONT_NAME_BYTES)
    flags = ctypes.c_int()
    fonts: dict[tuple[bytes, int], tuple[bool, bool] | None] = {}
    try:
        for index in range(text_page.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(handle, index)
            if pdfium_c.FPDFText_IsGenerated(handle, index) and code != 0x20:
                continue  # a line break PDFium inferred: ``pdflayout`` finds the lines itself
            if code == _PDFIUM_HYPHEN:
                code = ord("-")
            if code < 0x20 or code in (0x7F, 0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
                continue
            left, bottom, right, top = text_page.get_charbox(index, loose=True)
            size = pdfium_c.FPDFText_GetFontSize(handle, index)
            pdfium_c.FPDFText_GetFontInfo(handle, index, name, _FONT_NAME_BYTES, ctypes.byref(flags))
            key = (name.value, flags.value)
            style = fonts.get(key)
            if style is None:
                style = fonts[key] = _style(name.value.decode("latin-1"), flags.value)
            if style is not None:
                yield Glyph(chr(code), left, bottom, right, top, size, *style)
    finally:
        text_page.close()


def _style(font: str, flags: int) -> tuple[bool, bool] | None:
    """(italic, bold) from the font's name (``TimesNewRomanPS-ItalicMT``) or its italic flag; None for a
    bar-code font, whose "characters" are the bars of the job number's bar code."""
    base = font.split("+", 1)[-1].lower()
    if "barcode" in base.replace(" ", "") or "3of9" in base.replace(" ", "") or "code39" in base:
        return None
    italic = bool(flags & _ITALIC_FLAG) or "italic" in base or "oblique" in base or base.endswith("-it")
    bold = "bold" in base or "black" in base or "heavy" in base
    return italic, bold
