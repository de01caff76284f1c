"""Sequence numbers and titles, the theme-day window and length (LIFE-5), and the obligations
a record settles (LIFE-9)."""

from __future__ import annotations

from branchtui.domain.calendar import WorkCalendar
from branchtui.domain.meetings.settles import settled_by
from branchtui.domain.meetings.theme_day import theme_day_problem, theme_day_window
from branchtui.domain.meetings.titles import also_counted, meeting_title, sequence_number, time_text
from branchtui.domain.profile import get_profile
from branchtui.domain.records import Lecture, Meeting
from tests.unit.obligations.conftest import (
    D,
    add_committee,
    add_group,
    add_meeting,
    add_members,
    make_data,
)

PROFILE = get_profile("plan-2017")
CALENDAR = WorkCalendar()


def test_committee_meetings_are_numbered_per_year() -> None:
    data = make_data(name="金融服务部党支部")
    add_meeting(data, "committee_meeting", D(2025, 12, 3))
    add_meeting(data, "committee_meeting", D(2026, 1, 8))
    add_meeting(data, "committee_meeting", D(2026, 2, 5), start="09:00")
    draft = Meeting(kinds=["committee_meeting"], date=D(2026, 3, 4), start="09:00")
    assert meeting_title(draft, data) == "中共金融服务部党支部委员会2026年第3次会议"
    # A meeting entered late, earlier in the year, takes its place in the order.
    early = add_meeting(data, "committee_meeting", D(2026, 1, 2))
    assert sequence_number(early, data.meetings) == 1
    assert sequence_number(draft, data.meetings) == 4


def test_group_meetings_are_numbered_per_group_and_combined_kinds_each() -> None:
    data = make_data(name="中共测试党支部")
    ms = add_members(data, 4)
    first, second = add_group(data, "第一党小组", ms[:2]), add_group(data, "第二党小组", ms[2:])
    add_meeting(data, "group_meeting", D(2026, 1, 9), group_id=first.id)
    add_meeting(data, ["theme_day", "party_lecture"], D(2026, 2, 2))
    meeting = add_meeting(data, "group_meeting", D(2026, 2, 9), group_id=second.id)
    assert meeting_title(meeting, data) == "中共测试党支部第二党小组2026年第1次党小组会"
    combined = add_meeting(data, ["theme_day", "party_lecture"], D(2026, 3, 2))
    assert meeting_title(combined, data) == "中共测试党支部2026年第2次主题党日"
    assert also_counted(combined, data) == ["党课（2026年第2次）"]


def test_time_text_says_morning_or_afternoon() -> None:
    meeting = Meeting(kinds=["committee_meeting"], date=D(2026, 11, 3), start="09:00", end="10:30")
    assert time_text(meeting) == "2026年11月3日（星期二）上午 09:00—10:30"
    meeting.start, meeting.end = "14:30", ""
    assert time_text(meeting) == "2026年11月3日（星期二）下午 14:30"


def test_theme_day_window_is_explained() -> None:
    # November 2026: the 1st is a Sunday, so the window is Mon 2 to Wed 4.
    inside = theme_day_window(D(2026, 11, 4), CALENDAR, PROFILE)
    assert inside.allowed and (inside.first, inside.last) == (D(2026, 11, 2), D(2026, 11, 4))
    outside = theme_day_window(D(2026, 11, 5), CALENDAR, PROFILE)
    assert not outside.allowed
    assert outside.explanation.startswith(
        "2026-11-05不在规定时间内：2026年11月的主题党日应在第一个工作日（2026-11-02）"
    )
    weekend = theme_day_window(D(2026, 11, 7), CALENDAR, PROFILE, non_public=True)
    assert weekend.allowed and "非公企业" in weekend.explanation


def test_theme_day_must_last_two_hours() -> None:
    meeting = Meeting(kinds=["theme_day"], date=D(2026, 11, 2), start="14:00", end="15:30")
    assert (
        theme_day_problem(meeting, CALENDAR, PROFILE)
        == "2026-11-02 的主题党日仅 1 小时 30 分，应不少于2小时"
    )
    meeting.end = "16:00"
    assert theme_day_problem(meeting, CALENDAR, PROFILE) == ""


def test_a_theme_day_that_is_also_group_study_and_a_lecture_settles_three_duties() -> None:
    data = make_data(created=D(2026, 1, 1))
    ms = add_members(data, 5)
    add_committee(data, D(2026, 1, 1), ms)
    meeting = Meeting(
        kinds=["theme_day", "all_member_study", "party_lecture"],
        date=D(2026, 11, 2),
        start="14:00",
        end="16:30",
        lecture=Lecture(lecturer_id=ms[0].id, title="党课"),
        study_hours=2,
    )
    found = {
        (ob.rule, ob.status) for ob in settled_by(meeting, data, profile=PROFILE, calendar=CALENDAR)
    }
    assert {("LIFE-5", "met"), ("LIFE-3", "met"), ("LIFE-4", "met"), ("LIFE-9", "met")} <= found
    assert ("EDU-1", "due") in found  # 2 hours count, though 12 days are not reached yet
    assert data.meetings == []  # the data itself is left as it was


def test_a_theme_day_outside_its_window_says_why() -> None:
    data = make_data(created=D(2026, 1, 1))
    meeting = Meeting(kinds=["theme_day"], date=D(2026, 11, 10), duration_minutes=150)
    (ob,) = [o for o in settled_by(meeting, data, calendar=CALENDAR) if o.rule == "LIFE-5"]
    assert ob.status == "warning" and "不在规定时间内" in ob.detail
