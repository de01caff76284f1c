"""What the monthly report to the upper committee (REP-1) says, as plain dicts for the template.

Every figure comes from the records. Duties are judged at the month's last day, or today when
the month is not over; arrears count the reported month once it is over (report_dues), so the
report and the dashboard of the next day agree. ``texts`` are the secretary's own words for the
month (存在的问题, 下月工作打算), kept on the MonthlyReport record; when there are none the report
says what the records show instead.
"""

from __future__ import annotations

import datetime as dt

from branchtui.domain import report_dues
from branchtui.domain import report_registers as registers
from branchtui.domain import report_sections as sections
from branchtui.domain.calendar import WorkCalendar
from branchtui.domain.committee_changes import committee_changes
from branchtui.domain.dates import add_months, format_date_cn, month_bounds, month_key
from branchtui.domain.obligations import obligations_on
from branchtui.domain.obligations.rep import report_deadline
from branchtui.domain.probation import conversion_due
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData, MonthlyReport
from branchtui.domain.records.ledgers import MONTHLY_TEXTS
from branchtui.domain.report_common import (
    Context,
    branch_of,
    by_text_key,
    parse_month_key,
    period_problem,
    profile_of,
    recorder_gaps,
    study_of,
    talks_owed,
)
from branchtui.domain.roster import active_members_on, status_on


def held_or_required(kinds: list[Context], groups: int) -> list[Context]:
    """Drop the kind a branch is not asked to hold and did not hold (LIFE-3): 党小组会 in a
    branch without groups, 全体党员学习 in one with groups."""
    skip = "all_member_study" if groups else "group_meeting"
    return [k for k in kinds if k["kind"] != skip or k["count"]]


def conversions_due(
    data: BranchData, on: dt.date, until: dt.date, profile: Profile
) -> list[Context]:
    """预备党员 whose probation ends by ``until`` (REL-5, NAT-3): name and the date it ends."""
    rows = []
    names = sections.member_names(data)
    for member in active_members_on(data.members, on):
        if status_on(member, on) != "probationary":
            continue
        ends = conversion_due(member, profile, data.candidates)
        if ends is not None and ends <= until:
            rows.append({"name": names[member.id], "date": ends, "late": ends < on})
    return sorted(rows, key=lambda r: r["date"])


def _record_of(data: BranchData, key: str) -> MonthlyReport | None:
    return next((r for r in data.monthly_reports if r.month == key), None)


def monthly_report_context(
    data: BranchData,
    month: str,
    profile: Profile,
    on: dt.date,
    calendar: WorkCalendar | None = None,
    *,
    with_settings: bool = False,
) -> Context:
    """Everything the monthly report (REP-1) says about ``month`` (``YYYY-MM``), made on ``on``.

    ``with_settings`` adds the profile's numbers as an appendix (off by default: an upper
    committee does not expect them; the profile in force is always named).
    """
    first = parse_month_key(month)
    start, end = month_bounds(first.year, first.month)
    judged = min(end, on)
    following = add_months(start, 1)
    next_start, next_end = month_bounds(following.year, following.month)
    branch = branch_of(data)
    label = f"{start.year}年{start.month}月"
    rows = sections.meeting_rows(data, start, end)
    summary = sections.roster_summary(data, judged)
    found = obligations_on(data, judged, profile, calendar)
    dues = report_dues.dues_of_month(data, start, judged)
    dues["arrears"] = report_dues.month_end_arrears(data, start, on)
    record = _record_of(data, month_key(start))
    own = by_text_key(record.texts if record else None)
    texts = {key: own.get(key, "") for key in MONTHLY_TEXTS}
    names = sections.member_names(data)
    development = sections.development(data, start, judged)
    development["probationary"] = summary["probationary"]
    development["conversions"] = conversions_due(data, judged, next_end, profile)
    care = registers.care(data, start, end)
    care["owed"] = talks_owed(found, names)
    duties = sections.open_obligations(found)
    return {
        "kind": "monthly",
        "title": f"关于{branch['name']}{label}开展党支部基本建设工作情况的报告",
        "branch": branch,
        "period": {
            "key": month_key(start),
            "label": label,
            "start": start,
            "end": end,
            "complete": on >= end,
            "due": report_deadline(start, profile.report_due_day),
        },
        "generated": on,
        "generated_cn": format_date_cn(on),
        "judged_on": judged,
        "roster": summary,
        "changes": sections.roster_changes(data, start, end),
        "committee_changes": [
            {"date": c.date, "text": c.text} for c in committee_changes(data, start, end)
        ],
        "three_meetings": held_or_required(
            sections.meetings_by_kind(rows, sections.THREE_MEETINGS_ONE_LECTURE), summary["groups"]
        ),
        "theme_days": sections.meetings_by_kind(rows, ["theme_day"])[0]["meetings"],
        "other_meetings": sections.meetings_by_kind(rows, ["life_meeting", "appraisal"]),
        "meeting_count": len(rows),
        "recorder_gaps": recorder_gaps(rows),
        "study": study_of(data, start, end, profile),
        "activities": sections.activity_rows(data, start, end),
        "dues": dues,
        "development": development,
        "relations": registers.relations(data, start, end),
        "care": care,
        "support": registers.support(data, start, end),
        "obligations": duties,
        "next_plan": {
            "label": f"{next_start.year}年{next_start.month}月",
            "rows": sections.plan_items(data, next_start, next_end),
            "upcoming": [r for r in duties["upcoming"] if r["due"] and r["due"] <= next_end],
        },
        "texts": texts,
        "text_headings": MONTHLY_TEXTS,
        "sent": record.sent if record else None,
        "profile": profile_of(profile, with_settings),
    }


def monthly_report_log(data: BranchData, year: int, on: dt.date, profile: Profile) -> list[Context]:
    """Each month of ``year`` up to ``on``'s month, from the branch's start (period_problem):
    when its report was generated and sent, by when it is due (REP-1), and in words where it
    stands — what the reports screen lists."""
    records = {r.month: r for r in data.monthly_reports}
    rows = []
    for number in range(1, 13):
        start, end = month_bounds(year, number)
        if start > on:
            break
        if period_problem(data, "", start, end, on):
            continue
        key = month_key(start)
        record = records.get(key)
        due = report_deadline(start, profile.report_due_day)
        generated = record.generated if record else None
        sent = record.sent if record else None
        if sent is not None:
            state = "已报送" if sent <= due else "逾期报送"
        elif on > due:
            state = "逾期未报送"
        elif generated is not None:
            state = "已生成，未报送"
        else:
            state = "未生成"
        rows.append(
            {"month": key, "generated": generated, "sent": sent, "due": due, "state": state}
        )
    return rows
