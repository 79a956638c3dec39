"""A SYNTHETIC pair of texts holding a table (invented states and figures, not real resolutions), for
the renderers' golden files and the table tests: a scale whose one cell changed, one row added, one
row dropped, and a column added, beside an ordinary operative paragraph."""

from __future__ import annotations

from resdiff.compare import compare
from resdiff.model import Clause, Resolution
from resdiff.records import Comparison

_OLD_TABLE = (
    "Synthetic State | Scale (percentage) || Atlantis | 0.006 || Borduria | 1.250 || Carpania | 0.010"
    " || Elbonia | 0.004"
)
_NEW_TABLE = (
    "Synthetic State | Scale (percentage) | Ceiling || Atlantis | 0.007 | 0.010 || Borduria | 1.250 | 2.000"
    " || Dorsetia | 0.020 | 0.030 || Carpania | 0.010 | 0.010"
)


def _text(symbol: str, session: int, adopted: str, table: str, year: str) -> Resolution:
    return Resolution(
        symbol=symbol,
        session=session,
        title="Synthetic scale of assessments",
        adopted=adopted,
        agenda_item=None,
        report=None,
        meeting=None,
        clauses=(
            Clause("PP1", "Recalling its synthetic resolution 90/13,"),
            Clause(
                "OP1", f"Decides that the synthetic scale for {year} shall be as follows:", verb="Decides"
            ),
            Clause("TB1", table),
            Clause("OP2", "Requests a synthetic report.", verb="Requests"),
        ),
    )


SYNTHETIC_TABLE_OLD = _text("A/RES/91/13", 91, "2036-12-22", _OLD_TABLE, "2037")
SYNTHETIC_TABLE_NEW = _text("A/RES/92/13", 92, "2037-12-22", _NEW_TABLE, "2038")


def synthetic_table_comparison() -> Comparison:
    return compare(SYNTHETIC_TABLE_OLD, SYNTHETIC_TABLE_NEW)
