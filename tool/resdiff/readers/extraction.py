"""A PDF's text extraction saved as JSON (``{"symbol": ..., "text": "...the PDF's text..."}``, as
PyMuPDF-based pipelines keep them): the ``text`` is read as a PDF's plain text; the ``symbol`` is a
hint the body heading is checked against (other fields, such as ``title``, are not trusted)."""

from __future__ import annotations

import json
import re
from typing import Any

from . import RawText, plaintext

NAME = "extraction-json"


def _document(text: str) -> dict[str, Any] | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return None
    return {
        key: _without_surrogates(value) if isinstance(value, str) else value for key, value in data.items()
    }


def _without_surrogates(text: str) -> str:
    """A JSON escape can make a lone surrogate (``"\\ud800"``), which no text may hold: a space instead."""
    return re.sub("[\ud800-\udfff]", " ", text) if not text.isascii() else text


def detect(text: str) -> bool:
    return _document(text) is not None


def read(text: str) -> RawText:
    document = _document(text)
    assert document is not None
    symbol = document.get("symbol")
    hints = {"symbol": symbol.strip()} if isinstance(symbol, str) and symbol.strip() else {}
    return plaintext.read(document["text"])._replace(reader=NAME, hints=hints)
