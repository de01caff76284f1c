"""The demo's education and management: study days, practice activities and dues (EDU-1…5)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import cast

from branchtui.domain.dates import add_months, month_key
from branchtui.domain.demo.context import DemoContext
from branchtui.domain.dues import monthly_dues
from branchtui.domain.records import Activity, DuesPayment, DuesRate, Member, StudySession
from branchtui.domain.records.education import ActivityKind

LATE = tuple(dt.timedelta(days=n) for n in range(3))
# (month, days, topic): twelve days a year, the last session in December (EDU-1).
STUDY_PLAN = (
    (2, 1.0, "学习党章和《关于新形势下党内政治生活的若干准则》"),
    (3, 1.0, "全国两会精神专题学习"),
    (4, 1.0, "《中国共产党纪律处分条例》专题学习"),
    (5, 1.5, "“两学一做”学习教育专题培训"),
    (6, 1.0, "党史专题学习"),
    (7, 1.0, "学习习近平总书记“七一”重要讲话精神"),
    (8, 1.0, "金融风险防控与廉洁从业专题培训"),
    (9, 1.0, "《中国共产党党员教育管理工作条例》学习"),
    (10, 1.0, "业务技能与法律知识培训"),
    (11, 1.0, "学习上级党委全会精神"),
    (12, 1.5, "年度集中轮训"),
)


def build_study(ctx: DemoContext) -> None:
    """About 12 days a year; the current year is a little short until December's session."""
    for year in ctx.years():
        for month, days, topic in STUDY_PLAN:
            day = ctx.day_in_month(dt.date(year, month, 1), 8, 26)
            if not ctx.in_history(day):
                continue
            people = [m for m in ctx.members_on(day) if ctx.rng.random() < 0.93]
            ctx.add(
                StudySession(
                    id=ctx.new_id(),
                    date=day,
                    days=days,
                    topic=topic,
                    test_held=month in (6, 12),
                    participant_ids=[m.id for m in people],
                )
            )


def build_activities(ctx: DemoContext) -> None:
    """七一 commemorations, volunteer service and other practice activities (EDU-2, EDU-3)."""
    rng = ctx.rng
    for year in ctx.years():
        plan = (
            (dt.date(year, 3, 5), "volunteer", "“学雷锋”志愿服务进社区"),
            (dt.date(year, 4, 20), "community_report", "在职党员到社区报到为群众服务"),
            (dt.date(year, 5, 18), "model_post", "“党员示范岗”评选和亮身份活动"),
            (
                dt.date(year, 6, 28),
                "commemoration",
                f"庆祝中国共产党成立{year - 1921}周年“七一”纪念活动",
            ),
            (dt.date(year, 9, 20), "volunteer", "文明城市创建志愿服务"),
            (dt.date(year, 12, 10), "pairing_help", "结对帮扶困难群众走访慰问"),
        )
        for planned, kind, title in plan:
            day = ctx.working_day_near(planned) if kind != "volunteer" else planned
            if not ctx.in_history(day):
                continue
            people = [m for m in ctx.members_on(day) if rng.random() < 0.75]
            recorder = ctx.member("propaganda")
            if not ctx.present_on(recorder, day):
                recorder = ctx.member("organization")
            ctx.add(
                Activity(
                    id=ctx.new_id(),
                    date=day,
                    kind=cast(ActivityKind, kind),
                    title=title,
                    participant_ids=[m.id for m in people],
                    recorder_id=recorder.id,
                )
            )


def _income_in(member: Member, year: int, today: dt.date) -> Decimal | None:
    if member.monthly_income is None:
        return None
    # Pay grows about 4 % a year, so earlier years had lower incomes (rounded to 50 元).
    factor = Decimal("0.96") ** (today.year - year)
    return (member.monthly_income * factor / 50).quantize(Decimal("1")) * 50


def build_dues(ctx: DemoContext) -> None:
    """A rate per member per year, a payment per month; two members fall behind (EDU-4 gap)."""
    current = ctx.today.replace(day=1)
    behind = {ctx.cast["ordinary"][-4].id: 2, ctx.cast["ordinary"][-5].id: 3}
    ctx.cast["arrears"] = behind
    months = list(ctx.months())
    paid_on = {m: ctx.first_working_day(m.year, m.month) for m in months}
    keys = {m: month_key(m) for m in months}
    for member in ctx.data.members:
        assert member.joined is not None
        first = max(member.joined.replace(day=1), ctx.start)
        last = member.removed.replace(day=1) if member.removed else current
        amounts: dict[int, Decimal] = {}
        for year in range(first.year, last.year + 1):
            income = _income_in(member, year, ctx.today)
            amount = monthly_dues(member.dues_category, income, ctx.profile)
            amounts[year] = amount
            ctx.add(
                DuesRate(
                    id=ctx.new_id(),
                    member_id=member.id,
                    year=year,
                    category=member.dues_category,
                    monthly_income=income,
                    amount=amount,
                )
            )
        skip_from = add_months(current, -behind.get(member.id, 0))
        for month in months:
            if month < first or month > last:
                continue
            if member.id in behind and month >= skip_from:
                break
            paid = max(paid_on[month], member.joined) + LATE[int(ctx.rng.random() * 3)]
            if not (paid < ctx.today and (member.removed is None or paid < member.removed)):
                if month >= current:
                    continue
                # Paying late is still paying: the member settled before leaving.
                paid = min(ctx.today, member.removed or ctx.today) - dt.timedelta(days=1)
            ctx.add(
                DuesPayment(
                    id=ctx.new_id(),
                    member_id=member.id,
                    month=keys[month],
                    amount=amounts[month.year],
                    paid=paid,
                )
            )
