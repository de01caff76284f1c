"""出勤 (EDU-7): each member's attendance over a year, and who has been absent for months.

The rates and streaks are attendance.py's, as EDU-7 and NAT-5 judge them; this module only
gathers them per member for the 出勤与失联 screen, the members to watch first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from branchtui.domain.attendance import AttendanceBook, absence_streak, attendance_rates
from branchtui.domain.lapse import followed_up
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Member


@dataclass(frozen=True)
class MemberAttendance:
    """One member's year: meetings attended of those expected, and the absence run at its end."""

    member: Member
    attended: int
    expected: int
    streak: int  # months in a row absent without leave, ending at the window's last month
    flagged: bool  # EDU-7: a current member absent ``absence_warning_months`` or more
    follow_up: str  # '' or how the branch follows the member up (lapse.followed_up)

    @property
    def rate(self) -> float | None:
        return self.attended / self.expected if self.expected else None

    @property
    def rate_text(self) -> str:
        rate = self.rate
        return "" if rate is None else f"{rate * 100:.0f}%"


def attendance_overview(
    data: BranchData, year: int, on: dt.date, profile: Profile
) -> list[MemberAttendance]:
    """The members of ``year`` (up to ``on``) with their attendance: those flagged first, then
    the lowest rates; members without any meeting expected last."""
    start, end = dt.date(year, 1, 1), min(on, dt.date(year, 12, 31))
    if end < start:
        return []
    members = [
        m
        for m in data.members
        if (m.counted_from is None or m.counted_from <= end)
        and (m.removed is None or m.removed >= start)
    ]
    book = AttendanceBook(data.meetings)
    rates = attendance_rates(members, data.meetings, start, end, book=book)
    following = followed_up(data)
    limit = profile.absence_warning_months
    rows = []
    for member in members:
        rate = rates[member.id]
        streak = absence_streak(member, data, end, book=book) if member.active else 0
        rows.append(
            MemberAttendance(
                member=member,
                attended=rate.attended,
                expected=rate.expected,
                streak=streak,
                flagged=member.active and end == on and streak >= limit,
                follow_up=following.get(member.id, "") if member.active else "",
            )
        )

    def order(row: MemberAttendance) -> tuple[bool, bool, float]:
        rate = row.rate
        return (not row.flagged, rate is None, rate if rate is not None else 0.0)

    return sorted(rows, key=order)
