"""SYNTHETIC hostile files: a PDF whose one content stream inflates to gigabytes, a DOCX (zip) whose
document part does, and the streams of the measuring tests. None holds resolution text.

A deflate stream of ``size`` bytes is built without compressing them: one block of a megabyte of
spaces, ended with a full flush (byte-aligned, referring to nothing before it), repeated, then an
empty final block; only the checksum is computed over the whole, chunk by chunk, so a 3 GB bomb takes
a second or two to build and a few megabytes on disk.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

_CHUNK = b" " * (1 << 20)


def _raw_deflate(size: int) -> Iterator[bytes]:
    """The raw deflate stream of ``size`` spaces (a multiple of a megabyte)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(_CHUNK) + compressor.flush(zlib.Z_FULL_FLUSH)
    for _ in range(size // len(_CHUNK)):
        yield block
    yield b"\x03\x00"  # a final, empty block of fixed codes


def zlib_bomb(size: int) -> bytes:
    """A zlib stream (what /FlateDecode reads) inflating to ``size`` spaces."""
    adler = 1
    for _ in range(size // len(_CHUNK)):
        adler = zlib.adler32(_CHUNK, adler)
    return b"\x78\xda" + b"".join(_raw_deflate(size)) + struct.pack(">I", adler)


def pdf_bomb(path: Path, size: int) -> Path:
    """A one-page PDF whose content stream inflates to ``size`` bytes."""
    path.write_bytes(pdf_with_stream(zlib_bomb(size), b"/Filter /FlateDecode"))
    return path


def pdf_with_stream(stream: bytes, entries: bytes) -> bytes:
    """A one-page PDF whose content stream is ``stream``, its dictionary holding ``entries``."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d %s >>\nstream\n" % (len(stream), entries) + stream + b"\nendstream",
    ]
    return _pdf(objects)


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def docx_bomb(path: Path, size: int) -> Path:
    """A DOCX (the parts Word needs) whose ``word/document.xml`` inflates to ``size`` bytes (spaces
    inside the body: well-formed XML), with its true sizes and CRC in the zip's headers."""
    head = (
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
        b'2006/main"><w:body>'
    )
    tail = b"<w:p><w:r><w:t>Synthetic.</w:t></w:r></w:p></w:body></w:document>"
    opening = zlib.compressobj(9, zlib.DEFLATED, -15)
    closing = zlib.compressobj(9, zlib.DEFLATED, -15)
    document = (
        opening.compress(head)
        + opening.flush(zlib.Z_FULL_FLUSH)
        + b"".join(_raw_deflate(size))[:-2]  # without its final block: the tail's ends the stream
        + closing.compress(tail)
        + closing.flush()
    )
    crc = zlib.crc32(head)
    for _ in range(size // len(_CHUNK)):
        crc = zlib.crc32(_CHUNK, crc)
    crc = zlib.crc32(tail, crc)
    members = [
        _member("[Content_Types].xml", _CONTENT_TYPES.encode()),
        _member("_rels/.rels", _RELS.encode()),
        ("word/document.xml", document, crc, len(head) + size + len(tail)),
    ]
    path.write_bytes(_zip(members))
    return path


def _member(name: str, data: bytes) -> tuple[str, bytes, int, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def _zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip archive of deflated members (name, deflated bytes, CRC-32, inflated size < 4 GB)."""
    out = bytearray()
    directory = bytearray()
    for name, deflated, crc, size in members:
        encoded = name.encode()
        fields = (20, 0, 8, 0, 0, crc, len(deflated), size, len(encoded))
        directory += struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, len(out)) + encoded
        out += struct.pack("<4s5H3I2H", b"PK\x03\x04", *fields, 0) + encoded + deflated
    end = struct.pack(
        "<4s4H2IH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), len(out), 0
    )
    return bytes(out + directory + end)


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
