"""Multi-part resolutions on real files: the UN's XML of sessions 79 and 80 (source: United Nations,
DGACM, AKN4UN) holds Fifth Committee and omnibus texts in parts A, B, ...; none of the 94 PDFs in
``../shared`` is divided, so the XML is where the parts are tested. Each part must read with its own
keys (``A.PP1``, ``B.OP1``: its own preamble and numbering from 1), and a diff between the two years
must pair part with part, no clause paired across parts."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

import akn_twins
from conftest import _need
from resdiff.aligner.parts import part_pairs
from resdiff.compare import compare
from resdiff.model import Resolution, section_of
from resdiff.normalize import normalize_path

# (session 79, session 80) of each recurring divided text, and its parts
PAIRS = {
    "Questions relating to information": ("A_RES_79_93-2423550E.xml", "A_RES_80_84AB-2520072E.xml", "AB"),
    "United Nations common system": ("A_RES_79_252-2424692E.xml", "A_RES_80_236AB-2521243E.xml", "AB"),
    "Programme budget": ("A_RES_79_259-2424702E.xml", "A_RES_80_244AC-2521251E.xml", "ABC"),
}
_NUMBER_RE = re.compile(r"^(PP|OP)([0-9]+)$")
# the AKN4UN reader reads the lettered subsections ("A. Base/floor salary scale", "B. ...") of part A's
# section I as parts B and C, folds the unnumbered paragraphs under subsections C to E into headings, and
# keys the real part B "D" (reported to the reader's owner; the strict mark tells when it is fixed)
_SUBSECTIONS_AS_PARTS = pytest.mark.xfail(
    strict=True, reason="readers/akn.py reads part A's lettered subsections as parts (A_RES_79_252)"
)
_TITLES = [
    pytest.param(title, marks=_SUBSECTIONS_AS_PARTS) if title.startswith("United") else title
    for title in sorted(PAIRS)
]


def _path(session: int, name: str) -> Path:
    return _need(akn_twins.AKN / f"{session}session" / "English" / name)


@cache
def _read(path: Path) -> Resolution:
    return normalize_path(path).resolution


@pytest.mark.parametrize("title", _TITLES)
def test_each_part_has_its_own_keys_and_numbering(title: str) -> None:
    old_name, new_name, letters = PAIRS[title]
    for session, name in ((79, old_name), (80, new_name)):
        path = _path(session, name)
        resolution = _read(path)
        body = [c for c in resolution.clauses if c.type != "footnote"]
        assert all(c.section in set(letters) for c in body), [
            c.key for c in body if c.section not in set(letters)
        ]
        assert "".join(dict.fromkeys(c.section for c in body)) == letters
        assert len(akn_twins.parts(path)) == len(letters)  # as many parts as the XML's statements
        for letter in letters:
            for kind in ("PP", "OP"):
                numbers = [
                    int(m[2])
                    for c in body
                    if c.section == letter
                    and (m := _NUMBER_RE.match(c.key.split(".", 1)[1]))
                    and m[1] == kind
                ]
                assert numbers == list(range(1, len(numbers) + 1)), (name, letter, kind, numbers)
        assert any(c.key.startswith(f"{letters[-1]}.OP1") for c in body)  # the last part numbers from 1 too


@pytest.mark.parametrize("title", _TITLES)
def test_a_diff_between_the_years_pairs_part_with_part(title: str) -> None:
    old_name, new_name, letters = PAIRS[title]
    old, new = _read(_path(79, old_name)), _read(_path(80, new_name))
    old_map, _ = part_pairs(old, new)
    assert {section: pair for section, pair in old_map.items()} == {
        letter: f"{letter}>{letter}" for letter in letters
    }
    comparison = compare(old, new)
    crossing = [
        (change.old, change.new)
        for change in comparison.changes
        if change.old
        and change.new
        and {section_of(k) for k in change.old} != {section_of(k) for k in change.new}
    ]
    assert not crossing
    paired = {section_of(change.new[0]) for change in comparison.changes if change.old and change.new}
    assert set(letters) <= paired  # every part has clauses paired with its counterpart's


def test_an_annex_that_became_two_pairs_its_table_with_the_annex_now_holding_it() -> None:
    """79/255 (financing of the Residual Mechanism) has one annex whose one table holds the year's
    figures and the credits returned; 80/239 splits them into annex I (the figures) and annex II (the
    credits). Neither new annex is the old one's counterpart by the words (``aligner.parts``), so none
    is forced on it: the old annex's title and table pair with annex I's, each a table clause (``TB``),
    and annex II's table of credits is new."""
    old = _read(_path(79, "A_RES_79_255-2424696E.xml"))
    new = _read(_path(80, "A_RES_80_239-2521256E.xml"))
    assert part_pairs(old, new) == ({}, {})
    pairs = {c.old[0]: c.new[0] for c in compare(old, new).changes if len(c.old) == len(c.new) == 1}
    assert pairs["ANNEX.H1"] == "ANNEX-I.H1"
    assert pairs["ANNEX.TB1"] == "ANNEX-I.TB1"
    assert "Cancellation of commitments" in old.clause("ANNEX.TB1").text
    assert new.clause("ANNEX-II.TB1").text.startswith("Gross | Net of staff assessment")
