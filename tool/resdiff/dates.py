"""English dates as resolutions print them ("4 December 2017"): the one list of month names.

Dates are where resdiff reads words for numbers (adoption dates, dates of cited resolutions,
dates updated between years), so every stage takes the names from here.
"""

from __future__ import annotations

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)}


def iso_date(day: str | None, month: str | None, year: str | None) -> str | None:
    """``("4", "December", "2017")`` -> ``"2017-12-04"``; None when a part is missing or no month."""
    if day is None or month is None or year is None:
        return None
    number = _MONTH_NUMBERS.get(month.lower())
    return None if number is None else f"{int(year):04d}-{number:02d}-{int(day):02d}"
