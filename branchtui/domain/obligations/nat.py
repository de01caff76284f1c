"""NAT — the national rules the plan points to: votes, development limits, dues, lapse."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from branchtui.domain.appraisal import appraisal_gaps
from branchtui.domain.attendance import committee_quorum, general_meeting_vote
from branchtui.domain.dates import format_date
from branchtui.domain.development import NextStep, in_development, pending_steps
from branchtui.domain.development_rules import breaches
from branchtui.domain.dues import proposed_dues
from branchtui.domain.lapse import followed_up, lapses
from branchtui.domain.lost_contact import next_step as lost_contact_step
from branchtui.domain.obligations.base import Context, Obligation, rule
from branchtui.domain.obligations.catalogue import brief, obligation, who
from branchtui.domain.obligations.indexes import attendance_book, dues_book, member_names
from branchtui.domain.obligations.periods import UPCOMING_DAYS
from branchtui.domain.probation import Conversion, conversions_without_file
from branchtui.domain.records import Candidate


@rule("NAT-1")
def check_general_meeting_votes(ctx: Context) -> list[Obligation]:
    """Votes at a general meeting: quorum of members with a vote, and a valid tally."""
    year = ctx.on.year
    meetings = [
        m
        for m in ctx.data.meetings
        if "general_meeting" in m.kinds and m.votes and m.date.year == year and m.date <= ctx.on
    ]
    if not meetings:
        return [obligation("NAT-1", "not_applicable", detail=f"{year}年支部党员大会无表决事项")]
    return _judge_meetings(
        "NAT-1",
        meetings,
        lambda m: general_meeting_vote(m, ctx.data.members),
        "支部党员大会",
        f"{year}年{len(meetings)}次支部党员大会表决均有效",
        "表决无效",
    )


@rule("NAT-2")
def check_committee_quorum(ctx: Context) -> list[Obligation]:
    """A committee meeting decides only with more than half of the committee present."""
    year = ctx.on.year
    meetings = [
        m
        for m in ctx.data.meetings
        if "committee_meeting" in m.kinds and m.date.year == year and m.date <= ctx.on
    ]
    if not meetings or not ctx.data.seats:
        return [obligation("NAT-2", "not_applicable", detail=f"{year}年尚无支委会记录")]
    return _judge_meetings(
        "NAT-2",
        meetings,
        lambda m: committee_quorum(m, ctx.data.seats),
        "支委会",
        f"{year}年{len(meetings)}次支委会均过半数委员到会",
        "到会委员未过半数",
    )


def _judge_meetings(
    rule_id: str,
    meetings: list[Any],
    judge: Callable[[Any], Any],
    label: str,
    met_text: str,
    invalid: str,
) -> list[Obligation]:
    """A warning for each meeting whose vote or quorum ``judge`` finds invalid, else one met;
    ``invalid`` says what is wrong in a few words, for the short form."""
    out: list[Obligation] = []
    for m in meetings:
        result = judge(m)
        if not result.valid:
            detail = f"{format_date(m.date)}{label}：{result.message}"
            # Quorate but with a bad tally (more votes than voters): the vote is what is wrong.
            what = invalid if not result.quorate else "表决无效"
            short = brief(detail, f"{format_date(m.date)}{label}{what}")
            out.append(
                obligation(rule_id, "warning", due=m.date, detail=detail, brief=short, refs=(m.id,))
            )
    return out or [obligation(rule_id, "met", detail=met_text, refs=tuple(m.id for m in meetings))]


@rule("NAT-3")
def check_development_steps(ctx: Context) -> list[Obligation]:
    """Each candidate's next step of the 25 and its deadline; overdue steps and breaches; and
    the conversion of every 预备党员 in the roster without a development file in progress."""
    people = [c for c in ctx.data.candidates if in_development(c)]
    conversions = conversions_without_file(ctx.data, ctx.profile)
    if not people and not conversions:
        return [obligation("NAT-3", "not_applicable", detail="目前没有在培养的发展对象和预备党员")]
    out: list[Obligation] = [_conversion_obligation(ctx, c) for c in conversions]
    for c in people:
        owed = pending_steps(c, ctx.on, ctx.profile)
        if owed:
            out.append(_next_step_obligation(ctx, c, owed))
        problems = breaches(c, ctx.on, ctx.profile)
        if problems:
            out.append(
                obligation(
                    "NAT-3",
                    "warning",
                    detail=f"{c.name}：{'；'.join(problems)}",
                    brief=brief(
                        f"{c.name}：{'；'.join(problems)}",
                        f"{c.name}：{problems[0]}",
                        f"{c.name}的发展程序有{len(problems)}处问题",
                    ),
                    refs=(c.id,),
                )
            )
    return out or [obligation("NAT-3", "met", detail="各发展环节均已完成")]


def _conversion_obligation(ctx: Context, conversion: Conversion) -> Obligation:
    """NAT-3 for a 预备党员 without a development file: probation ends a year after 入党时间;
    the conversion is recorded on her roster entry (党员类别, 转正时间), where it settles."""
    member, due = conversion.member, conversion.due
    name = member_names(ctx).get(member.id, member.name)
    months = member.probation_extension_months
    extended = f"（延长预备期{months}个月）" if months else ""
    if ctx.on > due:
        status = "overdue"
        detail = f"预备党员{name}的预备期已于{format_date(due)}期满，应讨论转正并登记转正时间"
        short = (f"{name}预备期已满，应讨论转正", f"{name}应讨论转正")
    else:
        status = "upcoming" if (due - ctx.on).days <= UPCOMING_DAYS else "met"
        detail = f"预备党员{name}的预备期{extended}至{format_date(due)}期满，届时讨论转正"
        short = (f"{name}预备期至{format_date(due)}期满", f"{name}预备期将满")
    return obligation(
        "NAT-3",
        status,
        period_kind="deadline",
        due=due,
        detail=detail,
        brief=brief(detail, *short),
        people=(member.id,),
        action="screen:roster",
    )


def _next_step_obligation(ctx: Context, c: Candidate, owed: list[NextStep]) -> Obligation:
    """One line per candidate: the most urgent step owed; overdue when any step is."""
    step = owed[0]
    dated = [n.deadline for n in owed if n.deadline is not None]
    soonest = min(dated, default=None)
    if any(n.overdue for n in owed):
        status = "overdue"
    elif soonest is not None and (soonest - ctx.on).days <= UPCOMING_DAYS:
        status = "upcoming"
    else:
        status = "met"
    if step.deadline:
        when = f"，期限{format_date(step.deadline)}"
    elif step.earliest and step.earliest > ctx.on:
        when = f"，{format_date(step.earliest)}起可办理"
    else:
        when = ""
    name = step.step.name
    return obligation(
        "NAT-3",
        status,
        period_kind="deadline" if step.deadline else "standing",
        due=step.deadline,
        detail=f"{c.name}下一步：{step.label}{when}",
        brief=brief(
            f"{c.name}下一步：{step.label}{when}",
            f"{c.name}下一步：{name}{when}",
            f"{c.name}下一步：{name}",
            f"{c.name}：{name}",
            f"{c.name}有待办的发展步骤",
        ),
        refs=(c.id,),
    )


@rule("NAT-4")
def check_dues_rates(ctx: Context) -> list[Obligation]:
    """Each member's monthly dues are set at the start of the year, by the national brackets."""
    year = ctx.on.year
    unset: list[str] = []
    differ: list[str] = []
    names: list[str] = []
    differ_names: list[str] = []
    # The latest rate recorded for the year wins, as in dues.rate_of_year.
    rates = {r.member_id: r for r in ctx.data.dues_rates if r.year == year}
    shown = member_names(ctx)
    for member in ctx.data.active_members:
        if member.inflow:
            continue
        rate = rates.get(member.id)
        if rate is None:
            unset.append(member.id)
            continue
        proposal = proposed_dues(member, ctx.profile)
        if proposal is not None and proposal != rate.amount:
            differ.append(member.id)
            differ_names.append(shown[member.id])
            names.append(f"{shown[member.id]}核定{rate.amount}元，按标准应为{proposal}元")
    if unset:
        listed = "、".join(shown[i] for i in unset[:10])
        return [
            obligation(
                "NAT-4",
                "due",
                period_kind="year",
                period=str(year),
                detail=f"{listed}{'等' if len(unset) > 10 else ''}{len(unset)}人未核定本年度党费标准",
                brief=brief(
                    f"{listed}{len(unset)}人未核定本年度党费标准",
                    f"{who([shown[i] for i in unset])}未核定本年度党费标准",
                    f"{len(unset)}人未核定本年度党费标准",
                ),
                people=tuple(unset),
            )
        ]
    if differ:
        return [
            obligation(
                "NAT-4",
                "warning",
                period_kind="year",
                period=str(year),
                detail="；".join(names[:10]),
                brief=brief(
                    "；".join(names[:10]),
                    f"{who(differ_names)}的党费标准与规定不符",
                    f"{len(differ)}人党费标准与规定不符",
                ),
                people=tuple(differ),
            )
        ]
    return [
        obligation(
            "NAT-4",
            "met",
            period_kind="year",
            period=str(year),
            detail="全体党员已按标准核定本年度党费",
        )
    ]


