"""What the monthly report and the year report say (REP-1), as plain dicts for the templates.

``monthly_report_context`` gathers one month: the month's meetings, study, dues, roster changes,
development, relations and care, the duties still open at the month's end (from the duty
engine, each with its rule ID), next month's plan items, and the profile in force with its
numbers. ``year_report_context`` does the same for a calendar year, with the year's counts set
against what the profile requires and the self-assessment (REP-2, REP-3, REP-4).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from branchtui.domain import report_registers as registers
from branchtui.domain import report_sections as sections
from branchtui.domain.calendar import WorkCalendar
from branchtui.domain.dates import add_months, format_date_cn, month_bounds, month_key
from branchtui.domain.obligations import obligations_on
from branchtui.domain.obligations.rep import report_deadline
from branchtui.domain.profile import Profile
from branchtui.domain.profile_labels import profile_numbers
from branchtui.domain.records import BranchData
from branchtui.domain.records.branch import BRANCH_KINDS
from branchtui.domain.records.ledgers import ASSESSMENT_AREAS, FIVE_GOOD
from branchtui.domain.records.meetings import APPRAISAL_GRADES

Context = dict[str, Any]
# The kinds the year report counts against the profile, in the plan's order.
YEAR_KINDS = (*sections.THREE_MEETINGS_ONE_LECTURE, "theme_day", "life_meeting", "appraisal")


def _branch(data: BranchData) -> Context:
    branch = data.branch
    name = branch.name if branch else "本支部"
    return {
        "name": name,
        "kind": BRANCH_KINDS.get(branch.kind, "党支部") if branch else "党支部",
        "upper_committee": (branch.upper_committee if branch else "") or "上级党委",
    }


def _profile(profile: Profile) -> Context:
    return {"name": profile.name, "label": profile.label, "numbers": profile_numbers(profile)}


def _study(data: BranchData, start: dt.date, end: dt.date, profile: Profile) -> Context:
    """The window's study sessions, and the year's study days up to ``end`` against EDU-1."""
    year_days = sum(s["days"] for s in sections.study_rows(data, dt.date(end.year, 1, 1), end))
    sessions = sections.study_rows(data, start, end)
    required = float(profile.study_days_per_year)
    return {
        "sessions": sessions,
        "days": sum(s["days"] for s in sessions),
        "year_days": year_days,
        "required": required,
        "remaining": max(0.0, required - year_days),
        "met": year_days >= required,
    }


def parse_month_key(month: str) -> dt.date:
    """The first day of the month ``YYYY-MM``; ValueError otherwise."""
    year, _, number = month.partition("-")
    if len(year) != 4 or len(number) != 2 or not (year + number).isdigit():
        raise ValueError(f"month must be YYYY-MM, not {month!r}")
    return dt.date(int(year), int(number), 1)


def monthly_report_context(
    data: BranchData,
    month: str,
    profile: Profile,
    on: dt.date,
    calendar: WorkCalendar | None = None,
) -> Context:
    """Everything the monthly report (REP-1) says about ``month`` (``YYYY-MM``), made on ``on``.

    The duties are judged at the month's last day (or at ``on`` when the month is not over).
    """
    first = parse_month_key(month)
    start, end = month_bounds(first.year, first.month)
    judged = min(end, on)
    following = add_months(start, 1)
    next_start, next_end = month_bounds(following.year, following.month)
    branch = _branch(data)
    label = f"{start.year}年{start.month}月"
    rows = sections.meeting_rows(data, start, end)
    summary = sections.roster_summary(data, judged)
    found = obligations_on(data, judged, profile, calendar)
    edu4 = [ob for ob in found if ob.rule == "EDU-4" and ob.status in sections.OPEN_STATUSES]
    dues = sections.dues_of_month(data, start, judged)
    dues["arrears"] = edu4[0].detail if edu4 else ""
    dues["arrears_members"] = len(edu4[0].people) if edu4 else 0
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
        "three_meetings": _held_or_required(
            sections.meetings_by_kind(rows, sections.THREE_MEETINGS_ONE_LECTURE), summary["groups"]
        ),
        "theme_days": sections.meetings_by_kind(rows, ["theme_day"])[0]["meetings"],
        "other_meetings": sections.meetings_by_kind(rows, ["life_meeting", "appraisal"]),
        "meeting_count": len(rows),
        "study": _study(data, start, end, profile),
        "activities": sections.activity_rows(data, start, end),
        "dues": dues,
        "development": sections.development(data, start, end),
        "relations": registers.relations(data, start, end),
        "care": registers.care(data, start, end),
        "support": registers.support(data, start, end),
        "obligations": sections.open_obligations(found),
        "next_plan": {
            "label": f"{next_start.year}年{next_start.month}月",
            "rows": sections.plan_items(data, next_start, next_end),
        },
        "profile": _profile(profile),
    }


def _held_or_required(kinds: list[Context], groups: int) -> list[Context]:
    """Drop the kind a branch is not asked to hold and did not hold (LIFE-3): 党小组会 in a
    branch without groups, 全体党员学习 in one with groups."""
    skip = "all_member_study" if groups else "group_meeting"
    return [k for k in kinds if k["kind"] != skip or k["count"]]


def _required(kind: str, profile: Profile, groups: int) -> str:
    """What the profile asks of a kind of meeting in a year, in words."""
    if kind == "general_meeting":
        return f"每季度{profile.general_meetings_per_quarter}次，全年{4 * profile.general_meetings_per_quarter}次"
    if kind == "committee_meeting":
        return f"每月{profile.committee_meetings_per_month}次，全年{12 * profile.committee_meetings_per_month}次"
    if kind == "group_meeting":
        if not groups:
            return "未设党小组，以全体党员学习代替"
        return f"每组每月{profile.group_meetings_per_month}次，全年{12 * groups * profile.group_meetings_per_month}次"
    if kind == "all_member_study":
        return "不设党小组的每月1次" if not groups else "（设党小组，不作要求）"
    if kind == "party_lecture":
        return f"{profile.lectures_per_year_min}至{profile.lectures_per_year_full}次"
    if kind == "theme_day":
        return "每月1次，全年12次"
    if kind == "life_meeting":
        return f"至少{profile.life_meetings_per_year}次"
    return "每年1次"


def _appraisal(data: BranchData, year: int) -> Context | None:
    """The year's 民主评议党员 results by grade (LIFE-7, NAT-7)."""
    found = [a for a in data.appraisals if a.year == year]
    if not found:
        return None
    results = found[-1].results
    grades = [
        {"grade": label, "count": sum(1 for r in results if r.grade == key)}
        for key, label in APPRAISAL_GRADES.items()
    ]
    return {
        "members": len(results),
        "grades": grades,
        "ungraded": sum(1 for r in results if not r.grade),
    }


