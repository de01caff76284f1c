"""LIFE — organizational life (组织生活): 三会一课, 主题党日, 组织生活会, 民主评议, leaders.

Which meetings were held, and the plain "N meetings a period" duty, are in meetings_held."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from branchtui.domain import roster
from branchtui.domain.appraisal import appraisal_gaps
from branchtui.domain.meetings.edits import open_items
from branchtui.domain.meetings.theme_day import theme_day_problem
from branchtui.domain.obligations.base import Context, Obligation, rule
from branchtui.domain.obligations.catalogue import (
    brief,
    needs_data,
    obligation,
    period_obligation,
    who,
)
from branchtui.domain.obligations.indexes import member_names
from branchtui.domain.obligations.meetings_held import held, meeting_ids, periodic_meetings
from branchtui.domain.obligations.periods import (
    Period,
    deadline_status,
    judged_periods,
    next_period,
    periodic_status,
)
from branchtui.domain.party_groups import groups_by_staffing
from branchtui.domain.records import Meeting, PartyGroup

# Kinds of organizational life a leading cadre takes part in as an ordinary member (LIFE-8).
ORDINARY_LIFE_KINDS = frozenset(
    {
        "general_meeting",
        "group_meeting",
        "all_member_study",
        "party_lecture",
        "theme_day",
        "life_meeting",
    }
)


@rule("LIFE-1")
def general_meetings(ctx: Context) -> list[Obligation]:
    """LIFE-1: a 支部党员大会 every calendar quarter."""
    need = ctx.profile.general_meetings_per_quarter
    return periodic_meetings(ctx, "LIFE-1", "general_meeting", "quarter", need)


@rule("LIFE-2")
def committee_meetings(ctx: Context) -> list[Obligation]:
    """LIFE-2: a 支委会 every month."""
    need = ctx.profile.committee_meetings_per_month
    return periodic_meetings(ctx, "LIFE-2", "committee_meeting", "month", need)


@rule("LIFE-3")
def group_meetings(ctx: Context) -> list[Obligation]:
    """LIFE-3: a 党小组会 per group per month; without groups, an all-member study a month. A
    group without members in the month is not judged (said, for the current month); a branch
    whose groups are all empty holds the all-member study."""
    need = ctx.profile.group_meetings_per_month
    out: list[Obligation] = []
    targets: list[tuple[list[Meeting], str, str, tuple[str, ...]]]
    for period in judged_periods("month", ctx.data, ctx.on):
        groups, empty = groups_by_staffing(
            ctx.data.groups, ctx.data.members, period.start, period.end
        )
        if period.contains(ctx.on):
            out.extend(_empty_group(period, g) for g in empty)
        if not groups:
            found = held(ctx, "all_member_study", period)
            why = "党小组均无党员" if empty else "未设党小组"
            text = f"{period.label}{why}，全体党员学习 {len(found)} 次（应 {need} 次）"
            short = f"{period.label}全体党员学习{len(found)}次（应{need}次）"
            targets = [(found, text, brief(text, short), ())]
        else:
            by_group: dict[str | None, list[Meeting]] = defaultdict(list)
            for meeting in held(ctx, "group_meeting", period):
                by_group[meeting.group_id].append(meeting)
            targets = []
            for group in groups:
                found = by_group.get(group.id, [])
                text = f"{period.label}党小组“{group.name}”召开党小组会 {len(found)} 次（应 {need} 次）"
                times = f"{len(found)}次（应{need}次）"
                short = brief(
                    text,
                    f"{period.label}“{group.name}”开会{times}",
                    f"{period.label}{group.name}开会{times}",
                    f"{period.label}“{group.name}”{times}",
                    f"{group.name}党小组会{times}",
                    f"{period.label}党小组会{times}",
                )
                targets.append((found, text, short, (group.id,)))
        for found, text, short, extra in targets:
            out.append(
                period_obligation(
                    "LIFE-3",
                    periodic_status(len(found) >= need, period, ctx.on),
                    period,
                    detail=text,
                    brief=short,
                    refs=extra + meeting_ids(found),
                )
            )
    return out


def _empty_group(period: Period, group: PartyGroup) -> Obligation:
    text = f"{period.label}党小组“{group.name}”暂无党员，不要求召开党小组会"
    return period_obligation(
        "LIFE-3",
        "not_applicable",
        period,
        detail=text,
        brief=brief(text, f"“{group.name}”暂无党员，不要求开会", f"{group.name}暂无党员"),
        refs=(group.id,),
    )


def secretaries_in(ctx: Context, period: Period) -> set[str]:
    """Member ids of everyone who held the secretary seat at some time in the period."""
    terms = {t.id for t in ctx.data.terms}
    return {
        s.member_id
        for s in ctx.data.seats
        if s.role == "secretary"
        and s.member_id
        and s.term_id in terms
        and (s.since is None or s.since <= period.end)
        and (s.until is None or s.until > period.start)
    }


@rule("LIFE-4")
def party_lectures(ctx: Context) -> list[Obligation]:
    """LIFE-4: members hear 1–2 lectures a year; the secretary and every leader give one."""
    p = ctx.profile
    out: list[Obligation] = []
    leaders = [m for m in roster.active_members_on(ctx.data.members, ctx.on) if m.is_leader]
    names = member_names(ctx)
    for period in judged_periods("year", ctx.data, ctx.on):
        lectures = held(ctx, "party_lecture", period)
        fields: dict[str, Any] = {"period_kind": "year", "period": period.key, "due": period.end}
        met = len(lectures) >= p.lectures_per_year_min
        text = f"{period.label}党课 {len(lectures)} 次（每年 {p.lectures_per_year_min}-{p.lectures_per_year_full} 次）"
        progress = (
            float(min(len(lectures), p.lectures_per_year_full)),
            float(p.lectures_per_year_full),
        )
        out.append(
            obligation(
                "LIFE-4",
                periodic_status(met, period, ctx.on),
                detail=text,
                refs=meeting_ids(lectures),
                progress=progress,
                **fields,
            )
        )
        lecturers = {m.lecture.lecturer_id for m in lectures if m.lecture and m.lecture.lecturer_id}
        secretaries = secretaries_in(ctx, period)
        if not secretaries:
            out.append(
                needs_data("LIFE-4", f"需录入{period.label}的党支部书记（支委会）", **fields)
            )
        else:
            gave = bool(secretaries & lecturers)
            # Named, so that a lecture given by a namesake is seen not to count.
            who_is = "、".join(sorted(names.get(i, "（已删除）") for i in secretaries))
            short = f"{period.label}书记讲党课：{'已讲' if gave else '尚未讲'}"
            text = f"{period.label}书记{who_is}讲党课：{'已讲' if gave else '尚未讲'}"
            status = periodic_status(gave, period, ctx.on)
            out.append(
                obligation(
                    "LIFE-4",
                    status,
                    detail=text,
                    brief=brief(text, short),
                    people=tuple(secretaries),
                    **fields,
                )
            )
        # A leader is judged from the year of arriving on, never for the years before.
        judged = [m for m in leaders if (m.counted_from or period.end) <= period.end]
        if judged:
            missing = [m for m in judged if m.id not in lecturers]
            untold = "、".join(names[m.id] for m in missing[:8]) + (
                "等" if len(missing) > 8 else ""
            )
            given = f"{len(judged) - len(missing)}/{len(judged)}"
            text = f"{period.label}中层以上领导干部讲党课：{given} 人已讲"
            short = f"{period.label}领导干部讲党课{given}人已讲"
            if missing:
                text += f"，未讲：{untold}"
                short = brief(
                    f"{short}，未讲：{untold}",
                    f"{short}，未讲：{who([names[m.id] for m in missing])}",
                    short,
                )
            out.append(
                obligation(
                    "LIFE-4",
                    periodic_status(not missing, period, ctx.on),
                    detail=text,
                    brief=brief(text, short),
                    people=tuple(m.id for m in missing),
                    progress=(float(len(judged) - len(missing)), float(len(judged))),
                    **fields,
                )
            )
    return out


def _theme_day_problem(ctx: Context, meeting: Meeting) -> str:
    non_public = bool(ctx.data.branch and ctx.data.branch.non_public)
    return theme_day_problem(meeting, ctx.calendar, ctx.profile, non_public)


@rule("LIFE-5")
def theme_days(ctx: Context) -> list[Obligation]:
    """LIFE-5: a 主题党日 each month within its window, at least 2 hours long."""
    p = ctx.profile
    out: list[Obligation] = []
    periods = judged_periods("month", ctx.data, ctx.on)
    if periods:
        periods.append(next_period(periods[-1]))  # next month's theme day may be upcoming
    for period in periods:
        first, last = ctx.calendar.theme_day_window(
            period.start.year, period.start.month, p.theme_day_max_delay_days
        )
        non_public = bool(ctx.data.branch and ctx.data.branch.non_public)
        due = period.end if non_public else last
        estimate = "（该年节假日安排为估算）" if ctx.calendar.is_estimate(period.start.year) else ""
        found = held(ctx, "theme_day", period)
        problems = [_theme_day_problem(ctx, m) for m in found]
        fields: dict[str, Any] = {
            "period_kind": "month",
            "period": period.key,
            "due": due,
            "refs": meeting_ids(found),
        }
        if found and "" in problems:
            good = found[problems.index("")]
            text = f"{period.label}主题党日已于 {good.date.isoformat()} 开展"
            short = brief(text, f"主题党日已于 {good.date.isoformat()} 开展")
            out.append(obligation("LIFE-5", "met", detail=text, brief=short, **fields))
        elif found:
            text = "；".join(problems)
            short = brief(text, f"{found[0].date.isoformat()} 主题党日不符合规定")
            out.append(obligation("LIFE-5", "warning", detail=text, brief=short, **fields))
        else:
            status = deadline_status(False, due, ctx.on, opens=first)
            if status is None:
                continue
            text = f"{period.label}主题党日应于 {first.isoformat()}（第一个工作日）开展，最迟 {due.isoformat()}{estimate}"
            short = f"主题党日应于 {first.isoformat()} 开展"
            short = brief(text, short + estimate, f"{short}（估算）", short)
            out.append(obligation("LIFE-5", status, detail=text, brief=short, **fields))
    return out


@rule("LIFE-6")
def life_meetings(ctx: Context) -> list[Obligation]:
    """LIFE-6: at least one 组织生活会 a year; its rectification list is kept to (an item past
    its deadline and not done is a warning naming it)."""
    need = ctx.profile.life_meetings_per_year
    out = periodic_meetings(ctx, "LIFE-6", "life_meeting", "year", need)
    late = [i for i in open_items(ctx.data, ctx.on) if i.kind == "rectification" and i.overdue]
    if late:
        names = "；".join(f"{i.text}（时限{i.due.isoformat() if i.due else ''}）" for i in late[:5])
        more = f"等{len(late)}项" if len(late) > 5 else ""
        detail = f"组织生活会整改事项逾期未完成：{names}{more}"
        out.append(
            obligation(
                "LIFE-6",
                "warning",
                due=min(i.due for i in late if i.due),
                detail=detail,
                brief=brief(detail, f"{len(late)}项整改事项逾期未完成"),
                refs=tuple(dict.fromkeys(i.meeting_id for i in late)),
                people=tuple(dict.fromkeys(i.owner_id for i in late if i.owner_id)),
            )
        )
    return out


@rule("LIFE-7")
def appraisals(ctx: Context) -> list[Obligation]:
    """LIFE-7: one appraisal a year (at year end or early next year) with a result for every
    member; due from December, overdue after March of the next year."""
    out: list[Obligation] = []
    for period in judged_periods("year", ctx.data, ctx.on):
        year = period.start.year
        due = dt.date(year + 1, 3, 31)
        opens = dt.date(year, 12, 1)
        found = [a for a in ctx.data.appraisals if a.year == year]
        fields: dict[str, Any] = {"period_kind": "year", "period": period.key, "due": due}
        if not found:
            status = deadline_status(False, due, ctx.on, opens=opens)
            if status is not None:
                text = f"{period.label}民主评议党员尚未开展（年底或次年初，{due.isoformat()} 前）"
                short = brief(text, f"{period.label}民主评议党员尚未开展")
                out.append(obligation("LIFE-7", status, detail=text, brief=short, **fields))
            continue
        appraisal = found[-1]
        gaps = appraisal_gaps(appraisal, ctx.data.members)
        if gaps.complete:
            text = f"{period.label}民主评议党员已完成，{len(appraisal.results)} 人有评议结果"
            short = brief(text, f"{period.label}民主评议已完成（{len(appraisal.results)}人）")
            fields["refs"] = (appraisal.id,)
            out.append(obligation("LIFE-7", "met", detail=text, brief=short, **fields))
            continue
        parts = []
        if gaps.missing:
            parts.append(f"{len(gaps.missing)} 人无评议结果")
        if gaps.ungraded:
            parts.append(f"{len(gaps.ungraded)} 名正式党员未评定等次")
        if gaps.graded_probationary:
            parts.append(f"{len(gaps.graded_probationary)} 名预备党员不应评定等次")
        people = tuple(m.id for m in gaps.missing + gaps.ungraded + gaps.graded_probationary)
        status = "overdue" if ctx.on > due else "due"
        out.append(
            obligation(
                "LIFE-7",
                status,
                detail=f"{period.label}民主评议：" + "，".join(parts),
                brief=brief(
                    f"{period.label}民主评议：" + "，".join(parts),
                    f"{period.label}民主评议：" + "，".join(p.replace(" ", "") for p in parts),
                    f"{period.label}民主评议{len(people)}人结果待补",
                ),
                refs=(appraisal.id,),
                people=people,
                **fields,
            )
        )
    return out


def absence_count(absences: int, unexplained: int) -> str:
    """``缺席2次，其中无故缺席1次``: an absence with a recorded reason is not 无故 (LIFE-8)."""
    if unexplained == absences:
        return f"无故缺席{absences}次"
    if not unexplained:
        return f"缺席{absences}次，均已说明原因"
    return f"缺席{absences}次，其中无故缺席{unexplained}次"


@rule("LIFE-8")
def leaders_take_part(ctx: Context) -> list[Obligation]:
    """LIFE-8: leading cadres attend the branch's or group's life; absences are named."""
    leaders = [m for m in roster.active_members_on(ctx.data.members, ctx.on) if m.is_leader]
    if not leaders:
        return [obligation("LIFE-8", "not_applicable", detail="名册中未标记领导干部")]
    out: list[Obligation] = []
    for period in judged_periods("year", ctx.data, ctx.on):
        meetings = [
            m for kind in ORDINARY_LIFE_KINDS for m in held(ctx, kind, period) if m.attendance
        ]
        unique = {m.id: m for m in meetings}.values()
        absent: dict[str, int] = defaultdict(int)
        unexplained: dict[str, int] = defaultdict(int)  # 无故缺席: absent, no reason recorded
        for meeting in unique:
            for row in meeting.attendance:
                if row.status == "absent":
                    absent[row.member_id] += 1
                    unexplained[row.member_id] += not row.reason.strip()
        judged = [m for m in leaders if (m.counted_from or period.end) <= period.end]
        missing = [m for m in judged if absent.get(m.id)]
        fields: dict[str, Any] = {"period_kind": "year", "period": period.key, "due": period.end}
        if missing:
            shown = member_names(ctx)
            names = "、".join(
                f"{shown[m.id]}（{absence_count(absent[m.id], unexplained[m.id])}）"
                for m in missing[:8]
            )
            text = f"{period.label}领导干部缺席组织生活：{names}"
            short = brief(
                text,
                f"{period.label}{who([shown[m.id] for m in missing])}缺席组织生活",
                f"{period.label}领导干部{len(missing)}人缺席组织生活",
            )
            people = tuple(m.id for m in missing)
            out.append(
                obligation("LIFE-8", "warning", detail=text, brief=short, people=people, **fields)
            )
        else:
            text = f"{period.label}领导干部 {len(judged)} 人均按时参加组织生活"
            short = brief(text, f"{period.label}领导干部均参加组织生活")
            out.append(obligation("LIFE-8", "met", detail=text, brief=short, **fields))
    return out


@rule("LIFE-9")
def combined_records(ctx: Context) -> list[Obligation]:
    """LIFE-9: a record may count for several kinds; a 支委会 is not merged with meetings of all
    members (its decisions need the committee's own quorum and minutes)."""
    year = judged_periods("year", ctx.data, ctx.on)
    start = year[0].start if year else ctx.on
    combined = [m for m in ctx.data.meetings if start <= m.date <= ctx.on and len(set(m.kinds)) > 1]
    if not combined:
        return [obligation("LIFE-9", "not_applicable", detail="无合并召开的会议记录")]
    mixed = [m for m in combined if "committee_meeting" in m.kinds]
    if mixed:
        dates = "、".join(m.date.isoformat() for m in mixed[:5])
        text = f"支委会与其他会议合并记录（{dates}），请分别记录"
        short = brief(text, f"{len(mixed)}次支委会与其他会议合并记录")
        return [obligation("LIFE-9", "warning", detail=text, brief=short, refs=meeting_ids(mixed))]
    text = f"{len(combined)} 条记录合并计入多项组织生活"
    return [obligation("LIFE-9", "met", detail=text, refs=meeting_ids(combined))]
