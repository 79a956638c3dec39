"""JSON output: exactly ``Comparison.to_json()``, the contract other tools read."""

from __future__ import annotations

import json

from ..report import Report


def render(report: Report) -> str:
    return json.dumps(report.comparison.to_json(), ensure_ascii=False, indent=2)
