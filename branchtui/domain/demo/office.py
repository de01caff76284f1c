"""The demo's care, systems, plans, ledgers, funds, inspections and reports (CARE, SYS, BASE, REP)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import cast

from branchtui.domain.dates import add_months
from branchtui.domain.demo.context import DemoContext
from branchtui.domain.records import (
    Announcement,
    CaseStep,
    DisciplineCase,
    Fluctuation,
    FundEntry,
    HardshipCase,
    Inspection,
    LedgerEntry,
    LostContact,
    MonthlyReport,
    PlanItem,
    PracticeNote,
    SystemDoc,
    Talk,
    WorkPlan,
    YearAssessment,
)
from branchtui.domain.records.ledgers import (
    FIVE_GOOD,
    SYSTEM_KINDS,
    AssessmentArea,
    FiveGood,
    FundDirection,
    FundPurpose,
    FundSource,
    LedgerCategory,
    SystemKind,
)

# (content, form, owner cast key, month, day)
PLAN_ITEMS = (
    ("制订年度“三会一课”计划并按月落实", "支委会、党小组会、党员大会、党课", "secretary", 1, 31),
    ("每月第一个工作日开展主题党日", "主题党日", "organization", 12, 31),
    ("开展年度民主评议党员", "组织生活会", "secretary", 1, 31),
    ("集中学习不少于12天", "集中学习、专题培训", "organization", 12, 20),
    ("开展“七一”纪念活动", "主题实践活动", "deputy", 7, 1),
    ("更新发展党员信息库", "半年更新", "organization", 7, 31),
    ("按月足额收缴党费", "主题党日集中交纳", "discipline", 12, 31),
)
TALK_TOPICS = ("日常谈心，了解工作生活情况", "听取对支部工作的意见建议", "关心子女入学和家庭困难")


def build_care(ctx: DemoContext) -> None:
    """Talks, a hardship case, a closed discipline case and a found lost contact (CARE, EDU-8)."""
    rng = ctx.rng
    ordinary = ctx.cast["ordinary"]
    secretary = ctx.member("secretary")
    for year in ctx.years():
        for _ in range(4):
            day = ctx.working_day_near(dt.date(year, rng.randint(1, 12), rng.randint(1, 28)))
            people = ctx.members_on(day)
            if ctx.in_history(day) and people:
                member = rng.choice(people)
                ctx.add(
                    Talk(
                        id=ctx.new_id(),
                        member_id=member.id,
                        person_name=member.name,
                        date=day,
                        kind="daily",
                        talker_id=secretary.id,
                        content=rng.choice(TALK_TOPICS),
                    )
                )
    member = ordinary[-11]
    applied = ctx.working_day_near(ctx.days_ago(150, 220))
    ctx.add(
        HardshipCase(
            id=ctx.new_id(),
            member_id=member.id,
            applied=applied,
            description="家属患重病住院，医疗费用负担较重",
            reported_up=ctx.working_day_near(applied + dt.timedelta(days=5)),
            helped=ctx.working_day_near(applied + dt.timedelta(days=20)),
            help="上级党委发放困难党员慰问金，支部党员自愿捐款",
            amount=Decimal("5000"),
        )
    )
    member = ordinary[-12]
    opened = ctx.working_day_near(max(ctx.start + dt.timedelta(days=20), ctx.days_ago(380, 420)))
    case = ctx.add(
        DisciplineCase(
            id=ctx.new_id(),
            member_id=member.id,
            opened=opened,
            reason="连续3个月无正当理由未参加党小组会",
            steps=[
                CaseStep(step="talk", date=opened, note="书记谈话提醒"),
                CaseStep(
                    step="criticism", date=opened + dt.timedelta(days=21), note="党小组会上批评教育"
                ),
            ],
            outcome="经谈话提醒和批评教育，已按时参加组织生活",
            closed=opened + dt.timedelta(days=90),
        )
    )
    ctx.add(
        Talk(
            id=ctx.new_id(),
            member_id=member.id,
            person_name=member.name,
            date=opened,
            kind="reminder",
            trigger="handling",
            about_id=case.id,
            talker_id=secretary.id,
            content="提醒按时参加组织生活",
        )
    )
    retiree = ctx.cast["retired"][-1]
    since = ctx.working_day_near(max(ctx.start, ctx.days_ago(500, 600)))
    ctx.add(
        LostContact(
            id=ctx.new_id(),
            member_id=retiree.id,
            since=since,
            found=since + dt.timedelta(days=rng.randint(40, 80)),
            note="长期随子女在外地居住，经多方联系已恢复联系",
        )
    )


def build_fluctuation(ctx: DemoContext) -> None:
    """One 思想波动 (CARE-1) of over a year ago, talked about and resolved. Built last, so that
    every other record keeps the id it had; old enough not to count in this year's figures."""
    noticed = ctx.working_day_near(ctx.today - dt.timedelta(days=400))
    people = [m for m in ctx.cast["ordinary"] if ctx.present_on(m, noticed)]
    if not people or not ctx.in_history(noticed):
        return
    member, secretary = people[len(people) // 2], ctx.member("secretary")
    entry = ctx.add(
        Fluctuation(
            id=ctx.new_id(),
            member_id=member.id,
            noticed=noticed,
            reporter_name="所在部门负责人",
            description="岗位调整后有情绪，参加组织生活不够积极",
            closed=ctx.working_day_near(noticed + dt.timedelta(days=60)),
            resolution="书记专题谈心，部门帮助熟悉新岗位，已安心工作",
        )
    )
    ctx.add(
        Talk(
            id=ctx.new_id(),
            member_id=member.id,
            person_name=member.name,
            date=ctx.working_day_near(noticed + dt.timedelta(days=3)),
            kind="special",
            trigger="fluctuation",
            about_id=entry.id,
            talker_id=secretary.id,
            content="了解岗位调整后的想法，讲清组织安排，鼓励积极参加组织生活",
        )
    )


def build_announcements(ctx: DemoContext) -> None:
    """党务公开 (CARE-2): dues, appraisal results, the election and the development publicity."""
    items: list[tuple[dt.date, str, str]] = []
    for year in ctx.years():
        items.append((dt.date(year, 2, 20), f"{year - 1}年度民主评议党员结果公开", "支部公示栏"))
        items.append((dt.date(year, 7, 15), f"{year}年上半年党费收缴情况公示", "厦门党建e家"))
    term = ctx.cast["term"]
    items.append(
        (
            term.start + dt.timedelta(days=2),
            f"第{term.number}届支部委员会选举结果公示",
            "支部公示栏",
        )
    )
    candidate = ctx.cast["probationary"][0]
    items.append((ctx.cast["publicity_date"], f"发展对象{candidate.name}同志公示", "支部公示栏"))
    for day, title, channel in sorted(items):
        day = ctx.working_day_near(day)
        if ctx.in_history(day):
            ctx.add(
                Announcement(
                    id=ctx.new_id(),
                    date=day,
                    title=title,
                    channel=channel,
                    content=f"{title}，公示期5个工作日，如有意见请向支部反映。",
                )
            )


def build_systems_and_plans(ctx: DemoContext) -> None:
    """All six written systems (SYS-1) and a work plan with items each year (SYS-2)."""
    branch = ctx.branch.name.removeprefix("中共厦门金圆投资集团有限公司")
    for kind, label in SYSTEM_KINDS.items():
        ctx.add(
            SystemDoc(
                id=ctx.new_id(),
                kind=cast(SystemKind, kind),
                title=f"{branch}{label}",
                adopted=ctx.working_day_near(dt.date(2017, 6, ctx.rng.randint(5, 25))),
                posted=kind in ("three_meetings", "development", "openness"),
            )
        )
    for year in ctx.years():
        adopted = ctx.working_day_near(dt.date(year, 1, ctx.rng.randint(8, 20)))
        if not ctx.in_history(adopted):
            continue
        items = []
        for content, form, owner, month, day in PLAN_ITEMS:
            due = dt.date(year, month, day)
            done = due < ctx.today
            items.append(
                PlanItem(
                    id=ctx.new_id(),
                    content=content,
                    form=form,
                    owner_id=ctx.member(owner).id,
                    due=due,
                    progress="已完成" if done else "按计划推进",
                    done=ctx.working_day_near(due - dt.timedelta(days=5)) if done else None,
                )
            )
        ctx.add(WorkPlan(id=ctx.new_id(), year=year, adopted=adopted, items=items))


def build_ledger(ctx: DemoContext) -> None:
    """台帐 (SYS-3): every meeting, activity and study session filed by category."""
    entries = []
    for m in ctx.data.meetings:
        entries.append((m.date, "life", m.topic, "meetings", m.id))
    for a in ctx.data.activities:
        entries.append((a.date, "education", a.title, "activities", a.id))
    for s in ctx.data.study_sessions:
        entries.append((s.date, "education", s.topic, "study_sessions", s.id))
    for day, category, title, table, record_id in sorted(entries):
        ctx.add(
            LedgerEntry(
                id=ctx.new_id(),
                date=day,
                category=cast(LedgerCategory, category),
                title=title,
                record_table=table,
                record_id=record_id,
            )
        )


def build_funds(ctx: DemoContext) -> None:
    """Budget and returned dues in, spending by purpose; one 'other' purpose (BASE-2 gap)."""
    scale = max(1, len(ctx.data.members) // 30)
    for year in ctx.years():
        plan = (
            (dt.date(year, 1, 10), "income", 20000, "enterprise_budget", "", "年度党建活动经费"),
            (dt.date(year, 3, 15), "income", 3000, "returned_dues", "", "上级党委回拨党费"),
            (
                dt.date(year, 1, 28),
                "spending",
                1500,
                "enterprise_budget",
                "condolence",
                "春节走访慰问困难党员",
            ),
            (
                dt.date(year, 5, 20),
                "spending",
                5000,
                "enterprise_budget",
                "education",
                "党员教育培训教材和场地",
            ),
            (
                dt.date(year, 6, 28),
                "spending",
                3000,
                "enterprise_budget",
                "activity",
                "“七一”纪念活动",
            ),
            (dt.date(year, 12, 15), "spending", 2000, "returned_dues", "award", "表彰优秀共产党员"),
        )
        for day, direction, amount, source, purpose, text in plan:
            if ctx.in_history(day):
                ctx.add(
                    FundEntry(
                        id=ctx.new_id(),
                        date=day,
                        direction=cast(FundDirection, direction),
                        amount=Decimal(amount * scale),
                        source=cast(FundSource, source),
                        purpose=cast(FundPurpose, purpose),
                        description=text,
                    )
                )
    day = ctx.working_day_near(ctx.days_ago(60, 120))
    ctx.add(
        FundEntry(
            id=ctx.new_id(),
            date=day,
            amount=Decimal("1800"),
            source="enterprise_budget",
            purpose="other",
            description="购买部门篮球赛队服",
        )
    )


# The points of each area on the shipped scoring sheet (templates/reports/scoring.toml): the
# demo's past self-assessments score each area out of these, as the sheet has the branch do.
SHEET_POINTS: dict[str, int] = {
    "ORG": 15,
    "LIFE": 25,
    "REL": 10,
    "EDU": 15,
    "DEV": 10,
    "CARE": 10,
    "SYS": 10,
    "BASE": 5,
}


def build_reports(ctx: DemoContext) -> None:
    """Inspections (SYS-4), monthly reports by the 16th (REP-1), assessments and notes (REP)."""
    rng = ctx.rng
    for year in ctx.years():
        day = ctx.working_day_near(dt.date(year, 10, rng.randint(15, 25)))
        if ctx.in_history(day):
            ctx.add(
                Inspection(
                    id=ctx.new_id(),
                    date=day,
                    inspector="集团党委组织部检查组",
                    findings="“三会一课”记录规范；建议加强党员学习测试，完善台帐照片。",
                )
            )
        day = ctx.working_day_near(dt.date(year, 1, 25))
        if ctx.in_history(day) and year - 1 >= ctx.start.year:
            ctx.add(
                YearAssessment(
                    id=ctx.new_id(),
                    year=year - 1,
                    date=day,
                    scores={
                        cast(AssessmentArea, area): round(points * rng.randint(85, 98) / 100, 1)
                        for area, points in SHEET_POINTS.items()
                    },
                    five_good={cast(FiveGood, key): "达标" for key in FIVE_GOOD},
                )
            )
    for month in ctx.months():
        # REP-1: the report on a month goes up in the next month, before the 17th.
        following = add_months(month, 1)
        generated = following.replace(day=rng.randint(6, 10))
        if generated >= ctx.today:
            continue
        sent = min(generated + dt.timedelta(days=rng.randint(0, 3)), following.replace(day=16))
        ctx.add(
            MonthlyReport(
                id=ctx.new_id(),
                month=f"{month:%Y-%m}",
                generated=generated,
                sent=sent if sent < ctx.today else None,
                path=f"reports/{month:%Y-%m}-monthly.md",
            )
        )
    notes = (
        ("“党建+业务”双融合，党员示范岗带动业务攻坚", 200),
        ("主题党日“菜单式”选学，提高党员参与度", 420),
    )
    for title, ago in notes:
        day = ctx.working_day_near(ctx.today - dt.timedelta(days=ago))
        if ctx.in_history(day):
            ctx.add(
                PracticeNote(
                    id=ctx.new_id(),
                    date=day,
                    title=title,
                    content=f"{title}。做法已在支部推广。",
                    reported=day + dt.timedelta(days=10),
                )
            )
