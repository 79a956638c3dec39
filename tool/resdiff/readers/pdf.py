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
import re
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any, NamedTuple

from ..languages import from_job_number
from . import MAX_INFLATED, RawText, UnreadableError, inflates_past
from .pdflayout import Glyph, Page, read_pages

NAME = "pdf"
_ITALIC_FLAG = 1 << 6  # PDF font descriptor flags, bit 7: Italic
_FONT_NAME_BYTES = 128
_PDFIUM_HYPHEN = 0x02  # how PDFium reports a hyphen that ends a line
_SPACE_SHARE = 0.7  # an inferred space stands where the gap is at least this share of the font's space


def detect(data: bytes) -> bool:
    return data[:5] == b"%PDF-"


def read(data: bytes) -> RawText:
    if inflated_size(data, MAX_INFLATED) > MAX_INFLATED:
        raise inflates_past("PDF")
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
        if error.err_code == pdfium.raw.FPDF_ERR_PASSWORD:
            raise UnreadableError(
                "the PDF is password-protected", "save a copy without the password, or give its text"
            ) from None
        raise UnreadableError(f"cannot read it as a PDF ({error})") from None
    if pdfium.raw.FPDF_GetSecurityHandlerRevision(document.raw) != -1:
        # opened without a password (its owner only restricted it), but its streams are encrypted,
        # so what they inflate to cannot be told before PDFium inflates them
        document.close()
        raise UnreadableError(
            "the PDF is encrypted (password-protected by its owner)",
            "save a copy without the protection, or give its text",
        )
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
    (``CPDF_TextPage``); the line breaks are control characters, dropped with the others below, so only
    a space is asked whether it was generated (and then whether it stands: ``_space_stands``)."""
    import pypdfium2.raw as pdfium_c

    calls = _Calls.get()
    text_page = page.get_textpage()  # type: ignore[attr-defined]
    handle = text_page.raw
    bare = ctypes.c_void_p(ctypes.cast(handle, ctypes.c_void_p).value)
    name = ctypes.create_string_buffer(_FONT_NAME_BYTES)
    flags = ctypes.c_int()
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    corners = _RECTF.unpack_from  # the box's four floats in one call, not four field reads
    unicode_of, loose_box, text_object = calls.unicode, calls.loose_box, calls.text_object
    make = tuple.__new__
    fonts: dict[tuple[bytes, int], tuple[bool, bool] | None] = {}
    objects: dict[int, tuple[float, tuple[bool, bool] | None]] = {}
    count = text_page.count_chars()
    try:
        for index in range(count):
            code = unicode_of(bare, index)
            if code == 0x20 and pdfium_c.FPDFText_IsGenerated(handle, index) and not _space_stands(
                handle, index, count
            ):
                continue  # a space PDFium inferred where the pen did not move on: a word split in pieces
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
                left, top, right, bottom = corners(box)
                yield make(Glyph, (chr(code), left, bottom, right, top, size, *style))
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


_NOT_TEXT = frozenset((0x7F, 0xFFFE, 0xFFFF))
_RECTF = struct.Struct("=4f")  # PDFium's FS_RECTF: left, top, right, bottom as C floats


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


# --- what the streams inflate to -------------------------------------------------------------------------
# PDFium inflates a stream whole, and aborts the process when memory runs out, so a stream must be
# measured before PDFium opens the file: every ``stream`` keyword in the bytes (whatever the
# cross-reference table says), decoded through the filters its dictionary names, counting the bytes
# and keeping none. A filter that fails on the first bytes is taken for a name that was no filter of
# this stream and left out; any stream is also tried as plain Flate (its real filter name may be hidden
# from the scan); images (DCT, JPX, JBIG2, CCITT) are not decoded to read the text.
_STREAM_RE = re.compile(rb"stream(?:\r\n|\n|\r)")  # (a lookbehind for "endstream" is 50 times as slow)
_OBJECT_RE = re.compile(rb"[0-9]+\s+[0-9]+\s+obj\Z")
_NAME_RE = re.compile(rb"/([A-Za-z0-9]+)")
_WINDOW = 65_536  # how far before ``stream`` its dictionary is looked for
_PIECE = 65_536  # bytes decoded at a time
_MAX_FILTERS = 8


class _Failed(Exception):
    """A filter that cannot decode its input (any more)."""


def inflated_size(data: bytes, budget: int) -> int:
    """What the streams of a PDF inflate to, counted until it exceeds ``budget`` (then some)."""
    view = memoryview(data)
    total = 0
    for match in _STREAM_RE.finditer(data):
        if data[match.start() - 1 : match.start()].isalpha():  # "endstream"
            continue
        start = match.end()
        end = data.find(b"endstream", start)
        raw = view[start : end if end >= 0 else len(data)]
        dictionary = _dictionary(data[max(0, match.start() - _WINDOW) : match.start()])
        names = [_FILTERS[n] for n in _NAME_RE.findall(dictionary) if n in _FILTERS][:_MAX_FILTERS]
        count = _decoded(raw, names, budget - total)
        if "flate" not in names:
            count = max(count, _decoded(raw, ["flate"], budget - total))
        total += count
        if total > budget:
            break
    return total


def _dictionary(window: bytes) -> bytes:
    """The end of ``window`` after its last ``N G obj`` (all of it if there is none)."""
    at = window.rfind(b"obj")
    while at >= 0:
        if _OBJECT_RE.search(window, max(0, at - 24), at + 3) and not window[at + 3 : at + 4].isalpha():
            return window[at + 3 :]
        at = window.rfind(b"obj", 0, at)
    return window


def _decoded(raw: memoryview, names: list[str], budget: int) -> int:
    """The bytes every filter of the chain puts out, in all (PDFium holds each whole), up to
    ``budget``; a filter that fails before putting anything out is dropped and the chain run again."""
    while names:
        counts = [0] * len(names)
        pieces: Iterable[bytes] = (bytes(raw[k : k + _PIECE]) for k in range(0, len(raw), _PIECE))
        for number, name in enumerate(names):
            pieces = _counted(_DECODERS[name](pieces), counts, number)
        try:
            for _ in pieces:
                if sum(counts) > budget:
                    break
        except _Failed:
            failed = next((k for k, count in enumerate(counts) if count == 0), None)
            if failed is not None:
                names = names[:failed] + names[failed + 1 :]
                continue
        return sum(counts)
    return 0


def _counted(pieces: Iterable[bytes], counts: list[int], number: int) -> Iterator[bytes]:
    for piece in pieces:
        counts[number] += len(piece)
        yield piece


def _flate(pieces: Iterable[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    try:
        for piece in pieces:
            while piece and not inflater.eof:
                out = inflater.decompress(piece, _PIECE)
                piece = inflater.unconsumed_tail
                if out:
                    yield out
            if inflater.eof:
                return
    except zlib.error:
        raise _Failed from None


def _lzw(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """LZW with the early change PDF uses by default; the table holds byte strings of at most
    4,096 codes' worth, and each code's output is yielded as it is decoded."""
    table = [bytes([k]) for k in range(256)] + [b"", b""]
    width, bits, value, previous = 9, 0, 0, b""
    for piece in pieces:
        for byte in piece:
            value, bits = (value << 8) | byte, bits + 8
            while bits >= width:
                bits -= width
                code = (value >> bits) & ((1 << width) - 1)
                if code == 256:  # clear
                    del table[258:]
                    width, previous = 9, b""
                    continue
                if code == 257:  # end of data
                    return
                if code < len(table):
                    entry = table[code]
                elif code == len(table) and previous:
                    entry = previous + previous[:1]
                else:
                    raise _Failed
                if previous and len(table) < 4096:
                    table.append(previous + entry[:1])
                    if len(table) + 1 >= 1 << width and width < 12:
                        width += 1
                previous = entry
                yield entry
            value &= (1 << bits) - 1


def _run_length(pieces: Iterable[bytes]) -> Iterator[bytes]:
    data = b"".join(pieces)
    at = 0
    while at < len(data):
        length = data[at]
        if length == 128:
            return
        if length < 128:
            yield data[at + 1 : at + 2 + length]
            at += length + 2
        else:
            yield data[at + 1 : at + 2] * (257 - length)
            at += 2


def _hex(pieces: Iterable[bytes]) -> Iterator[bytes]:
    text = bytes(b for b in b"".join(pieces).split(b">", 1)[0] if b not in b" \t\r\n\f\x00")
    try:
        yield bytes.fromhex((text + b"0" * (len(text) % 2)).decode("ascii"))
    except ValueError:
        raise _Failed from None


def _ascii85(pieces: Iterable[bytes]) -> Iterator[bytes]:
    import base64

    text = b"".join(pieces).split(b"~>", 1)[0]
    try:
        yield base64.a85decode(text + b"~>", adobe=False, ignorechars=b" \t\r\n\f\x00")
    except ValueError:
        raise _Failed from None


_DECODERS: dict[str, Callable[[Iterable[bytes]], Iterator[bytes]]] = {
    "flate": _flate,
    "lzw": _lzw,
    "run_length": _run_length,
    "hex": _hex,
    "ascii85": _ascii85,
}
_FILTERS = {  # a filter's name, in full and abbreviated (as inline images write them)
    b"FlateDecode": "flate",
    b"Fl": "flate",
    b"LZWDecode": "lzw",
    b"LZW": "lzw",
    b"RunLengthDecode": "run_length",
    b"RL": "run_length",
    b"ASCIIHexDecode": "hex",
    b"AHx": "hex",
    b"ASCII85Decode": "ascii85",
    b"A85": "ascii85",
}
