"""EDU-7 attendance rates and NAT-5 runs on the shared per-judgement indexes."""

from __future__ import annotations

from branchtui.domain.attendance import AttendanceBook, absence_streak, attendance_rates
from branchtui.domain.records import Attendance

from .conftest import D, add_group, add_meeting, add_member, add_members

ON = D(2026, 11, 27)
YEAR = D(2026, 1, 1)


def _rates(data, members, book=None):
    found = attendance_rates(members, data.meetings, YEAR, ON, book=book)
    return {m.name: (found[m.id].attended, found[m.id].expected) for m in members}


def test_EDU_7_unlisted_member_is_expected_only_while_a_member(data) -> None:
    old, new = add_member(data, "老党员"), add_member(data, "新党员", joined=D(2026, 6, 1))
    gone = add_member(data, "转出者", removed=D(2026, 4, 30))
    for month in (3, 5, 7, 9):
        add_meeting(data, "theme_day", D(2026, month, 10), attendees=[old])
    assert _rates(data, [old, new, gone]) == {
        "老党员": (4, 4),
        "新党员": (0, 2),  # July and September only
        "转出者": (0, 1),  # March only
    }


def test_EDU_7_group_meeting_expects_only_that_groups_members(data) -> None:
    a, b, c = add_members(data, 3)
    group = add_group(data, "第一党小组", [a, b])
    add_meeting(data, "group_meeting", D(2026, 10, 8), attendees=[a], group_id=group.id)
    add_meeting(data, "committee_meeting", D(2026, 10, 9), attendees=[c])
    assert _rates(data, [a, b, c]) == {
        a.name: (1, 1),
        b.name: (0, 1),  # in the group, not on the list: absent
        c.name: (1, 1),  # not expected at the group's meeting
    }


def test_EDU_7_leave_row_of_a_new_member_counts_once(data) -> None:
    new = add_member(data, "新党员", joined=D(2026, 6, 1))
    m = add_meeting(data, "theme_day", D(2026, 7, 10))
    m.attendance = [Attendance(member_id=new.id, status="on_leave", reason="出差")]
    add_meeting(data, "theme_day", D(2026, 8, 10), attendees=[new])
    book = AttendanceBook(data.meetings)
    assert _rates(data, [new]) == _rates(data, [new], book) == {"新党员": (1, 2)}


def test_NAT_5_absence_run_counts_each_month_once_across_years(data) -> None:
    a, b = add_members(data, 2)
    for year, month in ((2025, 11), (2025, 12), (2026, 1), (2026, 2)):
        add_meeting(data, "theme_day", D(year, month, 3), attendees=[a])
    book = AttendanceBook(data.meetings)
    on = D(2026, 2, 20)
    assert absence_streak(b, data, on, book=book) == 4
    assert absence_streak(b, data, on, lookback=3, book=book) == 3
    assert absence_streak(a, data, on, book=book) == 0
