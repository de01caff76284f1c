"""The sections of a work report over a window of days, as plain dicts for the templates.

Every builder takes the branch data and an inclusive window ``start``–``end``; the monthly and
the year report (report_context.py) put them together with report_registers.py. Members appear
by name only (DESIGN.md, personal data).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from branchtui.domain.attendance import AttendanceBook
from branchtui.domain.dates import format_date, format_date_cn
from branchtui.domain.meetings.theme_day import minutes_of
from branchtui.domain.meetings.titles import meeting_subject
from branchtui.domain.meetings.votes import can_decide
from branchtui.domain.member_names import display_names
from branchtui.domain.obligations.base import STATUS_LABELS, Obligation
from branchtui.domain.records import BranchData, Candidate, Meeting, Member
from branchtui.domain.records.development import CANDIDATE_STAGES, CANDIDATE_STEPS, STEP_STAGE
from branchtui.domain.records.education import ACTIVITY_KINDS
from branchtui.domain.records.meetings import MEETING_KINDS
from branchtui.domain.records.people import REMOVAL_REASONS
from branchtui.domain.roster import active_members_on, status_on

Row = dict[str, Any]
# 三会一课 in the plan's order; a branch without groups holds an all-member study instead.
THREE_MEETINGS_ONE_LECTURE = (
    "general_meeting",
    "committee_meeting",
    "group_meeting",
    "all_member_study",
    "party_lecture",
)
OPEN_STATUSES = ("overdue", "due")


def inside(day: dt.date | None, start: dt.date, end: dt.date) -> bool:
    return day is not None and start <= day <= end


def member_names(data: BranchData) -> dict[str, str]:
    """Each member's shown name (domain.member_names: 张伟（1985年生） when two share one)."""
    return display_names(data.members)


def _hours(meeting: Meeting) -> float | None:
    """The meeting's length in hours, from its minutes or its start and end times."""
    minutes = minutes_of(meeting)
    return round(minutes / 60, 1) if minutes else None


def roster_summary(data: BranchData, on: dt.date) -> Row:
    """Members on ``on``: total, 正式, 预备, in-flowing, and the party groups then."""
    members = active_members_on(data.members, on)
    statuses = Counter(status_on(m, on) for m in members)
    groups = [
        g
        for g in data.groups
        if (g.created is None or g.created <= on) and (g.dissolved is None or g.dissolved > on)
    ]
    return {
        "total": len(members),
        "full": statuses.get("full", 0),
        "probationary": statuses.get("probationary", 0),
        "inflow": sum(1 for m in members if m.inflow),
        "groups": len(groups),
    }


def roster_changes(data: BranchData, start: dt.date, end: dt.date) -> Row:
    """Who joined, became 正式, moved in or out, or left the roster in the window."""
    names = member_names(data)

    def person(member_id: str | None, fallback: str, day: dt.date, **more: Any) -> Row:
        return {"name": names.get(member_id or "", fallback), "date": day, **more}

    moves = [
        t
        for t in data.transfers
        if inside(t.date, start, end) and t.instrument == "relation_transfer"
    ]
    moved_out = {t.member_id for t in moves if t.direction == "out"}
    suspended = {c.member_id: c.suspended for c in data.lost_contacts if c.suspended is not None}
    left = [m for m in data.members if m.removed is not None and inside(m.removed, start, end)]
    changes: Row = {
        "joined": [
            person(m.id, m.name, m.joined)
            for m in data.members
            if m.joined is not None and inside(m.joined, start, end)
        ],
        "converted": [
            person(m.id, m.name, m.full_date)
            for m in data.members
            if m.full_date is not None and inside(m.full_date, start, end)
        ],
        "transferred_in": [
            person(t.member_id, t.person_name, t.date, other_org=t.other_org)
            for t in moves
            if t.direction == "in"
        ],
        # A removal as 转出 without its transfer record still shows as a transfer out.
        "transferred_out": [
            person(t.member_id, t.person_name, t.date, other_org=t.other_org)
            for t in moves
            if t.direction == "out"
        ]
        + [
            person(m.id, m.name, m.removed, other_org="")
            for m in left
            if m.removed is not None
            and m.removed_reason == "transferred_out"
            and m.id not in moved_out
        ],
        "removed": [
            person(m.id, m.name, m.removed, reason=_reason_then(m, suspended))
            for m in left
            if m.removed is not None and m.removed_reason != "transferred_out"
        ]
        # A suspension since restored: the member no longer holds it, her restoration does.
        + [
            person(r.member_id, "", r.suspended, reason="停止党籍")
            for r in data.restorations
            if r.suspended is not None and inside(r.suspended, start, end)
        ],
        "restored": [
            person(r.member_id, "", r.restored, suspended=r.suspended)
            for r in data.restorations
            if inside(r.restored, start, end)
        ],
        # NAT-6's 除名 of a member already off the roster since her suspension: not a decrease
        # of the month, but a change to report.
        "quit_after_suspension": [
            person(c.member_id, "", c.removed, suspended=c.suspended)
            for c in data.lost_contacts
            if c.removed is not None and c.suspended is not None and inside(c.removed, start, end)
        ],
    }
    for rows in changes.values():
        rows.sort(key=lambda r: r["date"])
    changes["any"] = any(changes.values())
    return changes


