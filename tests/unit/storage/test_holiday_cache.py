"""The holiday schedule's cache: a start that finds its years there never asks the package."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from branchtui.domain.calendar import NationalSchedule, WorkCalendar
from branchtui.storage import holiday_cache
from branchtui.storage.holiday_cache import CACHE_FILE, national_schedule, remember

D = dt.date


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, and no schedule read yet in this process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(holiday_cache, "_shared", None)
    return tmp_path / "branchtui" / CACHE_FILE


def no_package(self: NationalSchedule) -> Any:
    raise AssertionError("the holidays package was asked")


def test_years_worked_out_once_are_read_back_without_the_package(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = WorkCalendar(national=national_schedule())
    october = first.theme_day_window(2026, 10, 2)
    name = first.holiday_name(D(2026, 10, 1))
    remember(first.national, around=2026)
    assert cache.exists()
    monkeypatch.setattr(holiday_cache, "_shared", None)  # a new start
    monkeypatch.setattr(NationalSchedule, "_china", no_package)
    again = WorkCalendar(national=national_schedule())
    assert again.theme_day_window(2026, 10, 2) == october == (D(2026, 10, 8), D(2026, 10, 10))
    assert again.holiday_name(D(2026, 10, 1)) == name == "国庆节"
    assert again.is_working_day(D(2026, 1, 4))  # a Sunday made a working day (调休)
    assert again.is_estimate(first.national.last_announced_year + 1)
    assert not again.is_estimate(2026)
    assert again.first_working_day(2029, 3) == first.first_working_day(2029, 3)  # around 2026


def test_a_cache_of_another_package_or_damaged_is_not_used(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    remember_year(2026)
    text = cache.read_text(encoding="utf-8")
    cache.write_text(text.replace('"key":"format 1', '"key":"format 0'), encoding="utf-8")
    monkeypatch.setattr(holiday_cache, "_shared", None)
    assert national_schedule().known == {}
    cache.write_text("{ damaged", encoding="utf-8")
    monkeypatch.setattr(holiday_cache, "_shared", None)
    schedule = national_schedule()
    assert schedule.known == {}
    assert WorkCalendar(national=schedule).first_working_day(2026, 10) == D(2026, 10, 8)


def test_a_cache_that_cannot_be_written_is_no_error(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.parent.parent.mkdir(parents=True, exist_ok=True)
    cache.parent.write_text("not a folder", encoding="utf-8")
    schedule = national_schedule()
    WorkCalendar(national=schedule).first_working_day(2026, 10)
    remember(schedule)
    assert schedule.worked_out  # kept in memory; nothing written, nothing raised


def remember_year(year: int) -> None:
    schedule = national_schedule()
    WorkCalendar(national=schedule).first_working_day(year, 1)
    remember(schedule)
