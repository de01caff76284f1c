"""EDU — education and management (党员教育管理): study, activities, dues, cards, attendance."""

from __future__ import annotations

import datetime as dt

from branchtui.domain.attendance import absence_streak, attendance_rates
from branchtui.domain.certificates import members_without_card
from branchtui.domain.dates import format_date
from branchtui.domain.dues import arrears
from branchtui.domain.lapse import followed_up
from branchtui.domain.markdown import in_quotes
from branchtui.domain.obligations.base import Context, Obligation, rule
from branchtui.domain.obligations.catalogue import brief, obligation, period_obligation, who
from branchtui.domain.obligations.indexes import (
    attendance_book,
    dues_book,
    member_names,
    members_by_id,
)
from branchtui.domain.obligations.periods import judged_periods, periodic_status
from branchtui.domain.records.education import DISCIPLINE_STEPS
from branchtui.domain.study import format_days, study_year
from branchtui.domain.study import study_days_of as study_days_of  # minutes import it here

# EDU-3: an activity dated in this window counts as the 七一 commemoration.
JULY_FIRST_WINDOW = ((6, 15), (7, 15))


def _names(ctx: Context, ids: list[str], limit: int = 10) -> str:
    names = member_names(ctx)
    shown = [names[i] for i in ids[:limit] if i in names]
    return "、".join(shown) + (f"等{len(ids)}人" if len(ids) > limit else "")


def _who(ctx: Context, ids: list[str]) -> str:
    """ "张三" or "张三等5人", for a short form."""
    names = member_names(ctx)
    return who([names.get(i, "（已删除）") for i in ids])


@rule("EDU-1")
def check_study_days(ctx: Context) -> list[Obligation]:
    """Concentrated study of at least 12 days in each year: study sessions, and the study
    hours recorded at meetings (unless a study session already stands for that meeting)."""
    out: list[Obligation] = []
    for year in judged_periods("year", ctx.data, ctx.on):
        studied = study_year(ctx.data, year.start.year, ctx.on, ctx.profile)
        done, need = format_days(studied.total), format_days(studied.required)
        detail = f"{year.label}集中学习{done}天，要求不少于{need}天"
        short = f"{year.label}集中学习{done}/{need}天"
        if not studied.met:
            detail += f"，还差{format_days(studied.missing)}天"
            short += f"，还差{format_days(studied.missing)}天"
        out.append(
            period_obligation(
                "EDU-1",
                periodic_status(studied.met, year, ctx.on),
                year,
                detail=detail,
                brief=brief(detail, short),
                refs=tuple(s.id for s in studied.sessions) + tuple(m.id for m in studied.meetings),
                progress=(float(studied.total), float(studied.required)),
            )
        )
    return out


@rule("EDU-2")
def check_practice(ctx: Context) -> list[Obligation]:
    """Theme practice activities are held and recorded each year."""
    out: list[Obligation] = []
    for year in judged_periods("year", ctx.data, ctx.on):
        found = [
            a
            for a in ctx.data.activities
            if year.contains(a.date) and a.date <= ctx.on and a.kind != "commemoration"
        ]
        detail = (
            f"{year.label}已开展主题实践活动{len(found)}次"
            if found
            else f"{year.label}尚未登记主题实践活动（党员责任区、示范岗、志愿服务等）"
        )
        short = brief(detail, f"{year.label}尚未登记主题实践活动")
        out.append(
            period_obligation(
                "EDU-2",
                periodic_status(bool(found), year, ctx.on),
                year,
                detail=detail,
                brief=short,
                refs=tuple(a.id for a in found),
            )
        )
    return out


def july_first_window(year: int) -> tuple[dt.date, dt.date]:
    """The days an activity counts as the year's 七一 commemoration (EDU-3)."""
    (m1, d1), (m2, d2) = JULY_FIRST_WINDOW
    return dt.date(year, m1, d1), dt.date(year, m2, d2)


@rule("EDU-3")
def check_july_first(ctx: Context) -> list[Obligation]:
    """A commemoration around 七一 each year."""
    out: list[Obligation] = []
    for year in judged_periods("year", ctx.data, ctx.on):
        y = year.start.year
        (start, end), july = july_first_window(y), dt.date(y, 7, 1)
        found = [a for a in ctx.data.activities if start <= a.date <= min(end, ctx.on)]
        short = ""
        if found:
            status, detail = (
                "met",
                f"已于{format_date(found[0].date)}开展{in_quotes(found[0].title)}",
            )
            short = f"已于{format_date(found[0].date)}开展纪念活动"
        elif ctx.on < july:
            status, detail = "upcoming", f"{y}年“七一”前后应组织纪念活动"
        elif ctx.on <= end:
            status, detail = "due", f"{y}年“七一”纪念活动尚未登记"
        else:
            status, detail = "overdue", f"{y}年“七一”前后（6月15日至7月15日）未登记纪念活动"
            short = f"{y}年“七一”前后未登记纪念活动"
        out.append(
            obligation(
                "EDU-3",
                status,
                period_kind="year",
                period=year.key,
                due=july,
                detail=detail,
                brief=brief(detail, short) if short else "",
                refs=tuple(a.id for a in found),
            )
        )
    return out


