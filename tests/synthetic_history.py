"""A SYNTHETIC series written by hand (invented text, not real resolutions) for the history, blame and
timeline tests and their golden files.

Three versions of a "synthetic widgets" resolution, A/RES/90/7 -> 91/7 -> 93/7, the middle year
92/7 missing (93/7 recites it in its lineage paragraph). Between them: the lineage paragraph
recites its predecessor, a number and a case change, a verb strengthened ("strong" -> "grave
concern"), an operative paragraph split and two merged, a preambular paragraph deleted and later
restored, a new paragraph inserted (renumbering those after it, with HTML and Markdown
metacharacters in its text), two paragraphs swapped, one deleted.
"""

from __future__ import annotations

from resdiff.model import Clause, Resolution

_TITLE = "Synthetic widgets convention"
_MINDFUL = "Mindful of the need to coordinate efforts undertaken in various forums on widget safety,"
_STRESSING = "Stressing the role of civil society in the safe handling of synthetic widgets,"
SYNTHETIC_HOSTILE = (
    'Welcoming the <script>alert("x")</script> & *guidelines* | [link](http://example.org) adopted by '
    "the synthetic widget forum,"
)


def _op(key: str, verb: str, rest: str) -> Clause:
    return Clause(key, f"{verb} {rest}", verb=verb)


SYNTHETIC_V1 = Resolution(
    symbol="A/RES/90/7",
    session=90,
    title=_TITLE,
    adopted="2035-12-04",
    cites=("A/RES/85/10", "A/RES/89/12"),
    clauses=(
        Clause(
            "PP1",
            "Recalling its resolutions 85/10 of 4 December 2030 and 89/12 of 2 December 2034 on synthetic "
            "widget safety,",
        ),
        Clause(
            "PP2", "Noting that 119 States parties have ratified the Synthetic Widgets Convention,", ("FN1",)
        ),
        Clause("PP3", _STRESSING),
        Clause("PP4", _MINDFUL),
        _op("OP1", "Calls upon", "all States to join the Convention as soon as possible;"),
        _op(
            "OP2",
            "Requests",
            "the Secretary-General to convene meetings of the States parties and to report to the General "
            "Assembly at its next session;",
        ),
        _op("OP3", "Expresses strong concern", "at the use of synthetic widgets in populated areas;"),
        _op("OP4", "Encourages", "States to share information on widget stockpiles;"),
        _op("OP5", "Encourages", "States to cooperate in destroying widget stockpiles;"),
        _op("OP6", "Invites", "observers to attend the meetings of the States parties;"),
        _op("OP7", "Decides", "to remain seized of the matter."),
        Clause("FN1", "Synthetic Treaty Series, vol. 1, No. 1."),
    ),
)

SYNTHETIC_V2 = Resolution(
    symbol="A/RES/91/7",
    session=91,
    title=_TITLE,
    adopted="2036-12-03",
    cites=("A/RES/85/10", "A/RES/89/12", "A/RES/90/7"),
    clauses=(
        Clause(
            "PP1",
            "Recalling its resolutions 85/10 of 4 December 2030, 89/12 of 2 December 2034 and 90/7 of "
            "4 December 2035 on synthetic widget safety,",
        ),
        Clause(
            "PP2", "Noting that 121 States Parties have ratified the Synthetic Widgets Convention,", ("FN1",)
        ),
        Clause("PP3", _STRESSING),
        _op("OP1", "Urges", "all States to join the Convention as soon as possible;"),
        _op("OP2", "Requests", "the Secretary-General to convene meetings of the States parties;"),
        _op(
            "OP3",
            "Also requests",
            "the Secretary-General to report to the General Assembly at its next session;",
        ),
        _op("OP4", "Expresses grave concern", "at the use of synthetic widgets in populated areas;"),
        _op(
            "OP5",
            "Encourages",
            "States to share information on widget stockpiles and to cooperate in destroying them;",
        ),
        _op("OP6", "Invites", "observers to attend the meetings of the States parties;"),
        _op("OP7", "Decides", "to remain seized of the matter."),
        Clause("FN1", "Synthetic Treaty Series, vol. 1, No. 1."),
    ),
)

SYNTHETIC_V3 = Resolution(
    symbol="A/RES/93/7",
    session=93,
    title=_TITLE,
    adopted="2038-12-06",
    cites=("A/RES/85/10", "A/RES/89/12", "A/RES/90/7", "A/RES/91/7", "A/RES/92/7"),
    clauses=(
        Clause(
            "PP1",
            "Recalling its resolutions 85/10 of 4 December 2030, 89/12 of 2 December 2034, 90/7 of "
            "4 December 2035, 91/7 of 3 December 2036 and 92/7 of 1 December 2037 on synthetic widget "
            "safety,",
        ),
        Clause("PP2", _STRESSING),
        Clause("PP3", SYNTHETIC_HOSTILE),
        Clause(
            "PP4", "Noting that 121 States Parties have ratified the Synthetic Widgets Convention,", ("FN1",)
        ),
        Clause("PP5", _MINDFUL),
        _op("OP1", "Urges", "all States to join the Convention as soon as possible;"),
        _op("OP2", "Requests", "the Secretary-General to convene meetings of the States Parties;"),
        _op(
            "OP3",
            "Also requests",
            "the Secretary-General to report to the General Assembly at its next session;",
        ),
        _op("OP4", "Expresses grave concern", "at the use of synthetic widgets in populated areas;"),
        _op(
            "OP5",
            "Encourages",
            "States to share information on widget stockpiles and to cooperate in destroying them;",
        ),
        _op("OP6", "Decides", "to remain seized of the matter."),
        Clause("FN1", "Synthetic Treaty Series, vol. 1, No. 1."),
    ),
)

SYNTHETIC_SERIES = (SYNTHETIC_V1, SYNTHETIC_V2, SYNTHETIC_V3)
