"""The demo's organizational life: 三会一课, 主题党日, 组织生活会 and 民主评议 (LIFE-1…9)."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from branchtui.domain.dates import add_months
from branchtui.domain.demo.context import DemoContext
from branchtui.domain.demo.roster import committee_on
from branchtui.domain.records import (
    Appraisal,
    AppraisalResult,
    Attendance,
    Lecture,
    Meeting,
    Member,
    ThemeDay,
    Venue,
    Vote,
)
from branchtui.domain.records.meeting_parts import ThemeContent
from branchtui.domain.records.meetings import AppraisalGrade, AppraisalStep, MeetingKind

LEAVE_REASONS = ("出差", "公务外出", "年休假", "病假", "参加集团培训", "家中有事")
COMMITTEE_TOPICS = (
    "研究部署本月党建工作",
    "研究“三会一课”和主题党日安排",
    "讨论党员发展和入党积极分子培养工作",
    "研究党费收缴和使用情况",
    "研究党员教育培训安排",
    "传达学习上级党委会议精神，研究贯彻落实措施",
    "分析党员思想状况，研究谈心谈话安排",
    "研究党建工作台帐整理归档",
)
GROUP_TOPICS = (
    "学习党章党规",
    "学习习近平总书记系列重要讲话精神",
    "“两学一做”学习教育专题学习",
    "交流学习体会，查找工作不足",
    "学习《中国共产党支部工作条例（试行）》",
    "讨论本小组党员发挥先锋模范作用情况",
    "学习《中国共产党纪律处分条例》",
)
GENERAL_TOPICS = (
    "通报支部上季度工作情况，部署下季度工作",
    "传达学习上级党委会议精神",
    "通报党费收缴情况和发展党员工作",
    "“两学一做”学习教育常态化制度化专题学习",
)
THEME_TOPICS: dict[ThemeContent, str] = {
    "政治学习": "集中学习党的创新理论",
    "党性教育": "重温入党誓词，开展党性教育",
    "专题研讨": "围绕“合格党员看行动”开展专题研讨",
    "实践锻炼": "“党员示范岗”实践锻炼",
    "调研考察": "赴基层单位调研考察",
    "谈心谈话": "支部委员与党员谈心谈话",
    "志愿服务": "走进社区开展志愿服务",
}
LECTURE_TOPICS = (
    "深刻领会党的创新理论，做合格党员",
    "坚定理想信念，传承红色基因",
    "严守政治纪律和政治规矩",
    "以高质量党建引领业务发展",
    "学党章、守党规、做表率",
)


def build_venue(ctx: DemoContext) -> Venue:
    venue = ctx.add(
        Venue(
            id=ctx.new_id(),
            name="党员活动室",
            address="厦门市思明区展鸿路82号厦门国际金融中心",
            equipment=["会议桌椅", "投影仪", "音响", "党建书架", "电脑及网络"],
        )
    )
    ctx.cast["venue"] = venue
    return venue


def attendance(ctx: DemoContext, people: list[Member], day: dt.date) -> list[Attendance]:
    """Mostly present; some on leave with a reason, a few absent; members away on leave."""
    rng = ctx.rng
    away: dict[str, list[tuple[dt.date, dt.date, str]]] = ctx.cast.get("away", {})
    out = []
    for member in people:
        roll = rng.random()
        spells = away.get(member.id)
        reason = next((r for s, e, r in spells if s <= day <= e), "") if spells else ""
        if reason:
            out.append(Attendance(member_id=member.id, status="on_leave", reason=reason))
        elif roll < 0.06:
            out.append(
                Attendance(member_id=member.id, status="on_leave", reason=rng.choice(LEAVE_REASONS))
            )
        elif roll < 0.075 and not member.is_leader:
            # Leaders who miss a meeting ask for leave (LIFE-8); only others go absent.
            out.append(Attendance(member_id=member.id, status="absent"))
        else:
            out.append(Attendance(member_id=member.id))
    return out


def _meeting(
    ctx: DemoContext,
    kinds: list[MeetingKind],
    day: dt.date,
    people: list[Member],
    *,
    topic: str,
    host: Member,
    recorder: Member,
    minutes: int = 120,
    start: str = "14:30",
    **extra: Any,
) -> Meeting:
    hours, mins = divmod(int(start[:2]) * 60 + int(start[3:]) + minutes, 60)
    venue = ctx.cast["venue"]
    meeting = Meeting(
        id=ctx.new_id(),
        kinds=kinds,
        date=day,
        start=start,
        end=f"{hours:02d}:{mins:02d}",
        duration_minutes=minutes,
        place=venue.name,
        venue_id=venue.id,
        topic=topic,
        host_id=host.id,
        recorder_id=recorder.id,
        attendance=attendance(ctx, people, day),
        **extra,
    )
    return ctx.add(meeting)


def _pick(people: list[Member], preferred: Member) -> Member:
    return preferred if preferred in people else people[0]


def build_committee_meetings(ctx: DemoContext) -> None:
    """One a month, but one month of the last year was missed (LIFE-2 gap)."""
    missed = add_months(ctx.today.replace(day=1), -ctx.rng.randint(2, 10))
    ctx.cast["missed_committee_month"] = missed
    for month in ctx.months():
        day = ctx.day_in_month(month, 5, 12)
        if month == missed or not ctx.in_history(day):
            continue
        people = committee_on(ctx, day)
        secretary = ctx.member("secretary")
        meeting = _meeting(
            ctx,
            ["committee_meeting"],
            day,
            people,
            start="09:00",
            minutes=90,
            topic=ctx.rng.choice(COMMITTEE_TOPICS),
            host=_pick(people, secretary),
            recorder=_pick(people, ctx.member("organization")),
        )
        # A 支委会 is only held with more than half of the committee there (NAT-2).
        for entry in meeting.attendance[1:]:
            if 2 * sum(a.status == "present" for a in meeting.attendance) > len(people):
                break
            entry.status, entry.reason = "present", ""


def build_group_meetings(ctx: DemoContext) -> None:
    """Each group meets monthly (LIFE-3); the demo always has 20+ members, so groups."""
    groups = ctx.data.groups
    by_group: dict[str | None, list[Member]] = {g.id: [] for g in groups}
    for member in ctx.data.members:
        if member.group_id in by_group:
            by_group[member.group_id].append(member)
    for month in ctx.months():
        for group in groups:
            day = ctx.day_in_month(month, 12, 24)
            if not ctx.in_history(day):
                continue
            people = [m for m in by_group[group.id] if ctx.present_on(m, day)]
            if not people:
                continue
            leader = next((m for m in people if m.id == group.leader_id), people[0])
            recorder = next((m for m in people if m is not leader), leader)
            _meeting(
                ctx,
                ["group_meeting"],
                day,
                people,
                start="16:00",
                minutes=60,
                topic=ctx.rng.choice(GROUP_TOPICS),
                host=leader,
                recorder=recorder,
                group_id=group.id,
            )


def _tally(ctx: DemoContext, meeting: Meeting, motion: str) -> Vote:
    # 预备党员 have no vote (NAT-1): only members full on the meeting day count.
    full = {m.id for m in ctx.data.members if m.full_date and m.full_date <= meeting.date}
    voters = sum(1 for a in meeting.attendance if a.status == "present" and a.member_id in full)
    abstain = min(voters, ctx.rng.randint(0, 1))
    return Vote(motion=motion, yes=voters - abstain, abstain=abstain)


def build_general_meetings(ctx: DemoContext) -> None:
    """Quarterly (LIFE-1), plus the election and a reception vote where they fall."""
    secretary, organization = ctx.member("secretary"), ctx.member("organization")
    for month in ctx.months():
        if month.month % 3 != 2:
            continue
        day = ctx.day_in_month(month, 15, 25)
        if ctx.in_history(day):
            people = ctx.members_on(day)
            _meeting(
                ctx,
                ["general_meeting"],
                day,
                people,
                topic=ctx.rng.choice(GENERAL_TOPICS),
                host=secretary,
                recorder=_pick(people, organization),
            )
    for term in ctx.cast["terms"]:
        if ctx.in_history(term.start):
            people = ctx.members_on(term.start)
            meeting = _meeting(
                ctx,
                ["general_meeting"],
                term.start,
                people,
                minutes=150,
                topic=f"换届选举产生第{term.number}届支部委员会",
                host=secretary,
                recorder=_pick(people, organization),
            )
            meeting.votes.append(_tally(ctx, meeting, f"选举第{term.number}届支部委员会委员"))
            term.elected_at_meeting_id = meeting.id
    newcomer = ctx.cast["probationary"][0]
    people = ctx.members_on(newcomer.joined)
    meeting = _meeting(
        ctx,
        ["general_meeting"],
        newcomer.joined,
        people,
        topic=f"讨论接收{newcomer.name}同志为中共预备党员",
        host=secretary,
        recorder=_pick(people, organization),
    )
    meeting.votes.append(_tally(ctx, meeting, f"接收{newcomer.name}同志为中共预备党员"))
    ctx.cast["reception_meeting"] = meeting


def build_theme_days(ctx: DemoContext) -> None:
    """On each month's first working day (LIFE-5); July's doubles as the secretary's 党课."""
    secretary, organization = ctx.member("secretary"), ctx.member("organization")
    oath_day = ctx.cast["oath_date"]
    for month in ctx.months():
        day = ctx.first_working_day(month.year, month.month)
        if not ctx.in_history(day):
            continue
        content: list[ThemeContent] = ["交纳党费", ctx.rng.choice(list(THEME_TOPICS))]
        kinds: list[MeetingKind] = ["theme_day"]
        extra: dict[str, Any] = {}
        topic = THEME_TOPICS[content[1]]
        if day == oath_day:
            content.append("新党员宣誓")
            topic += "，新党员入党宣誓"
        if month.month == 7:
            kinds.append("party_lecture")
            topic = f"七一专题党课：{ctx.rng.choice(LECTURE_TOPICS)}"
            extra["lecture"] = Lecture(lecturer_id=secretary.id, title=topic)
        people = ctx.members_on(day)
        _meeting(
            ctx,
            kinds,
            day,
            people,
            topic=topic,
            host=secretary,
            minutes=150,
            recorder=_pick(people, organization),
            theme_day=ThemeDay(theme=topic, content_types=content),
            **extra,
        )


