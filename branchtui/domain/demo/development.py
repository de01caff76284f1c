"""The demo's development files: applicants, activists, a target, a new 预备党员 (DEV, NAT-3)."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from branchtui.domain.attendance import voters_on
from branchtui.domain.dates import add_months
from branchtui.domain.demo.context import DemoContext
from branchtui.domain.demo.names import NamePool, make_id_number, make_phone
from branchtui.domain.records import (
    Candidate,
    CandidateEvent,
    CandidateVote,
    DevelopmentRegisterUpdate,
    Member,
    Talk,
)
from branchtui.domain.records.development import CandidateStep
from branchtui.domain.records.people import Gender

POSITIONS = ("专员", "主管", "业务助理", "经理")


def _spread(day: dt.date, low: int, high: int) -> int:
    """A number in [low, high] fixed by ``day``: details added to the files later draw nothing
    from the demo's generator, so the rest of the demo stays as it was for the same seed."""
    return low + day.toordinal() % (high - low + 1)


def _event(step: str, day: dt.date, **fields: Any) -> CandidateEvent:
    return CandidateEvent(step=cast(CandidateStep, step), date=day, **fields)


def _events(
    ctx: DemoContext,
    applied: dt.date,
    until: dt.date,
    *,
    activist_after: int | None,
    target_after: int | None,
) -> list[CandidateEvent]:
    """Dated records from the application on, each within NAT-3's limits, none after ``until``."""
    near = ctx.working_day_near
    rng = ctx.rng
    talker = ctx.member("organization").name
    events = [
        _event("applied", applied, document="入党申请书"),
        _event(
            "talked",
            near(applied + dt.timedelta(days=rng.randint(10, 25))),
            people=talker,
            document="了解入党动机，介绍入党程序",
        ),
    ]
    if activist_after is not None:
        recommended = near(applied + dt.timedelta(days=activist_after - 12))
        activist = near(applied + dt.timedelta(days=activist_after))
        events += [
            _event("recommended", recommended),
            _event("activist", activist, document="党员推荐，支委会研究确定"),
            _event("activist_filed", near(activist + dt.timedelta(days=7))),
            _event("contacts_assigned", near(activist + dt.timedelta(days=7))),
        ]
        review = add_months(activist, 6)
        last = until if target_after is None else applied + dt.timedelta(days=target_after)
        while review < last:
            # A working day on or before the half-year mark, never late (NAT-3).
            day = review - dt.timedelta(days=_spread(review, 3, 10))
            events.append(_event("review", near(day), people=talker, document="表现良好"))
            review = add_months(day, 6)
    if target_after is not None:
        target = near(applied + dt.timedelta(days=target_after))
        training = near(target + dt.timedelta(days=45))
        events += [
            _event("target", target, document="支委会讨论同意"),
            _event("target_filed", near(target + dt.timedelta(days=7))),
            _event("introducers_assigned", near(target + dt.timedelta(days=7))),
            _event("political_review", near(target + dt.timedelta(days=30)), document="合格"),
            _event(
                "training",
                training,
                until=training + dt.timedelta(days=2),
                hours=24.0,
                document="发展对象培训班",
            ),
        ]
    return [e for e in events if e.date < until]


def _person(ctx: DemoContext, pool: NamePool, **fields: Any) -> Candidate:
    rng = ctx.rng
    gender: Gender = "male" if rng.random() < 0.5 else "female"
    birth = ctx.today - dt.timedelta(days=rng.randint(23 * 365, 32 * 365))
    return Candidate(
        id=ctx.new_id(),
        name=pool.draw(gender),
        gender=gender,
        birth_date=birth,
        id_number=make_id_number(rng, birth, gender),
        phone=make_phone(rng),
        position=rng.choice(POSITIONS),
        **fields,
    )


