"""PDF files with a text layer, read with pdfminer.six, then as plain text from a PDF viewer.

pdfminer lays the page text out in lines and blank-line separated boxes, as a viewer's copy does;
footnote markers come out as plain digits and footnote bodies as ``1 ...`` lines at page feet,
which the plain-text reader already knows.
"""

from __future__ import annotations

import io
import logging

from . import RawText, UnreadableError, plaintext

NAME = "pdf"


def detect(data: bytes) -> bool:
    return data[:5] == b"%PDF-"


def read(data: bytes) -> RawText:
    from pdfminer.high_level import extract_text  # heavy: only when a PDF is read

    log = logging.getLogger("pdfminer")
    level = log.level
    log.setLevel(logging.CRITICAL)  # its warnings on damaged files are not ours to print
    try:
        text = extract_text(io.BytesIO(data))
    except Exception as error:  # pdfminer raises many kinds on damaged files
        raise UnreadableError(f"cannot read it as a PDF ({type(error).__name__})") from None
    finally:
        log.setLevel(level)
    text = text.replace("\x0c", "\n\n")  # page breaks
    if not text.strip():
        raise UnreadableError("the PDF has no text layer (a scan?)")
    return plaintext.read(text)._replace(reader=NAME)
