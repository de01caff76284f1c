"""What a wizard opened from a dashboard obligation starts with: kinds, date, group, and the
date window to explain (every LIFE-*, NAT-1/2/7, EDU-1/7 settle action opens a wizard)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from branchtui.domain.attendance import committee_on
from branchtui.domain.meetings.theme_day import theme_day_window
from branchtui.domain.obligations.base import Obligation
from branchtui.domain.obligations.periods import Period, period_of
from branchtui.domain.profile import Profile
from branchtui.domain.records import BranchData

if TYPE_CHECKING:
    from branchtui.domain.calendar import WorkCalendar

# Where a saved record a warning is about is fixed (a field path of the wizard).
FIX_FIELDS: dict[str, str] = {
    "NAT-1": "votes",
    "NAT-2": "votes",
    "LIFE-6": "life_meeting.rectifications",
    "LIFE-7": "appraisal:results",
    "LIFE-9": "kinds",
    "NAT-7": "appraisal:results",
}

# The kinds of record that settle each rule (the first is the record's own kind).
RULE_KINDS: dict[str, tuple[str, ...]] = {
    "LIFE-1": ("general_meeting",),
    "LIFE-2": ("committee_meeting",),
    "LIFE-3": ("group_meeting",),
    "LIFE-4": ("party_lecture",),
    "LIFE-5": ("theme_day",),
    "LIFE-6": ("life_meeting",),
    "LIFE-7": ("life_meeting", "appraisal"),
    "LIFE-8": ("general_meeting",),
    "LIFE-9": ("theme_day",),
    "NAT-1": ("general_meeting",),
    "NAT-2": ("committee_meeting",),
    "NAT-7": ("life_meeting", "appraisal"),
    "EDU-1": ("all_member_study",),
    "EDU-7": ("general_meeting",),
}


@dataclass(frozen=True)
class Prefill:
    """The wizard's starting values; ``window`` says when the record should be dated."""

    kinds: tuple[str, ...]
    date: dt.date
    group_id: str | None = None
    window: str = ""
    record_id: str | None = None  # a record the obligation is about (NAT-1/NAT-2: to amend)
    field: str = ""  # where that record is fixed: a field path, ``appraisal:`` for an appraisal's
    lecturer_id: str | None = None  # LIFE-4: the secretary or leader who has yet to lecture


def _period(ob: Obligation) -> Period | None:
    try:
        if ob.period_kind == "month":
            return period_of("month", dt.date(int(ob.period[:4]), int(ob.period[5:7]), 1))
        if ob.period_kind == "quarter":
            year, quarter = int(ob.period[:4]), int(ob.period[-1])
            return period_of("quarter", dt.date(year, 3 * quarter - 2, 1))
        if ob.period_kind == "year":
            return period_of("year", dt.date(int(ob.period[:4]), 1, 1))
    except ValueError:
        return None
    return None


def prefill_for(
    ob: Obligation,
    data: BranchData,
    today: dt.date,
    calendar: WorkCalendar,
    profile: Profile,
) -> Prefill | None:
    """The wizard to open for obligation ``ob`` (None when no meeting settles its rule): dated
    today when today is in the obligation's period, else the nearest day of it (a past period's
    record is entered afterwards); a 主题党日 not before its window's first day, with the window
    explained; a group's meeting for its group; an appraisal today (LIFE-7: year end or early
    next year)."""
    kinds = RULE_KINDS.get(ob.rule)
    if kinds is None:
        return None
    period = _period(ob)
    day = today
    if period is not None and ob.rule not in ("LIFE-7", "NAT-7"):
        # A past period's record is entered afterwards; a coming one is dated in its period.
        day = max(period.start, min(period.end, today))
    groups = {g.id for g in data.groups}
    group_id = next((r for r in ob.refs if r in groups), None)
    if ob.rule == "LIFE-8" and ob.status == "warning":
        # A leading cadre who missed the life of their group: that group's next meeting.
        kinds, group_id = _leaders_group(ob, data)
    if ob.rule == "LIFE-3" and group_id is None:
        kinds = ("all_member_study",)
    window = ""
    if kinds[0] == "theme_day":
        non_public = bool(data.branch and data.branch.non_public)
        first = theme_day_window(day, calendar, profile, non_public).first
        day = max(day, first)
        window = theme_day_window(day, calendar, profile, non_public).explanation
    record = _record(ob, data)
    return Prefill(
        kinds=kinds,
        date=day,
        group_id=group_id,
        window=window,
        record_id=record,
        field=FIX_FIELDS.get(ob.rule, "") if record is not None else "",
        lecturer_id=ob.people[0] if ob.rule == "LIFE-4" and ob.people else None,
    )


def _leaders_group(ob: Obligation, data: BranchData) -> tuple[tuple[str, ...], str | None]:
    groups = {g.id for g in data.groups if g.dissolved is None}
    for member_id in ob.people:
        member = data.find("members", member_id)
        if member is not None and member.group_id in groups:
            return ("group_meeting",), member.group_id
    return RULE_KINDS[ob.rule], None


def _record(ob: Obligation, data: BranchData) -> str | None:
    """The saved meeting to amend: the one a warning is about (a vote without quorum, LIFE-9's
    merged 支委会, LIFE-6's rectifications past due), or the meeting of an appraisal that is
    incomplete or graded wrongly (LIFE-7, NAT-7) — not a second appraisal of the year."""
    if ob.status in ("met", "not_applicable"):
        return None
    meetings = {m.id for m in data.meetings}
    held_at = {a.id: a.meeting_id for a in data.appraisals if a.meeting_id in meetings}
    for ref in ob.refs:
        if ref in held_at:
            return held_at[ref]
        if ref in meetings and ob.status == "warning":
            return ref
    return None


def default_host(
    data: BranchData, kinds: tuple[str, ...] | list[str], day: dt.date, group_id: str | None
) -> str | None:
    """Who usually hosts: the group's leader at a 党小组会, else the branch secretary on the
    day (the deputy when there is no secretary); None when there is neither."""
    if kinds and kinds[0] == "group_meeting" and group_id:
        group = data.find("groups", group_id)
        if group is not None and group.leader_id:
            return str(group.leader_id)
    holders = {s.role: s.member_id for s in data.seats if s.member_id in committee_on([s], day)}
    return holders.get("secretary") or holders.get("deputy_secretary")


def default_recorder(
    data: BranchData, kinds: tuple[str, ...] | list[str], group_id: str | None
) -> str | None:
    """The recorder of the latest record of the same kind (and group), who usually records
    again; None when there is none or that person has left."""
    kind = kinds[0] if kinds else ""
    same = [
        m
        for m in data.meetings
        if m.kinds and m.kinds[0] == kind and m.recorder_id and (m.group_id == group_id)
    ]
    if not same:
        return None
    latest = max(same, key=lambda m: (m.date, m.start))
    member = data.find("members", latest.recorder_id)
    return latest.recorder_id if member is not None and member.removed is None else None
