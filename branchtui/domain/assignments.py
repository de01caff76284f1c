"""党员分配工作 (设岗定责, 党员责任区, 党员示范岗 …): when assigned work counts toward NAT-5.

NAT-5 treats 6 months in a row of not doing the work the party assigned, without good reason,
as 自行脱党. An assignment counts from its due date (完成期限) until it is done; one without a
due date (长期) has nothing to be late for. A good reason (正当理由, e.g. illness) over a date
range breaks the run: the months before it and during it do not count, counting starts again
the day it ends, and a reason still running at the date counts nothing.
"""

from __future__ import annotations

import datetime as dt

from branchtui.domain.dates import format_date, months_between
from branchtui.domain.records import BranchData, Member, WorkAssignment
from branchtui.domain.records.education import WORK_FORMS


def excused_range(work: WorkAssignment) -> tuple[dt.date, dt.date | None] | None:
    """The days the member had a good reason not to do the work (the end None: still running),
    or None without a reason. A reason without its start covers the work from its assignment."""
    if not work.excuse.strip():
        return None
    return work.excused_from or work.assigned, work.excused_until


def overdue_months(work: WorkAssignment, on: dt.date) -> int:
    """NAT-5: whole months in a row, up to ``on``, that ``work`` is past its due date, not done
    and without a good reason. 0 for 长期 work, work done by ``on``, and while excused."""
    if work.due is None or (work.completed is not None and work.completed <= on):
        return 0
    start = work.due
    excused = excused_range(work)
    if excused is not None:
        first, last = excused
        if first <= on and (last is None or last >= start):
            if last is None or last >= on:
                return 0
            start = last  # the run starts again when the reason ends
    return max(0, months_between(start, on))


def assignments_by_member(data: BranchData) -> dict[str, list[WorkAssignment]]:
    """Each member's assignments (for judging many members at once)."""
    out: dict[str, list[WorkAssignment]] = {}
    for work in data.work_assignments:
        out.setdefault(work.member_id, []).append(work)
    return out


def work_streak(
    member: Member,
    data: BranchData,
    on: dt.date,
    by_member: dict[str, list[WorkAssignment]] | None = None,
) -> tuple[int, WorkAssignment | None]:
    """The member's longest run of NAT-5 months over their assignments, and that assignment
    (None when no assignment is late without good reason). Pass ``by_member`` when asking for
    many members."""
    works = (by_member if by_member is not None else assignments_by_member(data)).get(member.id, [])
    worst, which = 0, None
    for work in works:
        months = overdue_months(work, on)
        if months > worst:
            worst, which = months, work
    return worst, which


def work_state(work: WorkAssignment, on: dt.date) -> str:
    """Where the work stands at ``on``, as the register lists it."""
    if work.completed is not None and work.completed <= on:
        return "已完成"
    excused = excused_range(work)
    if excused is not None and excused[0] <= on and (excused[1] is None or excused[1] >= on):
        return "有正当理由"
    if work.due is None:
        return "进行中"  # 长期: the due column says so
    if work.due >= on:
        return "未到期"
    months = overdue_months(work, on)
    return f"逾期{months}个月" if months else "已逾期"


def work_detail(work: WorkAssignment) -> str:
    """The lines under the register about one assignment: its form, dates, reason and note."""
    due = format_date(work.due) if work.due is not None else "长期"
    lines = [
        f"{WORK_FORMS.get(work.form, work.form)}：{work.content}",
        f"分配日期：{format_date(work.assigned)}    完成期限：{due}"
        + (f"    完成日期：{format_date(work.completed)}" if work.completed else ""),
    ]
    excused = excused_range(work)
    if excused is not None:
        until = format_date(excused[1]) if excused[1] is not None else "今"
        lines.append(f"正当理由：{work.excuse}（{format_date(excused[0])}至{until}）")
    if work.note.strip():
        lines.append(f"备注：{work.note}")
    return "\n".join(lines)
