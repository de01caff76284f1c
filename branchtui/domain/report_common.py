"""What every report shares: the branch, the profile in force, the period, study against EDU-1.

Plain dicts for the templates; ``report_monthly`` and ``report_year`` build on them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, TypeVar

from branchtui.domain import report_sections as sections
from branchtui.domain.dates import format_date_cn
from branchtui.domain.obligations.base import Obligation
from branchtui.domain.obligations.periods import branch_start
from branchtui.domain.profile import Profile
from branchtui.domain.profile_labels import profile_numbers
from branchtui.domain.records import BranchData
from branchtui.domain.records.branch import BRANCH_KINDS
from branchtui.domain.records.meetings import MEETING_KINDS
from branchtui.domain.study import format_days, study_days_of, study_year

Context = dict[str, Any]
V = TypeVar("V")


def branch_of(data: BranchData) -> Context:
    """The branch's name, kind and upper committee, with words for what is not recorded."""
    branch = data.branch
    return {
        "name": (branch.name if branch else "") or "本支部",
        "kind": BRANCH_KINDS.get(branch.kind, "党支部") if branch else "党支部",
        "upper_committee": (branch.upper_committee if branch else "") or "上级党委",
    }


def profile_of(profile: Profile, with_settings: bool = False) -> Context:
    """The rule profile in force (every report names it); its numbers only when asked for."""
    return {
        "name": profile.name,
        "label": profile.label,
        "numbers": profile_numbers(profile) if with_settings else [],
    }


def study_of(data: BranchData, start: dt.date, end: dt.date, profile: Profile) -> Context:
    """The window's study sessions and meetings with study hours, and the year's study days up
    to ``end`` against EDU-1 — counted by ``study.study_year``, as the dashboard counts them."""
    year = study_year(data, end.year, end, profile)
    sessions = sections.study_rows(data, start, end)
    shown = [m for m in sorted(year.meetings, key=lambda m: m.date) if start <= m.date <= end]
    meetings = [
        {
            "date": m.date,
            "topic": "、".join(MEETING_KINDS.get(k, k) for k in m.kinds)
            + (f"“{m.topic}”" if m.topic else ""),
            "hours": format_days(m.study_hours or 0),
            "days": study_days_of(m, profile),
            "participants": sum(1 for a in m.attendance if a.status == "present"),
        }
        for m in shown
    ]
    days = sum(float(s["days"]) for s in sessions) + sum(study_days_of(m, profile) for m in shown)
    return {
        "sessions": sessions,
        "meetings": meetings,
        "days": days,
        "year_days": year.total,
        "required": float(year.required),
        "remaining": year.missing,
        "met": year.met,
    }


def by_text_key(mapping: Mapping[Any, V] | None) -> dict[str, V]:
    """A record's dict keyed by a Literal (texts, scores) as a plain text-keyed dict."""
    return {str(k): v for k, v in (mapping or {}).items()}


def parse_month_key(month: str) -> dt.date:
    """The first day of the month ``YYYY-MM``; ValueError otherwise."""
    year, _, number = month.partition("-")
    if len(year) != 4 or len(number) != 2 or not (year + number).isdigit():
        raise ValueError(f"month must be YYYY-MM, not {month!r}")
    return dt.date(int(year), int(number), 1)


def period_problem(
    data: BranchData, label: str, start: dt.date, end: dt.date, on: dt.date
) -> str | None:
    """Why a report of the period ``start``…``end`` (``label``: 2026年10月, 2026年) cannot be
    made on ``on``, in Chinese; None when it can. A period not begun has nothing to report, nor
    one that ended before the branch began (branch_start: its 成立时间 in 支部信息, else its
    first term or meeting) — the same start the duty engine judges from."""
    if start > on:
        return f"{label}尚未开始"
    first = branch_start(data)
    if first is not None and end < first:
        return (
            f"{label}在本支部成立（{format_date_cn(first)}）之前，没有可报告的记录"
            "（成立时间有误的，请在“支部信息”中修改）"
        )
    return None


def recorder_gaps(rows: list[Context]) -> list[Context]:
    """Meetings of the window without a named recorder (SYS-3): listed, never a reason to fail."""
    return [
        {"date": r["date"], "label": "、".join(r["kind_labels"]), "topic": r["topic"]}
        for r in rows
        if not r["recorder"]
    ]


def talks_owed(found: list[Obligation], names: dict[str, str]) -> list[Context]:
    """Talks the secretary still owes (CARE-1), from the open duties."""
    return [
        {
            "names": "、".join(names.get(p, "") for p in ob.people if names.get(p)),
            "detail": ob.detail or ob.title,
            "due": ob.due,
            "status": ob.status,
        }
        for ob in found
        if ob.rule == "CARE-1" and ob.status in sections.OPEN_STATUSES
    ]
