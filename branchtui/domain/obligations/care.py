"""CARE — care and support (党内关怀): required talks, 党务公开, hardship cases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from branchtui.domain.committee import holder
from branchtui.domain.dates import format_date
from branchtui.domain.discipline import sanctioned
from branchtui.domain.member_names import display_names
from branchtui.domain.obligations.base import Context, Obligation, rule
from branchtui.domain.obligations.catalogue import brief, obligation, period_obligation
from branchtui.domain.obligations.indexes import member_names
from branchtui.domain.obligations.periods import judged_periods, periodic_status
from branchtui.domain.records import BranchData, DisciplineCase, Fluctuation, Talk
from branchtui.domain.records.care import TALK_TRIGGERS, TalkKind, TalkTrigger

# Only events of the last year raise a talk duty, so imported history does not flood the list.
TALK_LOOKBACK_DAYS = 365


@dataclass(frozen=True)
class TalkEvent:
    """An event after which the secretary must talk with the member (CARE-1)."""

    id: str
    trigger: str
    date: dt.date
    member_id: str | None
    person_name: str


def talk_events(data: BranchData, on: dt.date) -> list[TalkEvent]:
    """Transfers in/out, out-flows, trips abroad, ideological fluctuations and discipline cases
    since the look-back. A case is 需组织处理 (handling), or 需受党纪处分 (discipline) once it
    records a sanction (domain/discipline.py ``sanctioned``)."""
    names = display_names(data.members)
    events = [
        TalkEvent(
            t.id,
            "transfer_in" if t.direction == "in" else "transfer_out",
            t.date,
            t.member_id,
            t.person_name,
        )
        for t in data.transfers
    ]
    events += [
        TalkEvent(f.id, "going_out", f.start, f.member_id, f.person_name)
        for f in data.flowing_members
        if f.direction == "outflow"
    ]
    events += [
        TalkEvent(t.id, "abroad", t.depart, t.member_id, names.get(t.member_id, ""))
        for t in data.travels
    ]
    events += [fluctuation_event(f, names) for f in data.fluctuations]
    events += [
        TalkEvent(
            c.id,
            "discipline" if sanctioned(c) else "handling",
            c.opened,
            c.member_id,
            names.get(c.member_id, ""),
        )
        for c in data.discipline_cases
    ]
    since = on - dt.timedelta(days=TALK_LOOKBACK_DAYS)
    # What happened before a member arrived here was the former branch's to talk about.
    arrived = {m.id: m.arrived for m in data.members if m.arrived is not None}
    return [
        e
        for e in events
        if since <= e.date <= on and (e.member_id not in arrived or arrived[e.member_id] <= e.date)
    ]


def fluctuation_event(entry: Fluctuation, names: dict[str, str]) -> TalkEvent:
    """The talk event of a 思想波动 entry (``names``: member id → name)."""
    return TalkEvent(
        entry.id, "fluctuation", entry.noticed, entry.member_id, names.get(entry.member_id, "")
    )


def case_talks(event: TalkEvent, data: BranchData) -> list[Talk]:
    """The 谈话提醒 steps recorded in the 处置 case that is ``event``, as the talks they are: the
    talk is entered once, as a step of the case, and settles the case's CARE-1 duty."""
    case = data.find("discipline_cases", event.id) if event.trigger in CASE_TRIGGERS else None
    if not isinstance(case, DisciplineCase):
        return []
    return [
        Talk(
            id=f"{case.id}:{n}",
            member_id=case.member_id,
            date=step.date,
            kind=TALK_KIND_OF_TRIGGER[event.trigger],
            trigger=cast(TalkTrigger, event.trigger),
            about_id=case.id,
            content=step.note,
        )
        for n, step in enumerate(case.steps)
        if step.step == "talk"
    ]


def talk_held(event: TalkEvent, data: BranchData, on: dt.date | None = None) -> Talk | None:
    """The first talk (by date) about this event, or with the same person on or after its date,
    held on or before ``on`` (any date when None); None when there is none yet. A case's
    谈话提醒 step is such a talk."""
    for talk in sorted([*data.talks, *case_talks(event, data)], key=lambda t: t.date):
        if on is not None and talk.date > on:
            continue
        if talk.about_id == event.id:
            return talk
        same = (event.member_id and talk.member_id == event.member_id) or (
            not event.member_id and event.person_name and talk.person_name == event.person_name
        )
        if same and talk.date >= event.date:
            return talk
    return None


def talked(event: TalkEvent, data: BranchData, on: dt.date) -> bool:
    """A talk about this event, or with the same person on or after its date (on or before today)."""
    return talk_held(event, data, on) is not None


def owed_talks(data: BranchData, on: dt.date) -> list[TalkEvent]:
    """CARE-1: the events of the look-back after which no talk is recorded yet, oldest first."""
    owed = [e for e in talk_events(data, on) if not talked(e, data, on)]
    return sorted(owed, key=lambda e: (e.date, e.person_name))


