"""The demo meetings' minutes: agenda, named speeches, decisions, votes, the lecture, the theme
day's actions, the 组织生活会's criticism and rectification list, and the appraisal's tallies.

Filled in after every meeting exists, each from its own random source seeded by the meeting's
id, so the rest of the demo (dues, talks, reports) draws exactly what it drew before. The only
gap planted here is one record of last year entered a week late (会后补记), which
``branchtui check records`` shows.
"""

from __future__ import annotations

import datetime as dt
import random

from branchtui.domain.demo.context import DemoContext
from branchtui.domain.demo.roster import committee_on
from branchtui.domain.meetings.roll import expected_people
from branchtui.domain.records import (
    AgendaItem,
    Appraisal,
    Attendance,
    Criticism,
    Decision,
    Lecture,
    LifeMeeting,
    Meeting,
    Member,
    Observer,
    Rectification,
    SelfExamination,
    Speech,
    Vote,
)
from branchtui.domain.records.meeting_parts import ThemeDayAction

ABSENCE_REASONS = ("临时出差，未及请假", "突发疾病", "家中急事", "外出办理业务未能赶回")
SPEECH_LINES = (
    "同意这项安排，建议把责任落实到人、时间明确到周。",
    "结合本部门实际，建议先摸清情况，再研究具体措施。",
    "这项工作要和业务工作同部署、同推进，防止“两张皮”。",
    "建议在下次支委会上通报进展，及时发现问题、及时纠正。",
    "学习要联系思想和工作实际，防止走过场。",
    "建议邀请上级党委的同志来指导，提高工作质量。",
)
STUDY_LINES = (
    "通过学习，进一步认识到要把学习成果转化为做好本职工作的实际行动。",
    "对照党章党规查找了自身差距，今后要在严守纪律方面作表率。",
    "要在业务一线发挥党员先锋模范作用，带头攻坚克难。",
    "学习中体会最深的是坚持问题导向，要在解决实际问题上下功夫。",
)
COMMITTEE_ITEMS = (
    ("研究下月主题党日安排", "确定主题党日的主题、形式和规定动作"),
    ("通报党费收缴情况", "按月足额交纳党费，逐人核对"),
    ("研究入党积极分子培养工作", "落实培养联系人，按期考察"),
    ("研究谈心谈话安排", "支部委员分工与党员谈心谈话"),
)
SELF_EXAMINATIONS = (
    "理论学习不够系统，学用结合还有差距。",
    "工作中有时满足于完成任务，创新意识不强。",
    "联系群众不够经常，主动谈心谈话少。",
    "对业务钻研多，对党建工作投入精力不足。",
)
CRITICISMS = (
    "希望在学习上再深入一些，多结合工作谈体会。",
    "有时安排工作较急，与同事沟通不够充分。",
    "建议多参加支部活动，发挥老党员的传帮带作用。",
    "工作标准可以再高一些，对细节把关要更严。",
)
RECTIFICATIONS = (
    ("理论学习不够深入", "制定年度学习计划，每月集中学习一次并交流体会", 3),
    ("党员作用发挥不够明显", "设立党员示范岗，每季度评比一次", 6),
    ("谈心谈话不够经常", "支部委员每季度与分工联系的党员谈心谈话一次", 3),
)
UPPER_DELEGATES = (("陈建国", "集团党委组织部副部长"), ("林志伟", "集团党委委员"))
LECTURE_SUMMARY = (
    "围绕“{title}”，讲授人结合学习党的创新理论和本部门工作实际，从为什么学、学什么、"
    "怎么做三个方面作了讲解，要求全体党员把学习成效体现到推动工作高质量发展上。"
)


def _rng(meeting: Meeting) -> random.Random:
    return random.Random(meeting.id)


