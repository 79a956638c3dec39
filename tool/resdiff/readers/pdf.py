"""PDF files with a text layer: every character with its position, size and font, read with pypdfium2
(PDFium, Apache-2.0/BSD), then laid out by ``pdflayout``.

PDFium was chosen on measurement (``bench/bench_pdf.py``): it reads the UN's PDFs about four times
as fast as pdfminer.six, and the same layout analysis gives the same clauses from either. The
characters the PDF draws are taken, and the spaces PDFium infers from where each character starts
(a word gap without a space drawn) where the pen positions bear them out; the line breaks it infers are
left out: ``pdflayout`` finds the lines itself.

PDFium infers a space wherever the PDF moves the pen between two pieces of text, and some PDFs place
the letters of a word in pieces with a slightly wider gap ("defe rred", "Non -Proliferation"). Such a
space is kept only where the gap between the pen's end after the character before it (its origin plus
its advance width in its font) and the next character's origin is a good share of a space in that
font: measured on the 94 UN PDFs, the spaces inside words sit at most 0.6 of a space apart, the word
gaps at least 0.85.

"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

from . import RawText, UnreadableError
from .pdflayout import Glyph, Page, read_pages

NAME = "pdf"
_ITALIC_FLAG = 1 << 6  # PDF font descriptor flags, bit 7: Italic
_FONT_NAME_BYTES = 128
_PDFIUM_HYPHEN = 0x02  # how PDFium reports a hyphen that ends a line
_SPACE_SHARE = 0.7  # an inferred space stands where the gap is at least this share of the font's space


def detect(data: bytes) -> bool:
    return data[:5] == b"%PDF-"


def read(data: bytes) -> RawText:
    document = tuple(pages(data))
    if not any(page.glyphs for page in document):
        raise UnreadableError("the PDF has no text layer (a scan?)")
    return read_pages(document)._replace(reader=NAME)


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
    count = text_page.count_chars()
    try:
        for index in range(count):
            code = pdfium_c.FPDFText_GetUnicode(handle, index)
            if pdfium_c.FPDFText_IsGenerated(handle, index) and (
                code != 0x20 or not _space_stands(handle, index, count)
            ):
                continue  # a line break PDFium inferred (``pdflayout`` finds the lines), or a false space
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


def _space_stands(handle: object, index: int, count: int) -> bool:
    """Whether the space PDFium inferred at ``index`` stands between two words: the pen moved on from
    the end of the character before it by at least ``_SPACE_SHARE`` of a space in that character's font
    (where the font gives no widths, or the space is not between two characters of one line, it does)."""
    import pypdfium2.raw as pdfium_c

    if index == 0 or index + 1 >= count or pdfium_c.FPDFText_IsGenerated(handle, index + 1):
        return True
    before = pdfium_c.FPDFText_GetUnicode(handle, index - 1)
    text_object = pdfium_c.FPDFText_GetTextObject(handle, index - 1)
    font = pdfium_c.FPDFTextObj_GetFont(text_object) if text_object else None
    if not font:
        return True
    size = pdfium_c.FPDFText_GetFontSize(handle, index - 1)
    space, advance = ctypes.c_float(), ctypes.c_float()
    if not (
        pdfium_c.FPDFFont_GetGlyphWidth(font, 0x20, size, ctypes.byref(space))
        and pdfium_c.FPDFFont_GetGlyphWidth(font, before, size, ctypes.byref(advance))
        and space.value > 0
    ):
        return True
    x0, y0, x1, y1 = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharOrigin(handle, index - 1, ctypes.byref(x0), ctypes.byref(y0))
    pdfium_c.FPDFText_GetCharOrigin(handle, index + 1, ctypes.byref(x1), ctypes.byref(y1))
    if abs(y1.value - y0.value) > size / 2:  # not on one baseline: a line break, a superscript
        return True
    return x1.value - x0.value - advance.value >= _SPACE_SHARE * space.value


def _style(font: str, flags: int) -> tuple[bool, bool] | None:
    """(italic, bold) from the font's name (``TimesNewRomanPS-ItalicMT``) or its italic flag; None for a
    bar-code font, whose "characters" are the bars of the job number's bar code."""
    base = font.split("+", 1)[-1].lower()
    if "barcode" in base.replace(" ", "") or "3of9" in base.replace(" ", "") or "code39" in base:
        return None
    italic = bool(flags & _ITALIC_FLAG) or "italic" in base or "oblique" in base or base.endswith("-it")
    bold = "bold" in base or "black" in base or "heavy" in base
    return italic, bold