def _reason_then(member: Member, suspended: dict[str, dt.date]) -> str:
    """Why the member left the roster, as it was on the day she left: 停止党籍 for one suspended
    then (NAT-6) even when later recorded as 自行脱党."""
    if suspended.get(member.id) == member.removed:
        return REMOVAL_REASONS["suspended"]
    return REMOVAL_REASONS.get(member.removed_reason, "其他")


def meeting_rows(data: BranchData, start: dt.date, end: dt.date) -> list[Row]:
    """Each meeting of the window with its attendance: expected (应到), present, on leave."""
    names = member_names(data)
    groups = {g.id: g.name for g in data.groups}
    book = AttendanceBook(m for m in data.meetings if start <= m.date <= end)
    rows: list[Row] = []
    for roll in sorted(book.rolls, key=lambda r: r[0].date):
        meeting, listed = roll[0], roll[1]
        lecture = meeting.lecture
        seen = {m.id: book.status(roll, m) for m in data.members}
        seen.update({mid: s for mid, s in listed.items() if mid not in seen})
        tally = Counter(s for s in seen.values() if s is not None)
        expected = tally["present"] + tally["absent"] + tally["on_leave"]
        rows.append(
            {
                "id": meeting.id,
                "date": meeting.date,
                "kinds": list(meeting.kinds),
                "kind_labels": [MEETING_KINDS.get(k, k) for k in meeting.kinds],
                "topic": meeting_subject(meeting) or "（未填写议题）",
                # A theme day is about its own 活动主题, whatever else the record holds.
                "theme": (meeting.theme_day.theme if meeting.theme_day else "")
                or meeting_subject(meeting)
                or "（未填写活动主题）",
                "place": meeting.place,
                "group": groups.get(meeting.group_id or "", ""),
                "lecturer": names.get(lecture.lecturer_id or "", "") if lecture else "",
                "recorder": names.get(meeting.recorder_id or "", ""),
                "hours": _hours(meeting),
                "theme_content": list(meeting.theme_day.content_types) if meeting.theme_day else [],
                "criticism": meeting.criticism,
                "expected": expected,
                "present": tally["present"],
                "on_leave": tally["on_leave"],
                "absent": tally["absent"],
                "observers": tally["observer"],
                "rate": tally["present"] / expected if expected else None,
                # NAT-1, NAT-2: held (it counts), but without its quorum it decided nothing.
                "can_decide": can_decide(meeting, data),
            }
        )
    return rows


def meetings_by_kind(rows: list[Row], kinds: tuple[str, ...] | list[str]) -> list[Row]:
    """The rows under each kind (a combined meeting appears under each of its kinds, LIFE-9)."""
    out: list[Row] = []
    for kind in kinds:
        found = [
            {
                **r,
                "combined": [
                    lbl for k, lbl in zip(r["kinds"], r["kind_labels"], strict=True) if k != kind
                ],
            }
            for r in rows
            if kind in r["kinds"]
        ]
        rates = [r["rate"] for r in found if r["rate"] is not None]
        out.append(
            {
                "kind": kind,
                "label": MEETING_KINDS[kind],
                "meetings": found,
                "count": len(found),
                "average_rate": sum(rates) / len(rates) if rates else None,
            }
        )
    return out


