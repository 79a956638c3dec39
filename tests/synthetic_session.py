"""SYNTHETIC sessions (invented text, not real resolutions) for the ``resdiff session`` tests.

Sessions 91 and 92 of an imaginary Assembly, with every case the pairing must tell apart: a text that
recites its predecessor, one paired by a title whose dash differs (a non-breaking hyphen), two texts of
one title told apart by their words, a biennial text (it recites 90/..., two sessions back), a new text,
a text of session 91 not re-adopted, one not due (biennial itself), and voters that changed their vote.
"""

from __future__ import annotations

from resdiff.model import Clause, Resolution, Vote


def _text(
    number: str,
    title: str,
    clauses: list[tuple[str, str]],
    committee: str | None = "First Committee",
    agenda: str | None = None,
    vote: Vote | None = None,
) -> Resolution:
    session = int(number.split("/")[0])
    return Resolution(
        symbol=f"A/RES/{number}",
        session=session,
        title=title,
        adopted=f"{1945 + session}-12-0{1 + int(number.split('/')[1]) % 8}",
        agenda_item=agenda,
        clauses=tuple(
            Clause(key, text, verb=_verb(text) if key.startswith("OP") else None) for key, text in clauses
        ),
        committee=committee,
        vote=vote,
        cites=tuple(
            f"A/RES/{word.strip(',')}" for _, text in clauses for word in text.split() if "/" in word
        ),
    )


def _verb(text: str) -> str:
    return "Calls upon" if text.startswith("Calls upon") else text.split(" ", 1)[0]


SYNTHETIC_VOTE_91 = Vote(
    yes=3,
    no=1,
    abstentions=1,
    voters=(
        ("Aland", "yes"),
        ("Borduria", "no"),
        ("Carpania", "yes"),
        ("Drasnia", "abstain"),
        ("Elbonia", "yes"),
    ),
)
SYNTHETIC_VOTE_92 = Vote(
    yes=4,
    no=0,
    abstentions=1,
    voters=(
        ("Aland", "yes"),
        ("Borduria", "abstain"),
        ("Carpania", "yes"),
        ("Drasnia", "yes"),
        ("Elbonia", "yes"),
    ),
)

SYNTHETIC_OLD_SESSION = (
    _text(
        "91/10",
        "Synthetic widgets",
        [
            ("PP1", "Recalling its resolutions 89/4 of 1 December 2034 and 90/7 of 2 December 2035,"),
            ("OP1", "Calls upon all States to register widgets;"),
            ("OP2", "Decides to remain seized of the matter."),
        ],
        agenda="90 (a)",
        vote=SYNTHETIC_VOTE_91,
    ),
    _text(
        "91/11",
        "Assurances to non-gadget States",
        [
            ("PP1", "Bearing in mind the need for assurances,"),
            ("OP1", "Notes the work of the conference;"),
        ],
        agenda="91",
    ),
    _text(
        "91/12",
        "Questions relating to the budget",
        [
            ("PP1", "Having considered the report on sprockets,"),
            ("OP1", "Approves the sprocket appropriation;"),
        ],
        committee="Fifth Committee",
        agenda="140",
    ),
    _text(
        "91/13",
        "Questions relating to the budget",
        [
            ("PP1", "Having considered the report on flanges,"),
            ("OP1", "Approves the flange appropriation;"),
        ],
        committee="Fifth Committee",
        agenda="140",
    ),
    _text(
        "91/14",
        "Synthetic gizmo safety",
        [
            ("PP1", "Recalling its resolution 90/2 of 2 December 2035,"),
            ("OP1", "Invites States to report on gizmos;"),
        ],
        agenda="92",
    ),
    _text(
        "91/15",
        "Synthetic doohickey review",
        [
            ("PP1", "Recalling its resolution 89/9 of 1 December 2034,"),
            ("OP1", "Decides to review doohickeys;"),
        ],
        agenda="93",
    ),
)

SYNTHETIC_NEW_SESSION = (
    _text(
        "92/20",
        "Synthetic widgets",
        [
            (
                "PP1",
                "Recalling its resolutions 89/4 of 1 December 2034, 90/7 of 2 December 2035 "
                "and 91/10 of 3 December 2036,",
            ),
            ("OP1", "Urges all States to register widgets;"),
            ("OP2", "Decides to remain seized of the matter."),
        ],
        agenda="91 (b)",
        vote=SYNTHETIC_VOTE_92,
    ),
    _text(
        "92/21",
        "Assurances to non\u2011gadget States",
        [
            ("PP1", "Bearing in mind the need for assurances,"),
            ("OP1", "Notes the work of the conference;"),
        ],
        agenda="92",
    ),
    _text(
        "92/22",
        "Questions relating to the budget",
        [
            ("PP1", "Having considered the report on flanges,"),
            ("OP1", "Approves the flange appropriation;"),
        ],
        committee="Fifth Committee",
        agenda="141",
    ),
    _text(
        "92/23",
        "Questions relating to the budget",
        [
            ("PP1", "Having considered the report on sprockets,"),
            ("OP1", "Approves the sprocket appropriation;"),
        ],
        committee="Fifth Committee",
        agenda="141",
    ),
    _text(
        "92/24",
        "Synthetic thingamajig transparency",
        [
            ("PP1", "Recalling its resolution 90/3 of 2 December 2035,"),
            ("OP1", "Encourages transparency in thingamajigs;"),
        ],
        agenda="94",
    ),
    _text(
        "92/25",
        "Synthetic whatsit initiative",
        [
            ("PP1", "Welcoming the whatsit initiative,"),
            ("OP1", "Decides to launch the initiative;"),
        ],
        committee=None,
        agenda="12",
    ),
)
