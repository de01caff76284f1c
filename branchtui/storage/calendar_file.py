"""Reads calendar.toml, the user's holiday and make-up workday overrides, from the data folder.

Format (every key optional; dates as TOML dates or "YYYY-MM-DD" strings)::

    holidays = [2027-10-01, 2027-10-02]   # 放假的日子
    workdays = [2027-09-26]               # 调休上班的周末
    announced_years = [2027]              # 这些年份的安排已公布（不再是估算）
    [names]
    2027-10-01 = "国庆节"
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from branchtui.domain.calendar import CalendarOverrides, WorkCalendar
from branchtui.storage.errors import StoreError
from branchtui.storage.holiday_cache import national_schedule

CALENDAR_FILE = "calendar.toml"


class CalendarFileError(StoreError):
    """calendar.toml cannot be read; the message names the file and the problem."""


def _date(value: Any, key: str, path: Path) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise CalendarFileError(f"{path}：{key} 中的“{value}”不是日期（应为 YYYY-MM-DD）") from None


def _dates(doc: dict[str, Any], key: str, path: Path) -> frozenset[dt.date]:
    values = doc.get(key, [])
    if not isinstance(values, list):
        raise CalendarFileError(f"{path}：{key} 应为日期列表，例如 {key} = [2027-10-01]")
    return frozenset(_date(v, key, path) for v in values)


def load_calendar_overrides(folder: Path) -> CalendarOverrides:
    """The overrides of ``folder/calendar.toml``; none when the file does not exist."""
    path = Path(folder) / CALENDAR_FILE
    if not path.exists():
        return CalendarOverrides()
    import tomllib  # ~8 ms: only for a folder that has the file

    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CalendarFileError(f"{path} 格式有误：{exc}") from None
    years = doc.get("announced_years", [])
    if not isinstance(years, list) or not all(isinstance(y, int) for y in years):
        raise CalendarFileError(f"{path}：announced_years 应为年份列表，例如 [2027]")
    names_doc = doc.get("names", {})
    if not isinstance(names_doc, dict):
        raise CalendarFileError(f"{path}：[names] 应为“日期 = 名称”的表")
    names = {_date(k, "names", path): str(v) for k, v in names_doc.items()}
    return CalendarOverrides(
        holidays=_dates(doc, "holidays", path),
        workdays=_dates(doc, "workdays", path),
        announced_years=frozenset(years),
        names=names,
    )


def load_calendar(folder: Path) -> WorkCalendar:
    """The working-day calendar with the folder's overrides applied (the national schedule's
    years from the user's cache when it has them: see holiday_cache)."""
    return WorkCalendar(load_calendar_overrides(folder), national_schedule())