def study_rows(data: BranchData, start: dt.date, end: dt.date) -> list[Row]:
    """Concentrated study sessions (集中学习) of the window."""
    return [
        {
            "date": s.date,
            "topic": s.topic,
            "days": s.days,
            "test_held": s.test_held,
            "participants": len(s.participant_ids),
        }
        for s in sorted(data.study_sessions, key=lambda s: s.date)
        if inside(s.date, start, end)
    ]


def activity_rows(data: BranchData, start: dt.date, end: dt.date) -> list[Row]:
    """Theme practice activities and commemorations (EDU-2, EDU-3) of the window."""
    return [
        {
            "date": a.date,
            "kind": ACTIVITY_KINDS.get(a.kind, a.kind),
            "title": a.title,
            "participants": len(a.participant_ids),
        }
        for a in sorted(data.activities, key=lambda a: a.date)
        if inside(a.date, start, end)
    ]


def stage_on(candidate: Candidate, on: dt.date) -> str:
    """The candidate's development stage on ``on`` (events after it not yet happened)."""
    stage = "applicant"
    for event in sorted(candidate.events, key=lambda e: e.date):
        if event.date <= on:
            stage = STEP_STAGE.get(event.step, stage)
    return stage


def development(data: BranchData, start: dt.date, end: dt.date) -> Row:
    """Candidates' steps taken in the window, and how many are at each stage at its end."""
    events = sorted(
        (
            {"name": c.name, "date": e.date, "step": CANDIDATE_STEPS.get(e.step, e.step)}
            for c in data.candidates
            for e in c.events
            if inside(e.date, start, end)
        ),
        key=lambda r: r["date"],
    )
    started = [c for c in data.candidates if c.events and min(e.date for e in c.events) <= end]
    stages = Counter(stage_on(c, end) for c in started)
    steps = Counter(e["step"] for e in events)
    return {
        "events": events,
        "stages": [
            {"stage": key, "label": label, "count": stages.get(key, 0)}
            # 预备党员 are members: the roster counts them (one figure in the whole report).
            for key, label in CANDIDATE_STAGES.items()
            if key in ("applicant", "activist", "target")
        ],
        "step_counts": [
            {"step": label, "count": steps[label]}
            for label in CANDIDATE_STEPS.values()
            if steps[label]
        ],
    }


def plan_items(data: BranchData, start: dt.date, end: dt.date) -> list[Row]:
    """Items of the year's work plan (SYS-2) due in the window, with owner and progress."""
    names = member_names(data)
    return [
        {
            "content": item.content,
            "form": item.form,
            "owner": names.get(item.owner_id or "", ""),
            "due": item.due,
            "progress": item.progress,
            "done": item.done,
        }
        for plan in data.work_plans
        if plan.year in (start.year, end.year)
        for item in sorted(plan.items, key=lambda i: i.due or dt.date.max)
        if inside(item.due, start, end)
    ]


def _duty_row(ob: Obligation) -> Row:
    detail = ob.detail or ob.title
    return {
        "rule": ob.rule,
        "title": ob.title,
        "status": ob.status,
        "status_label": STATUS_LABELS[ob.status],
        "detail": detail,
        "due": ob.due,
        # A detail that names its deadline already (应于 2026-12-16 前报送) is not followed by
        # the deadline again.
        "says_due": ob.due is not None
        and (format_date(ob.due) in detail or format_date_cn(ob.due) in detail),
    }


def open_obligations(found: list[Obligation]) -> Row:
    """The duties still open (overdue first, then due), each with its rule ID; the tally counts
    exactly those rows. Warnings (提醒) and what falls due soon (即将到期) come as their own lists."""
    rows = [_duty_row(ob) for ob in found if ob.status in OPEN_STATUSES]
    tally = Counter(r["status"] for r in rows)
    return {
        "open": rows,
        "counts": [
            {"status": s, "label": STATUS_LABELS[s], "count": tally[s]}
            for s in OPEN_STATUSES
            if tally[s]
        ],
        "warnings": [_duty_row(ob) for ob in found if ob.status == "warning"],
        "upcoming": [_duty_row(ob) for ob in found if ob.status == "upcoming"],
    }
