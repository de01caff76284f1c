"""A dashboard obligation opens the right wizard, prefilled: kinds, date, group, window."""

from __future__ import annotations

from branchtui.domain.calendar import WorkCalendar
from branchtui.domain.meetings.prefill import prefill_for
from branchtui.domain.obligations import obligations_on
from branchtui.domain.profile import get_profile
from tests.unit.obligations.conftest import D, add_group, add_members, make_data

PROFILE = get_profile("plan-2017")
CALENDAR = WorkCalendar()
ON = D(2026, 11, 27)


def _open(rule: str, period: str, data, status: str | None = None):
    obs = [
        o
        for o in obligations_on(data, ON, PROFILE, CALENDAR)
        if o.rule == rule and o.period == period
    ]
    ob = next(o for o in obs if status is None or o.status == status)
    return prefill_for(ob, data, ON, CALENDAR, PROFILE)


def test_committee_meetings_of_this_and_a_past_month() -> None:
    data = make_data(created=D(2026, 1, 1))
    now = _open("LIFE-2", "2026-11", data)
    assert now.kinds == ("committee_meeting",) and now.date == ON
    past = _open("LIFE-2", "2026-10", data)
    assert past.date == D(2026, 10, 31)


def test_group_meetings_open_for_their_group() -> None:
    data = make_data(created=D(2026, 1, 1))
    ms = add_members(data, 4)
    group = add_group(data, "第一党小组", ms)
    found = _open("LIFE-3", "2026-11", data)
    assert found.kinds == ("group_meeting",) and found.group_id == group.id


def test_theme_day_is_dated_in_its_window_with_the_window_explained() -> None:
    data = make_data(created=D(2026, 1, 1))
    coming = _open("LIFE-5", "2026-12", data)
    assert coming.kinds == ("theme_day",) and coming.date == D(2026, 12, 1)
    assert coming.window.startswith("2026-12-01在规定时间内")
    late = _open("LIFE-5", "2026-11", data)
    assert late.date == ON and "不在规定时间内" in late.window


def test_appraisal_opens_a_life_meeting_with_appraisal() -> None:
    data = make_data(created=D(2025, 1, 1))
    found = _open("LIFE-7", "2025", data)
    assert found.kinds == ("life_meeting", "appraisal") and found.date == ON