# The kind of talk an event calls for: a 专题谈话 about a move or a fluctuation (the default),
# a 提醒谈话 before handling, a 诫勉谈话 for a member to be disciplined.
TALK_KIND_OF_TRIGGER: dict[str, TalkKind] = {"handling": "reminder", "discipline": "admonishing"}
# The triggers whose event is a 处置 case (its id is the case's).
CASE_TRIGGERS = frozenset(TALK_KIND_OF_TRIGGER)

# How an obligation says what happened, where the trigger's label is not itself a verb.
EVENT_WORDS: dict[str, str] = {"fluctuation": "出现思想波动"}


def event_words(trigger: str) -> str:
    """What the member did or is to undergo, as a duty says it (转出组织关系, 出现思想波动 …)."""
    return EVENT_WORDS.get(trigger) or TALK_TRIGGERS.get(trigger, trigger)


def talk_about(event: TalkEvent, data: BranchData, on: dt.date) -> Talk:
    """A new talk settling ``event`` (CARE-1), as the form opens it: the member, the trigger,
    the record it is about, today's date and the secretary as the talker."""
    secretary = holder(data, "secretary", on)
    return Talk(
        member_id=event.member_id,
        person_name=event.person_name,
        date=on,
        kind=TALK_KIND_OF_TRIGGER.get(event.trigger, "special"),
        trigger=cast(TalkTrigger, event.trigger),
        about_id=event.id,
        talker_id=secretary.id if secretary is not None else None,
    )


@rule("CARE-1")
def check_required_talks(ctx: Context) -> list[Obligation]:
    """The secretary talks with a member who transfers, goes out or abroad, shows ideological
    fluctuation, or is to be handled or disciplined."""
    events = talk_events(ctx.data, ctx.on)
    if not events:
        return [obligation("CARE-1", "not_applicable", detail="近一年没有需谈话的事项")]
    out = [
        obligation(
            "CARE-1",
            "due",
            period_kind="deadline",
            due=e.date,
            detail=f"{e.person_name or '（未知）'}于{format_date(e.date)}"
            f"{event_words(e.trigger)}，书记尚未与其谈心谈话",
            brief=brief(
                f"{e.person_name or '（未知）'}{TALK_TRIGGERS.get(e.trigger, e.trigger)}，尚未谈话",
                f"{e.person_name or '（未知）'}尚未谈心谈话",
                "尚未谈心谈话",
            ),
            refs=(e.id,),
            people=(e.member_id,) if e.member_id else (),
        )
        for e in events
        if not talked(e, ctx.data, ctx.on)
    ]
    return out or [
        obligation(
            "CARE-1",
            "met",
            detail=f"近一年{len(events)}件需谈话事项均已谈话",
            refs=tuple(e.id for e in events),
        )
    ]


@rule("CARE-2")
def check_openness(ctx: Context) -> list[Obligation]:
    """Members' right to know: 党务公开 is practised and registered each year."""
    out: list[Obligation] = []
    for year in judged_periods("year", ctx.data, ctx.on):
        found = [a for a in ctx.data.announcements if year.contains(a.date) and a.date <= ctx.on]
        out.append(
            period_obligation(
                "CARE-2",
                periodic_status(bool(found), year, ctx.on),
                year,
                detail=f"{year.label}已党务公开{len(found)}次"
                if found
                else f"{year.label}尚未登记党务公开",
                refs=tuple(a.id for a in found),
            )
        )
    return out


@rule("CARE-3")
def check_hardship(ctx: Context) -> list[Obligation]:
    """Hardship applications are reported up and help is given."""
    cases = ctx.data.hardship_cases
    if not cases:
        return [obligation("CARE-3", "not_applicable", detail="没有困难帮扶申请")]
    names = member_names(ctx)
    out: list[Obligation] = []
    for case in cases:
        who = names.get(case.member_id, "（已删除）")
        if case.reported_up is None and case.helped is None:
            out.append(
                obligation(
                    "CARE-3",
                    "due",
                    detail=f"{who}于{format_date(case.applied)}申请帮扶，尚未向上级党组织报告",
                    brief=brief(f"{who}申请帮扶，尚未向上级报告", "帮扶申请尚未向上级报告"),
                    refs=(case.id,),
                    people=(case.member_id,),
                )
            )
        elif case.helped is None:
            out.append(
                obligation(
                    "CARE-3",
                    "upcoming",
                    detail=f"{who}的帮扶申请已于{format_date(case.reported_up)}上报，待落实帮扶",
                    brief=brief(f"{who}的帮扶申请已上报，待落实", "帮扶申请已上报，待落实"),
                    refs=(case.id,),
                    people=(case.member_id,),
                )
            )
    return out or [obligation("CARE-3", "met", detail=f"{len(cases)}件帮扶申请均已落实")]