@rule("EDU-4")
def check_dues_paid(ctx: Context) -> list[Obligation]:
    """Every member pays dues every month; unpaid months are listed."""
    owed = arrears(ctx.data, ctx.on, dues_book(ctx))
    if not owed:
        return [obligation("EDU-4", "met", detail="全体党员党费已交至上月")]
    members, names = members_by_id(ctx), member_names(ctx)
    # A member who transferred out still owes the months she belonged here (转出前应交清).
    parts = [
        f"{names[mid]}{'（已转出）' if members[mid].removed else ''}"
        f"欠交{len(a.months)}个月（{a.months[0]}起）"
        for mid, a in owed.items()
    ]
    detail = "；".join(parts[:10]) + (f"；等{len(parts)}人" if len(parts) > 10 else "")
    longest = max(len(a.months) for a in owed.values())
    return [
        obligation(
            "EDU-4",
            "due",
            detail=detail,
            brief=brief(
                detail,
                f"{_who(ctx, list(owed))}欠交党费，最长{longest}个月",
                f"{len(owed)}人欠交党费，最长{longest}个月",
            ),
            people=tuple(owed),
        )
    ]


@rule("EDU-5")
def check_cards(ctx: Context) -> list[Obligation]:
    """One 党员证 per member."""
    missing = [m.id for m in members_without_card(ctx.data)]
    if missing:
        return [
            obligation(
                "EDU-5",
                "due",
                detail=f"{_names(ctx, missing)}未登记党员证编号",
                brief=brief(
                    f"{_names(ctx, missing)}未登记党员证编号",
                    f"{_who(ctx, missing)}未登记党员证编号",
                    f"{len(missing)}人未登记党员证编号",
                ),
                people=tuple(missing),
                needs="党员证编号",
                field="number",
            )
        ]
    return [obligation("EDU-5", "met", detail="党员均已登记党员证")]


@rule("EDU-6")
def check_duty_list(ctx: Context) -> list[Obligation]:
    """The branch's list of obligations is this rule catalogue, kept by the app itself."""
    return [
        obligation(
            "EDU-6",
            "met",
            detail="义务清单即本系统的规则目录，待办事项按清单逐项检查",
            brief="义务清单即规则目录，逐项检查",
        )
    ]


@rule("EDU-7")
def check_attendance(ctx: Context) -> list[Obligation]:
    """Attendance per member; members absent 3 or more months in a row → warning."""
    year_start = dt.date(ctx.on.year, 1, 1)
    members = ctx.data.active_members
    book = attendance_book(ctx)
    rates = attendance_rates(members, ctx.data.meetings, year_start, ctx.on, book=book)
    expected = sum(r.expected for r in rates.values())
    if not expected:
        return [obligation("EDU-7", "not_applicable", detail="本年度尚无会议出勤记录")]
    attended = sum(r.attended for r in rates.values())
    summary = f"本年度出勤率{attended * 100 // expected}%"
    limit = ctx.profile.absence_warning_months
    flagged = [m.id for m in members if absence_streak(m, ctx.data, ctx.on, book=book) >= limit]
    # A member already followed up (lost-contact record, discipline case) is handled there.
    following = followed_up(ctx.data)
    absent = [i for i in flagged if i not in following]
    if absent:
        return [
            obligation(
                "EDU-7",
                "warning",
                detail=f"{_names(ctx, absent)}连续{limit}个月以上未参加组织生活；{summary}",
                brief=brief(
                    f"{_names(ctx, absent)}连续{limit}个月以上未参加组织生活",
                    f"{_who(ctx, absent)}连续{limit}个月以上未参加组织生活",
                    f"{_who(ctx, absent)}连续{limit}个月以上缺席",
                    f"{len(absent)}人连续{limit}个月以上缺席",
                ),
                people=tuple(absent),
                progress=(float(attended), float(expected)),
            )
        ]
    if flagged:
        handled = "、".join(f"{_names(ctx, [i])}（{following[i]}）" for i in flagged)
        summary += f"；连续{limit}个月以上缺席的党员均已跟进：{handled}"
    return [
        obligation(
            "EDU-7",
            "met",
            detail=summary,
            brief=brief(summary, summary.split("；")[0] + f"，缺席的{len(flagged)}人已跟进"),
            people=tuple(flagged),
            progress=(float(attended), float(expected)),
        )
    ]


@rule("EDU-8")
def check_discipline_cases(ctx: Context) -> list[Obligation]:
    """Unqualified members' cases are handled step by step, each step dated."""
    cases = ctx.data.discipline_cases
    if not cases:
        return [obligation("EDU-8", "not_applicable", detail="没有不合格党员处置案件")]
    out: list[Obligation] = []
    for case in cases:
        person = _names(ctx, [case.member_id]) or "（已删除）"
        if case.closed is None and not case.steps:
            out.append(
                obligation(
                    "EDU-8",
                    "due",
                    detail=f"{person}的处置（{case.reason}）自{format_date(case.opened)}立案，尚未记录处置步骤",
                    brief=brief(f"{person}的处置尚未记录处置步骤", "处置案件尚未记录处置步骤"),
                    refs=(case.id,),
                    people=(case.member_id,),
                )
            )
        elif case.closed is None:
            last = max(case.steps, key=lambda s: s.date)
            out.append(
                obligation(
                    "EDU-8",
                    "upcoming",
                    detail=f"{person}的处置进行中，最近一步：{format_date(last.date)}"
                    f"{DISCIPLINE_STEPS.get(last.step, last.step)}",
                    brief=brief(
                        f"{person}的处置进行中：{DISCIPLINE_STEPS.get(last.step, last.step)}",
                        f"{person}的处置进行中",
                        "处置案件进行中",
                    ),
                    refs=(case.id,),
                    people=(case.member_id,),
                )
            )
        elif not case.outcome.strip():
            out.append(
                obligation(
                    "EDU-8",
                    "due",
                    detail=f"{person}的处置已结案，但未记录处置结果",
                    brief=brief(
                        f"{person}的处置已结案，但未记录处置结果", "处置已结案，未记录结果"
                    ),
                    refs=(case.id,),
                    people=(case.member_id,),
                    needs="处置结果",
                )
            )
    return out or [obligation("EDU-8", "met", detail=f"{len(cases)}件处置均已结案并记录结果")]
