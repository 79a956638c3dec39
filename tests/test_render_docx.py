"""The DOCX report holds real tracked changes: accepting all yields NEW, rejecting all yields OLD.

The file is read back the way Word resolves revisions: accept = drop ``w:del``, keep the content
of ``w:ins``; reject = drop ``w:ins``, keep ``w:del`` content reading ``w:delText``. A paragraph
whose mark is itself deleted (accept) or inserted (reject) disappears with it.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from xml.etree import ElementTree

import pytest

from resdiff.records import Comparison
from resdiff.render.docx import AUTHOR, render
from resdiff.report import build_report
from synthetic_report import SYNTHETIC_NEW, SYNTHETIC_OLD, synthetic_comparison

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _body(data: bytes) -> ElementTree.Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return ElementTree.fromstring(archive.read("word/document.xml"))


def _clause_paragraphs(data: bytes) -> list[ElementTree.Element]:
    return [
        p
        for p in _body(data).iter(f"{W}p")
        if any(s.get(f"{W}val") == "Clause" for s in p.iterfind(f"{W}pPr/{W}pStyle"))
    ]


def _text(element: ElementTree.Element, dropped: str) -> str:
    """The text of a paragraph once the revisions of kind ``dropped`` are gone (what is left of
    w:delText sits in kept deletions)."""
    pieces = []
    for child in element:
        if child.tag == dropped or child.tag == f"{W}pPr":
            continue
        if child.tag in (f"{W}ins", f"{W}del", f"{W}r"):
            pieces.append(_text(child, dropped))
        elif child.tag in (f"{W}t", f"{W}delText"):
            pieces.append(child.text or "")
        elif child.tag == f"{W}br":
            pieces.append("\n")
    return "".join(pieces)


def _resolved(data: bytes, accept: bool) -> list[str]:
    """Clause texts after Accept all (or Reject all), one per clause."""
    dropped = f"{W}del" if accept else f"{W}ins"
    mark = f"{W}pPr/{W}rPr/{dropped}"
    texts: list[str] = []
    for paragraph in _clause_paragraphs(data):
        text = _text(paragraph, dropped)
        if paragraph.find(mark) is not None:
            assert text == "", "a paragraph whose mark goes must have gone entirely"
            continue
        texts.extend(text.split("\n"))
    return texts


def _render(comparison: Comparison) -> bytes:
    return render(build_report(comparison), date=datetime(2044, 1, 2, 3, 4, 5, tzinfo=timezone.utc))


def test_accept_all_yields_new_and_reject_all_yields_old() -> None:
    data = _render(synthetic_comparison())
    assert _resolved(data, accept=True) == [c.text for c in SYNTHETIC_NEW.clauses]
    # records follow NEW's order, so the moved clause (OLD PP3, now PP1) comes first
    old_texts = [c.text for c in SYNTHETIC_OLD.clauses]
    assert sorted(_resolved(data, accept=False)) == sorted(old_texts)
    moved = "Stressing the role of civil society,"
    assert _resolved(data, accept=False) == [moved, *(text for text in old_texts if text != moved)]


def test_revisions_are_attributed_dated_and_numbered_uniquely() -> None:
    body = _body(_render(synthetic_comparison()))
    revisions = [e for e in body.iter() if e.tag in (f"{W}ins", f"{W}del")]
    assert len(revisions) > 10
    assert {e.get(f"{W}author") for e in revisions} == {AUTHOR}
    assert {e.get(f"{W}date") for e in revisions} == {"2044-01-02T03:04:05Z"}
    ids = [e.get(f"{W}id") for e in revisions]
    assert len(set(ids)) == len(ids)
    # deleted text is in w:delText, never w:t
    for deletion in body.iter(f"{W}del"):
        assert not list(deletion.iter(f"{W}t"))


def test_the_summary_comes_first() -> None:
    body = _body(_render(synthetic_comparison()))
    text = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")]
    assert text.index("Summary") < text.index("Clauses")
    assert "PP1 → PP2: 2 December 2034 → 1 December 2042" in text


def test_spaces_at_the_edges_of_runs_survive() -> None:
    data = _render(synthetic_comparison())
    assert "Expresses grave concern at the use of widgets;" in _resolved(data, accept=True)
    assert "Expresses concern at the use of widgets;" in _resolved(data, accept=False)
    body = _body(data)
    for element in body.iter():
        if element.tag in (f"{W}t", f"{W}delText") and element.text and element.text != element.text.strip():
            assert element.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


@pytest.mark.shared
def test_the_real_pair_accepts_to_new_and_rejects_to_old(seed_path: Path, res_80_52_path: Path) -> None:
    from resdiff.compare import compare
    from resdiff.normalize import normalize_path

    old, new = normalize_path(seed_path).resolution, normalize_path(res_80_52_path).resolution
    data = _render(compare(old, new))
    assert _resolved(data, accept=True) == [c.text for c in new.clauses]
    assert sorted(_resolved(data, accept=False)) == sorted(c.text for c in old.clauses)


def test_a_report_of_texts_named_by_long_file_names_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Texts without a symbol are named by their file names; two of 200 characters made the title
    property too long for python-docx (``ValueError: exceeded 255 char limit``)."""
    from click.testing import CliRunner

    from resdiff.cli import main

    monkeypatch.chdir(tmp_path)
    names = []
    for number, verb in ((1, "Decides"), (2, "Requests")):
        name = f"synthetic-{number}-" + "long-file-name-" * 12 + "end.txt"
        Path(name).write_text(
            f"The General Assembly,\n\nNoting a synthetic convention,\n\n1. {verb} to act on it.\n",
            encoding="utf-8",
        )
        names.append(name)
    assert len(names[0]) > 190
    result = CliRunner().invoke(main, ["report", *names, "-o", "r.docx"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile("r.docx") as archive:
        core = ElementTree.fromstring(archive.read("docProps/core.xml"))
    title = next(e.text for e in core if e.tag.endswith("}title"))
    assert title is not None and len(title) <= 255
    assert title.startswith("Changes: synthetic-1-long-file-name-") and title.endswith("-end.txt")
    assert "…" in title and " → synthetic-2-long-file-name-" in title
    heading = "".join(t.text or "" for t in _body(Path("r.docx").read_bytes()).iter(f"{W}t"))
    assert f"Changes: {names[0]} → {names[1]}" in heading  # the document itself names them whole


def _table_rows(data: bytes, accept: bool) -> list[list[str]]:
    """The clause table's rows after Accept all (or Reject all): a row whose mark goes goes whole; a
    column only one side has leaves empty cells on the other, dropped here at a row's end."""
    dropped = f"{W}del" if accept else f"{W}ins"
    table = list(_body(data).iter(f"{W}tbl"))[-1]  # the summary's table comes first
    rows = []
    for row in table.iterfind(f"{W}tr"):
        if row.find(f"{W}trPr/{dropped}") is not None:
            assert not "".join(_text(p, dropped) for p in row.iter(f"{W}p")), "a row that goes is empty"
            continue
        cells = [
            "".join(_text(p, dropped) for p in cell.iterfind(f"{W}p")) for cell in row.iterfind(f"{W}tc")
        ]
        while cells and not cells[-1]:
            cells.pop()
        rows.append(cells)
    return rows


def test_a_table_is_a_word_table_that_accepts_to_new_and_rejects_to_old() -> None:
    """The SYNTHETIC table pair: cell by cell tracked changes, rows added or dropped as tracked rows."""
    from resdiff.model import table_rows
    from synthetic_tables import SYNTHETIC_TABLE_NEW, SYNTHETIC_TABLE_OLD, synthetic_table_comparison

    data = _render(synthetic_table_comparison())
    assert _table_rows(data, accept=True) == [
        list(r) for r in table_rows(SYNTHETIC_TABLE_NEW.clause("TB1").text)
    ]
    assert _table_rows(data, accept=False) == [
        list(r) for r in table_rows(SYNTHETIC_TABLE_OLD.clause("TB1").text)
    ]
    assert not [text for text in _resolved(data, accept=True) if "Atlantis" in text]  # no run-on paragraph
