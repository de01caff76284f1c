"""Month / quarter / year windows and the status rules shared by every periodic duty.

A period is judged from the branch's start only. The current period not yet met is ``due``;
a past period unmet is ``overdue``; a deadline within ``UPCOMING_DAYS`` is ``upcoming``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from branchtui.domain.dates import month_bounds, quarter_bounds, quarter_of

if TYPE_CHECKING:
    from branchtui.domain.records import BranchData

# How far ahead a deadline shows as upcoming (即将到期).
UPCOMING_DAYS = 14
# Past periods older than this many whole years before the date's year are not listed.
LOOKBACK_YEARS = 1


@dataclass(frozen=True)
class Period:
    """A calendar month, quarter or year; ``key`` is how obligations name it."""

    kind: str
    start: dt.date
    end: dt.date
    key: str
    label: str

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@lru_cache(maxsize=4096)
def month_period(year: int, month: int) -> Period:
    start, end = month_bounds(year, month)
    return Period("month", start, end, f"{year:04d}-{month:02d}", f"{year}年{month}月")


@lru_cache(maxsize=1024)
def quarter_period(year: int, quarter: int) -> Period:
    start, end = quarter_bounds(year, quarter)
    return Period("quarter", start, end, f"{year:04d}-Q{quarter}", f"{year}年第{quarter}季度")


@lru_cache(maxsize=256)
def year_period(year: int) -> Period:
    return Period("year", dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year:04d}", f"{year}年")


def period_of(kind: str, day: dt.date) -> Period:
    """The month, quarter or year that contains ``day``."""
    if kind == "month":
        return month_period(day.year, day.month)
    if kind == "quarter":
        return quarter_period(day.year, quarter_of(day))
    if kind == "year":
        return year_period(day.year)
    raise ValueError(f"unknown period kind {kind}")


def next_period(period: Period) -> Period:
    return period_of(period.kind, period.end + dt.timedelta(days=1))


def period_label(kind: str, key: str) -> str:
    """The Chinese label of a period key ("2026-11" → "2026年11月"); the key itself otherwise."""
    try:
        if kind == "month":
            return month_period(int(key[:4]), int(key[5:7])).label
        if kind == "quarter":
            return quarter_period(int(key[:4]), int(key[-1])).label
        if kind == "year":
            return year_period(int(key[:4])).label
    except ValueError:
        pass
    return key


def branch_start(data: BranchData) -> dt.date | None:
    """When the branch began: its created date, else its first term, else its first meeting."""
    if data.branch is not None and data.branch.created is not None:
        return data.branch.created
    starts = [t.start for t in data.terms if t.start is not None]
    if starts:
        return min(starts)
    dates = [m.date for m in data.meetings]
    return min(dates) if dates else None


def judged_periods(kind: str, data: BranchData, on: dt.date) -> list[Period]:
    """The periods of ``kind`` to judge on ``on``: from the branch's start (within the
    look-back) up to the one containing ``on``, oldest first."""
    start = branch_start(data) or on
    floor = dt.date(on.year - LOOKBACK_YEARS, 1, 1)
    return list(_periods(kind, max(start, floor), on))


@lru_cache(maxsize=256)
def _periods(kind: str, start: dt.date, on: dt.date) -> tuple[Period, ...]:
    return tuple(_periods_from(period_of(kind, start), on))


def _periods_from(first: Period, on: dt.date) -> Iterator[Period]:
    period = first
    while period.start <= on:
        yield period
        period = next_period(period)


def periodic_status(met: bool, period: Period, on: dt.date) -> str:
    """Met; else ``due`` while the period runs, ``overdue`` once it has ended."""
    if met:
        return "met"
    return "overdue" if on > period.end else "due"


def deadline_status(
    done: bool, due: dt.date, on: dt.date, opens: dt.date | None = None
) -> str | None:
    """A deadline's status: met, overdue after ``due``, due once it ``opens``, upcoming
    within ``UPCOMING_DAYS``; None when it is further away (not listed yet)."""
    if done:
        return "met"
    if on > due:
        return "overdue"
    if opens is None or on >= opens:
        return "due"
    if (due - on).days <= UPCOMING_DAYS or (opens - on).days <= UPCOMING_DAYS:
        return "upcoming"
    return None
