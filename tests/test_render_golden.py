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

GOLDEN = Path(__file__).parent / "golden"
CASES = {
    "terminal": "synthetic.terminal.txt",
    "markdown": "synthetic.md",
    "html": "synthetic.html",
    "json": "synthetic.json",
}


@pytest.mark.parametrize("fmt", sorted(CASES))
def test_output_matches_the_golden_file(fmt: str) -> None:
    output = render(build_report(synthetic_comparison()), fmt)
    assert isinstance(output, str)
    path = GOLDEN / CASES[fmt]
    if os.environ.get("RESDIFF_UPDATE_GOLDEN") == "1":
        path.write_text(output, encoding="utf-8")
    assert path.exists(), f"{path} is missing: create it with RESDIFF_UPDATE_GOLDEN=1"
    message = f"{fmt} output changed; if that is intended, rerun with RESDIFF_UPDATE_GOLDEN=1"
    assert output == path.read_text(encoding="utf-8"), message


def test_json_is_exactly_the_comparison_records() -> None:
    comparison = synthetic_comparison()
    output = render(build_report(comparison), "json")
    assert output == json.dumps(comparison.to_json(), ensure_ascii=False, indent=2)
