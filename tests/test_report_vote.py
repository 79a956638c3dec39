"""The recorded vote in a report's header, and how it changed, in every format. The texts and the
figures are SYNTHETIC (``synthetic_report``'s pair, with made-up votes)."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import docx
import pytest

from resdiff.model import AKN_READER, Source, Vote
from resdiff.render import render
from resdiff.report import Report
from synthetic_report import synthetic_comparison

OLD_VOTE = Vote(yes=150, no=1, abstentions=12, total=163)
NEW_VOTE = Vote(yes=155, no=1, abstentions=10, non_voting=27, total=193)


def report_with(old: Vote | None, new: Vote | None) -> Report:
    comparison = synthetic_comparison()
    return Report(
        replace(comparison, old=replace(comparison.old, vote=old), new=replace(comparison.new, vote=new))
    )


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (None, None, None),
        (OLD_VOTE, OLD_VOTE, "Vote: 150 in favour, 1 against, 12 abstentions (unchanged)."),
        (None, NEW_VOTE, "Vote: not recorded → 155 in favour, 1 against, 10 abstentions, 27 non-voting."),
        (OLD_VOTE, None, "Vote: 150 in favour, 1 against, 12 abstentions → not recorded."),
        (OLD_VOTE, NEW_VOTE, "Vote: 150 → 155 in favour, 1 against, 12 → 10 abstentions, ? → 27 non-voting."),
        (Vote(yes=150), Vote(no=2), "Vote: 150 → ? in favour, ? → 2 against, ? abstentions."),
    ],
)
def test_the_vote_line_says_how_the_vote_changed(
    old: Vote | None, new: Vote | None, line: str | None
) -> None:
    report = report_with(old, new)
    assert report.vote == line
    assert (
        (line in report.header_notes) if line else not any(n.startswith("Vote") for n in report.header_notes)
    )


def test_every_format_shows_the_vote() -> None:
    report = report_with(OLD_VOTE, NEW_VOTE)
    line = "Vote: 150 → 155 in favour, 1 against, 12 → 10 abstentions, ? → 27 non-voting."
    terminal = render(report, "terminal")
    assert isinstance(terminal, str) and line in terminal.splitlines()[:6]
    markdown = render(report, "markdown")
    assert isinstance(markdown, str) and f"\n{line}\n" in markdown
    html = render(report, "html")
    assert isinstance(html, str) and f'<p class="meta" id="vote">{line}</p>' in html.split("</header>")[0]
    document = render(report, "docx")
    assert isinstance(document, bytes)
    assert line in [p.text for p in docx.Document(io.BytesIO(document)).paragraphs]


def test_json_gives_each_side_its_vote_and_keeps_every_other_field() -> None:
    data = json.loads(str(render(report_with(None, NEW_VOTE), "json")))
    assert data["old"]["vote"] is None
    assert data["new"]["vote"] == {
        "yes": 155, "no": 1, "abstentions": 10, "non_voting": 27, "total": 193, "voters": []
    }
    fields = ["symbol", "session", "title", "adopted", "agenda_item", "report", "meeting", "vote"]
    # fields may be added after these, never renamed or dropped
    assert list(data["old"])[: len(fields)] == list(data["new"])[: len(fields)] == fields


def test_a_vote_alone_is_no_change_of_the_text() -> None:
    """As for the other metadata only some renderings carry: --exit-code looks at the text."""
    comparison = report_with(OLD_VOTE, NEW_VOTE).comparison
    same = replace(comparison, new=replace(comparison.old, vote=NEW_VOTE), changes=())
    assert not same.differs


VOTERS_OLD = Vote(
    yes=2, no=1, abstentions=0, voters=(("SYNTHETIC REPUBLIC", "yes"), ("TÜRKİYE", "yes"), ("ATLANTIS", "no"))
)
VOTERS_NEW = Vote(
    yes=1,
    no=0,
    abstentions=1,
    voters=(("Synthetic Republic", "yes"), ("TÜRKİYE", "abstain"), ("UTOPIA", "yes")),
)


def test_the_states_that_changed_their_vote_are_named_where_both_sources_name_voters() -> None:
    report = report_with(VOTERS_OLD, VOTERS_NEW)
    line = (
        "States that changed their vote: TÜRKİYE (yes → abstain), UTOPIA (non-voting → yes), "
        "ATLANTIS (no → non-voting)."
    )
    assert report.vote_changes == line  # names matched whatever their case; the unchanged one left out
    assert line in report.header_notes
    for name in ("terminal", "markdown", "html"):
        assert "TÜRKİYE (yes → abstain)" in str(render(report, name))
    changes = json.loads(str(render(report, "json")))["vote_changes"]
    assert changes[0] == {"state": "TÜRKİYE", "old": "yes", "new": "abstain"}
    assert [c["state"] for c in changes] == ["TÜRKİYE", "UTOPIA", "ATLANTIS"]


def test_no_vote_changes_are_claimed_when_one_side_does_not_name_its_voters() -> None:
    report = report_with(Vote(yes=2, no=1, abstentions=0), VOTERS_NEW)
    assert report.vote_changes is None
    assert json.loads(str(render(report, "json")))["vote_changes"] == []


def test_every_report_made_from_the_uns_xml_names_the_united_nations_as_its_source() -> None:
    """The UN's terms for its AKN4UN XML: the United Nations is acknowledged wherever it is used."""
    comparison = synthetic_comparison()
    plain = Report(comparison)
    assert plain.comparison.acknowledgement is None
    assert json.loads(str(render(plain, "json")))["acknowledgement"] is None
    source = Source(name="synthetic.xml", sha256="0" * 64, reader=AKN_READER)
    report = Report(replace(comparison, new=replace(comparison.new, source=source)))
    for name in ("terminal", "markdown", "html"):
        assert "United Nations, Department for General Assembly and Conference Management" in str(
            render(report, name)
        )
    assert "(DGACM)" in json.loads(str(render(report, "json")))["acknowledgement"]
    document = docx.Document(io.BytesIO(render(report, "docx")))  # type: ignore[arg-type]
    assert any("DGACM" in p.text for p in document.paragraphs)
