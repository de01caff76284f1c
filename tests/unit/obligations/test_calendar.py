"""The working-day calendar: 调休, first working days, windows, estimates, calendar.toml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from branchtui.domain.calendar import LAST_ANNOUNCED_YEAR, CalendarOverrides, WorkCalendar
from branchtui.storage.calendar_file import (
    CalendarFileError,
    load_calendar,
    load_calendar_overrides,
)

D = dt.date


def test_first_working_days_of_2026() -> None:
    cal = WorkCalendar()
    got = [cal.first_working_day(2026, m).strftime("%m-%d") for m in range(1, 13)]
    assert got == [
        "01-04", "02-02", "03-02", "04-01", "05-06", "06-01",
        "07-01", "08-03", "09-01", "10-08", "11-02", "12-01",
    ]  # fmt: skip


def test_make_up_workday_on_a_sunday_is_a_working_day() -> None:
    cal = WorkCalendar()
    assert D(2026, 1, 4).weekday() == 6 and cal.is_working_day(D(2026, 1, 4))
    assert not cal.is_working_day(D(2026, 10, 1))  # 国庆节
    assert cal.holiday_name(D(2026, 10, 1)) == "国庆节"
    assert not cal.is_working_day(D(2026, 11, 28))  # an ordinary Saturday


def test_working_days_after_skips_the_national_day_week() -> None:
    cal = WorkCalendar()
    assert cal.working_days_after(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert cal.working_days_after(D(2026, 11, 2), 2) == D(2026, 11, 4)
    assert cal.working_days_after(D(2026, 11, 2), 0) == D(2026, 11, 2)


def test_theme_day_window_and_weekends_for_non_public_enterprises() -> None:
    cal = WorkCalendar()
    # 10-10 is a Saturday made a working day (调休), so the window ends there.
    assert cal.theme_day_window(2026, 10, 2) == (D(2026, 10, 8), D(2026, 10, 10))
    assert cal.theme_day_allowed(D(2026, 11, 4), 2)
    assert not cal.theme_day_allowed(D(2026, 11, 5), 2)
    assert not cal.theme_day_allowed(D(2026, 11, 7), 2)  # a Saturday
    assert cal.theme_day_allowed(D(2026, 11, 7), 2, non_public=True)
    assert not cal.theme_day_allowed(D(2026, 11, 10), 2, non_public=True)  # a later weekday


def test_years_after_the_announced_schedule_are_estimates() -> None:
    cal = WorkCalendar()
    assert not cal.is_estimate(2026)
    assert cal.is_estimate(LAST_ANNOUNCED_YEAR + 1)
    entered = WorkCalendar(CalendarOverrides(announced_years=frozenset({LAST_ANNOUNCED_YEAR + 1})))
    assert not entered.is_estimate(LAST_ANNOUNCED_YEAR + 1)


def test_overrides_add_days_off_and_make_up_workdays() -> None:
    over = CalendarOverrides(
        holidays=frozenset({D(2027, 10, 8)}), workdays=frozenset({D(2027, 9, 26)})
    )
    cal = WorkCalendar(over)
    assert not cal.is_working_day(D(2027, 10, 8))
    assert cal.is_working_day(D(2027, 9, 26))  # a Sunday made a working day
    assert not cal.is_estimate(2027)  # the user entered that year's schedule


def test_calendar_toml_is_read_from_the_data_folder(tmp_path: Path) -> None:
    (tmp_path / "calendar.toml").write_text(
        "holidays = [2027-11-01]\nworkdays = ['2027-10-31']\nannounced_years = [2027]\n"
        '[names]\n2027-11-01 = "单位假日"\n',
        encoding="utf-8",
    )
    cal = load_calendar(tmp_path)
    assert cal.first_working_day(2027, 11) == D(2027, 11, 2)
    assert cal.is_working_day(D(2027, 10, 31))
    assert cal.holiday_name(D(2027, 11, 1)) == "单位假日"
    assert load_calendar_overrides(tmp_path / "none") == CalendarOverrides()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("holidays = [", "格式有误"),
        ("holidays = ['2027-13-01']", "不是日期"),
        ("workdays = 5", "日期列表"),
    ],
)
def test_a_bad_calendar_toml_is_a_chinese_error(tmp_path: Path, text: str, fragment: str) -> None:
    (tmp_path / "calendar.toml").write_text(text, encoding="utf-8")
    with pytest.raises(CalendarFileError) as caught:
        load_calendar_overrides(tmp_path)
    assert fragment in caught.value.message