def build_candidates(ctx: DemoContext, pool: NamePool) -> None:
    rng = ctx.rng
    today = ctx.today
    helpers = ctx.cast["ordinary"][:8]
    contacts = [m.id for m in helpers[:2]]
    introducers = [m.id for m in helpers[2:4]]
    # Two applicants: one still waiting for the talk (due within a month), one talked to.
    fresh = _person(ctx, pool)
    fresh.events = [CandidateEvent(step="applied", date=ctx.working_day_near(ctx.days_ago(12, 20)))]
    ctx.add(fresh)
    talked = ctx.add(_person(ctx, pool))
    talked.events = _events(
        ctx,
        ctx.working_day_near(ctx.days_ago(60, 90)),
        today,
        activist_after=None,
        target_after=None,
    )
    ctx.add(
        Talk(
            id=ctx.new_id(),
            person_name=talked.name,
            date=talked.events[-1].date,
            kind="special",
            trigger="application",
            about_id=talked.id,
            talker_id=ctx.member("organization").id,
            content="了解入党动机，介绍入党程序",
        )
    )
    for _ in range(2):
        applied = ctx.working_day_near(ctx.days_ago(420, 700))
        ctx.add(
            _person(
                ctx,
                pool,
                contact_ids=contacts,
                events=_events(
                    ctx, applied, today, activist_after=rng.randint(90, 150), target_after=None
                ),
            )
        )
    applied = ctx.working_day_near(ctx.days_ago(900, 1000))
    ctx.add(
        _person(
            ctx,
            pool,
            contact_ids=contacts,
            introducer_ids=introducers,
            events=_events(ctx, applied, today, activist_after=120, target_after=120 + 400),
        )
    )
    _probationary(ctx, ctx.cast["probationary"][0], contacts, introducers)


def _probationary(
    ctx: DemoContext, member: Member, contacts: list[str], introducers: list[str]
) -> None:
    """The development file of the member received at the branch meeting (``joined``)."""
    near = ctx.working_day_near
    vote = member.joined
    assert vote is not None
    target_day = vote - dt.timedelta(days=110)
    applied = target_day - dt.timedelta(days=540)
    events = _events(
        ctx, applied, target_day + dt.timedelta(days=60), activist_after=120, target_after=540
    )
    approved = near(vote + dt.timedelta(days=ctx.rng.randint(30, 70)))
    oath_month = add_months(approved.replace(day=1), 1)
    oath = ctx.first_working_day(oath_month.year, oath_month.month)
    ctx.cast["oath_date"] = oath
    # DEV-3: 公示 after the 支部委员会审查, ended before the upper committee's 预审.
    publicity = near(vote - dt.timedelta(days=32))
    voters = len(voters_on(ctx.data.members, vote))
    present = voters - _spread(vote, 1, 3)
    tally = CandidateVote(present=present, yes=present)
    events += [
        _event("committee_review", near(vote - dt.timedelta(days=35)), document="支委会审查合格"),
        _event("pre_review", near(vote - dt.timedelta(days=25)), document="预审合格"),
        _event("publicity", publicity, until=publicity + dt.timedelta(days=4)),
        _event("form_filled", near(vote - dt.timedelta(days=10)), document="入党志愿书"),
        _event("branch_vote", vote, vote=tally, document="同意接收为预备党员"),
        _event("upper_talk", near(vote + dt.timedelta(days=14)), people="上级党委组织委员"),
        _event("approved", approved, document="同意接收"),
        _event("approval_filed", near(approved + dt.timedelta(days=7))),
        _event("placed", min(near(approved + dt.timedelta(days=3)), oath)),
        _event("oath", oath, document="主题党日集体宣誓"),
    ]
    events.sort(key=lambda e: e.date)
    ctx.cast["publicity_date"] = publicity
    ctx.add(
        Candidate(
            id=ctx.new_id(),
            name=member.name,
            gender=member.gender,
            birth_date=member.birth_date,
            id_number=member.id_number,
            phone=member.phone,
            position=member.position,
            events=events,
            contact_ids=contacts,
            introducer_ids=introducers,
            member_id=member.id,
        )
    )


def build_register_updates(ctx: DemoContext) -> None:
    """The applicant / activist / target register, updated every half year (DEV-1).

    On the 10th of January and July, even on a weekend: exactly six months apart, so the
    register is never overdue in the demo.
    """
    for year in ctx.years():
        for month in (1, 7):
            day = dt.date(year, month, 10)
            if ctx.in_history(day):
                half = "上" if month == 1 else "下"
                ctx.add(
                    DevelopmentRegisterUpdate(
                        id=ctx.new_id(), date=day, note=f"{year}年{half}半年更新"
                    )
                )
