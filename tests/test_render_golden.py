"""Golden files: every text renderer's output for the SYNTHETIC comparison, byte for byte.

Rewrite them after an intended change with ``RESDIFF_UPDATE_GOLDEN=1 pytest tests/test_render_golden.py``
and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from resdiff.render import render
from resdiff.report import build_report
from synthetic_report import synthetic_comparison
from synthetic_tables import synthetic_table_comparison

GOLDEN = Path(__file__).parent / "golden"
CASES = {
    "terminal": "synthetic.terminal.txt",
    "markdown": "synthetic.md",
    "html": "synthetic.html",
    "json": "synthetic.json",
}


TABLE_CASES = {fmt: name.replace("synthetic", "synthetic-table", 1) for fmt, name in CASES.items()}


@pytest.mark.parametrize("fmt", sorted(CASES))
def test_output_matches_the_golden_file(fmt: str) -> None:
    output = render(build_report(synthetic_comparison()), fmt)
    assert isinstance(output, str)
    _matches(output, GOLDEN / CASES[fmt], fmt)


@pytest.mark.parametrize("fmt", sorted(TABLE_CASES))
def test_a_table_renders_as_a_table_cell_by_cell(fmt: str) -> None:
    """The SYNTHETIC table pair: every format lays the table out as a table, each changed cell marked
    with its own redline (a row added, one dropped, a column added, one figure changed)."""
    output = render(build_report(synthetic_table_comparison()), fmt)
    assert isinstance(output, str)
    _matches(output, GOLDEN / TABLE_CASES[fmt], fmt)


def _matches(output: str, path: Path, fmt: str) -> None:
    if os.environ.get("RESDIFF_UPDATE_GOLDEN") == "1":
        path.write_text(output, encoding="utf-8")
    assert path.exists(), f"{path} is missing: create it with RESDIFF_UPDATE_GOLDEN=1"
    message = f"{fmt} output changed; if that is intended, rerun with RESDIFF_UPDATE_GOLDEN=1"
    assert output == path.read_text(encoding="utf-8"), message


def test_json_is_exactly_the_comparison_records() -> None:
    comparison = synthetic_comparison()
    output = render(build_report(comparison), "json")
    assert output == json.dumps(comparison.to_json(), ensure_ascii=False, indent=2)


def test_a_table_in_word_matches_the_golden_file() -> None:
    """DOCX: the SYNTHETIC table pair's clause table as Word XML (a fixed revision date), tracked
    changes cell by cell and rows inserted or deleted (the zip's own bytes carry times: not compared)."""
    import io
    import zipfile
    from datetime import datetime, timezone
    from xml.dom import minidom

    from resdiff.render import docx

    data = docx.render(
        build_report(synthetic_table_comparison()), date=datetime(2044, 1, 2, tzinfo=timezone.utc)
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = minidom.parseString(archive.read("word/document.xml"))
    table = document.getElementsByTagName("w:tbl")[-1]  # the summary's table comes first
    _matches(table.toprettyxml(indent=" "), GOLDEN / "synthetic-table.docx.xml", "docx")