def build_lectures(ctx: DemoContext) -> None:
    """Every other leader gives one 党课 a year (LIFE-4)."""
    organization = ctx.member("organization")
    for year in ctx.years():
        for leader in ctx.cast["leaders"][1:]:
            day = ctx.working_day_near(
                dt.date(year, ctx.rng.randint(3, 10), ctx.rng.randint(8, 26))
            )
            if ctx.in_history(day) and ctx.present_on(leader, day):
                people = ctx.members_on(day)
                title = ctx.rng.choice(LECTURE_TOPICS)
                _meeting(
                    ctx,
                    ["party_lecture"],
                    day,
                    people,
                    host=leader,
                    lecture=Lecture(lecturer_id=leader.id, title=title),
                    topic=f"专题党课：{title}",
                    minutes=90,
                    recorder=_pick(people, organization),
                )


def build_life_meetings(ctx: DemoContext) -> None:
    """January's 组织生活会 with the appraisal of the past year (LIFE-6, LIFE-7, NAT-7)."""
    secretary, organization = ctx.member("secretary"), ctx.member("organization")
    for year in ctx.years():
        day = ctx.working_day_near(dt.date(year, 1, ctx.rng.randint(12, 22)))
        handled = ctx.calendar.working_days_after(day, 5)
        if ctx.in_history(day) and handled < ctx.today:
            people = ctx.members_on(day)
            meeting = _meeting(
                ctx,
                ["life_meeting", "appraisal"],
                day,
                people,
                minutes=180,
                topic=f"{year - 1}年度组织生活会暨民主评议党员",
                host=secretary,
                recorder=_pick(people, organization),
                criticism=True,
            )
            _appraisal(ctx, year - 1, meeting, handled)
        extra_day = ctx.working_day_near(dt.date(year, ctx.rng.randint(7, 9), 20))
        if ctx.rng.random() < 0.5 and ctx.in_history(extra_day):
            people = ctx.members_on(extra_day)
            _meeting(
                ctx,
                ["life_meeting"],
                extra_day,
                people,
                minutes=150,
                criticism=True,
                topic="专题组织生活会：对照党章党规找差距",
                host=secretary,
                recorder=_pick(people, organization),
            )


def _appraisal(ctx: DemoContext, year: int, meeting: Meeting, handled: dt.date) -> None:
    year_end = dt.date(year, 12, 31)
    day = meeting.date
    steps = {
        "mobilization": ctx.working_day_near(day - dt.timedelta(days=7)),
        "self_review": ctx.working_day_near(day - dt.timedelta(days=3)),
        "peer_review": day,
        "organization_review": ctx.calendar.working_days_after(day, 2),
        "handling": handled,
    }
    results = []
    for member in ctx.members_on(year_end):
        probationary = member.full_date is None or member.full_date > year_end
        roll = ctx.rng.random()
        grade = (
            ""
            if probationary
            else (
                "excellent"
                if roll < 0.2
                else "basically_qualified"
                if roll > 0.985
                else "qualified"
            )
        )
        results.append(AppraisalResult(member_id=member.id, grade=cast(AppraisalGrade, grade)))
    ctx.add(
        Appraisal(
            id=ctx.new_id(),
            year=year,
            steps=cast(dict[AppraisalStep, dt.date], steps),
            results=results,
            meeting_id=meeting.id,
        )
    )
