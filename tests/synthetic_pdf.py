"""SYNTHETIC PDFs laid out like the UN's official ones (none of their text is real resolution text).

A page is a list of lines in a small markup, top down:

* ``""`` a paragraph's extra space; ``"---"`` the footnote rule: the lines after it are footnotes, set
  in small type at the page's foot;
* ``">..."`` a paragraph's first line (indented); ``"N.|..."`` a printed number set apart from its text
  (``"1.|*Decides* to act;"``); other lines start at the left margin; ``"=..."`` a centred bold line;
  ``"#a|b|c"`` a table's row, its cells in columns set wide apart;
* within a line: ``*italic*``, ``^1`` a superscript footnote marker (small, raised); ``~`` inside a word:
  its letters drawn in two pieces 0.6 of a space apart (as some UN PDFs place them: PDFium then infers
  a space there); ``~~`` a word gap of one space with no space drawn;
* ``"@head"`` on a page after the first: the running head (symbol and title, small bold type), and
  every page gets a page number (``2/3``) and a job number at its foot.

The text is drawn with the standard Times fonts, one ``Tj`` per run of one style, so a PDF library
sees positions, sizes and fonts as in a real document.
"""

from __future__ import annotations

import re

PAGE_WIDTH, PAGE_HEIGHT = 612, 792
LEFT, INDENT, NUMBER_TEXT = 123, 147, 171  # continuation lines, first lines, text after a number
BODY, SMALL, PITCH, GAP = 10, 8.5, 12, 6
TABLE_COLUMNS = (LEFT, 300, 460)  # where a table's cells start
_RUN_RE = re.compile(r"\*([^*]+)\*|\^([0-9]+)|([^*^]+)")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _shown(text: str) -> str:
    """A run's text-showing operator; ``~`` and ``~~`` move the pen on by 0.6 and 1 of a Times space
    (250/1000 of the type size) between the pieces."""
    if "~" not in text:
        return f"({_escape(text)}) Tj"
    pieces = re.split(r"(~~?)", text)
    moves = {"~": "-150", "~~": "-250"}
    shown = [moves.get(piece) or f"({_escape(piece)})" for piece in pieces]
    return f"[{' '.join(shown)}] TJ"


def _runs(text: str, size: float, bold: bool = False) -> str:
    """One line's runs as text-showing operators (the cursor advances by the glyphs' own widths)."""
    out = []
    for italic, marker, plain in _RUN_RE.findall(text):
        if marker:
            out.append(f"/F1 {size * 0.65:.2f} Tf {size * 0.35:.2f} Ts ({marker}) Tj 0 Ts")
        else:
            font = "/F2" if italic else "/F3" if bold else "/F1"
            out.append(f"{font} {size} Tf {_shown(italic or plain)}")
    return " ".join(out)


def _show(x: float, y: float, text: str, size: float, bold: bool = False) -> str:
    return f"BT {x:.2f} {y:.2f} Td {_runs(text, size, bold)} ET"


def _page_stream(
    lines: list[str], number: int, count: int, symbol: str, title: str, furniture: bool
) -> bytes:
    ops: list[str] = []
    y = PAGE_HEIGHT - 80
    rule = lines.index("---") if "---" in lines else len(lines)
    body, notes = lines[:rule], lines[rule + 1 :]
    for line in body:
        if line == "@head":
            ops.append(_show(60, PAGE_HEIGHT - 60, symbol, SMALL, bold=True))
            ops.append(_show(350, PAGE_HEIGHT - 60, title, SMALL, bold=True))
            continue
        if line == "":
            y -= GAP
            continue
        if line.startswith(">"):
            ops.append(_show(INDENT, y, line[1:], BODY))
        elif line.startswith("#"):
            for column, cell in zip(TABLE_COLUMNS, line[1:].split("|"), strict=False):
                ops.append(_show(column, y, cell, BODY))
        elif line.startswith("="):
            ops.append(_show(PAGE_WIDTH / 2 - 2.2 * len(line), y, line[1:], BODY, bold=True))
        elif "|" in line and re.match(r"^(?:[0-9]+\.|\([a-z]+\))\|", line):
            label, text = line.split("|", 1)
            ops.append(_show(INDENT, y, label, BODY))
            ops.append(_show(NUMBER_TEXT, y, text, BODY))
        else:
            ops.append(_show(LEFT, y, line, BODY))
        y -= PITCH
    if notes:
        foot = 70 + len(notes) * 10
        ops.append(_show(100, foot + 12, "_______________", 9, bold=True))
        for line in notes:
            foot -= 10
            ops.append(_show(117, foot, line, SMALL))
    if furniture:
        ops.append(_show(60, 36, f"{number}/{count}", SMALL, bold=True))
        ops.append(_show(PAGE_WIDTH - 90, 36, "99-12345", 7))
    return "\n".join(ops).encode("latin-1")


def synthetic_un_pdf(
    pages: list[list[str]], symbol: str = "A/RES/99/6", title: str = "Synthetic", furniture: bool = True
) -> bytes:
    """A PDF of the given pages, laid out as described in this module's docstring (``furniture``: the
    page and job numbers at each page's foot)."""
    count = len(pages)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    fonts = 3 + 2 * count
    for index, lines in enumerate(pages):
        stream = _page_stream(lines, index + 1, count, symbol, title, furniture)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Contents {4 + 2 * index} 0 R /Resources << /Font << /F1 {fonts} 0 R "
            f"/F2 {fonts + 1} 0 R /F3 {fonts + 2} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    for base in ("Times-Roman", "Times-Italic", "Times-Bold"):
        objects.append(f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} >>".encode())
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
