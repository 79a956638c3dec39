"""``resdiff parallel`` on the UN's AKN4UN XML of A/RES/80/1-55 in the six languages (source: United
Nations, DGACM; read in place from ../shared, never copied): the findings, each checked by eye and
classified, are ``golden/parallel-80.json``: symbol, kind, clause key, the versions that differ, then
the verdict (``real``: the UN's versions disagree; ``corrigenda``: they list different corrigenda of a
cited document; ``translation``: the same said another way; ``reader-limit``: a form of number resdiff
does not read) and what was seen (no text of the resolutions is kept). A change of the reader or of
the check that changes a finding fails here: look at it, regenerate the file with
``RESDIFF_UPDATE_GOLDEN=1`` (verdicts are kept, a new finding is "unchecked") and give its verdict."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import SHARED, _need
from resdiff import parallel
from resdiff.normalize import normalize_input

pytestmark = pytest.mark.shared

AKN80 = SHARED / "data" / "akn" / "80session"
LANGUAGES = ("English", "French", "Spanish", "Russian", "Arabic", "Chinese")
GOLDEN = Path(__file__).parent / "golden" / "parallel-80.json"


def findings() -> list[list[object]]:
    files = [
        path
        for number in range(1, 56)
        for language in LANGUAGES
        for path in sorted(_need(AKN80 / language).glob(f"A_RES_80_{number}-*.xml"))
    ]
    report = parallel.check_all([normalize_input(str(path)).resolution for path in files])
    return [[c.symbol, m.kind, m.key, list(m.languages)] for c in report.checks for m in c.mismatches]


def test_the_session_80_findings_are_the_ones_checked_by_eye() -> None:
    found = findings()
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    if os.environ.get("RESDIFF_UPDATE_GOLDEN"):  # verdicts kept; a new finding is "unchecked" until read
        verdicts = {json.dumps(entry[:4]): entry[4:] for entry in golden}
        golden = [finding + verdicts.get(json.dumps(finding), ["unchecked", ""]) for finding in found]
        lines = ",\n".join(json.dumps(entry, ensure_ascii=False) for entry in golden)
        GOLDEN.write_text(f"[\n{lines}\n]\n", encoding="utf-8")
    assert found == [entry[:4] for entry in golden]