@rule("NAT-5")
def check_lapse(ctx: Context) -> list[Obligation]:
    """Months in a row without dues, organizational life or doing assigned work: warning at
    3, handling at 6. A member with an open discipline case or lost-contact record is handled
    there. The assignment furthest past due is in ``refs``."""
    warn_at, lapse_at = ctx.profile.lapse_warning_months, ctx.profile.lapse_months
    found = lapses(
        ctx.data, ctx.on, ctx.profile, dues_book(ctx), attendance_book(ctx), member_names(ctx)
    )
    following = followed_up(ctx.data)
    out: list[Obligation] = []
    for lapse in found:
        if lapse.member_id in following:
            continue
        handle = lapse.level == "due"
        what = f"{lapse.name}{lapse.what}"
        detail = what + (
            "，应按自行脱党处理" if handle else f"，满{lapse_at}个月将按自行脱党处理，请及时谈话"
        )
        only_work = max(lapse.dues_months, lapse.life_months) < warn_at <= lapse.work_months
        work = f"{lapse.name}连续{lapse.work_months}个月未完成分配的工作" if only_work else ""
        short = brief(
            detail,
            what + ("，应按自行脱党处理" if handle else "，请及时谈话"),
            what,
            *([work] if work else []),
            f"{lapse.name}连续{lapse.worst}个月未尽党员义务",
        )
        out.append(
            obligation(
                "NAT-5",
                "due" if handle else "warning",
                detail=detail,
                brief=short,
                people=(lapse.member_id,),
                refs=(lapse.work_id,) if lapse.work_id and lapse.work_months >= warn_at else (),
                progress=(float(lapse.worst), float(lapse_at)),
            )
        )
    if out:
        return out
    handled = [f"{lapse.name}（{following[lapse.member_id]}）" for lapse in found]
    if handled:
        detail = f"连续{warn_at}个月以上未尽党员义务的党员均已跟进：{'、'.join(handled)}"
        return [
            obligation(
                "NAT-5",
                "met",
                detail=detail,
                brief=brief(detail, f"未尽义务的{len(handled)}人均已跟进"),
                people=tuple(lapse.member_id for lapse in found),
            )
        ]
    return [
        obligation(
            "NAT-5",
            "met",
            detail=f"没有连续{warn_at}个月以上未交党费、未参加组织生活或未完成分配工作的党员",
            brief=f"无连续{warn_at}个月以上未尽党员义务的党员",
        )
    ]


