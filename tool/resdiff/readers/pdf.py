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
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any, NamedTuple

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
    """The page's characters as ``Glyph`` records, in PDFium's order.

    About a million characters make a session's PDFs, and the per-character work is most of the
    reading (measured: ``bench/bench_session.py``), so it is kept to three PDFium calls, each through
    a bare function pointer (``_Calls``): the code point, the loose box (into one reused rectangle),
    and the character's text object. A text object draws its characters in one font at one size, so
    the font's style and the type size are asked once per text object (tens per page). PDFium's own
    "generated" characters are the spaces it infers and the line breaks (CR, LF) it adds
    (``CPDF_TextPage``); the line breaks are control characters, dropped with the others below, so no
    call asks which characters are generated."""
    import pypdfium2.raw as pdfium_c

    calls = _Calls.get()
    text_page = page.get_textpage()  # type: ignore[attr-defined]
    handle = text_page.raw
    bare = ctypes.c_void_p(ctypes.cast(handle, ctypes.c_void_p).value)
    name = ctypes.create_string_buffer(_FONT_NAME_BYTES)
    flags = ctypes.c_int()
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    unicode_of, loose_box, text_object = calls.unicode, calls.loose_box, calls.text_object
    make = tuple.__new__
    fonts: dict[tuple[bytes, int], tuple[bool, bool] | None] = {}
    objects: dict[int, tuple[float, tuple[bool, bool] | None]] = {}
    try:
        for index in range(text_page.count_chars()):
            code = unicode_of(bare, index)
            if code == _PDFIUM_HYPHEN:
                code = 0x2D
            elif code < 0x20 or code in _NOT_TEXT or 0xD800 <= code <= 0xDFFF:
                continue
            address = text_object(bare, index)
            known = objects.get(address) if address else None
            if known is None:
                size = pdfium_c.FPDFText_GetFontSize(handle, index)
                pdfium_c.FPDFText_GetFontInfo(handle, index, name, _FONT_NAME_BYTES, ctypes.byref(flags))
                key = (name.value, flags.value)
                if key not in fonts:
                    fonts[key] = _style(name.value.decode("latin-1"), flags.value)
                known = (size, fonts[key])
                if address:
                    objects[address] = known
            size, style = known
            if style is not None:
                loose_box(bare, index, box_ref)
                yield make(Glyph, (chr(code), box.left, box.bottom, box.right, box.top, size, *style))
    finally:
        text_page.close()


_NOT_TEXT = frozenset((0x7F, 0xFFFE, 0xFFFF))


class _Calls(NamedTuple):
    """The three per-character PDFium functions as bare function pointers: the same C functions the
    binding calls, without its per-call argument conversion (which costs four fifths of each call).
    Their arguments are already C values: the text page as a ``c_void_p``, an int index, a ``byref``."""

    unicode: Callable[[ctypes.c_void_p, int], int]
    loose_box: Callable[[ctypes.c_void_p, int, Any], int]
    text_object: Callable[[ctypes.c_void_p, int], int | None]

    @staticmethod
    @cache
    def get() -> _Calls:
        import pypdfium2.raw as pdfium_c

        def bare(function: Any, restype: Any) -> Any:
            pointer = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
            pointer.restype = restype
            return pointer

        return _Calls(
            bare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint),
            bare(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int),
            bare(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p),
        )


def _style(font: str, flags: int) -> tuple[bool, bool] | None:
    """(italic, bold) from the font's name (``TimesNewRomanPS-ItalicMT``) or its italic flag; None for a
    bar-code font, whose "characters" are the bars of the job number's bar code."""
    base = font.split("+", 1)[-1].lower()
    if "barcode" in base.replace(" ", "") or "3of9" in base.replace(" ", "") or "code39" in base:
        return None
    italic = bool(flags & _ITALIC_FLAG) or "italic" in base or "oblique" in base or base.endswith("-it")
    bold = "bold" in base or "black" in base or "heavy" in base
    return italic, bold
