"""China's working days (with 调休 make-up workdays) and the user's calendar.toml overrides.

The ``holidays`` package knows the State Council's schedule for announced years; for later
years it only knows the fixed-date and lunar festivals, so those years are flagged as estimates
until the user enters the schedule in calendar.toml. Importing the package takes ~250 ms, so it
is imported only for a year not already known (storage keeps the years worked out in a cache).
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import Any

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


@dataclass(frozen=True)
class YearSchedule:
    """The national schedule of one year: days off, 调休 make-up workdays, holiday names."""

    days_off: frozenset[dt.date]
    makeup: frozenset[dt.date]
    names: dict[dt.date, str]


class NationalSchedule:
    """China's official holiday schedule, year by year, as the holidays package gives it.

    ``known`` years (and ``last_announced``) are taken as given, so a process that finds every
    year it needs there never imports the package; other years are worked out by the package
    and kept in ``worked_out`` (for storage to remember).
    """

    def __init__(
        self, known: dict[int, YearSchedule] | None = None, last_announced: int | None = None
    ) -> None:
        self.known = dict(known or {})
        self.worked_out: dict[int, YearSchedule] = {}
        self._last_announced = last_announced
        self._package: Any = None
        self.lock = threading.Lock()

    def _china(self) -> Any:
        if self._package is None:
            import holidays  # ~250 ms: only for a year no cache knows

            self._package = holidays.China(language="zh_CN")
        return self._package

    @property
    def last_announced_year(self) -> int:
        """The last year whose 调休 schedule the installed holidays package carries."""
        if self._last_announced is None:
            from holidays.countries.china import ChinaStaticHolidays

            self._last_announced = max(ChinaStaticHolidays.special_public_holidays)
        return self._last_announced

    def year(self, year: int) -> YearSchedule:
        """The schedule of ``year`` (worked out by the package when not known yet)."""
        found = self.known.get(year) or self.worked_out.get(year)
        if found is not None:
            return found
        with self.lock:  # the package fills in years lazily: one thread at a time
            cn = self._china()
            _ = dt.date(year, 1, 1) in cn  # a lookup makes the package fill in that year
            days = {d: str(cn.get(d)) for d in cn if d.year == year}
            makeup = frozenset(d for d in cn.weekend_workdays if d.year == year)
            found = YearSchedule(frozenset(days), makeup, days)
            self.worked_out[year] = found
        return found


# One per process: what the package worked out is shared by every calendar.
BUILT_IN = NationalSchedule()


def __getattr__(name: str) -> int:
    # LAST_ANNOUNCED_YEAR stays importable without importing the holidays package up front.
    if name == "LAST_ANNOUNCED_YEAR":
        return BUILT_IN.last_announced_year
    raise AttributeError(name)


class WorkCalendar:
    """Working days in mainland China: weekdays that are not holidays, plus 调休 workdays."""

    def __init__(
        self, overrides: CalendarOverrides | None = None, national: NationalSchedule | None = None
    ) -> None:
        self.overrides = overrides or CalendarOverrides()
        self.national = national or BUILT_IN
        self._days_off: dict[int, frozenset[dt.date]] = {}
        self._makeup: dict[int, frozenset[dt.date]] = {}

    def _load_year(self, year: int) -> None:
        if year in self._days_off:
            return
        schedule = self.national.year(year)
        off = (
            schedule.days_off | {d for d in self.overrides.holidays if d.year == year}
        ) - self.overrides.workdays
        makeup = (schedule.makeup | {d for d in self.overrides.workdays if d.year == year}) - (
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
        if day not in self._days_off[day.year]:
            return ""
        return self.national.year(day.year).names.get(day, "")

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
        return year > self.national.last_announced_year and year not in self.overrides.years