@rule("NAT-6")
def check_lost_contact(ctx: Context) -> list[Obligation]:
    """Lost contact 6 months → suspend membership; still lost 2 years later → remove."""
    if not ctx.data.lost_contacts:
        return [obligation("NAT-6", "not_applicable", detail="没有失联党员")]
    names = member_names(ctx)
    out: list[Obligation] = []
    for c in ctx.data.lost_contacts:
        step = lost_contact_step(c, ctx.profile)
        if step is None:
            continue
        person = names.get(c.member_id, "（已删除）")
        due, label, short_step = step.due, step.label, step.short
        if ctx.on >= due:
            status = "overdue"
        elif (due - ctx.on).days <= UPCOMING_DAYS:
            status = "upcoming"
        else:
            status = "met"
        out.append(
            obligation(
                "NAT-6",
                status,
                period_kind="deadline",
                due=due,
                detail=f"{person}自{format_date(c.since)}失去联系，下一步：{format_date(due)}{label}",
                brief=brief(
                    f"{person}失联，下一步：{format_date(due)}{label}",
                    f"{person}失联，{format_date(due)}{short_step}",
                    f"{person}失联，下一步：{short_step}",
                    f"失联党员，下一步：{short_step}",
                ),
                refs=(c.id,),
                people=(c.member_id,),
            )
        )
    return out or [obligation("NAT-6", "met", detail="失联党员均已处置或恢复联系")]


@rule("NAT-7")
def check_appraisal_grades(ctx: Context) -> list[Obligation]:
    """Appraisal grades are 优秀/合格/基本合格/不合格; 预备党员 take part but get no grade."""
    names = member_names(ctx)
    appraisals = [a for a in ctx.data.appraisals if a.year in (ctx.on.year, ctx.on.year - 1)]
    if not appraisals:
        return [obligation("NAT-7", "not_applicable", detail="近两年尚无民主评议记录")]
    out: list[Obligation] = []
    for a in appraisals:
        # The grade rules are LIFE-7's helper's; this check only words what it finds.
        gaps = appraisal_gaps(a, ctx.data.members)
        problems = [
            f"{names.get(mid, '（已删除）')}的等次“{grade}”无效" for mid, grade in gaps.invalid
        ]
        wrong = {mid for mid, _ in gaps.invalid}
        problems += [
            f"{names[m.id]}为预备党员，不应评定等次"
            for m in gaps.graded_probationary
            if m.id not in wrong
        ]
        if problems:
            out.append(
                obligation(
                    "NAT-7",
                    "warning",
                    period_kind="year",
                    period=str(a.year),
                    detail=f"{a.year}年民主评议：{'；'.join(problems)}",
                    brief=brief(
                        f"{a.year}年民主评议：{'；'.join(problems)}",
                        f"{a.year}年民主评议{len(problems)}处等次不符规定",
                    ),
                    refs=(a.id,),
                )
            )
    return out or [
        obligation(
            "NAT-7",
            "met",
            detail="民主评议等次均符合规定",
            refs=tuple(a.id for a in appraisals),
        )
    ]