def _new_id(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def _present(ctx: DemoContext, meeting: Meeting) -> list[Member]:
    here = {a.member_id for a in meeting.attendance if a.status == "present"}
    return [m for m in ctx.data.members if m.id in here]


def _speeches(rng: random.Random, people: list[Member], lines: tuple[str, ...]) -> list[Speech]:
    speakers = rng.sample(people, min(len(people), rng.randint(2, 3)))
    said = rng.sample(lines, len(speakers))
    return [Speech(member_id=m.id, text=text) for m, text in zip(speakers, said, strict=True)]


def _entered(ctx: DemoContext, meeting: Meeting, rng: random.Random) -> None:
    meeting.entered_on = min(
        ctx.calendar.working_days_after(meeting.date, rng.randint(0, 2)), ctx.today
    )
    for row in meeting.attendance:
        if row.status == "absent" and not row.reason:
            row.reason = rng.choice(ABSENCE_REASONS)
    # The roster counts a member as in the branch on the day of leaving; the demo's lists do not.
    listed = {row.member_id for row in meeting.attendance}
    for member in expected_people(ctx.data, meeting.kinds, meeting.date, meeting.group_id):
        if member.id not in listed and "committee_meeting" not in meeting.kinds:
            meeting.attendance.append(
                Attendance(member_id=member.id, status="absent", reason="当日办理组织关系转出")
            )


def _host_and_recorder_present(ctx: DemoContext, meeting: Meeting) -> None:
    """Whoever chairs or takes the minutes was there (the one on leave hands over)."""
    here = [m.id for m in _present(ctx, meeting)]
    if not here:
        return
    if meeting.host_id not in here:
        meeting.host_id = here[0]
    if meeting.recorder_id not in here:
        meeting.recorder_id = next((i for i in here if i != meeting.host_id), here[0])


def _committee(ctx: DemoContext, meeting: Meeting, rng: random.Random) -> None:
    people = _present(ctx, meeting) or committee_on(ctx, meeting.date)
    second, work = rng.choice(COMMITTEE_ITEMS)
    items = [(meeting.topic, "结合上级党委部署，研究本月支部工作安排"), (second, work)]
    for title, notes in items:
        owner = rng.choice(people)
        due = meeting.date + dt.timedelta(days=rng.randint(7, 30))
        decision = Decision(
            id=_new_id(rng),
            text=notes,
            owner_id=owner.id,
            due=due,
            done=due if due < ctx.today else None,
        )
        meeting.agenda.append(
            AgendaItem(
                title=title,
                notes=notes,
                speeches=_speeches(rng, people, SPEECH_LINES),
                decisions=[decision],
            )
        )
    if rng.random() < 0.25:
        meeting.agenda[0].decisions.append(
            Decision(id=_new_id(rng), text="本季度发展党员工作安排", referred=True)
        )


def _general(ctx: DemoContext, meeting: Meeting, rng: random.Random) -> None:
    people = _present(ctx, meeting)
    meeting.agenda.append(
        AgendaItem(
            title=meeting.topic,
            notes="支部书记作说明，与会党员逐一发表意见。",
            speeches=_speeches(rng, people, SPEECH_LINES) if people else [],
        )
    )
    elected = [t for t in ctx.cast["terms"] if t.elected_at_meeting_id == meeting.id]
    voters = [m for m in people if m.full_date and m.full_date <= meeting.date]
    if elected and meeting.votes:
        base = meeting.votes[0]
        seats = [s for s in ctx.data.seats if s.term_id == elected[0].id and s.member_id]
        candidates = [m for s in seats for m in ctx.data.members if m.id == s.member_id]
        tellers = [m for m in voters if m not in candidates][:2]
        meeting.votes = []
        for person in candidates:
            against = min(rng.randint(0, 1), base.yes)
            meeting.votes.append(
                Vote(
                    motion=base.motion,
                    candidate=person.name,
                    method="secret_ballot",
                    yes=base.yes - against,
                    no=against,
                    abstain=base.abstain,
                    counter_ids=[t.id for t in tellers[:1]],
                    scrutineer_ids=[t.id for t in tellers[1:2]],
                )
            )
    for vote in meeting.votes:
        vote.method = vote.method or "show_of_hands"


def _lecture(ctx: DemoContext, meeting: Meeting, rng: random.Random) -> None:
    lecture = meeting.lecture or Lecture(title=meeting.topic)
    title = lecture.title or meeting.topic
    lecture.title = title.split("：", 1)[-1]
    lecture.audience = "全体党员"
    lecture.listeners = sum(1 for a in meeting.attendance if a.status == "present")
    lecture.duration_minutes = min(meeting.duration_minutes or 90, 90)
    lecture.summary = LECTURE_SUMMARY.format(title=lecture.title)
    meeting.lecture = lecture


def _theme_day(ctx: DemoContext, meeting: Meeting, rng: random.Random) -> None:
    day = meeting.theme_day
    if day is None:
        return
    day.form = "offline"
    oath: list[ThemeDayAction] = ["oath"] if meeting.date.month in (1, 7) else []
    day.required_actions = ["study", "dues", *oath]
    chosen: list[str] = [c for c in day.content_types if c not in ("交纳党费", "政治学习")]
    day.optional_actions = chosen or ["观看专题教育片"]
    activists = [
        c
        for c in ctx.data.candidates
        if (c.date_of("activist") or dt.date.max) <= meeting.date
        and (c.date_of("approved") or dt.date.max) > meeting.date
    ]
    day.activist_ids = [c.id for c in activists[:2]]
    if "志愿服务" in day.content_types:
        day.public_count = rng.randint(3, 8)
        day.public_note = "社区居民、部门群众职工"


def _life(ctx: DemoContext, meeting: Meeting, rng: random.Random) -> None:
    people = _present(ctx, meeting)
    secretary = ctx.member("secretary")
    delegate, post = rng.choice(UPPER_DELEGATES)
    life = LifeMeeting(
        theme=meeting.topic,
        last_rectification="上年度查摆的问题已按整改清单逐项落实，全部完成整改。",
        upper_delegate=delegate,
        upper_delegate_post=post,
        upper_comment="会前准备充分，批评和自我批评开门见山、点名道姓，达到了红红脸、出出汗的效果。",
    )
    for i, member in enumerate(people):
        critic = people[(i + 1) % len(people)] if len(people) > 1 else secretary
        life.examinations.append(
            SelfExamination(
                member_id=member.id,
                text=rng.choice(SELF_EXAMINATIONS),
                criticisms=[Criticism(critic_id=critic.id, text=rng.choice(CRITICISMS))],
                response="诚恳接受大家的批评意见，立行立改。",
            )
        )
    for problem, measure, months in RECTIFICATIONS:
        owner = rng.choice(people) if people else secretary
        due = meeting.date + dt.timedelta(days=30 * months)
        life.rectifications.append(
            Rectification(
                id=_new_id(rng),
                problem=problem,
                measure=measure,
                owner_id=owner.id,
                due=due,
                done=due if due < ctx.today else None,
            )
        )
    meeting.life_meeting = life
    meeting.observers.append(Observer(name=delegate, post=post, reason="上级党委到会指导"))


def _appraisal(ctx: DemoContext, appraisal: Appraisal, rng: random.Random) -> None:
    voters = len(appraisal.results)
    appraisal.ballots_issued = voters
    appraisal.ballots_returned = voters
    appraisal.ballots_valid = voters - (1 if voters > 10 else 0)
    valid = appraisal.ballots_valid
    for result in appraisal.results:
        if not result.grade:
            continue  # 预备党员 take part without a grade (NAT-7)
        top = valid - rng.randint(0, 3)
        rest = valid - top
        if result.grade == "excellent":
            result.tally = {"excellent": top, "qualified": rest}
        else:
            result.tally = {result.grade: top, "excellent": rest} if rest else {result.grade: top}


def fill_minutes(ctx: DemoContext) -> None:
    """Give every demo meeting the parts its minutes need; plant one late entry of last year."""
    for meeting in ctx.data.meetings:
        rng = _rng(meeting)
        _entered(ctx, meeting, rng)
        _host_and_recorder_present(ctx, meeting)
        if "committee_meeting" in meeting.kinds:
            _committee(ctx, meeting, rng)
        if "general_meeting" in meeting.kinds:
            _general(ctx, meeting, rng)
        if "group_meeting" in meeting.kinds:
            people = _present(ctx, meeting)
            meeting.agenda.append(
                AgendaItem(title=meeting.topic, speeches=_speeches(rng, people, STUDY_LINES))
            )
        if "party_lecture" in meeting.kinds:
            _lecture(ctx, meeting, rng)
        if "theme_day" in meeting.kinds:
            _theme_day(ctx, meeting, rng)
        if "life_meeting" in meeting.kinds:
            _life(ctx, meeting, rng)
    for appraisal in ctx.data.appraisals:
        _appraisal(ctx, appraisal, random.Random(appraisal.id))
    last_year = [
        m
        for m in ctx.data.meetings
        if "group_meeting" in m.kinds and m.date.year == ctx.today.year - 1
    ]
    if last_year:
        late = last_year[len(last_year) // 2]
        late.entered_on = ctx.calendar.working_days_after(late.date, 6)