def _assessment(data: BranchData, year: int) -> Context | None:
    """The year's self-assessment: a score per task area (REP-2) and the 五好 check (REP-3)."""
    found = [a for a in data.assessments if a.year == year]
    if not found:
        return None
    latest = found[-1]
    scores = [
        {"area": label, "score": latest.scores.get(key)} for key, label in ASSESSMENT_AREAS.items()
    ]
    return {
        "date": latest.date,
        "scores": scores,
        "total": sum(s["score"] or 0.0 for s in scores),
        "five_good": [
            {"criterion": label, "result": latest.five_good.get(key, "")}
            for key, label in FIVE_GOOD.items()
        ],
    }


def year_report_context(
    data: BranchData,
    year: int,
    profile: Profile,
    on: dt.date,
    calendar: WorkCalendar | None = None,
) -> Context:
    """Everything the year report says about calendar ``year``, made on ``on``.

    For the running year the figures run up to ``on`` and the report says so.
    """
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    judged = min(end, on)
    branch = _branch(data)
    rows = sections.meeting_rows(data, start, judged)
    summary = sections.roster_summary(data, judged)
    kinds = _held_or_required(sections.meetings_by_kind(rows, YEAR_KINDS), summary["groups"])
    for entry in kinds:
        entry["required"] = _required(entry["kind"], profile, summary["groups"])
        entry["meetings"] = [] if entry["kind"] != "theme_day" else entry["meetings"]
    found = obligations_on(data, judged, profile, calendar)
    plans = [p for p in data.work_plans if p.year == year]
    items = plans[-1].items if plans else []
    return {
        "kind": "year",
        "title": f"关于{branch['name']}{year}年度开展党支部基本建设工作情况的报告",
        "branch": branch,
        "period": {
            "key": str(year),
            "label": f"{year}年",
            "start": start,
            "end": end,
            "complete": on >= end,
            "until_cn": format_date_cn(judged),
        },
        "generated": on,
        "generated_cn": format_date_cn(on),
        "judged_on": judged,
        "roster": summary,
        "changes": sections.roster_changes(data, start, judged),
        "meetings_by_kind": kinds,
        "theme_days": next(k for k in kinds if k["kind"] == "theme_day")["meetings"],
        "meeting_count": len(rows),
        "appraisal": _appraisal(data, year),
        "study": _study(data, start, judged, profile),
        "activities": sections.activity_rows(data, start, judged),
        "dues": sections.dues_of_window(data, start, judged),
        "development": sections.development(data, start, judged),
        "relations": registers.relations(data, start, judged),
        "care": registers.care(data, start, judged),
        "support": registers.support(data, start, judged),
        "plan": {
            "adopted": plans[-1].adopted if plans else None,
            "total": len(items),
            "done": sum(1 for i in items if i.done is not None),
        },
        "assessment": _assessment(data, year),
        "practice_notes": [
            {"date": n.date, "title": n.title, "reported": n.reported}
            for n in sorted(data.practice_notes, key=lambda n: n.date)
            if start <= n.date <= judged
        ],
        "obligations": sections.open_obligations(found),
        "profile": _profile(profile),
    }
