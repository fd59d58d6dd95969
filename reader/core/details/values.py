"""Typed values of details and the one question asked of two of them: can both be true?

`judge(x, y)` answers AGREE (the same value), PRECISION (compatible: one rounds or bounds the other, or one is
coarser: "Monday" / "this week"), or CONFLICT (incompatible). The rules are the fact-checker's: a rounding is
not a conflict ("about 2,000" / "2,000", "$1.4 billion" / "$1.375 billion"), a weekday and a calendar date
that may be the same day are not (checked with the publication year when it is known), a difference of
precision is not.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from reader.core.details.people import FirstName, Office, judge_first_names, judge_offices
from reader.core.records import DetailStatus


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written: its value, the unit of its last significant digit, and its hedge."""

    amount: float
    step: float
    bound: str = "exact"
    """"exact", "about", "at_least" (more than, over) or "at_most" (nearly, fewer than, up to)."""
    unit: str = ""
    """The currency of money ("dollar"), "percent", or "" for a count."""


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date as written, each part None when not said."""

    weekday: int | None = None
    """0 = Monday."""
    day: int | None = None
    month: int | None = None
    year: int | None = None
    relative: int | None = None
    """Days from the publication date ("yesterday" = -1)."""
    vague: bool = False
    """A period that holds a day without naming it ("this week", "last month")."""
    night: bool = False
    """"Friday night": may run past midnight into the next day."""


@dataclass(frozen=True, slots=True)
class Text:
    """A value compared as words (an office, a first name, a rank): equal or different."""

    words: str


Value = Quantity | DateValue | Text | FirstName | Office | tuple[int, int] | int


def _interval(x: Quantity) -> tuple[float, float]:
    """The values a number as written allows: half its last digit's unit either side ("2,000" may be 1,500 to
    2,500 counted loosely; "15" is 14.5 to 15.5), open above "more than", below "nearly"."""
    low, high = x.amount - x.step / 2, x.amount + x.step / 2
    if x.bound == "at_least":
        return (x.amount, math.inf)
    if x.bound == "at_most":
        return (-math.inf, x.amount)
    return (low, high)


def judge_quantities(x: Quantity, y: Quantity) -> DetailStatus:
    """Equal, compatible (one rounds or bounds the other: their ranges overlap), or in conflict."""
    if x.unit != y.unit:
        return DetailStatus.PRECISION
    if math.isclose(x.amount, y.amount, rel_tol=1e-9) and x.bound == y.bound:
        return DetailStatus.AGREE
    (x_low, x_high), (y_low, y_high) = _interval(x), _interval(y)
    return DetailStatus.PRECISION if max(x_low, y_low) < min(x_high, y_high) else DetailStatus.CONFLICT


def _weekday_of(day: int, month: int, year: int) -> int | None:
    try:
        return datetime.date(year, month, day).weekday()
    except ValueError:
        return None


def _resolve(date: DateValue, published: datetime.date | None) -> DateValue:
    """A relative day made absolute with the publication date; a calendar date given the publication year (the
    year of the nearest such date to publication) when it has none."""
    if published is None:
        return date
    if date.relative is not None:
        when = published + datetime.timedelta(days=date.relative)
        return DateValue(when.weekday(), when.day, when.month, when.year, night=date.night)
    if date.day is not None and date.month is not None and date.year is None:
        years = (published.year - 1, published.year, published.year + 1)
        candidates = []
        for year in years:
            try:
                candidates.append(datetime.date(year, date.month, date.day))
            except ValueError:
                continue
        if candidates:
            nearest = min(candidates, key=lambda d: abs((d - published).days))
            weekday = nearest.weekday()
            return DateValue(weekday, date.day, date.month, nearest.year, night=date.night)
    return date


def _with_weekday(date: DateValue) -> DateValue:
    if date.weekday is None and None not in (date.day, date.month, date.year):
        assert date.day is not None and date.month is not None and date.year is not None
        weekday = _weekday_of(date.day, date.month, date.year)
        return DateValue(weekday, date.day, date.month, date.year, date.relative, date.vague, date.night)
    return date


def judge_dates(
    x: DateValue, y: DateValue, x_published: datetime.date | None = None, y_published: datetime.date | None = None
) -> DetailStatus:
    """Whether two dates of the same event can be the same day (or month, or year)."""
    x, y = _with_weekday(_resolve(x, x_published)), _with_weekday(_resolve(y, y_published))
    if x.vague or y.vague or x.relative is not None or y.relative is not None:
        return DetailStatus.PRECISION
    if x.year is not None and y.year is not None and x.year != y.year:
        return DetailStatus.CONFLICT
    if x.month is not None and y.month is not None and x.month != y.month:
        return DetailStatus.CONFLICT
    if x.day is not None and y.day is not None:
        return DetailStatus.AGREE if x.day == y.day else DetailStatus.CONFLICT
    if x.weekday is not None and y.weekday is not None and x.weekday != y.weekday:
        if (x.night and (x.weekday + 1) % 7 == y.weekday) or (y.night and (y.weekday + 1) % 7 == x.weekday):
            return DetailStatus.PRECISION
        return DetailStatus.CONFLICT
    if x == y or _same_parts(x, y):
        return DetailStatus.AGREE
    return DetailStatus.PRECISION


def _same_parts(x: DateValue, y: DateValue) -> bool:
    """Every part both say is the same and each says the same parts."""
    return all((getattr(x, part) is None) == (getattr(y, part) is None) for part in ("weekday", "day", "month", "year"))


def judge_values(
    x: Value, y: Value, x_published: datetime.date | None = None, y_published: datetime.date | None = None
) -> DetailStatus:
    """AGREE, PRECISION or CONFLICT for two values of the same slot."""
    if isinstance(x, Quantity) and isinstance(y, Quantity):
        return judge_quantities(x, y)
    if isinstance(x, DateValue) and isinstance(y, DateValue):
        return judge_dates(x, y, x_published, y_published)
    if isinstance(x, FirstName) and isinstance(y, FirstName):
        return judge_first_names(x, y)
    if isinstance(x, Office) and isinstance(y, Office):
        return judge_offices(x, y)
    if isinstance(x, tuple) and isinstance(y, tuple):
        return DetailStatus.AGREE if sorted(x) == sorted(y) else DetailStatus.CONFLICT
    if type(x) is type(y):
        return DetailStatus.AGREE if x == y else DetailStatus.CONFLICT
    return DetailStatus.PRECISION


def published_date(iso: str | None) -> datetime.date | None:
    """An ArticleMeta.published string as a date; None when absent or not an ISO date."""
    if not iso:
        return None
    try:
        return datetime.date.fromisoformat(iso[:10])
    except ValueError:
        return None
