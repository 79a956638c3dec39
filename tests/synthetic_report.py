"""A SYNTHETIC comparison built by hand (invented text, not real resolutions) for the renderer tests.

It has one record of every kind, a moved clause, a split, a merge, a deletion placed where it
stood, number/date/verb changes, and text full of HTML and Markdown metacharacters. Built from
``Change`` records directly so the golden files change only when a renderer does.
"""

from __future__ import annotations

from resdiff.model import Clause, Resolution
from resdiff.records import Change, Comparison

SYNTHETIC_HOSTILE = (
    'Welcoming the <script>alert("x")</script> & [link](http://example.org) *stars* _under_ '
    "| pipe ~tilde~ `code` #hash,"
)

SYNTHETIC_OLD = Resolution(
    symbol="A/RES/90/7",
    session=90,
    title="Synthetic widgets convention",
    adopted="2035-12-04",
    agenda_item=None,
    report=None,
    meeting=None,
    clauses=(
        Clause("PP1", "Recalling its resolutions 85/10 of 4 December 2030 and 89/12 of 2 December 2034,"),
        Clause("PP2", "Noting that 119 States parties have ratified the Convention,"),
        Clause("PP3", "Stressing the role of civil society,"),
        Clause("OP1", "Calls upon all States to join the Convention;", verb="Calls upon"),
        Clause(
            "OP2",
            "Requests the Secretary-General to convene meetings and to report to the General Assembly;",
            verb="Requests",
        ),
        Clause("OP3", "Expresses concern at the use of widgets;", verb="Expresses concern"),
        Clause("OP4", "Encourages States to share information;", verb="Encourages"),
        Clause("OP5", "Encourages States to cooperate;", verb="Encourages"),
        Clause("OP6", "Invites observers to attend;", verb="Invites"),
        Clause("OP7", "Decides to remain seized of the matter.", verb="Decides"),
    ),
)

SYNTHETIC_NEW = Resolution(
    symbol="A/RES/98/3",
    session=98,
    title="Synthetic widgets convention",
    adopted="2043-12-01",
    agenda_item=None,
    report=None,
    meeting=None,
    clauses=(
        Clause("PP1", "Stressing the role of civil society,"),
        Clause("PP2", "Recalling its resolutions 85/10 of 4 December 2030 and 97/8 of 1 December 2042,"),
        Clause("PP3", "Noting that 119 States Parties have ratified the Convention,"),
        Clause("PP4", SYNTHETIC_HOSTILE),
        Clause("OP1", "Urges all States to join the Convention;", verb="Urges"),
        Clause("OP2", "Requests the Secretary-General to convene meetings;", verb="Requests"),
        Clause(
            "OP3",
            "Also requests the Secretary-General to report to the General Assembly;",
            verb="Also requests",
        ),
        Clause("OP4", "Expresses grave concern at the use of widgets;", verb="Expresses grave concern"),
        Clause("OP5", "Encourages States to share information and to cooperate;", verb="Encourages"),
        Clause("OP6", "Decides to remain seized of the matter.", verb="Decides"),
    ),
)

SYNTHETIC_CHANGES = (
    Change(
        "unchanged",
        ("PP3",),
        ("PP1",),
        ((0, "Stressing the role of civil society,"),),
        1.0,
        moved=True,
        clause_type="preambular",
    ),
    Change(
        "modified",
        ("PP1",),
        ("PP2",),
        (
            (0, "Recalling its resolutions 85/10 of 4 December 2030 and "),
            (-1, "89/12"),
            (1, "97/8"),
            (0, " of "),
            (-1, "2"),
            (1, "1"),
            (0, " December "),
            (-1, "2034"),
            (1, "2042"),
            (0, ","),
        ),
        0.812,
        tags=("numbers", "citations"),
        clause_type="preambular",
    ),
    Change(
        "editorial",
        ("PP2",),
        ("PP3",),
        (
            (0, "Noting that 119 States "),
            (-1, "parties"),
            (1, "Parties"),
            (0, " have ratified the Convention,"),
        ),
        0.98,
        clause_type="preambular",
    ),
    Change("added", (), ("PP4",), ((1, SYNTHETIC_HOSTILE),), clause_type="preambular"),
    Change(
        "modified",
        ("OP1",),
        ("OP1",),
        ((-1, "Calls upon"), (1, "Urges"), (0, " all States to join the Convention;")),
        0.8,
        tags=("verb",),
        clause_type="operative",
        old_verb="Calls upon",
        new_verb="Urges",
    ),
    Change(
        "split",
        ("OP2",),
        ("OP2", "OP3"),
        (
            (0, "Requests the Secretary-General to convene meetings"),
            (-1, " and"),
            (1, ";\nAlso requests the Secretary-General"),
            (0, " to report to the General Assembly;"),
        ),
        0.75,
        clause_type="operative",
        old_verb="Requests",
        new_verb="Requests",
    ),
    Change(
        "modified",
        ("OP3",),
        ("OP4",),
        ((0, "Expresses "), (1, "grave "), (0, "concern at the use of widgets;")),
        0.9,
        tags=("verb",),
        clause_type="operative",
        old_verb="Expresses concern",
        new_verb="Expresses grave concern",
    ),
    Change(
        "merged",
        ("OP4", "OP5"),
        ("OP5",),
        (
            (0, "Encourages States to share information"),
            (-1, ";\nEncourages States"),
            (1, " and"),
            (0, " to cooperate;"),
        ),
        0.85,
        clause_type="operative",
        old_verb="Encourages",
        new_verb="Encourages",
    ),
    Change(
        "deleted",
        ("OP6",),
        (),
        ((-1, "Invites observers to attend;"),),
        clause_type="operative",
        old_verb="Invites",
    ),
    Change(
        "unchanged",
        ("OP7",),
        ("OP6",),
        ((0, "Decides to remain seized of the matter."),),
        1.0,
        clause_type="operative",
        old_verb="Decides",
        new_verb="Decides",
    ),
)


def _texts(resolution: Resolution, keys: tuple[str, ...]) -> str:
    return "\n".join(resolution.clause(key).text for key in keys)


def synthetic_comparison() -> Comparison:
    """The hand-built comparison; checks that every record rebuilds its clauses' texts."""
    for change in SYNTHETIC_CHANGES:
        assert change.old_text == _texts(SYNTHETIC_OLD, change.old), change
        assert change.new_text == _texts(SYNTHETIC_NEW, change.new), change
    return Comparison(SYNTHETIC_OLD, SYNTHETIC_NEW, SYNTHETIC_CHANGES)
