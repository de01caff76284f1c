"""EDU-7 attendance, NAT-5 streaks, NAT-1 / NAT-2 quorum and results."""

from __future__ import annotations

from branchtui.domain.attendance import (
    absence_streak,
    attendance_rates,
    committee_quorum,
    general_meeting_vote,
)
from branchtui.domain.records import Attendance, Vote

from .conftest import D, add_committee, add_meeting, add_member, add_members

ON = D(2026, 11, 27)


def test_NAT_1_probationary_members_have_no_vote(data) -> None:
    full = add_members(data, 9)
    prob = add_members(data, 3, status="probationary", full_date=None)
    meeting = add_meeting(
        data,
        "general_meeting",
        D(2026, 11, 6),
        attendees=full[:5] + prob,
        votes=[Vote(motion="接收李四为预备党员", yes=5, no=0)],
    )
    result = general_meeting_vote(meeting, data.members)
    assert (result.entitled, result.present, result.quorate) == (9, 5, True)
    assert result.passed[0][1] is True
    assert "通过" in result.message


def test_NAT_1_yes_must_exceed_half_of_those_who_should_attend(data) -> None:
    ms = add_members(data, 10)
    meeting = add_meeting(
        data,
        "general_meeting",
        D(2026, 11, 6),
        attendees=ms[:8],
        votes=[Vote(motion="补选纪检委员", yes=5, no=3)],
    )
    result = general_meeting_vote(meeting, data.members)
    assert result.quorate and result.passed[0][1] is False
    assert "未通过" in result.message


def test_NAT_1_half_present_is_not_a_quorum(data) -> None:
    ms = add_members(data, 10)
    meeting = add_meeting(
        data,
        "general_meeting",
        D(2026, 11, 6),
        attendees=ms[:5],
        votes=[Vote(motion="决议", yes=5)],
    )
    result = general_meeting_vote(meeting, data.members)
    assert not result.quorate and not result.passed[0][1]
    assert "表决无效" in result.message


def test_NAT_1_tally_larger_than_present_is_invalid(data) -> None:
    ms = add_members(data, 4)
    meeting = add_meeting(
        data,
        "general_meeting",
        D(2026, 11, 6),
        attendees=ms[:3],
        votes=[Vote(motion="决议", yes=3, no=1)],
    )
    result = general_meeting_vote(meeting, data.members)
    assert not result.valid
    # The motion is said invalid, not "passed" and invalid in the same breath.
    assert "通过" not in result.message
    assert result.message.endswith("“决议”票数合计4超过实到人数3，表决无效")


def test_NAT_2_committee_quorum(data) -> None:
    ms = add_members(data, 5)
    add_committee(
        data,
        D(2025, 1, 1),
        ms,
        ("secretary", "deputy_secretary", "organization", "propaganda", "discipline"),
    )
    meeting = add_meeting(data, "committee_meeting", D(2026, 11, 6), attendees=ms[:3])
    assert committee_quorum(meeting, data.seats).quorate
    meeting.attendance = [Attendance(member_id=m.id) for m in ms[:2]]
    assert not committee_quorum(meeting, data.seats).quorate


def test_EDU_7_attendance_rate_counts_leave_as_expected(data) -> None:
    a = add_member(data)
    add_meeting(data, "theme_day", D(2026, 9, 2), attendees=[a])
    m2 = add_meeting(data, "theme_day", D(2026, 10, 9))
    m2.attendance = [Attendance(member_id=a.id, status="on_leave", reason="出差")]
    rate = attendance_rates([a], data.meetings, D(2026, 1, 1), ON)[a.id]
    assert (rate.attended, rate.expected, rate.rate) == (1, 2, 0.5)


def test_EDU_7_member_missing_from_all_member_list_counts_absent(data) -> None:
    a, b = add_members(data, 2)
    for month in (9, 10, 11):
        add_meeting(data, "life_meeting", D(2026, month, 5), attendees=[a])
    assert absence_streak(b, data, ON) == 3
    assert absence_streak(a, data, ON) == 0


def test_NAT_5_leave_breaks_the_absence_run(data) -> None:
    a = add_member(data)
    add_meeting(data, "theme_day", D(2026, 9, 2), absent=[a])
    leave = add_meeting(data, "theme_day", D(2026, 10, 9))
    leave.attendance = [Attendance(member_id=a.id, status="on_leave", reason="病假")]
    add_meeting(data, "theme_day", D(2026, 11, 2), absent=[a])
    assert absence_streak(a, data, ON) == 1


def test_EDU_7_meetings_before_joining_do_not_count(data) -> None:
    a = add_member(data, joined=D(2026, 11, 1))
    for month in (8, 9, 10):
        add_meeting(data, "theme_day", D(2026, month, 3))
    assert absence_streak(a, data, ON) == 0
