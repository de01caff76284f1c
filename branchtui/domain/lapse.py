"""NAT-5: months in a row a member has not paid dues, attended organizational life or done
the work the branch assigned (党员分配工作, domain/assignments.py).

6 months in a row without good reason of not paying dues, not attending organizational life,
or not doing assigned work → treated as 自行脱党 (党章 §9): a warning at the profile's
``lapse_warning_months`` (3), due for handling at ``lapse_months`` (6).

A member the branch already follows up — an open 不合格党员处置 case (EDU-8) or an open
失联 record (NAT-6) — is handled there; NAT-5 and EDU-7 name them without asking again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from branchtui.domain.assignments import assignments_by_member, work_streak
from branchtui.domain.attendance import AttendanceBook, absence_streak
from branchtui.domain.dues import DuesBook, unpaid_streak
from branchtui.domain.member_names import display_names
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, Member, WorkAssignment


@dataclass(frozen=True)
class Lapse:
    """One member's months in a row without dues, without organizational life and without
    doing assigned work (``work``: the content of the assignment furthest past due)."""

    member_id: str
    name: str
    dues_months: int
    life_months: int
    warn_at: int
    lapse_at: int
    work_months: int = 0
    work: str = ""
    work_id: str | None = None

    @property
    def worst(self) -> int:
        return max(self.dues_months, self.life_months, self.work_months)

    @property
    def level(self) -> str | None:
        """'due' at ``lapse_at`` months, 'warning' at ``warn_at``, else None."""
        if self.worst >= self.lapse_at:
            return "due"
        return "warning" if self.worst >= self.warn_at else None

    @property
    def what(self) -> str:
        """连续4个月未交党费、连续3个月未参加组织生活、连续6个月未完成党组织分配的工作“…”
        — the streaks at or past the warning."""
        parts = []
        if self.dues_months >= self.warn_at:
            parts.append(f"连续{self.dues_months}个月未交党费")
        if self.life_months >= self.warn_at:
            parts.append(f"连续{self.life_months}个月未参加组织生活")
        if self.work_months >= self.warn_at:
            parts.append(f"连续{self.work_months}个月未完成党组织分配的工作“{self.work}”")
        return "、".join(parts)

    @property
    def case_reason(self) -> str:
        """The reason a case opened from this lapse starts with (EDU-8)."""
        return f"{self.what}（NAT-5）"


def lapse_of(
    member: Member,
    data: BranchData,
    on: dt.date,
    profile: Profile,
    dues: DuesBook | None = None,
    attendance: AttendanceBook | None = None,
    works: dict[str, list[WorkAssignment]] | None = None,
    name: str = "",
) -> Lapse:
    """The member's streaks at ``on``; an inflow member pays dues elsewhere (0 months).
    ``name``: the member's shown name (domain.member_names), her name when not given."""
    unpaid = 0 if member.inflow else unpaid_streak(member, data, on, dues)
    absent = absence_streak(member, data, on, lookback=profile.lapse_months + 6, book=attendance)
    late, work = work_streak(member, data, on, works)
    return Lapse(
        member.id,
        name or member.name,
        unpaid,
        absent,
        profile.lapse_warning_months,
        profile.lapse_months,
        work_months=late,
        work=work.content if work is not None else "",
        work_id=work.id if work is not None else None,
    )


def quit_warning(member: Member, data: BranchData, on: dt.date, profile: Profile) -> str:
    """NAT-5: why treating ``member`` as 自行脱党 on ``on`` is not (yet) founded — she has not
    gone the profile's months in a row without dues, organizational life or assigned work —
    or '' when she has. Said by the discipline case's step and by the roster's 移除党员."""
    lapse = lapse_of(member, data, on, profile)
    if lapse.level == "due":
        return ""
    return (
        f"按自行脱党处理须连续{lapse.lapse_at}个月未尽党员义务，"
        f"{member.name}目前最长连续{lapse.worst}个月（NAT-5）"
    )


def lapses(
    data: BranchData,
    on: dt.date,
    profile: Profile,
    dues: DuesBook | None = None,
    attendance: AttendanceBook | None = None,
    names: dict[str, str] | None = None,
) -> list[Lapse]:
    """The current members at or past NAT-5's warning in dues, attendance or assigned work,
    in roster order, named by their shown names (``names``, else worked out here)."""
    dues = dues or DuesBook.of(data)
    attendance = attendance or AttendanceBook(data.meetings)
    works = assignments_by_member(data)
    names = names if names is not None else display_names(data.members)
    found = (
        lapse_of(m, data, on, profile, dues, attendance, works, names.get(m.id, ""))
        for m in data.active_members
    )
    return [lapse for lapse in found if lapse.level is not None]


def followed_up(data: BranchData) -> dict[str, str]:
    """Members the branch is already following up, with how: an open discipline case
    (处置中, EDU-8) or an open lost-contact record (已登记失联, NAT-6)."""
    found: dict[str, str] = {}
    for lost in data.lost_contacts:
        if lost.found is None and lost.removed is None:
            found[lost.member_id] = "已登记失联"
    for case in data.discipline_cases:
        if case.closed is None:
            found[case.member_id] = "处置中"
    return found
