"""China's working days (with 调休 make-up workdays) and the user's calendar.toml overrides.

The ``holidays`` package knows the State Council's schedule for announced years; for later
years it only knows the fixed-date and lunar festivals, so those years are flagged as estimates
until the user enters the schedule in calendar.toml.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import holidays
from holidays.countries.china import ChinaStaticHolidays

# The last year whose 调休 schedule the installed holidays package carries.
LAST_ANNOUNCED_YEAR: int = max(ChinaStaticHolidays.special_public_holidays)
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class CalendarOverrides:
    """What calendar.toml says: extra days off, extra working days, years it declares final."""

    holidays: frozenset[dt.date] = frozenset()
    workdays: frozenset[dt.date] = frozenset()
    announced_years: frozenset[int] = frozenset()
    names: dict[dt.date, str] = field(default_factory=dict)

    @property
    def years(self) -> frozenset[int]:
        """Years the overrides give dates for (their schedule was entered by hand)."""
        return frozenset(d.year for d in self.holidays | self.workdays) | self.announced_years


class WorkCalendar:
    """Working days in mainland China: weekdays that are not holidays, plus 调休 workdays."""

    def __init__(self, overrides: CalendarOverrides | None = None) -> None:
        self.overrides = overrides or CalendarOverrides()
        self._cn = holidays.China(language="zh_CN")
        self._days_off: dict[int, frozenset[dt.date]] = {}
        self._makeup: dict[int, frozenset[dt.date]] = {}

    def _load_year(self, year: int) -> None:
        if year in self._days_off:
            return
        _ = dt.date(year, 1, 1) in self._cn  # a lookup makes the package fill in that year
        off = {d for d in self._cn if d.year == year}
        makeup = {d for d in self._cn.weekend_workdays if d.year == year}
        off = (
            off | {d for d in self.overrides.holidays if d.year == year}
        ) - self.overrides.workdays
        makeup = (makeup | {d for d in self.overrides.workdays if d.year == year}) - (
            self.overrides.holidays
        )
        self._days_off[year] = frozenset(off)
        self._makeup[year] = frozenset(makeup)

    def is_working_day(self, day: dt.date) -> bool:
        """A weekday that is no holiday, or a weekend day made a working day (调休)."""
        self._load_year(day.year)
        if day in self._makeup[day.year]:
            return True
        return day.weekday() < 5 and day not in self._days_off[day.year]

    def is_day_off(self, day: dt.date) -> bool:
        """A weekend day or holiday that is not a make-up working day."""
        return not self.is_working_day(day)

    def holiday_name(self, day: dt.date) -> str:
        """The holiday's name on that day ('' when none); the user's name wins."""
        if day in self.overrides.names:
            return self.overrides.names[day]
        self._load_year(day.year)
        return str(self._cn.get(day, "")) if day in self._days_off[day.year] else ""

    def first_working_day(self, year: int, month: int) -> dt.date:
        """The month's first working day (LIFE-5's theme day)."""
        day = dt.date(year, month, 1)
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def working_days_after(self, day: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``day`` (``day`` itself when count is 0)."""
        while count > 0:
            day += ONE_DAY
            if self.is_working_day(day):
                count -= 1
        return day

    def theme_day_window(self, year: int, month: int, max_delay: int) -> tuple[dt.date, dt.date]:
        """LIFE-5: from the first working day to ``max_delay`` working days later."""
        first = self.first_working_day(year, month)
        return first, self.working_days_after(first, max_delay)

    def theme_day_allowed(self, day: dt.date, max_delay: int, non_public: bool = False) -> bool:
        """Whether a 主题党日 on ``day`` is in its month's window (LIFE-5).

        Non-public enterprises and social organizations may also hold it on any weekend day
        or holiday of that month.
        """
        first, last = self.theme_day_window(day.year, day.month, max_delay)
        if first <= day <= last:
            return True
        return non_public and self.is_day_off(day)

    def is_estimate(self, year: int) -> bool:
        """True when the year's holiday schedule is not announced (only guessed)."""
        return year > LAST_ANNOUNCED_YEAR and year not in self.overrides.years
